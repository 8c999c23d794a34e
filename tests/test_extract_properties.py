"""Properties of extraction on any text: it never raises, spans are exact, and it scales linearly."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import from_text
from checker.extract import context, temporal_atoms
from checker.pipeline import claims_of

_FRAGMENTS = [
    "0", "1", "7", "12", "31", "2023", "1999", "/", "-", "–", ".", ",", ":", " ", "  ", "\n",
    "'", "’", "(", ")", "May", "may", "March", "Sept.", "Dec", "Monday", "friday", "ago",
    "since", "the", "last", "next", "this", "year", "years", "quarter", "third", "Q3", "fiscal",
    "a.m.", "pm", "noon", "every", "a", "week", "days", "half", "an", "hour", "early", "late",
    "mid-", "1990s", "'80s", "nineteen", "ninety-six", "of", "to", "from", "between", "and",
    "today", "yesterday", "now", "$", "%", "No.", "Room", "fourth", "July", "Christmas",
]  # fmt: skip
date_like = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), date_like)
releases = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, release=releases, order=st.sampled_from(["DMY", "MDY"]))
def test_spans_are_exact(text: str, release: date | None, order: str) -> None:
    claims = claims_of(from_text(text, "<prop>", release, order))
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


def _line(unit: str, size: int = 1_000_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, if the block runs past a generous limit (no timing assertion)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s: catastrophic backtracking?")

    if not hasattr(signal, "SIGALRM"):  # Windows: no alarm; the test still has to finish
        yield
        return
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


LINES = [
    "12/10-2023/1-",  # digits, dashes and slashes
    "1999-2000/12/12-",
    "May 5 March 2023 June ",  # repeated month names and numbers
    "Monday 3 a.m. the third quarter of ",
]


@pytest.mark.parametrize("unit", LINES)
def test_a_megabyte_line_finishes(unit: str) -> None:
    # Every temporal pattern over one 1 MB line with no sentence break.
    text = _line(unit)
    document = from_text(text, "<long>", date(2024, 3, 13), "MDY")
    with _deadline(300):
        atoms, _ = temporal_atoms(document.text, context(document))
    assert all(text[a.start : a.end] for a in atoms)


@pytest.mark.parametrize("unit", LINES)
def test_a_long_line_through_the_pipeline_finishes(unit: str) -> None:
    # The whole pipeline on a 1 MB line of digits, and on 100 kB of the denser lines (the
    # quantity extractor compares each amount with every temporal claim: quadratic on these).
    size = 1_000_000 if unit[0].isdigit() else 100_000
    with _deadline(300):
        claims = claims_of(from_text(_line(unit, size), "<long>", date(2024, 3, 13), "MDY"))
    assert all(0 <= c.start <= c.end for c in claims)
