"""Who did what: the subject, the object and the particles of a verb group, the noun phrase a
comma clause or a bracket hangs on, questions every extractor asks of the layer."""

from __future__ import annotations

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
        k += 1
    if k >= len(tokens):
        return None
    phrase = analysis.phrase_of(k)
    if phrase is not None and analysis.noun_phrases[phrase].first == k:
        return phrase
    return None


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
