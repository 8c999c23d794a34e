"""Dates said relative to the release: today, last week, three days ago, last Tuesday, now."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from checker.extract import names, patterns, scan, tense
from checker.extract.base import Context, Draft
from checker.extract.lexicon import NUMBER_RE, WEEKDAY_NAMES, cardinal_value, weekday_number
from checker.models import CalendarDate, Timex
from checker.timeline import add_months, iso_week

_DAY_WORDS = {
    "today": 0, "earlier today": 0, "later today": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
# "today's meeting" is about the day too: the span is the day word, without the owner's "'s".
DAY_WORD = scan.keyed(
    patterns.compile(
        r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:earlier|later)\s+today"
        r"|today|yesterday|tomorrow)(?=['’]s\b|\b)",
        re.IGNORECASE,
    ),
    "today",
    "yesterday",
    "tomorrow",
)
_UNIT = r"(?P<unit>week(?:end)?|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)"
_EDGE = r"(?:early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)"
CALENDAR_REF = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<edge>{_EDGE})[\s-]+)?"
        rf"(?P<mod>this\s+(?:past|coming)|this|last|next|past|coming|previous|current|upcoming)\s+{_UNIT}\b"
        r"(?![\w-]|['’]s\s+\w+\s+(?:of|in)\b)",
        re.IGNORECASE,
    )
)
# "by the end of the year", "at year-end": the release's own year, month, week or quarter.
CURRENT_EDGE = scan.windowed(
    patterns.compile(
        r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|close)\s+of\s+the\s+"
        r"(?P<unit>year|month|week|quarter)\b(?!['’-])"
        r"|\b(?:the\s+)?(?P<unit2>year|month|quarter)(?:['’]s\s+|[\s-])end\b(?![-’'])"
        r"(?:\s+(?P<year>(?:19|20)\d\d)\b)?",
        re.IGNORECASE,
    )
)
AGO = scan.windowed(
    patterns.compile(
        rf"\b(?P<n>{NUMBER_RE}|a|an|a\s+few|several|many|some)\s+(?P<unit>day|week|month|year|decade)s?"
        r"(?:\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence)\b"
        r"|\b(?P<vague>(?:days|weeks|months|years|decades))\s+ago\b",
        re.IGNORECASE,
    )
)
WEEKDAY_REF = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<mod>(?i:this\s+past|this\s+coming|last|next|this|coming|past|(?:the\s+)?previous))\s+)?"
        r"(?P<weekday>(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    )
)
WEEKEND = scan.keyed(patterns.compile(r"\bthe\s+weekend\b(?![\w-])", re.IGNORECASE), "weekend")
_WEEKEND_LEAD = patterns.compile(
    r"\b(?:over|at|on|for|of|to|by|during|through|throughout|since|until|after|before)\s+$",
    re.IGNORECASE,
)
PRESENT = scan.windowed(
    patterns.compile(
        r"\b(?:now|currently|at\s+present|presently|nowadays|these\s+days|recently|lately|"
        r"(?<=\bin\s)the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)\s+term)"
        r"\b(?!\s+in\b|\s+that\b|,\s+in\s+its|[-’'])",
        re.IGNORECASE,
    )
)
# Every PRESENT match holds one of these words; scanning for them is many times faster.
_PRESENT_WORD = scan.trigger(
    patterns.compile(
        r"\b(?:now|currently|present|days|recently|lately|past|future|term)", re.IGNORECASE
    )
)
# "in the summer", "during the early spring": a season of the release's year, read from the tense.
SEASON_REF = scan.windowed(
    patterns.compile(
        r"(?<=\s)(?:(?:early|late|mid)[\s-]+)?the\s+(?:(?:early|late)\s+)?"
        r"(?P<season>spring|summer|autumn|fall|winter)\b(?![-’']|\s+(?:of|\d))",
        re.IGNORECASE,
    )
)
_SEASON_LEAD = patterns.compile(
    r"\b(?:in|during|over|through|throughout|by|until|since|for|this|into|before|after)\s+$",
    re.IGNORECASE,
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PRESENT_VALUES = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF"}
_SEASON = scan.keyed(
    patterns.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE),
    *["spring", "summer", "autumn", "fall", "winter"],
)
_AGO = scan.keyed(
    patterns.compile(r"\b(?:ago|from\s+now|hence)\b", re.IGNORECASE), "ago", "now", "hence"
)
_HOLIDAY_BEFORE = patterns.compile(r"(?:Black|Good|Cyber|Super|Ash|Easter|Palm|Holy|Giving)\s+$")
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_STEPS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1}


def _day(match: re.Match[str], day: date, cue: str, end: int | None = None) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=end or match.end(), value=day.isoformat(),
        timex=Timex(type="DATE", value=day.isoformat()), date=CalendarDate.of(day), cue=cue,
    )  # fmt: skip


def _period(match: re.Match[str], value: str, cue: str, day: CalendarDate | None) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=match.end(), value=value,
        timex=Timex(type="DATE", value=value), date=day, cue=cue,
    )  # fmt: skip


def _unresolved(match: re.Match[str], cue: str) -> Draft:
    return Draft(
        kind="relative", start=match.start(), end=match.end(), value="(no release date)",
        timex=Timex(type="DATE", value="XXXX-XX-XX"), cue=cue,
    )  # fmt: skip


def find(text: str, ctx: Context) -> list[Draft]:
    """Every relative date; without a release date they are kept with an unresolved value."""
    release = ctx.release_date
    found = list(_day_words(text, release))
    for m in scan.finditer(PRESENT, text, _PRESENT_WORD, back=30, ahead=24):
        cue = " ".join(m.group(0).lower().split())
        value = _PRESENT_VALUES.get(cue, "PRESENT_REF" if "future" not in cue else "FUTURE_REF")
        if cue.endswith("term"):
            value = "FUTURE_REF"
        found.append(_period(m, value, cue, None))
    found += _calendar_refs(text, release)
    found += _current_edges(release, text)
    found += _ago(text, release)
    found += _weekdays(text, release)
    found += _weekends(text, release)
    found += _seasons(text, release)
    return found


def _day_words(text: str, release: date | None) -> Iterator[Draft]:
    for m in scan.every(DAY_WORD, text):
        if names.in_name(text, m.start(), m.end()):
            continue  # "USA Today", "Accounting Today"
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
        else:
            yield _day(m, release + timedelta(days=_DAY_WORDS[cue]), cue)


def period_value(release: date, unit: str, step: int) -> tuple[str, CalendarDate | None]:
    """The TIMEX value of the week, month, quarter, year, decade or season `step` units away."""
    if unit in ("week", "weekend"):
        week = iso_week(release + timedelta(weeks=step))
        return week + ("-WE" if unit == "weekend" else ""), None
    if unit == "month":
        day = add_months(release, step)
        return f"{day:%Y-%m}", CalendarDate(year=day.year, month=day.month)
    if unit == "year":
        return str(release.year + step), CalendarDate(year=release.year + step)
    if unit == "quarter":
        index = release.year * 4 + (release.month - 1) // 3 + step
        return f"{index // 4}-Q{index % 4 + 1}", CalendarDate(year=index // 4)
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        start = (release.year // size + step) * size
        return (f"{start // 10}X" if unit == "decade" else f"{start // 100}XX"), None
    year = release.year + step
    return f"{year}-{_SEASONS[unit]}", CalendarDate(year=year)


def _calendar_refs(text: str, release: date | None) -> Iterator[Draft]:
    for m in scan.finditer(CALENDAR_REF, text, scan.UNIT, back=50, ahead=30):
        mod = " ".join(m["mod"].lower().split())
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
            continue
        unit = m["unit"].lower()
        step = _STEPS.get(mod.split()[-1], 0)
        if mod == "this past" and unit in _SEASONS:
            # "this past spring": the latest spring to have ended, this year's if it has
            step = 0 if _SEASON_MONTHS[_SEASONS[unit]][1] < release.month else -1
        value, day = period_value(release, unit, step)
        yield _period(m, value, cue, day)


def _current_edges(release: date | None, text: str) -> Iterator[Draft]:
    for m in scan.finditer(CURRENT_EDGE, text, scan.UNIT, back=40, ahead=24):
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
            continue
        if (m["unit2"] or "").lower() == "year":
            year = int(m["year"]) if m["year"] else release.year  # "year-end 2024": its last day
            yield _period(m, f"{year}-12-31", cue, CalendarDate(year=year, month=12, day=31))
            continue
        value, day = period_value(release, (m["unit"] or m["unit2"]).lower(), 0)
        yield _period(m, value, cue, day)


def _ago(text: str, release: date | None) -> Iterator[Draft]:
    for m in scan.finditer(AGO, text, _AGO, back=60, ahead=12):
        cue = " ".join(m.group(0).lower().split())
        if m["vague"] or m["n"].lower() in ("a few", "several", "many", "some"):
            yield _period(m, "PAST_REF" if "ago" in cue else "FUTURE_REF", cue, None)
            continue
        count = cardinal_value(m["n"])
        if count is None:
            continue
        if release is None:
            yield _unresolved(m, cue)
            continue
        sign = -1 if m["dir"].lower() == "ago" else 1
        unit = m["unit"].lower()
        if unit == "day":
            yield _day(m, release + timedelta(days=sign * count), cue)
        elif unit == "week":
            yield _period(m, iso_week(release + timedelta(weeks=sign * count)), cue, None)
        elif unit == "month":
            day = add_months(release, sign * count)
            yield _period(m, f"{day:%Y-%m}", cue, CalendarDate(year=day.year, month=day.month))
        else:
            year = release.year + sign * count * (10 if unit == "decade" else 1)
            yield _period(m, str(year), cue, CalendarDate(year=year))


def weekday_date(text: str, span: tuple[int, int], weekday: int, mod: str, release: date) -> date:
    """The day a weekday names: "last"/"next" count from the release; a bare weekday is the
    past one when the verb near it is in the past, the coming one when it is in the future,
    else the nearest (a tie goes to the past)."""
    back = (release.weekday() - weekday) % 7
    ahead = (weekday - release.weekday()) % 7
    step = _STEPS.get(mod.split()[-1], 0) if mod else 0
    if step < 0:
        return release - timedelta(days=back or 7)
    if step > 0:
        return release + timedelta(days=ahead or 7)
    way = tense.direction(text, *span)
    if way == tense.PAST or (way == tense.UNKNOWN and back <= ahead):
        return release - timedelta(days=back)
    return release + timedelta(days=ahead)


def reread_weekdays(drafts: list[Draft], release: date | None) -> None:
    """A weekday without "last" or "next" read again from the verb group that governs it, once
    the language layer has found it: "will hand out … this Friday" is the coming Friday,
    "met on Friday" the last, however the words around it look."""
    if release is None:
        return
    for draft in drafts:
        verb = draft.told_way()
        if draft.kind != "relative" or draft.weekday is None or verb is None:
            continue
        words = (draft.cue or "").split()
        if words and words[0] in _STEPS:
            continue
        back = (release.weekday() - draft.weekday) % 7
        ahead = (draft.weekday - release.weekday()) % 7
        day = (
            release - timedelta(days=back)
            if verb.orientation == "past"
            else release + timedelta(days=ahead)
        )
        old = draft.timex.value if draft.timex is not None else draft.value
        if len(old) < 10 or old[:10] == day.isoformat():
            continue
        # the day changes; a part of the day ("Monday evening": "…TEV") stays
        draft.value = day.isoformat() + draft.value[10:]
        draft.timex = Timex(
            type=draft.timex.type if draft.timex else "DATE", value=day.isoformat() + old[10:]
        )
        draft.date = CalendarDate.of(day)
        draft.note = f"{WEEKDAY_NAMES[draft.weekday]} read from '{verb.text}'"


def _weekdays(text: str, release: date | None) -> Iterator[Draft]:
    for m in scan.finditer(WEEKDAY_REF, text, scan.WEEKDAY, back=20, ahead=20):
        if _HOLIDAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        if not m["mod"] and names.name_after(text, m.end()):
            continue  # "The Sunday Times", "Friday Harbor"
        weekday = weekday_number(m["weekday"])
        if weekday is None:
            continue
        cue = " ".join(m.group(0).lower().split())
        if release is None:
            yield _unresolved(m, cue)
            continue
        mod = " ".join((m["mod"] or "").lower().split())
        draft = _day(m, weekday_date(text, m.span(), weekday, mod, release), cue)
        draft.weekday = weekday
        draft.note = f"{WEEKDAY_NAMES[weekday]} read from the tense around it"
        yield draft


def _weekends(text: str, release: date | None) -> Iterator[Draft]:
    """`over the weekend`: the one just past, unless the verb says it is still to come."""
    for m in scan.every(WEEKEND, text):
        if not _WEEKEND_LEAD.search(text, max(0, m.start() - 12), m.start()):
            continue
        if release is None:
            yield _unresolved(m, "the weekend")
            continue
        way = tense.direction(text, m.start(), m.end())
        before = release.weekday() < 5 and way != tense.FUTURE
        value, _ = period_value(release, "weekend", -1 if before else 0)
        yield _period(m, value, "the weekend", None)


def _seasons(text: str, release: date | None) -> Iterator[Draft]:
    for m in scan.finditer(SEASON_REF, text, _SEASON, back=20, ahead=10):
        lead = _SEASON_LEAD.search(text, max(0, m.start() - 12), m.start())
        if lead is None or release is None:
            continue
        code = _SEASONS[m["season"].lower()]
        first, last = _SEASON_MONTHS[code]
        year = release.year
        way = tense.direction(text, m.start(), m.end())
        if way == tense.PAST and first > release.month:
            year -= 1
        elif way == tense.FUTURE and last < release.month:
            year += 1
        cue = " ".join(m.group(0).lower().split())
        yield _period(m, f"{year}-{code}", cue, CalendarDate(year=year))
