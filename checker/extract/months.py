"""Months without a day or a written year: in January, last November, early March next year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker.extract import names, patterns, scan, tense
from checker.extract.base import Context, Draft
from checker.extract.lexicon import MONTH_NAMES, month_number
from checker.models import CalendarDate, Timex

_NAMES = (
    "|".join(MONTH_NAMES)
    + r"|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_EDGE = (
    r"(?:early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of"
    r"|(?:the\s+)?month\s+of)"
)
MONTH_REF = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<mod>(?:{_EDGE}[\s-]+)?(?:this\s+past|this\s+coming|last|next|this|past|coming)"
        rf"|{_EDGE})[\s-]+)?"
        rf"(?P<month>{_NAMES})(?!\w|-|['’](?!s\b)|\.\w|\.?\s*\d|\s+(?:of\s+)?(?:1[6-9]|20)\d\d)"
        r"(?:\s+(?P<year>last|next|this)\s+year\b)?",
        re.IGNORECASE,
    )
)
# A bare month is a month only after a word that introduces a time; "May" and "March" are
# also verbs and names, so they need one even more.
_INTRO = patterns.compile(
    r"\b(?:in|since|by|until|till|through|throughout|during|from|to|before|after|between|for|"
    r"around|into|and|or|than|of|each|every|that|until|late|early|mid)[\s-]+$",
    re.IGNORECASE,
)
# A month given as a deadline or an end is mostly still to come: "by August", "through January".
_DEADLINE = patterns.compile(r"\b(?:by|until|till|through)\s+$", re.IGNORECASE)
_SHIFT = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}


def find(text: str, ctx: Context) -> list[Draft]:
    """Every month named without a day and without a year of its own."""
    return list(_months(text, ctx))


def _months(text: str, ctx: Context) -> Iterator[Draft]:
    release = ctx.release_date
    for m in scan.finditer(MONTH_REF, text, scan.MONTH, back=60, ahead=30):
        name = m["month"]
        shifted = any(word in (m["mod"] or "").lower() for word in _SHIFT) or m["year"]
        if not name[0].isupper() and (not shifted or name.lower() in ("may", "march")):
            continue  # "may", "march" in lower case are the verbs
        month = month_number(name)
        if month is None or release is None:
            continue
        mod = " ".join((m["mod"] or "").lower().split())
        if not mod and not m["year"] and not _INTRO.search(text, max(0, m.start() - 12), m.start()):
            continue
        if (
            not mod
            and not m["year"]
            and name.rstrip(".") in _GIVEN_NAMES
            and names.name_after(text, m.end())
        ):
            continue  # "and Jan Kavan", "and August Busch"
        year = _year(text, m, month, mod, release)
        value = f"{year:04d}-{month:02d}"
        draft = Draft(
            kind="relative", start=m.start(), end=m.end(),
            value=value, timex=Timex(type="DATE", value=value),
            date=CalendarDate(year=year, month=month), cue=mod or "a month without a year",
            note="the year is the release's, read from the tense" if not m["year"] else None,
        )  # fmt: skip
        draft.extra["year_unwritten"] = not mod and not m["year"]
        yield draft


# Months that are also given names: before a capitalised word they are a person.
_GIVEN_NAMES = frozenset({"Jan", "April", "May", "June", "August", "Aug"})
# A month at most this many months from the release's is that one, whatever the tense.
_NEAR = 2


def _nearest(month: int, release: date) -> int:
    """The year of the nearest such month; six months either way is a tie, given to the past."""
    if month - release.month > 6:
        return release.year - 1
    return release.year + 1 if release.month - month > 6 else release.year


def _year(text: str, m: re.Match[str], month: int, mod: str, release: date) -> int:
    """The year of a month named without one: from "last"/"next", else from the tense."""
    if m["year"]:
        return release.year + {"last": -1, "next": 1}.get(m["year"].lower(), 0)
    shift = next((v for k, v in _SHIFT.items() if mod.endswith(k)), None)
    nearest = _nearest(month, release)
    if shift is None and abs((nearest - release.year) * 12 + month - release.month) <= _NEAR:
        return nearest  # next month or last month, whatever the verb's tense
    if shift is None:
        if _DEADLINE.search(text, max(0, m.start() - 8), m.start()):
            shift = tense.FUTURE
        else:
            shift = tense.direction(text, m.start(), m.end())
        if shift == tense.UNKNOWN:
            return nearest
        # "in March" said in May of the same year is this year's March when told in the past.
        if shift == tense.PAST:
            return release.year if month <= release.month else release.year - 1
        return release.year if month >= release.month else release.year + 1
    if shift < 0:
        return release.year if month < release.month else release.year - 1
    return release.year if month > release.month else release.year + 1
