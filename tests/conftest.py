"""Shared fixtures: where ../shared is, and skipping with the reason when it is absent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsers import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; tests that need it skip, saying why, when a clone has none."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone has none; CI has it)")
    return SHARED


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium from the system package; the tests skip, saying why, without it."""
    yield from chromium()
