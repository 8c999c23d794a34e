"""Check type `figure`: one quantity of one thing stated twice with values that cannot meet."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.hedges import HEDGE_RE, meets
from checker.models import Claim

# Words before a figure that make it a different count of the same things.
_QUALIFIED = re.compile(
    r"\b(?:another|additional|extra|more|new|further|other|first|last|remaining|of\s+which|"
    r"including|among|per|each|every|a|an|up|down|by|from|to|than|between|and|or|of)\s*$",
    re.IGNORECASE,
)
# A place or a name after the counted noun narrows the count: "3 towns in Portugal".
_NARROWED = re.compile(r"^\s+(?:in|from|across|at|for|of|outside|inside)\s+(?:the\s+)?[A-Z]")
_HEDGE_AT_END = re.compile(rf"(?:{HEDGE_RE})\s*$", re.IGNORECASE)
_NOW = ("today", "now", "this year")
_TEMPORAL = ("date", "relative", "range", "duration")


class FigureParams(Params):
    """Which kinds of amount are compared."""

    kinds: tuple[str, ...] = ("quantity",)


FIELDS = {"first", "second", "working"}


def _times(document: Document, claims: list[Claim]) -> dict[tuple[int, int], tuple[str, ...]]:
    """What each sentence says about when: its dated claims; present references count as now."""
    found: dict[tuple[int, int], list[str]] = {}
    for c in claims:
        if c.kind in _TEMPORAL and c.value != "PRESENT_REF" and c.cue not in _NOW:
            found.setdefault(document.sentence_at(c.start), []).append(c.value)
    return {sentence: tuple(sorted(values)) for sentence, values in found.items()}


def _counts_things(unit: str | None) -> bool:
    """A plural noun ("volunteers", "people"), not a measure ("ppm", "m", "baht")."""
    if unit is None:
        return False
    plural = len(unit) >= 4 and unit.endswith("s") and not unit.endswith("ss")
    return plural or unit in ("people", "children", "staff")


def _rounded(claim: Claim) -> tuple[float | None, float | None, str]:
    """A round figure stands for its neighbourhood: 1,200 is 1,150 to 1,250 (at most ±5 %)."""
    low, high, bounds = amounts.interval(claim)
    value = claim.amount
    if claim.hedge or value is None or value != int(value) or value == 0:
        return low, high, bounds
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros:
        return low, high, bounds
    step = min(10**zeros / 2, 0.05 * value)
    return value - step, value + step, "[)"


def _comparable(document: Document, claim: Claim, in_changes: set[str]) -> bool:
    if claim.id in in_changes or not _counts_things(claim.unit):
        return False
    before = _HEDGE_AT_END.sub("", document.text[max(0, claim.start - 40) : claim.start])
    after = document.text[claim.end : claim.end + 40]
    if claim.kind == "quantity":
        unit_at = after.find(claim.unit or "")
        if unit_at < 0 or after[:unit_at].strip():
            return False  # "1,200 new volunteers" is not the same count as "1,300 volunteers"
        after = after[unit_at + len(claim.unit or "") :]
    return not (_QUALIFIED.search(before) or _NARROWED.match(after))


@register("figure", FigureParams, FIELDS)
def run(document: Document, claims: list[Claim], params: FigureParams) -> Iterator[Hit]:
    """Flag the later of two figures of the same unit and time whose intervals do not meet."""
    in_changes = {p for c in claims if c.kind in ("change", "list") for p in c.parts}
    candidates = [
        c for c in claims if c.kind in params.kinds and _comparable(document, c, in_changes)
    ]
    # Three or more values of one unit are a breakdown (regions, years, a table), not a restatement.
    values: dict[str | None, set[float | None]] = {}
    for claim in candidates:
        values.setdefault(claim.unit, set()).add(claim.amount)
    candidates = [c for c in candidates if len(values[c.unit]) < 3]
    times = _times(document, claims)
    seen: dict[tuple[str, str | None, str | None, tuple[str, ...]], Claim] = {}
    for claim in candidates:
        when = times.get(document.sentence_at(claim.start), ())
        key = (claim.kind, claim.unit, claim.currency, when)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = claim
            continue
        if common.same_sentence(document, earlier, claim) or meets(
            _rounded(earlier), _rounded(claim)
        ):
            continue
        first, second = amounts.written(earlier), amounts.written(claim)
        working = f"{first} and {second} cannot both be true"
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={"first": first, "second": second, "working": working},
            related=(common.related(earlier, "stated before"),),
            working=working,
            claims=(claim.id, earlier.id),
        )
