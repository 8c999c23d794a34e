"""Date arithmetic on the release's timeline: intervals of TIMEX values, years between dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from checker.models import CalendarDate

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex_interval(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 DATE value covers (2012, 2012-07, 2022-W40, 2023-Q3 …)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T[A-Z0-9:]+)?", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, quarter = int(m[1]), int(m[2])
            first = date(year, 3 * quarter - 2, 1)
            last_month = 3 * quarter
            return first, date(year, last_month, calendar.monthrange(year, last_month)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            year = int(m[1])
            return (date(year, 1, 1), date(year, 6, 30)) if m[2] == "1" else (
                date(year, 7, 1), date(year, 12, 31))  # fmt: skip
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year = int(m[1])
            first_month, last_month = _SEASON_MONTHS[m[2]]
            last_year = year + (last_month - 1) // 12
            last_month = (last_month - 1) % 12 + 1
            return date(year, first_month, 1), date(
                last_year, last_month, calendar.monthrange(last_year, last_month)[1]
            )
        if m := re.fullmatch(r"(\d{3})X", value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except (ValueError, OverflowError):  # a week or season past 9999-12-31 holds no days
        return None
    return None


def completed_years(start: date, end: date) -> int:
    """Whole years from `start` to `end` (a birthday counts on its day)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def completed_years_range(origin: CalendarDate, end: date) -> tuple[int, int]:
    """The fewest and most whole years since an origin known to a year, month or day."""
    latest = origin.last_day()
    earliest = origin.first_day()
    return completed_years(latest, end), completed_years(earliest, end)


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end`."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def describe_span(start: date, end: date) -> str:
    """`10 years 3 months` from one day to another, for the working shown to a reader."""
    months = months_between(start, end)
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def iso_week(day: date) -> str:
    """The TIMEX3 value of the week holding a day: 2022-W40."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
