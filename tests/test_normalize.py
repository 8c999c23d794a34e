"""The dates normalize.py reads without dateparser are read exactly as dateparser reads them."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.lexicon import MONTH_NAMES
from checker.extract.normalize import DateNormalizer, written_date

NORMALIZERS = {order: DateNormalizer(date(2022, 10, 8), order) for order in ("DMY", "MDY")}


def _dateparser(text: str, order: str) -> tuple[date, str] | None:
    data = NORMALIZERS[order]._dateparser().get_date_data(text)
    return (
        None if data is None or data.date_obj is None else (data.date_obj.date(), str(data.period))
    )


@st.composite
def written(draw: st.DrawFn) -> str:
    """A day, a month in words and a year, in every spelling the date patterns pass on."""
    month = draw(st.sampled_from(MONTH_NAMES))
    name = draw(st.sampled_from([month, month[:3], f"{month[:3]}.", "Sept", "Sept.", f"{month}."]))
    name = draw(st.sampled_from([name, name.upper(), name.lower()]))
    year = str(draw(st.integers(1000, 2999) | st.integers(3000, 9999)))
    day = draw(st.none() | st.integers(0, 32).map(str) | st.integers(1, 9).map(lambda d: f"0{d}"))
    if day is None:
        return f"{name} {year}"
    day += draw(st.sampled_from(["", "", "st", "nd", "rd", "th"]))
    return draw(st.sampled_from([f"{day} {name} {year}", f"{name} {day} {year}"]))


@settings(max_examples=600, deadline=None)
@given(written(), st.sampled_from(["DMY", "MDY"]))
def test_a_written_date_is_read_as_dateparser_reads_it(text: str, order: str) -> None:
    ours = written_date(text)
    if ours is not None:
        assert ours == _dateparser(text, order)


def test_what_is_not_a_written_date_goes_to_dateparser() -> None:
    for text in ("31 April 2021", "30 February 2024", "July", "12 2020", "next Tuesday", "2012",
                 "Julyy 2012", "0 May 2020", "14 March 23", "14 March 2023 at noon"):  # fmt: skip
        assert written_date(text) is None, text
    assert written_date("Sept. 5th 2024") == (date(2024, 9, 5), "day")
    assert written_date("July 2012") == (date(2012, 7, 1), "month")
