"""Quantities, money and percentages, with hedges as intervals and what is counted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker import hedges
from checker.extract import numbers, spans
from checker.extract.base import Context, Draft
from checker.extract.numbers import Number

CURRENCY_CODES = frozenset(
    [
        "EUR",
        "USD",
        "GBP",
        "CHF",
        "NOK",
        "SEK",
        "DKK",
        "JPY",
        "CNY",
        "INR",
        "AUD",
        "CAD",
        "NZD",
        "ZAR",
        "BRL",
        "MXN",
        "PLN",
        "CZK",
        "HUF",
        "RUB",
        "TRY",
        "KRW",
        "SGD",
        "HKD",
        "AED",
        "SAR",
        "ILS",
        "EGP",
        "NGN",
        "KES",
        "GHS",
        "UAH",
        "RON",
        "BGN",
        "ISK",
        "THB",
        "IDR",
        "MYR",
        "PHP",
        "VND",
        "PKR",
        "BDT",
    ]
)
_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD",
            "HK$": "HKD", "S$": "SGD", "£": "GBP", "¥": "JPY", "₹": "INR", "CHF": "CHF"}  # fmt: skip
_NAMES = {"euro": "EUR", "euros": "EUR", "dollars": "USD", "us dollars": "USD",
          "u.s. dollars": "USD", "pounds sterling": "GBP", "pounds": "GBP", "swiss francs": "CHF",
          "norwegian kroner": "NOK", "danish kroner": "DKK", "swedish kronor": "SEK",
          "kronor": "SEK", "yen": "JPY", "rupees": "INR"}  # fmt: skip
_CURRENCY_BEFORE = re.compile(
    r"(?P<cur>\b(?:"
    + "|".join(sorted(CURRENCY_CODES))
    + r")\b\s?|(?:US|A|C|NZ|HK|S)?\$\s?|€\s?|£\s?|¥\s?|₹\s?)$"
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?P<name>(?:us|u\.s\.)\s+dollars|pounds\s+sterling|swiss\s+francs|norwegian\s+kroner|"
    r"danish\s+kroner|swedish\s+kronor|euros?|dollars|pounds|kronor|yen|rupees)\b"
    r"|\s*(?P<code>" + "|".join(sorted(CURRENCY_CODES)) + r")\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(
    r"\s?(?P<sign>%|per\s?cent\b|percent\b|percentage\s+points?\b|pp\b|pts?\b(?=\s))", re.IGNORECASE
)
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{hedges.HEDGE_RE})\s+$", re.IGNORECASE)
_NOT_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|model|room|suite|unit|route|highway|interstate|flight|box|ext|tel|"
    r"phone|fax|call|dial|page|pages|pp|p|version|v|iso|isbn|issn|rfc|section|sections|article|"
    r"articles|chapter|part|rule|bill|grade|level|series|type|mark|mk|figure|fig|table|step|item|"
    r"code|ref|order|invoice|floor|building|gate|platform|line|lot|plot|zone|district|ward|"
    r"sdg|goal|resolution|act|regulation|directive|stage|phase|season|episode|volume|vol|issue|"
    r"top|ranked|rank|number|nr|#)\.?\s*|[#+]\s*|\d[-./:]|[-/(]\s*)$",
    re.IGNORECASE,
)
_NOT_QUANTITY_AFTER = re.compile(
    r"(?:[-./:]\d|\)\s*\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|CET|UTC|EST|ET\b|h\b|hrs\b|:\d)|"
    r"\s+(?:[A-Z][a-z]+\s+)?(?:street|st\.|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|"
    r"lane|way|place|plaza|parkway|court|square)\b|(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
# What is counted: a lower-case word, then up to two more ("40 million immunocompromised Americans").
_NOUN_AFTER = re.compile(
    r"\s+(?P<w1>[a-z][a-z-]*)(?:\s+(?P<w2>[A-Za-z][a-z-]*))?(?:\s+(?P<w3>[A-Za-z][a-z-]*))?"
)
_NOT_NOUNS = frozenset(
    [
        "of",
        "to",
        "and",
        "or",
        "per",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "than",
        "as",
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "times",
        "percent",
        "per",
        "cent",
        "which",
        "who",
        "that",
        "this",
        "these",
        "those",
        "more",
        "less",
        "over",
        "under",
        "about",
        "around",
        "nearly",
        "almost",
        "between",
        "among",
        "out",
        "up",
        "down",
        "into",
        "onto",
        "off",
        "new",
        "other",
        "such",
        "each",
        "every",
        "all",
        "both",
        "any",
        "some",
        "no",
        "not",
        "it",
        "its",
        "their",
        "our",
        "his",
        "her",
        "we",
        "they",
        "he",
        "she",
        "you",
        "i",
        "also",
        "only",
        "just",
        "still",
        "already",
        "now",
        "then",
        "there",
        "here",
        "so",
        "very",
    ]
)
_TIME_NOUNS = re.compile(
    r"^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|"
    r"a\.m\.|p\.m\.|am|pm|o'clock)$"
)
_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "staff", "personnel", "police", "cattle", "livestock", "media"]
)


def _interval(number: Number, hedge: str | None) -> tuple[float | None, float | None, str]:
    low, high, bounds = hedges.interval(hedge, number.value)
    if hedge is None and number.step:
        return number.value - number.step, number.value + number.step, "[)"
    return low, high, bounds


def _counted(text: str, end: int, singular: bool) -> tuple[str, tuple[int, int]] | None:
    """What a number counts: the first plural-looking word among the next three; a singular
    noun only after the number one ("400 high school, collegiate …" counts nothing named)."""
    m = _NOUN_AFTER.match(text, end)
    if not m:
        return None
    words = [(m[g], m.start(g), m.end(g)) for g in ("w1", "w2", "w3") if m[g]]
    if not words or words[0][0] in _NOT_NOUNS or _TIME_NOUNS.match(words[0][0]):
        return None
    for word, start, stop in words:
        if word in _NOT_NOUNS or _TIME_NOUNS.match(word):
            break
        if (word.endswith("s") and not word.endswith("ss")) or word in _IRREGULAR_PLURALS:
            return word, (start, stop)
    if not singular or words[0][0][:1].isupper():
        return None
    word, start, stop = words[0]
    return word, (start, stop)


def find(text: str, ctx: Context, taken: spans.Index) -> list[Draft]:
    """Money, percentages and counted quantities not inside another claim (a date, an age …)."""
    return list(_quantities(text, taken))


def _quantities(text: str, taken: spans.Index) -> Iterator[Draft]:
    for number in numbers.find(text):
        if taken.overlapping(number.start, number.end):
            continue
        before = text[max(0, number.start - 24) : number.start]
        after = text[number.end : number.end + 40]
        if _NOT_QUANTITY_BEFORE.search(before) and not _CURRENCY_BEFORE.search(before):
            continue
        if re.match(r"[-./:]\d", after) or (not number.words and _NOT_QUANTITY_AFTER.match(after)):
            continue
        draft = _money(text, number, before) or _percent(text, number) or _count(text, number)
        if draft is None:
            continue
        hedge_match = _HEDGE_BEFORE.search(text, max(0, draft.start - 24), draft.start)
        draft.hedge = hedges.normalise(hedge_match["hedge"]) if hedge_match else None
        if number.plus and draft.hedge is None:
            draft.hedge = "at least"  # "$3+ billion"
        draft.low, draft.high, draft.bounds = _interval(number, draft.hedge)
        draft.extra["number"] = number
        if hedge_match:
            draft.extra["hedge_start"] = hedge_match.start()
        yield draft


def _money(text: str, number: Number, before: str) -> Draft | None:
    prefix = _CURRENCY_BEFORE.search(before)
    if prefix:
        symbol = prefix["cur"].strip()
        code = _SYMBOLS.get(symbol, symbol.upper())
        start = number.start - len(prefix["cur"])
        return _draft("money", start, number.end, number, code)
    suffix = _CURRENCY_AFTER.match(text, number.end)
    if suffix:
        code = (
            suffix["code"].upper()
            if suffix["code"]
            else _NAMES[" ".join(suffix["name"].lower().split())]
        )
        return _draft("money", number.start, suffix.end(), number, code)
    return None


def _percent(text: str, number: Number) -> Draft | None:
    sign = _PERCENT_AFTER.match(text, number.end)
    if sign is None:
        return None
    points = sign["sign"].lower().startswith(("percentage", "pp", "pt"))
    draft = _draft("percent", number.start, sign.end(), number, None)
    draft.unit = "percentage points" if points else "percent"
    draft.value = f"{_format(number.value)} {'percentage points' if points else '%'}"
    return draft


def _count(text: str, number: Number) -> Draft | None:
    counted = _counted(text, number.end, singular=number.value == 1)
    if counted is None:
        return None
    noun, span = counted
    if number.words and number.value == 1:
        return None  # "one" is a pronoun or an article far more often than a count
    draft = _draft("quantity", number.start, number.end, number, None)
    draft.unit = noun
    draft.value = f"{_format(number.value)} {noun}"
    draft.extra["unit_span"] = span
    return draft


def _draft(kind: str, start: int, end: int, number: Number, currency: str | None) -> Draft:
    value = f"{currency} {_format(number.value)}" if currency else _format(number.value)
    return Draft(kind=kind, start=start, end=end, value=value, amount=number.value,  # type: ignore[arg-type]
                 currency=currency)  # fmt: skip


def _format(value: float) -> str:
    """A value as a reader writes it: 2900000000 -> 2,900,000,000; 2.5 -> 2.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
