"""The pure functions an expression rule may call; dates are ISO strings (`2012`, `2012-07`, …)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date as Date
from typing import Any

from checker.language.lexicon import ordinal_word as _ordinal_word
from checker.models import CalendarDate
from checker.timeline import completed_years
from checker.timeline import months_between as _months_between


def parse(value: Any) -> CalendarDate:
    """A CalendarDate from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a date")
    parts = [int(p) for p in value.split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"{value!r} is not a date")
    return CalendarDate(
        year=parts[0],
        month=parts[1] if len(parts) > 1 else None,
        day=parts[2] if len(parts) > 2 else None,
    )


def _first(value: Any) -> Date:
    return parse(value).first_day()


def date(year: int, month: int | None = None, day: int | None = None) -> str:
    """The ISO string of a year, a month or a day: date(2012, 7) is `2012-07`."""
    return CalendarDate(year=year, month=month, day=day).iso()


def earliest(value: str) -> str:
    """The first day a date can mean: earliest('2012') is `2012-01-01`."""
    return _first(value).isoformat()


def latest(value: str) -> str:
    """The last day a date can mean: latest('2012-02') is `2012-02-29`."""
    return parse(value).last_day().isoformat()


def years_between(start: str, end: str) -> int:
    """Whole years from the first day of `start` to the first day of `end`."""
    return completed_years(_first(start), _first(end))


def months_between(start: str, end: str) -> int:
    """Whole months from the first day of `start` to the first day of `end`."""
    return _months_between(_first(start), _first(end))


def days_between(start: str, end: str) -> int:
    """Days from the first day of `start` to the first day of `end`."""
    return (_first(end) - _first(start)).days


def weekday(value: str) -> int:
    """The weekday of a day, Monday = 0."""
    return _first(value).weekday()


def weekday_name(number: int) -> str:
    """`Monday` for 0 … `Sunday` for 6."""
    return calendar.day_name[number]


def year(value: str) -> int:
    """The year of a date."""
    return parse(value).year


def precision(value: str) -> str:
    """`year`, `month` or `day`."""
    return parse(value).precision


def ordinal_word(number: int) -> str:
    """`eleventh` for 11."""
    return _ordinal_word(int(number))


def valid(value: str) -> bool:
    """Whether the day exists (31 April does not)."""
    return parse(value).is_valid


def rounded(number: float, digits: int = 0) -> float:
    """`round`, with at most 12 digits either side of the point (a huge count would hang)."""
    if not -12 <= int(digits) <= 12:
        raise ValueError("round() takes at most 12 digits")
    return round(number, int(digits))


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "date": date,
    "earliest": earliest,
    "latest": latest,
    "years_between": years_between,
    "months_between": months_between,
    "days_between": days_between,
    "weekday": weekday,
    "weekday_name": weekday_name,
    "year": year,
    "precision": precision,
    "ordinal_word": ordinal_word,
    "valid": valid,
    "abs": abs,
    "min": min,
    "max": max,
    "len": len,
    "round": rounded,
}
