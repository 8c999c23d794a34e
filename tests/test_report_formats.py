"""The CI formats (SARIF, GitHub, JUnit, rdjsonl, Markdown): golden files and their contracts."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from goldens import compare

from checker.document import from_text
from checker.models import DocumentReport, Finding, Layout, Related, Report, Summary
from checker.report import github, junit, markdown, rdjsonl, sarif
from checker.report.meta import RuleMeta
from checker.report.positions import (
    FINGERPRINT_KEY,
    Locator,
    artifact_uri,
    display_path,
    fingerprints,
)

GOLDEN = Path(__file__).parent / "golden" / "formats"
Renderer = Callable[[Report, dict[str, str], Sequence[RuleMeta]], str]

ORCHESTRA = "releases/orchestra.md"
CALM = "releases/calm week.txt"
ORCHESTRA_TEXT = (
    "---\n"
    "date: 2023-03-14\n"
    "---\n"
    "GENEVA, 14 March 2023 – The Orchestra’s *gala* costs €5 | 🎻 tickets go on sale next Friday.\n"
    "The orchestra, founded in 2012, is now in its ninth year.\n"
    "\tThe gala is on Wednesday 21 March 2023 <script>alert(1)</script> see [x](javascript:x()).\n"
    "Of 700 projects, 300 are in Africa and 500 in Asia.\n"
    "\n"
    "The festival ran from 2021 to 2019.\n"
)
CALM_TEXT = "A quiet release with no claims to check.\n"

RULES = (
    RuleMeta(
        id="anniversary-mismatch",
        severity="error",
        description="An ordinal year or anniversary that its origin does not give. "
        "Checked against the release date.",
        help="Count the years from the origin to the release date, or correct the origin.",
    ),
    RuleMeta(
        id="weekday-mismatch",
        severity="warning",
        description="A weekday named with a date that falls on another day.",
        help="Name the weekday of the date, or correct the date.",
    ),
    RuleMeta(
        id="relative-date-mismatch",
        severity="info",
        description="A relative date (e.g. next Friday) that can be read in more than one way.",
        help="Give the date as well.",
    ),
    RuleMeta(
        id="sum-mismatch",
        severity="warning",
        description="Parts that do not add up to the total stated.",
        help="Correct the total or a part.",
    ),
    RuleMeta(
        id="reversed-range",
        severity="error",
        description="A range whose end comes before its start.",
        help="Swap the ends.",
    ),
    RuleMeta(
        id="invalid-date",
        severity="error",
        description="A date that does not exist, such as 31 April.",
        help="Correct the day or the month.",
    ),
)


def finding(
    text: str,
    rule: str,
    severity: str,
    needle: str,
    message: str,
    related: Sequence[tuple[str, str]] = (),
    help: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding on the first `needle` of `text`, its related passages found the same way."""
    start = text.index(needle)
    line, column = from_text(text).line_column(start)
    return Finding.model_validate(
        {
            "rule": rule,
            "severity": severity,
            "message": message,
            "start": start,
            "end": start + len(needle),
            "line": line,
            "column": column,
            "text": needle,
            "related": [
                Related(start=text.index(t), end=text.index(t) + len(t), text=t, label=label)
                for t, label in related
            ],
            "help": help,
            "suggestion": suggestion,
        }
    )


def layout(text: str) -> Layout:
    """The layout the pipeline gives a report of `text`: its body and sentences."""
    document = from_text(text)
    return Layout(body_start=document.body_start, sentences=document.geometry.sentences)


def located(text: str) -> Locator:
    """The locator a renderer builds for `text` in a report the pipeline made."""
    return Locator(text, layout(text))


def orchestra_findings(text: str) -> tuple[Finding, ...]:
    """Findings with and without related passages, working and suggestions, of each severity."""
    return (
        finding(
            text,
            "relative-date-mismatch",
            "info",
            "next Friday",
            "“next Friday” can be read as 17 or 24 March 2023",
            help="14 March 2023 is a Tuesday: the coming Friday is 17 March, the next is 24 March",
        ),
        finding(
            text,
            "anniversary-mismatch",
            "error",
            "ninth year",
            "“ninth year” does not fit “founded in 2012”: in 2023 it is the 12th year",
            related=[("founded in 2012", "origin")],
            help="2023 − 2012 + 1 = 12",
            suggestion="twelfth year",
        ),
        finding(
            text,
            "weekday-mismatch",
            "warning",
            "Wednesday 21 March 2023",
            "21 March 2023 is a Tuesday, not a Wednesday",
            suggestion="Tuesday 21 March 2023",
        ),
        finding(
            text,
            "sum-mismatch",
            "warning",
            "700 projects",
            "The parts add up to 800, not 700",
            related=[("300", "part"), ("500", "part")],
            help="300 + 500 = 800\n800 ≠ 700",
        ),
        finding(
            text,
            "reversed-range",
            "error",
            "from 2021 to 2019",
            "The range ends (2019) before it starts (2021)",
            suggestion="from 2019 to 2021",
        ),
    )


def build(documents: Sequence[DocumentReport]) -> Report:
    """A report over documents, its summary counted from their findings."""
    found = [f for d in documents for f in d.findings]
    summary = Summary(
        documents=len(documents),
        errors=sum(f.severity == "error" for f in found),
        warnings=sum(f.severity == "warning" for f in found),
        infos=sum(f.severity == "info" for f in found),
    )
    return Report(version="0.1.0", documents=tuple(documents), summary=summary)


def sample() -> tuple[Report, dict[str, str]]:
    """Two documents, one with five findings and one without; and their texts."""
    orchestra = DocumentReport(
        path=ORCHESTRA,
        date="2023-03-14",
        date_source="front matter",
        findings=orchestra_findings(ORCHESTRA_TEXT),
        layout=layout(ORCHESTRA_TEXT),
    )
    calm = DocumentReport(path=CALM, date=None, date_source="none")
    return build([orchestra, calm]), {ORCHESTRA: ORCHESTRA_TEXT, CALM: CALM_TEXT}


def single(path: str, text: str, findings: Sequence[Finding]) -> tuple[Report, dict[str, str]]:
    """A report of one document."""
    document = DocumentReport(path=path, date=None, date_source="none", findings=tuple(findings))
    return build([document]), {path: text}


def golden(name: str, actual: str) -> None:
    """Compare with its golden file (see tests/goldens.py)."""
    compare(GOLDEN / name, actual)


RENDERERS: dict[str, Renderer] = {
    "sarif.json": sarif.render,
    "github.txt": github.render,
    "junit.xml": junit.render,
    "rdjsonl.jsonl": rdjsonl.render,
    "markdown.md": markdown.render,
}


# Golden files and what every renderer shares


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str) -> None:
    report, texts = sample()
    golden(name, RENDERERS[name](report, texts, RULES))


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_output_is_deterministic_and_ends_with_one_newline(name: str) -> None:
    report, texts = sample()
    first = RENDERERS[name](report, texts, RULES)
    assert first == RENDERERS[name](*sample(), RULES)
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_a_document_without_its_text_is_an_error_that_names_it(name: str) -> None:
    report, _ = sample()
    with pytest.raises(ValueError, match=r"releases/orchestra\.md"):
        RENDERERS[name](report, {CALM: CALM_TEXT}, RULES)


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_an_empty_report_renders(name: str) -> None:
    rendered = RENDERERS[name](build([]), {}, RULES)
    assert rendered == "" if name == "rdjsonl.jsonl" else rendered.endswith("\n")


# Positions


def test_columns_count_code_points_after_non_ascii_and_an_emoji() -> None:
    locator = located(ORCHESTRA_TEXT)
    info = orchestra_findings(ORCHESTRA_TEXT)[0]
    point = locator.point(info.start)
    assert (point.line, point.column) == (info.line, info.column) == (4, 80)
    before = ORCHESTRA_TEXT.splitlines()[3][: point.column - 1]
    assert locator.byte_column(info.start) == len(before.encode("utf-8")) + 1 == 89


def test_every_sample_position_agrees_with_the_document() -> None:
    document = from_text(ORCHESTRA_TEXT)
    locator = located(ORCHESTRA_TEXT)
    for f in orchestra_findings(ORCHESTRA_TEXT):
        for offset in (f.start, f.end, *(r.start for r in f.related)):
            point = locator.point(offset)
            assert (point.line, point.column) == document.line_column(offset)


def test_offsets_out_of_range_are_clamped() -> None:
    locator = located("ab\ncd")
    assert locator.point(-4).column == 1
    assert (locator.point(99).line, locator.point(99).column) == (2, 3)
    region = locator.region(4, 2)
    assert region.start == region.end


def test_paths_for_ci_tools() -> None:
    assert display_path("<stdin>") == "stdin"
    assert display_path("docs\\a b.md") == "docs/a b.md"
    assert artifact_uri("docs\\a b ü.md") == "docs/a%20b%20%C3%BC.md"
    assert artifact_uri("/srv/press/a.md") == "file:///srv/press/a.md"
    assert artifact_uri("C:\\press\\a.md") == "file:///C:/press/a.md"


@pytest.mark.parametrize("above", ["GENEVA, 14 March", "Of 700 projects"])
def test_fingerprints_survive_a_paragraph_inserted_above(above: str) -> None:
    added = "A new paragraph, added later, about the orchestra and its projects.\n\n"
    shifted = ORCHESTRA_TEXT.replace(above, added + above)
    moved = orchestra_findings(shifted)
    assert [f.start for f in moved] != [f.start for f in orchestra_findings(ORCHESTRA_TEXT)]
    before = fingerprints(orchestra_findings(ORCHESTRA_TEXT), located(ORCHESTRA_TEXT))
    assert fingerprints(moved, located(shifted)) == before
    assert len(set(before)) == len(before)


def test_fingerprints_survive_reflowed_lines_but_not_a_changed_sentence() -> None:
    base = orchestra_findings(ORCHESTRA_TEXT)[1]
    reflowed = ORCHESTRA_TEXT.replace("founded in 2012, is", "founded in 2012,\n  is")
    changed = ORCHESTRA_TEXT.replace("The orchestra, founded", "Our orchestra, founded")
    prints = [
        fingerprints([orchestra_findings(t)[1]], located(t))[0]
        for t in (ORCHESTRA_TEXT, reflowed, changed)
    ]
    assert base.rule == "anniversary-mismatch"
    assert prints[0] == prints[1] != prints[2]


def test_the_same_fingerprint_twice_in_a_document_gets_an_occurrence_index() -> None:
    text = "It is in its ninth year.\n\nIt is in its ninth year.\n"
    first = finding(text, "anniversary-mismatch", "error", "ninth year", "m")
    second = first.model_copy(update={"start": first.start + 26, "end": first.end + 26})
    marks = fingerprints([first, second], located(text))
    assert marks[0].endswith(":1") and marks[1].endswith(":2")
    assert marks[0][:-2] == marks[1][:-2]


def test_short_description_is_the_first_sentence() -> None:
    assert (
        RULES[0].short_description
        == "An ordinal year or anniversary that its origin does not give."
    )
    assert RULES[2].short_description == RULES[2].description
    assert RuleMeta(id="x", severity="info", description=" ", help="").short_description == "x"


# SARIF


def sarif_log(report: Report, texts: dict[str, str]) -> dict[str, object]:
    data: dict[str, object] = json.loads(sarif.render(report, texts, RULES))
    return data


def test_sarif_rules_levels_and_indexes() -> None:
    run = sarif_log(*sample())["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    assert rules[2]["defaultConfiguration"] == {"level": "note"}
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in run["results"]] == ["note", "error", "warning", "warning", "error"]


def test_sarif_describes_a_rule_found_but_not_given() -> None:
    text = "Say hi.\n"
    report, texts = single("a.md", text, [finding(text, "custom-rule", "warning", "hi", "m")])
    run = sarif_log(report, texts)["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    assert rules[-1] == {
        "id": "custom-rule",
        "shortDescription": {"text": "custom-rule"},
        "defaultConfiguration": {"level": "warning"},
    }
    assert run["results"][0]["ruleIndex"] == len(rules) - 1


def test_sarif_region_related_passages_and_fix() -> None:
    run = sarif_log(*sample())["runs"][0]  # type: ignore[index]
    anniversary = run["results"][1]
    region = anniversary["locations"][0]["physicalLocation"]["region"]
    start = ORCHESTRA_TEXT.index("ninth year")
    assert region["charOffset"] == start and region["charLength"] == len("ninth year")
    assert (region["startLine"], region["endColumn"] - region["startColumn"]) == (5, 10)
    related = anniversary["relatedLocations"][0]
    assert related["id"] == 1 and related["message"] == {"text": "origin"}
    assert "[origin](1)" in anniversary["message"]["text"]
    assert anniversary["message"]["text"].startswith("“ninth year” does not fit")
    replacement = anniversary["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"]["charOffset"] == start
    assert replacement["insertedContent"] == {"text": "twelfth year"}
    assert FINGERPRINT_KEY in anniversary["partialFingerprints"]


def test_sarif_escapes_brackets_so_only_its_own_links_are_links() -> None:
    assert sarif.escape("see [x](1) \\ ok") == "see \\[x\\](1) \\\\ ok"


def test_sarif_uri_of_stdin() -> None:
    text = "Say hi.\n"
    report, texts = single("<stdin>", text, [finding(text, "r", "error", "hi", "m")])
    run = sarif_log(report, texts)["runs"][0]  # type: ignore[index]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "stdin"}


# GitHub workflow commands


def many(count: int) -> tuple[Report, dict[str, str]]:
    """`count` findings cycling through info, warning and error, in document order."""
    text = "".join(f"Claim {i}.\n" for i in range(count))
    severities = ("info", "warning", "error")
    findings = [
        finding(text, f"rule-{i}", severities[i % 3], f"Claim {i}.", f"message {i}")
        for i in range(count)
    ]
    return single("a.md", text, findings)


def test_github_annotations_most_severe_first_then_a_summary() -> None:
    lines = github.render(*many(14), RULES).splitlines()
    assert len(lines) == 11
    kinds = [line.split(" ", 1)[0] for line in lines[:10]]
    assert kinds == ["::error"] * 4 + ["::warning"] * 5 + ["::notice"]
    assert "title=factcheck rule-2::message 2" in lines[0]
    assert "title=factcheck rule-1::message 1" in lines[4]
    assert lines[-1] == (
        "factcheck: 14 findings in 1 document, 4 not shown as annotations; "
        "run with --format json or sarif for all"
    )


def test_github_limit_is_a_keyword() -> None:
    lines = github.render(*many(3), RULES, limit=1).splitlines()
    assert len(lines) == 2 and lines[0].startswith("::error ")
    assert github.render(*many(3), RULES, limit=0).startswith("factcheck: 3 findings")
    assert github.render(*many(2), RULES).splitlines()[-1] == "factcheck: 2 findings in 1 document"
    assert github.render(*many(0), RULES) == "factcheck: no findings in 1 document\n"


def test_github_escapes_properties_and_data() -> None:
    assert github.escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    text = "x\n"
    hit = finding(text, "r", "error", "x", "bad: x, y", help="1 + 1 = 2\n2 ≠ 3")
    report, texts = single("dir,1/a:b.md", text, [hit])
    line = github.render(report, texts, RULES).splitlines()[0]
    assert line == (
        "::error file=dir%2C1/a%3Ab.md,line=1,col=1,endLine=1,endColumn=2,"
        "title=factcheck r::bad: x, y%0A1 + 1 = 2%0A2 ≠ 3"
    )


def test_github_stdin_has_no_file_and_a_multiline_span_no_columns() -> None:
    text = "one\ntwo\n"
    hit = finding(text, "r", "warning", "one\ntwo", "m")
    line = github.render(*single("<stdin>", text, [hit]), RULES).splitlines()[0]
    assert line == "::warning line=1,endLine=2,title=factcheck r::m"


# JUnit


def test_junit_counts_failures_and_lists_findings() -> None:
    root = ET.fromstring(junit.render(*sample(), RULES).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("factcheck", "2", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [ORCHESTRA, CALM]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "2 errors"  # warnings: below fail-on
    assert (failure.text or "").splitlines()[0] == (
        f"{ORCHESTRA}:5:47: error anniversary-mismatch: "
        "“ninth year” does not fit “founded in 2012”: in 2023 it is the 12th year"
    )
    assert "relative-date-mismatch" in (cases[0].findtext("system-out") or "")
    assert cases[1].find("failure") is None


def test_junit_is_well_formed_with_markup_and_control_characters() -> None:
    text = "x\n"
    hit = finding(text, "r", "error", "x", "<b>&</b> \x1b[31m\x00 \ufffe")
    rendered = junit.render(*single("<stdin>", text, [hit]), RULES)
    root = ET.fromstring(rendered.encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == "<stdin>"
    assert "<b>&</b> \ufffd[31m\ufffd \ufffd" in (case.findtext("failure") or "")


# rdjsonl


def test_rdjsonl_lines_ranges_and_suggestions() -> None:
    lines = [json.loads(line) for line in rdjsonl.render(*sample(), RULES).splitlines()]
    assert len(lines) == 5
    info, anniversary, *_ = lines
    assert info["severity"] == "INFO" and "suggestions" not in info
    assert info["location"]["range"]["start"] == {"line": 4, "column": 89}
    assert info["location"]["range"]["end"] == {"line": 4, "column": 89 + len("next Friday")}
    assert anniversary["code"] == {"value": "anniversary-mismatch"}
    assert anniversary["source"] == {"name": "factcheck"}
    assert anniversary["suggestions"] == [
        {"range": anniversary["location"]["range"], "text": "twelfth year"}
    ]
    assert anniversary["message"].endswith("\n2023 − 2012 + 1 = 12")


# Markdown


def test_markdown_renders_document_text_as_plain_text() -> None:
    rendered = markdown.render(*sample(), RULES)
    assert "<script>" not in rendered and "\\<script\\>alert(1)\\</script\\>" in rendered
    assert "[x](javascript" not in rendered and "\\[x\\](javascript" in rendered
    assert "\\*gala\\*" in rendered and "€5 \\| 🎻" in rendered
    assert "\t" not in rendered


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("ping @octocat now", "ping @&#8203;octocat now"),
        ("mail press@example.org", "mail press@example.org"),
        ("$5 and $6", "\\$5 and \\$6"),
        ("~~gone~~ &amp; #1", "\\~\\~gone\\~\\~ \\&amp; \\#1"),
        ("a\u202eb\x07", "a\ufffdb\ufffd"),
    ],
)
def test_markdown_escape(text: str, escaped: str) -> None:
    assert markdown.escape(text) == escaped


@pytest.mark.parametrize(
    ("line", "safe"),
    [
        ("- item", "\\- item"),
        ("  1. one", "1\\. one"),
        ("2) two", "2\\) two"),
        ("=== x", "\\=== x"),
    ],
)
def test_markdown_lines_of_a_passage_start_no_block(line: str, safe: str) -> None:
    assert markdown.block_safe(line) == safe


def test_markdown_marks_spans_without_their_outer_blanks() -> None:
    assert markdown.marked("in its  ninth year.", [(6, 18)], 0) == "in its  **ninth year**."
    assert markdown.marked("one\n", [(4, 9)], 10) == "one\n"


def test_markdown_quotes_related_passages_in_their_sentence() -> None:
    rendered = markdown.render(*sample(), RULES)
    assert (
        "> The orchestra, **founded in 2012**, is now in its **ninth year**."
        in rendered.splitlines()
    )
    assert "- **founded in 2012** — origin (5:16)" in rendered
    assert "- Working: 300 + 500 = 800\\\n  800 ≠ 700" in rendered


def test_markdown_cuts_a_long_sentence_around_its_spans() -> None:
    text = "word " * 200 + "ninth year " + "word " * 200
    hit = finding(text, "r", "error", "ninth year", "m")
    quote = [line for line in markdown.render(*single("a.md", text, [hit]), RULES).splitlines()]
    quoted = next(line for line in quote if line.startswith("> "))
    assert quoted.startswith("> …") and quoted.endswith("…") and "**ninth year**" in quoted
    assert len(quoted) < 2 * markdown.CONTEXT + 40


def test_front_matter_is_no_part_of_a_passage_or_a_fingerprint() -> None:
    info = orchestra_findings(ORCHESTRA_TEXT)[0]
    start, _ = located(ORCHESTRA_TEXT).sentence(info.start, info.end)
    assert ORCHESTRA_TEXT[start:].startswith("GENEVA, 14 March 2023")
    redated = ORCHESTRA_TEXT.replace("date: 2023-03-14", "date: 2023-03-15")
    assert fingerprints([info], located(ORCHESTRA_TEXT)) == fingerprints([info], located(redated))
