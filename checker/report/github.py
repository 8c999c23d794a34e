"""GitHub Actions workflow commands: the most severe findings as annotations, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from checker.models import Finding, Report
from checker.report.meta import RuleMeta
from checker.report.positions import (
    STDIN,
    Locator,
    display_path,
    documents,
    plural,
    severity_rank,
)

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT = 10  # GitHub shows ten annotations of each kind per step; ten in all keeps the worst


def escape_data(text: str) -> str:
    """A command's message as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value as GitHub's toolkit escapes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def message(finding: Finding) -> str:
    """The message, then the working and the suggestion on lines of their own."""
    lines = [finding.message]
    if finding.help:
        lines.append(finding.help)
    if finding.suggestion is not None:
        lines.append(f"Suggestion: “{finding.suggestion}”")
    return "\n".join(lines)


def properties(path: str, finding: Finding, locator: Locator) -> str:
    """`file=…,line=…,col=…,endLine=…,endColumn=…,title=…`; columns only within one line."""
    where = locator.region(finding.start, finding.end)
    pairs: list[tuple[str, object]] = []
    if path != STDIN:
        pairs.append(("file", display_path(path)))
    title = f"factcheck {finding.rule}"
    if finding.paragraph is not None:  # read out of a DOCX or HTML file: only HTML has lines
        if finding.source_line is not None:
            pairs.append(("line", finding.source_line))
        title += f" (paragraph {finding.paragraph})"
    elif where.start.line == where.end.line:
        pairs += [("line", where.start.line), ("col", where.start.column)]
        pairs += [("endLine", where.end.line), ("endColumn", where.end.column)]
    else:
        pairs += [("line", where.start.line), ("endLine", where.end.line)]
    pairs.append(("title", title))
    return ",".join(f"{key}={escape_property(str(value))}" for key, value in pairs)


def annotation(path: str, finding: Finding, locator: Locator) -> str:
    """One workflow command."""
    command = COMMANDS[finding.severity]
    return f"::{command} {properties(path, finding, locator)}::{escape_data(message(finding))}"


def summary(total: int, hidden: int, document_count: int) -> str:
    """The plain last line: how many findings, and how many were not annotated."""
    if total == 0:
        return f"factcheck: no findings in {plural(document_count, 'document')}"
    line = f"factcheck: {plural(total, 'finding')} in {plural(document_count, 'document')}"
    if hidden:
        line += f", {hidden} not shown as annotations; run with --format json or sarif for all"
    return line


def render(
    report: Report, texts: dict[str, str], rules: Sequence[RuleMeta], limit: int = LIMIT
) -> str:
    """At most `limit` annotations, errors first, then warnings, then notices; then a summary."""
    located = [
        (document.path, finding, locator)
        for document, locator in documents(report, texts)
        for finding in document.findings
    ]
    located.sort(key=lambda item: severity_rank(item[1]))  # stable: document order within one
    shown = located[: max(limit, 0)]
    lines = [annotation(path, finding, locator) for path, finding, locator in shown]
    lines.append(summary(len(located), len(located) - len(shown), len(report.documents)))
    return "\n".join(lines) + "\n"
