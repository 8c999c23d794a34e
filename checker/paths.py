"""Which files a run checks: files, folders, globs, standard input, and git's changed files."""

from __future__ import annotations

import glob
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.errors import InputError

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
KINDS = ".txt, .md, .docx or .html files"


def wanted(path: Path) -> bool:
    """A release file a folder or glob stands for; not Word's lock file (`~$draft.docx`)."""
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith("~$")


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Files as given, folders as their release files in sorted order, globs, `-` as stdin."""
    for path in paths:
        folder = Path(path)
        if path == "-":
            yield path
        elif folder.is_dir():
            found = sorted(p for p in folder.rglob("*") if wanted(p))
            if not found:
                raise InputError(path, f"holds no {KINDS}")
            yield from (str(p) for p in found)
        elif not folder.exists() and any(ch in path for ch in "*?["):
            matches = sorted(m for m in glob.glob(path, recursive=True) if wanted(Path(m)))
            if not matches:
                raise InputError(path, f"matches no {KINDS}")
            yield from matches
        else:
            yield path


def changed_since(ref: str, candidates: Sequence[str]) -> list[str]:
    """The candidates that git reports added, copied, modified or renamed since `ref`."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()  # fmt: skip
        listed = subprocess.run(
            ["git", "diff", "--name-only", "--diff-filter=ACMR", ref, "--"],
            capture_output=True, text=True, check=True, cwd=top,
        ).stdout.split("\n")  # fmt: skip
        untracked = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard"],
            capture_output=True, text=True, check=True, cwd=top,
        ).stdout.split("\n")  # fmt: skip
    except FileNotFoundError:
        raise InputError("--changed-since", "git is not installed") from None
    except subprocess.CalledProcessError as exc:
        reason = (exc.stderr or "").strip().splitlines()[-1:] or ["git failed"]
        raise InputError(
            "--changed-since", f"{ref!r}: {reason[0]}", "give a commit or branch"
        ) from None
    changed = {(Path(top) / name).resolve() for name in listed + untracked if name}
    return [c for c in candidates if c == "-" or Path(c).resolve() in changed]
