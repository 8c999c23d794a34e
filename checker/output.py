"""Where a report goes: standard output, a file, or one file per document in a folder."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, RenderableType

from checker.errors import InputError
from checker.models import Report
from checker.paths import SUFFIXES
from checker.pipeline import report as build_report

EXTENSIONS = {"json": ".json", "sarif": ".sarif", "github": ".txt", "junit": ".xml",
              "rdjsonl": ".rdjsonl", "markdown": ".md", "html": ".html", "text": ".txt"}  # fmt: skip
Render = Callable[[Report], str]
UNWRAPPED = 10_000  # columns when not on a terminal: a line is never wrapped or cut
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


@dataclass(frozen=True)
class Inputs:
    """What a run checks, resolved: reports may replace none of it, nor land where a later run
    of the same command would check them as releases."""

    files: frozenset[Path] = frozenset()
    folders: tuple[Path, ...] = ()
    beside: frozenset[Path] = frozenset()

    @classmethod
    def of(cls, given: Sequence[str], files: Sequence[str]) -> Inputs:
        """The checked files, the folders named (a later run over one would read a report
        anywhere in it as a release) and the folders that hold the files named (one would
        read a report put right beside them)."""
        checked = frozenset(_resolved(f) for f in files if f != "-")
        named = {_resolved(p) for p in given if p != "-" and os.path.isdir(p)}
        return cls(checked, tuple(sorted(named)), frozenset(f.parent for f in checked))

    def refuse(self, path: Path, document: str | None) -> None:
        """An InputError when writing `path` would replace a release or plant a report in a
        checked folder."""
        target = _resolved(path)
        if target in self.files:
            what = f"the report of {document}" if document else "the report"
            raise InputError(
                str(path),
                f"{what} would replace a release being checked",
                "write reports to another folder, e.g. -o reports/",
            )
        if target.suffix.lower() in SUFFIXES and (
            any(folder in target.parents for folder in self.folders) or target.parent in self.beside
        ):
            raise InputError(
                str(path),
                "a report there lies in a checked folder, and a run over that folder would "
                "check it as a release",
                "write reports outside the folders checked, e.g. -o ../reports/",
            )


def _resolved(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a file whole or not at all: a temporary file beside it, then a rename. A symlink
    is written through (the link stays); a device or a pipe is written to as it is; an existing
    file keeps its permissions, a new one gets those the umask gives."""
    target = _resolved(path)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with target.open("w", encoding="utf-8", newline="") as device:  # /dev/null, a pipe
            device.writelines([text] if isinstance(text, str) else text)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # A short name of its own, so that a long report name still leaves room for it.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".factcheck-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.writelines([text] if isinstance(text, str) else text)
        if info is not None:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            if os.geteuid() == 0:  # root replacing a user's report leaves it theirs
                os.chown(temporary, info.st_uid, info.st_gid)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
    os.umask(mask)
    return mask


def emit(
    result: Report, render: Render, fmt: str, target: str | None, inputs: Inputs = Inputs()
) -> list[Path]:
    """Send a rendered report to stdout, to a file, or (a folder, or a path ending in /) one
    file per document into that folder. Every path is checked before anything is written.
    Returns the files written."""
    if target is None or target == "-":
        write_stdout(guard_commands(render(result), fmt))
        return []
    try:
        planned = _plan(result, render, fmt, target, inputs)
    except OSError as exc:
        raise InputError(target, f"cannot be written ({_reason(exc)})", "check the path") from None
    for path, text in planned:
        _write(path, text)
    return [path for path, _ in planned]


def streams_to_one(target: str | None) -> bool:
    """Whether a report goes to standard output or to one file, not one file per document."""
    if target is None or target == "-":
        return True
    return not (target.endswith(("/", os.sep)) or Path(target).is_dir())


def emit_chunks(chunks: Iterable[str], fmt: str, target: str | None, inputs: Inputs) -> None:
    """Send a report made piece by piece to stdout or to one file (written whole or not at all),
    each piece as it is made; the path is checked before the first piece is asked for."""
    if target is None or target == "-":
        for chunk in chunks:
            write_stdout(guard_commands(chunk, fmt))
        return
    destination = Path(target)
    inputs.refuse(destination, None)
    _write(destination, (guard_commands(chunk, fmt) for chunk in chunks))


def _plan(
    result: Report, render: Render, fmt: str, target: str, inputs: Inputs
) -> list[tuple[Path, str]]:
    destination = Path(target)
    if streams_to_one(target):
        inputs.refuse(destination, None)
        return [(destination, render(result))]
    planned: list[tuple[Path, str]] = []
    for document in result.documents:
        stem = Path(document.path).stem if document.path != "<stdin>" else "stdin"
        path = destination / f"{stem}{EXTENSIONS[fmt]}"
        counter = 2
        while any(path == p for p, _ in planned):  # two releases with one name, in two folders
            path = destination / f"{stem}-{counter}{EXTENSIONS[fmt]}"
            counter += 1
        inputs.refuse(path, document.path)
        planned.append((path, render(build_report([document], result.version))))
    return planned


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return exc.strerror or type(exc).__name__


def _write(path: Path, text: str | Iterable[str]) -> None:
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(
            str(path), f"cannot be written ({_reason(exc)})", "check the folder"
        ) from None


def write_stdout(text: str) -> None:
    """Print to standard output; a reader that has gone (`| head`, `| true`) is no error, and
    the run keeps the exit status its findings call for."""
    try:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at nothing so that it cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# The escape that keeps a line from starting with `::`, which GitHub Actions reads as a
# workflow command (after leading white space), in a way each format displays as `:`.
_COMMAND_ESCAPES = {"html": "&#58;", "junit": "&#58;"}
ZERO_WIDTH_SPACE = "\u200b"


def guard_commands(text: str, fmt: str) -> str:
    """The text with no line that GitHub would run as a workflow command, but in the `github`
    format, whose commands are meant (and whose data is escaped)."""
    if fmt == "github" or "::" not in text:
        return text
    # The runner reads a line up to a CR, an LF or both, as .NET's ReadLine does.
    parts = _LINE_BREAK.split(text)
    for index in range(0, len(parts), 2):
        line = parts[index]
        bare = line.lstrip()
        if bare.startswith("::"):
            lead = line[: len(line) - len(bare)]
            escape = _COMMAND_ESCAPES.get(fmt)
            parts[index] = f"{lead}{escape}{bare[1:]}" if escape else f"{ZERO_WIDTH_SPACE}{line}"
    return "".join(parts)


def print_renderables(items: Iterable[RenderableType]) -> None:
    """Print rich renderables on standard output: at the terminal's width on a terminal;
    elsewhere (a pipe, a file, CI) unwrapped and untruncated, without trailing spaces."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=UNWRAPPED)
    for item in items:  # each as it comes: a long run's report is never held whole
        with console.capture() as captured:
            console.print(item)
        text = captured.get()
        if not console.is_terminal:
            text = unpadded(text)
        write_stdout(guard_commands(text, "text"))


def plain(items: Iterable[RenderableType]) -> str:
    """Rich renderables as plain text for a file: no colour, no wrapping, no trailing spaces."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=UNWRAPPED, color_system=None, highlight=False)
    for item in items:
        console.print(item)
    return unpadded(buffer.getvalue())


def unpadded(text: str) -> str:
    """Each line without the spaces rich pads it with to the console's width."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))
