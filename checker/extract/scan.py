"""Fast scans: run a costly pattern only in windows around the matches of a cheap trigger."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _casefix  # type: ignore[attr-defined]
from typing import Any

from checker.extract import patterns, prescan
from checker.extract.lexicon import MONTH_RE, alternation, words

_SPANS: dict[tuple[re.Pattern[str], str], list[tuple[int, int]]] = {}
_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {}
_LOWER: dict[str, tuple[str, bool]] = {}
# The characters `re` case-folds to a letter other than their lower case (its re._casefix:
# "ſ" and "ı" match "s" and "i"); the ASCII letters among its keys are what they fold to.
_EXTRA_CASES = re.compile(
    "[" + "".join(chr(c) for c in sorted(_casefix._EXTRA_CASES) if c > 127) + "]"
)
_FOLDED: dict[re.Pattern[str], re.Pattern[str]] = {}
_SYNTAX = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[^\\(]+|\(")  # escapes, group names, the rest


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A trigger for `finditer`, declared so that one Hyperscan pass finds where it may match."""
    _TRIGGERS.setdefault(pattern)
    return pattern


def windowed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A costly pattern for `finditer`, declared so that windows it cannot match in are
    skipped (Hyperscan sees where its matches may end)."""
    _WINDOWED.setdefault(pattern)
    return pattern


def keyed(pattern: re.Pattern[str], *needles: str) -> re.Pattern[str]:
    """A trigger that cannot match unless the lower-cased text holds one of the needles: most
    documents hold none of "noon", "fiscal", "ago", and `in` finds that faster than a scan."""
    _NEEDLES[pattern] = needles
    return trigger(pattern)


def _lower(text: str) -> str:
    return _lowered(text)[0]


def _lowered(text: str) -> tuple[str, bool]:
    """The lower-cased text, and whether a case-sensitive scan of it finds what a case-folding
    scan of the text finds: no character changed length, and none of the few that `re` folds
    beyond `str.lower` ("ſ" matches "s", "ı" matches "i") is there."""
    if text not in _LOWER:
        if len(_LOWER) > 8:
            _LOWER.clear()
        lower = text.lower()
        _LOWER[text] = lower, len(lower) == len(text) and _EXTRA_CASES.search(text) is None
    return _LOWER[text]


def _absent(pattern: re.Pattern[str], lower: str) -> bool:
    """Whether a keyed pattern's needles are all missing from the lower-cased text."""
    needles = _NEEDLES.get(pattern, ())
    return bool(needles) and not any(n in lower for n in needles)


def _folded(trigger: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive trigger as a case-sensitive one over the lower-cased text: `re` folds
    the case of every character it compares, and runs about twice as fast when it need not."""
    if trigger not in _FOLDED:
        # Lower-case the literals, not the escapes ("\\S" is not "\\s", "\\B" not "\\b") nor
        # the group names ("(?P<unit>").
        source = _SYNTAX.sub(
            lambda m: m[0] if m[0][0] == "\\" or m[0].startswith("(?P") else m[0].lower(),
            trigger.pattern,
        )
        _FOLDED[trigger] = patterns.compile(source, patterns.flags_of(trigger) & ~re.IGNORECASE)
    return _FOLDED[trigger]


def spans(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The trigger's matches in the text, scanned once per document (extractors share them)."""
    key = (trigger, text)
    if key not in _SPANS:
        if len(_SPANS) > 64:  # one document's triggers at a time: keep memory flat
            _SPANS.clear()
        lower, foldable = _lowered(text)
        if foldable and patterns.flags_of(trigger) & re.IGNORECASE:
            pattern, target = _folded(trigger), lower
        else:
            pattern, target = trigger, text
        regions = _regions(trigger, text) if foldable else None
        if regions == [] or _absent(trigger, lower):
            found = []
        elif regions is not None:  # search only where Hyperscan saw that it may match
            found = [
                m.span()
                for start, end in regions
                for m in pattern.finditer(target, start, end + prescan.CONTEXT)
            ]
        else:
            found = [m.span() for m in pattern.finditer(target)]
        _SPANS[key] = found
    return _SPANS[key]


class _Prescan:
    """One Hyperscan database of the declared patterns, built on first use (and again when a
    module has declared more since), and what it found in the document scanned last."""

    def __init__(self, starts: bool) -> None:
        self.declared: dict[re.Pattern[str], None] = {}  # in the order declared
        self._starts = starts  # regions of matches, or only where they end
        self._scanner: prescan.Scanner | None = None
        self._ids: dict[re.Pattern[str], int] = {}  # patterns it cannot widen have none
        self._count = 0
        self._found: dict[str, list[list[Any]]] = {}

    def of(self, pattern: re.Pattern[str], text: str) -> list[Any] | None:
        """What the database found for a pattern in a foldable text; None when it cannot say."""
        if prescan.hyperscan is None or pattern not in self.declared:
            return None
        if self._scanner is None or self._count < len(self.declared):
            scanner = prescan.Scanner([_source(p) for p in self.declared], self._starts)
            self._ids = {
                p: scanner.ids[_source(p)] for p in self.declared if _source(p) in scanner.ids
            }
            self._scanner, self._count = scanner, len(self.declared)
            self._found.clear()
        index = self._ids.get(pattern)
        if index is None:
            return None
        if text not in self._found:
            self._found.clear()  # one document at a time
            view = prescan.ascii_view(_lower(text))
            scanner = self._scanner
            self._found[text] = scanner.regions(view) if self._starts else scanner.ends(view)
        return self._found[text][index]


_TRIGGER_SCAN = _Prescan(starts=True)
_WINDOWED_SCAN = _Prescan(starts=False)  # the costly patterns: where their matches may end
_TRIGGERS = _TRIGGER_SCAN.declared  # each declared trigger, in order
_WINDOWED = _WINDOWED_SCAN.declared  # each costly pattern declared for `finditer`


def _regions(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]] | None:
    """Where a declared trigger may match in a foldable text, or None when Hyperscan cannot say."""
    return _TRIGGER_SCAN.of(trigger, text)


def _ends(pattern: re.Pattern[str], text: str) -> list[int] | None:
    """Where a declared costly pattern's matches may end in a foldable text, in order, or None
    when Hyperscan cannot say."""
    return _WINDOWED_SCAN.of(pattern, text)


def _source(trigger: re.Pattern[str]) -> tuple[str, int]:
    return trigger.pattern, patterns.flags_of(trigger)


def every(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern `keyed` with the needles one of which each of its
    matches holds: a document that holds none is not scanned at all."""
    if _absent(pattern, _lower(text)):
        return iter(())
    return pattern.finditer(text)


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
    must contain is scanned many times faster. Lookbehinds still see the text before a window.
    A pattern declared `windowed` is not searched in a window where Hyperscan saw none of its
    matches end: nine windows in ten hold no match, and most of those are then skipped."""
    last_end = -1
    ends = _ends(pattern, text) if _lowered(text)[1] else None
    at = 0  # the first end not before the window: windows only move on
    for start, end in windows(text, trigger, back, ahead):
        if ends is not None:
            while at < len(ends) and ends[at] < start:
                at += 1
            if at == len(ends) or ends[at] > end:
                continue  # no match of the pattern can lie in this window
        for m in pattern.finditer(text, start, end):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


# Triggers shared by the extractors: each opens with a word, so the scan is fast.
MONTH = trigger(patterns.compile(rf"\b(?:{MONTH_RE})", re.IGNORECASE))
WEEKDAY = keyed(
    patterns.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE),
    *words("monday tuesday wednesday thursday friday saturday sunday"),
)
UNIT = trigger(
    patterns.compile(
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
)
