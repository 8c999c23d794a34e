"""Years and decades said in words: nineteen ninety-six, the year two thousand, the nineties."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.lexicon import CARDINALS, MONTH_NAMES, month_number
from checker.models import CalendarDate, Timex

_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_PAIR = rf"(?:(?:{_TENS})(?:[\s-](?:{_UNITS}))?|{_TEENS}|oh[\s-](?:{_UNITS})|hundred)"
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SPOKEN_YEAR = scan.windowed(
    patterns.compile(
        rf"\b(?:(?P<month>{'|'.join(MONTH_NAMES)})\s+|(?:the\s+)?(?P<season>spring|summer|autumn|fall|"
        r"winter)\s+of\s+)?"
        rf"(?:(?P<century>eighteen|nineteen|twenty)[\s-](?P<pair>{_PAIR})"
        rf"|(?P<the>the\s+year\s+)(?P<thousand>two\s+thousand(?:\s+(?:and\s+)?(?P<unit>{_UNITS}|{_TEENS}))?))"
        r"\b(?![\s-](?:percent|per\s+cent|people|dollars|million|billion|thousand|hundred|times)\b)",
        re.IGNORECASE,
    )
)
DECADE_WORD = scan.windowed(
    patterns.compile(
        r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:nineteen[\s-])?(?P<decade>twenties|thirties|forties|fifties|"
        r"sixties|seventies|eighties|nineties)\b",
        re.IGNORECASE,
    )
)
CENTURY = scan.windowed(
    patterns.compile(
        r"\b(?:the\s+)?(?P<ord>(?:1[0-9]|2[01])(?:st|nd|rd|th)|eleventh|twelfth|thirteenth|fourteenth|"
        r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)\s+century\b",
        re.IGNORECASE,
    )
)
_TRIGGER = scan.keyed(
    patterns.compile(
        r"\b(?:eighteen|nineteen|twenty|two\s+thousand|century|(?:twen|thir|for|fif|six|seven|eigh|"
        r"nine)ties)",
        re.IGNORECASE,
    ),
    "eighteen",
    "nineteen",
    "twenty",
    "thousand",
    "century",
    "ties",
)
_CENTURIES = {"eighteen": 18, "nineteen": 19, "twenty": 20}
_ORDINAL_CENTURIES = {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip


def _pair(words: str) -> int | None:
    """The last two digits a spoken pair stands for: "ninety-six" 96, "oh five" 5."""
    text = " ".join(words.lower().replace("-", " ").split())
    if text == "hundred":
        return 0
    if text.startswith("oh "):
        return CARDINALS.get(text[3:])
    parts = text.split()
    return sum(CARDINALS.get(p, 0) for p in parts) if all(p in CARDINALS for p in parts) else None


def find(text: str, ctx: Context) -> list[Draft]:
    """Every year, decade and century said in words."""
    return [*_years(text), *_decades(text), *_centuries(text)]


def _date(m: re.Match[str], value: str, day: CalendarDate | None) -> Draft:
    return Draft(kind="date", start=m.start(), end=m.end(), value=value,
                 timex=Timex(type="DATE", value=value), date=day, note="said in words")  # fmt: skip


def _years(text: str) -> Iterator[Draft]:
    for m in scan.finditer(SPOKEN_YEAR, text, _TRIGGER, back=40, ahead=60):
        if m["century"]:
            pair = _pair(m["pair"])
            if pair is None:
                continue
            year = _CENTURIES[m["century"].lower()] * 100 + pair
        else:
            year = 2000 + (CARDINALS.get(m["unit"].lower(), 0) if m["unit"] else 0)
        if m["month"]:
            if not m["month"][0].isupper():
                continue
            month = month_number(m["month"]) or 1
            yield _date(m, f"{year}-{month:02d}", CalendarDate(year=year, month=month))
        elif m["season"]:
            yield _date(m, f"{year}-{_SEASONS[m['season'].lower()]}", CalendarDate(year=year))
        else:
            yield _date(m, str(year), CalendarDate(year=year))


def _decades(text: str) -> Iterator[Draft]:
    for m in scan.finditer(DECADE_WORD, text, _TRIGGER, back=20, ahead=12):
        tens = CARDINALS[m["decade"].lower().replace("ies", "y")]
        value = f"19{tens // 10}X"
        yield _date(m, value, CalendarDate(year=1900 + tens))


def _centuries(text: str) -> Iterator[Draft]:
    for m in scan.finditer(CENTURY, text, _TRIGGER, back=30, ahead=4):
        word = m["ord"].lower()
        number = _ORDINAL_CENTURIES.get(word) or int(word[:-2])
        value = f"{number - 1:02d}XX"
        yield _date(m, value, None)
