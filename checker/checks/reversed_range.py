"""Check type `reversed-range`: "from 2021 to 2019", a range that ends before it starts."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim


class ReversedRangeParams(Params):
    """No settings."""


FIELDS = {"range", "first", "second", "working"}


def _shown(claim: Claim) -> str:
    assert claim.date is not None
    iso = claim.date.iso()
    return claim.text if claim.text == iso else f"{claim.text} ({iso})"


@register("reversed-range", ReversedRangeParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: ReversedRangeParams) -> Iterator[Hit]:
    """Flag a range of two written dates whose second ends before its first begins."""
    index = common.by_id(claims)
    for claim in claims:
        if claim.kind != "range":
            continue
        ends = common.parts(claim, index)
        if len(ends) != 2 or any(
            e.kind != "date" or not (e.date and e.date.is_valid) for e in ends
        ):
            continue
        first, second = ends
        assert first.date is not None and second.date is not None
        if not (first.date.is_valid and second.date.is_valid):
            continue  # "31 April 2024 - 3 May 2024": invalid-date reports the day
        if not second.date.last_day() < first.date.first_day():
            continue
        if not (common.has_year(first.text) and common.has_year(second.text)):
            continue  # "from 30 December to 2 January 2024": the year turns between them
        working = f"{_shown(second)} is before {_shown(first)}"
        swapped = (
            claim.text[: first.start - claim.start]
            + second.text
            + claim.text[first.end - claim.start : second.start - claim.start]
            + first.text
            + claim.text[second.end - claim.start :]
        )
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={
                "range": claim.text,
                "first": first.text,
                "second": second.text,
                "working": working,
            },
            related=(common.related(first, "starts"), common.related(second, "ends")),
            working=working,
            suggestion=swapped if first.date.precision == second.date.precision else None,
            claims=(claim.id, first.id, second.id),
        )
