"""Who did what: the subject, the object and the particles of a verb group, the noun phrase a
comma clause or a bracket hangs on, questions every extractor asks of the layer."""

from __future__ import annotations

from functools import cache

from checker.language import lexicon
from checker.language.analysis import Analysis

_PARTICLES = frozenset({"out", "up", "back", "off", "on", "over", "in"})


def subject_of(analysis: Analysis, index: int) -> int | None:
    """The noun phrase that is the subject of the clause holding token `index`."""
    clause = analysis.clause_of(index)
    return analysis.clauses[clause].subject if clause is not None else None


def object_of(analysis: Analysis, group: int) -> int | None:
    """The noun phrase right after a verb group (its particles and adverbs aside): "founded
    Northgale Textiles", "launched its online shop"; None when a preposition comes first."""
    tokens = analysis.tokens
    k = analysis.verb_groups[group].last + 1
    while k < len(tokens) and (tokens[k].tag == "ADV" or tokens[k].lower in _PARTICLES):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tokens[k].lower in _PARTICLES and (
            nxt is None or nxt.tag not in ("DET", "POSS", "PROPN", "NOUN", "ADJ")
        ):
            return None  # "set up in 2018": a particle, then no object
        if (
            tokens[k].lower in ("in", "on", "over")
            and nxt is not None
            and nxt.tag not in ("DET", "POSS")
        ):
            return None  # "met in Brussels": a preposition and its place
        k += 1
    if k >= len(tokens):
        return None
    phrase = analysis.phrase_of(k)
    if phrase is not None and analysis.noun_phrases[phrase].first == k:
        return phrase
    return None


def makes_one_verb(analysis: Analysis, group: int, phrase: int) -> bool:
    """Whether an object is the noun of a light verb ("has taken place", "took part"): one
    verb with it, no thing of its own."""
    head = analysis.noun_phrases[phrase].head
    pairs = lexicon.pairs("light_verbs.tsv")
    return (analysis.verb_groups[group].head.lemma, head.lower) in pairs


def particle_words(analysis: Analysis, group: int) -> list[str]:
    """The words after a verb that make one verb with it: "started out", "dates back", "came
    into being"."""
    tokens = analysis.tokens
    k = analysis.verb_groups[group].last + 1
    words: list[str] = []
    while k < len(tokens) and len(words) < 2 and tokens[k].lower in _PARTICLES | {"into", "being"}:
        words.append(tokens[k].lower)
        k += 1
    return words


def phrase_before(analysis: Analysis, index: int) -> int | None:
    """The noun phrase that ends just before token `index`, over a comma or an opening bracket:
    "X, founded in 1988", "X (founded 1985)", "X, est. 2015"."""
    tokens = analysis.tokens
    k = index - 1
    while k >= 0 and (
        tokens[k].text in (",", "(", "–", "—")
        or (tokens[k].text == "." and k > 0 and tokens[k - 1].lower == "est")
    ):
        k -= 1
    if k >= 0 and tokens[k].lower == "est":
        k -= 1
        while k >= 0 and tokens[k].text in (",", "(", "–", "—"):
            k -= 1
    if k < 0:
        return None
    phrase = analysis.phrase_of(k)
    if phrase is None:
        return None
    # "the Federation of Allotment Growers, whose": the whole name, not its last word
    found = analysis.noun_phrases[phrase]
    if found.last != k:
        return None
    return phrase


def owner_of(analysis: Analysis, phrase: int) -> int | None:
    """The phrase that owns another: "the festival" of "the festival's twelfth outing"."""
    return analysis.noun_phrases[phrase].possessor


def of_phrase(analysis: Analysis, phrase: int) -> int | None:
    """The noun phrase after "of" that follows a phrase: "the 25th anniversary of the Forum"."""
    tokens = analysis.tokens
    k = analysis.noun_phrases[phrase].last + 1
    if k + 1 < len(tokens) and tokens[k].lower == "of":
        nxt = analysis.phrase_of(k + 1)
        if nxt is not None and analysis.noun_phrases[nxt].first == k + 1:
            return nxt
    return None


def owner_span(analysis: Analysis, phrase: int) -> tuple[int, int]:
    """The span that names whose a phrase is: its possessive ("its" of "its ninth year"), else
    the phrase itself."""
    found = analysis.noun_phrases[phrase]
    first = analysis.tokens[found.first]
    if first.tag == "POSS" and found.last > found.first:
        return first.start, first.end
    return found.start, found.end


def verb_of_date(analysis: Analysis, index: int, last: int | None = None) -> int | None:
    """The verb group a date at token `index` belongs to, or None when the date belongs to a
    noun: "the 2025 edition", "the Securities Act of 1933", "statements for 2024", "the
    launch of the campaign in early 2025". A date at the head of its clause ("In 1975, X
    founded Y") belongs to the clause's first finite verb after it."""
    tokens = analysis.tokens
    phrase = analysis.phrase_of(index)
    if phrase is not None:
        found = analysis.noun_phrases[phrase]
        if found.head.i > index and found.head.tag in ("NOUN", "PROPN"):
            return None  # attributive: "the 2025 edition", "2027 conferences"
    after = tokens[last + 1] if last is not None and last + 1 < len(tokens) else None
    if (
        after is not None
        and after.tag == "NOUN"
        and index > 0
        and tokens[index - 1].tag in ("DET", "POSS")
    ):
        return None  # "the September 15, 2024 deadline"
    before = tokens[index - 1] if index > 0 else None
    if (
        before is not None
        and before.lower in ("and", "or")
        and index > 1
        and tokens[index - 2].kind == "number"
    ):
        k = index - 2
        while (
            k > 0
            and tokens[k - 1].kind in ("number", "word")
            and tokens[k - 1].tag in ("NUM", "MONTH")
        ):
            k -= 1
        return verb_of_date(analysis, k)  # "for 2024 and 2025": as the date before it
    if before is not None and before.lower in ("of", "due"):
        return None  # "the launch of 2024", "debentures due March 1, 2011": a noun's date
    eventive = False
    if before is not None and before.tag == "ADP" and index > 1:
        owner = analysis.phrase_of(index - 2)
        if owner is not None and analysis.noun_phrases[owner].last == index - 2:
            if before.lower == "for" and tokens[index - 2].tag == "NOUN":
                return None  # "financial statements for 2024"
            eventive = _eventive(analysis, owner)
    group = _clause_verb(analysis, index)
    if group is not None and _after_anterior_cue(analysis, index, group):
        return None  # "met before June 30", "ahead of its anniversary on June 23": a bound
    if (
        group is not None
        and eventive
        and analysis.verb_groups[group].lemma in lexicon.words("reporting_verbs.txt")
    ):
        return None  # "announced the launch of the campaign in early 2025": the launch's date
    if (
        group is not None
        and eventive
        and analysis.verb_groups[group].lemma in ("earn", "win", "buy", "receive", "get", "sell")
    ):
        return None  # "earned tickets to Super Bowl LX in 2026": the game's date
    return group


def _after_anterior_cue(analysis: Analysis, index: int, group: int) -> bool:
    """Whether the date at token `index` stands in a phrase that an anterior cue ("before",
    "ahead of", "in the run-up to") opens between it and its verb, or before it at the head
    of its clause: the words between are that phrase's (no verb, no clause punctuation)."""
    tokens = analysis.tokens
    verb = analysis.verb_groups[group]
    clause = analysis.clause_of(index)
    stop = verb.last + 1 if verb.last < index else (
        analysis.clauses[clause].first if clause is not None else index
    )  # fmt: skip
    cues = _anterior_cues()
    firsts = {cue[0] for cue in cues}
    # an anterior phrase is a few words long ("in the run-up to the vote on"): look no further
    for k in range(index - 1, max(stop, index - _ANTERIOR_REACH) - 1, -1):
        token = tokens[k]
        if token.lower in firsts and any(
            tuple(t.lower for t in tokens[k : k + len(cue)]) == cue for cue in cues
        ):
            return True
        if token.tag in ("VERB", "AUX", "MODAL", "CCONJ", "SCONJ") or token.text in (",", ";"):
            return False
    return False


_ANTERIOR_REACH = 12  # tokens between an anterior cue and the date it bounds, at most


@cache
def _anterior_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cue.split()) for cue in lexicon.words("anterior_cues.txt"))


def _clause_verb(analysis: Analysis, index: int) -> int | None:
    """The verb group of the clause a date stands in: the nearest before it, or for a date at
    the head of its clause the first finite one after it."""
    tokens = analysis.tokens
    clause_index = analysis.clause_of(index)
    if clause_index is None:
        return None
    clause = analysis.clauses[clause_index]
    groups = analysis.verb_groups
    earlier = [
        g for g in clause.verbs if groups[g].last < index and not _named_activity(analysis, g)
    ]
    if earlier:
        return earlier[-1]
    # A date that opens its clause: only prepositions and adverbs before it.
    if any(t.tag not in ("ADP", "ADV", "DET", "PUNCT") for t in tokens[clause.first : index]):
        return None
    later = [g for g in clause.verbs if groups[g].first > index and groups[g].finite]
    if later:
        return later[0]
    later = [g for g in clause.verbs if groups[g].first > index]
    return later[0] if later else None


def _named_activity(analysis: Analysis, group: int) -> bool:
    """Whether a verb group is a bare "-ing" form that ends an "of" phrase ("director of
    fundraising", "head of marketing"): it names an activity, and a date after it is the
    clause verb's ("appointed her as director of fundraising in 2019")."""
    tokens = analysis.tokens
    found = analysis.verb_groups[group]
    after = tokens[found.last + 1] if found.last + 1 < len(tokens) else None
    return (
        found.first == found.last
        and not found.finite
        and found.head.lower.endswith("ing")
        and found.first > 0
        and tokens[found.first - 1].lower == "of"
        and (after is None or after.tag in ("ADP", "PUNCT"))
    )


def _eventive(analysis: Analysis, phrase: int) -> bool:
    """Whether a noun phrase (or the one it is "of") names an event ("the launch of X")."""
    events = lexicon.words("event_nouns.txt")
    found = analysis.noun_phrases[phrase]
    if found.head.lower in events:
        return True  # "the launch …": an event the date belongs to
    tokens = analysis.tokens
    if found.name and any(t.lower in events for t in tokens[found.first : found.last + 1]):
        return True  # "Super Bowl LX"
    k = found.first - 1
    if k >= 1 and tokens[k].lower == "of":
        parent = analysis.phrase_of(k - 1)
        if parent is not None and analysis.noun_phrases[parent].head.lower in events:
            return not analysis.noun_phrases[parent].name
    return False
