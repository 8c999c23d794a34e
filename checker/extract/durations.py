"""Lengths of time: for three years, over the past 15 years, more than two decades, three-year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker import hedges
from checker.extract.base import Context, Draft
from checker.extract.lexicon import CARDINAL_WORD_RE, cardinal_value
from checker.models import Timex

UNIT_CODES = {
    "second": ("PT", "S", 1), "minute": ("PT", "M", 1), "hour": ("PT", "H", 1),
    "day": ("P", "D", 1), "week": ("P", "W", 1), "fortnight": ("P", "W", 2),
    "month": ("P", "M", 1), "year": ("P", "Y", 1), "decade": ("P", "DE", 1),
    "century": ("P", "CE", 1),
}  # fmt: skip
# How many years each unit is, for comparing a duration with dates.
UNIT_YEARS = {"day": 1 / 365.25, "week": 7 / 365.25, "fortnight": 14 / 365.25, "month": 1 / 12,
              "year": 1.0, "decade": 10.0, "century": 100.0}  # fmt: skip
_UNIT_RE = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?"
_COUNT = (
    rf"(?P<count>\d{{1,3}}(?:\.\d)?|{CARDINAL_WORD_RE}|a\s+few|several|a\s+couple\s+of|many|a|an)"
)
_LEAD = r"(?:(?P<lead>the\s+(?:past|last|next|coming|previous|first|following)|(?:past|last|next|first|another))\s+)?"
_HEDGE = rf"(?:(?P<hedge>{hedges.HEDGE_RE})\s+)?"
DURATION = re.compile(
    rf"(?<![\w$€£-]){_LEAD}{_HEDGE}{_COUNT}\s+(?:(?:more|full|long|whole|straight|consecutive|"
    rf"additional|further)\s+)?{_UNIT_RE}\b(?!-|\s+(?:old|of\s+age|ago|from\s+now|hence)\b)",
    re.IGNORECASE,
)
ADJECTIVE = re.compile(
    rf"(?<![\w$€£-])(?P<count>\d{{1,3}}|{CARDINAL_WORD_RE}|multi|half)[-\s]?(?P<unit>second|minute|hour|day|"
    r"week|month|year|decade|century)(?:[-\s]long)?(?=[-\s]+\w)(?![-\s]+old\b)",
    re.IGNORECASE,
)
# Article counts ("a year", "a decade") are durations only after a word that measures time.
_ARTICLE_CONTEXT = re.compile(
    r"\b(?:for|over|in|within|after|than|nearly|almost|about|around|of|past|last|next|"
    r"first|every|per|than|half|just|only|least|once|twice|takes?|took|spent|spend|lasts?|lasted)\s+$",
    re.IGNORECASE,
)
# "over the past year": a length of time, where "last year" alone names a year.
SPAN_OF_ONE = re.compile(
    r"\b(?:over|during|within|for|in|throughout)\s+(?P<lead>the\s+(?:past|last|previous|next|coming|following))\s+"
    r"(?P<unit>day|week|month|year|decade|century)\b",
    re.IGNORECASE,
)


def _timex(count: float | None, unit: str) -> str:
    prefix, code, factor = UNIT_CODES[unit]
    if code == "DE":
        code, factor = "Y", 10
    elif code == "CE":
        code, factor = "Y", 100
    if count is None:
        return f"{prefix}X{code}"
    number = count * factor
    return f"{prefix}{int(number) if number == int(number) else number}{code}"


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word


def find(text: str, ctx: Context) -> list[Draft]:
    """Every stated length of time, with hedges as intervals in the written unit."""
    return list(_durations(text)) + list(_adjectives(text)) + list(_spans_of_one(text))


def _spans_of_one(text: str) -> Iterator[Draft]:
    for m in SPAN_OF_ONE.finditer(text):
        unit = _unit(m["unit"])
        value = _timex(1, unit)
        yield Draft(
            kind="duration", start=m.start("lead"), end=m.end(), value=value,
            timex=Timex(type="DURATION", value=value), number=1, low=1.0, high=1.0, bounds="[]",
            unit=unit, cue=" ".join(m["lead"].lower().split()),
        )  # fmt: skip


def _durations(text: str) -> Iterator[Draft]:
    for m in DURATION.finditer(text):
        count_word = " ".join(m["count"].lower().split())
        if count_word in ("a", "an", "many") and not (m["lead"] or m["hedge"]):
            if not _ARTICLE_CONTEXT.search(text, max(0, m.start() - 20), m.start()):
                continue
        count: float | None
        if count_word == "many":
            count = None
        else:
            count = float(m["count"]) if "." in m["count"] else cardinal_value(count_word)
        unit = _unit(m["unit"])
        hedge = hedges.normalise(m["hedge"])
        slack = 0.5 if count is not None and count < 10 else 0.0
        low, high, bounds = (
            hedges.interval(hedge, count, slack) if count is not None else (None, None, "[]")
        )
        if count_word in ("a few", "several"):
            low, high, bounds = 2.0, 9.0, "[]"
        value = _timex(count, unit)
        yield Draft(
            kind="duration", start=m.start(), end=m.end(), value=value,
            timex=Timex(type="DURATION", value=value),
            number=int(count) if count is not None and count == int(count) else None,
            low=low, high=high, bounds=bounds, hedge=hedge, unit=unit,
            cue=" ".join(m["lead"].lower().split()) if m["lead"] else None,
        )  # fmt: skip


def _adjectives(text: str) -> Iterator[Draft]:
    for m in ADJECTIVE.finditer(text):
        word = m["count"].lower()
        if word == "multi":
            count: float | None = None
        elif word == "half":
            count = 0.5
        else:
            count = cardinal_value(word)
        if word not in ("multi", "half") and count is None:
            continue
        unit = _unit(m["unit"])
        value = _timex(count, unit)
        yield Draft(
            kind="duration", start=m.start(), end=m.end(), value=value,
            timex=Timex(type="DURATION", value=value),
            number=int(count) if count is not None and count == int(count) else None,
            low=count, high=count, bounds="[]", unit=unit, cue="adjective",
        )  # fmt: skip
