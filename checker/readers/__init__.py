"""Format readers: the text of a DOCX or HTML release, with a map back to its paragraphs."""

from __future__ import annotations

import os
from pathlib import PurePath

from checker.errors import InputError
from checker.readers.sourcemap import Extracted, SourceMap

__all__ = ["KINDS", "Extracted", "SourceMap", "kind_of", "read", "read_file"]

KINDS = {".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html"}


def kind_of(name: str) -> str | None:
    """`docx` or `html` for a file name these readers take, None for text (and for `-`)."""
    return KINDS.get(PurePath(name).suffix.lower())


def read(raw: bytes, kind: str, where: str) -> Extracted:
    """The text of a file's bytes; a file that cannot be read is an InputError naming `where`."""
    if kind == "docx":
        from checker.readers import docx

        return docx.read(raw, where)
    from checker.readers import html

    return html.read(raw, where)


def read_file(path: str, kind: str, limit: int) -> Extracted:
    """The text of a DOCX or HTML file of at most `limit` bytes."""
    try:
        with open(path, "rb") as file:
            if os.fstat(file.fileno()).st_size > limit:
                raise InputError(path, f"larger than {limit // 2**20} MB", "split the file")
            raw = file.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder", "give a file, or a folder to `check`") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    if len(raw) > limit:  # it grew while being read
        raise InputError(path, f"larger than {limit // 2**20} MB", "split the file")
    return read(raw, kind, path)
