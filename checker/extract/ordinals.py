"""Counts of occasions: now in its ninth year, 25th anniversary, the eighth meeting of its kind."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import phrases
from checker.extract.base import Context, Draft, anchored
from checker.extract.lexicon import (
    NUMBER_RE,
    ORDINAL_DIGITS_RE,
    ORDINAL_WORD_RE,
    cardinal_value,
    ordinal_value,
)

ORD = rf"(?P<ord>{ORDINAL_DIGITS_RE}|{ORDINAL_WORD_RE})"
EVENTS = (
    "edition|meeting|session|summit|conference|forum|festival|congress|assembly|academy|award|awards|"
    "ceremony|competition|championship|tournament|round|exhibition|fair|expo|gala|concert|season|"
    "workshop|symposium|dialogue|convention|retreat|race|cup|games|series|survey|report|index|"
    "cohort|class|lecture|week|day|camp|show|programme|program|call|launch|meet-up|meetup|"
    "hackathon|roundtable|round-table|colloquium|seminar|course|school|tour|marathon|cycle"
)
FREQUENCIES = {
    "annual": "P1Y", "yearly": "P1Y", "biennial": "P2Y", "biannual": "P6M", "triennial": "P3Y",
    "quadrennial": "P4Y", "monthly": "P1M", "weekly": "P1W", "quarterly": "P3M",
}  # fmt: skip
_FREQ = r"(?:(?P<freq>annual|yearly|biennial|biannual|triennial|quadrennial|monthly|weekly|quarterly)\s+)?"

YEAR_OF_LIFE = re.compile(
    rf"\b(?:(?:now\s+)?in\s+)?(?P<owner>its|their|our|his|her)\s+{ORD}\s+(?:full\s+)?year\b(?!s)",
    re.IGNORECASE,
)
ANNIVERSARY = re.compile(
    rf"\b(?:(?P<owner>its|their|our|the|a)\s+)?{ORD}\s+anniversary\b", re.IGNORECASE
)
YEARS_SINCE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{NUMBER_RE})\s+years\s+(?:since|after)\b", re.IGNORECASE
)
# Every ordinal ends in st, nd, rd or th: a cheap scan that finds where to look.
_ORDINAL_WORD = re.compile(r"\b\w+(?:st|nd|rd|th)\b", re.IGNORECASE)
_YEARS_SINCE_ANCHOR = re.compile(r"\byears\s+(?:since|after)\b", re.IGNORECASE)
_ANNIVERSARY_ANCHOR = re.compile(r"\banniversary\b", re.IGNORECASE)
CONSECUTIVE = re.compile(
    rf"\bfor\s+(?:the\s+)?{ORD}\s+(?:consecutive|straight|successive)\s+(?P<unit>year|time|season)\b"
    rf"|\bfor\s+(?:the\s+)?{ORD.replace('ord', 'ord2')}\s+(?P<unit2>year|time|season)\s+(?:running|in\s+a\s+row)\b",
    re.IGNORECASE,
)
EVENT = re.compile(
    rf"\b(?P<lead>the|its|their|our|this\s+year['’]s|a|[\w-]+['’]s?)\s+{ORD}\s+{_FREQ}"
    rf"(?P<mods>(?:[\w’'&-]+\s+){{0,4}}?)(?P<unit>{EVENTS})\b(?![-’']\w)",
    re.IGNORECASE,
)
OF_ITS_KIND = re.compile(
    rf"\bthe\s+{ORD}\s+(?:(?P<unit>{EVENTS})\s+)?of\s+its\s+kind\b", re.IGNORECASE
)
_EVENT_BEFORE = re.compile(rf"\b(?P<unit>{EVENTS})\b[^.;:]*$", re.IGNORECASE)
SINCE_LAUNCH = re.compile(
    r"\s*(?:since|after)\s+(?:the\s+)?(?:launch|creation|founding|establishment|start|inception)\s+of\s+",
    re.IGNORECASE,
)


def _draft(m: re.Match[str], number: int, unit: str, cue: str) -> Draft:
    return Draft(kind="ordinal", start=m.start(), end=m.end(), value=f"{_ord(number)} {unit}",
                 number=number, unit=unit, cue=cue)  # fmt: skip


def _ord(number: int) -> str:
    from checker.extract.lexicon import ordinal_suffix

    return ordinal_suffix(number)


def find(text: str, ctx: Context) -> list[Draft]:
    """Every ordinal count of years, anniversaries and recurring events, with a subject mention."""
    return [
        *_years_of_life(text),
        *_anniversaries(text),
        *_consecutive(text),
        *_events(text, ctx),
    ]


def _years_of_life(text: str) -> Iterator[Draft]:
    for m in YEAR_OF_LIFE.finditer(text):
        number = ordinal_value(m["ord"])
        if number is None:
            continue
        draft = _draft(m, number, "year", "in its Nth year")
        draft.extra["subject_span"] = m.span("owner")
        yield draft
    for m in anchored(_YEARS_SINCE_ANCHOR, YEARS_SINCE, text):
        number = cardinal_value(m["n"])
        if number is None or number > 500:
            continue
        draft = _draft(m, number, "years since", "N years since")
        draft.value = f"{number} years since"
        after = phrases.after(text, m.end(), len(text))
        if after:
            draft.subject = text[after[0] : after[1]]
            draft.extra["subject_span"] = after
        yield draft


def _anniversaries(text: str) -> Iterator[Draft]:
    for m in anchored(_ANNIVERSARY_ANCHOR, ANNIVERSARY, text):
        number = ordinal_value(m["ord"])
        if number is None:
            continue
        draft = _draft(m, number, "anniversary", "Nth anniversary")
        owner = (m["owner"] or "").lower()
        if owner in phrases.PRONOUNS or owner == "our":
            draft.extra["subject_span"] = m.span("owner")
        else:
            # "the 25th anniversary of X" names X; "X's 25th anniversary" names the owner.
            of = re.match(r"\s+of\s+", text[m.end() : m.end() + 6])
            if of:
                span = phrases.after(text, m.end() + of.end(), len(text))
                if span:
                    draft.subject, draft.extra["subject_span"] = text[span[0] : span[1]], span
            else:
                _owner_before(text, m.start(), draft)
        yield draft


def _owner_before(text: str, start: int, draft: Draft) -> None:
    """`The orchestra's 25th anniversary`: the owner before the possessive."""
    owner = re.search(r"((?:[\w-]+\s+){0,5}?[\w-]+)['’]s?\s+$", text[max(0, start - 80) : start])
    if owner:
        span = (start - len(text[max(0, start - 80) : start]) + owner.start(1),
                start - len(text[max(0, start - 80) : start]) + owner.end(1))  # fmt: skip
        draft.subject, draft.extra["subject_span"] = text[span[0] : span[1]], span


def _consecutive(text: str) -> Iterator[Draft]:
    for m in CONSECUTIVE.finditer(text):
        number = ordinal_value(m["ord"] or m["ord2"])
        if number is None:
            continue
        unit = (m["unit"] or m["unit2"]).lower()
        draft = _draft(m, number, f"consecutive {unit}", "for the Nth consecutive year")
        yield draft


def _events(text: str, ctx: Context) -> Iterator[Draft]:
    for m in anchored(_ORDINAL_WORD, EVENT, text, reach=40, tail=120):
        number = ordinal_value(m["ord"])
        if number is None or number > 1000:
            continue
        unit = m["unit"].lower()
        draft = _draft(m, number, unit, "the Nth event")
        if m["lead"].lower() not in ("the", "its", "their", "our", "a"):
            draft.start = m.start("ord")  # the owner ("the orchestra's") is not part of the count
        draft.frequency = FREQUENCIES.get((m["freq"] or "").lower())
        series = (m["mods"] or "") + m["unit"]
        draft.subject = " ".join(series.split())
        draft.extra["subject_span"] = (
            m.start("mods") if m["mods"] else m.start("unit"),
            m.end("unit"),
        )
        _anchor(text, m.end(), draft)
        yield draft
    for m in OF_ITS_KIND.finditer(text):
        number = ordinal_value(m["ord"])
        if number is None:
            continue
        unit = (m["unit"] or "").lower()
        if not unit:
            # "Today's meeting, the eighth of its kind": the event is named just before.
            before = _EVENT_BEFORE.search(text, max(0, m.start() - 60), m.start())
            unit = before["unit"].lower() if before else "occasion"
        draft = _draft(m, number, unit, "the Nth of its kind")
        draft.subject = unit
        _anchor(text, m.end(), draft)
        yield draft


def _anchor(text: str, end: int, draft: Draft) -> None:
    """`… since the launch of X`: the series is counted from X's origin."""
    since = SINCE_LAUNCH.match(text, end)
    if since:
        span = phrases.after(text, since.end(), len(text))
        if span:
            draft.extra["anchor"] = text[span[0] : span[1]]
            draft.extra["anchor_span"] = span
