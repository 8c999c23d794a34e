"""Check type `reversed-range`: "from 2021 to 2019", a range that ends before it starts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim

_YEAR = re.compile(r"\d{4}")


class ReversedRangeParams(Params):
    """No settings."""


FIELDS = {"range", "first", "second", "working"}


def _shown(claim: Claim) -> str:
    assert claim.date is not None
    iso = claim.date.iso()
    return claim.text if claim.text == iso else f"{claim.text} ({iso})"


@register("reversed-range", ReversedRangeParams, FIELDS)
def run(document: Document, claims: list[Claim], params: ReversedRangeParams) -> Iterator[Hit]:
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
        if not second.date.last_day() < first.date.first_day():
            continue
        if not (_YEAR.search(first.text) and _YEAR.search(second.text)):
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
