"""Reports of releases read out of DOCX and HTML files: they name paragraphs and HTML lines, and
never point tools at offsets that are not the file's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from releases import FESTIVAL, FESTIVAL_HTML, docx_bytes
from test_sarif_schema import validate

from checker.commands import renderer
from checker.document import load
from checker.engine import load_rules
from checker.models import Report
from checker.pipeline import analyse, report


def checked(path: Path) -> tuple[Report, dict[str, str]]:
    """The report of one file through the real pipeline and the core rules, and its text."""
    document = load(str(path))
    return report([analyse(document, load_rules([]).evaluate)], "0.0.0"), {
        document.path: document.text
    }


@pytest.fixture
def docx(tmp_path: Path) -> Path:
    path = tmp_path / "festival.docx"
    path.write_bytes(docx_bytes(FESTIVAL))
    return path


def render(fmt: str, result: Report, texts: dict[str, str]) -> str:
    return renderer(fmt, texts, load_rules([]).rules, show_claims=False)(result)


def test_github_annotations_give_the_line_of_the_html_file() -> None:
    out = render("github", *checked(FESTIVAL_HTML))
    first = next(line for line in out.splitlines() if "anniversary-mismatch" in line)
    assert ",line=14,title=factcheck anniversary-mismatch (paragraph 2)::" in first
    assert "col=" not in first


def test_github_annotations_of_a_docx_are_on_the_file(docx: Path) -> None:
    out = render("github", *checked(docx))
    first = next(line for line in out.splitlines() if "anniversary-mismatch" in line)
    assert "line=" not in first and "(paragraph 1)" in first


def test_sarif_of_html_and_docx_is_valid_and_has_no_fix(docx: Path, shared: Path) -> None:
    for path, region in ((FESTIVAL_HTML, {"startLine": 14}), (docx, None)):
        out = render("sarif", *checked(path))
        validate(out, shared)
        results = json.loads(out)["runs"][0]["results"]
        anniversary = next(r for r in results if r["ruleId"] == "anniversary-mismatch")
        location = anniversary["locations"][0]["physicalLocation"]
        assert {k: v for k, v in location.get("region", {}).items() if k != "snippet"} == (
            region or {}
        )
        assert "fixes" not in anniversary and anniversary["properties"]["paragraph"] >= 1


def test_rdjsonl_and_junit_name_the_html_line() -> None:
    result, texts = checked(FESTIVAL_HTML)
    lines = [json.loads(line) for line in render("rdjsonl", result, texts).splitlines()]
    anniversary = next(d for d in lines if d["code"]["value"] == "anniversary-mismatch")
    assert anniversary["location"]["range"] == {"start": {"line": 14}}
    assert "suggestions" not in anniversary
    junit = render("junit", result, texts)
    assert f"{FESTIVAL_HTML}:14 (paragraph 2): error anniversary-mismatch" in junit


def test_html_report_names_the_paragraph(docx: Path) -> None:
    page = render("html", *checked(docx))
    assert '<a class="where" href="#d1-f1-at">paragraph 1</a>' in page
