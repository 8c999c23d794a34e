"""DOCX: the text of a Word document's body, a block per paragraph, tables cell by cell."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from checker.errors import InputError
from checker.readers.sourcemap import Extracted, SourceMap, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# A password-protected Word file is an OLE compound file holding an encrypted package.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# Containers whose children are blocks (paragraphs, tables, content controls).
_BLOCKS = {f"{W}body", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent", f"{W}customXml"}
# Inside a paragraph: deleted text, field codes, text boxes (they have paragraphs of their own)
# and the fallback copy of alternate content would be read twice or not at all by a reader.
_SKIPPED = {f"{W}del", f"{W}instrText", f"{W}delText", f"{W}txbxContent", f"{MC}Fallback"}
_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
_BREAKS = re.compile(r"[ \t]*\n\s*")
MAX_UNPACKED = 256 * 2**20  # what a DOCX may unpack to; a release is a few hundred KB


def _check_package(raw: bytes, where: str) -> None:
    """The errors to name before python-docx opens the file: a password, an old .doc, damage."""
    if raw.startswith(_OLE):
        if _ENCRYPTED in raw:
            raise InputError(where, "is password-protected", "save a copy without a password")
        raise InputError(where, "is an old Word .doc file, not .docx", "save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(
            where, "is not a Word .docx file (it is damaged or has another format)",
            "open it in Word and save it as .docx",
        ) from None  # fmt: skip
    if unpacked > MAX_UNPACKED:
        raise InputError(
            where, f"unpacks to more than {MAX_UNPACKED // 2**20} MB", "it is not a press release"
        )


def _body(raw: bytes, where: str) -> Any:
    """The `w:body` element of the main document part."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(raw)).element.body
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(where, f"is not a readable Word document ({problem})",
                         "open it in Word and save it as .docx") from None  # fmt: skip
    except Exception as exc:  # damaged XML surfaces from python-docx as many kinds of error
        raise InputError(where, f"is damaged ({type(exc).__name__})",
                         "open it in Word and save it as .docx") from None  # fmt: skip


def paragraphs(element: Any) -> Iterator[Any]:
    """The `w:p` elements under a body, in reading order, tables row by row, cell by cell."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == f"{W}p":
            yield child
        elif child.tag in _BLOCKS:
            stack.append(iter(child))


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's text as Word shows it with changes accepted: line breaks as one `\\n`."""
    out: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _TEXT:
            replacement = _TEXT[tag]
            out.append((child.text or "") if replacement is None else replacement)
        else:
            stack.append(iter(child))
    return _BREAKS.sub("\n", "".join(out)).strip()


def read(raw: bytes, where: str) -> Extracted:
    """The text of a DOCX: each non-empty paragraph a block, numbered as a reader counts them."""
    _check_package(raw, where)
    builder = TextBuilder()
    for paragraph in paragraphs(_body(raw, where)):
        if text := paragraph_text(paragraph):
            builder.paragraph(text)
    return Extracted(builder.text(), SourceMap("docx", tuple(builder.starts)))
