"""Check type `invalid-date`: a day the month does not have (31 April, 29 February 2023)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from checker.checks.base import Facts, Hit, Params, register
from checker.extract.lexicon import MONTH_NAMES
from checker.models import Claim


class InvalidDateParams(Params):
    """No settings: a day that does not exist is always wrong."""


FIELDS = {"date", "month", "days", "working"}


@register("invalid-date", InvalidDateParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: InvalidDateParams) -> Iterator[Hit]:
    """Flag a date that names a day its month does not have, under every reading."""
    for claim in claims:
        if claim.kind != "date" or claim.date is None or claim.date.is_valid:
            continue
        if any(r.date.is_valid for r in claim.readings):
            continue
        value = claim.date
        if value.month is None or not 1 <= value.month <= 12:
            continue
        days = calendar.monthrange(value.year, value.month)[1]
        month = f"{MONTH_NAMES[value.month - 1]} {value.year}"
        working = f"{month} has {days} days"
        if value.month == 2 and value.day == 29:
            working = f"{value.year} is not a leap year: {working}"
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={"date": claim.text, "month": month, "days": days, "working": working},
            working=working,
            claims=(claim.id,),
        )
