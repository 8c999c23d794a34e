"""Recurrences (TIMEX SET): every year, each week, annually, daily, $5 million a year, on Mondays."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import names, patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.lexicon import (
    CARDINAL_WORD_RE,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    cardinal_value,
    month_number,
    weekday_number,
    words,
)
from checker.models import Timex

_PERIODS = {
    "second": "PT1S", "minute": "PT1M", "hour": "PT1H", "day": "P1D", "night": "P1D",
    "week": "P1W", "fortnight": "P2W", "month": "P1M", "quarter": "P3M", "year": "P1Y",
    "decade": "P10Y", "century": "P100Y", "morning": "P1D", "afternoon": "P1D",
    "evening": "P1D", "weekend": "P1W",
}  # fmt: skip
_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "weekly": "P1W", "biweekly": "P2W",
    "bi-weekly": "P2W", "bi-monthly": "P2M", "semi-annually": "P6M", "bi-annually": "P6M",
    "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M", "biannually": "P6M",
    "biennially": "P2Y",
}  # fmt: skip
_UNIT = (
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|"
    r"morning|afternoon|evening|weekend)s?"
)
_DAYS = "|".join(WEEKDAY_NAMES)
_MONTHS = "|".join(MONTH_NAMES)
EVERY = scan.windowed(
    patterns.compile(
        rf"\b(?:every|each)\s+(?:(?P<other>other|second)\s+|(?P<n>\d{{1,3}}|{CARDINAL_WORD_RE})\s+)?"
        rf"(?:{_UNIT}|(?P<weekday>{_DAYS})|(?P<month>{_MONTHS}))\b(?![-’'])",
        re.IGNORECASE,
    )
)
# "$5 million a year", "four flights a week", "twice a day", "per year" after an amount.
RATE = scan.windowed(
    patterns.compile(
        rf"(?:\b(?P<times>once|twice|thrice|(?:\d{{1,3}}|{CARDINAL_WORD_RE})\s+times)\s+)?"
        rf"\b(?:a|an|per)\s+{_UNIT.replace('s?', '')}\b(?![-’'\w])",
        re.IGNORECASE,
    )
)
_AMOUNT_BEFORE = patterns.compile(
    r"(?:\d|%|\b(?:million|billion|thousand|hundred|percent|dozen|dozens|hundreds|thousands|"
    r"millions|cents|dollars|euros|[a-z]{2,}[^suy]s))\s*$",
)
_NOT_AMOUNT = frozenset(words("was has is its this thus his hers ours yours us as does goes plus less "
                        "unless across always perhaps whereas times"))  # fmt: skip
ADVERB = scan.keyed(
    patterns.compile(
        rf"(?<![\w-])(?P<word>{'|'.join(sorted(_ADVERBS, key=len, reverse=True))})\b(?![-’'])",
        re.IGNORECASE,
    ),
    *_ADVERBS,
)
# TimeBank and most readers take "daily", "weekly", "hourly" before a noun as a recurrence, but
# "annual report" and "quarterly results" name a kind of thing: only as adverbs.
_PRENOMINAL_OK = frozenset({"daily", "nightly", "hourly", "weekly"})
_NOUN_AFTER = patterns.compile(r"\s+(?!(?:and|or|but|to|in|on|at|for|from|by|with|since|until|"
                         r"through|as|the|a|an|basis)\b)[a-z]", re.IGNORECASE)  # fmt: skip
PLURAL_DAYS = scan.windowed(
    patterns.compile(
        rf"\b(?P<lead>on\s+)?(?P<weekday>{_DAYS})s\b(?![’'])"
        r"|\b(?P<lead2>on\s+)?(?P<part>mornings|afternoons|evenings|nights|weekends)\b"
        r"(?=\s+at\b)",
    )
)


# Cheap triggers for the scans (see scan.finditer).
_EVERY = scan.keyed(patterns.compile(r"\b(?:every|each)\b", re.IGNORECASE), "every", "each")
_PLURAL = scan.keyed(
    patterns.compile(rf"\b(?:{_DAYS})s\b|\b(?:mornings|afternoons|evenings|nights|weekends)\b"),
    "days",
    "mornings",
    "afternoons",
    "evenings",
    "nights",
    "weekends",
)


def _set(start: int, end: int, value: str, cue: str, frequency: str | None = None) -> Draft:
    return Draft(kind="set", start=start, end=end, value=value,
                 timex=Timex(type="SET", value=value), cue=cue, frequency=frequency or value)  # fmt: skip


def find(text: str, ctx: Context) -> list[Draft]:
    """Every recurrence the text states."""
    return [*_every(text), *_rates(text), *_adverbs(text), *_plural_days(text)]


def _every(text: str) -> Iterator[Draft]:
    for m in scan.finditer(EVERY, text, _EVERY, back=2, ahead=60):
        cue = " ".join(m.group(0).lower().split())
        if m["weekday"]:
            weekday = weekday_number(m["weekday"])
            yield _set(m.start(), m.end(), f"XXXX-WXX-{(weekday or 0) + 1}", cue)
            continue
        if m["month"]:
            yield _set(m.start(), m.end(), f"XXXX-{month_number(m['month']) or 0:02d}", cue)
            continue
        count = 2 if m["other"] else cardinal_value(m["n"]) if m["n"] else 1
        if count is None:
            continue
        yield _set(m.start(), m.end(), _scaled(_PERIODS[m["unit"].lower()], count), cue)


def _scaled(period: str, count: int) -> str:
    """P1Y scaled by 2 is P2Y; PT1H by 3 is PT3H."""
    number = re.search(r"\d+", period)
    if number is None:
        return period
    return period[: number.start()] + str(int(number.group(0)) * count) + period[number.end() :]


def _rates(text: str) -> Iterator[Draft]:
    for m in scan.finditer(RATE, text, scan.UNIT, back=30, ahead=20):
        unit = m["unit"].lower()
        if unit in ("morning", "afternoon", "evening", "weekend") and not m["times"]:
            continue  # "a morning ritual"
        if not m["times"]:
            before = text[max(0, m.start() - 20) : m.start()]
            amount = _AMOUNT_BEFORE.search(before)
            last = before.split()[-1].lower() if before.split() else ""
            if amount is None or last in _NOT_AMOUNT:
                continue
        times = (m["times"] or "").lower()
        count = {"once": 1, "twice": 2, "thrice": 3}.get(times) or (
            cardinal_value(times.split()[0]) if times else None)  # fmt: skip
        frequency = f"{count}/{_PERIODS[unit]}" if count else None
        cue = " ".join(m.group(0).lower().split())
        yield _set(m.start(), m.end(), _PERIODS[unit], cue, frequency)


def _adverbs(text: str) -> Iterator[Draft]:
    for m in scan.every(ADVERB, text):
        word = m["word"].lower()
        if names.in_name(text, m.start(), m.end()):
            continue  # "Publishers Weekly"
        if _NOUN_AFTER.match(text, m.end()) and word not in _PRENOMINAL_OK:
            continue
        yield _set(m.start(), m.end(), _ADVERBS[word], word)


def _plural_days(text: str) -> Iterator[Draft]:
    for m in scan.finditer(PLURAL_DAYS, text, _PLURAL, back=6, ahead=20):
        if m["weekday"]:
            weekday = weekday_number(m["weekday"])
            if weekday is None or not (m["lead"] or text[m.end() : m.end() + 1] in ",.;"):
                continue
            yield _set(m.start(), m.end(), f"XXXX-WXX-{weekday + 1}", m.group(0).lower())
        else:
            part = m["part"].lower().rstrip("s")
            value = "XXXX-WXX-WE" if part == "weekend" else f"XXXX-XX-XXT{part[:2].upper()}"
            yield _set(m.start(), m.end(), value, m.group(0).lower())
