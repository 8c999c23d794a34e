"""HTML: the main text of a page (its main or article element), a block per paragraph, with the
source line of every stretch of text."""

from __future__ import annotations

import bisect
import codecs
import re
from typing import Any

from checker.errors import InputError
from checker.readers.sourcemap import Extracted, SourceMap, TextBuilder

# Never read: code, styles, page furniture, controls, and what the page itself hides.
_SKIPPED = {"head", "script", "style", "noscript", "template", "nav", "aside", "form", "button",
            "select", "textarea", "svg", "math", "iframe", "object", "canvas", "dialog"}  # fmt: skip
_CHROME = {"header", "footer"}  # a site's banner and footer, left out when the whole body is read
_BLOCKS = {"address", "article", "blockquote", "body", "caption", "center", "dd", "details",
           "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3",
           "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "ol", "p", "pre",
           "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Markup blanked out of the source (newlines kept) so that text is only ever found in text.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[^>]*>|&#?\w+;", re.DOTALL | re.I
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: a no-break space is text
_PROBE = re.compile(r"[A-Za-z0-9]{3,}|[A-Za-z0-9]+")


def decode(raw: bytes, where: str) -> str:
    """The page's text: by its byte-order mark, its declared charset, else UTF-8 or (as a
    browser does) windows-1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace")
    if b"\x00" in raw[:8192]:
        raise InputError(where, "is not an HTML file (it holds NUL bytes)", "give a saved web page")
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return raw.decode(codecs.lookup(name).name, errors="replace")
        except LookupError:
            raise InputError(where, f"declares an unknown charset {name!r}",
                             "save the page as UTF-8") from None  # fmt: skip
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace")


class SourceLines:
    """Finds each text node of the page in its source, in order, to name the line it is on."""

    def __init__(self, source: str) -> None:
        self.blank = _MARKUP.sub(lambda m: _NOT_NEWLINE.sub("\0", m.group()), source)
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0
        self.line = 1

    def locate(self, text: str) -> int:
        """The line a text node begins on; the last line found when it cannot be found."""
        probe = _PROBE.search(text)
        if probe:
            at = self.blank.find(probe.group(), self.cursor)
            if at >= 0:
                # The node ends no sooner than its text's length on: each character of the
                # text comes from at least one character of the source.
                self.cursor = max(self.cursor, at - probe.start() + len(text))
                self.line = bisect.bisect_right(self.starts, at) - text[: probe.start()].count("\n")
        return self.line


class Blocks:
    """The text of the page as paragraphs, white space collapsed as a browser shows it."""

    def __init__(self, lines: SourceLines) -> None:
        self.lines = lines
        self.builder = TextBuilder()
        self.points: list[tuple[int, int]] = []
        self.parts: list[str] = []
        self.block_points: list[tuple[int, int]] = []
        self.size = 0
        self.space = True  # the last thing written was white space (or nothing)
        self.pending: list[str] = []  # suppression comments waiting for the paragraph below them
        self.pre = 0

    def emit(self, piece: str, line: int) -> None:
        """Add text to the current block, noting the source line where it changes."""
        if not self.parts and self.pending:
            self.parts.append("\n".join(self.pending) + "\n")
            self.size = len(self.parts[0])
            self.pending = []
        if not self.block_points or self.block_points[-1][1] != line:
            self.block_points.append((self.size, line))
        self.parts.append(piece)
        self.size += len(piece)

    def text(self, value: str) -> None:
        """A text node."""
        line = self.lines.locate(value)
        if self.pre:
            value = re.sub(r"\n\s*\n", "\n", value.replace("\r\n", "\n"))
            self.emit(value, line)
            self.space = value[-1:].isspace()
            return
        for match in re.finditer(r"[ \t\n\r\f]+|[^ \t\n\r\f]+", value):
            token = match.group()
            if _WHITESPACE.fullmatch(token):
                line += token.count("\n")
                if not self.space:
                    self.emit(" ", line)
                    self.space = True
            else:
                self.emit(token, line)
                self.space = False

    def line_break(self) -> None:
        """A `<br>`: a new line in the same paragraph."""
        if self.parts:
            self.emit("\n", self.lines.line)
            self.space = True

    def comment(self, content: str) -> None:
        """A factcheck suppression comment is kept, on the line of the paragraph it is about."""
        comment = f"<!-- {content.strip()} -->"
        if self.parts:
            self.emit(("" if self.space else " ") + comment, self.lines.line)
            self.space = False
        else:
            self.pending.append(comment)

    def end_block(self) -> None:
        """The end (or start) of a block element: the paragraph so far is finished."""
        text = "".join(self.parts).rstrip()
        if text.strip():
            start = self.builder.paragraph(text)
            self.points += [(start + offset, line) for offset, line in self.block_points]
        self.parts, self.block_points, self.size, self.space = [], [], 0, True

    def finish(self) -> Extracted:
        """The text and its map, once the page has been walked."""
        self.end_block()
        if self.pending:
            self.emit("", self.lines.line)
            self.end_block()
        source_map = SourceMap("html", tuple(self.builder.starts), tuple(self.points))
        return Extracted(self.builder.text(), source_map)


def _hidden(node: Any) -> bool:
    attributes = node.attributes
    return "hidden" in attributes or attributes.get("aria-hidden") == "true"


def main_element(tree: Any) -> tuple[Any, bool]:
    """The element holding the release, and whether it is the whole body."""
    for selector in ("[role=main]", "main"):
        if (found := tree.css_first(selector)) is not None:
            return found, False
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0], False
    return (tree.body if tree.body is not None else tree.root), True


def walk(root: Any, blocks: Blocks, whole_body: bool) -> None:
    """Visit the element's nodes in document order (without recursion: pages nest deeply)."""
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag == "pre":
                blocks.pre -= 1
            blocks.end_block()
            continue
        if tag == "-text":
            blocks.text(node.text_content or "")
            continue
        if tag == "-comment":
            content = node.comment_content or ""
            if content.strip().lower().startswith("factcheck:"):
                blocks.comment(content)
            continue
        if tag == "br":
            blocks.line_break()
            continue
        if tag in _SKIPPED or (whole_body and tag in _CHROME) or _hidden(node):
            continue
        if tag in _BLOCKS:
            blocks.end_block()
            blocks.pre += tag == "pre"
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((child, False) for child in reversed(children))


def read(raw: bytes, where: str) -> Extracted:
    """The main text of an HTML page, a paragraph per block, mapped to the lines of its source."""
    from selectolax.lexbor import LexborHTMLParser

    source = decode(raw, where)
    tree = LexborHTMLParser(source)
    root, whole_body = main_element(tree)
    blocks = Blocks(SourceLines(source))
    if root is not None:
        walk(root, blocks, whole_body)
    return blocks.finish()
