"""Helpers the number checks share: intervals of amounts and figures in words."""

from __future__ import annotations

from checker.hedges import meets
from checker.language import lexicon
from checker.models import Claim

AMOUNTS = ("quantity", "money", "percent")
Interval = tuple[float | None, float | None, str]


def interval(claim: Claim) -> Interval:
    """The values a claim admits: its hedge and the precision written."""
    if claim.low is None and claim.high is None:
        value = claim.amount or 0.0
        return value, value, "[]"
    return claim.low, claim.high, claim.bounds or "[]"


def low(claim: Claim) -> float:
    """The least value a claim admits."""
    return interval(claim)[0] or 0.0


def high(claim: Claim) -> float | None:
    """The greatest value a claim admits (None: unbounded)."""
    return interval(claim)[1]


def sum_interval(claims: list[Claim]) -> Interval:
    """The values a sum of amounts admits: lows and highs added, an end open when any is."""
    lows, highs = [interval(c) for c in claims], [high(c) for c in claims]
    total_high = None if None in highs else sum(h for h in highs if h is not None)
    left = "(" if any(i[2][0] == "(" for i in lows) else "["
    right = ")" if any(i[2][1] == ")" for i in lows) else "]"
    return sum(low(c) for c in claims), total_high, left + right


def intervals_meet(a: Claim, b: Claim) -> bool:
    """Whether two amounts can be the same value."""
    return meets(interval(a), interval(b))


def figure(value: float, currency: str | None = None, unit: str | None = None) -> str:
    """A value as a reader writes it: `EUR 13 million`, `25%`, `1,300 volunteers`."""
    if currency:
        for scale, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= scale:
                return f"{currency} {plain(value / scale)} {word}"
        return f"{currency} {plain(value)}"
    text = plain(value)
    if unit == "percent":
        return f"{text}%"
    if unit == "percentage points":
        return f"{text} percentage points"
    return f"{text} {unit}" if unit else text


def plain(value: float) -> str:
    """A number without trailing zeros: 13, 2.5, 1,300, 33.3."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.1f}"


def written(claim: Claim) -> str:
    """A figure as the text gives it, with its hedge and what it counts: "nearly 700 projects"."""
    text = f"{claim.hedge} {claim.text}" if claim.hedge else claim.text
    count = claim.evidence.count if claim.evidence else None
    head = count.head if count is not None else None
    if claim.kind == "quantity" and head and head.lower() not in claim.text.lower():
        text = f"{text} {head}"
    return text


def cardinal_word(number: int) -> str:
    """The word for a whole number up to twenty, else its digits."""
    words = {
        int(n.value): w
        for w, n in lexicon.number_words().items()
        if n.kind == "cardinal" and "-" not in w
    }
    return words.get(number, str(number)) if number <= 20 else str(number)
