"""Check type `reversed-range`: "from 2021 to 2019", a range that ends before it starts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.language import lexicon
from checker.models import Claim
from checker.timeline import timex_interval

MONTH_WORDS = frozenset(row[0] for row in lexicon.rows("calendar.tsv") if row[1] == "month")


class ReversedRangeParams(Params):
    """No settings."""


FIELDS = {"range", "first", "second", "working"}


def _shown(claim: Claim) -> str:
    assert claim.date is not None
    iso = claim.timex.value if claim.timex is not None else claim.date.iso()
    return claim.text if claim.text == iso else f"{claim.text} ({iso})"


def _interval(claim: Claim) -> tuple[date, date]:
    """The days an end covers: its TIMEX value's ("2022-Q3" is July to September), else its
    calendar date's."""
    assert claim.date is not None
    found = timex_interval(claim.timex.value) if claim.timex is not None else None
    return found or (claim.date.first_day(), claim.date.last_day())


def _year_may_turn(first: Claim, second: Claim) -> bool:
    """Whether the end may be in a later year than the one the text was read with: neither
    end writes its year, the end names its own month ("30 December to 2 January"), and no
    weekday pins the years ("Tuesday, September 8 to Sunday, August 30" can be one year only)."""
    assert first.date is not None and second.date is not None
    if first.date.precision == "year" or second.date.precision == "year":
        return False  # "2021–12", "2021/20": years, written
    if common.has_year(first.text) and common.has_year(second.text):
        return False
    if not _names_month(second.text):
        return False  # "January 29–24": one month
    return not all(_weekday_holds(end) for end in (first, second))


def _names_month(text: str) -> bool:
    return any(word.strip(".,").lower() in MONTH_WORDS for word in text.split())


def _weekday_holds(end: Claim) -> bool:
    day = end.date.as_date() if end.date is not None else None
    return end.weekday is not None and day is not None and day.weekday() == end.weekday


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
        if not _interval(second)[1] < _interval(first)[0]:
            continue
        if _year_may_turn(first, second):
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
