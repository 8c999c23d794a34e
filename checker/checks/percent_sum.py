"""Check type `percent-sum`: shares of one whole that add up to more than 100 %."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim


class PercentSumParams(Params):
    """How far a sum of whole-number shares may drift from 100 through rounding."""

    rounding: float = 0.5


FIELDS = {"shares", "sum", "working"}


@register("percent-sum", PercentSumParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: PercentSumParams) -> Iterator[Hit]:
    """Flag shares of one whole whose sum exceeds 100 %, or misses it when they are the whole."""
    index = common.by_id(claims)
    for group in claims:
        if group.kind != "shares":
            continue
        shares = common.parts(group, index)
        stated = sum(c.amount or 0.0 for c in shares)
        slack = params.rounding * sum(1 for c in shares if (c.amount or 0) == int(c.amount or 0))
        least = sum(amounts.low(c) for c in shares)
        over = least - slack > 100
        under = bool(group.exhaustive) and stated + slack < 100
        if not (over or under):
            continue
        written = " + ".join(c.text for c in shares)
        working = f"{written} = {amounts.plain(stated)}%" + (
            ", more than the whole" if over else ", but the shares are said to be the whole"
        )
        yield Hit(
            start=shares[0].start,
            end=shares[-1].end,
            values={"shares": written, "sum": f"{amounts.plain(stated)}%", "working": working},
            related=tuple(common.related(c, "share") for c in shares[1:]),
            working=working,
            claims=tuple(c.id for c in shares),
        )
