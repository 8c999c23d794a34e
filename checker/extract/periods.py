"""Quarters and halves: Q3 2023, the third quarter, fiscal first quarter, the first half of 1989."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.models import CalendarDate, Timex

_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_END = r"(?![\w/])"
Q_FORM = scan.windowed(
    patterns.compile(
        r"\b(?:(?:FY|fiscal)\s*)?Q(?P<q>[1-4])"
        r"(?:\s*(?:of\s+)?(?:(?:FY|fiscal(?:\s+year)?)\s*)?['’]?(?P<year>1[6-9]\d\d|20\d\d|\d\d)|(?=\s*[,;:.)]|\s+[a-z]|\s*$))"
        + _END
    )
)
WORD_FORM = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<the>the)\s+)?(?:(?P<owner>this|last|next)\s+year['’]s\s+|"
        r"(?P<year0>1[6-9]\d\d|20\d\d)\s+)?(?:fiscal[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?P<sep>[\s-]+)"
        r"(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?![\w-])"
        rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?{_YEAR}{_END}|(?P<rel>this|last|next|the)\s+year\b)"
        r"|\s+(?P<rel2>this|last|next)\s+year\b)?",
        re.IGNORECASE,
    )
)
# Cheap triggers for the scans (see scan.finditer).
_Q = scan.trigger(
    patterns.compile(r"Q[1-4]")
)  # a scan for one letter is faster than four needle searches
_UNIT = scan.keyed(patterns.compile(r"\b(?:quarter|half)\b", re.IGNORECASE), "quarter", "half")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}  # fmt: skip
_SHIFT = {"this": 0, "the": 0, "last": -1, "next": 1}


def find(text: str, ctx: Context) -> list[Draft]:
    """Every quarter and half; one without a year takes the release's, read from the tense."""
    return [*_q_forms(text, ctx), *_word_forms(text, ctx)]


def _draft(start: int, end: int, value: str, year: int, written: bool, cue: str) -> Draft:
    return Draft(
        kind="date" if written else "relative", start=start, end=end, value=value,
        timex=Timex(type="DATE", value=value), date=CalendarDate(year=year),
        cue=None if written else cue,
    )  # fmt: skip


def _q_forms(text: str, ctx: Context) -> Iterator[Draft]:
    for m in scan.finditer(Q_FORM, text, _Q, back=12, ahead=20):
        quarter = int(m["q"])
        if m["year"]:
            year = int(m["year"]) if len(m["year"]) == 4 else 2000 + int(m["year"])
        elif ctx.release_date is not None:
            year = _year(3 * quarter - 2, ctx.release_date)
        else:
            continue
        yield _draft(m.start(), m.end(), f"{year}-Q{quarter}", year, bool(m["year"]), "quarter")


def _word_forms(text: str, ctx: Context) -> Iterator[Draft]:
    for m in scan.finditer(WORD_FORM, text, _UNIT, back=40, ahead=40):
        unit = m["unit"].lower()
        word = m["ord"].lower()
        number = 4 if word == "final" and unit == "quarter" else (
            2 if word in ("final", "last") else _ORDINAL[word])  # fmt: skip
        if unit == "half" and number > 2:
            continue
        if word == "last" and (unit == "quarter" or text.startswith(" of", m.end())):
            continue  # "the last quarter" is the one before this one: a relative date
        months = 3 if unit == "quarter" else 6
        rel = (m["owner"] or m["rel"] or m["rel2"] or "").lower()
        release = ctx.release_date
        if m["year"] or m["year0"]:
            year = int(m["year"] or m["year0"])
        elif release is None:
            continue
        elif rel:
            year = release.year + _SHIFT[rel]
        else:
            year = _year((number - 1) * months + 1, release)
        # "the third-quarter results": the article belongs to the noun, not to the quarter.
        start = m.start("ord") if m["the"] and "-" in m["sep"] and not m["owner"] else m.start()
        value = f"{year}-{'Q' if unit == 'quarter' else 'H'}{number}"
        yield _draft(start, m.end(), value, year, bool(m["year"] or m["year0"]), unit)


def _year(first_month: int, release: date) -> int:
    """The year of a quarter or half named without one: the latest to have begun by the
    release (reports and releases speak of periods under way or past, even in the future
    tense: "will report third-quarter results")."""
    return release.year - 1 if first_month > release.month else release.year
