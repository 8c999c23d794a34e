"""The terminal report: golden files at two widths, alignment, markup safety and summaries."""

from __future__ import annotations

import io
import itertools
import re
import time
from datetime import date
from pathlib import Path

from goldens import compare
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from checker.document import from_text
from checker.models import DocumentReport, Finding, Related, Report, Severity, Summary
from checker.pipeline import claims_of
from checker.report.terminal import render, shorten, summary_line

GOLDEN = Path(__file__).parent / "golden"

FORUM = (
    "GENEVA, Tuesday 14 March 2023 – The Alpine Water Forum today announced the programme of its"
    " annual conference, which will take place in Geneva on Tuesday, 20 April 2023.\n"
    "\n"
    "The Forum, founded in 2009, is now in its 12th year and brings together utilities from 31"
    " countries.\n"
    "\n"
    "Registration closes on 31 April 2023.\n"
    "\n"
    "About the Alpine Water Forum: the Forum, created in 2007 as a non-profit association of water"
    " utilities, has its secretariat in Geneva.\n"
)

DRAFT = (
    "Harbour Fund [draft]\n"
    "\n"
    "The [bold]Harbour Fund[/bold] awarded\tthree prizes [/]: to Alma and to Bo.\n"
    "Its [red]5th[/red] annual\tgala was held last year.\n"
)


def finding(
    text: str,
    needle: str,
    rule: str,
    severity: Severity,
    message: str,
    related: tuple[Related, ...] = (),
    help: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding on the first occurrence of `needle`, with its line and column."""
    start = text.index(needle)
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        start=start,
        end=start + len(needle),
        line=text.count("\n", 0, start) + 1,
        column=start - (text.rfind("\n", 0, start) + 1) + 1,
        text=needle,
        related=related,
        help=help,
        suggestion=suggestion,
    )


def related(text: str, needle: str, label: str) -> Related:
    """A related passage on the first occurrence of `needle`."""
    start = text.index(needle)
    return Related(start=start, end=start + len(needle), text=needle, label=label)


def report_of(*documents: DocumentReport) -> Report:
    """A report with its summary counted from the documents."""
    severities = [f.severity for d in documents for f in d.findings]
    summary = Summary(
        documents=len(documents),
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        infos=severities.count("info"),
    )
    return Report(version="0.1.0", documents=documents, summary=summary)


def forum_findings() -> tuple[Finding, ...]:
    """Findings of every shape on FORUM."""
    return (
        finding(FORUM, "today", "relative-date-mismatch", "info",
                "“today” is read as the release date, Tuesday 14 March 2023",
                help="release date 2023-03-14 (dateline)"),
        finding(FORUM, "Tuesday, 20 April 2023", "weekday-mismatch", "error",
                "20 April 2023 is a Thursday, not a Tuesday",
                help="2023-04-20 falls on a Thursday", suggestion="Thursday, 20 April 2023"),
        finding(FORUM, "now in its 12th year", "anniversary-mismatch", "error",
                "“now in its 12th year” does not match “founded in 2009”",
                related=(related(FORUM, "founded in 2009", "founded"),),
                help="2023 − 2009 = 14 completed years, so the Forum is in its 15th year",
                suggestion="now in its 15th year"),
        finding(FORUM, "31 April 2023", "invalid-date", "error",
                "31 April 2023 does not exist", help="April has 30 days"),
        finding(FORUM, "created in 2007", "origin-conflict", "warning",
                "the Forum began in 2007 here but in 2009 earlier",
                related=(related(FORUM, "founded in 2009", "the other origin: 2009"),),
                help="2007 ≠ 2009"),
    )  # fmt: skip


def draft_findings() -> tuple[Finding, ...]:
    """Findings on DRAFT, whose text, messages and labels look like rich markup."""
    return (
        finding(DRAFT, "three prizes", "list-count-mismatch", "warning",
                "“three prizes” but the list after it names 2 [winners]",
                related=(related(DRAFT, "Alma and to Bo", "the list: [b]2[/b] names"),),
                suggestion="two prizes [/]"),
        finding(DRAFT, "[red]5th[/red] annual", "edition-mismatch", "info",
                "[link=https://example.org]edition[/link] cannot be checked without an origin"),
    )  # fmt: skip


def two_documents() -> tuple[Report, dict[str, str]]:
    """A dated document with five findings and an undated one with markup-like text."""
    forum = DocumentReport(
        path="forum.txt", date="2023-03-14", date_source="dateline", findings=forum_findings()
    )
    draft = DocumentReport(
        path="notes [draft].md", date=None, date_source="none", findings=draft_findings()
    )
    return report_of(forum, draft), {"forum.txt": FORUM, "notes [draft].md": DRAFT}


def rendered(report: Report, texts: dict[str, str], width: int, show_claims: bool = False) -> str:
    """The report as plain text on a console `width` columns wide."""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    render(console, report, texts, show_claims=show_claims)
    return out.getvalue()


def golden(name: str, actual: str) -> None:
    """Compare with its golden file (see tests/goldens.py)."""
    compare(GOLDEN / name, actual)


def test_golden_two_documents_at_100_columns() -> None:
    golden("terminal_two_documents.txt", rendered(*two_documents(), width=100))


def test_golden_two_documents_at_60_columns() -> None:
    golden("terminal_two_documents_60.txt", rendered(*two_documents(), width=60))


def test_golden_clean_run() -> None:
    documents = [
        DocumentReport(path="a.txt", date="2024-11-05", date_source="header line"),
        DocumentReport(path="b.md", date="2024-06-12", date_source="front matter"),
        DocumentReport(path="c.txt", date=None, date_source="none"),
    ]
    golden("terminal_clean.txt", rendered(report_of(*documents), {}, width=100))


def test_golden_show_claims() -> None:
    text = "GENEVA, 14 March 2023 – The Forum, founded in 2009, is now in its 12th year.\n"
    document = from_text(text, "forum.txt", date(2023, 3, 14))
    claims = tuple(claims_of(document))
    found = finding(text, "now in its 12th year", "anniversary-mismatch", "error",
                    "“now in its 12th year” does not match “founded in 2009”",
                    related=(related(text, "founded in 2009", "founded"),))  # fmt: skip
    checked = DocumentReport(
        path="forum.txt",
        date="2023-03-14",
        date_source="dateline",
        claims=claims,
        findings=(found,),
    )
    output = rendered(report_of(checked), {"forum.txt": text}, width=100, show_claims=True)
    summary = output.index("1 finding (1 error) in 1 document")
    assert output.index("error[") < output.index("┃ line") < summary
    golden("terminal_show_claims.txt", output)


def test_output_is_deterministic() -> None:
    assert rendered(*two_documents(), width=80) == rendered(*two_documents(), width=80)


def test_markup_in_document_text_prints_literally() -> None:
    output = rendered(*two_documents(), width=100)
    for literal in (
        "The [bold]Harbour Fund[/bold] awarded three prizes [/]: to Alma and to Bo.",
        "Its [red]5th[/red] annual gala",
        "names 2 [winners]",
        "the list: [b]2[/b] names",
        "= suggestion: two prizes [/]",
        "[link=https://example.org]edition[/link]",
        "notes [draft].md:3:",
    ):
        assert literal in output


def caret_columns(line: str, mark: str = "^") -> list[int]:
    """The columns of `mark` in an underline row, before any label."""
    underline = re.match(r"\s*\| ([\s^-]*)", line)
    assert underline is not None
    offset = underline.start(1)
    return [offset + i for i, char in enumerate(underline.group(1)) if char == mark]


def underlined(output: str, mark: str = "^") -> str:
    """The text above every `mark`, joined across rows: what the output underlines."""
    lines = output.splitlines()
    found = []
    for above, line in itertools.pairwise(lines):
        if re.match(rf"\s*\| [\s^-]*\{mark}", line):
            found.append("".join(above[c] for c in caret_columns(line, mark)))
    return " ".join(found)


def test_underlines_stay_under_their_spans_across_tabs() -> None:
    output = rendered(*two_documents(), width=100)
    section = output[output.index("warning[list-count-mismatch]") :]
    assert underlined(section.split("\n\n")[0]) == "three prizes"
    assert underlined(section.split("\n\n")[0], "-") == "Alma and to Bo"
    assert "\t" not in output


def test_far_related_span_gets_its_own_excerpt() -> None:
    output = rendered(*two_documents(), width=100)
    block = output[output.index("warning[origin-conflict]") :].split("\n\n")[0]
    assert "\n...\n" in block
    assert underlined(block, "-") == "founded in 2009"
    assert underlined(block) == "created in 2007"


def test_control_characters_keep_columns() -> None:
    text = "Opened\x07 on\x1b[31m 3\tMay 2021, a Monday.\n"
    found = finding(text, "3\tMay 2021", "weekday-mismatch", "error", "3 May 2021 was a Monday")
    document = DocumentReport(path="a.txt", date=None, date_source="none", findings=(found,))
    output = rendered(report_of(document), {"a.txt": text}, width=80)
    assert "\x1b" not in output and "\x07" not in output
    assert "Opened\ufffd on\ufffd[31m 3 May 2021" in output
    assert underlined(output) == "3 May 2021"


def test_a_huge_line_shows_a_window_around_the_span() -> None:
    text = "word " * 100_000 + "in its ninth year " + "word " * 100_000 + "\n"
    found = finding(text, "ninth year", "anniversary-mismatch", "error", "wrong year")
    document = DocumentReport(path="big.txt", date=None, date_source="none", findings=(found,))
    started = time.perf_counter()
    output = rendered(report_of(document), {"big.txt": text}, width=80)
    assert time.perf_counter() - started < 2
    excerpt = output.split("\n\n")[0].splitlines()[3:]
    assert len(excerpt) == 4
    assert excerpt[0].startswith("1 | … word") and excerpt[-1].endswith("word …")
    assert underlined(output) == "ninth year"


def test_finding_without_text_still_names_its_passages() -> None:
    found = finding(FORUM, "now in its 12th year", "anniversary-mismatch", "error", "wrong year",
                    related=(related(FORUM, "founded in 2009", "founded"),))  # fmt: skip
    document = DocumentReport(path="gone.txt", date=None, date_source="none", findings=(found,))
    output = rendered(report_of(document), {}, width=80)
    assert "--> gone.txt:3:32" in output
    assert "= text: now in its 12th year" in output
    assert "= founded: founded in 2009" in output


def test_long_labels_are_shortened_at_a_word() -> None:
    assert shorten("45% are in Portugal, 35% in Spain and 30% in France", 40) == (
        "45% are in Portugal, 35% in Spain and…"
    )
    assert shorten("Supercalifragilisticexpialidocious", 10) == "Supercali…"
    assert shorten("short", 10) == "short"


def test_summary_pluralises() -> None:
    def line(documents: int, errors: int = 0, warnings: int = 0, infos: int = 0) -> str:
        summary = Summary(documents=documents, errors=errors, warnings=warnings, infos=infos)
        return summary_line(Report(version="0", documents=(), summary=summary)).text.plain

    assert line(3) == "No findings in 3 documents"
    assert line(1) == "No findings in 1 document"
    assert line(1, errors=1, warnings=1) == "2 findings (1 error, 1 warning) in 1 document"
    assert line(2, errors=2) == "2 findings (2 errors) in 2 documents"
    assert line(1, warnings=1) == "1 finding (1 warning) in 1 document"
    assert line(2, errors=1, warnings=3, infos=2) == (
        "6 findings (1 error, 3 warnings, 2 info) in 2 documents"
    )
    assert line(0) == "No documents checked"


WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=14)
LINE = st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", "\t", "  "])), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(LINE, min_size=1, max_size=8),
    width=st.integers(min_value=40, max_value=130),
    data=st.data(),
)
def test_any_span_is_underlined_exactly_at_any_width(
    lines: list[list[tuple[str, str]]], width: int, data: st.DataObject
) -> None:
    text = "\n".join("".join(word + gap for word, gap in line) for line in lines) + "\n"
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 300)))
    if not text[start:end].strip():
        return
    found = Finding(
        rule="r", severity="error", message="m", start=start, end=end,
        line=1, column=1, text=text[start:end],
    )  # fmt: skip
    report = report_of(DocumentReport(path="p", date=None, date_source="none", findings=(found,)))
    output = rendered(report, {"p": text}, width)
    assert all(cell_len(line) <= width for line in output.splitlines())
    assert underlined(output).replace(" ", "") == "".join(text[start:end].split())


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(LINE, min_size=1, max_size=12),
    width=st.integers(min_value=40, max_value=130),
    data=st.data(),
)
def test_a_span_and_a_related_span_are_underlined_exactly(
    lines: list[list[tuple[str, str]]], width: int, data: st.DataObject
) -> None:
    text = "\n".join("".join(word + gap for word, gap in line) for line in lines) + "\n"
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    first, second = text[cuts[0] : cuts[1]], text[cuts[2] : cuts[3]]
    if not first.strip() or not second.strip():
        return
    primary, other = (cuts[2:], cuts[:2]) if data.draw(st.booleans()) else (cuts[:2], cuts[2:])
    found = Finding(
        rule="r", severity="warning", message="m", start=primary[0], end=primary[1],
        line=1, column=1, text=text[primary[0] : primary[1]],
        related=(Related(start=other[0], end=other[1], text="", label="other passage"),),
    )  # fmt: skip
    report = report_of(DocumentReport(path="p", date=None, date_source="none", findings=(found,)))
    output = rendered(report, {"p": text}, width)
    assert all(cell_len(line) <= width for line in output.splitlines())
    assert underlined(output).replace(" ", "") == "".join(text[primary[0] : primary[1]].split())
    assert underlined(output, "-").replace(" ", "") == "".join(text[other[0] : other[1]].split())


def test_the_streamed_report_is_the_report_and_asks_for_one_document_at_a_time() -> None:
    from checker.report.terminal import renderables, stream

    report, texts = two_documents()
    seen: list[str] = []

    def documents():  # type: ignore[no-untyped-def]
        for document in report.documents:
            seen.append(document.path)
            yield document, texts.get(document.path)

    def printed(items) -> str:  # type: ignore[no-untyped-def]
        console = Console(file=io.StringIO(), width=100, color_system=None)
        for item in items:
            console.print(item)
        return console.file.getvalue()  # type: ignore[attr-defined]

    pieces = stream(documents())
    next(pieces)
    assert seen == ["forum.txt"]  # the first finding is out before the second document is read
    assert printed([next(pieces), *pieces]) == printed(renderables(report, texts)[1:])
