"""A Markdown report for pull requests: per document a table, then each finding in its passage."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.models import DocumentReport, Finding, Related, Report
from checker.report.meta import RuleMeta
from checker.report.positions import Locator, counts, documents, plural, source_place

CONTEXT = 160  # code points of a long sentence kept on either side of the marked spans
# Characters Markdown (GitHub's included: `$` math, `~` strikethrough) may read as syntax.
_SYNTAX = re.compile(r"([\\`*_\[\]<>#|~&$])")
# What an escaped line could still start a block with: a list item, a rule or a heading line.
_BLOCK_START = re.compile(r"\A([-+=])|\A(\d+)([.)])")
_MENTION = re.compile(r"(?<![\w@])@(?=\w)")
# Shown as U+FFFD: control characters and the bidi overrides a reader cannot see.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

Span = tuple[int, int]


def escape(text: str) -> str:
    """Document or message text as literal Markdown: no markup, HTML, links or @mentions."""
    text = _HIDDEN.sub("\ufffd", text.replace("\t", " "))
    text = _SYNTAX.sub(r"\\\1", text)
    return _MENTION.sub("@&#8203;", text)


def block_safe(line: str) -> str:
    """An escaped line without leading blanks, and with no list or heading marker at its start."""
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line.lstrip())


def one_line(text: str) -> str:
    """Escaped text flattened to one line, for a heading, a list item or a table cell."""
    return escape(" ".join(text.split()))


def lines(text: str) -> str:
    """Escaped text whose lines stay lines inside a list item (hard breaks, indented)."""
    rows = [block_safe(escape(row)) for row in text.strip().splitlines()]
    return "\\\n  ".join(row for row in rows if row)


def marked(text: str, spans: Sequence[Span], offset: int) -> str:
    """One line of text (starting at `offset`), escaped, with the spans in it set in bold."""
    out, at = [], offset
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, offset + len(text))
        inner = text[start - offset : end - offset] if start < end else ""
        if not inner.strip():
            continue
        head = start + len(inner) - len(inner.lstrip())
        tail = start + len(inner.rstrip())
        out.append(escape(text[at - offset : head - offset]))
        out.append(f"**{escape(text[head - offset : tail - offset])}**")
        at = tail
    out.append(escape(text[at - offset :]))
    return "".join(out)


def windows(locator: Locator, spans: Sequence[Span]) -> list[tuple[Span, list[Span]]]:
    """The sentences holding the spans, those that overlap joined, each with its spans."""
    found: list[tuple[Span, list[Span]]] = []
    for span in sorted(spans):
        start, end = locator.sentence(*span)
        if found and start <= found[-1][0][1]:
            (first, last), inside = found[-1]
            found[-1] = ((first, max(last, end)), [*inside, span])
        else:
            found.append(((start, end), [span]))
    return found


def excerpt(locator: Locator, window: Span, spans: Sequence[Span]) -> str:
    """A passage as a blockquote, the spans in bold, cut to CONTEXT around them when long."""
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    start, end = max(window[0], first - CONTEXT), min(window[1], last + CONTEXT)
    rows, at = [], start
    for piece in locator.text[start:end].split("\n"):
        rows.append(block_safe(marked(piece, spans, at)))
        at += len(piece) + 1
    if start > window[0]:
        rows[0] = "…" + rows[0]
    if end < window[1]:
        rows[-1] += "…"
    return "\n".join(f"> {row}".rstrip() for row in rows)


def where(locator: Locator, passage: Finding | Related) -> str:
    """`line:column` of a passage, or its paragraph (and line) in a DOCX or HTML file."""
    point = locator.point(passage.start)
    return source_place(passage) or f"{point.line}:{point.column}"


def passage_item(text: str, at: str, label: str | None = None) -> str:
    """A list item naming one passage, its place and, for a related one, its label."""
    shown = f"**{one_line(text)}**" if text.strip() else "(empty)"
    return f"- {shown} — {one_line(label)} ({at})" if label else f"- {shown} ({at})"


def finding_section(number: int, finding: Finding, locator: Locator) -> list[str]:
    """A finding: heading, message, its passages quoted, then the working and the suggestion."""
    at = where(locator, finding)
    out = [f"### {number}. {finding.severity}: {one_line(finding.rule)} at {at}", ""]
    out += [one_line(finding.message), ""]
    spans = [(finding.start, finding.end)] + [(r.start, r.end) for r in finding.related]
    for window, inside in windows(locator, spans):
        out += [excerpt(locator, window, inside), ""]
    out.append(passage_item(finding.text, at))
    for related in finding.related:
        out.append(passage_item(related.text, where(locator, related), related.label))
    if finding.help:
        out.append(f"- Working: {lines(finding.help)}")
    if finding.suggestion is not None:
        out.append(f"- Suggestion: “{one_line(finding.suggestion)}”")
    return [*out, ""]


def table(findings: Sequence[Finding], locator: Locator) -> list[str]:
    """The findings of a document as a table: number, severity, rule, place, message."""
    place = "Place" if any(f.paragraph is not None for f in findings) else "Line:Col"
    out = [f"| # | Severity | Rule | {place} | Message |", "|---:|---|---|---|---|"]
    for number, f in enumerate(findings, 1):
        cells = [str(number), f.severity, one_line(f.rule), where(locator, f)]
        out.append("| " + " | ".join([*cells, one_line(f.message)]) + " |")
    return [*out, ""]


def tally(findings: Sequence[Finding]) -> str:
    """`1 error, 2 warnings` (severities with none left out), or `no findings`."""
    counted = counts(findings)
    parts = [plural(n, severity) for severity, n in counted.items() if n]
    return ", ".join(parts) if parts else "no findings"


def document_section(document: DocumentReport, locator: Locator) -> list[str]:
    """A document: heading, release date and source, the table, then each finding."""
    if document.date:
        date = f"Release date: {document.date} (from {one_line(document.date_source)})"
    else:
        date = "Release date: not found"
    out = [f"## {one_line(document.path)}", "", f"{date} · {tally(document.findings)}", ""]
    if not document.findings:
        return out
    out += table(document.findings, locator)
    for number, finding in enumerate(document.findings, 1):
        out += finding_section(number, finding, locator)
    return out


def headline(report: Report) -> str:
    """The summary line at the top."""
    s = report.summary
    tallied = (("error", s.errors), ("warning", s.warnings), ("info", s.infos))
    found = ", ".join(plural(n, severity) for severity, n in tallied if n)
    docs = plural(s.documents, "document")
    version = f"{one_line(report.tool)} {one_line(report.version)}"
    return f"**{found or 'No findings'}** in {docs} ({version})"


def render(report: Report, texts: dict[str, str], rules: Sequence[RuleMeta]) -> str:
    """The whole report as GitHub-flavoured Markdown, ending with one newline."""
    out = ["# factcheck report", "", headline(report), ""]
    for document, locator in documents(report, texts):
        out += document_section(document, locator)
    return "\n".join(out).rstrip("\n") + "\n"
