"""Subjects: links each claim's mention to an entity, across names, head nouns and pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.document import Document
from checker.extract import phrases
from checker.models import Claim

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "our", "we", "us"})
_PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "who"})
# Words that describe how often or which one, not what: "the 5th annual summer academy".
_COUNTING = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|[a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"[a-z]+tieth|annual|yearly|biennial|biannual|triennial|quadrennial|monthly|weekly|quarterly|"
    r"new|next|latest|upcoming|this|year's|years')\s+",
)
_ACRONYM_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on|de)\s+)*){1,8})\(([A-Z]{2,8})\)"
)
_NP_BEFORE = re.compile(
    r"(?P<np>\b(?:the|The)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s*(?:[,.;:!?)]|\s(?:is|was|has|had|will|"
    r"for|in|on|at|to|with|since|now|which|that|as|and|celebrates|marks|opened|announced)\b))"
    r"|(?:\b(?:the|The)\s+)?[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|on|de)(?:\s+the)?\s+)?[A-Z][\w&’'.-]*)*)"
)
_NOT_ENTITY = re.compile(
    r"^(?:the\s+)?(?:today|yesterday|tomorrow|now|this|that|these|those|year|years|anniversary|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|in|on|at|by|since|from|for|"
    r"with|as|during|between|after|before|we|our|i|he|she|it|they|mr|ms|mrs|dr)(?:\W|$)",
    re.IGNORECASE,
)


@dataclass
class Entity:
    """One thing the release talks about, under all the names it is given."""

    id: str
    name: str
    key: str
    person: bool
    keys: set[str] = field(default_factory=set)

    @property
    def head(self) -> str:
        """The last word of the name: "framework" of "strategic cooperation framework"."""
        return self.key.split()[-1] if self.key else ""


def key(name: str, acronyms: dict[str, str]) -> str:
    """The comparable form of a name: lower case, no determiner, owner, count or frequency."""
    text = phrases.normalise(name)
    text = _COUNTING.sub("", text + " ").strip()
    words = [acronyms.get(w, w) for w in re.split(r"\s+", text) if w]
    return " ".join(words)


def acronyms_of(text: str) -> dict[str, str]:
    """Acronyms the text defines: "International Organization for Migration (IOM)"."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEFINITION.finditer(text):
        words = m.group(1).split()
        letters = m.group(2)
        # Keep as many trailing words as it takes to spell the acronym's letters.
        capitals = [w for w in words if w[0].isupper()]
        if len(capitals) >= len(letters):
            found[letters.lower()] = " ".join(words[-len(words) :]).lower()
    return found


class Resolver:
    """Groups mentions into entities; each link says why it was made."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.acronyms = acronyms_of(self.text)
        self.entities: list[Entity] = []

    def entity_for(self, name: str, person: bool) -> tuple[Entity | None, str]:
        """The entity a name belongs to (a new one when none fits) and why."""
        name_key = key(name, self.acronyms)
        if not name_key or _NOT_ENTITY.match(name_key):
            return None, ""
        for entity in self.entities:
            if name_key in entity.keys:
                return entity, "same name"
        matches = [e for e in self.entities if e.person == person and self._alias(name_key, e)]
        if len(matches) == 1:
            matches[0].keys.add(name_key)
            if len(name_key) > len(matches[0].key):
                matches[0].name, matches[0].key = name.strip(), name_key
            return matches[0], f"a shorter or longer name of '{matches[0].name}'"
        if len(matches) > 1:
            return None, ""  # ambiguous: no link is better than a wrong one
        entity = Entity(id=f"e{len(self.entities) + 1}", name=name.strip(), key=name_key,
                        person=person, keys={name_key})  # fmt: skip
        if " of " in name_key:  # "youth orchestra of the danube" is also "youth orchestra"
            entity.keys.add(name_key.split(" of ")[0])
        self.entities.append(entity)
        return entity, "named here"

    @staticmethod
    def _alias(name_key: str, entity: Entity) -> bool:
        """One name is the other's last words: "the Framework" / "strategic cooperation framework"."""
        for other in entity.keys:
            short, long_ = sorted((name_key.split(), other.split()), key=len)
            if short and long_[-len(short) :] == short:
                return True
        return False

    def antecedent(self, offset: int, person: bool) -> tuple[int, int] | None:
        """The nearest name before `offset`, in its sentence or the one before, for a pronoun."""
        sentence_start, _ = self.document.sentence_at(offset)
        for floor in (sentence_start, self.document.sentence_at(max(0, sentence_start - 2))[0]):
            best = None
            for m in _NP_BEFORE.finditer(self.text, floor, offset):
                np = m.group("np").strip()
                if _NOT_ENTITY.match(np) or len(np) < 3:
                    continue
                looks_personal = _looks_like_person(np)
                if looks_personal != person:
                    continue
                best = (m.start("np"), m.start("np") + len(np))
            if best:
                return best
        return None


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not re.search(r"\b(?:of|for|and)\b", name)
        and not name.lower().startswith("the ")
    )


def resolve(document: Document, claims: list[Claim]) -> list[Claim]:
    """The claims with `subject`, `subject_id` and `subject_via` set where a link is sure enough."""
    resolver = Resolver(document)
    text = document.text
    out: list[Claim] = []
    for claim in claims:
        span = claim.subject_span
        anchor_id = None
        if claim.anchor_span is not None:
            anchor, _ = resolver.entity_for(
                text[claim.anchor_span[0] : claim.anchor_span[1]], False
            )
            anchor_id = anchor.id if anchor else None
        if span is None:
            out.append(claim.model_copy(update={"anchor_id": anchor_id}))
            continue
        mention = text[span[0] : span[1]]
        person = claim.kind in ("age", "birth")
        via_prefix = ""
        if mention.lower() in _PRONOUNS | _PERSON_PRONOUNS:
            target = resolver.antecedent(span[0], person)
            if target is None:
                out.append(claim.model_copy(update={"subject": None}))
                continue
            via_prefix = f"'{mention}' refers to the nearest name before it, "
            span = target
            mention = text[span[0] : span[1]]
        entity, via = resolver.entity_for(mention, person)
        update: dict[str, object] = {"subject_span": span, "anchor_id": anchor_id}
        if entity is not None:
            update |= {"subject": entity.name, "subject_id": entity.id,
                       "subject_via": f"{via_prefix}'{mention}' ({via})"}  # fmt: skip
        out.append(claim.model_copy(update=update))
    return _renamed(out, resolver)


def _renamed(claims: list[Claim], resolver: Resolver) -> list[Claim]:
    """Every claim shows its entity by the fullest name, found anywhere in the document."""
    names = {e.id: e.name for e in resolver.entities}
    return [
        c.model_copy(update={"subject": names[c.subject_id]}) if c.subject_id in names else c
        for c in claims
    ]
