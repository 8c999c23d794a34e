"""The whole pipeline, rules and every renderer, on any text, front matter and release date from
year 1 to 9999: a report, or the one-line error of bad input, and never an exception."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker import __version__
from checker.cli import FORMATS
from checker.commands import renderer
from checker.document import from_text
from checker.engine import RuleSet
from checker.engine.loader import load
from checker.errors import InputError
from checker.pipeline import analyse, report

ROOT = Path(__file__).resolve().parent.parent
RULES = RuleSet(load(sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir())))

_FRAGMENTS = [
    "0", "1", "3", "7", "12", "29", "30", "31", "99", "2023", "1999", "0001", "9999", "10000",
    "/", "-", "–", ".", ",", ":", " ", "\n", "\r", "\r\n", "'", "(", ")", "[", "]", "<!--", "-->",
    "factcheck: ignore", "factcheck: off", "factcheck: on", "weekday-mismatch", "February",
    "April", "May", "December", "Monday", "Sunday", "ago", "since", "the", "last", "next",
    "this", "year", "years", "quarter", "Q4", "fiscal", "week", "weekend", "month", "decade",
    "century", "days", "today", "tomorrow", "yesterday", "now", "in its", "ninth", "100th",
    "anniversary", "founded in", "born in", "aged", "edition", "%", "$", "€", "million",
    "percent", "rose from", "to", "between", "and", "three priorities:", "first held in",
    "for more than", "two decades", "winter", "Christmas", "Easter", "BC", "AD",
]  # fmt: skip
FRONT_MATTER_LINES = [
    "date: 2023-03-14T10:00:00Z", "date: 2023-03-14 10:00:00", "date: 2023-02-30",
    "date: 0001-01-01", "date: 9999-12-31", "date: [[[[]]]]", "date: ~", "date: 5", "title: x",
]  # fmt: skip
date_like = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=200), date_like)
front_matter = st.one_of(
    st.just(""),
    st.text(max_size=60).map(lambda body: f"---\n{body}\n---\n"),
    st.sampled_from(FRONT_MATTER_LINES).map(lambda line: f"---\n{line}\n---\n"),
)
releases = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def every_format(text: str, release: date | None, order: str | None) -> None:
    try:
        document = from_text(text, "releases/x.md", release, order)
    except InputError as exc:  # bad front matter: the one-line error of bad input
        assert "\n" not in exc.line()
        return
    result = report([analyse(document, RULES.evaluate)], __version__)
    for fmt in FORMATS:
        rendered = renderer(fmt, {document.path: text}, RULES.rules, True)(result)
        assert isinstance(rendered, str)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=front_matter,
    text=any_text,
    release=releases,
    order=st.sampled_from([None, "DMY", "MDY"]),
)
@example(head="", text="The show runs 31 April 2024 - 3 May 2024.", release=date(2024, 1, 10),
         order=None)  # fmt: skip
@example(head="", text="We met on 3 May.", release=date(1, 1, 1), order=None)
@example(head="", text="We meet tomorrow.", release=date(9999, 12, 31), order=None)
@example(head="", text="On Monday 31 December.", release=date(9999, 12, 1), order=None)
@example(head="", text="(" * 5000 + "x" + ")" * 5000, release=None, order=None)
@example(head="---\na: " + "[" * 5000 + "\n---\n", text="x", release=None, order=None)
def test_any_input_gives_a_report(
    head: str, text: str, release: date | None, order: str | None
) -> None:
    every_format(head + text, release, order)


@pytest.mark.parametrize(
    "text",
    [
        "date 0001-01-01 Next year, next week and next month, in 10 years, on 31 December.",
        "date 9999-12-31 Last year, in 10 years, the next decade, a century ago, next Easter.",
        "date 0001-01-01 We met yesterday, last Monday, two years ago, in 1 BC and last winter.",
    ],
)
def test_the_edges_of_the_calendar(text: str) -> None:
    every_format(text, None, None)


@pytest.mark.parametrize("enabled", [True, False])
def test_claims_of_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    from checker import pipeline

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        pipeline.claims_of(from_text("Founded in 1990, the Fair is now in its 12th year.", "a"))
        assert gc.isenabled() is enabled
        with pytest.raises(AttributeError):
            pipeline.claims_of(None)  # type: ignore[arg-type]  # fails inside the pause
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
