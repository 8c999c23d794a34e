"""The terminal report of `factcheck check`: compiler-style diagnostics built from `Text`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from checker.models import DocumentReport, Finding, Report, Tally
from checker.report.claims import table
from checker.report.excerpt import (
    GUTTER_STYLE,
    MIN_WIDTH,
    Excerpt,
    Mark,
    Source,
    Wrapped,
    one_line,
    shorten,
    shown,
    words,
)

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
RELATED_STYLE = "bold cyan"
LABEL_MAX = 40  # columns of a primary label (the finding's text) before it is shortened


def plural(count: int, noun: str) -> str:
    """`1 error`, `2 errors`; `info` is a mass noun and stays `info`."""
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def tally(errors: int, warnings: int, infos: int) -> str:
    """`2 findings (1 error, 1 warning)`, or `no findings`."""
    total = errors + warnings + infos
    if not total:
        return "no findings"
    counts = [(errors, "error"), (warnings, "warning"), (infos, "info")]
    kinds = ", ".join(plural(n, noun) for n, noun in counts if n)
    return f"{plural(total, 'finding')} ({kinds})"


def marks_of(finding: Finding, size: int) -> tuple[Mark, ...]:
    """The finding's span and its related spans as marks, offsets kept inside the text."""
    style = SEVERITY_STYLES.get(finding.severity, "bold")
    spans = [(finding.start, finding.end, shorten(one_line(finding.text), LABEL_MAX), True, style)]
    spans += [(r.start, r.end, one_line(r.label), False, RELATED_STYLE) for r in finding.related]
    out = []
    for start, end, label, primary, mark_style in spans:
        low = min(max(start, 0), size)
        out.append(Mark(low, min(max(end, low), size), label, primary, mark_style))
    return tuple(out)


def notes(finding: Finding, has_source: bool) -> list[tuple[str, str]]:
    """The `= name: text` lines: the working, the suggestion, and the passages when no text."""
    out = (
        []
        if has_source
        else [("text", finding.text), *((r.label, r.text) for r in finding.related)]
    )
    out += [("working", finding.help)] if finding.help else []
    out += [("suggestion", finding.suggestion)] if finding.suggestion else []
    return out


def location(finding: Finding, path: str) -> str:
    """`path:line:column`; in a DOCX `path, paragraph 3`, in HTML `path:12, paragraph 3`."""
    if finding.paragraph is None:
        return f"{path}:{finding.line}:{finding.column}"
    line = f":{finding.source_line}" if finding.source_line is not None else ""
    return f"{path}{line}, paragraph {finding.paragraph}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding as a compiler diagnostic: header, location, excerpt, working, suggestion."""

    finding: Finding
    path: str
    source: Source | None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Lay the finding out at the console's width."""
        yield from self.renderables(options.max_width)

    def renderables(self, width: int) -> list[Text]:
        """The lines of the diagnostic at a given width."""
        f = self.finding
        excerpt = Excerpt(self.source, marks_of(f, len(self.source.text))) if self.source else None
        gutter = excerpt.gutter if excerpt else len(str(f.line))
        style = SEVERITY_STYLES.get(f.severity, "bold")
        header = Text.assemble(
            (f"{f.severity}[{one_line(f.rule)}]", style), (f": {one_line(f.message)}", "bold")
        )
        where = Text.assemble(
            (" " * gutter + "--> ", GUTTER_STYLE), one_line(location(f, self.path))
        )
        out = [*Wrapped(header).lines(width), *Wrapped(where, gutter + 4).lines(width)]
        bar = Text(" " * gutter + " |", style=GUTTER_STYLE)
        if excerpt:
            out += [bar, *excerpt.lines(width)]
        if extra := notes(f, excerpt is not None):
            out.append(bar)
            for name, text in extra:
                out += note_lines(gutter, name, text, width)
        return out


def note_lines(gutter: int, name: str, text: str, width: int) -> list[Text]:
    """`= name: text`, wrapped with the text's lines aligned after the name."""
    head = Text.assemble((" " * (gutter + 1) + "= ", GUTTER_STYLE), (one_line(name) + ": ", "bold"))
    indent = head.cell_len
    body = [
        chunk
        for line in text.splitlines()
        for chunk in words(shown(line), max(width - indent, MIN_WIDTH))
    ]
    body = body or [""]
    return [head + body[0], *(Text(" " * indent + chunk) for chunk in body[1:])]


def document_line(document: DocumentReport) -> Wrapped:
    """The document's path, its count of findings, and the release date used or its absence."""
    findings = [f.severity for f in document.findings]
    counts = tally(findings.count("error"), findings.count("warning"), findings.count("info"))
    line = Text.assemble((one_line(document.path), "bold"), f": {counts} · ")
    if document.date:
        line.append(f"release date {document.date} ({document.date_source})")
    else:
        line.append(
            "no release date found, so relative dates could not be checked"
            " (give one with --date YYYY-MM-DD)",
            style="yellow",
        )
    return Wrapped(line, 2, " · ")


def summary_line(report: Report) -> Wrapped:
    """`2 findings (1 error, 1 warning) in 1 document`, or `No findings in 3 documents`."""
    s = report.summary
    if not s.documents:
        return Wrapped(Text("No documents checked", style="bold"))
    counts = tally(s.errors, s.warnings, s.infos)
    line = f"{counts[0].upper()}{counts[1:]} in {plural(s.documents, 'document')}"
    return Wrapped(Text(line, style="bold"))


def totals(report: Report) -> RenderableType:
    """For a batch: the documents with findings, their counts, and the totals."""
    grid = Table(title="Totals", title_justify="left", show_edge=False, pad_edge=False)
    grid.add_column("document", overflow="fold")
    for name, style in (("errors", "red"), ("warnings", "yellow"), ("infos", "blue")):
        grid.add_column(name, justify="right", style=style)
    for document in report.documents:
        severities = [f.severity for f in document.findings]
        if severities:
            grid.add_row(Text(one_line(document.path)),
                         *(Text(str(severities.count(s))) for s in ("error", "warning", "info")))  # fmt: skip
    grid.rows[-1].end_section = True
    s = report.summary
    clean = s.documents - sum(1 for d in report.documents if d.findings)
    grid.add_row(Text(f"all {plural(s.documents, 'document')} ({clean} without findings)",
                      style="bold"),
                 Text(str(s.errors)), Text(str(s.warnings)), Text(str(s.infos)),
                 end_section=False)  # fmt: skip
    return grid


def renderables(
    report: Report, texts: dict[str, str], show_claims: bool = False
) -> list[RenderableType]:
    """The whole report: each document's findings, its line and claims, then the summary."""
    return list(stream(((d, texts.get(d.path)) for d in report.documents), show_claims))


def stream(
    documents: Iterable[tuple[DocumentReport, str | None]], show_claims: bool = False
) -> Iterator[RenderableType]:
    """The report's renderables a document at a time, as `renderables` gives them: the totals
    and the summary come last, from what is kept of each document (its findings)."""
    kept: list[DocumentReport] = []
    tally = Tally()
    for document, text in documents:
        by_paragraph = any(f.paragraph is not None for f in document.findings)
        source = Source(text, by_paragraph, document.layout) if text is not None else None
        for finding in document.findings:
            yield Diagnostic(finding, document.path, source)
            yield Text("")
        yield document_line(document)
        yield Text("")
        if show_claims:
            yield table(document, text or "")
            yield Text("")
        tally.add(document)
        if document.findings:
            kept.append(document.model_copy(update={"claims": ()}))
    seen = Report(version="", documents=tuple(kept), summary=tally.summary())
    if tally.documents > 1 and kept:
        yield totals(seen)
        yield Text("")
    yield summary_line(seen)


def render(
    console: Console, report: Report, texts: dict[str, str], show_claims: bool = False
) -> None:
    """Print the report on a console."""
    for item in renderables(report, texts, show_claims):
        console.print(item)
