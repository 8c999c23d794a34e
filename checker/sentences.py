"""Sentence offsets: enough to show a finding in its sentence and to keep subjects local."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "mt",
        "ft",
        "approx",
        "dept",
        "est",
        "fig",
        "vol",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n\s*\n|\n(?=\s*[-*#•]|\s*\d+[.)]\s)")


def split(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The `[start, end)` of each sentence from `start` on; line breaks inside a paragraph stay."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start):
        head = text[begin : match.start()]
        if match.group(0)[0] == "." and _ends_with_abbreviation(head):
            continue
        nxt = text[match.end() : match.end() + 1]
        if match.group(0)[0] in ".!?" and nxt and nxt.islower():
            continue
        _add(spans, text, begin, match.start() + len(match.group(0).rstrip()))
        begin = match.end()
    _add(spans, text, begin, len(text))
    return spans


def _ends_with_abbreviation(head: str) -> bool:
    word = head.rsplit(None, 1)[-1].lower() if head.strip() else ""
    word = word.lstrip("(\"“'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _add(spans: list[tuple[int, int]], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end:
        spans.append((begin, end))
