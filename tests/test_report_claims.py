"""The claim inventory table: a golden file on real claims, literal text, empty documents."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from goldens import compare
from rich.console import Console

from checker.document import from_text
from checker.models import Claim, DocumentReport
from checker.pipeline import analyse
from checker.report.claims import table

GOLDEN = Path(__file__).parent / "golden"

RELEASE = (
    "GENEVA, 14 March 2023 – The Alpine Water Forum, founded in 2009, today opened its"
    " annual conference, which runs until Friday 17 March 2023.\n"
    "\n"
    "The Forum's chair, Ingrid Halvorsen, 52, has led it for more than a decade;"
    " last year it met in Lyon.\n"
)


def golden(name: str, actual: str) -> None:
    """Compare with its golden file (see tests/goldens.py)."""
    compare(GOLDEN / name, actual)


def printed(document: DocumentReport, text: str, width: int = 100) -> str:
    """The table as plain text on a console `width` columns wide."""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    console.print(table(document, text))
    return out.getvalue()


def test_golden_table_of_real_claims() -> None:
    document = from_text(RELEASE, "forum.txt", date(2023, 3, 14))
    golden("claims_table.txt", printed(analyse(document), RELEASE))


def test_lines_are_counted_from_offsets() -> None:
    document = analyse(from_text(RELEASE, "forum.txt", date(2023, 3, 14)))
    output = printed(document, RELEASE)
    assert "│    3 │ age" in output
    assert "│    1 │ origin" in output


def test_document_text_prints_literally_and_safely() -> None:
    text = "It was [bold]founded[/bold] in\t2009 [/]\x1b[31m.\n"
    claim = Claim(
        id="c1",
        kind="origin",
        text="[bold]founded[/bold] in\t2009 [/]\x1b[31m",
        start=7,
        end=len(text) - 2,
        value="2009",
        subject="[red]the Forum[/red]",
    )
    document = DocumentReport(path="a [b].txt", date=None, date_source="none", claims=(claim,))
    output = printed(document, text)
    assert "a [b].txt · release date unknown (none)" in output
    assert "[bold]founded[/bold] in 2009 [/]\ufffd[31m" in output
    assert "[red]the Forum[/red]" in output
    assert "\x1b" not in output and "\t" not in output


def test_document_without_claims() -> None:
    document = DocumentReport(path="a.txt", date="2024-01-02", date_source="--date")
    assert printed(document, "") == "a.txt · release date 2024-01-02 (--date)\nno claims found\n"


def test_no_line_ends_in_blanks() -> None:
    document = analyse(from_text(RELEASE, "forum.txt", date(2023, 3, 14)))
    for width in (60, 100):
        assert all(line == line.rstrip() for line in printed(document, RELEASE, width).splitlines())
