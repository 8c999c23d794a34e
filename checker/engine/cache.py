"""Loaded rules kept between runs in the user's cache folder, named by a digest of everything
they are made of (the rule files, the code that reads and runs them, the Python version), so
that a changed file or another release of factcheck never meets a stale entry and a fresh
install of the same code finds the entries it left."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import checker

if TYPE_CHECKING:
    from checker.engine.schema import Rule

KEEP = 16  # entries kept; an entry is ~25 KB
_CODE = Path(checker.__file__).resolve().parent
# The code whose objects an entry holds (pickled by reference) or whose checks made it.
_SOURCES = ("checks/*.py", "engine/*.py", "models.py", "yamlsafe.py", "errors.py")


def folder() -> Path | None:
    """The cache folder: $FACTCHECK_CACHE_DIR (empty: no cache), else the XDG cache home."""
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "factcheck"


def digest(files: Sequence[tuple[str, Path]]) -> str:
    """A digest of the rule files (as they are shown, and their bytes) and of the code."""
    sha = hashlib.sha256(f"{checker.__version__}\0{sys.version}\0".encode())
    code = sorted(p for pattern in _SOURCES for p in _CODE.glob(pattern))
    for shown, path in [*((str(p.relative_to(_CODE)), p) for p in code), *files]:
        sha.update(shown.encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:32]


def rules(files: Sequence[tuple[str, Path]], build: Callable[[], list[Rule]]) -> list[Rule]:
    """The rules `build` makes of these files: from the cache when an entry has them, else
    built and kept. A cache that cannot be read or written is no cache, never an error."""
    where = folder()
    try:
        entry = where / f"rules-{digest(files)}.pickle" if where else None
    except OSError:
        entry = None  # a file that cannot be read: `build` says which, and why
    if entry is not None:
        try:
            loaded: list[Rule] = pickle.loads(entry.read_bytes())
            return loaded
        except Exception:  # missing, truncated or from incompatible code: build it again
            pass
    built = build()
    if entry is not None:
        _keep(entry, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    return built


def read(name: str) -> bytes | None:
    """The bytes of a cache entry by name, or None when there is none or it cannot be read."""
    where = folder()
    try:
        return (where / name).read_bytes() if where else None
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Keep bytes under a name (its kind is what precedes the first "-"), whole or not at all."""
    where = folder()
    if where is not None:
        _keep(where / name, data)


def _keep(entry: Path, data: bytes) -> None:
    """Write an entry whole or not at all, and drop the oldest beyond KEEP."""
    temporary: Path | None = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        kind = entry.name.split("-", 1)[0]
        with tempfile.NamedTemporaryFile(
            dir=entry.parent, prefix=f".{kind}-", delete=False
        ) as file:
            temporary = Path(file.name)
            file.write(data)
        os.replace(temporary, entry)
        entries = sorted(
            entry.parent.glob(f"{kind}-*{entry.suffix}"), key=lambda p: p.stat().st_mtime
        )
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only home or a full disk: the next run builds the rules again
        if temporary is not None:
            temporary.unlink(missing_ok=True)
