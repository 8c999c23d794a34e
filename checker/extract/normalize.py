"""Turns a date span our patterns found into a calendar date, with one configured dateparser."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from checker.extract import patterns
from checker.extract.lexicon import month_number
from checker.models import CalendarDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["year", "month", "day"]

# A day, a month in words and a year, or a month and a year: no setting changes how dateparser
# reads them, and reading them here spares a document dateparser's first call (0.15 s of CPU
# to compile its language data) and ~1 ms a span after it. tests/test_normalize.py holds the
# readings to dateparser's own; anything else still goes to dateparser.
_WRITTEN = patterns.compile(
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?P<month>[A-Za-z]{3,9}\.?)"
    r"|(?P<month2>[A-Za-z]{3,9}\.?)(?:\s(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?)\s(?P<year>\d{4})"
)


def written_date(text: str) -> tuple[date, str] | None:
    """The date and dateparser's period ("day", "month") of "14 March 2023", "Sept. 5th 2024"
    or "July 2012"; None for any other text, or a day the month does not have."""
    found = _WRITTEN.fullmatch(text)
    if found is None:
        return None
    month = month_number(found["month"] or found["month2"])
    day = found["day"] or found["day2"]
    year = int(found["year"])
    if month is None or year < 1000:
        return None
    try:
        return date(year, month, int(day or 1)), "day" if day else "month"
    except ValueError:
        return None


class DateNormalizer:
    """One `DateDataParser` per run: English, relative base = the release date, never the clock."""

    def __init__(self, release_date: date | None, date_order: str = "DMY") -> None:
        # Without a release date, relative expressions cannot be resolved; the base is only a
        # placeholder that makes dateparser deterministic (it would otherwise read the clock).
        self.release_date = release_date
        self.base = datetime.combine(release_date or date(2000, 1, 1), datetime.min.time())
        self.date_order = date_order
        self._parser: DateDataParser | None = None
        self.parse = lru_cache(maxsize=4096)(self._parse)

    def _dateparser(self) -> DateDataParser:
        if self._parser is None:
            # dateparser is slow to import: only a document with a date span pays for it.
            from dateparser.date import DateDataParser

            self._parser = DateDataParser(
                languages=["en"],
                settings={
                    "RELATIVE_BASE": self.base,
                    "PREFER_DAY_OF_MONTH": "first",
                    "PREFER_DATES_FROM": "current_period",
                    "DATE_ORDER": self.date_order,
                    "RETURN_TIME_AS_PERIOD": True,
                    "STRICT_PARSING": False,
                },
            )
        return self._parser

    def _parse(self, text: str) -> tuple[date, str] | None:
        if (written := written_date(text)) is not None:
            return written
        data: Any = self._dateparser().get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        return data.date_obj.date(), str(data.period)

    def calendar(self, text: str, precision: Precision) -> CalendarDate | None:
        """The date a span names, kept at the precision written (a year stays a year)."""
        parsed = self.parse(" ".join(text.replace(",", " ").split()))
        if parsed is None:
            return None
        day, _ = parsed
        if precision == "year":
            return CalendarDate(year=day.year)
        if precision == "month":
            return CalendarDate(year=day.year, month=day.month)
        return CalendarDate.of(day)

    def relative(self, text: str) -> date | None:
        """The day a relative expression ("last Tuesday", "three days ago") points at."""
        if self.release_date is None:
            return None
        parsed = self.parse(" ".join(text.split()))
        return parsed[0] if parsed else None
