"""Releases in Word and HTML for the tests: a DOCX made with python-docx, an HTML page on disk."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
FESTIVAL_HTML = Path(__file__).parent / "fixtures" / "harbour-festival.html"
FESTIVAL = (
    "GENEVA, 14 March 2023 – The Harbour Festival, founded in 2012, is now in its ninth year.",
    "The gala is on Wednesday 21 March 2023 at the old port.",
)


def docx_bytes(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word document with these paragraphs (an empty one between each two), then a table."""
    import docx

    document = docx.Document()
    for number, text in enumerate(paragraphs):
        if number:
            document.add_paragraph("")  # an editor's blank line, which no reader counts
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def example_paragraphs() -> list[str]:
    """The example release's paragraphs, as an editor would have them in Word."""
    text = EXAMPLE.read_text(encoding="utf-8-sig")
    return [p.strip() for p in text.split("\n\n") if p.strip()]
