"""Counting the items of a list: serial comma or not, items that contain "and"."""

from __future__ import annotations

import pytest

from checker.extract.lists import items_of


@pytest.mark.parametrize(
    ("listed", "count"),
    [
        ("Norway, Sweden, Denmark, Finland and Iceland", 5),
        ("sea walls, early warning, community training and insurance for small businesses", 4),
        ("research and development, training, and outreach", 3),
        ("research and development, training and outreach", 3),
        ("A, B, and C", 3),
        ("bread and butter", 2),
        ("A; B; C", 3),
    ],
)
def test_items(listed: str, count: int) -> None:
    assert len(items_of(listed)) == count
