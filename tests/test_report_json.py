"""The JSON report: a golden file, byte-identical output, the DESIGN.md shape, round trips."""

from __future__ import annotations

import json
from pathlib import Path

from goldens import compare

from checker.models import (
    CalendarDate,
    Claim,
    DocumentReport,
    Finding,
    Reading,
    Related,
    Report,
    Summary,
    Timex,
)
from checker.report.json import render

GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, actual: str) -> None:
    """Compare with its golden file (see tests/goldens.py)."""
    compare(GOLDEN / name, actual)


def eu_iom() -> DocumentReport:
    """A document with claims of several kinds and two findings, one with a related span."""
    claims = (
        Claim(
            id="c1", kind="relative", text="today (07/10)", start=78, end=91, value="2022-10-07",
            timex=Timex(type="DATE", value="2022-10-07"),
            date=CalendarDate(year=2022, month=10, day=7),
            readings=(
                Reading(order="DMY", date=CalendarDate(year=2022, month=10, day=7)),
                Reading(order="MDY", date=CalendarDate(year=2022, month=7, day=10)),
            ),
            cue="today", note="read as DMY",
        ),
        Claim(
            id="c2", kind="ordinal", text="now in its ninth year", start=259, end=280,
            value="9th year", number=9, cue="year",
            subject="EU-IOM strategic cooperation framework", subject_id="e1",
            subject_span=(221, 257), subject_via="nearest preceding entity",
        ),
        Claim(
            id="c3", kind="origin", text="In July 2012", start=1650, end=1662, value="2012-07",
            timex=Timex(type="DATE", value="2012-07"), date=CalendarDate(year=2012, month=7),
            subject="EU-IOM strategic cooperation framework", subject_id="e1",
        ),
        Claim(
            id="c4", kind="duration", text="nearly 700", start=2300, end=2310, value="[630, 700)",
            low=630.0, high=700.0, bounds="[)", hedge="nearly",
        ),
    )  # fmt: skip
    findings = (
        Finding(
            rule="relative-date-mismatch", severity="warning",
            message="“today (07/10)” is 7 October 2022, a day before the release date",
            start=78, end=91, line=1, column=79, text="today (07/10)",
            help="07/10 read as DMY (the document's order): 2022-10-07 ≠ 2022-10-08",
            suggestion="today (08/10)", claims=("c1",),
        ),
        Finding(
            rule="anniversary-mismatch", severity="error",
            message="“now in its ninth year” but the framework began in July 2012",
            start=259, end=280, line=1, column=260, text="now in its ninth year",
            related=(Related(start=1650, end=1662, text="In July 2012", label="origin"),),
            help="2022-10-08 − 2012-07 = 10 completed years → 11th year",
            suggestion="now in its eleventh year", claims=("c2", "c3"),
        ),
    )  # fmt: skip
    return DocumentReport(
        path="eu-iom.txt",
        date="2022-10-08",
        date_source="header line",
        claims=claims,
        findings=findings,
    )


def report() -> Report:
    """Two documents: one with findings, one undated and clean."""
    undated = DocumentReport(path="notes [draft].md", date=None, date_source="none")
    return Report(
        version="0.1.0",
        documents=(eu_iom(), undated),
        summary=Summary(documents=2, errors=1, warnings=1, infos=0),
    )


def test_golden_report() -> None:
    golden("report.json", render(report()))


def test_rendering_twice_is_byte_identical() -> None:
    first = render(report()).encode("utf-8")
    assert render(report()).encode("utf-8") == first
    same = report()
    assert render(same) == render(same)


def test_shape_follows_the_design() -> None:
    data = json.loads(render(report()))
    assert list(data) == ["tool", "version", "documents", "summary"]
    assert list(data["documents"][0]) == ["path", "date", "date_source", "claims", "findings"]
    assert list(data["summary"]) == ["documents", "errors", "warnings", "infos"]
    finding = data["documents"][0]["findings"][1]
    for key in ("rule", "severity", "message", "start", "end", "line", "column", "text"):
        assert key in finding
    assert finding["related"] == [
        {"start": 1650, "end": 1662, "text": "In July 2012", "label": "origin"}
    ]
    assert data["documents"][1]["date"] is None


def test_claims_leave_out_empty_fields() -> None:
    data = json.loads(render(report()))
    origin = data["documents"][0]["claims"][2]
    assert "readings" not in origin and "number" not in origin and "parts" not in origin
    assert origin["timex"] == {"type": "DATE", "value": "2012-07"}


def test_without_claims() -> None:
    data = json.loads(render(report(), with_claims=False))
    assert data["documents"][0]["claims"] == []
    assert len(data["documents"][0]["findings"]) == 2


def test_text_is_kept_as_written() -> None:
    output = render(report())
    assert "“today (07/10)”" in output and "≠" in output
    assert output.endswith("}\n")


def test_round_trip() -> None:
    assert Report.model_validate(json.loads(render(report()))) == report()


def test_the_report_made_a_document_at_a_time_is_the_same_text() -> None:
    from checker.pipeline import report as build_report
    from checker.report.json import chunks

    document = eu_iom()
    quiet = document.model_copy(update={"path": "quiet.txt", "findings": ()})
    for documents in ([], [document], [document, quiet, document]):
        whole = render(build_report(documents, "0.1.0"))
        assert "".join(chunks(iter(documents), "0.1.0")) == whole
        assert "".join(chunks(documents, "0.1.0", with_claims=False)) == render(
            build_report(documents, "0.1.0"), with_claims=False
        )


def test_pieces_are_asked_for_one_document_at_a_time() -> None:
    from checker.report.json import chunks

    seen: list[str] = []

    def documents():  # type: ignore[no-untyped-def]
        for name in ("a.txt", "b.txt"):
            seen.append(name)
            yield eu_iom().model_copy(update={"path": name})

    pieces = chunks(documents(), "0.1.0")
    next(pieces)
    assert seen == []  # the head needs no document
    assert '"a.txt"' in next(pieces) and seen == ["a.txt"]
