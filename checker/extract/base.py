"""What every extractor shares: the context of a document and the draft of a claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checker.extract.normalize import DateNormalizer
from checker.models import CalendarDate, ClaimKind, Evidence, Reading, Timex, VerbEvidence


@dataclass
class Context:
    """What an extractor may know besides the text: the release date and how dates are written."""

    release_date: date | None
    date_order: str  # "DMY" or "MDY"
    normalizer: DateNormalizer
    body_start: int = 0


@dataclass(eq=False)
class Draft:
    """A claim before ids are given; `links` point at the drafts it joins or reads."""

    kind: ClaimKind
    start: int
    end: int
    value: str
    timex: Timex | None = None
    date: CalendarDate | None = None
    readings: tuple[Reading, ...] = ()
    weekday: int | None = None
    number: int | None = None
    amount: float | None = None
    currency: str | None = None
    items: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    bounds: str | None = None
    hedge: str | None = None
    unit: str | None = None
    cue: str | None = None
    frequency: str | None = None
    subject: str | None = None
    subject_id: str | None = None
    note: str | None = None
    exhaustive: bool | None = None
    evidence: Evidence | None = None
    links: list[Draft] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def told_way(self) -> VerbEvidence | None:
        """The verb group that governs this draft when it points to the past or the future
        and is neither quoted nor reported speech: what a date without its year or week is
        read from again, once the language layer has found it."""
        verb = self.evidence.verb if self.evidence is not None else None
        if verb is None or verb.quoted or verb.reported:
            return None
        return verb if verb.orientation in ("past", "future") else None

    def overlaps(self, other: Draft) -> bool:
        """Whether the two spans share a character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Draft) -> bool:
        """Whether this span covers the other one."""
        return self.start <= other.start and other.end <= self.end


def anchored(
    anchor: re.Pattern[str], pattern: re.Pattern[str], text: str, reach: int = 80, tail: int = 0
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that end at an `anchor` match: a fast scan for a rare word first.

    Patterns that open with a long alternation of words ("twenty-first|…") are tried at every
    position of the text; searching only the `reach` characters before each anchor keeps
    extraction linear and fast. `tail` lets the match run on past the anchor.
    """
    done = 0
    for hit in anchor.finditer(text):
        match = pattern.search(text, max(done, hit.start() - reach), hit.end() + tail)
        if match is not None:
            done = match.end()
            yield match
