"""Check type `percent-change`: a stated change against the one its own values give."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim


class PercentChangeParams(Params):
    """How far a factor ("doubled") may be from the values' ratio, as a fraction of it."""

    factor_tolerance: float = 0.025


FIELDS = {"change", "stated", "computed", "working"}


def _stated_interval(claim: Claim) -> tuple[float | None, float | None, str]:
    """A percentage at its written precision: "20 percent" is 19.5 to 20.5, "39.8" ± 0.05."""
    low, high, bounds = amounts.interval(claim)
    if claim.hedge is None and claim.amount is not None:
        digits = claim.text.split("%")[0].split()[0].replace(",", "")
        decimals = (
            len(digits.split(".")[1])
            if "." in digits and digits.replace(".", "").isdecimal()
            else 0
        )
        step = 0.5 * 10.0**-decimals
        return claim.amount - step, claim.amount + step, "[)"
    return low, high, bounds


@register("percent-change", PercentChangeParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: PercentChangeParams) -> Iterator[Hit]:
    """Flag a change that the change's own old and new values contradict."""
    index = common.by_id(claims)
    for change in claims:
        if change.kind != "change":
            continue
        linked = common.parts(change, index)
        if len(linked) < 2:
            continue
        old, new = linked[0], linked[1]
        if old.amount is None or new.amount is None or old.amount == 0:
            continue
        if change.cue == "factor":
            yield from _factor(change, old, new, params)
        elif len(linked) == 3:
            yield from _percent(change, old, new, linked[2])


def _possible(old: Claim, new: Claim, points: bool) -> tuple[float, float]:
    """The least and greatest change the two values' intervals allow (hedges, rounding)."""
    a_low, a_high = amounts.low(old), amounts.high(old)
    b_low, b_high = amounts.low(new), amounts.high(new)
    inf = float("inf")
    a_high = inf if a_high is None else a_high
    b_high = inf if b_high is None else b_high
    if points:
        return b_low - a_high, b_high - a_low
    least = (b_low - a_high) / a_high * 100 if a_high not in (0, inf) else -100.0
    most = (b_high - a_low) / a_low * 100 if a_low > 0 else inf
    return least, most


def _percent(change: Claim, old: Claim, new: Claim, stated: Claim) -> Iterator[Hit]:
    points = stated.unit == "percentage points"
    a, b = old.amount or 0.0, new.amount or 0.0
    computed = b - a if points else (b - a) / abs(a) * 100
    direction = "up" if computed >= 0 else "down"
    low, high, _bounds = _stated_interval(stated)
    signed_low = (
        (low or 0.0) if change.cue == "up" else -(high if high is not None else float("inf"))
    )
    signed_high = (
        (high if high is not None else float("inf")) if change.cue == "up" else -(low or 0.0)
    )
    least, most = _possible(old, new, points)
    if least <= signed_high and signed_low <= most:
        return
    unit = " percentage points" if points else "%"
    word = "an increase" if direction == "up" else "a decrease"
    working = f"from {old.text} to {new.text} is {word} of {amounts.plain(abs(computed))}{unit}"
    if not points and old.unit == "percent":
        working += f" ({amounts.plain(abs(b - a))} percentage points)"
    number = stated.text.split("%")[0].split()[0]
    suggestion = stated.text.replace(number, amounts.plain(abs(computed)), 1)
    yield Hit(
        start=stated.start,
        end=stated.end,
        values={
            "change": f"{old.text} → {new.text}",
            "stated": stated.text,
            "computed": f"{amounts.plain(abs(computed))}{unit}",
            "working": working,
        },
        related=(common.related(old, "from"), common.related(new, "to")),
        working=working,
        suggestion=suggestion if direction == change.cue else None,
        claims=(stated.id, change.id, old.id, new.id),
    )


def _factor(change: Claim, old: Claim, new: Claim, params: PercentChangeParams) -> Iterator[Hit]:
    factor = change.amount or 0.0
    ratio = (new.amount or 0.0) / (old.amount or 1.0)
    if factor and abs(ratio - factor) <= params.factor_tolerance * factor:
        return
    working = f"{new.text} / {old.text} = × {amounts.plain(ratio)}, not × {factor:g}"
    yield Hit(
        start=change.start,
        end=change.end,
        values={
            "change": f"{old.text} → {new.text}",
            "stated": change.text,
            "computed": f"× {amounts.plain(ratio)}",
            "working": working,
        },
        related=(common.related(old, "from"), common.related(new, "to")),
        working=working,
        claims=(change.id, old.id, new.id),
    )
