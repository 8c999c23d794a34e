"""The pipeline of one document: load, extract, resolve, evaluate."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from checker.document import Document
from checker.extract import extract
from checker.language.analysis import Analysis
from checker.models import Claim, DocumentReport, Finding, Layout, Report, Tally
from checker.resolve import resolve

Evaluator = Callable[[Document, list[Claim]], list[Finding]]


def claims_of(document: Document) -> list[Claim]:
    """Every claim of a document, linked to its subjects."""
    with _collector_paused():
        return _claims(document)  # the analysis is freed when this returns, before collecting


def _claims(document: Document) -> list[Claim]:
    analysis = Analysis.of(document.analysis_text, document.geometry)
    return resolve(document, analysis, extract(document, analysis))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one document is analysed.

    Its analysis allocates some 200 objects per sentence (tokens, phrases, clauses), all alive
    until it ends: the collector's passes over them free nothing and cost about 6 % of the
    check. It runs again, as it was, once the document is done, so a batch's memory stays flat.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analyse(document: Document, evaluate: Evaluator | None = None) -> DocumentReport:
    """The claims of a document and, given an evaluator, its findings."""
    claims = claims_of(document)
    findings = evaluate(document, claims) if evaluate else []
    if document.source_map is not None:  # a DOCX or HTML file: name its paragraphs and lines
        findings = [document.source_map.place(f) for f in findings]
    return DocumentReport(
        path=document.path,
        date=document.release_date.isoformat() if document.release_date else None,
        date_source=document.date_source,
        claims=tuple(claims),
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.rule))),
        layout=Layout(
            body_start=document.geometry.body_start, sentences=document.geometry.sentences
        ),
    )


def report(documents: Sequence[DocumentReport], version: str) -> Report:
    """A run's report with its summary counts."""
    tally = Tally()
    for document in documents:
        tally.add(document)
    return Report(version=version, documents=tuple(documents), summary=tally.summary())
