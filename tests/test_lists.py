"""Counting the items of a list: serial comma or not, items that contain "and", bullets."""

from __future__ import annotations

import pytest

from checker.language import coordination
from checker.language.analysis import Analysis
from checker.language.geometry import Geometry


def _items(listed: str) -> list[str]:
    analysis = Analysis.of(listed, Geometry.of(listed))
    tokens = analysis.tokens
    return [analysis.text_of(a, b) for a, b in coordination.items(tokens, 0, len(tokens) - 1)]


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        (
            "Norway, Sweden, Denmark, Finland and Iceland",
            ["Norway", "Sweden", "Denmark", "Finland", "Iceland"],
        ),
        (
            "sea walls, early warning, community training and insurance for small businesses",
            ["sea walls", "early warning", "community training", "insurance for small businesses"],
        ),
        (
            "research and development, training, and outreach",
            ["research and development", "training", "outreach"],
        ),
        (
            "research and development, training and outreach",
            ["research and development", "training", "outreach"],
        ),
        ("A, B, and C", ["A", "B", "C"]),
        ("bread and butter", ["bread", "butter"]),
        ("A; B; C", ["A", "B", "C"]),
        (
            "arts and culture; health and safety; and libraries",
            ["arts and culture", "health and safety", "libraries"],
        ),
        (
            "Ana Liu, 52, of Brooklyn, Tom Berg and Sara Nyx",
            ["Ana Liu, 52, of Brooklyn", "Tom Berg", "Sara Nyx"],
        ),
    ],
)
def test_items(listed: str, expected: list[str]) -> None:
    assert _items(listed) == expected


def test_bullet_lines_are_items_whatever_they_hold() -> None:
    listed = "- Oslo, the capital\n- Bergen and its port\n- Tromsø"
    assert _items(listed) == ["Oslo, the capital", "Bergen and its port", "Tromsø"]


def test_numbered_items() -> None:
    assert len(_items("(1) housing, (2) transport and (3) schools")) == 3
