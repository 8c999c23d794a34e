"""Times of day: 10 a.m., 6:00 PM Eastern, noon Thursday, this morning, Friday night."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date, timedelta

from checker.extract import names, patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.lexicon import CARDINAL_WORD_RE, MONTH_RE, cardinal_value, weekday_number
from checker.extract.relative import weekday_date
from checker.models import CalendarDate, Timex

PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_ZONE = (
    r"(?:\s+(?P<zone>(?:[ECMP][SD]?T|GMT|UTC|CET|CEST|BST|ET|PT|CT|MT)\b|"
    r"(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:Standard|Daylight))?(?:\s+Time)?\b))?"
)
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A day said right after the time ("10 p.m. Wednesday", "noon today") is part of the time.
# Not a weekday that opens a full date ("Tuesday, March 19, 2024"): that date is a claim itself.
_DAY_AFTER = (
    rf"(?:,?\s+(?:on\s+)?(?P<day>{_WEEKDAY}|today|yesterday|tomorrow)\b"
    rf"(?!['’]s|,?\s+(?:{MONTH_RE}|the\s+\d|\d)))?"
)
CLOCK = scan.windowed(
    patterns.compile(
        r"(?<![\w:.,$€£/-])"
        r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?)?\s*"
        r"(?P<half>[ap])(?:\.\s?m\b\.?|m\b)" + _ZONE + _DAY_AFTER,
        re.IGNORECASE,
    )
)
# 24-hour times need a zone or a word that introduces a time: "at 14:30", "0735 GMT".
CLOCK_24 = scan.windowed(
    patterns.compile(
        r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\buntil\s))(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
        r"(?![\d:.])(?:\s*(?:hours|hrs|h)\b)?"
        + _ZONE
        + _DAY_AFTER
        + r"|(?<![\w:.])(?P<hour2>[01]\d|2[0-3]):?(?P<minute2>[0-5]\d)\s+(?P<zone2>GMT|UTC)\b",
    )
)
NAMED = scan.windowed(
    patterns.compile(
        r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bfrom\s)|"
        r"(?<=\bsince\s)|(?<=\baround\s)|(?<=\bto\s)|(?<=\btill\s)|(?<=\b12\s))"
        r"(?P<name>noon|midnight|midday)\b"
        + _DAY_AFTER
        + rf"|\b(?P<name2>noon|midnight)\s+(?P<day2>{_WEEKDAY}|today|yesterday|tomorrow)\b",
        re.IGNORECASE,
    )
)
IN_THE = scan.windowed(
    patterns.compile(
        rf"\b(?P<hour>1[0-2]|[1-9]|{CARDINAL_WORD_RE})(?:\s+o['’]clock)?\s+in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)\b"
        rf"|\b(?P<hour2>1[0-2]|[1-9]|{CARDINAL_WORD_RE})\s+o['’]clock\b",
        re.IGNORECASE,
    )
)
# Parts of a day: "this morning", "last night", "Friday evening", "yesterday afternoon".
PART_OF_DAY = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<edge>early|late|later|earlier)\s+)?(?:(?P<rel>this|last|tomorrow|yesterday)\s+"
        rf"|(?P<weekday>{_WEEKDAY})\s+)(?P<part>morning|afternoon|evening|night)\b(?!['’]s\b|\s+(?:shift|show|news|session))"
        r"|\b(?P<tonight>tonight)\b|\b(?P<mid>mid[\s-]?(?:morning|afternoon|day))\b(?![\w-])",
        re.IGNORECASE,
    )
)
# Cheap triggers for the scans (see scan.finditer).
_AM_PM = scan.trigger(patterns.compile(r"[aApP]\.?\s?[mM]\b"))
_COLON = scan.keyed(patterns.compile(r"\d:?\d\d"), ":", "gmt", "utc")
_IN_THE = scan.keyed(
    patterns.compile(r"\bin\s+the\s+(?:morning|afternoon|evening)|o['’]clock", re.IGNORECASE),
    "morning",
    "afternoon",
    "evening",
    "clock",
)
_NOON = scan.keyed(
    patterns.compile(r"\b(?:noon|midnight|midday)", re.IGNORECASE), "noon", "midnight", "midday"
)
_PART = scan.keyed(
    patterns.compile(r"\b(?:morning|afternoon|evening|night|tonight|mid)", re.IGNORECASE),
    "morning",
    "afternoon",
    "evening",
    "night",
    "mid",
)
_NAMED_HOURS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
_DAY_SHIFT = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def find(text: str, ctx: Context) -> list[Draft]:
    """Every time of day; a clock time without a day of its own is anchored later."""
    return [*_clocks(text, ctx), *_named(text, ctx), *_parts(text, ctx)]


def _day_of(text: str, m: re.Match[str], word: str | None, release: date | None) -> date | None:
    """The day a weekday or a day word next to the time names, from the release date."""
    if word is None or release is None:
        return None
    lower = word.lower()
    if lower in _DAY_SHIFT:
        return release + timedelta(days=_DAY_SHIFT[lower])
    weekday = weekday_number(word)
    return None if weekday is None else weekday_date(text, m.span(), weekday, "", release)


def _time(m: re.Match[str], day: date | None, clock: str, cue: str) -> Draft:
    """A TIME draft; without a day its value waits for the anchor (`extra["anchor"]`)."""
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    draft = Draft(
        kind="time", start=m.start(), end=m.end(), value=f"{prefix}{clock}",
        timex=Timex(type="TIME", value=f"{prefix}{clock}"),
        date=CalendarDate.of(day) if day else None, cue=cue,
    )  # fmt: skip
    if day is None:
        draft.extra["anchor"] = clock
    return draft


def _clocks(text: str, ctx: Context) -> Iterator[Draft]:
    for m in scan.finditer(CLOCK, text, _AM_PM, back=40, ahead=60):
        if not (m["zone"] or m["day"]) and names.name_after(text, m.end()):
            continue  # "the 3 AM Radio show"
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        clock = f"T{hour:02d}:{m['minute'] or '00'}"
        yield _time(m, _day_of(text, m, m["day"], ctx.release_date), clock, "clock")
    for m in scan.finditer(CLOCK_24, text, _COLON, back=12, ahead=60):
        hour_text, minute = (m["hour"], m["minute"]) if m["hour"] else (m["hour2"], m["minute2"])
        clock = f"T{int(hour_text):02d}:{minute}"
        yield _time(m, _day_of(text, m, m["day"], ctx.release_date), clock, "clock")
    for m in scan.finditer(IN_THE, text, _IN_THE, back=20, ahead=20):
        said = cardinal_value(m["hour"] or m["hour2"])
        if said is None or not 1 <= said <= 12:
            continue
        hour = said % 12 + (12 if m["part"] and m["part"].lower() != "morning" else 0)
        if not m["part"]:
            hour = said  # "seven o'clock": the clock face, morning or evening unknown
        yield _time(m, None, f"T{hour:02d}:00", "clock")


def _named(text: str, ctx: Context) -> Iterator[Draft]:
    for m in scan.finditer(NAMED, text, _NOON, back=12, ahead=30):
        name = (m["name"] or m["name2"]).lower()
        hour, minute = _NAMED_HOURS[name]
        day = _day_of(text, m, m["day"] or m["day2"], ctx.release_date)
        yield _time(m, day, f"T{hour:02d}:{minute:02d}", name)


def _parts(text: str, ctx: Context) -> Iterator[Draft]:
    release = ctx.release_date
    for m in scan.finditer(PART_OF_DAY, text, _PART, back=20, ahead=20):
        cue = " ".join(m.group(0).lower().split())
        if m["tonight"]:
            part, day = "NI", release
        elif m["mid"]:
            word = m["mid"].lower()
            part, day = ("AF" if "afternoon" in word else "MO" if "morning" in word else "AF"), None
        else:
            part = PARTS[m["part"].lower()]
            word = m["rel"] or m["weekday"]
            day = _day_of(text, m, word, release)
            if (m["rel"] or "").lower() == "last" and part != "NI":
                continue  # "last morning" is no day's part
        draft = _time(m, day, f"T{part}", cue)
        if m["rel"] or m["tonight"]:
            draft.kind = "relative"  # said from the release, like "today"
        if m["weekday"]:
            draft.kind, draft.weekday = "relative", weekday_number(m["weekday"])
        yield draft


def anchor(drafts: list[Draft], text: str, release: date | None) -> None:
    """Give each time without a day of its own the day of the nearest dated claim in its
    sentence, else of the last one before it (news says "Friday … at 10:35 a.m."), else the
    release date."""
    days = [d for d in drafts if d.date is not None and d.date.precision == "day" and
            d.timex is not None and d.timex.type == "DATE"]  # fmt: skip
    starts = [d.start for d in days]  # the drafts do not overlap: sorted by start and by end
    for draft in drafts:
        clock = draft.extra.get("anchor")
        if clock is None:
            continue
        i = bisect.bisect_left(starts, draft.start)
        before = days[i - 1] if i > 0 else None
        sides = [d for d in (before, days[i] if i < len(days) else None) if d is not None]
        near = [d for d in sides if abs(d.start - draft.start) < 120 and
                not any(ch in ".!?\n" for ch in text[min(d.end, draft.end) : max(d.start, draft.start)])]  # fmt: skip
        source = min(near, key=lambda d: abs(d.start - draft.start)) if near else before
        day = source.date if source is not None else None
        if day is None and release is not None:
            day = CalendarDate.of(release)
        if day is None:
            continue
        value = f"{day.iso()}{clock}"
        draft.value, draft.timex, draft.date = value, Timex(type="TIME", value=value), day
        draft.note = f"the day of {text[source.start : source.end]!r}" if source else (
            "the release date")  # fmt: skip
