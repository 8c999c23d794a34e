"""Verb groups: "opened", "has been running", "will be held", "is due to open", "plans to launch"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.language import lexicon
from checker.language.tokens import Token

_INSIDE = frozenset({"AUX", "MODAL", "VERB", "NEG", "TO"})
_SUBJECT_TAGS = frozenset({"NOUN", "PROPN", "PRON"})


@dataclass
class VerbGroup:
    """A verb with its auxiliaries: tense, aspect, voice and modality, and its main verb."""

    first: int
    last: int
    start: int
    end: int
    head: Token  # the main verb (the auxiliary itself for a copula: "is", "was")
    tense: str  # past, present, future, none (a participle or an infinitive alone)
    aspect: str  # simple, perfect, progressive, perfect progressive
    voice: str  # active, passive
    modality: str | None  # prospective ("is due to", "plans to"), conditional ("would"), None
    finite: bool
    negated: bool = False

    @property
    def lemma(self) -> str:
        """The main verb's base form."""
        return self.head.lemma

    @property
    def orientation(self) -> str:
        """Which way the group points from its own time: past, future, or none."""
        if self.tense == "future" or (self.modality == "prospective" and self.tense == "present"):
            return "future"
        if self.tense == "past" and self.modality is None:
            return "past"
        if self.tense == "present" and self.aspect in ("perfect", "perfect progressive"):
            return "perfect"
        return "none"


@cache
def _auxiliaries() -> dict[str, tuple[str, ...]]:
    return lexicon.table("auxiliaries.tsv")


@cache
def _modals() -> dict[str, tuple[str, ...]]:
    return lexicon.table("modals.tsv")


def _prospective(token: Token) -> bool:
    return token.lower in lexicon.words("prospective.txt")


def find(tokens: list[Token]) -> list[VerbGroup]:
    """Every verb group, in order."""
    groups: list[VerbGroup] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.tag in ("AUX", "MODAL", "VERB"):
            last = _extent(tokens, i)
            groups.append(_group(tokens, i, last))
            i = last + 1
        else:
            i += 1
    return groups


def _extent(tokens: list[Token], i: int) -> int:
    """The last token of the group that starts at `i`."""
    last = i
    j = i + 1
    while j < len(tokens):
        token = tokens[j]
        if token.line_start:
            break
        if token.tag in _INSIDE:
            if token.tag == "TO" and not _continues_after_to(tokens, j):
                break
            if (
                token.tag == "VERB"
                and tokens[last].tag == "VERB"
                and not _chains(tokens[last], token)
            ):
                break
            last = j
            j += 1
            continue
        if token.tag == "ADV" and j + 1 < len(tokens) and tokens[j + 1].tag in _INSIDE:
            j += 1  # "has also been", "will soon open"
            continue
        if (
            tokens[last].lemma == "be"
            and _prospective(token)
            and j + 1 < len(tokens)
            and tokens[j + 1].tag == "TO"
        ):
            last = j  # "is due to", "is set to": a plan
            j += 1
            continue
        break
    return last


def _continues_after_to(tokens: list[Token], j: int) -> bool:
    """`plans to launch`, `is due to open`: `to` joins the group only before a verb."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    prev = tokens[j - 1]
    if nxt is None or nxt.tag not in ("VERB", "AUX"):
        return False
    return _prospective(prev) or prev.lemma in ("be", "have", "need", "used", "ought")


def _chains(previous: Token, token: Token) -> bool:
    """Two verbs chain into one group only after `be`, `have`, `get` or `do` ("got married")."""
    return previous.lemma in ("be", "have", "get", "do") and previous.tag == "VERB"


def _group(tokens: list[Token], first: int, last: int) -> VerbGroup:
    parts = tokens[first : last + 1]
    verbs = [t for t in parts if t.tag in ("VERB", "AUX", "MODAL")]
    negated = any(t.tag == "NEG" for t in parts)
    main = next((t for t in reversed(verbs) if t.tag == "VERB"), verbs[-1])
    lead = verbs[0]
    tense, finite = _tense(tokens, lead)
    modality = None
    if lead.tag == "MODAL" and _modals()[lead.lower][0] != "future":
        modality = "conditional"
    if any(_prospective(t) for t in parts) or any(t.tag == "TO" for t in parts):
        modality = "prospective"
    lemmas = [t.lemma if t.tag != "MODAL" else "modal" for t in verbs]
    aspect = "simple"
    perfect = any(
        lemmas[k] == "have" and "participle" in verbs[k + 1].forms | _aux_forms(verbs[k + 1])
        for k in range(len(verbs) - 1)
    )
    progressive = any(
        lemmas[k] == "be" and "gerund" in verbs[k + 1].forms for k in range(len(verbs) - 1)
    )
    if perfect and progressive:
        aspect = "perfect progressive"
    elif perfect:
        aspect = "perfect"
    elif progressive:
        aspect = "progressive"
    passive = len(verbs) > 1 and verbs[-2].lemma in ("be", "get") and "participle" in main.forms
    return VerbGroup(
        first=first,
        last=last,
        start=tokens[first].start,
        end=tokens[last].end,
        head=main,
        tense=tense,
        aspect=aspect,
        voice="passive" if passive else "active",
        modality=modality,
        finite=finite,
        negated=negated,
    )


def _aux_forms(token: Token) -> frozenset[str]:
    if token.lower == "been":
        return frozenset({"participle"})
    return frozenset()


def _tense(tokens: list[Token], lead: Token) -> tuple[str, bool]:
    """The tense of a group from its first verb, and whether the group is finite."""
    if lead.tag == "MODAL":
        return ("future" if _modals()[lead.lower][0] == "future" else "none"), True
    if lead.tag == "AUX":
        tense = _auxiliaries().get(lead.lower, ("", "none"))[1]
        if lead.kind == "clitic":
            tense = "present"
        return tense, tense != "none"
    forms = lead.forms
    before = _before(tokens, lead.i)
    if before is not None and before.tag == "TO":
        return "none", False
    if "past" in forms and ("participle" not in forms or _has_subject(tokens, lead.i)):
        return "past", True
    if "participle" in forms and "past" not in forms:
        return "none", False
    if "participle" in forms:
        return "none", False  # "the orchestra, founded in 1998,": a participle
    if "gerund" in forms:
        return "none", False
    if "3sg" in forms or "base" in forms:
        return "present", True
    return "none", False


def _before(tokens: list[Token], i: int) -> Token | None:
    j = i - 1
    while j >= 0 and tokens[j].tag == "ADV":
        j -= 1
    return tokens[j] if j >= 0 else None


def _has_subject(tokens: list[Token], i: int) -> bool:
    """Whether a noun, a name or a pronoun comes just before (adverbs aside): then an -ed
    form is a past tense ("the Trust opened"), not a participle ("the hall, opened in")."""
    before = _before(tokens, i)
    if before is None or (before.line_start and before.i == i):
        return False
    if before.tag in _SUBJECT_TAGS or before.tag == "NUM" or before.text == "%":
        return True
    if before.lower in ("percent", "cent"):
        return True
    return before.tag in ("SCONJ",) and before.lower in ("who", "which", "that")
