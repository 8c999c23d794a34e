"""Golden files: compare a rendering with its file; FACTCHECK_UPDATE_GOLDEN=1 rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = Path(__file__).parent / "golden"


def compare(path: Path, actual: str) -> None:
    """Assert `actual` equals the golden file byte for byte, or rewrite it when asked to."""
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing: run FACTCHECK_UPDATE_GOLDEN=1 pytest to write it"
    assert actual == path.read_bytes().decode("utf-8")
