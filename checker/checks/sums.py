"""Check type `sum`: a total and its parts ("EUR 12 million, of which EUR 7 million …")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Facts, Hit, Params, register
from checker.hedges import meets
from checker.models import Claim


class SumParams(Params):
    """Which claim kinds can be totals and parts."""

    kinds: tuple[str, ...] = ("money", "quantity")


FIELDS = {"total", "parts", "sum", "working"}


@register("sum", SumParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: SumParams) -> Iterator[Hit]:
    """Flag parts that exceed their total, or parts said to be the whole that do not add up."""
    index = common.by_id(claims)
    for breakdown in claims:
        if breakdown.kind != "breakdown":
            continue
        total, *parts = common.parts(breakdown, index)
        if total.kind not in params.kinds or not parts:
            continue
        least = sum(amounts.low(p) for p in parts)
        total_high = amounts.high(total)
        exceeds = total_high is not None and least > total_high
        together = amounts.sum_interval(parts)
        short = bool(breakdown.exhaustive) and not meets(together, amounts.interval(total))
        short = short and not exceeds
        if not (exceeds or short):
            continue
        stated = sum(p.amount or 0.0 for p in parts)
        written = " + ".join(p.text for p in parts)
        relation = "more than" if exceeds else "less than"
        figure = amounts.figure(stated, total.currency, total.unit)
        working = f"{written} = {figure}, {relation} the total of {total.text}"
        yield Hit(
            start=total.start,
            end=total.end,
            values={"total": total.text, "parts": written, "sum": figure, "working": working},
            related=tuple(common.related(p, "part") for p in parts),
            working=working,
            claims=(total.id, *(p.id for p in parts)),
        )
