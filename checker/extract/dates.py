"""Absolute dates: full dates, days and months, month and year, numeric and ISO dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker.extract import patterns, scan, tense, years
from checker.extract.base import Context, Draft
from checker.extract.lexicon import (
    MONTH_RE,
    ORDINALS,
    WEEKDAY_RE,
    alternation,
    month_number,
    ordinal_value,
    weekday_number,
)
from checker.models import CalendarDate, Reading, Timex

_WD = rf"(?:(?P<weekday>{WEEKDAY_RE}),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d|2100)"
_END = r"(?![\w/])"

# Full dates and dates without a year, most specific first; each has `day` and `month`.
DAY_MONTH_YEAR = scan.windowed(
    patterns.compile(
        rf"\b{_WD}{_DAY}(?:\s+of)?[\s-]+(?P<month>{MONTH_RE})(?:,?[\s-]+|\s*,\s*)(?:of\s+)?{_YEAR}{_END}",
        re.IGNORECASE,
    )
)
MONTH_DAY_YEAR = scan.windowed(
    patterns.compile(
        rf"\b{_WD}(?P<month>{MONTH_RE})\s+(?:the\s+)?{_DAY}(?:,\s*|\s+){_YEAR}{_END}", re.IGNORECASE
    )
)
DAY_MONTH = scan.windowed(
    patterns.compile(rf"\b{_WD}{_DAY}(?:\s+of)?\s+(?P<month>{MONTH_RE})(?![\w-])", re.IGNORECASE)
)
MONTH_DAY = scan.windowed(
    patterns.compile(
        rf"\b{_WD}(?P<month>{MONTH_RE})\s+(?:the\s+)?{_DAY}(?![\w/%-]|[.,:]\d|\s*(?:%|per\s*cent|percent))",
        re.IGNORECASE,
    )
)
# Days said as ordinal words: "the fourth of July", "May twenty-first, 2023".
_DAY_WORDS = [w for w, n in ORDINALS.items() if n <= 31]
_DAY_WORD = "(?P<day>" + alternation(_DAY_WORDS + [w.replace("-", " ") for w in _DAY_WORDS]) + ")"
WORD_DAY = scan.windowed(
    patterns.compile(
        rf"\b{_WD}(?:the\s+)?{_DAY_WORD}\s+of\s+(?P<month>{MONTH_RE})(?![\w-])(?:,?\s+{_YEAR}{_END})?",
        re.IGNORECASE,
    )
)
MONTH_WORD_DAY = scan.windowed(
    patterns.compile(
        rf"\b{_WD}(?P<month>{MONTH_RE})\s+(?:the\s+)?{_DAY_WORD}(?![\w-])(?:,?\s+{_YEAR}{_END}"
        # "May first, 2023", "March second at noon"; not "March second half"
        r"|(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|and|or|to|through|until|from|for|with|when)\b))",
        re.IGNORECASE,
    )
)
MONTH_YEAR = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|end|beginning)[\s-]+)?"
        rf"(?P<month>{MONTH_RE}),?\s+(?:of\s+)?{_YEAR}{_END}",
        re.IGNORECASE,
    )
)
ISO_DATE = patterns.compile(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\w/-])")
# Not prescanned: Hyperscan has no back-references ("(?P=sep)").
NUMERIC_DATE = patterns.compile(
    r"(?<![\w/.,:-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\w/]|\.\d|-\d)"
)
# A numeric day and month without a year ("07/10") is a date only in a bracket or after "on".
SHORT_NUMERIC_DATE = scan.windowed(
    patterns.compile(
        r"(?:(?<=\()|(?<=\bon\s)|(?<=\bdated\s))(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=\))|"
        r"(?:(?<=\bon\s)|(?<=\bdated\s))(?P<c>\d{1,2})/(?P<d>\d{1,2})(?![\w/.-]|\.\d)"
    )
)
# Cheap triggers for the scans (see scan.finditer).
_NUMERIC = scan.trigger(patterns.compile(r"\d[/.]\d"))
# Within this many days of the release the nearest occurrence wins whatever the tense says.
_CLEARLY_NEAREST = 90


def _draft(
    match: re.Match[str], day: CalendarDate, weekday: int | None = None, note: str | None = None
) -> Draft:
    return Draft(
        kind="date",
        start=match.start(),
        end=match.end(),
        value=day.iso(),
        timex=Timex(type="DATE", value=day.iso()),
        date=day,
        weekday=weekday,
        note=note,
    )


def _calendar(year: int, month: int | None, day: int | None) -> CalendarDate | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return CalendarDate(year=year, month=month, day=day)


def closest_year(month: int, day: int | None, release: date | None) -> int | None:
    """The year of a day and month given without one: the occurrence nearest the release."""
    if release is None:
        return None
    best: tuple[int, int] | None = None
    for year in (release.year - 1, release.year, release.year + 1):
        try:
            distance = abs((date(year, month, day or 1) - release).days)
        except ValueError:  # 29 February of a common year: keep it for invalid-date
            distance = 400 + abs(year - release.year)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _unwritten_year(match: re.Match[str], month: int, day: int | None, ctx: Context) -> int | None:
    """The year of a day named without one: the occurrence nearest the release; when that is
    months away either way, the tense of the verb near it says past or future."""
    nearest = closest_year(month, day, ctx.release_date)
    release = ctx.release_date
    if release is None or nearest is None:
        return nearest
    try:
        distance = abs((date(nearest, month, day or 1) - release).days)
    except ValueError:
        return nearest
    if distance <= _CLEARLY_NEAREST:
        return nearest
    way = tense.direction(match.string, match.start(), match.end())
    if way == tense.UNKNOWN:
        return nearest
    return _told_year(release, month, day or 1, way == tense.PAST)


def reread_years(drafts: list[Draft], built: list[Draft], release: date | None) -> None:
    """A day or a month named without a year read again from the verb group that governs it,
    once the language layer has found it: "stayed open until October 16" in a February release
    is last October, "will mark … in December" in a January release the coming December,
    whatever the words around them look like. A day within _CLEARLY_NEAREST days keeps its
    nearest year (a wrong tense there is tense-mismatch's to report); the end of a range or a
    compound keeps the year it was read with."""
    if release is None:
        return
    joined = {id(link) for d in built for link in d.links}
    for draft in drafts:
        day = draft.date
        verb = draft.told_way()
        if (
            draft.kind not in ("date", "relative")
            or not draft.extra.get("year_unwritten")
            or id(draft) in joined
            or day is None
            or day.month is None
            or verb is None
        ):
            continue
        if draft.kind == "date":
            try:
                distance = abs((date(day.year, day.month, day.day or 1) - release).days)
            except ValueError:
                continue  # 31 April: invalid-date reports it, whatever its year
            if distance <= _CLEARLY_NEAREST:
                continue
        year = _told_year(release, day.month, day.day, verb.orientation == "past")
        written = _calendar(year, day.month, day.day)
        if year == day.year or written is None or not written.is_valid:
            continue
        draft.date = written
        draft.value = written.iso()
        draft.timex = Timex(type="DATE", value=written.iso())
        draft.note = f"the year read from '{verb.text}'"


def _told_year(release: date, month: int, day: int | None, past: bool) -> int:
    """The year of a month (or a day of it) said in the past or the future at the release:
    this year's when it is on that side of the release, else the year before or after (a
    month is the release's own month on either side: "was held in March", "opens in March")."""
    if day is None:
        if past:
            return release.year if month <= release.month else release.year - 1
        return release.year if month >= release.month else release.year + 1
    this = date(release.year, month, min(day, 28))
    if past:
        return release.year if this <= release else release.year - 1
    return release.year if this >= release else release.year + 1


def _named(ctx: Context, match: re.Match[str], with_year: bool) -> Draft | None:
    """A date with the month in words; dateparser normalises the span, we keep invalid days."""
    month = month_number(match["month"])
    day = _day_number(match["day"]) if match.groupdict().get("day") else None
    if month is None or (match["day"] and day is None):
        return None
    year = int(match["year"]) if with_year else _unwritten_year(match, month, day, ctx)
    if year is None:
        return None
    written = _calendar(year, month, day)
    if written is None:
        return None
    weekday = weekday_number(match["weekday"]) if match.groupdict().get("weekday") else None
    if written.is_valid and with_year and match["day"][:1].isdecimal():
        # The span without its weekday: dateparser rejects a wrong weekday, which a rule reports.
        span = match.group(0)[
            match.start("day" if match.start("day") < match.start("month") else "month")
            - match.start() :
        ]
        parsed = ctx.normalizer.calendar(span, written.precision)
        if parsed is not None:
            written = parsed
    return _draft(match, written, weekday)


def _day_number(text: str) -> int | None:
    """The day of the month written as digits ("21") or as an ordinal word ("twenty-first")."""
    return int(text) if text.isdecimal() else ordinal_value(text)


def _word_days(ctx: Context, text: str) -> Iterator[Draft]:
    for pattern in (WORD_DAY, MONTH_WORD_DAY):
        for m in scan.finditer(pattern, text, scan.MONTH, back=60, ahead=40):
            if m["month"].lower() == "may" and not m["month"][0].isupper():
                continue  # "may" in lower case is the verb
            number, month = _day_number(m["day"]), month_number(m["month"])
            if number is None or month is None:
                continue
            year = int(m["year"]) if m["year"] else closest_year(month, number, ctx.release_date)
            written = _calendar(year, month, number) if year is not None else None
            if written is not None:
                weekday = weekday_number(m["weekday"]) if m["weekday"] else None
                yield _draft(m, written, weekday, note="the day said in words")


def _numeric(ctx: Context, match: re.Match[str], a: int, b: int, year: int | None) -> Draft | None:
    """A numeric date read in the document's order; an ambiguous one toward the release date."""
    readings: list[Reading] = []
    for order, (day, month) in (("DMY", (a, b)), ("MDY", (b, a))):
        resolved_year = year if year is not None else closest_year(month, day, ctx.release_date)
        if resolved_year is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        written = CalendarDate(year=resolved_year, month=month, day=day)
        readings.append(Reading(order="DMY" if order == "DMY" else "MDY", date=written))
    if not readings:
        return None
    chosen = _choose_reading(readings, ctx)
    note = None
    others = [r for r in readings if r is not chosen and r.date != chosen.date]
    if others:
        note = f"read as {chosen.order}; {others[0].order} would be {others[0].date.iso()}"
    draft = _draft(match, chosen.date, note=note)
    draft.readings = tuple(readings)
    return draft


def _choose_reading(readings: list[Reading], ctx: Context) -> Reading:
    if len(readings) == 1:
        return readings[0]
    preferred = next((r for r in readings if r.order == ctx.date_order), readings[0])
    if ctx.release_date is None:
        return preferred

    def distance(reading: Reading) -> int:
        day = reading.date.as_date()
        return abs((day - ctx.release_date).days) if day and ctx.release_date else 10**6

    # The document's order wins unless the other reading is much closer to the release date.
    other = next(r for r in readings if r is not preferred)
    if distance(other) * 4 < distance(preferred) and distance(other) <= 31:
        return other
    return preferred


def find(text: str, ctx: Context) -> list[Draft]:
    """Every absolute date in the text, overlapping candidates included."""
    found: list[Draft] = []
    for pattern, with_year in ((DAY_MONTH_YEAR, True), (MONTH_DAY_YEAR, True)):
        matches = scan.finditer(pattern, text, scan.MONTH, back=40, ahead=40)
        found += [d for m in matches if (d := _named(ctx, m, with_year))]
    for pattern in (DAY_MONTH, MONTH_DAY):
        for m in scan.finditer(pattern, text, scan.MONTH, back=40, ahead=40):
            if pattern is MONTH_DAY and m["month"].lower() == "may" and not m.group(0)[0].isupper():
                continue  # "may 3" in running text is the verb
            if (d := _named(ctx, m, with_year=False)) is not None:
                d.extra["year_unwritten"] = True
                found.append(d)
    found += _word_days(ctx, text)
    for m in scan.finditer(MONTH_YEAR, text, scan.MONTH, back=30, ahead=30):
        month = month_number(m["month"])
        if month is None or (m["month"] == "may" and not m["mod"]):
            continue
        day = ctx.normalizer.calendar(f"{m['month']} {m['year']}", "month") or _calendar(
            int(m["year"]), month, None
        )
        if day is not None:
            found.append(_draft(m, day))
    for m in ISO_DATE.finditer(text):
        if (day := _calendar(int(m["year"]), int(m["month"]), int(m["day"]))) is not None:
            found.append(_draft(m, day))
    for m in scan.finditer(NUMERIC_DATE, text, _NUMERIC, back=4, ahead=12):
        if (
            d := _numeric(ctx, m, int(m["a"]), int(m["b"]), years.two_digit_year(m["y"]))
        ) is not None:
            found.append(d)
    for m in scan.finditer(SHORT_NUMERIC_DATE, text, _NUMERIC, back=4, ahead=12):
        a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
        if (d := _numeric(ctx, m, int(a), int(b), None)) is not None:
            found.append(d)
    return found + years.find(text, ctx)
