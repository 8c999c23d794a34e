"""The HTML report: golden page, escaping, nesting of marks, determinism and the timeline."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from goldens import compare
from hypothesis import given
from hypothesis import strategies as st

from checker.cli import main
from checker.document import from_text
from checker.engine import load_rules
from checker.models import CalendarDate, Claim, DocumentReport, Finding, Related, Report
from checker.pipeline import analyse, report
from checker.report import html, timeline_svg
from checker.report.meta import RuleMeta
from checker.report.positions import Locator

GOLDEN = Path(__file__).parent / "golden" / "html"
VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}
HOSTILE = "<script>alert(1)</script>"

FESTIVAL = "releases/festival.txt"
FESTIVAL_TEXT = (
    "date 2023-03-14\n"
    "GENEVA – The Harbour Festival, founded in 2012, is now in its ninth year.\n"
    "\n"
    'Between 2015 and 2019 it drew "nearly" 700 visitors & <b>friends</b>.\n'
    "\tThe gala is on Wednesday 21 March 2023.\n"
)
CALM = "releases/calm week.txt"
CALM_TEXT = "A quiet release with no claims to check.\n"
RULES = (
    RuleMeta(
        id="anniversary-mismatch",
        severity="error",
        description="An ordinal year that its origin does not give. Checked at the release date.",
        help="Count the years from the origin.",
    ),
    RuleMeta(
        id="weekday-mismatch",
        severity="warning",
        description='A weekday named with a date that falls on another day ("<b>").',
        help="Name the weekday of the date.",
    ),
)


def claim(text: str, cid: str, kind: str, needle: str, value: str, **extra: object) -> Claim:
    """A claim on the first `needle` of `text`."""
    start = text.index(needle)
    fields = {"id": cid, "kind": kind, "text": needle, "start": start, "value": value}
    return Claim.model_validate({**fields, "end": start + len(needle), **extra})


def finding(
    text: str, rule: str, severity: str, needle: str, message: str, **extra: object
) -> Finding:
    """A finding on the first `needle` of `text` (an empty needle: an empty span at 0)."""
    start = text.index(needle) if needle else 0
    point = Locator(text).point(start)
    return Finding.model_validate(
        {
            "rule": rule,
            "severity": severity,
            "message": message,
            "start": start,
            "end": start + len(needle),
            "line": point.line,
            "column": point.column,
            "text": needle,
            **extra,
        }
    )


def related(text: str, needle: str, label: str) -> Related:
    """A related passage on the first `needle` of `text`."""
    start = text.index(needle)
    return Related(start=start, end=start + len(needle), text=needle, label=label)


def festival() -> DocumentReport:
    """Nested claims (a range and its ends, an origin and its year), a finding that crosses a
    claim, an empty span, and findings with and without related passages and suggestions."""
    t = FESTIVAL_TEXT
    claims = (
        claim(t, "c1", "origin", "founded in 2012", "2012", date={"year": 2012}, parts=["c2"]),
        claim(t, "c2", "date", "2012", "2012", date={"year": 2012}),
        claim(t, "c3", "ordinal", "now in its ninth year", "9th year", number=9),
        claim(t, "c4", "range", "Between 2015 and 2019", "2015 – 2019", parts=["c5", "c6"]),
        claim(t, "c5", "date", "2015", "2015", date={"year": 2015}),
        claim(t, "c6", "date", "2019", "2019", date={"year": 2019}),
        claim(t, "c7", "quantity", "700", "700 visitors", amount=700.0, hedge="nearly"),
        claim(t, "c8", "date", "Wednesday 21 March 2023", "2023-03-21",
              date={"year": 2023, "month": 3, "day": 21}, weekday=2),
    )  # fmt: skip
    findings = (
        finding(t, "unused-suppression", "info", "", "A suppression that suppresses nothing."),
        finding(
            t, "anniversary-mismatch", "error", "now in its ninth year",
            "'now in its ninth year' does not fit the origin in 2012: the eleventh or twelfth year",
            related=[related(t, "2012", "the origin of the Harbour Festival")],
            help="2012 → 2023-03-14 is 10 years 2 months to 11 years 2 months",
            suggestion="now in its eleventh year", claims=["c3", "c1"],
        ),
        finding(
            t, "figure-mismatch", "info", '2019 it drew "nearly" 700',
            'A figure & a "range" that <cross>: [bold]x[/bold]',
            related=[related(t, "Between 2015", "where the range begins")], claims=["c4", "c7"],
        ),
        finding(
            t, "weekday-mismatch", "warning", "Wednesday 21 March 2023",
            "21 March 2023 is a Tuesday, not a Wednesday", claims=["c8"],
        ),
    )  # fmt: skip
    return DocumentReport(
        path=FESTIVAL,
        date="2023-03-14",
        date_source="header line",
        claims=claims,
        findings=findings,
    )


def hand_built() -> tuple[Report, dict[str, str]]:
    """Two documents: the festival, and a calm one with no date, claims or findings."""
    calm = DocumentReport(path=CALM, date=None, date_source="none")
    return report([festival(), calm], "9.9.9"), {FESTIVAL: FESTIVAL_TEXT, CALM: CALM_TEXT}


def pipeline(text: str, path: str = "release.txt") -> tuple[Report, dict[str, str], list[RuleMeta]]:
    """A report on `text` by the real pipeline and the default rules, released 14 March 2023."""
    rules = load_rules([])
    document = analyse(from_text(text, path, date(2023, 3, 14)), rules.evaluate)
    metas = [RuleMeta(id=r.id, severity=r.severity, description=r.description, help=r.help)
             for r in rules.rules]  # fmt: skip
    return report([document], "0.0.0"), {path: text}, metas


HOSTILE_TEXT = (
    "GENEVA, 14 March 2023 – The Harbour Festival, founded in 2012, is now in its ninth year.\n"
    f"The gala is on Wednesday 21 March 2023 & tickets cost “€5” {HOSTILE} [bold]x[/bold].\n"
    "It's \"free\" for 'children' <img src=x onerror=alert(2)>.\n"
)


class Tree(HTMLParser):
    """Checks that tags balance and collects ids, links, and the text of the release blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.errors: list[str] = []
        self.releases: list[str] = []
        self.tags: list[str] = []
        self._in_release = 0
        self._in_ref = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if (found.get("href") or "").startswith("#"):
            self.links.append(str(found["href"])[1:])
        if tag in VOID:
            return
        self.stack.append(tag)
        if self._in_release:
            self._in_release += 1
            self._in_ref += bool(self._in_ref) or "ref" in (found.get("class") or "").split()
        elif found.get("class") == "release":
            self._in_release = 1
            self.releases.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids.extend(str(v) for k, v in attrs if k == "id" and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if self._in_release:
            self._in_release -= 1
            self._in_ref = max(self._in_ref - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._in_release and not self._in_ref:
            self.releases[-1] += data


def parse(page: str) -> Tree:
    """The parsed page; tags balanced, ids unique and every anchor link pointing at an id."""
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert tree.stack == []
    assert len(tree.ids) == len(set(tree.ids)), "duplicate ids"
    assert set(tree.links) <= set(tree.ids), set(tree.links) - set(tree.ids)
    return tree


def golden(name: str, actual: str) -> None:
    """Compare with its golden file (see tests/goldens.py)."""
    compare(GOLDEN / name, actual)


def test_golden_page() -> None:
    result, texts = hand_built()
    golden("report.html", html.render(result, texts, RULES))


def test_page_is_self_contained() -> None:
    result, texts = hand_built()
    page = html.render(result, texts, RULES)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert "default-src 'none'" in page


def test_release_text_comes_back_whole() -> None:
    result, texts = hand_built()
    tree = parse(html.render(result, texts, RULES))
    assert tree.releases == [FESTIVAL_TEXT, CALM_TEXT]


def test_anchors_for_every_claim_finding_and_related_passage() -> None:
    result, texts = hand_built()
    ids = set(parse(html.render(result, texts, RULES)).ids)
    assert {f"d1-c{n}" for n in range(1, 9)} <= ids
    assert {"d1-f1", "d1-f1-at", "d1-f2-at", "d1-f2-r1", "d1-f3-r1", "d1-f4-at"} <= ids
    assert '<span class="pin" id="d1-f1-at"></span>' in html.render(result, texts, RULES)


def test_rule_description_as_tooltip_and_small_text() -> None:
    result, texts = hand_built()
    page = html.render(result, texts, RULES)
    assert (
        'title="An ordinal year that its origin does not give. Checked at the release date."'
        in page
    )
    assert '<p class="rule-desc">An ordinal year that its origin does not give.</p>' in page
    assert "falls on another day (&quot;&lt;b&gt;&quot;)." in page


@pytest.mark.parametrize("where", ["text", "message", "path"])
def test_escaping(where: str) -> None:
    text = HOSTILE_TEXT if where == "text" else "The gala is on Friday.\n"
    path = f"a/{HOSTILE}&[bold]x[/bold].txt" if where == "path" else "release.txt"
    result, texts, rules = pipeline(text, path)
    if where == "message":
        doc = result.documents[0]
        hostile = finding(text, "x-rule", "error", "gala", f"{HOSTILE} & \"q\" 'q' [bold]x[/bold]",
                          help=HOSTILE, suggestion=HOSTILE,
                          related=[Related(start=0, end=3, text=HOSTILE, label=HOSTILE)])  # fmt: skip
        result = report([doc.model_copy(update={"findings": (hostile,)})], "0.0.0")
    page = html.render(result, texts, rules)
    tree = parse(page)
    assert "script" not in tree.tags and "img" not in tree.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold]x[/bold]" in page
    if where == "text":
        assert tree.releases == [text]
        assert "&amp; tickets" in page and "It&#x27;s &quot;free&quot;" in page


def test_hidden_characters_are_shown_without_moving_offsets() -> None:
    assert html.esc("a\x00b\u202ec\x1b") == "a\ufffdb\ufffdc\ufffd"
    assert html.esc("tab\there\r\n") == "tab\there\r\n"


def mark(start: int, end: int, anchor: str, rank: int = 2) -> html.Mark:
    return html.Mark(start, end, rank, "c k-when", anchor, anchor)


def test_crossing_marks_are_split_and_nested() -> None:
    out = html.marked("0123456789abcdef", [mark(0, 10, "a"), mark(5, 15, "b"), mark(6, 8, "c")])
    tree = parse(f"<div>{out}</div>")
    assert tree.ids == ["a", "b", "c"]  # the second piece of b carries no id
    assert out.count('class="c k-when cont"') == 1
    assert re.sub(r"<[^>]+>", "", out) == "0123456789abcdef"
    assert out.startswith(
        '<mark class="c k-when" id="a" title="a">01234<mark class="c k-when" id="b"'
    )


def test_equal_spans_put_the_finding_outside_and_clip_to_the_text() -> None:
    out = html.marked("abc", [mark(0, 3, "claim", 2), mark(0, 3, "finding", 0), mark(2, 99, "x")])
    assert out.index('id="finding"') < out.index('id="claim"')
    assert re.sub(r"<[^>]+>", "", out) == "abc"
    parse(f"<p>{out}</p>")


def test_empty_and_outside_spans_become_anchors() -> None:
    out = html.marked("abc", [mark(1, 1, "here"), mark(7, 9, "past")], [(3, "<i>end</i>")])
    assert out == (
        'a<span class="pin" id="here"></span>bc<span class="pin" id="past"></span><i>end</i>'
    )
    assert html.marked("", []) == ""


def test_finding_numbers_follow_their_spans() -> None:
    result, texts = hand_built()
    page = html.render(result, texts, RULES)
    assert (
        'ninth year</mark></mark><a class="ref sev-error" href="#d1-f2" aria-label="finding 2">2</a>'
        in page
    )


def test_render_is_deterministic() -> None:
    result, texts, rules = pipeline(HOSTILE_TEXT)
    assert html.render(result, texts, rules) == html.render(result, texts, rules)
    hand, hand_texts = hand_built()
    assert html.render(hand, hand_texts, RULES) == html.render(hand, hand_texts, RULES)


def test_the_real_pipeline_gives_a_well_formed_page() -> None:
    result, texts, rules = pipeline(HOSTILE_TEXT)
    page = html.render(result, texts, rules)
    tree = parse(page)
    assert tree.releases == [HOSTILE_TEXT]
    assert page.count('<li class="finding ') == len(result.documents[0].findings) >= 2
    assert "ninth year" in page


def test_missing_text_is_the_callers_error() -> None:
    result, _ = hand_built()
    with pytest.raises(ValueError, match="no text was given"):
        html.render(result, {FESTIVAL: FESTIVAL_TEXT}, RULES)


def test_timeline_rows_and_shapes() -> None:
    rows = timeline_svg.items(festival())
    shapes = [(r.claim.id, r.shape, r.flagged) for r in rows]
    # 2012 is drawn by its origin and 2015, 2019 by their range; the weekday date is flagged.
    assert shapes == [
        ("c1", "origin", True),
        ("c4", "bar", True),
        ("c8", "tick", True),
    ]
    assert (rows[1].start, rows[1].end) == (date(2015, 1, 1), date(2020, 1, 1))
    svg = timeline_svg.render(festival(), "d1", {0: "d1-c1", 3: "d1-c4", 7: "d1-c8"})
    assert 'href="#d1-c4"' in svg and 'class="release-line"' in svg and "release 2023-03-14" in svg
    assert svg.count('class="row flagged"') == 3
    assert ">2012</text>" in svg and ">2024</text>" in svg


def test_timeline_since_bar_and_unflagged_rows() -> None:
    text = "Since 2010 the band has played; the tour was in May 2022."
    claims = (
        claim(text, "c1", "duration", "Since 2010", "P13Y", parts=["c2"]),
        claim(text, "c2", "date", "2010", "2010", date={"year": 2010}),
        claim(text, "c3", "date", "May 2022", "2022-05", date={"year": 2022, "month": 5}),
    )
    doc = DocumentReport(path="x", date="2023-03-14", date_source="header line", claims=claims)
    rows = timeline_svg.items(doc)
    assert [(r.claim.id, r.shape, r.flagged) for r in rows] == [
        ("c1", "since", False),
        ("c3", "tick", False),
    ]
    assert rows[0].end == date(2023, 3, 15)


def test_timeline_without_dates_says_so() -> None:
    doc = DocumentReport(path="x", date=None, date_source="none")
    assert timeline_svg.render(doc, "d1", {}) == '<p class="empty">No dated claims to draw.</p>'


@pytest.mark.parametrize(
    ("days", "axis"),
    [
        ([date(2023, 5, 2), date(2023, 5, 10)], (2023, 2024, 1)),
        ([date(2012, 7, 1), date(2022, 10, 9)], (2012, 2024, 2)),
        ([date(1965, 1, 1), date(2023, 5, 11)], (1960, 2030, 10)),
        ([date(1, 1, 1), date(9999, 12, 31)], (1, 10000, 1000)),
    ],
)
def test_axis_fits_the_data(days: list[date], axis: tuple[int, int, int]) -> None:
    fitted = timeline_svg.Axis.fit(days)
    assert (fitted.first, fitted.last, fitted.step) == axis
    assert timeline_svg.LABELS <= fitted.x(days[0]) < fitted.x(days[-1]) <= timeline_svg.WIDTH


def test_impossible_dates_are_drawn_at_their_month_or_left_out() -> None:
    assert timeline_svg.period(CalendarDate(year=2023, month=4, day=31)) == (
        date(2023, 4, 1),
        date(2023, 5, 1),
    )
    assert timeline_svg.period(CalendarDate(year=9999, month=12)) is None
    assert timeline_svg.period(CalendarDate(year=0)) is None


def test_cli_writes_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "gala.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    assert main(["check", "--format", "html", "--date", "2023-03-14", str(source)]) == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "weekday-mismatch" in page
    assert main(["check", "--format", "html", "-o", f"{tmp_path}/out/", str(source)]) == 1
    assert (tmp_path / "out" / "gala.html").read_text(encoding="utf-8").endswith("</html>\n")


@given(
    st.text(alphabet="ab<&\n\"'", max_size=30),
    st.lists(st.tuples(st.integers(-3, 33), st.integers(-3, 33), st.integers(0, 2)), max_size=12),
)
def test_any_spans_nest_and_keep_the_text(text: str, spans: list[tuple[int, int, int]]) -> None:
    marks = [mark(start, end, f"m{n}", rank) for n, (start, end, rank) in enumerate(spans)]
    out = html.marked(text, marks)
    tree = Tree()
    tree.feed(f'<div class="release">{out}</div>')
    tree.close()
    assert tree.errors == [] and tree.stack == []
    assert sorted(tree.ids) == sorted(m.anchor for m in marks)
    assert tree.releases == [text]
