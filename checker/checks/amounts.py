"""Helpers the number checks share: intervals of amounts, sentences, figures in words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.document import Document
from checker.hedges import meets
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


def intervals_meet(a: Claim, b: Claim) -> bool:
    """Whether two amounts can be the same value."""
    return meets(interval(a), interval(b))


def sentence_claims(
    document: Document, claims: Iterable[Claim]
) -> dict[tuple[int, int], list[Claim]]:
    """The claims grouped by the sentence they start in, in text order."""
    groups: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        groups.setdefault(document.sentence_at(claim.start), []).append(claim)
    return groups


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
    return f"{text} {claim.unit}" if claim.kind == "quantity" and claim.unit else text


def between(document: Document, a: Claim, b: Claim) -> str:
    """The text between two claims."""
    return document.text[a.end : b.start]


def words_before(document: Document, claim: Claim, count: int = 3) -> str:
    """The few words before a claim, lower case."""
    head = document.text[max(0, claim.start - 60) : claim.start]
    return " ".join(re.findall(r"[\w'’-]+", head.lower())[-count:])


def cardinal_word(number: int) -> str:
    """The word for a whole number up to twenty, else its digits."""
    from checker.extract.lexicon import CARDINALS

    words = {
        value: word for word, value in CARDINALS.items() if " " not in word and "-" not in word
    }
    return words.get(number, str(number)) if number <= 20 else str(number)
