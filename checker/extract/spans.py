"""Overlaps among many drafts in n log n: the longest of overlapping drafts, and who overlaps whom."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from checker.extract.base import Draft


def longest_first(drafts: Iterable[Draft]) -> list[Draft]:
    """Keep, of overlapping drafts, the longest (of equal spans the earliest given), in text
    order, in n log n (a megabyte of dates has 50,000 of them)."""
    starts: list[int] = []
    kept: list[Draft] = []  # non-overlapping, sorted by start
    for draft in sorted(drafts, key=lambda d: (-(d.end - d.start), d.start)):
        i = bisect.bisect_left(starts, draft.start)
        if i < len(kept) and kept[i].start < draft.end:
            continue
        if i > 0 and kept[i - 1].end > draft.start:
            continue
        starts.insert(i, draft.start)
        kept.insert(i, draft)
    return kept


class Index:
    """Drafts sorted by start, to find those overlapping a span without scanning them all."""

    def __init__(self, drafts: Iterable[Draft]) -> None:
        self.drafts = sorted(drafts, key=lambda d: d.start)
        self.starts = [d.start for d in self.drafts]
        self.longest = max((d.end - d.start for d in self.drafts), default=0)

    def overlapping(self, start: int, end: int) -> list[Draft]:
        """The drafts that share a character with `[start, end)`."""
        last = bisect.bisect_left(self.starts, end)
        first = bisect.bisect_left(self.starts, start - self.longest, 0, last)
        if first == last:  # most spans asked about (every token, for some extractors) hold none
            return []
        return [d for d in self.drafts[first:last] if d.end > start]
