"""Claims built from other claims: ranges, "since X", and a date given in brackets after another."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from checker.extract import patterns, scan
from checker.extract.base import Context, Draft
from checker.extract.dates import closest_year
from checker.extract.lexicon import MONTH_RE, WEEKDAY_RE, month_number, weekday_number
from checker.extract.years import not_a_year
from checker.language import lexicon
from checker.models import CalendarDate, Passage, Timex
from checker.timeline import completed_years_range

_YEAR = r"1[6-9]\d\d|20\d\d"
COMPACT_YEARS = scan.windowed(
    patterns.compile(
        rf"(?<![\w/.$€£-])(?P<a>{_YEAR})\s*(?P<sep>[–—-]|/)\s*(?P<b>{_YEAR}|\d\d)(?![\w/%]|[.,]\d|-\d)"
    )
)
DAY_SPAN = scan.windowed(
    patterns.compile(
        rf"(?<![\w/-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[–—-]|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"\s+(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{_YEAR})\b|(?![\w-]))"
        rf"|(?P<month2>{MONTH_RE})\s+(?P<e1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[–—-]|to)\s*"
        rf"(?P<e2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year2>{_YEAR})\b"
        r"|(?![\w%.,-]\d|\s*(?:%|percent|per\s+cent|million|billion)|[\w-]))",
        re.IGNORECASE,
    )
)
_YEAR_JOIN = scan.trigger(patterns.compile(r"\d{4}\s*[–—/-]"))
_RANGE_LEAD = patterns.compile(
    r"(?:\b(?:from|between)|\bthe\s+(?:period|years)(?:\s+(?:from|between))?)\s+$", re.IGNORECASE
)
_JOINER = patterns.compile(
    r"\s*,?\s*(?:to|until|till|through|thru|and|[–—-]{1,2}|/)\s*", re.IGNORECASE
)
_BRACKETED = patterns.compile(r"\s*[(\[]\s*$")
_SINCE = patterns.compile(
    r"\bsince\s+(?:(?:early|mid|late|the\s+(?:end|beginning|start)\s+of)[\s-]+)?$", re.IGNORECASE
)
_DATED = ("date", "relative")


def _range(a: Draft, b: Draft, start: int) -> Draft:
    value = f"{a.value} – {b.value}"
    # Both ends remember their range, so that `ranges` does not join them a second time.
    a.extra["joined"] = b.extra["joined"] = True
    return Draft(kind="range", start=start, end=b.end, value=value, links=[a, b])


def ranges(text: str, atoms: list[Draft]) -> Iterator[Draft]:
    """Two dates joined into a range: from X to Y, between X and Y, X–Y, the period X – Y."""
    dated = [d for d in atoms if d.kind in _DATED and d.date is not None]
    for a, b in itertools.pairwise(dated):
        if a.extra.get("joined") and b.extra.get("joined"):
            continue  # "14–16 March 2023" is already one range
        joiner = _JOINER.fullmatch(text, a.end, b.start)
        if not joiner:
            continue
        word = joiner.group(0).strip(" ,").lower()
        lead = _RANGE_LEAD.search(text, max(0, a.start - 30), a.start)
        if lead is not None and _moved(text, lead.start()):
            continue  # "brought its closure forward from 2035 to 2030": a change of date
        if word == "and" and not (lead and "between" in lead.group(0).lower()):
            continue
        same_precision = (
            a.date is not None and b.date is not None and (a.date.precision == b.date.precision)
        )
        if word in ("to", "until", "till", "/") and lead is None and not same_precision:
            continue
        yield _range(a, b, lead.start() if lead else a.start)


def _moved(text: str, start: int) -> bool:
    """Whether a verb that moves a date comes within a few words before `start`."""
    words = text[max(0, start - 60) : start].lower().split()[-5:]
    movers = lexicon.words("target_changes.txt")
    return any(w.strip(",.;") in movers for w in words)


def compact_ranges(text: str, ctx: Context) -> Iterator[Draft]:
    """Ranges written as one token: 2015-2021, 2015–21, 14–16 March 2023; with their dates."""
    for m in scan.finditer(COMPACT_YEARS, text, _YEAR_JOIN, back=2, ahead=14):
        if not_a_year(text, m.start(), m.end()):
            continue  # "Room 2015-2021"
        first = int(m["a"])
        second = int(m["b"]) if len(m["b"]) == 4 else first // 100 * 100 + int(m["b"])
        if len(m["b"]) == 2 and m["sep"] == "-" and second < first:
            continue
        if m["sep"] == "/" and second not in (first + 1, first - 1):
            continue  # 2015/16 is a season or a financial year (2015/14 one written backwards)
        a = _year(m.start("a"), m.end("a"), first)
        b = _year(m.start("b"), m.end("b"), second)
        lead = _RANGE_LEAD.search(text, max(0, m.start() - 30), m.start())
        yield a
        yield b
        yield _range(a, b, lead.start() if lead else m.start())
    for m in scan.finditer(DAY_SPAN, text, scan.MONTH, back=30, ahead=30):
        month_text, year_text = (m["month"], m["year"]) if m["month"] else (m["month2"], m["year2"])
        d1, d2 = (m["d1"], m["d2"]) if m["d1"] else (m["e1"], m["e2"])
        month = month_number(month_text)
        if month is None or not (1 <= int(d1) <= 31 and 1 <= int(d2) <= 31):
            continue
        year = int(year_text) if year_text else closest_year(month, int(d1), ctx.release_date)
        if year is None:
            continue
        first_span = (m.start("d1"), m.end("d1")) if m["d1"] else (m.start("month2"), m.end("e1"))
        second_span = (m.start("d2"), m.end()) if m["d1"] else (m.start("e2"), m.end())
        a = _day(first_span, CalendarDate(year=year, month=month, day=int(d1)))
        b = _day(second_span, CalendarDate(year=year, month=month, day=int(d2)))
        yield a
        yield b
        yield _range(a, b, m.start())


def _year(start: int, end: int, year: int) -> Draft:
    day = CalendarDate(year=year)
    return Draft(kind="date", start=start, end=end, value=day.iso(),
                 timex=Timex(type="DATE", value=day.iso()), date=day)  # fmt: skip


def _day(span: tuple[int, int], day: CalendarDate) -> Draft:
    return Draft(kind="date", start=span[0], end=span[1], value=day.iso(),
                 timex=Timex(type="DATE", value=day.iso()), date=day)  # fmt: skip


_WEEKDAY_PAIR = patterns.compile(
    rf"(?P<first>{WEEKDAY_RE})\s*(?:[–—-]|to)\s*(?P<second>{WEEKDAY_RE})", re.IGNORECASE
)


def weekday_ranges(text: str, atoms: list[Draft]) -> list[Draft]:
    """`Wednesday–Friday, November 27–29`: the first weekday is the first day's (the date took
    the second as its own, and the first stood alone as a weekday of its own)."""
    dropped: set[int] = set()
    for before, atom in itertools.pairwise(atoms):
        if atom.kind != "date" or atom.weekday is None or before.kind != "relative":
            continue
        pair = _WEEKDAY_PAIR.match(text, before.start, atom.start + 40)
        if pair is None or pair.start("second") != atom.start:
            continue
        first = weekday_number(pair["first"])
        if first is not None:
            atom.weekday = first
            dropped.add(id(before))
    for lead, second, day in zip(atoms, atoms[1:], atoms[2:], strict=False):
        # `Thursday–Friday 25–26 July`: the weekdays of a day range, in order; the first day
        # takes the first weekday (the second day's is the first's plus one, as in the range)
        if lead.kind != "relative" or second.kind != "relative" or day.kind != "date":
            continue
        if day.weekday is not None or day.date is None or day.date.day is None:
            continue
        pair = _WEEKDAY_PAIR.match(text, lead.start, second.end)
        if pair is None or pair.end() != second.end or text[second.end : day.start].strip(" ,"):
            continue
        weekday = weekday_number(pair["first"])
        if weekday is not None:
            day.weekday, day.start = weekday, lead.start
            dropped.update((id(lead), id(second)))
    return [a for a in atoms if id(a) not in dropped]


def trailing_weekdays(text: str, atoms: list[Draft]) -> list[Draft]:
    """`July 22, 2025 (Monday)`, `November 15, 2024, a Tuesday,`: a weekday said after a date
    is the date's own, and the claim runs over both (the weekday is no relative date)."""
    dropped: set[int] = set()
    for date_, after in itertools.pairwise(atoms):
        if date_.kind != "date" or date_.weekday is not None or after.kind != "relative":
            continue
        if after.weekday is None or date_.date is None or date_.date.day is None:
            continue
        between = " ".join(text[date_.end : after.start].split()).lower()
        close = text[after.end : after.end + 1]
        if (between == "(" and close == ")") or (
            between in (", a", ", which was a", "- a", "– a") and close in (",", ".", ";", ")", "")
        ):
            date_.weekday = after.weekday
            date_.end = after.end + (1 if close == ")" else 0)
            dropped.add(id(after))
    return [a for a in atoms if id(a) not in dropped]


def link_brackets(text: str, atoms: list[Draft]) -> None:
    """The date written beside a relative one, linked to it: `today (07/10)`, `this morning
    (Saturday, May 17)`, `tomorrow, Tuesday,`, `As of today, October 26, 2025,` and the other
    way about, `on Wednesday (today)`."""
    dated = [d for d in atoms if d.kind in _DATED]
    for a, b in itertools.pairwise(dated):
        close = text[b.end : b.end + 3].lstrip()[:1]
        bracketed = bool(_BRACKETED.fullmatch(text, a.end, b.start)) and close in (")", "]")
        if b.kind == "date" and bracketed:
            end = text.index(close, b.end) + 1
            _beside(a, b, Passage(start=a.start, end=end, text=text[a.start : end]))
        elif _day_word(b) and bracketed and (a.kind == "date" or a.weekday is not None):
            end = text.index(close, b.end) + 1  # "on Wednesday (today)"
            _beside(b, a, Passage(start=a.start, end=end, text=text[a.start : end]))
        elif (
            _day_word(a)
            and (b.kind == "date" or b.weekday is not None)
            and text[a.end : b.start].strip() == ","
            and (close in (",", ".", ";", ":") or text[b.end :].lstrip().startswith("and "))
        ):
            # "tomorrow, Tuesday, and …", "As of today, October 26, 2025, …": in apposition
            _beside(a, b, Passage(start=a.start, end=b.end, text=text[a.start : b.end]))


def _day_word(draft: Draft) -> bool:
    """A relative day with no weekday of its own: today, tonight, yesterday afternoon."""
    return (
        draft.kind == "relative"
        and draft.weekday is None
        and draft.date is not None
        and (draft.date.day is not None)
    )


def _beside(relative: Draft, written: Draft, passage: Passage) -> None:
    relative.links.append(written)
    relative.extra["bracketed"] = passage


def since(text: str, ctx: Context, atoms: list[Draft]) -> Iterator[Draft]:
    """`since 2012`, `since its creation in 2010`: a duration from a date to the release."""
    for atom in atoms:
        if atom.kind != "date" or atom.date is None or not atom.date.is_valid:
            continue  # "since 31 April" counts no years: invalid-date reports the day
        window = text[max(0, atom.start - 60) : atom.start]
        direct = _SINCE.search(window)
        indirect = re.search(
            r"\bsince\s+(?:its|their|his|her|the)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:in|on)\s+$",
            window,
            re.IGNORECASE,
        )
        found = direct or indirect
        if not found:
            continue
        start = atom.start - len(window) + found.start()
        value, low, high = "PXY", None, None
        if ctx.release_date is not None:
            fewest, most = completed_years_range(atom.date, ctx.release_date)
            low, high = float(max(fewest, 0)), float(max(most, 0)) + 1
            value = f"P{most}Y" if fewest == most else f"P{fewest}Y"
        yield Draft(
            kind="duration", start=start, end=atom.end, value=value,
            timex=Timex(type="DURATION", value=value), low=low, high=high, bounds="[)",
            unit="year", cue="since", links=[atom],
        )  # fmt: skip
