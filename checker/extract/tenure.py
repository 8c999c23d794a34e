"""What a length of time runs from: "In the 11 years since its launch in 2009", "a 34-year
partnership that began in 1997", "In the 24 years since," (the beginning told before), "has
served Mossgate for 12 years" (its subject's beginning), "in his seven years as chair"."""

from __future__ import annotations

from checker.extract.base import Draft
from checker.extract.events import sentence_span
from checker.language import lexicon, relations
from checker.language.analysis import Analysis

_EXPERIENCE = frozenset({"experience", "history", "service", "expertise", "tradition", "heritage"})
_BEGIN = frozenset({"begin", "start", "launch", "open", "found", "establish", "form", "create"})


def link(
    analysis: Analysis, durations: list[Draft], origins: list[Draft], dates: list[Draft]
) -> None:
    """Give each length of time what it runs from: a beginning linked to it (`links`), or the
    mention of the subject whose beginning it counts from (`subject_span`)."""
    tokens = analysis.tokens
    for duration in durations:
        if duration.kind != "duration" or duration.cue == "since" or duration.unit is None:
            continue
        index = analysis.token_index(duration.start)
        last = analysis.token_index(max(duration.start, duration.end - 1))
        if index >= len(tokens):
            continue
        start = _explicit(analysis, last, origins, dates) or _retold(
            analysis, duration, index, last, origins, dates
        )
        if start is not None:
            duration.links.append(start)
            duration.extra["runs_from"] = "said after it"
            continue
        subject = _since_its_beginning(analysis, last)
        if subject is None:
            subject = _subject(analysis, index, last)
        if subject is not None:
            duration.extra["subject_span"] = relations.owner_span(analysis, subject)
            duration.extra["runs_from"] = "its subject's beginning"


def _explicit(
    analysis: Analysis, last: int, origins: list[Draft], dates: list[Draft]
) -> Draft | None:
    """`… since its launch in 2009`, `… since its clinic opened in April 2024`, `– ever since
    opening its first workshop in 1994 –`, `… that began in 1997`, or, for `In the 24 years
    since,` alone, the beginning told last before it."""
    tokens = analysis.tokens
    _, end = sentence_span(tokens, last)
    k = last + 1
    while k <= end and (tokens[k].text in ("–", "—", "-", ",") or tokens[k].lower == "ever"):
        k += 1
    if k <= end and tokens[k].lower == "since":
        after = [d for d in origins + dates if tokens[k].start < d.start <= tokens[end].end]
        if after:
            return min(after, key=lambda d: d.start)
        if k + 1 > end or tokens[k + 1].text in (",", ".", ";"):
            return _told_before(analysis, k, origins)
    # "a 34-year partnership that began in 1997", "a decade-long campaign …, which began in 2020"
    for origin in origins:
        index = analysis.token_index(origin.start)
        if last < index <= end and origin.date is not None:
            clause = analysis.clause_of(index)
            if clause is not None and analysis.clauses[clause].kind == "relative":
                group = analysis.group_of(index)
                if group is not None and analysis.verb_groups[group].lemma in _BEGIN:
                    return origin
    return None


def _retold(
    analysis: Analysis,
    duration: Draft,
    index: int,
    last: int,
    origins: list[Draft],
    dates: list[Draft],
) -> Draft | None:
    """`Since its launch in 2005, the shop has grown steadily: over the past 20 years it has
    …`: after a colon, "the past N years" retells the span the sentence's opening "since"
    began, and runs from its beginning ("over the past three years alone" is a part of it)."""
    tokens = analysis.tokens
    if duration.cue not in ("the past", "the last"):
        return None
    first, end = sentence_span(tokens, index)
    if tokens[first].lower != "since" or (last < end and tokens[last + 1].lower == "alone"):
        return None
    colon = next((k for k in range(first, index) if tokens[k].text == ":"), None)
    comma = next((k for k in range(first, colon or first) if tokens[k].text == ","), None)
    if colon is None or comma is None:
        return None
    opening = [d for d in origins + dates if tokens[first].start < d.start < tokens[comma].start]
    return min(opening, key=lambda d: d.start) if opening else None


def _since_its_beginning(analysis: Analysis, last: int) -> int | None:
    """`10 years since its opening`, `since the festival's founding`, `since it opened`: a
    beginning with no date runs from its owner's beginning, told elsewhere."""
    tokens = analysis.tokens
    _, end = sentence_span(tokens, last)
    k = last + 1
    if k > end or tokens[k].lower != "since":
        return None
    nxt = analysis.phrase_of(k + 1) if k + 1 <= end else None
    if nxt is None:
        return None
    phrase = analysis.noun_phrases[nxt]
    if phrase.head.lower in lexicon.table("origin_nouns.tsv"):
        if tokens[phrase.first].tag == "POSS" or phrase.possessor is not None:
            return nxt  # its owner is the subject: owner_span gives "its" or "the festival"
        return relations.of_phrase(analysis, nxt)  # "since the founding of the club"
    group = analysis.group_of(phrase.last + 1) if phrase.last + 1 <= end else None
    if group is not None and analysis.verb_groups[group].lemma in _BEGIN:
        return nxt  # "since it opened"
    return None


def _told_before(analysis: Analysis, since: int, origins: list[Draft]) -> Draft | None:
    """The last beginning said before a bare "since", within the two paragraphs before."""
    tokens = analysis.tokens
    paragraph = tokens[since].para
    before = [
        o
        for o in origins
        if o.end <= tokens[since].start
        and paragraph - tokens[analysis.token_index(o.start)].para <= 4
    ]
    return max(before, key=lambda o: o.start) if before else None


def _subject(analysis: Analysis, index: int, last: int) -> int | None:
    """Whose time a length is, when it runs up to now: "in his seven years as chair", "23
    years of experience", "has served … for 12 years", "For over a decade, X has been …"."""
    tokens = analysis.tokens
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.tag == "POSS":
        phrase = analysis.phrase_of(index - 1)
        return phrase
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if (
        nxt is not None
        and nxt.lower == "of"
        and last + 2 < len(tokens)
        and tokens[last + 2].lower in _EXPERIENCE
    ):
        return relations.subject_of(analysis, index)
    group = analysis.governing_verb(index)
    while (
        group is not None
        and group > 0
        and analysis.verb_groups[group].tense == "none"
        and tokens[analysis.verb_groups[group - 1].first].sent == tokens[index].sent
    ):
        group -= 1  # "has been teaching people to fix bicycles for two decades": the teaching
    if group is not None:
        verb = analysis.verb_groups[group]
        if verb.aspect in ("perfect", "perfect progressive") and verb.tense == "present":
            return relations.subject_of(analysis, verb.first)
    return None
