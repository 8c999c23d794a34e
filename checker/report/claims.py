"""The claim inventory as a rich table: kind, text, line, normalised value, subject."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from checker.models import DocumentReport

_KIND_STYLES = {
    "date": "cyan", "relative": "cyan", "range": "cyan", "duration": "blue", "set": "blue",
    "time": "cyan", "ordinal": "magenta", "origin": "green", "age": "yellow", "birth": "yellow",
}  # fmt: skip


def cell(text: str, style: str = "") -> Text:
    """Document text for a cell: white space runs as one space, other control characters as �."""
    flat = " ".join(text.split())
    return Text("".join(c if c.isprintable() else "\ufffd" for c in flat), style=style)


def line_of(text: str, offset: int) -> int:
    """The 1-based line of an offset."""
    return text.count("\n", 0, offset) + 1


def table(document: DocumentReport, source: str) -> RenderableType:
    """One document's claims; document text goes into `Text` objects, never into markup."""
    title = Text.assemble(
        cell(document.path, "bold"),
        f" · release date {document.date or 'unknown'} ({document.date_source})",
    )
    grid = Table(show_lines=False, expand=False)
    grid.add_column("line", justify="right", style="dim", no_wrap=True)
    grid.add_column("kind", no_wrap=True)
    grid.add_column("text", overflow="fold")
    grid.add_column("value", overflow="fold")
    grid.add_column("subject", overflow="fold")
    for claim in document.claims:
        value = cell(claim.value)
        if claim.note:
            value.append(f" ({claim.note})", style="dim")
        grid.add_row(
            Text(str(line_of(source, claim.start))),
            Text(claim.kind, style=_KIND_STYLES.get(claim.kind, "")),
            cell(claim.text),
            value,
            cell(claim.subject or ""),
        )
    return Group(title, grid if document.claims else Text("no claims found", style="dim"))
