"""Check type `percent-change`: a stated change against the one its own values give."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.hedges import admits
from checker.models import Claim


class PercentChangeParams(Params):
    """How far apart (in sentences) the change and the stated percentage may be."""

    reach: int = 1


FIELDS = {"change", "stated", "computed", "working"}


def _computed(start: float, end: float, unit: str | None) -> float | None:
    if unit == "percentage points":
        return end - start
    if start == 0:
        return None
    return (end - start) / abs(start) * 100


def _stated_interval(claim: Claim) -> tuple[float | None, float | None, str]:
    low, high, bounds = amounts.interval(claim)
    if claim.hedge is None and claim.amount is not None and claim.amount == int(claim.amount):
        # A whole number is rounded: "20 percent" stands for 19.5 to 20.5.
        return claim.amount - 0.5, claim.amount + 0.5, "[)"
    return low, high, bounds


@register("percent-change", PercentChangeParams, FIELDS)
def run(document: Document, claims: list[Claim], params: PercentChangeParams) -> Iterator[Hit]:
    """Flag a percentage change that the change's own start and end values contradict."""
    index = common.by_id(claims)
    sentences = document.sentences
    starts = [s for s, _ in sentences]
    stated_changes = [
        c for c in claims if c.kind == "percent" and c.cue in ("increase", "decrease")
    ]
    for change in claims:
        if change.kind != "change" or len(change.parts) != 2:
            continue
        first, last = common.parts(change, index)
        if first.amount is None or last.amount is None:
            continue
        here = document.sentence_at(change.start)
        position = starts.index(here[0]) if here[0] in starts else -1
        near = {
            sentences[i]
            for i in range(max(0, position), min(len(sentences), position + params.reach + 1))
        }
        for stated in stated_changes:
            if document.sentence_at(stated.start) not in near or stated.id in change.parts:
                continue
            yield from _compare(change, first, last, stated)
            break


def _compare(change: Claim, first: Claim, last: Claim, stated: Claim) -> Iterator[Hit]:
    points = stated.unit == "percentage points"
    computed = _computed(first.amount or 0.0, last.amount or 0.0, stated.unit)
    if computed is None:
        return
    direction = "increase" if computed >= 0 else "decrease"
    size = abs(computed)
    low, high, bounds = _stated_interval(stated)
    if admits(size, low, high, bounds) and direction == stated.cue:
        return
    unit = "percentage points" if points else "%"
    working = (f"from {amounts.plain(first.amount or 0)} to {amounts.plain(last.amount or 0)} is "
               f"{'an' if direction == 'increase' else 'a'} {direction} of "
               f"{amounts.plain(size)}{' ' if points else ''}{unit}")  # fmt: skip
    if not points and first.unit == "percent":
        working += (
            f" ({amounts.plain(abs((last.amount or 0) - (first.amount or 0)))} percentage points)"
        )
    number = stated.text.split()[0].rstrip("%")
    suggestion = stated.text.replace(number, amounts.plain(size), 1)
    if direction != stated.cue:
        suggestion = f"a {direction} of {amounts.plain(size)}{' ' if points else ''}{unit}"
    yield Hit(
        start=stated.start,
        end=stated.end,
        values={
            "change": change.text,
            "stated": stated.text,
            "computed": f"{amounts.plain(size)}{' ' if points else ''}{unit}",
            "working": working,
        },
        related=(common.related(change, "the change"),),
        working=working,
        suggestion=suggestion,
        claims=(stated.id, change.id, first.id, last.id),
    )
