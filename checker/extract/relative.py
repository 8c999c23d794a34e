"""Dates said relative to the release: today, last week, three days ago, last Tuesday."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from checker.extract.base import Context, Draft
from checker.extract.lexicon import NUMBER_RE, WEEKDAY_NAMES, cardinal_value, weekday_number
from checker.models import CalendarDate, Timex
from checker.timeline import add_months, iso_week

_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
DAY_WORD = re.compile(
    r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow"
    r"|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening)|last\s+night)\b(?!['’]s\b)",
    re.IGNORECASE,
)
# "today's meeting" is about the day too, but as a noun's owner; it stays a DATE.
DAY_WORD_POSSESSIVE = re.compile(r"\b(today|yesterday|tomorrow)['’]s\b", re.IGNORECASE)
_UNIT = r"(?P<unit>week(?:end)?|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)"
CALENDAR_REF = re.compile(
    rf"\b(?P<mod>(?:earlier|later)\s+(?:this|last|next)|this|last|next|past|coming|previous|current)\s+{_UNIT}\b"
    r"(?![\w-]|['’]s\s+\w+\s+(?:of|in))",
    re.IGNORECASE,
)
AGO = re.compile(
    rf"\b(?P<n>{NUMBER_RE}|a|an|a\s+few|several)\s+(?P<unit>day|week|month|year|decade)s?\s+"
    r"(?P<dir>ago|earlier|later|before|from\s+now|hence)\b",
    re.IGNORECASE,
)
WEEKDAY_REF = re.compile(
    r"\b(?:(?P<mod>last|next|this|coming|past)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?P<part>\s+(?:morning|afternoon|evening|night))?\b(?!['’]s\s+[A-Z])",
)
PRESENT = re.compile(
    r"\b(?:now|currently|at\s+present|presently|nowadays|recently|lately|in\s+the\s+past|the\s+future)\b"
    r"(?!\s+in\b|\s+that\b|,\s+in\s+its)",
    re.IGNORECASE,
)
_PRESENT_VALUES = {"recently": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF",
                   "the future": "FUTURE_REF"}  # fmt: skip
_HOLIDAY_BEFORE = re.compile(r"(?:Black|Good|Cyber|Super|Ash|Easter|Palm|Holy|Giving)\s+$")
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _day(match: re.Match[str], day: date, cue: str) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=match.end(), value=day.isoformat(),
        timex=Timex(type="DATE", value=day.isoformat()), date=CalendarDate.of(day), cue=cue,
    )  # fmt: skip


def _period(match: re.Match[str], value: str, cue: str, day: CalendarDate | None) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=match.end(), value=value,
        timex=Timex(type="DATE", value=value), date=day, cue=cue,
    )  # fmt: skip


def find(text: str, ctx: Context) -> list[Draft]:
    """Every relative date; without a release date they are kept with an unresolved value."""
    found: list[Draft] = []
    release = ctx.release_date
    for pattern in (DAY_WORD, DAY_WORD_POSSESSIVE):
        for m in pattern.finditer(text):
            cue = " ".join(m.group(1 if pattern is DAY_WORD_POSSESSIVE else 0).lower().split())
            if release is None:
                found.append(_unresolved(m, cue))
                continue
            found.append(_day(m, release + timedelta(days=_DAY_WORDS[cue]), cue))
    for m in PRESENT.finditer(text):
        cue = " ".join(m.group(0).lower().split())
        value = _PRESENT_VALUES.get(cue, "PRESENT_REF")
        found.append(_period(m, value, cue, None))
    found += list(_calendar_refs(text, release))
    found += list(_ago(text, release))
    found += list(_weekdays(text, release))
    return found


def _unresolved(match: re.Match[str], cue: str) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=match.end(), value="(no release date)",
        timex=Timex(type="DATE", value="XXXX-XX-XX"), cue=cue,
    )  # fmt: skip


def _calendar_refs(text: str, release: date | None) -> Iterator[Draft]:
    for m in CALENDAR_REF.finditer(text):
        mod = " ".join(m["mod"].lower().split())
        unit = m["unit"].lower()
        cue = f"{mod} {unit}"
        if release is None:
            yield _unresolved(m, cue)
            continue
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
            mod.split()[-1], 0
        )
        if unit in ("week", "weekend"):
            day = release + timedelta(weeks=step)
            value = iso_week(day) + ("-WE" if unit == "weekend" else "")
            yield _period(m, value, cue, None)
        elif unit == "month":
            day = add_months(release, step)
            yield _period(m, f"{day:%Y-%m}", cue, CalendarDate(year=day.year, month=day.month))
        elif unit == "year":
            yield _period(m, str(release.year + step), cue, CalendarDate(year=release.year + step))
        elif unit == "quarter":
            index = release.year * 4 + (release.month - 1) // 3 + step
            yield _period(m, f"{index // 4}-Q{index % 4 + 1}", cue, CalendarDate(year=index // 4))
        elif unit in ("decade", "century"):
            size = 10 if unit == "decade" else 100
            start = (release.year // size + step) * size
            value = f"{start // 10}X" if unit == "decade" else f"{start // 100}XX"
            yield _period(m, value, cue, None)
        else:
            year = release.year + step
            yield _period(m, f"{year}-{_SEASONS[unit]}", cue, CalendarDate(year=year))


def _ago(text: str, release: date | None) -> Iterator[Draft]:
    for m in AGO.finditer(text):
        count = cardinal_value(m["n"])
        direction = m["dir"].lower()
        if count is None or direction in ("earlier", "later", "before") and release is None:
            continue
        if direction in ("earlier", "later", "before"):
            continue  # relative to another event, not to the release: a duration, not a date
        sign = -1 if direction == "ago" else 1
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
            continue
        unit = m["unit"].lower()
        if unit == "day":
            yield _day(m, release + timedelta(days=sign * count), cue)
        elif unit == "week":
            yield _period(m, iso_week(release + timedelta(weeks=sign * count)), cue, None)
        elif unit == "month":
            day = add_months(release, sign * count)
            yield _period(m, f"{day:%Y-%m}", cue, CalendarDate(year=day.year, month=day.month))
        else:
            years = count * (10 if unit == "decade" else 1)
            year = release.year + sign * years
            yield _period(m, str(year), cue, CalendarDate(year=year))


def _weekdays(text: str, release: date | None) -> Iterator[Draft]:
    for m in WEEKDAY_REF.finditer(text):
        if _HOLIDAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        weekday = weekday_number(m["weekday"])
        if weekday is None:
            continue
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
            continue
        mod = (m["mod"] or "").lower()
        back = (release.weekday() - weekday) % 7
        ahead = (weekday - release.weekday()) % 7
        if mod == "last" or mod == "past":
            day = release - timedelta(days=back or 7)
        elif mod in ("next", "coming"):
            day = release + timedelta(days=ahead or 7)
        else:
            # A bare weekday in a release is the nearest one; a tie goes to the past.
            day = release - timedelta(days=back) if back <= ahead else release + timedelta(days=ahead)
        draft = _day(m, day, cue)
        draft.weekday = weekday
        draft.note = f"{WEEKDAY_NAMES[weekday]} nearest the release date"
        yield draft
