"""Helpers the check types share: claim look-ups, related passages, dates in words."""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable
from datetime import date

from checker.document import Document
from checker.extract.lexicon import (
    MONTH_NAMES,
    ORDINAL_DIGITS_RE,
    ORDINAL_WORD_RE,
    WEEKDAY_NAMES,
    ordinal_suffix,
    ordinal_word,
)
from checker.models import CalendarDate, Claim, Related
from checker.timeline import describe_span

_ORDINAL = re.compile(rf"\b(?:{ORDINAL_DIGITS_RE}|{ORDINAL_WORD_RE})\b", re.IGNORECASE)


def by_id(claims: Iterable[Claim]) -> dict[str, Claim]:
    """The claims by their id."""
    return {c.id: c for c in claims}


def parts(claim: Claim, index: dict[str, Claim]) -> list[Claim]:
    """The claims a claim joins or reads, in order."""
    return [index[p] for p in claim.parts if p in index]


def date_part(claim: Claim, index: dict[str, Claim]) -> Claim:
    """The date claim inside an origin, birth or since claim (the claim itself when none)."""
    return next((p for p in parts(claim, index) if p.kind == "date"), claim)


def related(claim: Claim, label: str) -> Related:
    """A related passage for a claim."""
    return Related(start=claim.start, end=claim.end, text=claim.text, label=label)


_STARTS: dict[int, tuple[weakref.ref[Document], list[int]]] = {}


def _starts(document: Document) -> list[int]:
    """The sentence starts of a document, computed once per document."""
    known = _STARTS.get(id(document))
    if known is not None and known[0]() is document:
        return known[1]
    if len(_STARTS) > 16:
        _STARTS.clear()
    starts = [start for start, _ in document.sentences]
    _STARTS[id(document)] = (weakref.ref(document), starts)
    return starts


def sentence_of(document: Document, offset: int) -> tuple[int, int]:
    """`document.sentence_at(offset)`, in logarithmic time however many sentences there are."""
    index = bisect.bisect_right(_starts(document), offset) - 1
    if index >= 0:
        start, end = document.sentences[index]
        if start <= offset < end:
            return start, end
    return document.sentence_at(offset)


def same_sentence(document: Document, a: Claim, b: Claim) -> bool:
    """Whether two claims start in the same sentence."""
    return sentence_of(document, a.start) == sentence_of(document, b.start)


def day_words(day: date) -> str:
    """`20 April 2023`."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def weekday_day_words(day: date) -> str:
    """`Thursday 20 April 2023`."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day_words(day)}"


def calendar_words(value: CalendarDate) -> str:
    """A date at its precision: `2012`, `July 2012` or `20 April 2023`."""
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def one_of(values: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} or {values[-1]}"


def numbers_words(numbers: list[int]) -> str:
    """A run of whole numbers: `57`, `57 or 58`, `10 to 13`."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return one_of([str(n) for n in numbers])


def reorder(text: str, number: int) -> str | None:
    """The text with its ordinal changed to `number`, written as the original was (word, digits)."""
    match = _ORDINAL.search(text)
    if match is None:
        return None
    written = match.group(0)
    if written[:1].isdigit():
        new = ordinal_suffix(number)
    else:
        new = ordinal_word(number)
        if written[:1].isupper():
            new = new[:1].upper() + new[1:]
    return text[: match.start()] + new + text[match.end() :]


def ordinal_words(numbers: list[int], digits: bool) -> str:
    """`eleventh`, `tenth or eleventh` (or `9th` when the text wrote digits)."""
    return one_of([ordinal_suffix(n) if digits else ordinal_word(n) for n in numbers])


def written_in_digits(text: str) -> bool:
    """Whether the ordinal in a text is written as digits (`5th`)."""
    match = _ORDINAL.search(text)
    return bool(match and match.group(0)[:1].isdigit())


def elapsed_words(first: date, last: date, release: date) -> str:
    """`10 years 3 months`, or `9 years 9 months to 10 years 9 months` from a coarse origin."""
    longest, shortest = describe_span(first, release), describe_span(min(last, release), release)
    return longest if longest == shortest else f"{shortest} to {longest}"


def renumber(text: str, old: int, new: int) -> str | None:
    """The text with the number `old`, written in digits, changed to `new`."""
    match = re.search(rf"(?<!\d){old}(?!\d)", text)
    if match is None:
        return None
    return text[: match.start()] + str(new) + text[match.end() :]


def first_beginning(document: Document, origin: Claim) -> bool:
    """Whether an origin tells of a first beginning: "re-established in 2005" does not."""
    cue = (origin.cue or "").split()[0] if origin.cue else ""
    if not cue:
        return True
    window = document.text[max(0, origin.start - 4) : origin.end]
    return re.search(rf"\bre-?{re.escape(cue)}\b", window, re.IGNORECASE) is None


def origins_by_subject(
    document: Document, claims: list[Claim], cues: Iterable[str] | None = None
) -> dict[str, list[Claim]]:
    """The first beginnings with a valid date, by subject, not after the release when it is known."""
    allowed = None if cues is None else set(cues)
    release = document.release_date
    found: dict[str, list[Claim]] = {}
    for origin in claims:
        if origin.kind != "origin" or origin.subject_id is None or origin.date is None:
            continue
        if not origin.date.is_valid or (release is not None and origin.date.first_day() > release):
            continue
        if (allowed is None or origin.cue in allowed) and first_beginning(document, origin):
            found.setdefault(origin.subject_id, []).append(origin)
    return found


def distinct_dates(origins: list[Claim]) -> list[Claim]:
    """The first origin of each distinct date: repeats of one date say nothing new."""
    seen: dict[str, Claim] = {}
    for origin in origins:
        if origin.date is not None:
            seen.setdefault(origin.date.iso(), origin)
    return list(seen.values())
