"""Subjects: each claim's mention linked to an entity across names, aliases, pronouns and
descriptions ("the lens maker"), with the reason for every link kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from checker.document import Document
from checker.language import lexicon, relations
from checker.language.analysis import Analysis
from checker.language.nouns import NounPhrase, kind_of_name, name_words
from checker.language.tokens import Token
from checker.models import Claim

_KIN_REACH = 15  # paragraphs back a description may find a name sharing its word's stem
_CARRY_ORIGINS = frozenset({"ordinal", "duration", "origin"})
_CARRY_AGES = frozenset({"age", "birth"})
_YEAR_UNITS = frozenset({"year", "anniversary", "birthday", "years since"})
_PERSON_WORDS = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
_THING_WORDS = frozenset({"it", "its", "itself", "they", "their", "them"})
_REACH = 3  # sentences back a pronoun or a description looks for what it stands for
# paragraphs back a pronoun looks for an entity that has what its claim is checked against (a
# first occasion for "its 27th edition", a birth for an age): rarer, so sought further
_CARRIER_REACH = 10


@dataclass
class Entity:
    """One thing the release talks about, under all the names it is given."""

    id: str
    name: str
    kind: str  # person, organisation, thing
    keys: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # noun phrase indices
    plural: bool | None = None  # known for a description ("the volunteers"), not for a name

    @property
    def surname(self) -> str:
        """A person's last name, lower case."""
        return self.name.split()[-1].lower() if self.kind == "person" else ""


def _kindred(a: str, b: str) -> bool:
    """Whether two words are forms of one ("cidery" and "ciders", "library" and "libraries"):
    they share all but their last few letters ("surveying" and "surveyors" do, "community"
    and "communications" do not)."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    short, long_ = sorted((len(a), len(b)))
    return shared >= 5 and shared >= short - 3 and shared >= long_ - 3


@cache
def _counting_words() -> frozenset[str]:
    """Words that count editions ("annual", "inaugural"), not part of a name as shown."""
    return frozenset(lexicon.table("frequencies.tsv")) | {"inaugural"}


def _key(words: list[str]) -> str:
    """A name's comparable form: lower case, no counting or frequency words, no 'the'."""
    skip = lexicon.words("name_noise.txt")
    numbers = lexicon.number_words()
    out = [
        w for w in words if w not in skip and not (w in numbers and numbers[w].kind == "ordinal")
    ]
    out = [w for w in out if not (w[:-2].isdecimal() and w[-2:] in ("st", "nd", "rd", "th"))]
    return " ".join(out).replace("’", "'").strip(" ,.")


class Resolver:
    """Groups the noun phrases of a text into entities; each link says why it was made."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.entities: list[Entity] = []
        self.of_phrase: dict[int, tuple[Entity, str]] = {}
        self._acronyms: dict[str, str] = {}
        self._owned_entities: dict[tuple[str, str], Entity] = {}
        self._owned_first: dict[str, int] = {}  # where each owned thing is first said
        self._descriptions: dict[str, Entity] = {}
        self._asking: set[tuple[int, int]] = set()  # mentions being resolved, against loops
        self._exact: dict[str, Entity] = {}  # each name, to the first entity known by it
        self._last: dict[str, list[Entity]] = {}  # entities by the last word of a name
        # Names first, descriptions after: "the EU-IOM strategic cooperation framework" may come
        # before "a Strategic Cooperation Framework" is named.
        for index, phrase in enumerate(analysis.noun_phrases):
            if phrase.name:
                self._add(index, phrase)
        for index, phrase in enumerate(analysis.noun_phrases):
            if not phrase.name:
                self._add(index, phrase)

    def _words(self, phrase: NounPhrase) -> list[str]:
        return [t.lower for t in name_words(phrase, self.analysis.tokens) if t.kind != "clitic"]

    def _add(self, index: int, phrase: NounPhrase) -> None:
        tokens = self.analysis.tokens
        if phrase.pronoun or phrase.head.tag in ("MONTH", "WEEKDAY", "NUM", "ORD"):
            return
        demonstrative = phrase.definite and phrase.determiner in lexicon.words("demonstratives.txt")
        if not phrase.name and not demonstrative and not _bracket_after(tokens, phrase):
            return  # "a leader", "its position": neither a name nor one said again by its words
        key = _key(self._words(phrase))
        if not key or key in lexicon.words("time_nouns.txt"):
            return
        self._acronym(index, phrase, key)
        key = self._acronyms.get(key, key)
        if phrase.name:
            kind = kind_of_name(phrase, tokens)
            if len(key.split()) == 1 and kind == "unknown":
                person = self._by_surname(key)
                if person is not None:
                    self._link(
                        index, person, key, f"'{phrase.text}' is the surname of '{person.name}'"
                    )
                    return
            entity = self._matching(key, kind)
            if entity is None and self._ambiguous(key, kind):
                return  # "The Forum" after the Water Forum and the Energy Forum: not guessed
            if entity is None:
                entity = Entity(f"e{len(self.entities) + 1}", self._shown(phrase),
                                "person" if kind == "person" else "organisation", {key})  # fmt: skip
                self._also_known_as(entity, key)
                self.entities.append(entity)
                self._link(index, entity, key, "named here")
            else:
                self._link(index, entity, key, f"a shorter or longer name of '{entity.name}'")
        elif demonstrative:
            entity = self._matching(key, "organisation", aliases_only=True)
            if (
                entity is not None
                and phrase.head.lemma in lexicon.words("generic_descriptions.txt")
                and self._other_named_since(entity, index)
            ):
                entity = None  # "the group" after the Allotment Society: not an older "… Group"
            if entity is not None:
                self._link(
                    index, entity, key, f"'{phrase.text}' names '{entity.name}' by its last words"
                )

    def _introduced(self, phrase: NounPhrase) -> bool:
        """Whether an indefinite phrase with the same head came before a description, within a
        few paragraphs: "an online radio show … the show" is that show, not a name before."""
        analysis = self.analysis
        head = lexicon.singular(phrase.head.lower)
        paragraph = analysis.tokens[phrase.first].para
        at = analysis.phrase_of(phrase.first)
        phrases = analysis.noun_phrases
        for k in range((at if at is not None else 0) - 1, -1, -1):
            other = phrases[k]
            if paragraph - analysis.tokens[other.first].para > 6:
                break
            if (
                other.determiner in ("a", "an")
                and not other.name
                and lexicon.singular(other.head.lower) == head
            ):
                return True
        return False

    def _other_named_since(self, entity: Entity, index: int) -> bool:
        """Whether another organisation was named after the entity's last mention and before
        noun phrase `index`: a generic description ("the group") is the one just named."""
        last = max((m for m in entity.mentions if m < index), default=-1)
        return any(
            other is not entity
            and other.kind == "organisation"
            and any(last < m < index for m in other.mentions)
            for other in self.entities
        )

    def _shown(self, phrase: NounPhrase) -> str:
        """A name as shown: without its determiner, adjectives or ordinal ("Oakhollow Apple Fair")."""
        words = name_words(phrase, self.analysis.tokens)
        person = phrase.name and kind_of_name(phrase, self.analysis.tokens) == "person"
        titles = lexicon.words("titles.txt") if person else frozenset()
        counting = _counting_words()
        while len(words) > 1 and (
            words[0].tag in ("ORD", "NUM")
            or (words[0].tag == "ADJ" and (not words[0].is_cap or words[0].lower in counting))
            or (words[0].lower.strip(".") in titles and len(words) > 2 and words[1].is_cap)
        ):
            words = words[1:]  # "Chair Kari Nordmann" is "Kari Nordmann"
        if not words:
            return phrase.text
        return self.analysis.text[words[0].start : words[-1].end]

    def _acronym(self, index: int, phrase: NounPhrase, key: str) -> None:
        """`International Organization for Migration (IOM)`: the acronym names the phrase."""
        tokens = self.analysis.tokens
        k = phrase.last + 1
        if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")":
            letters = tokens[k + 1].text
            if letters.isupper() and 2 <= len(letters) <= 8:
                self._acronyms[letters.lower()] = key

    def _also_known_as(self, entity: Entity, key: str) -> None:
        if " of " in key:  # "youth orchestra of the danube" is also "youth orchestra"
            self._keyed(entity, key.split(" of ")[0])

    def _by_surname(self, word: str) -> Entity | None:
        found = [e for e in self._last.get(word, []) if e.kind == "person" and e.surname == word]
        return found[0] if len(found) == 1 else None

    def _matching(self, key: str, kind: str, aliases_only: bool = False) -> Entity | None:
        """The one entity a name is another name of (None when none or several)."""
        if key in self._exact:
            return self._exact[key]
        words = key.split()
        found = []
        for entity in self._last.get(words[-1] if words else "", []):
            if entity.kind == "person" and kind != "person":
                continue
            for other in entity.keys:
                theirs = other.split()
                short, long_ = sorted((words, theirs), key=len)
                if short and long_[-len(short) :] == short:
                    found.append(entity)
                    break
        if len(found) == 1:
            return found[0]
        return None

    def _keyed(self, entity: Entity, key: str) -> None:
        """Give an entity one more name to be known by, and index it by its last word."""
        if key in entity.keys and key in self._exact:
            return
        entity.keys.add(key)
        known = self._exact.get(key)
        if known is None or _order(entity) < _order(known):
            self._exact[key] = entity  # the first entity made, as a scan of them would find
        words = key.split()
        if words:
            listed = self._last.setdefault(words[-1], [])
            if entity not in listed:
                listed.append(entity)

    def _ambiguous(self, key: str, kind: str) -> bool:
        """Whether a one-word name ends the names of two or more entities."""
        words = key.split()
        if len(words) != 1:
            return False
        found = {
            entity.id
            for entity in self._last.get(words[0], [])  # the entities a name of ends in it
            if not (entity.kind == "person" and kind != "person")
        }
        return len(found) > 1

    def _link(self, index: int, entity: Entity, key: str, via: str) -> None:
        self._keyed(entity, key)
        entity.mentions.append(index)
        phrase = self.analysis.noun_phrases[index]
        fuller = self._shown(phrase)
        if phrase.name and len(fuller) > len(entity.name):
            entity.name = fuller  # every claim shows its entity by the fullest name
        self.of_phrase[index] = (entity, via)

    def entity_at(
        self, start: int, end: int, wants: str, carriers: set[str]
    ) -> tuple[Entity | None, str]:
        """The entity a mention stands for: its own, or, for a pronoun or a description, the
        nearest one before it that can carry the claim (`carriers`), else the nearest one."""
        if (start, end) in self._asking:
            return None, ""  # a mention that, followed round, stands for itself
        self._asking.add((start, end))
        try:
            return self._entity_at(start, end, wants, carriers)
        finally:
            self._asking.discard((start, end))

    def _entity_at(
        self, start: int, end: int, wants: str, carriers: set[str]
    ) -> tuple[Entity | None, str]:
        analysis = self.analysis
        index = analysis.token_index(start)
        if index >= len(analysis.tokens):
            return None, ""
        token = analysis.tokens[index]
        phrase_index = analysis.phrase_of(index)
        if token.tag == "POSS" and token.end >= end:
            phrase_index = None  # "its" alone: whatever it stands for, not the phrase it opens
        if phrase_index is not None and phrase_index in self.of_phrase:
            own, via = self.of_phrase[phrase_index]
            return own, f"'{analysis.noun_phrases[phrase_index].text}' ({via})"
        person = token.lower in _PERSON_WORDS or wants == "person"
        pronoun = token.lower in _PERSON_WORDS | _THING_WORDS
        phrase = analysis.noun_phrases[phrase_index] if phrase_index is not None else None
        if (
            phrase_index is not None
            and phrase is not None
            and not phrase.pronoun
            and not phrase.name
        ):
            owned = self._owned(phrase_index, wants, carriers)
            if owned is not None:
                return owned
        described = (
            phrase is not None
            and not phrase.name
            and (phrase.determiner in lexicon.words("demonstratives.txt") or self._timed(phrase))
        )
        if not (pronoun or described):
            return None, ""
        if pronoun and _expletive(analysis.tokens, index):
            return None, ""  # "It has been five years since we received a grant": no one's
        if pronoun:
            fronted, ahead = self._fronted_subject(index, person)
            if ahead is not None:
                return ahead, f"'{token.text}' opens the sentence before '{ahead.name}'"
            if fronted:
                return None, ""  # the subject after the fronted phrase names nothing known
        if token.tag == "POSS" and token.lower in _PERSON_WORDS | _THING_WORDS:
            bound = self._bound(index, person, wants, carriers)
            if bound is not None:
                return bound
        if described and phrase is not None and phrase_index is not None:
            apposed = self._apposed(phrase_index)
            if apposed is not None:
                return apposed, f"'{phrase.text}' stands beside '{apposed.name}'"
            thing = self._earlier_thing(phrase)
            if thing is not None:
                return thing, f"'{phrase.text}' is '{thing.name}', said before"
        kind = "person" if person else "organisation"
        if (
            described
            and phrase is not None
            and any(t.tag == "PROPN" for t in analysis.tokens[phrase.first : phrase.last])
        ):
            return None, ""  # "the Clean50 program", "the Dallas-based organization": named apart
        if (
            described
            and phrase is not None
            and phrase.head.lemma in lexicon.words("generic_descriptions.txt")
        ):
            # "the company": the one just named, not one far away that fits; but "the group"
            # is a group named within a few paragraphs before any other kind of name
            carriers = self._of_kind(phrase.head.lemma)
        plural = token.lower in ("they", "their", "them") if pronoun else None
        occasion = phrase is not None and lexicon.singular(phrase.head.lower) in lexicon.words(
            "occasion_nouns.txt"
        )
        if described and phrase is not None and not pronoun and not occasion:
            # "those companies" agrees with what it stands for, as "they" does; an occasion
            # ("the sixteenth round" of its grants) is one of many whatever its number
            plural = lexicon.plural_of_noun(phrase.head.text) is not None
        if described and phrase is not None:
            kin = self._kin(phrase, index)
            if kin is not None:
                return kin, f"'{phrase.text}' shares its words with '{kin.name}', said before it"
        if described and phrase is not None and kind != "person" and not self._agent(phrase):
            # "the release", "the report": a description of no kind of organisation, sharing no
            # word with a name said before, is not that name's (its last words would have
            # linked it when they did)
            entity, mention = None, None
        elif described and phrase is not None and self._introduced(phrase):
            entity, mention = None, None  # "an online radio show … the show": that show
        else:
            # an occasion ("the 4th round") is one of a series whatever the series' noun
            head = lexicon.singular(phrase.head.lower) if described and phrase else None
            head = None if occasion else head
            entity, mention = self._antecedent(index, kind, carriers, plural, head)
        if entity is None and described and phrase is not None and phrase_index is not None:
            entity = self._described(phrase_index, phrase)
            if entity is not None:
                return entity, f"'{phrase.text}' names nothing said before: it is its own"
        if entity is None and pronoun:
            entity = self._described_before(index, kind, bool(plural))
        if entity is None:
            return None, ""
        said = token.text if pronoun else (phrase.text if phrase else token.text)
        if mention is None or mention == entity.name:
            return entity, f"'{said}' refers to '{entity.name}', said before it"
        return entity, f"'{said}' refers to '{mention}' before it, which is '{entity.name}'"

    def _described(self, phrase_index: int, phrase: NounPhrase) -> Entity | None:
        """`The centre opened in 2010 … the centre marks …`: a description that stands for no
        name is an entity of its own, the same wherever the release says it the same way."""
        if phrase.determiner not in ("the", "this") or self._timed(phrase):
            return None
        key = _key(self._words(phrase))
        if not key or phrase.head.lemma in lexicon.words("time_nouns.txt"):
            return None
        entity = self._descriptions.get(key)
        if entity is None and self._names_ending(key):
            return None  # "The Forum" after the Water Forum and the Energy Forum: not guessed
        if entity is None:
            person = phrase.head.lemma in lexicon.words("person_nouns.txt")
            words = name_words(phrase, self.analysis.tokens)
            while len(words) > 1 and (
                words[0].tag in ("ADJ", "ORD", "NUM") or any(c.isdecimal() for c in words[0].text)
            ):
                words = words[1:]  # "the 61-year-old director" is "director"
            shown = self.analysis.text[words[0].start : words[-1].end] if words else phrase.text
            entity = Entity(f"e{len(self.entities) + 1}", shown,
                            "person" if person else "organisation", {key})  # fmt: skip
            entity.plural = lexicon.plural_of_noun(phrase.head.text) is not None
            self.entities.append(entity)
            self._keyed(entity, key)
            self._descriptions[key] = entity
            for index, other in enumerate(self.analysis.noun_phrases):
                if (
                    index not in self.of_phrase
                    and not other.name
                    and other.determiner in ("the", "this")
                    and _key(self._words(other)) == key
                ):
                    self.of_phrase[index] = (entity, "the same description")
                    entity.mentions.append(index)
        return entity

    def _bound(
        self, index: int, person: bool, wants: str, carriers: set[str]
    ) -> tuple[Entity | None, str] | None:
        """`The print works has paid a dividend since its incorporation`: a possessive stands
        for the subject of its own clause, when that is a noun said before it; (None, "") when
        that subject names nothing known ("As the brand celebrates its 20th anniversary")."""
        analysis = self.analysis
        clause = analysis.clause_of(index)
        if clause is None:
            return None
        subject = analysis.clauses[clause].subject
        verbs = [analysis.verb_groups[g] for g in analysis.clauses[clause].verbs]
        if subject is None or not any(v.finite and v.last < index for v in verbs):
            return None  # ", now in its ninth year": no clause of its own to bind in
        if analysis.clauses[clause].subject_via != "the noun phrase before the verb":
            return None
        # "Harlowmere has hosted the Dragon Boat Race every summer since its debut": a name or
        # a definite object between the verb and the possessive is what it stands for
        for group in analysis.clauses[clause].verbs:
            if not analysis.verb_groups[group].finite:
                continue
            held = relations.object_of(analysis, group)
            owned = relations.of_phrase(analysis, held) if held is not None else None
            if owned is not None and analysis.noun_phrases[owned].first <= index:
                held = None  # "marks the 25th anniversary of its founding": not the anniversary's
            if held is not None and analysis.noun_phrases[held].last < index:
                said = analysis.noun_phrases[held]
                if not said.pronoun and (said.name or said.determiner in ("the", "this")):
                    subject = held
            break
        found = analysis.noun_phrases[subject]
        if found.pronoun or found.last >= index or found.head.tag in ("NUM", "ORD"):
            return None
        if lexicon.plural_of_noun(found.head.text) is not None and not found.name:
            return None  # "Visitors praised its …": a plural noun is not "its"
        is_person = found.head.lemma in lexicon.words("person_nouns.txt") or (
            found.name and kind_of_name(found, analysis.tokens) == "person"
        )
        if is_person != person:
            return None
        entity, via = self.entity_at(found.start, found.end, wants, carriers)
        if entity is None:
            return None, ""  # the possessive is that subject's, whoever it is: not guessed
        token = analysis.tokens[index]
        return entity, f"'{token.text}' is its clause's subject, {via}"

    def _fronted_subject(self, index: int, person: bool) -> tuple[bool, Entity | None]:
        """`Since its founding in 2004, the Hollow Trust has …`, `To celebrate her 12th
        birthday, Eliana is …`: a pronoun in a phrase put before the sentence's subject stands
        for that subject. Whether there is such a subject, and its entity when known."""
        analysis = self.analysis
        tokens = analysis.tokens
        sentence = tokens[index].sent
        k = index - 1
        while k >= 0 and tokens[k].sent == sentence:
            # a comma before with no verb is still the fronted phrase ("In this, its 53rd
            # anniversary year, Veltrane Robotics …"); a finite verb means a clause came first
            if tokens[k].text in (";", ":") or tokens[k].tag in ("AUX", "MODAL"):
                return False, None
            if tokens[k].tag == "VERB" and not _non_finite_opener(tokens, k):
                return False, None
            k -= 1
        comma = next(
            (j for j in range(index + 1, len(tokens))
             if tokens[j].sent == sentence and tokens[j].text == ","),
            None,
        )  # fmt: skip
        if comma is None or comma + 1 >= len(tokens) or tokens[comma + 1].sent != sentence:
            return False, None
        if any(t.tag in ("VERB", "AUX", "MODAL") for t in tokens[index:comma]
               if "gerund" not in t.forms and "participle" not in t.forms):  # fmt: skip
            return False, None  # "It grew, and …": the pronoun is a subject itself
        subject = relations.subject_of(analysis, comma + 1)
        if subject is None:
            # "Now in its third year, RALLY, where innovation convenes, brings …": a name right
            # after the fronted phrase is its subject, whatever the clauses made of the rest
            subject = analysis.phrase_of(comma + 1)
            if subject is not None and not analysis.noun_phrases[subject].name:
                subject = None
        if subject is None or analysis.noun_phrases[subject].first != comma + 1:
            return False, None
        found = analysis.noun_phrases[subject]
        if found.pronoun or subject not in self.of_phrase:
            if found.pronoun:
                return False, None
            if found.determiner not in ("the", "this"):
                return True, None  # "…, NFL PLAY 60 inspires": a subject, not one we know
            entity = self._described(subject, found)
        else:
            entity = self.of_phrase[subject][0]
        if entity is None or (entity.kind == "person") != person:
            return entity is None or found.name, None  # a name of another kind: not guessed
        return True, entity

    def _agent(self, phrase: NounPhrase) -> bool:
        """Whether a description can stand for an organisation or a series named before:
        a kind of organisation ("the charity", "the mill", "the surveying practice"), a
        maker of things ("the lens maker", "the haulier"), an occasion ("the 2025 edition")
        or a thing said by its time ("this year's")."""
        lemma = phrase.head.lemma
        if self._timed(phrase) or lemma in lexicon.words("time_nouns.txt"):
            return True
        kinds = (
            lexicon.words("generic_descriptions.txt")
            | lexicon.words("occasion_nouns.txt")
            | lexicon.words("organisation_heads.txt")
            | lexicon.words("series_nouns.txt")
            | lexicon.words("agent_nouns.txt")
        )
        # a noun's own singular too: "gathering" has the verb's lemma "gather"
        noun = lexicon.singular(phrase.head.lower)
        return lemma in kinds or noun in kinds or noun.endswith(("maker", "ier", "ery"))

    def _kin(self, phrase: NounPhrase, index: int) -> Entity | None:
        """`the cidery` after `Brindlecombe Ciders`, `the robotics firm` after `Veltrane
        Robotics`: the one name said before (within _KIN_REACH paragraphs) that shares a word's
        stem with the description."""
        tokens = self.analysis.tokens
        words = [
            t.lower
            for t in tokens[phrase.first : phrase.last + 1]
            if t.tag in ("NOUN", "ADJ") and len(t.lower) >= 5
            and t.lower not in lexicon.words("generic_descriptions.txt")
        ]  # fmt: skip
        if not words:
            return None
        found: dict[str, Entity] = {}
        paragraph = tokens[index].para
        for phrase_index, (entity, _) in self.of_phrase.items():
            other = self.analysis.noun_phrases[phrase_index]
            if not other.name or other.first >= phrase.first:
                continue
            # a shared stem is specific evidence: it reaches further than nearness alone
            if paragraph - tokens[other.first].para > _KIN_REACH or entity.kind == "person":
                continue
            names = [t.lower for t in tokens[other.first : other.last + 1] if len(t.lower) >= 5]
            if any(_kindred(a, b) for a in words for b in names):
                found[entity.id] = entity
        return next(iter(found.values())) if len(found) == 1 else None

    def _names_ending(self, key: str) -> bool:
        """Whether a named entity's name ends in the words of `key`."""
        words = key.split()
        return any(
            other.split()[-len(words) :] == words
            for entity in self.entities
            if entity.id not in {e.id for e in self._descriptions.values()}
            for other in entity.keys
        )

    def _described_before(self, index: int, kind: str, plural: bool) -> Entity | None:
        """`The centre marks 10 years since its opening`: with no name before it, a pronoun
        stands for the nearest description of its kind within a few sentences."""
        analysis = self.analysis
        sentence = analysis.tokens[index].sent
        for phrase_index in range(len(analysis.noun_phrases) - 1, -1, -1):
            phrase = analysis.noun_phrases[phrase_index]
            if phrase.first >= index:
                continue
            if sentence - analysis.tokens[phrase.first].sent > _REACH:
                return None
            if phrase.name or phrase.pronoun or phrase.determiner not in ("the", "this"):
                continue
            person = phrase.head.lemma in lexicon.words("person_nouns.txt")
            many = lexicon.plural_of_noun(phrase.head.text) is not None
            if person == (kind == "person") and many == plural:
                return self._described(phrase_index, phrase)
        return None

    def _timed(self, phrase: NounPhrase) -> bool:
        """`this year's race`: a thing named by its time, which stands for the series."""
        if phrase.possessor is None:
            return False
        owner = self.analysis.noun_phrases[phrase.possessor]
        return owner.head.lemma in lexicon.words("time_nouns.txt")

    def _owned(
        self, phrase_index: int, wants: str, carriers: set[str]
    ) -> tuple[Entity, str] | None:
        """`the orchestra's summer academy`, `the conference of the Federation`, `whose first
        conference`: a thing of an entity's, the same wherever it is said that way."""
        analysis = self.analysis
        phrase = analysis.noun_phrases[phrase_index]
        owner_index = phrase.possessor
        tokens = analysis.tokens
        if (
            owner_index is None
            and tokens[phrase.first].tag == "POSS"
            and phrase.last > phrase.first
        ):
            # "its Oakhollow branch": a thing of whatever "its" stands for
            owner, _ = self.entity_at(
                tokens[phrase.first].start, tokens[phrase.first].end, wants, carriers
            )
            return self._sub(owner, phrase, phrase_index) if owner is not None else None
        if owner_index is not None and self._timed(phrase):
            return None  # "this year's fair" is the series' fair, said by its time
        if owner_index is not None and not analysis.noun_phrases[owner_index].name:
            # "the carers' network" may be the last words of "Ulverby Carers' Network"
            possessor = analysis.noun_phrases[owner_index]
            words = self._words(possessor) + [
                t.lower for t in tokens[possessor.last + 1 : phrase.last + 1] if t.kind != "clitic"
            ]
            named = self._matching(_key(words), "organisation", aliases_only=True)
            if named is not None:
                said = f"{possessor.text} {phrase.text}"
                return named, f"'{said}' names '{named.name}' by its last words"
        if owner_index is None:
            owner_index = relations.of_phrase(analysis, phrase_index)
        if (
            owner_index is None
            and phrase.first > 0
            and analysis.tokens[phrase.first - 1].lower == "whose"
        ):
            owner_index = relations.phrase_before(analysis, phrase.first - 1)
        if owner_index is None:
            return None
        owner, _ = self.entity_at(
            analysis.noun_phrases[owner_index].start,
            analysis.noun_phrases[owner_index].end,
            wants,
            carriers,
        )
        return self._sub(owner, phrase, phrase_index) if owner is not None else None

    def _sub(
        self, owner: Entity, phrase: NounPhrase, phrase_index: int
    ) -> tuple[Entity, str] | None:
        """The entity that is `owner`'s thing named by the phrase's head ("the branch")."""
        if phrase.head.lemma in lexicon.words("time_nouns.txt"):
            return None
        head = lexicon.singular(phrase.head.text)
        key = (owner.id, head)
        if key not in self._owned_entities:
            entity = Entity(
                f"e{len(self.entities) + 1}",
                f"{owner.name}'s {head}",
                "thing",
                {f"{owner.id} {head}"},
                plural=lexicon.plural_of_noun(phrase.head.text) is not None,
            )
            self.entities.append(entity)
            self._keyed(entity, f"{owner.id} {head}")
            self._owned_entities[key] = entity
            self._owned_first[entity.id] = phrase.first
        found = self._owned_entities[key]
        via = f"'{phrase.text}' is {owner.name}'s {head}"
        self.of_phrase.setdefault(phrase_index, (found, via))  # a mention a pronoun may follow
        return found, via

    def _apposed(self, phrase_index: int) -> Entity | None:
        """`Leading Estates of the World, the original … publication`: a description set off
        by a comma beside a name is that name's."""
        analysis = self.analysis
        phrase = analysis.noun_phrases[phrase_index]
        if phrase.first == 0 or analysis.tokens[phrase.first - 1].text != ",":
            return None
        before = relations.phrase_before(analysis, phrase.first)
        if before is not None and before in self.of_phrase and analysis.noun_phrases[before].name:
            return self.of_phrase[before][0]
        return None

    def _earlier_thing(self, phrase: NounPhrase) -> Entity | None:
        """`the thirty-first annual conference` after `its first conference`: the one thing of
        that name said before, within a few paragraphs."""
        head = lexicon.singular(phrase.head.text)
        tokens = self.analysis.tokens
        found = [
            entity
            for (_, name), entity in self._owned_entities.items()
            if name == head
            and self._owned_first[entity.id] < phrase.first
            and tokens[phrase.first].para - tokens[self._owned_first[entity.id]].para <= 3
        ]
        return found[0] if len(found) == 1 else None

    def _salient(self, phrase: NounPhrase) -> bool:
        """Whether a mention can be what a later pronoun stands for by nearness alone: not one
        a preposition other than "of" governs ("According to the U.S. Bureau of Labor
        Statistics, …" names a source, not what "its" in the next sentence is)."""
        if phrase.first == 0:
            return True
        before = self.analysis.tokens[phrase.first - 1]
        return before.tag != "ADP" or before.lower == "of"

    def _plural_between(self, phrase: NounPhrase, index: int) -> bool:
        """Whether a plural common noun comes after a name and before token `index`: "…
        31.8 million Hispanic Americans were … They represent 19%" are the Americans, not the
        festival named two sentences before."""
        phrases, tokens = self.analysis.noun_phrases, self.analysis.tokens
        at = self.analysis.phrase_of(phrase.first)
        for k in range(at + 1 if at is not None else 0, len(phrases)):
            other = phrases[k]
            if other.first >= index:
                break  # phrases are in order: the rest come after the pronoun
            if other.first <= phrase.last or other.head.i >= index:
                continue
            counted = any(t.tag == "NUM" for t in tokens[max(0, other.first - 1) : other.head.i])
            if (not other.name or counted) and lexicon.plural_of_noun(other.head.text) is not None:
                return True  # a name counted is a plural too ("31.8 million Hispanic Americans")
        return False

    def _of_kind(self, generic: str) -> set[str]:
        """The organisations whose name ends in a kind of the generic noun ("the group": the
        Ulverby Carers' Network, the Mossgate Tenants' Union), from data/generic_kinds.tsv."""
        kinds = lexicon.table("generic_kinds.tsv").get(generic)
        if not kinds:
            return set()
        wanted = set(kinds[0].split())
        return {
            entity.id
            for entity in self.entities
            if entity.kind == "organisation"
            and lexicon.singular(entity.name.split()[-1].lower()) in wanted
        }

    def _kin_before(self, index: int) -> bool:
        """Whether a person is described before token `index` in its sentence ("Felix's younger
        sister lost her life before her seventh birthday"): "her" is hers, not a person with
        a birth said sentences back."""
        analysis = self.analysis
        sentence = analysis.tokens[index].sent
        people = lexicon.words("person_nouns.txt")
        k = analysis.phrases_before(index) - 1
        while k >= 0:
            phrase = analysis.noun_phrases[k]
            if analysis.tokens[phrase.first].sent != sentence:
                return False
            if not phrase.name and not phrase.pronoun and phrase.head.lemma in people:
                return True
            k -= 1
        return False

    def _subject_before(self, phrase_index: int, index: int) -> bool:
        """Whether a noun phrase is the subject of a clause before token `index` in its
        sentence: what a pronoun after it most likely stands for, whatever else fits."""
        analysis = self.analysis
        clause = analysis.clause_of(analysis.noun_phrases[phrase_index].first)
        own = analysis.clause_of(index)
        return (
            clause is not None
            and clause != own
            and analysis.clauses[clause].subject == phrase_index
            and analysis.clauses[clause].subject_via == "the noun phrase before the verb"
        )

    def _antecedent(
        self,
        index: int,
        kind: str,
        carriers: set[str],
        plural: bool | None = None,
        head: str | None = None,
    ) -> tuple[Entity | None, str | None]:
        """The nearest entity of a kind named before token `index`, with the words that name
        it there: one that carries the claim within a few paragraphs first, else any within
        a few sentences. A description (`head`: its noun) stands for a thing of an entity's
        only by that thing's noun: "those companies" are not the Shed's bursaries."""
        analysis = self.analysis
        sentence = analysis.tokens[index].sent
        paragraph = analysis.tokens[index].para
        nearest: tuple[Entity | None, str | None] = (None, None)
        for phrase_index in sorted(self.of_phrase, reverse=True):
            phrase = analysis.noun_phrases[phrase_index]
            if phrase.first >= index:
                continue
            entity, _ = self.of_phrase[phrase_index]
            if entity.kind != kind and not (kind == "organisation" and entity.kind == "thing"):
                continue
            if head is not None and entity.kind == "thing" and entity.name.split()[-1] != head:
                continue
            if plural is not None and entity.plural is not None and entity.plural != plural:
                continue  # "They … over the last 20 years" is not "the annual event"
            tok = analysis.tokens[phrase.first]
            # "they" may stand for an organisation's name, but only for one said just before
            far = not (plural and entity.plural is None)
            if (
                far
                and entity.id in carriers
                and paragraph - tok.para <= _CARRIER_REACH
                and not (kind == "person" and tok.sent < sentence and self._kin_before(index))
            ):
                return entity, self._shown(phrase)
            if (
                nearest[0] is None
                and sentence - tok.sent <= _REACH
                and self._salient(phrase)
                and not (plural and entity.plural is None and self._plural_between(phrase, index))
            ):
                nearest = entity, self._shown(phrase)
                if tok.sent == sentence and self._subject_before(phrase_index, index):
                    return nearest  # "the Shed has been giving …: its first meeting was held"
            if paragraph - tok.para > _CARRIER_REACH:
                break
        return nearest


def _expletive(tokens: list[Token], index: int) -> bool:
    """`It has been five years since …`, `It is 20 years since …`: an "it" that a time and a
    "since" follow stands for nothing."""
    if tokens[index].lower != "it":
        return False
    k = index + 1
    while k < len(tokens) and k - index <= 3 and tokens[k].tag in ("AUX", "ADV", "NEG"):
        k += 1
    if k == index + 1 or tokens[k - 1].lemma != "be":
        return False
    sentence = tokens[index].sent
    return any(
        t.lower == "since" and t.sent == sentence for t in tokens[k : min(len(tokens), k + 8)]
    )


def resolve(document: Document, analysis: Analysis, claims: list[Claim]) -> list[Claim]:
    """The claims with `subject`, `subject_id` and `subject_via` set where a link is sure enough."""
    resolver = Resolver(analysis)
    linked: dict[str, tuple[Entity, str]] = {}
    # Names first; then pronouns and descriptions, which prefer an entity that has what the
    # claim is checked against (an origin for an anniversary, a birth for an age).
    for claim in claims:
        if claim.subject_span is None:
            continue
        wants = "person" if claim.kind in _CARRY_AGES else "organisation"
        index = analysis.token_index(claim.subject_span[0])
        # named before anything is asked: a description made an entity of its own by this
        # pass ("the mill" when nothing near fits) must wait for the carriers of the next
        direct = (
            analysis.phrase_of(index) in resolver.of_phrase
            if index < len(analysis.tokens)
            else False
        )
        if not direct:
            continue
        entity, via = resolver.entity_at(*claim.subject_span, wants, set())
        if entity is not None:
            linked[claim.id] = (entity, via)
    # Beginnings first, so that what they are of can carry the counts that follow.
    ordered = sorted(claims, key=lambda c: c.kind != "origin")
    for claim in ordered:
        if claim.subject_span is None or claim.id in linked:
            continue
        wants = "person" if claim.kind in _CARRY_AGES else "organisation"
        carriers = _carriers(claim, claims, linked)
        if claim.kind == "origin" and _pronoun_at(analysis, claim.subject_span[0]):
            # "It was started in 2016": the nearest thing it can stand for, not the one whose
            # beginning was told already (that would make two beginnings of one)
            carriers = set()
        entity, via = resolver.entity_at(*claim.subject_span, wants, carriers)
        if entity is not None:
            linked[claim.id] = (entity, via)
    out = []
    for claim in claims:
        if claim.id in linked:
            entity, via = linked[claim.id]
            claim = claim.model_copy(
                update={"subject": entity.name, "subject_id": entity.id, "subject_via": via}
            )
        elif claim.subject_span is not None:
            claim = claim.model_copy(update={"subject": None})
        out.append(_anchored(claim, resolver))
    return out


def _carriers(claim: Claim, claims: list[Claim], linked: dict[str, tuple[Entity, str]]) -> set[str]:
    """The entities a claim's pronoun or description may stand for by what they have: a
    series (a first occasion, a frequency) for an Nth occasion, a beginning for a count of
    years or a length of time, an age or a birth for an age."""

    def of(wanted: object) -> set[str]:
        return {linked[c.id][0].id for c in claims if c.id in linked and wanted(c)}  # type: ignore[operator]

    if claim.kind in _CARRY_AGES:
        return of(lambda c: c.kind in _CARRY_AGES)
    if claim.kind == "ordinal" and claim.unit == "birthday":
        # "his 86th birthday" is a person's age, "its 9th birthday" an organisation's years
        return of(lambda c: c.kind in _CARRY_AGES or c.kind == "origin")
    if claim.kind == "ordinal" and claim.unit not in _YEAR_UNITS:
        series = of(lambda c: c.kind == "origin" and (c.unit == "first" or c.frequency is not None))
        if series:
            return series
    if claim.kind in _CARRY_ORIGINS:
        return of(lambda c: c.kind == "origin")
    return set()


def _pronoun_at(analysis: Analysis, offset: int) -> bool:
    """Whether the mention at an offset is a personal pronoun ("it", "they", "she")."""
    index = analysis.token_index(offset)
    return index < len(analysis.tokens) and analysis.tokens[index].tag == "PRON"


def _anchored(claim: Claim, resolver: Resolver) -> Claim:
    """A series counted from another entity's origin ("since the launch of X")."""
    if claim.anchor_span is None:
        return claim
    entity, _ = resolver.entity_at(*claim.anchor_span, "organisation", set())
    return claim.model_copy(update={"anchor_id": entity.id if entity else None})


def _order(entity: Entity) -> int:
    """Where an entity was made among a document's entities ("e12" is the twelfth)."""
    return int(entity.id[1:])


def _bracket_after(tokens: list[Token], phrase: NounPhrase) -> bool:
    """Whether a bracket follows a phrase, where an acronym may name it ("… framework (SCF)")."""
    return phrase.last + 1 < len(tokens) and tokens[phrase.last + 1].text == "("


def _non_finite_opener(tokens: list[Token], k: int) -> bool:
    """Whether a verb opens a fronted phrase rather than a clause: an infinitive ("To
    celebrate her …"), a gerund ("Celebrating its …") or a participle first in its sentence
    ("Rooted in …, and in its 18th season, …")."""
    token = tokens[k]
    first = k == 0 or tokens[k - 1].sent != token.sent
    if k > 0 and tokens[k - 1].tag == "TO":
        return True
    if "gerund" in token.forms:
        return True
    return "participle" in token.forms and first
