"""Years and what is said of them: bare years, fiscal years, decades, seasons, early 1990."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.models import CalendarDate, Timex

_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d|2100)"
_END = r"(?![\w/])"

DECADE = scan.windowed(
    patterns.compile(
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<decade>1[6-9]\d0|20\d0)['’]?s\b"
        r"|(?:\bthe\s+)?['’](?P<short>\d0)s\b|\bthe\s+(?P<short2>\d0)['’]?s\b",
        re.IGNORECASE,
    )
)
SEASON = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)"
        rf"(?:\s+of)?,?\s+{_YEAR}{_END}",
        re.IGNORECASE,
    )
)
YEAR_MOD = scan.windowed(
    patterns.compile(
        rf"\b(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+{_YEAR}{_END}",
        re.IGNORECASE,
    )
)
FISCAL_YEAR = scan.windowed(
    patterns.compile(
        rf"\b(?:fiscal(?:\s+year)?|FY|financial\s+year)\s*['’]?(?P<year>\d{{4}}|\d\d){_END}",
        re.IGNORECASE,
    )
)
BARE_YEAR = patterns.compile(
    r"(?<![\w$€£¥#./:,-])(?P<year>1[6-9]\d\d|20\d\d|2100)(?![\w%$€£/]|[.,:]\d|-\d)"
)
# Cheap triggers for the scans (see scan.finditer).
_DECADE = scan.keyed(patterns.compile(r"\d0['’]?s\b"), "0s", "0's", "0’s")
_SEASON = scan.keyed(
    patterns.compile(r"\b(?:spring|summer|autumn|fall|winter)", re.IGNORECASE),
    *["spring", "summer", "autumn", "fall", "winter"],
)
_YEAR4 = scan.trigger(patterns.compile(r"\b(?:1[6-9]|20)\d\d\b"))
_FISCAL = scan.keyed(
    patterns.compile(r"\b(?:fiscal|FY|financial)", re.IGNORECASE), "fiscal", "fy", "financial"
)
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Words before a bare year that make it a year and not a count or an address.
_YEAR_CONTEXT = patterns.compile(
    r"(?:\b(?:in|since|from|until|till|to|by|of|during|between|and|or|through|before|after|around|"
    r"circa|c\.|early|mid|late|year|years|the|its|their|for|on|at|than|as|this|that|summer|"
    r"spring|autumn|fall|winter|end|start|beginning|mid-|season|class|cohort|vintage)"
    r"|[(\[–—-])\s*$",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = patterns.compile(
    r"(?:\b(?:no|nos|number|model|room|suite|unit|route|highway|flight|box|ext|tel|phone|fax|"
    r"call|dial|page|pages|pp|version|v|iso|rfc|section|article|chapter|part|rule|bill|grade|"
    r"level|series|type|mark|mk|figure|fig|table|step|item|code|ref|order|invoice)\.?"
    r"|[$€£¥#+×x*/=]|\d[\s.-])\s*$",
    re.IGNORECASE,
)
_NOT_YEAR_AFTER = patterns.compile(
    r"^\s*(?:(?:[A-Z][a-z]+\s+)?(?:street|st\.|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.|"
    r"lane|ln\.?|way|place|plaza|parkway|pkwy|court|ct\.?|suite|highway)\b|[-–]\d{3}|\s?(?:units?|"
    r"people|employees|members|staff|jobs|pieces|items|km|kilometres|kilometers|miles|metres|meters|"
    r"feet|ft|m|kg|tons|tonnes|hectares|acres|calories|words|points|votes|beds|seats|rooms|homes|"
    r"households|students|volunteers|participants|visitors|customers|users|companies|firms|cases|"
    r"patients|children|families|projects)\b)",
    re.IGNORECASE,
)


def _draft(
    match: re.Match[str], year: int, value: str | None = None, note: str | None = None
) -> Draft:
    value = value or f"{year:04d}"
    return Draft(kind="date", start=match.start(), end=match.end(), value=value,
                 timex=Timex(type="DATE", value=value), date=CalendarDate(year=year), note=note)  # fmt: skip


def find(text: str, ctx: Context) -> list[Draft]:
    """Every year, fiscal year, decade and season with a year."""
    return [*_decades(text), *_seasons_and_fiscal(text), *_bare_years(text)]


def two_digit_year(text: str) -> int:
    value = int(text)
    return value + (2000 if value < 50 else 1900) if len(text) == 2 else value


def not_a_year(text: str, start: int, end: int) -> bool:
    """Whether the words around a four-digit number make it a count, a code or an address
    ("Room 2015", "No. 2010", "2000 employees", "2000 Main Street")."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 30]
    return bool(_NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.search(after))


def _bare_years(text: str) -> Iterator[Draft]:
    for match in BARE_YEAR.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        after = text[match.end() : match.end() + 30]
        if not_a_year(text, match.start(), match.end()):
            continue
        if not _YEAR_CONTEXT.search(before) and after[:2].strip()[:1].isupper():
            continue  # "2000 Pennsylvania" reads as an address or a name, not a year
        yield _draft(match, int(match["year"]))


def _decades(text: str) -> Iterator[Draft]:
    for m in scan.finditer(DECADE, text, _DECADE, back=30, ahead=6):
        if m["decade"]:
            value = m["decade"][:3] + "X"
        else:
            short = m["short"] or m["short2"]
            century = "19" if int(short) >= 30 else "20"
            value = century + short[0] + "X"
        yield _draft(m, int(value[:3] + "0"), value, note="a decade")


def _seasons_and_fiscal(text: str) -> Iterator[Draft]:
    for m in scan.finditer(SEASON, text, _SEASON, back=12, ahead=20):
        value = f"{m['year']}-{_SEASONS[m['season'].lower()]}"
        yield _draft(m, int(m["year"]), value)
    for m in scan.finditer(YEAR_MOD, text, _YEAR4, back=30, ahead=6):
        yield _draft(m, int(m["year"]))
    for m in scan.finditer(FISCAL_YEAR, text, _FISCAL, back=2, ahead=30):
        yield _draft(m, two_digit_year(m["year"]))
