"""Span recall on Microsoft Recognizers-Text English extractor specs (../shared/recognizers, MIT)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from checker.document import from_text
from checker.pipeline import claims_of

TEMPORAL = {"date", "relative", "range", "duration", "set", "time"}
DEFAULT_REFERENCE = date(2016, 11, 7)  # the reference date most of the specs use
# Measured span recall (strict: same span; relaxed: overlapping), with a little room below.
FLOORS: dict[str, tuple[float, float]] = {
    "DateExtractor": (0.25, 0.65),  # measured 0.271 / 0.667
    "DatePeriodExtractor": (0.66, 0.86),  # measured 0.682 / 0.881
    "DurationExtractor": (0.59, 0.65),  # measured 0.609 / 0.672
    "SetExtractor": (0.46, 0.85),  # measured 0.484 / 0.871
    "TimeExtractor": (0.30, 0.46),  # measured 0.315 / 0.478
    "HolidayExtractor": (0.18, 0.54),  # measured 0.182 / 0.545 (11 spans)
}


def _specs(shared: Path, name: str) -> list[dict[str, Any]]:
    path = shared / "recognizers" / f"{name}.json"
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return [c for c in cases if "NotSupportedByDesign" not in c and c.get("Results")]


def _reference(case: dict[str, Any]) -> date:
    when = (case.get("Context") or {}).get("ReferenceDateTime")
    return datetime.fromisoformat(when).date() if when else DEFAULT_REFERENCE


def recall(cases: list[dict[str, Any]]) -> tuple[float, float, int]:
    """Strict and relaxed span recall of our temporal claims over the specs' results."""
    strict = relaxed = total = 0
    for case in cases:
        text = case["Input"]
        document = from_text(text, "<spec>", _reference(case), "MDY")
        spans = [(c.start, c.end) for c in claims_of(document) if c.kind in TEMPORAL]
        for result in case["Results"]:
            start, end = result["Start"], result["Start"] + result["Length"]
            total += 1
            strict += (start, end) in spans
            relaxed += any(s < end and start < e for s, e in spans)
    return strict / total, relaxed / total, total


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_span_recall(shared: Path, name: str) -> None:
    strict, relaxed, total = recall(_specs(shared, name))
    print(f"{name}: {total} spans, strict recall {strict:.3f}, relaxed recall {relaxed:.3f}")
    strict_floor, relaxed_floor = FLOORS[name]
    assert strict >= strict_floor, f"{name}: strict span recall {strict:.3f} < {strict_floor}"
    assert relaxed >= relaxed_floor, f"{name}: relaxed span recall {relaxed:.3f} < {relaxed_floor}"
