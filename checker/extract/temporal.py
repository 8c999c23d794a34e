"""Temporal atoms: every date, time, duration and recurrence, overlaps resolved, in text order."""

from __future__ import annotations

from checker.extract import compounds, dates, durations, relative
from checker.extract.base import Context, Draft, longest_first


def candidates(text: str, ctx: Context) -> list[Draft]:
    """Every temporal candidate; of two with the same span, the earlier in this list wins."""
    return dates.find(text, ctx) + relative.find(text, ctx) + durations.find(text, ctx)


def atoms(text: str, ctx: Context) -> tuple[list[Draft], list[Draft]]:
    """Temporal atoms (overlaps resolved toward the longest span), and the ranges written as one
    token ("2015-2021"), whose dates are among the atoms."""
    found = candidates(text, ctx)
    ranges = [
        r for r in compounds.compact_ranges(text, ctx)
        if r.kind == "range" and not any(
            c.overlaps(r) and c.end - c.start > r.end - r.start for c in found
        )
    ]  # fmt: skip
    joined = [atom for r in ranges for atom in r.links]
    rest = [c for c in found if not any(r.overlaps(c) for r in ranges)]
    return sorted(longest_first(rest) + joined, key=lambda d: d.start), ranges
