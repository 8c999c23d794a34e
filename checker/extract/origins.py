"""Origins: founded, established, launched, first held … with a date, in every common order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import phrases
from checker.extract.base import Context, Draft

VERB = re.compile(
    r"(?<![\w-])(?P<verb>founded|co-founded|established|created|launched|set\s+up|inaugurated|opened|"
    r"began|started|formed|incorporated|introduced|instituted|convened|"
    r"first\s+(?:held|organi[sz]ed|convened|staged|took\s+place|met|published|awarded|launched))\b",
    re.IGNORECASE,
)
NOUN = re.compile(
    r"\b(?P<owner>its|their|the|his|her|our)\s+(?P<noun>creation|founding|foundation|establishment|"
    r"launch|inception|inauguration|formation|start|beginning)(?:\s+of\s+(?P<of>[^,.;()]{3,80}?))?"
    r"\s+(?:in|on|back\s+in)\s+$",
    re.IGNORECASE,
)
_DATE_AFTER_VERB = re.compile(
    r"\s+(?:(?:back|as\s+early\s+as|way\s+back)\s+)?(?:in|on|during)\s+$", re.I
)
_PASSIVE_BEFORE = re.compile(
    r"(?:,\s*(?:which|who|that)?\s*(?:was|were|had\s+been|has\s+been)?|\s(?:was|were|had\s+been|has\s+been|"
    r"been))\s*(?:officially\s+|formally\s+|originally\s+|jointly\s+)?$",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$")
_CLAUSE_OPENING = re.compile(r"\s*(?:in|on|since|back\s+in)\s+$", re.IGNORECASE)


def _draft(start: int, end: int, verb: str, date: Draft) -> Draft:
    value = date.value
    return Draft(kind="origin", start=start, end=end, value=value, date=date.date,
                 cue=" ".join(verb.lower().split()), links=[date])  # fmt: skip


def find(text: str, ctx: Context, atoms: list[Draft]) -> list[Draft]:
    """Every origin whose date is written next to its verb or noun, with a subject mention."""
    dated = [a for a in atoms if a.kind == "date" and a.date is not None]
    return list(_verbs(text, dated)) + list(_nouns(text, dated))


def _verbs(text: str, dated: list[Draft]) -> Iterator[Draft]:
    for m in VERB.finditer(text):
        verb = m["verb"]
        date = next((d for d in dated if d.start >= m.end() and d.start - m.end() <= 24
                     and _DATE_AFTER_VERB.fullmatch(text, m.end(), d.start)), None)  # fmt: skip
        if date is not None:
            draft = _draft(m.start(), date.end, verb, date)
            _subject_of_passive(text, m.start(), draft)
            yield draft
            continue
        # "In July 2012, the EU and IOM established a Strategic Cooperation Framework …"
        opening = next((d for d in dated if 0 < m.start() - d.end <= 80 and
                        _CLAUSE_OPENING.fullmatch(text, _line_start(text, d.start), d.start)
                        and "," in text[d.end : d.end + 2]
                        and not re.search(r"[.;:!?]", text[d.end : m.start()])), None)  # fmt: skip
        if opening is None:
            continue
        auxiliary = _AUXILIARY.search(text, max(0, m.start() - 30), m.start())
        if auxiliary:
            # "In July 2012, the Forum was established in Geneva": the subject comes first.
            draft = _draft(opening.start, m.end(), verb, opening)
            span = _noun_phrase_before(text, auxiliary.start(), opening.end)
            if span:
                draft.subject, draft.extra["subject_span"] = text[span[0] : span[1]], span
            yield draft
            continue
        obj = phrases.after(text, m.end(), len(text))
        if obj is None:
            continue
        draft = _draft(opening.start, m.end(), verb, opening)
        draft.start = min(opening.start, m.start())
        draft.subject, draft.extra["subject_span"] = text[obj[0] : obj[1]], obj
        draft.end = obj[1]
        yield draft


def _line_start(text: str, offset: int) -> int:
    """Where the clause holding an opening date phrase begins (sentence start or line start)."""
    for index in range(offset - 1, max(-1, offset - 30), -1):
        if text[index] in ".!?\n":
            return index + 1
    return max(0, offset - 30) if offset > 30 else 0


def _subject_of_passive(text: str, verb_start: int, draft: Draft) -> None:
    """`X, founded in 1998,` / `X was established in 2009`: X comes before the verb."""
    passive = _PASSIVE_BEFORE.search(text, max(0, verb_start - 40), verb_start)
    if passive is None:
        # "Founded in 1998, the orchestra …": the subject follows the participle clause.
        lead = text[max(0, verb_start - 3) : verb_start]
        comma = text.find(",", draft.end, draft.end + 3)
        if (verb_start == 0 or lead.strip() in ("", "–", "—", "-")) and comma >= 0:
            span = phrases.after(text, comma + 1, len(text))
            if span:
                draft.subject, draft.extra["subject_span"] = text[span[0] : span[1]], span
        return
    span = _noun_phrase_before(text, passive.start(), max(0, verb_start - 200))
    if span:
        draft.subject, draft.extra["subject_span"] = text[span[0] : span[1]], span


def _noun_phrase_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """The phrase before `end`, passing over a clause set off by commas ("X, now in its third
    year, was launched"): a phrase that opens with a lower-case word other than a determiner
    is not the subject."""
    for _ in range(3):
        span = phrases.before(text, end, floor)
        if span is None:
            return None
        first = text[span[0] : span[1]].split()[0]
        if first[:1].isupper() or phrases.DETERMINERS.match(first + " "):
            return span
        comma = text.rfind(",", floor, span[0])
        if comma < 0:
            return None
        end = comma
    return None


def _nouns(text: str, dated: list[Draft]) -> Iterator[Draft]:
    for date in dated:
        window_start = max(0, date.start - 120)
        m = NOUN.search(text, window_start, date.start)
        if m is None:
            continue
        start = m.start()
        draft = _draft(start, date.end, m["noun"], date)
        if m["of"]:
            draft.subject = m["of"].strip()
            draft.extra["subject_span"] = (m.start("of"), m.start("of") + len(draft.subject))
        elif m["owner"].lower() in phrases.PRONOUNS or m["owner"].lower() == "our":
            draft.extra["subject_span"] = m.span("owner")
        yield draft
