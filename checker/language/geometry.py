"""The text's geometry, computed once: lines, paragraphs, sentences, and lookups by offset."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from checker.language.lexicon import words

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n\s*\n|\n(?=\s*[-*•▪◦+]\s|\s*\d+[.)]\s)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The `[start, end)` of each sentence from `start` on; line breaks inside a paragraph stay,
    a bullet line is a sentence of its own."""
    spans: list[tuple[int, int]] = []
    begin = start
    abbreviations = words("abbreviations.txt")
    for match in _BOUNDARY.finditer(text, start):
        # A blank line ends a paragraph and its sentence, whatever stands before it: "… and
        # Numatec Inc.", "… TikTok, and X." are the last words of their paragraphs.
        if _PARAGRAPH_BREAK.search(match.group(0)) is None:
            head = text[begin : match.start()]
            if match.group(0)[0] == "." and _ends_with_abbreviation(head, abbreviations):
                continue
            nxt = text[match.end() : match.end() + 1]
            if match.group(0)[0] in ".!?" and nxt and nxt.islower():
                continue
        _add(spans, text, begin, match.start() + len(match.group(0).rstrip()))
        begin = match.end()
    _add(spans, text, begin, len(text))
    return spans


def _ends_with_abbreviation(head: str, abbreviations: frozenset[str]) -> bool:
    word = head.rsplit(None, 1)[-1].lower() if head.strip() else ""
    word = word.lstrip("(\"“'")
    return word in abbreviations or (len(word) == 1 and word.isalpha())


def _add(spans: list[tuple[int, int]], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end:
        spans.append((begin, end))


def split_paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The `[start, end)` of each paragraph (blocks between blank lines) from `start` on."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _PARAGRAPH_BREAK.finditer(text, start):
        _add(spans, text, begin, match.start())
        begin = match.end()
    _add(spans, text, begin, len(text))
    return spans


@dataclass(frozen=True)
class Geometry:
    """Where lines, paragraphs and sentences begin and end, and which holds an offset."""

    size: int
    body_start: int
    line_starts: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...] = field(repr=False, default=())
    paragraph_starts: tuple[int, ...] = field(repr=False, default=())

    @classmethod
    def of(cls, text: str, body_start: int = 0) -> Geometry:
        """The geometry of a text whose body begins at `body_start`."""
        sentences = tuple(split_sentences(text, body_start))
        paragraphs = tuple(split_paragraphs(text, body_start))
        return cls(
            size=len(text),
            body_start=body_start,
            line_starts=(0, *(m.end() for m in re.finditer("\n", text))),
            sentences=sentences,
            paragraphs=paragraphs,
            sentence_starts=tuple(s for s, _ in sentences),
            paragraph_starts=tuple(s for s, _ in paragraphs),
        )

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence that holds (or last began before) an offset; -1 before any."""
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        """The index of the paragraph that holds (or last began before) an offset."""
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding an offset (the whole line when none does)."""
        index = self.sentence_index(offset)
        if index >= 0 and self.sentences[index][0] <= offset < self.sentences[index][1]:
            return self.sentences[index]
        line, _ = self.line_column(offset)
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else self.size
        return start, end
