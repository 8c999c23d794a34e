"""Lengths of time: for three years, over the past 15 years, more than two decades, three-year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker import hedges
from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.lexicon import CARDINAL_WORD_RE, cardinal_value
from checker.models import Timex

UNIT_CODES = {
    "second": ("PT", "S", 1), "minute": ("PT", "M", 1), "hour": ("PT", "H", 1),
    "day": ("P", "D", 1), "week": ("P", "W", 1), "fortnight": ("P", "W", 2),
    "month": ("P", "M", 1), "quarter": ("P", "M", 3), "year": ("P", "Y", 1),
    "decade": ("P", "DE", 1), "century": ("P", "CE", 1),
}  # fmt: skip
# How many years each unit is, for comparing a duration with dates.
UNIT_YEARS = {"second": 1 / 31_557_600, "minute": 1 / 525_960, "hour": 1 / 8766,
              "day": 1 / 365.25, "week": 7 / 365.25, "fortnight": 14 / 365.25, "month": 1 / 12,
              "quarter": 0.25, "year": 1.0, "decade": 10.0, "century": 100.0}  # fmt: skip
_UNITS = r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies)"
_UNIT_RE = rf"(?P<unit>{_UNITS})s?"
# Every duration holds a unit word: the costly patterns below run only around one.
UNIT_WORD = scan.UNIT
_VAGUE = r"a\s+few|few|several|a\s+couple\s+of|couple\s+of|many|some|a\s+number\s+of"
# Counts: 3, 3.5, 2 1/2, three, two and a half, a few, half an, a half, another, a full, all.
_COUNT = (
    rf"(?P<count>\d{{1,3}}(?:\.\d+|\s+1/2)?|(?:{CARDINAL_WORD_RE})(?:\s+and\s+a\s+half)?|{_VAGUE}"
    r"|half\s+an?|a\s+half|half|another|all|a\s+full|full|a|an)"
)
_LEAD = (
    r"(?:(?P<lead>the\s+(?:past|last|next|coming|previous|first|following|latest|final|same)"
    r"|(?:past|last|next|first|another|previous|upcoming|the))\s+)?"
)
_HEDGE = rf"(?:(?P<hedge>{hedges.hedge_re()})\s+)?"
DURATION = scan.windowed(
    patterns.compile(
        rf"(?<![\w$€£-]){_LEAD}{_HEDGE}{_COUNT}\s+(?:(?:more|full|long|whole|straight|consecutive|"
        rf"additional|further|trading|business|working|calendar)\s+)?{_UNIT_RE}\b"
        r"(?P<plus>\s+and\s+a\s+half)?(?!-|\s+(?:old|of\s+age|ago|from\s+now|hence)\b)",
        re.IGNORECASE,
    )
)
# Not `windowed`: with its unit optional it matches at every number, so Hyperscan would rule
# out no window and report a hundred matches a release.
ADJECTIVE = patterns.compile(
    rf"(?<![\w$€£-])(?P<count>\d{{1,3}}|{CARDINAL_WORD_RE}|multi|half|several|decades|years|"
    rf"months|weeks|days)[-\s]?(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|"
    r"century)?(?:[-\s]long)?(?=[-\s]+\w)(?![-\s]+old\b)",
    re.IGNORECASE,
)
# Article counts ("a year", "a decade") are durations only after a word that measures time.
_ARTICLE_CONTEXT = patterns.compile(
    r"\b(?:for|over|in|within|after|than|nearly|almost|about|around|of|past|last|next|"
    r"first|every|per|half|just|only|least|once|twice|takes?|took|spent|spend|lasts?|lasted)\s+$",
    re.IGNORECASE,
)
# "over the past year": a length of time, where "last year" alone names a year.
SPAN_OF_ONE = scan.windowed(
    patterns.compile(
        r"\b(?:over|during|within|for|in|throughout)\s+(?P<lead>the\s+(?:past|last|previous|next|"
        r"coming|following))\s+(?P<unit>day|week|month|quarter|year|decade|century)\b",
        re.IGNORECASE,
    )
)
# "for years", "in recent months", "the coming weeks", "the weeks ahead": no count at all.
UNCOUNTED = scan.windowed(
    patterns.compile(
        r"(?:\b(?P<lead>(?:the\s+)?(?:recent|coming|past|next|last|previous|following)|"
        r"(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blasted\s)|(?<=\bspent\s)|(?<=\btakes\s)"
        r")\s*)(?P<unit>days|weeks|months|quarters|years|decades|centuries)\b(?P<ahead>\s+ahead\b)?"
        r"(?!\s+(?:ago|old|of\s+age)\b)|\bthe\s+(?P<unit2>days|weeks|months|years)\s+ahead\b",
        re.IGNORECASE,
    )
)


# A fraction of a unit said in the next smaller one: 2.5 years is P2Y6M, half an hour PT30M.
_SMALLER = {"Y": ("M", 12, ""), "D": ("H", 24, "T"), "H": ("M", 60, ""), "W": ("D", 7, "")}


def _timex(count: float | None, unit: str) -> str:
    prefix, code, factor = UNIT_CODES[unit]
    if code == "DE":
        code, factor = "Y", 10
    elif code == "CE":
        code, factor = "Y", 100
    if count is None:
        return f"{prefix}X{code}"
    number = count * factor
    if number == int(number):
        return f"{prefix}{int(number)}{code}"
    whole = int(number)
    if code in _SMALLER and prefix in ("P", "PT"):
        smaller, per, time_mark = _SMALLER[code]
        part = (number - whole) * per
        if part == int(part):
            head = f"{whole}{code}" if whole else ""
            mark = time_mark if "T" not in prefix else ""
            return f"{prefix}{head}{mark}{int(part)}{smaller}"
    if code == "M" and prefix == "PT":
        part = (number - whole) * 60
        if part == int(part):
            return f"PT{whole}M{int(part)}S" if whole else f"PT{int(part)}S"
    return f"{prefix}{number}{code}"


def _unit(word: str) -> str:
    word = word.lower().rstrip("s") if word.lower() != "centuries" else "century"
    return "century" if word.startswith("centur") else word


def find(text: str, ctx: Context) -> list[Draft]:
    """Every stated length of time, with hedges as intervals in the written unit."""
    return [
        *_durations(text),
        *_adjectives(text),
        *_unit_long(text),
        *_spans_of_one(text),
        *_uncounted(text),
    ]


def _duration(m: re.Match[str], start: int, count: float | None, unit: str, cue: str | None,
              bounds: tuple[float | None, float | None, str] | None = None) -> Draft:  # fmt: skip
    low, high, kind = bounds or ((count, count, "[]") if count is not None else (None, None, "[]"))
    value = _timex(count, unit)
    return Draft(
        kind="duration", start=start, end=m.end(), value=value,
        timex=Timex(type="DURATION", value=value),
        number=int(count) if count is not None and count == int(count) else None,
        low=low, high=high, bounds=kind, unit=unit, cue=cue,
    )  # fmt: skip


def _spans_of_one(text: str) -> Iterator[Draft]:
    for m in scan.finditer(SPAN_OF_ONE, text, UNIT_WORD, back=40, ahead=12):
        yield _duration(
            m, m.start("lead"), 1, _unit(m["unit"]), " ".join(m["lead"].lower().split())
        )


def _durations(text: str) -> Iterator[Draft]:
    for m in scan.finditer(DURATION, text, UNIT_WORD, back=90, ahead=40):
        count_word = " ".join(m["count"].lower().split())
        lead = " ".join((m["lead"] or "").lower().split())
        article = (
            count_word in ("a", "an", "all", "full") and lead in ("", "the") and not m["hedge"]
        )
        if article and not _ARTICLE_CONTEXT.search(text, max(0, m.start() - 20), m.start()):
            continue
        if m["unit"][0].isupper() and (m.group(0)[0].islower() or _lower_before(text, m.start())):
            continue  # "the One Minute Manager": a title inside a sentence
        if m["unit"].lower() == "quarter" and (
            count_word in ("a", "an") or text.startswith(" of", m.end())
        ):
            continue  # "a quarter of the market" is a share, not three months
        if lead == "the" and not (count_word[:1].isdecimal() or cardinal_value(count_word)):
            continue  # "the" before a count: "the nine months"; not "the many years"
        vague = re.fullmatch(_VAGUE, count_word) is not None
        count = None if vague else _count(count_word)
        if count is not None and m["plus"]:
            count += 0.5
        unit = _unit(m["unit"])
        hedge = hedges.normalise(m["hedge"])
        slack = 0.5 if count is not None and count < 10 else 0.0
        bounds = hedges.interval(hedge, count, slack) if count is not None else None
        if vague:
            low = 2.0 if "couple" in count_word else 3.0 if count_word == "several" else 2.0
            bounds = (low, 2.0 if "couple" in count_word else 9.0, "[]")
        start = m.start()
        if m["hedge"] and lead in ("last", "past", "next", "first"):
            start, lead = m.start("hedge"), ""  # "it will last over a week": a verb, no lead
        draft = _duration(m, start, count, unit, lead or None, bounds)
        draft.hedge = hedge
        yield draft


def _count(word: str) -> float | None:
    """The number a count says: "3.5", "2 1/2", "two and a half", "half an", "another"."""
    if word.endswith(" 1/2"):
        return float(word[:-4]) + 0.5
    if word.endswith(" and a half"):
        whole = cardinal_value(word[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if word in ("half", "half a", "half an", "a half"):
        return 0.5
    if word in ("another", "all", "full", "a full"):
        return 1.0
    return float(word) if word.replace(".", "", 1).isdecimal() else cardinal_value(word)


def _lower_before(text: str, start: int) -> bool:
    """Whether the word just before `start` is in lower case (so a capital after it is a name)."""
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1][:1].islower()


def _adjectives(text: str) -> Iterator[Draft]:
    for m in scan.finditer(ADJECTIVE, text, UNIT_WORD, back=30, ahead=20):
        word = m["count"].lower()
        if m["unit"] is None:
            if word not in ("decades", "years", "months", "weeks", "days") or "long" not in m.group(
                0
            ):
                continue  # only "decades-long", "years-long"
            yield _duration(m, m.start(), None, _unit(word), "adjective")
            continue
        if m["unit"][0].isupper() and _lower_before(text, m.start()):
            continue  # "the One Minute Manager"
        count: float | None
        if word in ("multi", "several", "decades", "years", "months", "weeks", "days"):
            if word not in ("multi", "several"):
                continue
            count = None
        elif word == "half":
            count = 0.5
        else:
            count = cardinal_value(word)
            if count is None:
                continue
        yield _duration(m, m.start(), count, _unit(m["unit"]), "adjective")


# "a decade-long campaign", "a year-long pilot": one unit, said as an adjective
UNIT_LONG = scan.windowed(
    patterns.compile(r"\b(?P<unit>year|month|week|decade|century)-long\b", re.IGNORECASE)
)
# "a quarter of a century", "three quarters of a century": 25 and 75 years
QUARTERS = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<hedge>more\s+than|over|almost|nearly|about|around)\s+)?(?P<n>a|one|three)\s+quarters?\s+of\s+a\s+century\b",
        re.IGNORECASE,
    )
)


def _unit_long(text: str) -> Iterator[Draft]:
    for m in scan.finditer(UNIT_LONG, text, UNIT_WORD, back=10, ahead=10):
        yield _duration(m, m.start(), 1, _unit(m["unit"]), "adjective")
    for m in scan.finditer(QUARTERS, text, UNIT_WORD, back=40, ahead=10):
        years = 75.0 if m["n"].lower() == "three" else 25.0
        hedge = hedges.normalise(m["hedge"])
        low, high, bounds = hedges.interval(hedge, years)
        yield _duration(m, m.start(), years, "year", hedge, (low, high, bounds))


def _uncounted(text: str) -> Iterator[Draft]:
    for m in scan.finditer(UNCOUNTED, text, UNIT_WORD, back=30, ahead=20):
        unit = _unit(m["unit"] or m["unit2"])
        lead = " ".join((m["lead"] or "").lower().split())
        yield _duration(m, m.start(), None, unit, lead or "uncounted")
