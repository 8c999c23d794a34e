"""reviewdog's rdjsonl: one Diagnostic per line, columns in UTF-8 bytes as reviewdog counts them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checker.models import Finding, Report
from checker.report.meta import RuleMeta
from checker.report.positions import Locator, display_path, documents

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}

Json = dict[str, Any]


def position(locator: Locator, offset: int) -> Json:
    """A reviewdog Position: 1-based line, 1-based column in UTF-8 bytes."""
    return {"line": locator.point(offset).line, "column": locator.byte_column(offset)}


def span(locator: Locator, start: int, end: int) -> Json:
    """A reviewdog Range; its end is exclusive."""
    return {"start": position(locator, start), "end": position(locator, max(start, end))}


def message(finding: Finding) -> str:
    """The message, then the working on a line of its own."""
    return finding.message if not finding.help else f"{finding.message}\n{finding.help}"


def diagnostic(path: str, finding: Finding, locator: Locator) -> Json:
    """One Diagnostic; a suggestion replaces the finding's span."""
    location: Json = {"path": display_path(path)}
    where = span(locator, finding.start, finding.end)
    if finding.paragraph is None:
        location["range"] = where
    elif finding.source_line is not None:  # read out of an HTML file: its line, no columns
        location["range"] = {"start": {"line": finding.source_line}}
    data: Json = {
        "message": message(finding),
        "location": location,
        "severity": SEVERITIES[finding.severity],
        "source": {"name": "factcheck"},
        "code": {"value": finding.rule},
    }
    if finding.suggestion is not None and finding.paragraph is None:  # it edits the file
        data["suggestions"] = [{"range": where, "text": finding.suggestion}]
    return data


def render(report: Report, texts: dict[str, str], rules: Sequence[RuleMeta]) -> str:
    """Every finding as one JSON line, in report order."""
    lines = [
        json.dumps(diagnostic(document.path, finding, locator), ensure_ascii=False)
        for document, locator in documents(report, texts)
        for finding in document.findings
    ]
    return "".join(line + "\n" for line in lines)
