"""Rough noun-phrase chunks next to a claim: enough to name a subject, never a parser."""

from __future__ import annotations

import re

_BOUNDARY_BEFORE = re.compile(r"[.;:!?“”\"()\[\]\n–—]|,|\s-\s|\b(?:and|but|while|whereas|said)\s")
_STOP_AFTER = re.compile(
    r"[,.;:!?()\[\]\n–—\"“”]|\s(?:to|in|on|at|for|with|that|which|who|whose|by|from|as|since|"
    r"is|are|was|were|has|have|had|will|would|can|could|may|might|shall|should|must|does|did|"
    r"and|but|or|brings|remains|continues|today|now)\b",
    re.IGNORECASE,
)
_LEADING_NOISE = re.compile(
    r"^(?:[A-Z][A-Z .,'’-]+\s+[–—-]\s+|About\s+|(?:which|who|that)\s+|(?:in|on|at|of|for|by|with|from)\s+(?=the\b))",
)
DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|his|her|our|your)\s+", re.I)
PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"})


def before(text: str, end: int, floor: int, max_words: int = 10) -> tuple[int, int] | None:
    """The span of the phrase that ends at `end` and starts after the last clause boundary."""
    window_start = max(floor, end - 160)
    window = text[window_start:end]
    start = window_start
    for match in _BOUNDARY_BEFORE.finditer(window):
        start = window_start + match.end()
    start = _skip_space(text, start, end)
    noise = _LEADING_NOISE.match(text[start:end])
    if noise:
        start = _skip_space(text, start + noise.end(), end)
    stop = end
    while stop > start and text[stop - 1] in " \t,":
        stop -= 1
    if stop <= start:
        return None
    words = text[start:stop].split()
    if len(words) > max_words:
        return None
    if not any(ch.isalpha() for ch in text[start:stop]):
        return None
    return start, stop


def after(text: str, start: int, ceiling: int, max_words: int = 8) -> tuple[int, int] | None:
    """The span of the phrase that starts at `start` and runs to the next stop word."""
    start = _skip_space(text, start, ceiling)
    stop = _STOP_AFTER.search(text, start, min(ceiling, start + 160))
    end = stop.start() if stop else min(ceiling, start + 160)
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end <= start or len(text[start:end].split()) > max_words:
        return None
    return start, end


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t\n":
        start += 1
    return start


def normalise(name: str) -> str:
    """A phrase's key: lower case, determiners and possessive owners dropped, one space."""
    text = " ".join(name.replace("’", "'").split()).lower()
    text = DETERMINERS.sub("", text)
    text = re.sub(r"^[\w\- ]+'s?\s+", "", text) if "'s " in text or "s' " in text else text
    return text.strip(" ,.")
