"""Loading: encodings, front matter, the release date and where it came from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.document import find_dateline, from_text, load
from checker.errors import InputError


@pytest.mark.parametrize(
    ("head", "expected", "order"),
    [
        ("GENEVA, 14 March 2023 – The Forum said.", date(2023, 3, 14), "DMY"),
        ("GENEVA, Tuesday 14 March 2023 – The Forum said.", date(2023, 3, 14), "DMY"),
        ("BRUSSELS (7 October 2022) - The EU said.", date(2022, 10, 7), "DMY"),
        ("Willingboro, NJ, September 5, 2024. The town said.", date(2024, 9, 5), "MDY"),
        ("NEW YORK, Oct. 3, 2025 /PRNewswire/ -- Acme said.", date(2025, 10, 3), "MDY"),
        ("Title line\n\nLONDON, 2 June 2021 — The bank said.", date(2021, 6, 2), "DMY"),
    ],
)
def test_dateline(head: str, expected: date, order: str) -> None:
    document = from_text(head)
    assert (document.release_date, document.date_source, document.date_order) == (
        expected, "dateline", order,
    )  # fmt: skip


def test_no_dateline_in_running_text() -> None:
    assert find_dateline("The meeting on 5 May 2020 went well.\n", 0) is None
    assert from_text("Nothing dated here.").date_source == "none"
    assert (
        from_text("The Forum, founded on 1 July 2012, is in its ninth year.").release_date is None
    )


def test_header_line_with_text_after_it() -> None:
    document = from_text("date 2022-10-08 Senior Officials met today.")
    assert document.release_date == date(2022, 10, 8)
    assert document.date_source == "header line"
    assert document.text[document.body_start :].startswith("Senior")


def test_order_of_sources() -> None:
    text = "---\ndate: 2024-06-12\n---\nGENEVA, 14 March 2023 – Hello."
    assert from_text(text).date_source == "front matter"
    assert from_text(text, release_date=date(2020, 1, 1)).release_date == date(2020, 1, 1)
    assert from_text(text, release_date=date(2020, 1, 1)).date_source == "--date"


def test_front_matter_errors_are_one_line() -> None:
    with pytest.raises(InputError, match="not a day in the form YYYY-MM-DD"):
        from_text("---\ndate: soon\n---\nBody")
    with pytest.raises(InputError, match="not valid YAML"):
        from_text("---\ndate: [unclosed\n---\nBody")


def test_alias_bomb_in_front_matter_is_refused() -> None:
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n---\nBody"
    with pytest.raises(InputError, match="aliases are not allowed"):
        from_text(bomb)


def test_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2022-10-08 Hello".encode())
    document = load(str(path))
    assert document.text.startswith("date") and document.release_date == date(2022, 10, 8)


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"\x00\x01\x02binary", "NUL bytes"), ("caf\xe9".encode("latin-1"), "not UTF-8")],
)
def test_not_text(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=message) as caught:
        load(str(path))
    assert str(path) in caught.value.line() and "\n" not in caught.value.line()


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load("/nonexistent/release.txt")


def test_sentences_do_not_split_at_abbreviations() -> None:
    document = from_text("Mr. Smith met Dr. Jones on Oct. 3. They agreed.")
    texts = [document.text[s:e] for s, e in document.sentences]
    assert texts == ["Mr. Smith met Dr. Jones on Oct. 3.", "They agreed."]


@pytest.mark.parametrize("last", ["TikTok, and X.", "Numatec Inc.", "Brilla Media Ventures Ltd."])
def test_a_blank_line_ends_a_sentence_after_an_abbreviation(last: str) -> None:
    document = from_text(
        f"The stories are live on {last}\n\nafter a first outing in 2001, it returns."
    )
    texts = [document.text[s:e] for s, e in document.sentences]
    assert texts == [f"The stories are live on {last}", "after a first outing in 2001, it returns."]


def test_line_and_column() -> None:
    document = from_text("one\ntwo three")
    assert document.line_column(0) == (1, 1)
    assert document.line_column(8) == (2, 5)
