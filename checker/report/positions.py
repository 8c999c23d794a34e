"""Where findings are: lines and columns from offsets, artifact paths and stable fingerprints."""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import PureWindowsPath
from urllib.parse import quote

from checker.language.geometry import split_sentences
from checker.models import DocumentReport, Finding, Layout, Related, Report

STDIN = "<stdin>"
FINGERPRINT_KEY = "factcheck/v1"
SEVERITY_ORDER = ("error", "warning", "info")
_WINDOWS_DRIVE = re.compile(r"\A[A-Za-z]:[\\/]")


@dataclass(frozen=True)
class Point:
    """A 1-based line and a 1-based column counted in code points."""

    line: int
    column: int


@dataclass(frozen=True)
class Region:
    """The start and the (exclusive) end of a span as lines and columns."""

    start: Point
    end: Point


class Locator:
    """Lines, columns and sentences of one decoded text, for offsets into it."""

    def __init__(self, text: str, layout: Layout | None = None) -> None:
        self.text = text
        self.layout = layout

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset at which each line begins (lines end at `\\n`, as in Document)."""
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The `[start, end)` of each sentence of the body: the language layer's, carried by
        the report; for a report made without it (by hand, or read back from JSON), the
        sentences of the whole text."""
        if self.layout is not None:
            return list(self.layout.sentences)
        return split_sentences(self.text)

    def clamp(self, offset: int) -> int:
        """An offset moved into `[0, len(text)]`."""
        return min(max(offset, 0), len(self.text))

    def point(self, offset: int) -> Point:
        """The line and code-point column of an offset."""
        offset = self.clamp(offset)
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return Point(index + 1, offset - self.line_starts[index] + 1)

    def region(self, start: int, end: int) -> Region:
        """The lines and columns of a span `[start, end)`; an end before the start is the start."""
        return Region(self.point(start), self.point(max(start, end)))

    def byte_column(self, offset: int) -> int:
        """The 1-based column of an offset counted in UTF-8 bytes (reviewdog's unit)."""
        offset = self.clamp(offset)
        line_start = self.line_starts[self.point(offset).line - 1]
        return len(self.text[line_start:offset].encode("utf-8", "surrogatepass")) + 1

    def line_end(self, offset: int) -> int:
        """The offset of the end of the line holding an offset (before its `\\n`)."""
        end = self.text.find("\n", self.clamp(offset))
        return len(self.text) if end < 0 else end

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentences a span touches, joined; the span's lines when it is in none."""
        start, end = self.clamp(start), self.clamp(max(start, end))
        touched = [s for s in self.sentences if s[0] <= max(start, end - 1) and s[1] > start]
        if touched:
            return min(start, touched[0][0]), max(end, touched[-1][1])
        first = self.line_starts[self.point(start).line - 1]
        return first, max(end, self.line_end(end))


def locate(texts: Mapping[str, str], document: DocumentReport) -> Locator:
    """The locator of a document's text; a document without text is a caller's error."""
    if document.path not in texts:
        raise ValueError(f"no text was given for document {document.path!r}")
    return Locator(texts[document.path], document.layout)


def documents(report: Report, texts: Mapping[str, str]) -> Iterator[tuple[DocumentReport, Locator]]:
    """Each document of a report, in report order, with the locator of its text."""
    for document in report.documents:
        yield document, locate(texts, document)


def display_path(path: str) -> str:
    """A document path as CI tools want it: forward slashes, `<stdin>` as `stdin`."""
    if path == STDIN:
        return "stdin"
    return path.replace("\\", "/")


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI: a relative path percent-encoded, an absolute one as a `file:` URI."""
    shown = display_path(path)
    if _WINDOWS_DRIVE.match(path):
        return PureWindowsPath(path).as_uri()
    if shown.startswith("/"):
        return "file://" + quote(shown, safe="/")
    return quote(shown, safe="/")


def normalise(text: str) -> str:
    """Text compared for identity: NFC, whitespace runs as one space, no outer whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(finding: Finding, locator: Locator) -> str:
    """A hash of what a finding is about (rule, passages, sentence) and not of where it is."""
    start, end = locator.sentence(finding.start, finding.end)
    key = [
        finding.rule,
        normalise(finding.text),
        [normalise(r.text) for r in finding.related],
        normalise(locator.text[start:end]),
    ]
    data = json.dumps(key, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def fingerprints(findings: Sequence[Finding], locator: Locator) -> list[str]:
    """The fingerprint of each finding of a document with its occurrence (`hash:1`, `hash:2` …)."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for finding in findings:
        digest = fingerprint(finding, locator)
        seen[digest] = seen.get(digest, 0) + 1
        out.append(f"{digest}:{seen[digest]}")
    return out


def source_place(passage: Finding | Related) -> str | None:
    """`paragraph 3` of a passage read out of a DOCX, `line 12, paragraph 3` of one read out of
    an HTML file (the line of the file); None for a text file, where lines and columns say it."""
    if passage.paragraph is None:
        return None
    line = f"line {passage.source_line}, " if passage.source_line is not None else ""
    return f"{line}paragraph {passage.paragraph}"


def severity_rank(finding: Finding) -> int:
    """0 for an error, 1 for a warning, 2 for an info: a sort key, most severe first."""
    return SEVERITY_ORDER.index(finding.severity)


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings there are of each severity."""
    return {severity: sum(f.severity == severity for f in findings) for severity in SEVERITY_ORDER}


def plural(count: int, noun: str) -> str:
    """`1 error`, `2 errors`, `1 info`, `3 infos`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
