"""Data-driven extraction cases: tests/cases/extract/*.yaml, at a fixed release date each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.document import from_text
from checker.pipeline import claims_of

CASES = Path(__file__).parent / "cases" / "extract"
TEMPORAL = {"date", "relative", "range", "duration", "set", "time"}


def _load() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data.get("cases", [])):
            found.append((f"{path.stem}-{index}", data, case))
    return found


def _negatives() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in data.get("negative", []):
            found.append((path.stem, text, data))
    return found


def _claims(text: str, spec: dict[str, Any], case: dict[str, Any]) -> list[Any]:
    release = case.get("release_date", spec.get("release_date"))
    order = case.get("date_order", spec.get("date_order", "DMY"))
    document = from_text(text, "<case>", date.fromisoformat(str(release)), order)
    return claims_of(document)


@pytest.mark.parametrize(("name", "spec", "case"), _load(), ids=[c[0] for c in _load()])
def test_case(name: str, spec: dict[str, Any], case: dict[str, Any]) -> None:
    claims = _claims(case["text"], spec, case)
    for want in case["claims"]:
        occurrence = want.get("at", 0)
        start = -1
        for _ in range(occurrence + 1):
            start = case["text"].find(want["text"], start + 1)
        assert start >= 0, f"{want['text']!r} is not in the case text"
        end = start + len(want["text"])
        kind = want.get("kind")
        hits = [c for c in claims if c.start == start and c.end == end and kind in (None, c.kind)]
        assert hits, f"no {kind or ''} claim spans {want['text']!r}; found " + ", ".join(
            f"{c.kind}:{c.text!r}" for c in claims
        )
        claim = hits[0]
        for field in ("value", "number", "unit", "subject", "frequency", "cue", "weekday"):
            if field in want:
                assert getattr(claim, field) == want[field], f"{field} of {want['text']!r}"
        if "timex" in want:
            assert claim.timex is not None and claim.timex.value == str(want["timex"])
        if "type" in want:
            assert claim.timex is not None and claim.timex.type == want["type"]
    if case.get("exact"):
        kinds = {w.get("kind") for w in case["claims"]}
        extra = [c for c in claims if c.kind in kinds and not any(
            c.text == w["text"] for w in case["claims"])]  # fmt: skip
        assert not extra, f"unexpected claims: {[(c.kind, c.text) for c in extra]}"


@pytest.mark.parametrize(("stem", "text", "spec"), _negatives())
def test_negative(stem: str, text: str, spec: dict[str, Any]) -> None:
    kinds = set(spec.get("negative_kinds", TEMPORAL))
    claims = [c for c in _claims(text, spec, {}) if c.kind in kinds]
    assert not claims, f"{text!r} yields {[(c.kind, c.text) for c in claims]}"
