"""Temporal atoms: every date, time, duration and recurrence, overlaps resolved, in text order."""

from __future__ import annotations

from checker.extract import (
    anaphora,
    compounds,
    dates,
    durations,
    holidays,
    months,
    periods,
    relative,
    sets,
    spans,
    spoken,
    times,
)
from checker.extract.base import Context, Draft


def candidates(text: str, ctx: Context) -> list[Draft]:
    """Every temporal candidate; of two with the same span, the earlier in this list wins."""
    return [
        *anaphora.find(text, ctx),
        *dates.find(text, ctx),
        *periods.find(text, ctx),
        *spoken.find(text, ctx),
        *holidays.find(text, ctx),
        *relative.find(text, ctx),
        *months.find(text, ctx),
        *sets.find(text, ctx),
        *times.find(text, ctx),
        *durations.find(text, ctx),
    ]


def atoms(text: str, ctx: Context) -> tuple[list[Draft], list[Draft]]:
    """Temporal atoms (overlaps resolved toward the longest span), and the ranges written as one
    token ("2015-2021"), whose dates are among the atoms."""
    found = candidates(text, ctx)
    index = spans.Index(found)
    ranges = [
        r for r in compounds.compact_ranges(text, ctx)
        if r.kind == "range" and not any(
            c.end - c.start > r.end - r.start for c in index.overlapping(r.start, r.end)
        )
    ]  # fmt: skip
    joined = [atom for r in ranges for atom in r.links]
    taken = spans.Index(ranges)
    rest = [c for c in found if not taken.overlapping(c.start, c.end)]
    kept = sorted(spans.longest_first(rest) + joined, key=lambda d: d.start)
    anaphora.resolve(kept, ctx.release_date)
    times.anchor(kept, text, ctx.release_date)
    return [d for d in kept if d.timex is not None], ranges
