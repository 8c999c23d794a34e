"""Excerpts of a document with underlined, labelled spans under line numbers, built from `Text`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from checker.language.geometry import split_sentences
from checker.models import Layout

GUTTER_STYLE = "bold blue"
FULL_ROWS = 4  # an excerpt of at most this many rows is shown whole
CONTEXT_ROWS = 1  # rows kept on either side of an underlined row in a longer excerpt
MERGE_LINES = 3  # spans this many lines apart or closer, in one paragraph, share an excerpt
MIN_WIDTH = 20  # the narrowest column that source text or a note is laid out in
LABEL_ROOM = 12  # a label with less room than this right of its span moves left


# One display character per code point, so that offsets stay columns: a tab is a space, and
# control and bidi-override characters (which rich drops or a terminal obeys) are shown as �.
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_SHOWN = {code: "\ufffd" for code in _CONTROLS} | {ord("\t"): " "}


def shown(text: str) -> str:
    """Text as displayed: one character per code point, nothing a terminal obeys."""
    return text.translate(_SHOWN)


def one_line(text: str) -> str:
    """A message or label on one line."""
    return shown(" ".join(text.splitlines()))


def cut(text: str, cells: int) -> tuple[str, str]:
    """The longest head of `text` at most `cells` wide (at least one character), and the rest."""
    size, index = 0, 0
    while index < len(text) and (index == 0 or size + cell_len(text[index]) <= cells):
        size += cell_len(text[index])
        index += 1
    return text[:index], text[index:]


def shorten(text: str, cells: int) -> str:
    """Text cut to at most `cells` columns, at a space when one is near the end, ending in …."""
    if cell_len(text) <= cells:
        return text
    head, rest = cut(text, cells - 1)
    space = head.rfind(" ")
    if not rest[:1].isspace() and space >= len(head) // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def breaks(text: str, width: int) -> list[tuple[int, int]]:
    """Where to break text at spaces into lines at most `width` columns wide (long words cut)."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text) or not out:
        end = row_end(text, start, len(text), width, ())
        out.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return out


def words(text: str, width: int) -> list[str]:
    """Text broken at spaces into lines at most `width` columns wide."""
    return [text[start:end] for start, end in breaks(text, width)]


@dataclass(frozen=True)
class Wrapped:
    """A styled line wrapped at spaces to the console's width, with no trailing blanks."""

    text: Text
    indent: int = 0
    parts: str = ""  # a separator to break at first, when the line does not fit

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The line's pieces, continuation lines indented."""
        yield from self.lines(options.max_width)

    def lines(self, width: int) -> list[Text]:
        """The pieces at a given width."""
        at = self.text.plain.find(self.parts) if self.parts else -1
        if at > 0 and self.text.cell_len > width:
            head = Wrapped(self.text[: at + len(self.parts.rstrip())], self.indent).lines(width)
            tail = Wrapped(self.text[at + len(self.parts) :]).lines(width - self.indent)
            return [*head, *(Text(" " * self.indent) + line for line in tail)]
        pieces = breaks(self.text.plain, max(width - self.indent, MIN_WIDTH))
        first, *rest = (self.text[start:end] for start, end in pieces)
        return [first, *(Text(" " * self.indent) + piece for piece in rest)]


@dataclass
class Source:
    """A document's text with its lines and sentences, shared by the excerpts of its findings."""

    text: str
    by_paragraph: bool = False  # number the gutter by paragraphs (a text read out of DOCX or HTML)
    layout: Layout | None = None  # the sentences the language layer found, when the report has them

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset at which each line begins."""
        return [0] + [match.end() for match in re.finditer("\n", self.text)]

    @cached_property
    def paragraph_of_line(self) -> list[int]:
        """The 1-based paragraph of each line: blank lines end one, as the readers write them."""
        out, number, blank = [], 0, True
        for line in range(len(self.line_starts)):
            if not self.is_blank(line) and blank:
                number += 1
            blank = self.is_blank(line)
            out.append(max(number, 1))
        return out

    def number(self, line: int) -> int:
        """The number the gutter shows for a 0-based line."""
        return self.paragraph_of_line[line] if self.by_paragraph else line + 1

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The `[start, end)` of each sentence: the report's, else the whole text's."""
        if self.layout is not None:
            return list(self.layout.sentences)
        return split_sentences(self.text)

    def line_of(self, offset: int) -> int:
        """The 0-based line of an offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Where a line's text begins and ends, without its line break."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return start, end - 1 if end > start and self.text[end - 1] == "\r" else end

    def is_blank(self, line: int) -> bool:
        """Whether a line holds only white space (a paragraph break)."""
        start, end = self.line_span(line)
        return not self.text[start:end].strip()

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that overlap `[start, end)`, joined; the span itself when none do."""
        index = max(bisect.bisect_right(self.sentences, (start, len(self.text) + 1)) - 1, 0)
        low, high = start, end
        for s, e in self.sentences[index:]:
            if s >= max(end, start + 1):
                break
            if e > start:
                low, high = min(low, s), max(high, e)
        return low, high


@dataclass(frozen=True)
class Mark:
    """A span to underline: `^` for the finding itself, `-` for a related passage."""

    start: int
    end: int
    label: str
    primary: bool
    style: str


@dataclass(frozen=True)
class Row:
    """One displayed row: a piece of one line, at most the width of the text column."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Part:
    """The piece of a mark in one row, as columns; `last` when the mark's label goes here."""

    mark: Mark
    left: int
    right: int
    last: bool


def region(source: Source, mark: Mark, width: int) -> tuple[int, int]:
    """What to show around a mark: its lines when they fit the width, else its sentence."""
    first, last = source.line_of(mark.start), source.line_of(max(mark.start, mark.end - 1))
    start, end = source.line_span(first)[0], source.line_span(last)[1]
    spans = (source.line_span(i) for i in range(first, last + 1))
    if all(cell_len(shown(source.text[s:e])) <= width for s, e in spans):
        return start, end
    low, high = source.sentence_around(mark.start, mark.end)
    low, high, reach = max(low, start), min(high, end), FULL_ROWS * width
    if low < mark.start - reach:  # a giant sentence: a window around the mark, cut at spaces
        low = source.text.find(" ", mark.start - reach, mark.start) + 1 or mark.start - reach
    if high > mark.end + reach:
        far = source.text.rfind(" ", mark.end, mark.end + reach)
        high = far if far > mark.end else mark.end + reach
    return min(low, mark.start), max(high, min(mark.end, end))


def near(source: Source, end: int, start: int) -> bool:
    """Whether two passages lie close enough, in one paragraph, to share an excerpt."""
    top, bottom = source.line_of(end), source.line_of(start)
    if bottom - top > MERGE_LINES:
        return False
    return not any(source.is_blank(i) for i in range(top + 1, bottom))


def groups(source: Source, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Regions joined where they overlap or lie close; the others become separate excerpts."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or near(source, merged[-1][1], start)):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def row_end(text: str, start: int, end: int, width: int, marks: Sequence[Mark]) -> int:
    """Where a row from `start` ends: at the last space that fits and splits no short mark."""
    limit = start + len(cut(shown(text[start : min(end, start + 4 * width)]), width)[0])
    if limit >= end:
        return end
    spaces = [
        p for p in range(start + 1, limit + 1) if text[p].isspace() and not text[p - 1].isspace()
    ]
    whole = [
        p for p in spaces if not any(m.start < p < m.end <= m.start + width // 2 for m in marks)
    ]
    return (whole or spaces or [limit])[-1]


def rows_of(source: Source, group: tuple[int, int], width: int, marks: Sequence[Mark]) -> list[Row]:
    """The rows of one excerpt: a whole line that fits as it is, other pieces wrapped at spaces."""
    rows = []
    for line in range(source.line_of(group[0]), source.line_of(group[1]) + 1):
        line_start, line_end = source.line_span(line)
        start, end = max(group[0], line_start), min(group[1], line_end)
        whole = (start, end) == (line_start, line_end)
        if whole and cell_len(shown(source.text[start:end])) <= width:
            rows.append(Row(line, start, end))
            continue
        while True:
            stop = row_end(source.text, start, end, width - 4, marks)  # 4: room for … either side
            rows.append(Row(line, start, stop))
            start = stop
            while start < end and source.text[start].isspace():
                start += 1
            if start >= end:
                break
    return rows


def pieces(rows: Sequence[Row], marks: Sequence[Mark]) -> dict[int, list[tuple[Mark, int, int]]]:
    """Each row's pieces of marks as offsets; a mark that falls between rows sits at the next."""
    found: dict[int, list[tuple[Mark, int, int]]] = {}
    for mark in marks:
        hits = [
            (i, max(mark.start, r.start), min(mark.end, r.end))
            for i, r in enumerate(rows)
            if max(mark.start, r.start) < min(mark.end, r.end)
        ]
        if not hits:
            i = next((i for i, r in enumerate(rows) if mark.start <= r.end), len(rows) - 1)
            at = min(max(mark.start, rows[i].start), rows[i].end)
            hits = [(i, at, at)]
        for i, start, end in hits:
            found.setdefault(i, []).append((mark, start, end))
    return found


def kept(count: int, marked: Iterable[int]) -> list[int | None]:
    """The rows to show, None for a gap: all of a short excerpt, else marked rows and context."""
    if count <= FULL_ROWS:
        return list(range(count))
    wanted = {j for i in marked for j in range(i - CONTEXT_ROWS, i + CONTEXT_ROWS + 1)}
    out: list[int | None] = []
    previous = -1
    for j in sorted(j for j in wanted if 0 <= j < count):
        if previous >= 0 and j - previous == 2:
            out.append(j - 1)
        elif previous >= 0 and j - previous > 2:
            out.append(None)
        out.append(j)
        previous = j
    return out


def underlines(parts: Sequence[Part], width: int) -> list[Text]:
    """The `^` and `-` under a row, then labels: the rightmost inline if it fits, others below."""
    if not parts:
        return []
    cells = max(p.right for p in parts)
    chars = [(" ", "")] * cells
    for part in sorted(parts, key=lambda p: p.mark.primary):
        for i in range(part.left, part.right):
            chars[i] = ("^" if part.mark.primary else "-", part.mark.style)
    line = Text.assemble(*chars)
    labelled = sorted(
        (p for p in parts if p.last and p.mark.label), key=lambda p: (p.left, p.right)
    )
    inline = max(labelled, key=lambda p: p.right, default=None)
    if inline and inline.right == cells and cells + 1 + cell_len(inline.mark.label) <= width:
        line.append(" " + inline.mark.label, style=inline.mark.style)
        labelled.remove(inline)
    return [line, *hanging(labelled, width)] if labelled else [line]


def hanging(parts: Sequence[Part], width: int) -> list[Text]:
    """Labels below the underline, each under a `|` from its span, the rightmost first."""
    out = [pipes(parts, parts[-1].left + 1)]
    for n in range(len(parts) - 1, -1, -1):
        part = parts[n]
        left_of = max((p.left for p in parts[:n]), default=-2)
        fits = width - part.left >= min(cell_len(part.mark.label), LABEL_ROOM)
        start = part.left if fits else max(left_of + 2, width - LABEL_ROOM)
        for chunk in words(part.mark.label, max(width - start, 1)):
            out.append(pipes(parts[:n], start).append(chunk, style=part.mark.style))
    return out


def pipes(parts: Sequence[Part], cells: int) -> Text:
    """Blanks `cells` wide with a `|` under the start of each part."""
    line = Text()
    for column in range(cells):
        part = next((p for p in parts if p.left == column), None)
        line.append("|" if part else " ", style=part.mark.style if part else "")
    return line


@dataclass(frozen=True)
class Excerpt:
    """The source lines of one finding, its spans underlined and labelled, for any width."""

    source: Source
    marks: tuple[Mark, ...]

    @cached_property
    def gutter(self) -> int:
        """The width of the line numbers."""
        ends = [
            self.source.number(self.source.line_of(max(m.start, m.end - 1))) for m in self.marks
        ]
        return len(str(max(ends, default=1)))

    def lines(self, width: int) -> list[Text]:
        """The excerpt laid out for a console `width` columns wide."""
        width = max(width - self.gutter - 3, MIN_WIDTH + 4)  # the column right of the gutter
        spans = [region(self.source, m, width) for m in self.marks]
        out: list[Text] = []
        for number, group in enumerate(groups(self.source, spans)):
            inside = [
                m
                for m, (start, _) in zip(self.marks, spans, strict=True)
                if group[0] <= start <= group[1]
            ]
            if number:
                out.append(Text("...", style=GUTTER_STYLE))
            out += self.group_lines(group, inside, width)
        return out

    def group_lines(self, group: tuple[int, int], inside: list[Mark], width: int) -> list[Text]:
        """One excerpt: rows of source text, each followed by its underlines and labels."""
        rows = rows_of(self.source, group, width, inside)
        found = pieces(rows, inside)
        last = {m: max(i for i in found if any(p[0] == m for p in found[i])) for m in inside}
        order = kept(len(rows), found)
        out: list[Text] = []
        for position, index in enumerate(order):
            if index is None:
                out.append(Text("...", style=GUTTER_STYLE))
                continue
            before = order[position - 1] if position else None
            after = order[position + 1] if position + 1 < len(order) else None
            line, lead = self.row_line(rows, index, before, after)
            parts = [
                self.part(rows[index], lead, m, s, e, last[m] == index)
                for m, s, e in found.get(index, [])
            ]
            out += [line, *(self.bar(None) + u for u in underlines(parts, width))]
        return out

    def part(self, row: Row, lead: int, mark: Mark, start: int, end: int, last: bool) -> Part:
        """A mark's piece in a row as columns, at least one column wide."""
        left = lead + cell_len(shown(self.source.text[row.start : start]))
        right = lead + cell_len(shown(self.source.text[row.start : end]))
        return Part(mark, left, max(right, left + 1), last)

    def bar(self, line: int | None) -> Text:
        """The gutter: a 1-based line (or paragraph) number or blanks, and the bar."""
        number = "" if line is None else str(self.source.number(line))
        return Text(f"{number:>{self.gutter}} | ", style=GUTTER_STYLE)

    def row_line(
        self, rows: list[Row], index: int, before: int | None, after: int | None
    ) -> tuple[Text, int]:
        """A row of source text, with … where its line goes on out of view; and the lead's width."""
        row = rows[index]
        line_start, line_end = self.source.line_span(row.line)
        follows = before == index - 1 and rows[index - 1].line == row.line
        goes_on = after == index + 1 and rows[index + 1].line == row.line
        lead = "… " if self.source.text[line_start : row.start].strip() and not follows else ""
        tail = " …" if self.source.text[row.end : line_end].strip() and not goes_on else ""
        text = shown(self.source.text[row.start : row.end])
        line = Text.assemble(
            self.bar(None if follows else row.line), (lead, "dim"), text, (tail, "dim")
        )
        return line, cell_len(lead)
