"""Beginnings: when something was founded, first held, or when a person started, however it is
said ("founded in 1998", "X founded Y in 1996", "(est. 2015)", "since its launch in 2009",
"since the first fair in 2001", "made its debut in 2008", "held every year since 2016",
"It was in 1980 that X established Y", "dates back to 1969", "joined in 1995")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.extract.base import Context, Draft
from checker.language import lexicon, relations
from checker.language.analysis import Analysis
from checker.language.tokens import Token

_GAP = (
    9  # tokens between an origin verb and its date, at most ("was first held on the seafront in")
)
# … or of words and phrases, a noun phrase counting as one, when the tokens are more
# ("joined the Harlowmere Sea Scout Group as a part-time driver in 2019")
_PHRASE_GAP = 5
_DOOR_NOUNS = frozenset({"doors", "gates"})
_OBJECT_CUES = {
    "debut": "first",
    "career": "start",
    "doors": "founding",
    "place": "first",
}  # "made its debut"
_CANCELLED = frozenset({"cancel", "call", "postpone", "skip", "suspend"})
_EXCEPT = (("apart", "from"), ("except",), ("except", "in"), ("bar",), ("save", "for"))


@dataclass(frozen=True)
class Cue:
    """An origin verb: what began, and whose beginning it is in the active voice."""

    kind: str  # founding, first, start, birth
    role: str  # subject, object


@cache
def _verbs() -> dict[tuple[str, ...], Cue]:
    out: dict[tuple[str, ...], Cue] = {}
    for words, kind, role in lexicon.rows("origin_verbs.tsv"):
        out.setdefault(tuple(words.split()), Cue(kind, role))
    return out


@cache
def _nouns() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.rows("origin_nouns.tsv")}


@cache
def frequencies() -> dict[tuple[str, ...], str]:
    """Frequency phrases ("every two years", "annual") and their TIMEX3 periods."""
    return {tuple(row[0].split()): row[1] for row in lexicon.rows("frequencies.tsv")}


def frequency_in(tokens: list[Token], first: int, last: int) -> str | None:
    """The period of the first frequency phrase between two token indices."""
    table = frequencies()
    for i in range(max(0, first), min(len(tokens), last + 1)):
        for size in (3, 2, 1):
            key = tuple(t.lower for t in tokens[i : i + size])
            if len(key) == size and key in table:
                return table[key]
    return None


def sentence_span(tokens: list[Token], index: int) -> tuple[int, int]:
    """The first and last token of the sentence holding token `index`."""
    sentence = tokens[index].sent
    first = last = index
    while first > 0 and tokens[first - 1].sent == sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sent == sentence:
        last += 1
    return first, last


def find(analysis: Analysis, ctx: Context, atoms: list[Draft]) -> list[Draft]:
    """Every beginning whose date the text gives, with the mention of whose it is."""
    out = []
    for atom in atoms:
        if atom.kind != "date" or atom.date is None:
            continue
        index = analysis.token_index(atom.start)
        if index >= len(analysis.tokens):
            continue
        by_verb = _by_verb(analysis, index, atom)
        by_noun = _by_noun(analysis, index, atom)
        if by_verb is not None and by_noun is not None and by_verb.unit == "start":
            # "has led the orchestra since its creation in 2010": the orchestra's founding,
            # and the start of whoever has led it since
            out += [by_noun, by_verb]
            continue
        found = by_verb or by_noun or _by_since(analysis, index, atom)
        if found is not None:
            out.append(found)
    return out


def _draft(
    analysis: Analysis,
    atom: Draft,
    start: int,
    end: int,
    cue: str,
    kind: str,
    subject: int | None,
    owner: bool = False,
) -> Draft:
    """An origin claim; `owner`: the subject is whoever the phrase's "its" stands for."""
    tokens = analysis.tokens
    draft = Draft(kind="origin", start=min(start, atom.start), end=max(end, atom.end), value=atom.value,
                  date=atom.date, cue=cue, unit=kind, links=[atom])  # fmt: skip
    if subject is not None:
        phrase = analysis.noun_phrases[subject]
        draft.extra["subject_span"] = (
            relations.owner_span(analysis, subject) if owner else (phrase.start, phrase.end)
        )
    first, last = sentence_span(tokens, analysis.token_index(atom.start))
    draft.frequency = frequency_in(tokens, first, last)
    return draft


def _governing(analysis: Analysis, index: int) -> int | None:
    """The verb group a date depends on (see `relations.verb_of_date`); in a cleft ("It was in
    1980 that X established Y") the verb of the clause after "that"; none when the verb already
    has its date and this one is said after "and" ("founded it in 2021 and in 2022 …")."""
    tokens = analysis.tokens
    clause = analysis.clause_of(index)
    group = analysis.governing_verb(index)
    if (
        group is not None
        and analysis.verb_groups[group].lemma == "be"
        and clause is not None
        and clause + 1 < len(analysis.clauses)
    ):
        after = analysis.clauses[clause + 1]
        if after.opener in ("that", "who") and after.verbs:
            return after.verbs[0]
    group = relations.verb_of_date(analysis, index)
    if group is None:
        return None
    verb = analysis.verb_groups[group]
    if (
        verb.lemma == "be"
        and group > 0
        and verb.first > 0
        and tokens[verb.first - 1].lower == "into"
    ):
        group -= 1  # "came into being in 2004"
        verb = analysis.verb_groups[group]
    if verb.last < index:
        between = tokens[verb.last + 1 : index]
        if any(t.text in (";", ":") for t in between):
            return None
        if len(between) > _GAP and _units(analysis, verb.last + 1, index) > _PHRASE_GAP:
            return None
        if any(t.lower in ("and", "or") for t in between) and any(
            t.kind == "number" for t in between
        ):
            return None  # "founded the nonprofit in 2021 and in 2022 …": that date is the verb's
    return group


def _units(analysis: Analysis, first: int, end: int) -> int:
    """The words and phrases from token `first` to before `end`, a noun phrase counting as one:
    "the Harlowmere Sea Scout Group as a part-time driver in" is four."""
    phrases: set[int] = set()
    words = 0
    for k in range(first, end):
        phrase = analysis.phrase_of(k)
        if phrase is None:
            words += 1
        else:
            phrases.add(phrase)
    return words + len(phrases)


def _by_verb(analysis: Analysis, index: int, atom: Draft) -> Draft | None:
    tokens = analysis.tokens
    group = _governing(analysis, index)
    if group is None:
        return None
    verb = analysis.verb_groups[group]
    if verb.orientation == "future" or (
        verb.tense == "present" and verb.aspect == "simple" and verb.lemma != "date"
    ):
        return None  # "will open on 2 May", "opens on Tuesday": an event to come, not a beginning
    lead_word = tokens[verb.first]
    k = verb.first - 1
    while k > 0 and tokens[k].tag == "ADV":
        k -= 1  # "since first opening in 1993"
    since = k >= 0 and tokens[k].lower in ("since", "after", "upon", "before")
    if "gerund" in lead_word.forms and verb.first == verb.last and not since:
        return None  # "Beginning at the market open on 24 February": not "since opening in 1993"
    lemma = verb.lemma
    particles = relations.particle_words(analysis, group)
    cue = None
    for size in (len(particles), 1, 0):
        key = (lemma, *particles[:size])
        if key in _verbs():
            cue = _verbs()[key]
            break
    obj = relations.object_of(analysis, group)
    object_head = analysis.noun_phrases[obj].head.lower if obj is not None else ""
    if cue is None and object_head in _OBJECT_CUES:
        cue = Cue(_OBJECT_CUES[object_head], "subject")  # "made its debut", "began his career"
    if cue is None and lemma == "trace" and obj is not None:
        cue = Cue("founding", "subject")  # "can trace its first meeting to 1976"
    if lemma in _CANCELLED:
        cue = Cue("cancelled", "subject")
    if cue is None or cue.kind == "birth":
        return None
    subject = _whose(analysis, group, cue, obj, object_head)
    # "first" before the verb, or in the phrase it tells of, however long its name ("the first
    # Quenby Cross Makers' Market, held in 2017")
    said = tokens[max(0, verb.first - 6) : verb.last + 1]
    if subject is not None:
        found = analysis.noun_phrases[subject]
        said = said + tokens[found.first : found.last + 1]
    first_said = any(t.lower in ("first", "inaugural") for t in said)
    if cue.kind == "first" and not first_said:
        return None  # "was held in Geneva in 2019" is one occasion, not the first
    kind = "first" if cue.kind == "first" or first_said else cue.kind
    start, end = verb.start, verb.end
    lead = verb.first
    if lead > 0 and tokens[lead - 1].lower in ("first", "inaugural", "originally"):
        lead -= 1  # "first held in 2015": the claim is the first time
        start = tokens[lead].start
    if subject is not None and subject == obj and analysis.noun_phrases[obj].first > verb.last:
        end = analysis.noun_phrases[obj].end  # "the EU and IOM established a … Framework"
    words = " ".join(t.lower for t in tokens[lead : verb.last + 1] if t.tag in ("VERB", "ADV"))
    owner = _first_of_owner(analysis, subject)
    return _draft(analysis, atom, start, end, words or lemma, kind, subject, owner=owner)


def _first_of_owner(analysis: Analysis, phrase: int | None) -> bool:
    """`its first meeting was held in 1989`, `opened its first workshop in 1994`: the owner's
    first occasion, or its first premises, is its beginning."""
    if phrase is None:
        return False
    found = analysis.noun_phrases[phrase]
    words = {t.lower for t in analysis.tokens[found.first : found.last + 1]}
    head = lexicon.singular(found.head.lower)
    generic = head in ("meeting", "gathering", "session", "event", "edition", "outing") or (
        head in lexicon.words("premises_nouns.txt")
    )
    return found.determiner in ("its", "their") and bool(words & {"first", "inaugural"}) and generic


def _whose(
    analysis: Analysis, group: int, cue: Cue, obj: int | None, object_head: str
) -> int | None:
    """Whose beginning a verb tells: the object of "X founded Y"; the subject of "Y was founded",
    "Y opened its doors"; the phrase a participle hangs on ("Y, founded in 1998,")."""
    tokens = analysis.tokens
    verb = analysis.verb_groups[group]
    lead = verb.first
    while lead > 0 and tokens[lead - 1].tag == "ADV":
        lead -= 1  # ", first held in 2015"
    perfect = tokens[verb.first].lower == "having"  # ", having been appointed": the main subject
    if not verb.finite and not perfect and lead > 0 and tokens[lead - 1].tag in ("NOUN", "PROPN"):
        before = analysis.phrase_of(lead - 1)  # "the coalition established by the NFL in 2023"
        if before is not None and analysis.noun_phrases[before].last == lead - 1:
            return _owner_or_self(analysis, before)
    if (
        not verb.finite
        and not perfect
        and lead > 0
        and tokens[lead - 1].text in (",", "(", "–", "—")
    ):
        before = relations.phrase_before(analysis, lead)
        if before is not None and analysis.noun_phrases[before].head.lemma not in lexicon.words(
            "time_nouns.txt"
        ):
            return _owner_or_self(analysis, before)
    if (
        verb.voice == "active"
        and verb.finite
        and cue.role == "object"
        and obj is not None
        and object_head not in _DOOR_NOUNS
    ):
        return _owner_or_self(analysis, obj)
    subject = relations.subject_of(analysis, verb.first)
    if subject is not None:
        return _owner_or_self(analysis, subject)
    return None


def _owner_or_self(analysis: Analysis, phrase: int) -> int:
    """`The history of the Tidewell Men's Shed dates back`: the shed, not its history."""
    head = analysis.noun_phrases[phrase].head.lower
    if head in ("history", "roots", "origins", "story"):
        owned = relations.of_phrase(analysis, phrase)
        if owned is not None:
            return owned
    return phrase


def _by_noun(analysis: Analysis, index: int, atom: Draft) -> Draft | None:
    """`since its launch in 2009`, `its creation in 2010`, `the first fair in 2001`, `the
    inaugural Gorseby Tech Summit in 1991`, `(est. 2015)`, `in business since 2016`."""
    tokens = analysis.tokens
    k = index - 1
    if k >= 0 and tokens[k].lower in ("in", "on"):
        k -= 1
    if k >= 1 and tokens[k].text == "." and not tokens[k].space:
        k -= 1  # "est. 2006"
    if k < 0:
        return None
    token = tokens[k]
    if token.text == "EST" and (k + 1 >= len(tokens) or tokens[k + 1].text != "."):
        return None  # "10:00 a.m. EST on Friday": Eastern time, not "est. 2015"
    noun = _nouns().get(token.lower.rstrip("."))
    if noun is not None and k == index - 1 and token.lower.endswith("ing"):
        return None  # "on sale beginning Monday, Feb. 10": "from", not a beginning
    if noun is not None:
        phrase = analysis.phrase_of(k)
        found = analysis.noun_phrases[phrase] if phrase is not None else None
        if token.lower.rstrip(".") in ("est", "founded", "established"):
            subject = relations.phrase_before(analysis, k)  # "Pellucid Optics, est. 2015"
        elif found is not None and found.determiner in ("its", "their", "his", "her"):
            return _draft(
                analysis,
                atom,
                token.start,
                atom.end,
                token.lower.rstrip("."),
                noun,
                phrase,
                owner=True,
            )
        else:
            subject = relations.of_phrase(analysis, phrase) if phrase is not None else None
            if subject is None and found is not None and found.determiner is None:
                # "Since first opening in 2017, the café has …": the clause's subject's
                clause_subject = relations.subject_of(analysis, k)
                subject = clause_subject if clause_subject != phrase else None
        start = token.start
        if k > 0 and tokens[k - 1].lower in ("first", "initial", "original"):
            start = tokens[k - 1].start
        return _draft(analysis, atom, start, atom.end, token.lower.rstrip("."), noun, subject)
    phrase = analysis.phrase_of(k)
    if phrase is not None:
        found = analysis.noun_phrases[phrase]
        words = [t.lower for t in tokens[found.first : found.last + 1]]
        if _first_period(words):
            return None  # "its first half year 2025 performance", "the first quarter 2025"
        if "first" in words or "inaugural" in words:
            if (
                found.head.lower in lexicon.words("series_nouns.txt")
                and not found.name
                and found.head.lower
                in ("outing", "edition", "time", "staging", "instalment", "iteration")
            ):
                phrase = relations.subject_of(
                    analysis, k
                )  # "After a first outing in 2019, the festival …"
            return _draft(analysis, atom, found.start, atom.end, "first", "first", phrase)
    if (
        k >= 2
        and tokens[k].lower == "since"
        and tokens[k - 1].lower == "business"
        and tokens[k - 2].lower == "in"
    ):
        return _draft(analysis, atom, tokens[k - 2].start, atom.end, "in business since", "founding",
                      relations.subject_of(analysis, k))  # fmt: skip
    return _excepted(analysis, index, atom)


def _first_period(words: list[str]) -> bool:
    """Whether "first" opens a part of a period ("first half year 2025", "the first quarter of
    2024"), not a first occasion ("the first half marathon in 2017")."""
    units = lexicon.table("time_units.tsv")
    for k in range(len(words) - 1):
        if words[k] != "first":
            continue
        part, after = words[k + 1], words[k + 2] if k + 2 < len(words) else None
        if part in lexicon.words("period_parts.txt") or lexicon.singular(part) in units:
            # "the first half marathon", "the first quarter final": an event after all
            return (
                after is None
                or after == "of"
                or after[:1].isdigit()
                or (lexicon.singular(after) in units)
            )
    return False


def _excepted(analysis: Analysis, index: int, atom: Draft) -> Draft | None:
    """`… every year since 2003 apart from 2020, when it was cancelled`: a year not held."""
    tokens = analysis.tokens
    for words in _EXCEPT:
        begin = index - len(words)
        if begin >= 0 and tuple(t.lower for t in tokens[begin:index]) == words:
            first, last = sentence_span(tokens, index)
            if any(
                t.lemma in _CANCELLED or t.lower.startswith("cancel")
                for t in tokens[index : last + 1]
            ):
                return _draft(analysis, atom, tokens[begin].start, atom.end, "cancelled", "cancelled",
                              relations.subject_of(analysis, first))  # fmt: skip
    return None


def _by_since(analysis: Analysis, index: int, atom: Draft) -> Draft | None:
    """`has been held every year since 2016`, `An annual fixture since 1998, the market …`,
    `grants, awarded every year since 2012`: a series held since a first occasion."""
    tokens = analysis.tokens
    if index == 0 or tokens[index - 1].lower != "since":
        return None
    first, _ = sentence_span(tokens, index)
    clause = analysis.clause_of(index)
    begin = analysis.clauses[clause].first if clause is not None else first
    period = frequency_in(tokens, max(first, begin - 2), index - 1)
    if period is None:
        return None
    group = analysis.governing_verb(index)
    subject: int | None = None
    if group is not None:
        verb = analysis.verb_groups[group]
        if not verb.finite and verb.first > 0 and tokens[verb.first - 1].text == ",":
            subject = relations.phrase_before(analysis, verb.first)
        elif verb.voice == "active" and verb.finite:
            held = relations.object_of(analysis, group)
            if (
                held is not None
                and analysis.noun_phrases[held].last < index
                and not relations.makes_one_verb(analysis, group, held)
                and analysis.noun_phrases[held].determiner not in ("a", "an", "one")
            ):  # "has taken on a new group … every year": each year's group is the subject's
                subject = held  # "has awarded its Small Sparks grants every year since 2004"
    if subject is None:
        subject = relations.subject_of(analysis, index)
    return _draft(analysis, atom, tokens[index - 1].start, atom.end, "since", "first", subject)
