"""Dates read from the one last mentioned: the quarter, a year earlier, the year-ago period, that day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.lexicon import ORDINALS
from checker.models import CalendarDate, Timex, TimexType

_ADJ = r"(?:latest|most\s+recent|recent|just[\s-]ended|same|comparable|corresponding|fiscal)"
QUARTER = scan.windowed(
    patterns.compile(
        rf"\b(?:the|that)\s+(?P<adj>(?:{_ADJ}\s+)*)(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?"
        r"(?:fiscal\s+)?(?:quarter|period)\b(?![-’'](?!s\b)|s\b)"
        r"(?P<ended>\s+(?:ended|ending)\s+)?",
        re.IGNORECASE,
    )
)
_NOUN = (
    r"(?P<noun>(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?"
    r"(?P<unit>quarter|period|half|(?P<months>nine|six|three)\s+months|month|year)s?)"
)
YEAR_AGO = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<the>the|its|a)\s+(?:(?:comparable|corresponding|same)\s+)?)?"
        rf"(?P<adj>year[\s-](?:ago|earlier)|prior[\s-]year)(?:\s+{_NOUN}\b)?(?![-’'])",
        re.IGNORECASE,
    )
)
# "a year earlier", "the quarter a year ago", "the same period last year", "last year's quarter"
YEAR_BEFORE = scan.windowed(
    patterns.compile(
        r"\b(?:(?:the\s+(?:same\s+|comparable\s+|corresponding\s+)?(?:quarter|period|time)\s+)?"
        r"a\s+year\s+(?P<dir>earlier|before|ago|later)"
        r"|the\s+(?:same|comparable|corresponding)\s+(?:quarter|period|time)\s+(?:of\s+)?last\s+year"
        r"|last\s+year['’]s\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))\b",
        re.IGNORECASE,
    )
)
# Lower-case "year" only: "Employee of the Year" is a name.
THE_YEAR = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<edge>earlier|later)\s+(?:in\s+)?)?(?:[Tt]he|[Tt]hat)\s+"
        r"(?P<adj>(?:(?:same|full|current|fiscal|latest|following|next|previous|prior|preceding)\s+)*)"
        r"(?:fiscal\s+)?year\b(?![-’']|s\b|\s+(?:two|nineteen|twenty|\d))(?P<ended>\s+(?:ended|ending)\b)?",
    )
)
THE_DAY = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<edge>earlier|later)\s+)?(?:that|the\s+(?P<adj>same|next|following|previous|prior))"
        r"\s+day\b(?![-’'])|(?:(?<=\blater\sin\s)|(?<=\bearlier\sin\s))the\s+day\b",
        re.IGNORECASE,
    )
)
THE_MONTH = scan.windowed(
    patterns.compile(
        r"\b(?:that|the\s+(?P<adj>same|next|following|previous|prior))\s+month\b(?![-’'])",
        re.IGNORECASE,
    )
)
# Cheap triggers for the scans (see scan.finditer).
_QUARTER = scan.keyed(
    patterns.compile(r"\b(?:quarter|period)\b", re.IGNORECASE), "quarter", "period"
)
_YEAR_AGO = scan.keyed(patterns.compile(r"\b(?:year|prior)[\s-]", re.IGNORECASE), "year", "prior")
_YEAR = scan.keyed(patterns.compile(r"\byear", re.IGNORECASE), "year")
_MONTH = scan.keyed(patterns.compile(r"\bmonth\b", re.IGNORECASE), "month")
_DAY = scan.keyed(patterns.compile(r"\bday\b", re.IGNORECASE), "day")
_SHIFT = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1}


@dataclass
class Focus:
    """The latest quarter, day and date the text has named, read in text order."""

    quarter: tuple[int, int] | None = None
    day: date | None = None
    dated: CalendarDate | None = None
    # A report period longer than a quarter named since the last quarter: "the nine months"
    # (a year, "") or "the first half" ("H1"), with its year when the text gives one.
    span: tuple[str, int | None] | None = None
    span_end: int = 0


def _draft(start: int, end: int, cue: str, how: str, **extra: object) -> Draft:
    draft = Draft(kind="relative", start=start, end=end, value="", cue=cue)
    draft.extra["anaphor"] = how
    draft.extra.update(extra)
    return draft


def find(text: str, ctx: Context) -> list[Draft]:
    """Candidates whose value `resolve` fills from the focus of the text before them."""
    return [*_quarters(text), *_year_agos(text), *_years(text), *_days(text)]


def _cue(m: re.Match[str]) -> str:
    return " ".join(m.group(0).lower().split())


def _quarters(text: str) -> Iterator[Draft]:
    for m in scan.finditer(QUARTER, text, _QUARTER, back=60, ahead=20):
        adj = " ".join((m["adj"] or "").lower().split())
        if "period" in m.group(0).lower() and not adj and not m["ended"] and not m["year"]:
            continue  # "the period" alone is too often not a time
        yield _draft(m.start(), m.end() - len(m["ended"] or ""), _cue(m), "quarter",
                     ended=bool(m["ended"]), latest="latest" in adj or "recent" in adj,
                     year=int(m["year"]) if m["year"] else None)  # fmt: skip


def _year_agos(text: str) -> Iterator[Draft]:
    for m in scan.finditer(YEAR_AGO, text, _YEAR_AGO, back=40, ahead=50):
        start = m.start() if m["noun"] and m["the"] else m.start("adj")
        if m["months"]:
            months = {"nine": 9, "six": 6, "three": 3}[m["months"].lower()]
            draft = _draft(start, m.end(), _cue(m), "fixed")
            _set(draft, f"P{months}M", "DURATION", None)
            yield draft
            continue
        quarter = ORDINALS.get((m["ord"] or "").lower()) or (int(m["ord"][0]) if m["ord"] else None)
        yield _draft(start, m.end(), _cue(m), "year-before", quarter=quarter)
    for m in scan.finditer(YEAR_BEFORE, text, _YEAR, back=50, ahead=40):
        way = (m["dir"] or "earlier").lower()
        how = {"later": "year-after", "ago": "year-ago"}.get(way, "year-before")
        yield _draft(m.start(), m.end(), _cue(m), how)


def _years(text: str) -> Iterator[Draft]:
    for m in scan.finditer(THE_YEAR, text, _YEAR, back=80, ahead=20):
        adj = (m["adj"] or "").split()
        if m["ended"]:
            draft = _draft(m.start(), m.end() - len(m["ended"]), _cue(m), "fixed")
            _set(draft, "P1Y", "DURATION", None)
            yield draft
            continue
        shift = next((_SHIFT[a] for a in adj if a in _SHIFT), 0)
        if "latest" in adj:
            shift = -1  # the latest (completed) fiscal year
        how = "release-year" if "current" in adj or "full" in adj else "year"
        yield _draft(m.start(), m.end(), _cue(m), how, shift=shift)
    for m in scan.finditer(THE_MONTH, text, _MONTH, back=30, ahead=10):
        yield _draft(m.start(), m.end(), _cue(m), "month", shift=_SHIFT.get(m["adj"] or "", 0))


def _days(text: str) -> Iterator[Draft]:
    for m in scan.finditer(THE_DAY, text, _DAY, back=40, ahead=10):
        shift = _SHIFT.get((m["adj"] or "").lower(), 0)
        yield _draft(m.start(), m.end(), _cue(m), "day", shift=shift)


def _set(draft: Draft, value: str, kind: TimexType, day: CalendarDate | None) -> None:
    draft.value = value
    draft.timex = Timex(type=kind, value=value)
    draft.date = day
    if kind == "DURATION":
        draft.kind = "duration"


def resolve(drafts: list[Draft], release: date | None, text: str = "") -> None:
    """Fill each anaphor's value from what the text named last (or from the release date),
    and drop the ones nothing anchors: they stay without a timex."""
    focus = Focus()
    for index, draft in enumerate(drafts):
        how = draft.extra.get("anaphor")
        if how is None:
            _update(focus, draft, release, text)
            continue
        if how == "fixed":
            continue
        after = drafts[index + 1] if index + 1 < len(drafts) else None
        _resolve(draft, str(how), focus, release, after)


_MONTHS_SPAN = patterns.compile(
    r"\bthe\s+(?:first\s+|latest\s+)?(?:nine|six|9|6)[\s-]+months?$", re.IGNORECASE
)


def _update(focus: Focus, draft: Draft, release: date | None, text: str) -> None:
    if draft.timex is None:
        return
    if draft.timex.type == "DURATION":
        if _MONTHS_SPAN.search(text, max(0, draft.start - 12), draft.end):
            focus.span = ("", None)  # "for the nine months": compared with the year before
            focus.span_end = draft.end
        return
    if draft.timex.type not in ("DATE", "TIME"):
        return
    value = draft.timex.value
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    # A forecast ("into the third quarter of 1990") is not the period a report is about.
    if m and (release is None or (int(m[1]), int(m[2])) <= _quarter_of(release)):
        focus.quarter = (int(m[1]), int(m[2]))
        focus.span = None
    if half := re.fullmatch(r"(\d{4})-(H[12])", value):
        focus.span = (half[2], int(half[1]))
        focus.span_end = draft.end
    elif focus.span and draft.date and draft.date.day and draft.start - focus.span_end < 12:
        focus.span = focus.quarter = None  # "the six months ended Aug. 12": that day's year
    if draft.date is not None:
        focus.dated = draft.date
        if draft.date.precision == "day" and (day := draft.date.as_date()) is not None:
            focus.day = day


def _resolve(
    draft: Draft, how: str, focus: Focus, release: date | None, after: Draft | None
) -> None:
    if release is None:
        return
    if how == "quarter":
        focus.span = None
        last = _last_quarter(release)
        quarter = focus.quarter or last
        if draft.extra.get("latest") and quarter > last:
            quarter = last  # "the latest quarter" has ended
        if draft.extra.get("ended") and after is not None and after.date and after.date.month:
            quarter = (after.date.year, (after.date.month - 1) // 3 + 1)
        if isinstance(year := draft.extra.get("year"), int):
            quarter = (year, quarter[1])
        _set(draft, f"{quarter[0]}-Q{quarter[1]}", "DATE", CalendarDate(year=quarter[0]))
    elif how == "year-ago" and focus.quarter is None:
        _set(draft, str(release.year - 1), "DATE", CalendarDate(year=release.year - 1))
    elif how in ("year-before", "year-after", "year-ago"):
        _year_shift(draft, focus, release, 1 if how == "year-after" else -1)
    elif how in ("year", "release-year"):
        year = focus.dated.year if focus.dated and how == "year" else release.year
        year += int(str(draft.extra.get("shift", 0)))
        _set(draft, str(year), "DATE", CalendarDate(year=year))
    elif how == "month":
        base = focus.dated if focus.dated and focus.dated.month else CalendarDate.of(release)
        index = base.year * 12 + (base.month or 1) - 1 + int(str(draft.extra.get("shift", 0)))
        _set(draft, f"{index // 12:04d}-{index % 12 + 1:02d}", "DATE",
             CalendarDate(year=index // 12, month=index % 12 + 1))  # fmt: skip
    elif how == "day":
        day = (focus.day or release) + timedelta(days=int(str(draft.extra.get("shift", 0))))
        _set(draft, day.isoformat(), "DATE", CalendarDate.of(day))


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _last_quarter(release: date) -> tuple[int, int]:
    """The last quarter to have ended by the release: what "the quarter" reports on."""
    index = release.year * 4 + (release.month - 1) // 3 - 1
    return index // 4, index % 4 + 1


def _year_shift(draft: Draft, focus: Focus, release: date, sign: int) -> None:
    """A year before (or after) the period in focus, at its precision: a quarter, a month, a
    day; with nothing in focus, the release's year."""
    quarter = draft.extra.get("quarter")
    if isinstance(quarter, int):
        year = (focus.quarter[0] if focus.quarter else release.year) + sign
        _set(draft, f"{year}-Q{quarter}", "DATE", CalendarDate(year=year))
    elif focus.span is not None:
        part, named = focus.span
        year = (named or (focus.quarter[0] if focus.quarter else release.year)) + sign
        _set(draft, f"{year}-{part}" if part else str(year), "DATE", CalendarDate(year=year))
    elif focus.quarter is not None:
        year, q = focus.quarter
        _set(draft, f"{year + sign}-Q{q}", "DATE", CalendarDate(year=year + sign))
    elif focus.dated is not None and focus.dated.month is not None:
        shifted = CalendarDate(year=focus.dated.year + sign, month=focus.dated.month,
                               day=focus.dated.day)  # fmt: skip
        _set(draft, shifted.iso(), "DATE", shifted)
    else:
        year = (focus.dated.year if focus.dated else release.year) + sign
        _set(draft, str(year), "DATE", CalendarDate(year=year))
