"""Turns a date span our patterns found into a calendar date, with one configured dateparser."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from checker.models import CalendarDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["year", "month", "day"]


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
