"""Which files a run checks: files, folders, globs, standard input, and git's changed files."""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.errors import InputError

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
KINDS = ".txt, .md, .docx or .html files"


def wanted(path: Path) -> bool:
    """A release file a folder or glob stands for; not Word's lock file (`~$draft.docx`)."""
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith("~$")


def _inside(folder: Path, path: Path) -> bool:
    """Whether a file found in a folder really lies in it (a symlink may point outside)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(folder)
    except OSError:
        return False


def _releases(folder: Path) -> list[Path]:
    """The .txt and .md files of a folder and its subfolders, sorted; none reached through a
    symlink that leads out of the folder."""
    real = Path(os.path.realpath(folder))
    return sorted(p for p in folder.rglob("*") if wanted(p) and _inside(real, p))


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Files as given, folders as their release files in sorted order, globs, `-` as stdin."""
    for path in paths:
        folder = Path(path)
        if path == "-":
            yield path
        elif folder.is_dir():
            found = _releases(folder)
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


def _git(folder: Path, *args: str) -> str:
    """Run git in a folder's repository; its last line of complaint as an InputError."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=True, check=True, stdin=subprocess.DEVNULL)  # fmt: skip
    except FileNotFoundError:
        raise InputError("--changed-since", "git is not installed") from None
    except subprocess.CalledProcessError as exc:
        reason = (exc.stderr or "").strip().splitlines()[-1:] or ["git failed"]
        raise InputError("--changed-since", f"{folder}: {reason[0]}") from None
    return done.stdout


def _changed(top: Path, ref: str) -> set[Path]:
    """The files of one repository added, copied, modified or renamed since `ref`, and the
    untracked ones it does not ignore. `ref` is verified as a commit before it is used, and
    only its hash reaches `git diff`: it is never read as an option."""
    try:
        commit = _git(
            top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
        )
    except InputError:
        commit = ""
    if not commit.strip():
        raise InputError(
            "--changed-since", f"{ref!r} is not a commit in {top}", "give a commit, branch or tag"
        )
    listed = _git(top, "diff", "--name-only", "-z", "--diff-filter=ACMR", commit.strip(), "--")
    untracked = _git(top, "ls-files", "-z", "--others", "--exclude-standard")
    return {(top / name).resolve() for name in (listed + untracked).split("\0") if name}


def changed_since(ref: str, candidates: Sequence[str]) -> list[str]:
    """The candidates that git reports changed since `ref`, each asked of the repository it
    lies in (not the current folder's)."""
    tops: dict[Path, Path] = {}
    changed: dict[Path, set[Path]] = {}
    kept = []
    for candidate in candidates:
        if candidate == "-":
            kept.append(candidate)
            continue
        path = Path(candidate).resolve()
        folder = path.parent
        if folder not in tops:
            tops[folder] = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
        top = tops[folder]
        if top not in changed:
            changed[top] = _changed(top, ref)
        if path in changed[top]:
            kept.append(candidate)
    return kept
