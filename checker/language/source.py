"""The source map: the text the language layer reads, offset for offset the file's own.

Markdown is parsed (markdown-it-py) and its markup blanked to spaces, so that `*tenth* year`
reads as `tenth  year` while every offset still indexes the original file. Code blocks, HTML
blocks and comments, front matter and the header line are blanked whole; list bullets and
block-quote marks stay, because lists are part of what a release says. Plain text is read as it
is, with only the front matter and the header line blanked.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_LINE_PREFIX = re.compile(r"[ \t]*(?:(?:>[ \t]?)+[ \t]*)?(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_HEADING_MARKS = re.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_LINK_TAIL = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|\]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def blank(text: str, start: int, end: int) -> str:
    """The text with `[start, end)` turned to spaces, line breaks kept."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def is_markdown(path: str) -> bool:
    """Whether a file is read as Markdown, by its name."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def analysis_text(text: str, body_start: int, markdown: bool) -> str:
    """The text the language layer reads: the same length as `text`, markup blanked."""
    chars = list(text)
    for i in range(body_start):
        if chars[i] != "\n":
            chars[i] = " "
    if markdown:
        _blank_markdown(chars, "".join(chars))
    return "".join(chars)


def _line_starts(text: str) -> list[int]:
    # CommonMark ends a line at "\r\n", "\r" or "\n"; markdown-it counts its lines so
    starts = [0]
    starts += [m.end() for m in re.finditer("\r\n|\r|\n", text)]
    return starts


def _blank_markdown(chars: list[str], text: str) -> None:
    """Blank Markdown's markup in `chars`, where `text` is their current string."""
    lines = _line_starts(text)

    def span(first: int, last: int) -> tuple[int, int]:
        return lines[first], lines[last] if last < len(lines) else len(text)

    for token in _parser().parse(text):
        if token.map is None:
            continue
        start, end = span(*token.map)
        if token.type in ("fence", "code_block", "html_block") or token.type == "hr":
            _blank_range(chars, start, end)
        elif token.type == "inline":
            _align_inline(chars, text, token, start, end)
    for m in _HTML_COMMENT.finditer(text):
        _blank_range(chars, m.start(), m.end())


def _blank_range(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _align_inline(chars: list[str], text: str, token: Any, start: int, end: int) -> None:
    """Keep the characters of the inline content, blank the markup between them."""
    kept = [False] * (end - start)
    cursor = start
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            if kind == "code_inline":
                cursor = _skip(text, cursor, end, child.markup)
            for char in child.content:
                found = text.find(char, cursor, end)
                if found < 0:
                    break
                kept[found - start] = True
                cursor = found + 1
            if kind == "code_inline":
                cursor = _skip(text, cursor, end, child.markup)
        elif kind == "link_close":
            cursor = _link_end(text, cursor, end, child.markup == "autolink")
        elif kind == "image":
            close = _LINK_TAIL.search(text, cursor, end)
            cursor = close.end() if close else cursor
        elif kind == "html_inline":
            found = text.find(child.content, cursor, end)
            if found >= 0:
                cursor = found + len(child.content)
        elif kind in ("softbreak", "hardbreak"):
            newline = text.find("\n", cursor, end)
            if newline >= 0:
                kept[newline - start] = True
                cursor = newline + 1
    _blank_unkept(chars, text, start, end, kept)


def _link_end(text: str, cursor: int, end: int, autolink: bool) -> int:
    """Past the end of a link: `](href)`, `][ref]`, `]`, or the `>` of an autolink."""
    close = text.find(">" if autolink else "]", cursor, end)
    if close < 0:
        return cursor
    if autolink:
        return close + 1
    tail = _LINK_TAIL.match(text, close)
    return tail.end() if tail else close + 1


def _skip(text: str, cursor: int, end: int, markup: str) -> int:
    found = text.find(markup, cursor, end) if markup else -1
    return found + len(markup) if found >= 0 else cursor


def _blank_unkept(chars: list[str], text: str, start: int, end: int, kept: list[bool]) -> None:
    """Blank what the content does not hold, except line breaks and each line's list or
    quote prefix (heading marks are blanked: they are no part of the sentence)."""
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline < 0 else newline
        heading = _HEADING_MARKS.match(text, line_start, line_end)
        prefix = heading or _LINE_PREFIX.match(text, line_start, line_end)
        protected = prefix.end() if prefix and not heading else line_start
        for i in range(protected, line_end):
            if not kept[i - start] and not chars[i].isspace():
                chars[i] = " "
        line_start = line_end + 1
