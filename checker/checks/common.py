"""Helpers the check types share: claim look-ups, related passages, beginnings, dates in words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from checker.language import lexicon
from checker.language.lexicon import ordinal_suffix, ordinal_word
from checker.models import CalendarDate, Claim, Related
from checker.timeline import describe_span

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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


def by_sentence(claims: Iterable[Claim]) -> dict[int, list[Claim]]:
    """The claims grouped by the sentence they start in."""
    found: dict[int, list[Claim]] = {}
    for claim in claims:
        found.setdefault(claim.sentence, []).append(claim)
    return found


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


def _words(text: str) -> list[tuple[int, int]]:
    """The spans of the words of a text (letters, digits and hyphens)."""
    spans, start = [], None
    for i, char in enumerate(text + " "):
        if char.isalnum() or char in "-‐":
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i))
            start = None
    return spans


def _ordinal_span(text: str) -> tuple[int, int] | None:
    words = lexicon.number_words()
    for start, end in _words(text):
        word = text[start:end].lower()
        if word[:-2].isdecimal() and word[-2:] in ("st", "nd", "rd", "th"):
            return start, end
        if word in words and words[word].kind == "ordinal":
            return start, end
    return None


def reorder(text: str, number: int) -> str | None:
    """The text with its ordinal changed to `number`, written as the original was (word, digits)."""
    span = _ordinal_span(text)
    if span is None:
        return None
    written = text[span[0] : span[1]]
    if written[:1].isdecimal():
        new = ordinal_suffix(number)
    else:
        new = ordinal_word(number)
        if written[:1].isupper():
            new = new[:1].upper() + new[1:]
    return text[: span[0]] + new + text[span[1] :]


def ordinal_words(numbers: list[int], digits: bool) -> str:
    """`eleventh`, `tenth or eleventh` (or `9th` when the text wrote digits)."""
    return one_of([ordinal_suffix(n) if digits else ordinal_word(n) for n in numbers])


def written_in_digits(text: str) -> bool:
    """Whether the ordinal in a text is written as digits (`5th`)."""
    span = _ordinal_span(text)
    return span is not None and text[span[0]].isdecimal()


def elapsed_words(first: date, last: date, release: date) -> str:
    """`10 years 3 months`, or `9 years 9 months to 10 years 9 months` from a coarse origin."""
    longest, shortest = describe_span(first, release), describe_span(min(last, release), release)
    return longest if longest == shortest else f"{shortest} to {longest}"


def renumber(text: str, old: int, new: int) -> str | None:
    """The text with the number `old`, written in digits or words, changed to `new`."""
    words = lexicon.number_words()
    for start, end in _words(text):
        word = text[start:end]
        value = (
            int(word)
            if word.isdecimal()
            else words[word.lower()].value
            if word.lower() in words
            else None
        )
        if value == old:
            replacement = str(new) if word.isdecimal() else _cardinal(new, word[:1].isupper())
            return text[:start] + replacement + text[end:]
    return None


def _cardinal(number: int, capital: bool) -> str:
    words = {int(n.value): w for w, n in lexicon.number_words().items() if n.kind == "cardinal"}
    word = words.get(number, str(number))
    return word[:1].upper() + word[1:] if capital else word


def has_year(text: str) -> bool:
    """Whether a text writes a year in four digits."""
    run = 0
    for char in text + " ":
        if char.isdecimal():
            run += 1
            continue
        if run == 4:
            return True
        run = 0
    return False


def origins_by_subject(
    claims: list[Claim], release: date | None, units: Iterable[str] | None = None
) -> dict[str, list[Claim]]:
    """The beginnings with a valid date, by subject, not after the release when it is known."""
    allowed = None if units is None else set(units)
    found: dict[str, list[Claim]] = {}
    for origin in claims:
        if origin.kind != "origin" or origin.subject_id is None or origin.date is None:
            continue
        if not origin.date.is_valid or (release is not None and origin.date.first_day() > release):
            continue
        if allowed is None or origin.unit in allowed:
            found.setdefault(origin.subject_id, []).append(origin)
    return found


def distinct_dates(origins: list[Claim]) -> list[Claim]:
    """The first origin of each distinct date: repeats of one date say nothing new."""
    seen: dict[str, Claim] = {}
    for origin in origins:
        if origin.date is not None:
            seen.setdefault(origin.date.iso(), origin)
    return list(seen.values())


def people(claims: list[Claim]) -> set[str]:
    """The subjects that are people: those with an age or a birth."""
    return {c.subject_id for c in claims if c.kind in ("age", "birth") and c.subject_id}
