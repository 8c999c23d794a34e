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
    end writes its year, each end names its own month ("30 December to 2 January"; in
    "23–17 June" and "January 29–24" both are in one month), and no weekday pins the years
    ("Tuesday, September 8 to Sunday, August 30" can be one year only)."""
    assert first.date is not None and second.date is not None
    if first.date.precision == "year" or second.date.precision == "year":
        return False  # "2021–12", "2021/20": years, written
    if common.has_year(first.text) and common.has_year(second.text):
        return False
    if not (_names_month(first.text) and _names_month(second.text)):
        return False  # "January 29–24", "23–17 June": one month
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
            suggestion=_swapped(claim, first, second),
            claims=(claim.id, first.id, second.id),
        )


def _swapped(claim: Claim, first: Claim, second: Claim) -> str | None:
    """The range with its ends swapped: the days alone when the ends share a month ("January
    29–24, 2025" is "January 24–29, 2025"), else the ends as written ("from 2019 to 2021")."""
    assert first.date is not None and second.date is not None
    if first.date.precision != second.date.precision:
        return None
    cut = [first.start, first.end, second.start, second.end]
    texts = [second.text, first.text]
    same_month = (first.date.year, first.date.month) == (second.date.year, second.date.month)
    if first.date.precision == "day" and same_month:
        days = [_day_in(first), _day_in(second)]
        if days[0] is None or days[1] is None:
            return None
        cut = [first.start + days[0][0], first.start + days[0][1]]
        cut += [second.start + days[1][0], second.start + days[1][1]]
        texts = [second.text[days[1][0] : days[1][1]], first.text[days[0][0] : days[0][1]]]
    at = claim.start
    return (
        claim.text[: cut[0] - at]
        + texts[0]
        + claim.text[cut[1] - at : cut[2] - at]
        + texts[1]
        + claim.text[cut[3] - at :]
    )


def _day_in(end: Claim) -> tuple[int, int] | None:
    """Where an end's day of the month is written in its text ("29" of "January 29"): the
    first run of digits that reads as it."""
    text, at = end.text, 0
    day = end.date.day if end.date is not None else None
    while at < len(text):
        if text[at].isdecimal():
            stop = at
            while stop < len(text) and text[stop].isdecimal():
                stop += 1
            if int(text[at:stop]) == day:
                return at, stop
            at = stop
        else:
            at += 1
    return None
