"""Where a report goes: standard output, a file, or one file per document in a folder."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from checker.errors import InputError
from checker.models import Report
from checker.pipeline import report as build_report

EXTENSIONS = {"json": ".json", "sarif": ".sarif", "github": ".txt", "junit": ".xml",
              "rdjsonl": ".rdjsonl", "markdown": ".md", "html": ".html", "text": ".txt"}  # fmt: skip
Render = Callable[[Report], str]


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def emit(result: Report, render: Render, fmt: str, target: str | None) -> list[Path]:
    """Send a rendered report to stdout, to a file, or (a folder, or a path ending in /) one
    file per document into that folder. Returns the files written."""
    if target is None or target == "-":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stdout.write(render(result))
        return []
    destination = Path(target)
    if not (target.endswith(("/", os.sep)) or destination.is_dir()):
        _write(destination, render(result))
        return [destination]
    written: list[Path] = []
    for document in result.documents:
        single = build_report([document], result.version)
        stem = Path(document.path).stem if document.path != "<stdin>" else "stdin"
        path = destination / f"{stem}{EXTENSIONS[fmt]}"
        counter = 2
        while path in written:  # two releases with one name, in different folders
            path = destination / f"{stem}-{counter}{EXTENSIONS[fmt]}"
            counter += 1
        _write(path, render(single))
        written.append(path)
    return written


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(
            str(path), f"cannot be written ({exc.strerror})", "check the folder"
        ) from None
