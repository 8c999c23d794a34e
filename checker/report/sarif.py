"""The SARIF 2.1.0 report: one run, rule metadata, results with related passages and fixes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from checker.models import Finding, Related, Report
from checker.report.meta import RuleMeta
from checker.report.positions import (
    FINGERPRINT_KEY,
    Locator,
    artifact_uri,
    documents,
    fingerprints,
)

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_LINK_CHARS = re.compile(r"([\\\[\]])")

Json = dict[str, Any]


def escape(text: str) -> str:
    """Plain message text with `[`, `]` and `\\` escaped, so that only our links are links."""
    return _LINK_CHARS.sub(r"\\\1", text)


def rule_descriptors(rules: Sequence[RuleMeta], report: Report) -> list[Json]:
    """One reportingDescriptor per rule, then one per rule id found but not described."""
    described: list[RuleMeta] = []
    for rule in rules:
        if all(rule.id != r.id for r in described):
            described.append(rule)
    found = [f for d in report.documents for f in d.findings]
    for finding in found:
        if all(finding.rule != r.id for r in described):
            described.append(
                RuleMeta(id=finding.rule, severity=finding.severity, description="", help="")
            )
    return [descriptor(rule) for rule in described]


def descriptor(rule: RuleMeta) -> Json:
    """A rule's id, descriptions, help and default level."""
    data: Json = {"id": rule.id, "shortDescription": {"text": rule.short_description}}
    if rule.description.strip():
        data["fullDescription"] = {"text": rule.description}
    if rule.help.strip():
        data["help"] = {"text": rule.help}
    data["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return data


def region(locator: Locator, start: int, end: int) -> Json:
    """A SARIF region: lines, code-point columns (end exclusive), offset, length and snippet."""
    where = locator.region(start, end)
    start, end = locator.clamp(start), locator.clamp(max(start, end))
    return {
        "startLine": where.start.line,
        "startColumn": where.start.column,
        "endLine": where.end.line,
        "endColumn": where.end.column,
        "charOffset": start,
        "charLength": end - start,
        "snippet": {"text": locator.text[start:end]},
    }


def physical(uri: str, locator: Locator, passage: Finding | Related) -> Json:
    """A physicalLocation in the document at `uri`. A passage read out of a DOCX or HTML file
    has offsets into that text, not into the file: it gets the line of the HTML file only."""
    if passage.paragraph is not None:
        located: Json = {"artifactLocation": {"uri": uri}}
        if passage.source_line is not None:
            located["region"] = {
                "startLine": passage.source_line,
                "snippet": {"text": passage.text},
            }
        return located
    return {"artifactLocation": {"uri": uri}, "region": region(locator, passage.start, passage.end)}


def related_location(index: int, related: Related, uri: str, locator: Locator) -> Json:
    """A related passage, numbered from 1 so the message can link to it."""
    return {
        "id": index,
        "physicalLocation": physical(uri, locator, related),
        "message": {"text": related.label},
    }


def message_text(finding: Finding) -> str:
    """The message, links to the related passages, then the working, as GitHub shows them."""
    text = escape(finding.message)
    if finding.related:
        links = ", ".join(f"[{escape(r.label)}]({i})" for i, r in enumerate(finding.related, 1))
        text += f"\nRelated: {links}."
    if finding.help:
        text += f"\n\n{escape(finding.help)}"
    return text


def fix(finding: Finding, uri: str, locator: Locator) -> Json:
    """The suggestion as a fix that replaces the finding's span."""
    return {
        "description": {"text": escape(f"Replace with “{finding.suggestion}”")},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": region(locator, finding.start, finding.end),
                        "insertedContent": {"text": finding.suggestion},
                    }
                ],
            }
        ],
    }


def result(finding: Finding, index: int, uri: str, locator: Locator, mark: str) -> Json:
    """One result: rule, level, message, location, related passages, fingerprint and fix."""
    data: Json = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding)},
        "locations": [{"physicalLocation": physical(uri, locator, finding)}],
    }
    if finding.related:
        data["relatedLocations"] = [
            related_location(i, r, uri, locator) for i, r in enumerate(finding.related, 1)
        ]
    data["partialFingerprints"] = {FINGERPRINT_KEY: mark}
    if finding.suggestion is not None and finding.paragraph is None:  # a fix edits the file
        data["fixes"] = [fix(finding, uri, locator)]
    properties = {"working": finding.help, "suggestion": finding.suggestion,
                  "paragraph": finding.paragraph}  # fmt: skip
    if any(v is not None for v in properties.values()):
        data["properties"] = {k: v for k, v in properties.items() if v is not None}
    return data


def results(report: Report, texts: Mapping[str, str], rule_index: dict[str, int]) -> list[Json]:
    """Every finding of every document as a result, in report order."""
    out: list[Json] = []
    for document, locator in documents(report, texts):
        uri = artifact_uri(document.path)
        marks = fingerprints(document.findings, locator)
        for finding, mark in zip(document.findings, marks, strict=True):
            out.append(result(finding, rule_index[finding.rule], uri, locator, mark))
    return out


def render(report: Report, texts: dict[str, str], rules: Sequence[RuleMeta]) -> str:
    """The whole report as one SARIF 2.1.0 log, keys in a fixed order, ending with a newline."""
    descriptors = rule_descriptors(rules, report)
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    run = {
        "tool": {"driver": {"name": report.tool, "version": report.version, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results(report, texts, rule_index),
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
