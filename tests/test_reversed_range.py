"""The reversed-range check's suggested wording: the ends swapped as a writer would write them."""

from __future__ import annotations

import pytest

import checker


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("The Sea Swim ran January 29–24, 2025.", "January 24–29, 2025"),
        ("The Tidewell Sea Swim ran 23–17 June 2024.", "17–23 June 2024"),
        ("The Makers' Market ran 6–5 June.", "5–6 June"),
        ("The plan covers the period from 2021 to 2019.", "the period from 2019 to 2021"),
        ("The school year ran from 8 September 2024 to 30 August 2024.",
         "from 30 August 2024 to 8 September 2024"),
    ],
)  # fmt: skip
def test_a_reversed_range_suggests_its_ends_swapped(text: str, suggestion: str) -> None:
    report = checker.check_text(text, "2025-03-12")
    found = [f for d in report.documents for f in d.findings if f.rule == "reversed-range"]
    assert [f.suggestion for f in found] == [suggestion]
