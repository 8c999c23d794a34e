"""Hedged amounts as intervals: "nearly 700" is [630, 700), "more than two decades" is (20, ∞)."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from checker.language import lexicon

Bounds = Literal["[]", "[)", "(]", "()"]


@cache
def _table() -> dict[str, tuple[float | None, float | None, Bounds]]:
    """Each hedge: (low factor or None for 0, high factor or None for unbounded, bounds)."""
    return {w: (h.low, h.high, h.bounds) for w, h in lexicon.hedges().items()}  # type: ignore[misc]


def hedge_re() -> str:
    """A regex alternation of every hedge, longest first."""
    return "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_table(), key=len, reverse=True)
    )


def normalise(hedge: str | None) -> str | None:
    """The hedge in its canonical spelling, or None when there is none."""
    return " ".join(hedge.lower().split()) if hedge else None


def interval(
    hedge: str | None, amount: float, slack: float = 0.0
) -> tuple[float | None, float | None, Bounds]:
    """The interval a hedged amount admits; `slack` widens an "about" for small counts."""
    key = normalise(hedge)
    if key is None or key not in _table():
        return amount, amount, "[]"
    low_factor, high_factor, bounds = _table()[key]
    low = 0.0 if low_factor is None else amount * low_factor
    high = None if high_factor is None else amount * high_factor
    if bounds == "[]" and low_factor is not None and high_factor is not None and slack:
        low, high = min(low, amount - slack), max(high or amount, amount + slack)
    return low, high, bounds


def admits(value: float, low: float | None, high: float | None, bounds: str) -> bool:
    """Whether a value lies in the interval."""
    if low is not None and (value < low or (bounds[0] == "(" and value == low)):
        return False
    return not (high is not None and (value > high or (bounds[1] == ")" and value == high)))


def meets(
    a: tuple[float | None, float | None, str], b: tuple[float | None, float | None, str]
) -> bool:
    """Whether two intervals share a value."""
    low_a, high_a, bounds_a = a
    low_b, high_b, bounds_b = b
    lo, lo_open = _max_low((low_a, bounds_a[0] == "("), (low_b, bounds_b[0] == "("))
    hi, hi_open = _min_high((high_a, bounds_a[1] == ")"), (high_b, bounds_b[1] == ")"))
    if lo is None or hi is None:
        return True
    return lo < hi or (lo == hi and not lo_open and not hi_open)


def _max_low(*ends: tuple[float | None, bool]) -> tuple[float | None, bool]:
    known = [e for e in ends if e[0] is not None]
    if not known:
        return None, False
    value = max(e[0] for e in known if e[0] is not None)
    return value, any(open_ for v, open_ in known if v == value)


def _min_high(*ends: tuple[float | None, bool]) -> tuple[float | None, bool]:
    known = [e for e in ends if e[0] is not None]
    if not known:
        return None, False
    value = min(e[0] for e in known if e[0] is not None)
    return value, any(open_ for v, open_ in known if v == value)
