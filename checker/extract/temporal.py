"""Temporal atoms: every date, time, duration and recurrence, overlaps resolved, in text order."""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.extract import (
    anaphora,
    compounds,
    dates,
    durations,
    holidays,
    months,
    patterns,
    periods,
    relative,
    sets,
    spans,
    spoken,
    times,
)
from checker.extract.base import Context, Draft
from checker.models import Timex
from checker.timeline import iso_week


def candidates(text: str, ctx: Context) -> list[Draft]:
    """Every temporal candidate; of two with the same span, the earlier in this list wins."""
    finders = (anaphora, dates, periods, spoken, holidays, relative, months, sets, times, durations)
    return [draft for finder in finders for draft in _within_calendar(finder.find, text, ctx)]


def _within_calendar(
    find: Callable[[str, Context], list[Draft]], text: str, ctx: Context
) -> list[Draft]:
    """An extractor's candidates. Near the calendar's edges (a release in year 1 or 9999, "3 May"
    read in year 0) its date arithmetic can leave the years `datetime` holds: that extractor's
    candidates are dropped, not the document."""
    try:
        return find(text, ctx)
    except OverflowError:
        return []
    except ValueError as exc:
        if "out of range" in str(exc):
            return []
        raise


_WEEK_OF = patterns.compile(r"\bthe\s+week\s+of\s+$", re.IGNORECASE)


def _weeks_of(text: str, drafts: list[Draft]) -> None:
    """`the week of March 6`: the ISO week that holds the day (the draft grows to the phrase)."""
    for draft in drafts:
        day = draft.date.as_date() if draft.date is not None else None
        lead = _WEEK_OF.search(text, max(0, draft.start - 16), draft.start) if day else None
        if lead is None or day is None or draft.kind != "date":
            continue
        value = iso_week(day)
        draft.start, draft.value, draft.timex = lead.start(), value, Timex(type="DATE", value=value)
        draft.date = None  # a week, not the day it is named by
        draft.note = f"the week of {day.isoformat()}"


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
    _weeks_of(text, kept)
    anaphora.resolve(kept, ctx.release_date, text)
    times.anchor(kept, text, ctx.release_date)
    return [d for d in kept if d.timex is not None], ranges
