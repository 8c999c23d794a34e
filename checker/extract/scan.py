"""Fast scans: run a costly pattern only in windows around the matches of a cheap trigger."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import patterns
from checker.extract.lexicon import MONTH_RE, alternation, words

_SPANS: dict[tuple[re.Pattern[str], str], list[tuple[int, int]]] = {}
_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {}
_LOWER: dict[str, str] = {}


def keyed(trigger: re.Pattern[str], *needles: str) -> re.Pattern[str]:
    """A trigger that cannot match unless the lower-cased text holds one of the needles: most
    documents hold none of "noon", "fiscal", "ago", and `in` finds that faster than a scan."""
    _NEEDLES[trigger] = needles
    return trigger


def _lower(text: str) -> str:
    if text not in _LOWER:
        if len(_LOWER) > 8:
            _LOWER.clear()
        _LOWER[text] = text.lower()
    return _LOWER[text]


def spans(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The trigger's matches in the text, scanned once per document (extractors share them)."""
    key = (trigger, text)
    if key not in _SPANS:
        if len(_SPANS) > 64:  # one document's triggers at a time: keep memory flat
            _SPANS.clear()
        needles = _NEEDLES.get(trigger)
        if needles and not any(n in _lower(text) for n in needles):
            _SPANS[key] = []
        else:
            _SPANS[key] = [m.span() for m in trigger.finditer(text)]
    return _SPANS[key]


def windows(text: str, trigger: re.Pattern[str], back: int, ahead: int) -> list[tuple[int, int]]:
    """The merged `[start, end)` windows around each trigger match."""
    merged: list[tuple[int, int]] = []
    for first, last in spans(trigger, text):
        start, end = max(0, first - back), min(len(text), last + ahead)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def finditer(
    pattern: re.Pattern[str], text: str, trigger: re.Pattern[str], back: int = 80, ahead: int = 40
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern whose every match holds a trigger match that
    begins at most `back` characters after the match starts and ends at most `ahead`
    characters (lookaheads included) before it ends. Python's `re` tries a pattern that opens
    with optional words at every position of the text; a trigger that opens with a word it
    must contain is scanned many times faster. Lookbehinds still see the text before a window."""
    last_end = -1
    for start, end in windows(text, trigger, back, ahead):
        for m in pattern.finditer(text, start, end):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


# Triggers shared by the extractors: each opens with a word, so the scan is fast.
MONTH = patterns.compile(rf"\b(?:{MONTH_RE})", re.IGNORECASE)
WEEKDAY = keyed(
    patterns.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE),
    *words("monday tuesday wednesday thursday friday saturday sunday"),
)
UNIT = patterns.compile(
    r"\b(?:"
    + alternation(
        words(
            "second minute hour day night week fortnight month quarter year decade centur "
            "spring summer autumn fall winter morning afternoon evening"
        )
    )
    + ")",
    re.IGNORECASE,
)
