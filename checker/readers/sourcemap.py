"""The map from a text read out of a DOCX or HTML file back to its paragraphs and source lines."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TypeVar

from checker.models import Finding, Related

Passage = TypeVar("Passage", Finding, Related)


@dataclass(frozen=True)
class SourceMap:
    """Where each paragraph of an extracted text begins and, for HTML, which line of the file
    each stretch of the text came from (`line_points`: offset and line, sorted by offset)."""

    format: str  # "docx" or "html"
    paragraph_starts: tuple[int, ...]
    line_points: tuple[tuple[int, int], ...] = ()
    _offsets: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_offsets", tuple(offset for offset, _ in self.line_points))

    def paragraph(self, offset: int) -> int | None:
        """The 1-based number of the paragraph holding an offset."""
        index = bisect.bisect_right(self.paragraph_starts, offset)
        return index or None

    def source_line(self, offset: int) -> int | None:
        """The 1-based line of the source file an offset of the text came from (HTML only)."""
        index = bisect.bisect_right(self._offsets, offset) - 1
        return self.line_points[index][1] if index >= 0 else None

    def place(self, finding: Finding) -> Finding:
        """A finding and its related passages with their paragraphs and source lines."""
        related = tuple(self._placed(r) for r in finding.related)
        return self._placed(finding).model_copy(update={"related": related})

    def _placed(self, passage: Passage) -> Passage:
        start = passage.start
        where = {"paragraph": self.paragraph(start), "source_line": self.source_line(start)}
        return passage.model_copy(update=where)


@dataclass(frozen=True)
class Extracted:
    """The text a reader took out of a file, and its map back to the file."""

    text: str
    source_map: SourceMap


class TextBuilder:
    """Paragraphs joined by blank lines, as a Markdown release has them, with their starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []

    def paragraph(self, text: str) -> int:
        """Add a paragraph; returns the offset where it begins."""
        if self.starts:
            self.parts.append("\n\n")
            self.size += 2
        self.starts.append(self.size)
        self.parts.append(text)
        self.size += len(text)
        return self.starts[-1]

    def text(self) -> str:
        """The whole text, ending with a newline when it holds anything."""
        return "".join(self.parts) + ("\n" if self.parts else "")
