"""Check type `weekday`: "Tuesday, 20 April 2023" when 20 April 2023 is a Thursday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.language import lexicon
from checker.models import Claim

WEEKDAY_NAMES = common.WEEKDAY_NAMES


class WeekdayParams(Params):
    """Whether a date written without its year is checked in the year it was read as."""

    yearless: bool = True


FIELDS = {"date", "named", "actual", "before", "after", "working"}


def nearest(day: date, weekday: int) -> tuple[date, date]:
    """The nearest days before and after `day` that fall on `weekday`."""
    back = (day.weekday() - weekday) % 7 or 7
    ahead = (weekday - day.weekday()) % 7 or 7
    if not date.min + timedelta(days=7) <= day <= date.max - timedelta(days=7):
        return day, day  # the calendar's first or last week: no day beyond it to name
    return day - timedelta(days=back), day + timedelta(days=ahead)


@register("weekday", WeekdayParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: WeekdayParams) -> Iterator[Hit]:
    """Flag a date whose named weekday is another day under every reading."""
    for claim in claims:
        if claim.kind != "date" or claim.weekday is None or claim.date is None:
            continue
        if not params.yearless and not common.has_year(claim.text):
            continue
        readings = [r.date for r in claim.readings] or [claim.date]
        days = [d for d in (r.as_date() for r in readings) if d is not None]
        if not days or any(d.weekday() == claim.weekday for d in days):
            continue
        day = claim.date.as_date() or days[0]
        yield _hit(claim, day, claim.weekday)


def _hit(claim: Claim, day: date, weekday: int) -> Hit:
    named, actual = WEEKDAY_NAMES[weekday], WEEKDAY_NAMES[day.weekday()]
    before, after = nearest(day, weekday)
    working = (
        f"{common.day_words(day)} is a {actual}; the nearest {named}s are "
        f"{common.day_words(before)} and {common.day_words(after)}"
    )
    suggestion = None
    span = _weekday_span(claim.text)
    if span is not None:
        suggestion = claim.text[: span[0]] + actual + claim.text[span[1] :]
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "date": common.day_words(day),
            "named": named,
            "actual": actual,
            "before": common.day_words(before),
            "after": common.day_words(after),
            "working": working,
        },
        working=working,
        suggestion=suggestion,
        claims=(claim.id,),
    )


def _weekday_span(text: str) -> tuple[int, int] | None:
    """Where a text names a weekday ("Tuesday", "Tues.", "Mon")."""
    calendar = lexicon.table("calendar.tsv")
    start = None
    for i, char in enumerate(text + " "):
        if char.isalpha():
            start = i if start is None else start
            continue
        if start is not None:
            word = text[start:i].lower()
            if calendar.get(word, ("",))[0] == "weekday":
                return start, i
            start = None
    return None
