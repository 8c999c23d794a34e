"""The JSON report of DESIGN.md: deterministic, byte-identical for the same input."""

from __future__ import annotations

import json
from typing import Any

from checker.models import Claim, DocumentReport, Report


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
