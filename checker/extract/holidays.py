"""Named days: Christmas, Thanksgiving Day, New Year's Eve, Easter, Labor Day, Election Day."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from checker.extract import patterns, scan, tense
from checker.extract.base import Context, Draft
from checker.extract.lexicon import words
from checker.models import CalendarDate, Timex


def _nth(weekday: int, month: int, n: int) -> Callable[[int], date]:
    """The n-th (or, for n = -1, the last) given weekday of a month."""

    def day(year: int) -> date:
        if n < 0:
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    return day


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _election(year: int) -> date:
    return _nth(0, 11, 1)(year) + timedelta(days=1)  # the Tuesday after the first Monday


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1), "new year's eve": _fixed(12, 31), "new year's": _fixed(1, 1),
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "valentine's day": _fixed(2, 14), "halloween": _fixed(10, 31),
    "independence day": _fixed(7, 4), "the fourth of july": _fixed(7, 4),
    "veterans day": _fixed(11, 11), "veterans' day": _fixed(11, 11),
    "international women's day": _fixed(3, 8), "earth day": _fixed(4, 22),
    "world environment day": _fixed(6, 5), "labour day": _fixed(5, 1), "may day": _fixed(5, 1),
    "thanksgiving": _nth(3, 11, 4), "thanksgiving day": _nth(3, 11, 4),
    "black friday": lambda y: _nth(3, 11, 4)(y) + timedelta(days=1),
    "cyber monday": lambda y: _nth(3, 11, 4)(y) + timedelta(days=4),
    "labor day": _nth(0, 9, 1), "memorial day": _nth(0, 5, -1),
    "martin luther king day": _nth(0, 1, 3), "martin luther king jr. day": _nth(0, 1, 3),
    "mlk day": _nth(0, 1, 3), "presidents' day": _nth(0, 2, 3), "presidents day": _nth(0, 2, 3),
    "mother's day": _nth(6, 5, 2), "father's day": _nth(6, 6, 3), "columbus day": _nth(0, 10, 2),
    "election day": _election, "easter": easter, "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
}  # fmt: skip
# Days whose date is the United States' own: read only in a US release (month-first dates).
US_ONLY = frozenset(
    name for name in HOLIDAYS
    if any(word in name for word in ("thanksgiving", "black friday", "cyber", "labor day",
           "memorial", "martin", "mlk", "president", "mother", "father", "columbus",
           "election", "independence", "veterans"))
)  # fmt: skip
_NAMES = "|".join(
    re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
    for name in sorted(HOLIDAYS, key=len, reverse=True)
)
HOLIDAY = scan.windowed(
    patterns.compile(
        r"\b(?:(?P<mod>last|next|this|this\s+past|this\s+coming)\s+)?"
        rf"(?P<name>{_NAMES})(?![\w’'-])(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d)\b)?",
        re.IGNORECASE,
    )
)
_TRIGGER = scan.keyed(
    patterns.compile(
        r"\b(?:new\s+year|christmas|boxing|valentine|halloween|independence|fourth\s+of|veterans|"
        r"women|earth|environment|labou?r|may\s+day|thanksgiving|black|cyber|memorial|martin|mlk|"
        r"president|mother|father|columbus|election|easter|good\s+friday)",
        re.IGNORECASE,
    ),
    *words(
        "new christmas boxing valentine halloween independence fourth veterans women earth "
        "environment labo may thanksgiving black cyber memorial martin mlk president mother "
        "father columbus election easter good"
    ),
)


def find(text: str, ctx: Context) -> list[Draft]:
    """Every named holiday, in the year written or the one the tense points to."""
    return list(_holidays(text, ctx))


def _holidays(text: str, ctx: Context) -> Iterator[Draft]:
    for m in scan.finditer(HOLIDAY, text, _TRIGGER, back=20, ahead=40):
        name = " ".join(m["name"].lower().replace("’", "'").split())
        if not m["name"][0].isupper() and not name.startswith("the"):
            continue  # "earth day" in lower case is not the holiday's name
        if name in US_ONLY and ctx.date_order != "MDY":
            continue
        rule = HOLIDAYS[name]
        if m["year"]:
            day = rule(int(m["year"]))
        elif ctx.release_date is None:
            continue
        else:
            day = _nearest(text, m, rule, ctx.release_date)
        yield Draft(
            kind="date" if m["year"] else "relative", start=m.start(), end=m.end(),
            value=day.isoformat(), timex=Timex(type="DATE", value=day.isoformat()),
            date=CalendarDate.of(day), cue=None if m["year"] else name,
        )  # fmt: skip


def _nearest(text: str, m: re.Match[str], rule: Callable[[int], date], release: date) -> date:
    """This year's holiday, or last/next year's when "last"/"next" or the tense says so."""
    mod = " ".join((m["mod"] or "").lower().split())
    this = rule(release.year)
    if mod.endswith("last") or mod.endswith("past"):
        return this if this < release else rule(release.year - 1)
    if mod.endswith("next") or mod.endswith("coming"):
        return this if this > release else rule(release.year + 1)
    way = tense.direction(text, m.start(), m.end())
    if way == tense.PAST and this > release:
        return rule(release.year - 1)
    if way == tense.FUTURE and this < release:
        return rule(release.year + 1)
    return this
