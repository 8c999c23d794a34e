"""Shared fixtures: where ../shared is, and skipping with the reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; tests that need it skip, saying why, when a clone has none."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone has none; CI has it)")
    return SHARED
