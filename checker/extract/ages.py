"""Ages and births: "Maria Lopez, 52,", "the 61-year-old director", "born in 1965"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import phrases
from checker.extract.base import Context, Draft, anchored
from checker.extract.lexicon import CARDINAL_WORD_RE, MONTHS, WEEKDAYS, cardinal_value

_NAME = r"(?P<name>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)"
APPOSITIVE = re.compile(
    rf"{_NAME},\s+(?:aged\s+)?(?P<age>\d{{1,3}})(?=[,;)]|\.(?!\d)|\s+(?:who|and)\b)"
)
HYPHENATED = re.compile(
    rf"\b(?P<age>\d{{1,3}}|(?i:{CARDINAL_WORD_RE}))[-\s](?i:year)[-\s](?i:old)\b"
    rf"(?P<noun>\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}}|[a-z][\w-]*))?",
)
_COMMA_NUMBER = re.compile(r",\s+(?:aged\s+)?\d{1,3}\b")
_YEAR_OLD = re.compile(r"year[-\s]old\b", re.IGNORECASE)
AGED = re.compile(r"\b(?:aged|age)\s+(?P<age>\d{1,3})\b(?!\s*(?:[-–]|to)\s*\d)", re.IGNORECASE)
BORN = re.compile(r"\bborn\s+(?:(?:in|on)\s+)?$", re.IGNORECASE)
BORN_BRACKET = re.compile(r"\((?:born|b\.)\s+$", re.IGNORECASE)
_NOT_PERSON = re.compile(
    r"^(?:The|A|An|In|On|At|By|Since|From|Of|For|And|Vol|No|Section|Article|Chapter|Suite|Room|"
    r"Route|Level|Page|Step|Phase|Part|Unit|Floor|Building|Street|Avenue|Road|District|Region)\b"
)
_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)
_PERSON_NOUNS = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "son",
        "daughter",
        "mother",
        "father",
        "grandmother",
        "grandfather",
        "wife",
        "husband",
        "student",
        "pupil",
        "artist",
        "singer",
        "player",
        "pianist",
        "violinist",
        "athlete",
        "runner",
        "teacher",
        "nurse",
        "doctor",
        "engineer",
        "worker",
        "farmer",
        "resident",
        "veteran",
        "survivor",
        "founder",
        "owner",
        "volunteer",
        "member",
        "leader",
    ]
)


def find(text: str, ctx: Context, atoms: list[Draft]) -> list[Draft]:
    """Stated ages with the person they belong to, and birth dates."""
    return list(_ages(text, atoms)) + list(_births(text, atoms))


def _person_like(name: str) -> bool:
    words = name.split()
    # "Jan Novak" and "June Carter" are names; "Tuesday Nov" and "Friday March" are dates.
    if _NOT_PERSON.match(name) or any(w.lower().rstrip(".") in _CALENDAR_WORDS for w in words[1:]):
        return False
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _age(start: int, end: int, age: int, person: str | None, span: tuple[int, int] | None) -> Draft:
    draft = Draft(kind="age", start=start, end=end, value=f"{age} years old", number=age,
                  unit="year", subject=person)  # fmt: skip
    if span:
        draft.extra["subject_span"] = span
    return draft


def _ages(text: str, atoms: list[Draft]) -> Iterator[Draft]:
    taken = [(a.start, a.end) for a in atoms]
    for m in anchored(_COMMA_NUMBER, APPOSITIVE, text, reach=60, tail=20):
        age = int(m["age"])
        if not 1 <= age <= 119 or any(s < m.end("age") and m.start("age") < e for s, e in taken):
            continue
        name = m["name"]
        # Titles before a name ("Chair Kari Nordmann") stay out of the person's name.
        words = name.split()
        while len(words) > 2 and words[0].lower() in _TITLES:
            words = words[1:]
        name = " ".join(words)
        if not _person_like(name):
            continue
        name_start = m.end("name") - len(name)
        yield _age(m.start("age"), m.end("age"), age, name, (name_start, m.end("name")))
    for m in anchored(_YEAR_OLD, HYPHENATED, text, reach=40, tail=60):
        stated = cardinal_value(m["age"])
        if stated is None or not 1 <= stated <= 119:
            continue
        noun = (m["noun"] or "").strip()
        if noun and noun[0].islower() and noun not in _PERSON_NOUNS | _TITLES:
            continue  # "a three-year-old programme" is the age of a thing
        span = (m.end("noun") - len(noun), m.end("noun")) if noun else None
        person = noun or None
        if person is None:
            before = phrases.before(text, m.start(), max(0, m.start() - 120))
            span, person = (before, text[before[0] : before[1]]) if before else (None, None)
        yield _age(m.start(), m.end() - len(m["noun"] or ""), stated, person, span)
    for m in AGED.finditer(text):
        before = phrases.before(text, m.start(), max(0, m.start() - 120))
        person = text[before[0] : before[1]] if before else None
        if person and not _person_like(person):
            continue
        yield _age(m.start(), m.end(), int(m["age"]), person, before)


_TITLES = frozenset(
    [
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "president",
        "director",
        "ceo",
        "cfo",
        "coo",
        "founder",
        "minister",
        "mayor",
        "secretary",
        "governor",
        "professor",
        "prof",
        "dr",
        "mr",
        "mrs",
        "ms",
        "sir",
        "dame",
        "artistic",
        "executive",
        "general",
        "manager",
        "head",
        "chief",
        "commissioner",
        "ambassador",
        "senator",
        "representative",
        "conductor",
    ]
)


def _births(text: str, atoms: list[Draft]) -> Iterator[Draft]:
    for atom in atoms:
        if atom.kind != "date" or atom.date is None:
            continue
        window = text[max(0, atom.start - 20) : atom.start]
        m = BORN.search(window) or BORN_BRACKET.search(window)
        if m is None:
            continue
        start = atom.start - len(window) + m.start()
        draft = Draft(kind="birth", start=start, end=atom.end, value=atom.value, date=atom.date,
                      cue="born", links=[atom])  # fmt: skip
        person = _person_before(text, start)
        if person:
            draft.subject, draft.extra["subject_span"] = text[person[0] : person[1]], person
        yield draft


_NAME_IN_TEXT = re.compile(r"(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+")


def _person_before(text: str, start: int) -> tuple[int, int] | None:
    """The last person-like name in the 200 characters before `start`, within the sentence."""
    floor = max(0, start - 200)
    for stop in (".\n", ". ", "\n\n"):
        cut = text.rfind(stop, floor, start)
        if cut >= 0:
            floor = max(floor, cut + len(stop))
    best = None
    for m in _NAME_IN_TEXT.finditer(text, floor, start):
        words = m.group(0).split()
        while len(words) > 2 and words[0].lower() in _TITLES:
            words = words[1:]
        name = " ".join(words)
        if _person_like(name):
            best = (m.end() - len(name), m.end())
    return best
