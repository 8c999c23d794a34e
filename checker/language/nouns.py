"""Noun phrases and names: determiner, possessor and head; proper-name mentions and their kind."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.language import lexicon
from checker.language.tokens import Token

_CONTENT = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ORD"})
_OPENERS = frozenset({"DET", "POSS"})
_STARTERS = _CONTENT | _OPENERS | {"PRON"}  # the word classes a noun phrase can open with
_NAME_JOINERS = frozenset(
    {"of", "for", "and", "&", "de", "on", "the", "du", "von", "van", "la", "le"}
)


@dataclass
class NounPhrase:
    """A noun phrase: its tokens, determiner or possessive, its possessor, and its head."""

    first: int
    last: int
    start: int
    end: int
    head: Token
    determiner: str | None = None  # "the", "a", "this", "its", "their" …
    possessor: int | None = (
        None  # index of the phrase before "'s" ("the festival" of "the festival's outing")
    )
    name: bool = False  # every content word is a proper name
    text: str = ""
    pronoun: bool = False

    @property
    def definite(self) -> bool:
        """`the X`, `this X`, `its X`, `X's Y` or a name: a thing already known."""
        return (
            self.name
            or self.possessor is not None
            or self.determiner
            in (
                "the",
                "this",
                "that",
                "these",
                "those",
                "its",
                "their",
                "his",
                "her",
                "our",
                "my",
                "your",
            )
        )


@cache
def _org_heads() -> frozenset[str]:
    return lexicon.words("organisation_heads.txt")


@cache
def _titles() -> frozenset[str]:
    return lexicon.words("titles.txt")


@cache
def _role_nouns() -> frozenset[str]:
    return lexicon.words("titles.txt") | lexicon.words("person_nouns.txt")


def find(tokens: list[Token]) -> list[NounPhrase]:
    """Every noun phrase, in order; "X's Y" gives two, the second owned by the first."""
    phrases: list[NounPhrase] = []
    i = 0
    while i < len(tokens):
        if tokens[i].tag not in _STARTERS:  # most tokens: what `_extent` would say, sooner
            i += 1
            continue
        end = _extent(tokens, i)
        if end < i:
            i += 1
            continue
        phrase = _phrase(tokens, i, end)
        if phrase is None:
            i = end + 1
            continue
        if phrase.head.tag == "ADJ" and end == i:
            i = end + 1  # "Fresh from its 63rd anniversary": an adjective alone names nothing
            continue
        nxt = end + 1
        if phrases and i > 0 and tokens[i - 1].kind == "clitic" and tokens[i - 1].tag == "PART":
            if phrases[-1].last == i - 2:
                phrase.possessor = len(phrases) - 1
        elif phrases and i > 0 and tokens[i - 1].text in ("'", "’") and phrases[-1].last == i - 2:
            phrase.possessor = len(phrases) - 1
        phrases.append(phrase)
        i = nxt
    return phrases


def _extent(tokens: list[Token], i: int) -> int:
    """The last token of the noun phrase starting at `i`, or `i - 1` when none starts there."""
    token = tokens[i]
    if token.tag == "PRON":
        return i  # "it", "she": a phrase of one word, for the resolver to link
    j = i
    if token.tag in _OPENERS:
        j += 1
    last = -1
    while j < len(tokens):
        t = tokens[j]
        if j > i and t.line_start:
            break
        if t.tag in _CONTENT:
            if t.tag == "PROPN" and last >= 0 and _title_before_name(tokens, last, j):
                break  # "Artistic director Maria Lopez": the name is a phrase of its own
            if (
                t.tag == "NUM"
                and last >= 0
                and tokens[last].tag == "PROPN"
                and (j + 1 >= len(tokens) or tokens[j + 1].tag in ("PUNCT", "CCONJ", "ADP"))
            ):
                break  # "That makes Chandrasekar 41,": the age is not part of the name
            if (
                t.tag == "PROPN"
                and last >= 0
                and tokens[last].tag == "NOUN"
                and tokens[last].lemma in lexicon.words("time_nouns.txt")
            ):
                break  # "This year Crewe celebrates …": a time, then the subject
            last = j
            j += 1
            continue
        if _joins_name(tokens, j, last):
            j += (
                2
                if tokens[j].lower == "of" and j + 1 < len(tokens) and tokens[j + 1].lower == "the"
                else 1
            )
            continue
        if t.tag == "PROPN" and last >= 0 and _title_before_name(tokens, last, j):
            break  # "Artistic director Maria Lopez": the name is a phrase of its own
        break
    return last if last >= 0 else i - 1


def _title_before_name(tokens: list[Token], last: int, j: int) -> bool:
    """Whether a common noun for a role ends a phrase that a person's name follows."""
    before = tokens[last]
    if before.tag != "NOUN" or before.is_cap:
        return False
    return before.lower in _role_nouns() and j + 1 < len(tokens) and tokens[j + 1].tag == "PROPN"


def _joins_name(tokens: list[Token], j: int, last: int) -> bool:
    """`Federation of Allotment Growers`, `Ossory & Blake`, `Mossgate Tenants' Union`,
    `Tidewell Men's Shed` (a plural's possessive inside a name)."""
    if last < 0 or tokens[last].tag != "PROPN":
        return False
    t = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if t.kind == "clitic" and tokens[last].lower in lexicon.table("irregular_plurals.tsv"):
        return nxt is not None and nxt.tag == "PROPN"
    if t.text in ("'", "’") and not t.space and tokens[last].lower.endswith("s"):
        return nxt is not None and nxt.tag == "PROPN" and nxt.space
    if t.lower not in _NAME_JOINERS or nxt is None:
        return False
    if t.lower == "the":
        return False
    if nxt.lower == "the" and j + 2 < len(tokens):
        nxt = tokens[j + 2]
    return nxt.tag == "PROPN" and nxt.is_cap


def _phrase(tokens: list[Token], first: int, last: int) -> NounPhrase | None:
    words = tokens[first : last + 1]
    if words[0].tag == "PRON":
        return NounPhrase(
            first,
            last,
            words[0].start,
            words[0].end,
            words[0],
            None,
            None,
            False,
            words[0].text,
            pronoun=True,
        )
    # A name: its nouns are all proper ("the inaugural Tidewell Sea Swim", "The biennial Oakhollow
    # Apple Fair"; an adjective or an ordinal before it does not count)
    head = None
    last_content = None
    proper = common = False
    for t in words:
        tag = t.tag
        if tag in _CONTENT:
            last_content = t
            if tag == "PROPN":
                head, proper = t, True
            elif tag == "NOUN":
                head, common = t, True
    if last_content is None:
        return None
    head = head or last_content
    determiner = tokens[first].lower if tokens[first].tag in _OPENERS else None
    name = proper and not common
    start, end = tokens[first].start, tokens[last].end
    text = " ".join([t.text for t in words])
    return NounPhrase(first, last, start, end, head, determiner, None, name, text)


def name_words(phrase: NounPhrase, tokens: list[Token]) -> list[Token]:
    """The words of a phrase after its determiner."""
    first = phrase.first + (1 if phrase.determiner else 0)
    return tokens[first : phrase.last + 1]


def kind_of_name(phrase: NounPhrase, tokens: list[Token]) -> str:
    """Whether a name is a person's, an organisation's (or an event's or a place's), or unknown."""
    words = [t for t in name_words(phrase, tokens) if t.tag == "PROPN"]
    if not words:
        return "thing"
    lowers = [t.lower for t in name_words(phrase, tokens)]
    if (
        lowers[-1] in _org_heads()
        or phrase.determiner == "the"
        or any(w in ("of", "for", "&", "and") for w in lowers)
    ):
        return "organisation"
    if any(t.text.isupper() and len(t.text) > 1 for t in words):
        return "organisation"
    before = tokens[phrase.first - 1] if phrase.first > 0 else None
    if before is not None and before.lower.rstrip(".") in _titles() and before.is_cap:
        return "person"
    if 2 <= len(words) <= 4 and all(t.text[:1].isupper() and t.text[1:2].islower() for t in words):
        return "person"
    return "unknown"
