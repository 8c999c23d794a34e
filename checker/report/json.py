"""The JSON report of DESIGN.md: deterministic, byte-identical for the same input."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from checker.models import Claim, DocumentReport, Report, Tally


def claim_object(claim: Claim) -> dict[str, Any]:
    """A claim as JSON: fields that are empty for its kind are left out."""
    data = claim.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if v != [] and v != ()}


def document_object(document: DocumentReport, with_claims: bool = True) -> dict[str, Any]:
    """One document of the report as JSON: path, date, date source, claims and findings."""
    return {
        "path": document.path,
        "date": document.date,
        "date_source": document.date_source,
        "claims": [claim_object(c) for c in document.claims] if with_claims else [],
        "findings": [f.model_dump(mode="json") for f in document.findings],
    }


def render(report: Report, with_claims: bool = True) -> str:
    """The whole report as one JSON object, keys in a fixed order, ending with a newline."""
    data = {
        "tool": report.tool,
        "version": report.version,
        "documents": [document_object(d, with_claims) for d in report.documents],
        "summary": report.summary.model_dump(mode="json"),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def chunks(
    documents: Iterable[DocumentReport], version: str, with_claims: bool = True
) -> Iterator[str]:
    """The text `render` gives for a run of these documents, a document at a time, so that a run
    over an archive holds one report at once; the summary, last in the object, is counted on the
    way."""
    tool = Report.model_fields["tool"].default
    yield "{\n" + f'  "tool": {json.dumps(tool)},\n  "version": {json.dumps(version)},\n'
    tally = Tally()
    for document in documents:
        body = json.dumps(document_object(document, with_claims), indent=2, ensure_ascii=False)
        lead = '  "documents": [\n' if tally.documents == 0 else ",\n"
        yield lead + "\n".join("    " + line for line in body.split("\n"))
        tally.add(document)
    yield '  "documents": [],\n' if tally.documents == 0 else "\n  ],\n"
    summary = tally.summary()
    body = json.dumps(summary.model_dump(mode="json"), indent=2, ensure_ascii=False)
    yield '  "summary": ' + body.replace("\n", "\n  ") + "\n}\n"
