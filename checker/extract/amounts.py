"""Amounts: money, shares, measures and counts, from the number phrases of the language layer."""

from __future__ import annotations

from dataclasses import dataclass

from checker import hedges
from checker.extract import spans
from checker.extract.base import Draft
from checker.language import lexicon
from checker.language.analysis import Analysis
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token
from checker.models import CountEvidence, Evidence

_KINDS = {"money": "money", "percent": "percent", "points": "percent", "count": "quantity",
          "measure": "quantity", "bare": "quantity"}  # fmt: skip
# "a team of ten", "a workforce of 750": the noun before "of" is what the number counts.
_GROUP_OF = frozenset({"team", "workforce", "staff", "crew", "group", "delegation", "panel", "board",
                       "network", "membership", "total", "cohort", "class", "field", "squad",
                       "fleet", "family", "band", "party", "force", "body", "pool"})  # fmt: skip


@dataclass
class Amounts:
    """The amount drafts of a document, and which number phrase each was read from."""

    drafts: list[Draft]
    by_phrase: dict[int, Draft]
    analysis: Analysis
    rejected: set[int]  # number phrases that are labels or codes, never amounts


def find(analysis: Analysis, taken: spans.Index) -> Amounts:
    """An amount for every number phrase that is money, a share, a measure or a count, and for
    the bare numbers that a whole, a part or a change gives meaning to."""
    tokens = analysis.tokens
    labels = lexicon.words("not_quantity_before.txt")
    drafts: list[Draft] = []
    by_phrase: dict[int, Draft] = {}
    coordinated = _coordinated(analysis)
    rejected: set[int] = set()
    for index, phrase in enumerate(analysis.numbers):
        if taken.overlapping(phrase.start, phrase.end):
            continue
        before = tokens[phrase.first - 1] if phrase.first > 0 else None
        label = (
            before is not None
            and phrase.currency is None
            and (before.lower.rstrip(".") in labels or _named(tokens, phrase))
        ) or _address(tokens, phrase)
        if label or _glued(analysis, phrase) or _enumerator(analysis, phrase):
            rejected.add(index)  # "Room 215", "Pixel Watch 5", "555-1234", "(1) cheaper buses"
            continue
        group = _group_of(analysis, phrase)
        elided = coordinated.get(index)
        if (
            phrase.kind == "bare"
            and group is None
            and phrase.role is None
            and phrase.whole is None
            and index not in coordinated
            and not _stands_alone(analysis, phrase)
        ):
            continue
        draft = _draft(analysis, phrase, group, elided)
        drafts.append(draft)
        by_phrase[index] = draft
    for index, draft in by_phrase.items():
        phrase = analysis.numbers[index]
        if phrase.whole is not None and phrase.whole in by_phrase:
            draft.links.append(by_phrase[phrase.whole])
    return Amounts(drafts, by_phrase, analysis, rejected)


def _coordinated(analysis: Analysis) -> dict[int, NumberPhrase | None]:
    """Bare numbers said together with counts, and the count whose noun they leave out
    ("621 people in Cinderholm and 739 in Lindenmoor": 739 people)."""
    out: dict[int, NumberPhrase | None] = {}
    for coordination in analysis.coordinations:
        phrases = [analysis.numbers[m] for m in coordination.members]
        if not any(p.kind in ("count", "bare") for p in phrases):
            continue
        if all(p.year_like for p in phrases):
            continue  # years
        counted: NumberPhrase | None = None
        for member, phrase in zip(coordination.members, phrases, strict=True):
            if phrase.head is not None:
                counted = phrase
            elif phrase.kind == "bare":
                out[member] = counted
    return out


def _address(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """`9480 Innovation Ln`, `600 Fay Ave`: a house number before a street's name."""
    streets = lexicon.words("street_words.txt")
    after = tokens[phrase.last + 1 : phrase.last + 5]
    return (
        any(t.lower.rstrip(".") in streets and t.is_cap for t in after)
        and bool(after)
        and after[0].is_cap
    )


def _named(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """`Pixel Watch 5`, `Series 4 lifts`: a number right after a name is part of the name."""
    before = tokens[phrase.first - 1]
    return (
        phrase.kind in ("bare", "count")
        and not phrase.words
        and before.tag == "PROPN"
        and before.kind == "word"
        and before.sent == tokens[phrase.first].sent
        and not before.line_start
        and before.i > 0
        and tokens[before.i - 1].sent == before.sent
    )


def _enumerator(analysis: Analysis, phrase: NumberPhrase) -> bool:
    """`(1)`, `(2)`: a number alone in brackets that counts the items of a list."""
    tokens = analysis.tokens
    if phrase.kind != "bare" or phrase.first == 0 or phrase.last + 1 >= len(tokens):
        return False
    return tokens[phrase.first - 1].text == "(" and tokens[phrase.last + 1].text == ")"


def _glued(analysis: Analysis, phrase: NumberPhrase) -> bool:
    """A number written against digits by a dash, slash, dot or colon is a code or a time."""
    tokens = analysis.tokens
    after = tokens[phrase.last + 1] if phrase.last + 1 < len(tokens) else None
    before = tokens[phrase.first - 1] if phrase.first > 0 else None
    if after is not None and not after.space and after.text in ("-", "/", ".", ":", "‐"):
        nxt = tokens[after.i + 1] if after.i + 1 < len(tokens) else None
        if nxt is not None and not nxt.space and nxt.kind == "number":
            return True
    if (
        before is not None
        and not phrase.currency
        and before.text in ("-", "/", ".", ":", "#")
        and not tokens[phrase.first].space
    ):
        previous = tokens[before.i - 1] if before.i > 0 else None
        if (
            previous is not None
            and (previous.kind == "number" or before.text == "#")
            and not before.space
        ):
            return True
    return False


def _stands_alone(analysis: Analysis, phrase: NumberPhrase) -> bool:
    """A bare number after a determiner is an amount whose noun is understood: "the other 56
    are men", "all 20 will be checked" (a year such as "the 2024" is not)."""
    if phrase.determiner is None or phrase.value != int(phrase.value):
        return False
    return phrase.value < 10_000 and not phrase.year_like


def _group_of(analysis: Analysis, phrase: NumberPhrase) -> str | None:
    """`a team of ten`, `a workforce of 750`: the noun before "of", when the number has no head."""
    if phrase.head is not None or phrase.kind not in ("bare", "count"):
        return None
    tokens = analysis.tokens
    k = phrase.first - 1
    if k >= 1 and tokens[k].lower == "of" and tokens[k - 1].lower in _GROUP_OF:
        return tokens[k - 1].lower
    return None


def _draft(
    analysis: Analysis, phrase: NumberPhrase, group: str | None, elided: NumberPhrase | None = None
) -> Draft:
    kind = _KINDS[phrase.kind]
    unit: str | None
    if phrase.kind in ("percent", "points"):
        unit = "percent" if phrase.kind == "percent" else "percentage points"
    elif phrase.kind == "measure":
        unit = phrase.unit
    elif phrase.head is not None and phrase.hyphen not in (None, "strong"):
        unit = phrase.hyphen  # "a 105-seat auditorium" counts seats
    elif phrase.head is not None:
        unit = phrase.head.text if phrase.head.tag == "PROPN" else phrase.head.lower
    elif elided is not None and elided.head is not None:
        unit = elided.head.lower
    else:
        unit = group
    value = _format(phrase.value)
    if phrase.currency:
        value = f"{phrase.currency} {value}"
    elif kind == "percent":
        value = f"{value} {'percentage points' if phrase.kind == 'points' else '%'}"
    elif unit:
        value = f"{value} {unit}"
    draft = Draft(kind=kind, start=phrase.start, end=phrase.end, value=value,  # type: ignore[arg-type]
                  amount=phrase.value, currency=phrase.currency, unit=unit, hedge=phrase.hedge)  # fmt: skip
    draft.low, draft.high, draft.bounds = _interval(phrase)
    draft.evidence = Evidence(count=_evidence(analysis, phrase, unit, group, elided))
    draft.extra["phrase"] = phrase
    return draft


def counted(phrase: NumberPhrase, unit: str | None, group: str | None) -> str | None:
    """The singular of what an amount counts: "teacher", "seat", "km", "team"."""
    if phrase.kind == "measure":
        return phrase.unit
    if phrase.hyphen and phrase.hyphen != "strong":
        return lexicon.singular(phrase.hyphen)
    if phrase.head is not None:
        return phrase.head_lemma
    return group


def _evidence(
    analysis: Analysis,
    phrase: NumberPhrase,
    unit: str | None,
    group: str | None,
    elided: NumberPhrase | None,
) -> CountEvidence:
    source = elided if phrase.head is None and elided is not None else phrase
    return CountEvidence(
        counted=counted(source, unit, group),
        head=source.head.text if source.head is not None else group,
        modifiers=(*phrase.premodifiers, *source.modifiers),
        qualifiers=tuple(f"{q.word} {q.text}".lower() for q in phrase.qualifiers),
        determiner=phrase.determiner,
        possessor=phrase.possessor,
        role=phrase.role,
    )


def _interval(phrase: NumberPhrase) -> tuple[float | None, float | None, str]:
    if phrase.hedge is None and phrase.step:
        return phrase.value - phrase.step, phrase.value + phrase.step, "[)"
    return hedges.interval(phrase.hedge, phrase.value)


def _format(value: float) -> str:
    """A value as a reader writes it: 2900000000 -> 2,900,000,000; 2.5 -> 2.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def per_unit(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """An amount per something: "$5 per month", "€20 a head", "$3 each", "£10 a week",
    "$6.44 a share": a rate, not a total, a part or a value that grows."""
    after = [t.lower for t in tokens[phrase.last + 1 : phrase.last + 3]]
    if after[:1] in (["per"], ["each"], ["apiece"]):
        return True
    units = lexicon.table("time_units.tsv")
    return after[:1] in (["a"], ["an"], ["every"]) and (
        len(after) > 1 and (after[1] in units or after[1] in lexicon.words("rate_nouns.txt"))
    )
