"""The verb group that governs each date ("was held on", "is due to begin on", "plans to open
… in"), whether it reports speech ("said in 2022 that … will reopen on"), and quotation."""

from __future__ import annotations

from collections.abc import Callable

from checker.extract.base import Draft
from checker.language import lexicon, relations
from checker.language.analysis import Analysis
from checker.models import Evidence, Passage, VerbEvidence

_QUOTES = {"“": 1, "”": -1, '"': 0}


def attach(analysis: Analysis, drafts: list[Draft]) -> None:
    """Give each date its governing verb group as evidence."""
    quoted = _quoted(analysis)
    for draft in drafts:
        if draft.kind not in ("date", "relative"):
            continue
        index = analysis.token_index(draft.start)
        if index >= len(analysis.tokens):
            continue
        last = analysis.token_index(max(draft.start, draft.end - 1))
        group = relations.verb_of_date(analysis, index, last)
        if group is None:
            if "bracketed" in draft.extra:
                draft.evidence = Evidence(clause=draft.extra["bracketed"])
            continue
        verb = analysis.verb_groups[group]
        clause_index = analysis.clause_of(index)
        clause = analysis.clauses[clause_index] if clause_index is not None else None
        evidence = VerbEvidence(
            text=analysis.text[verb.start : verb.end],
            start=verb.start,
            end=verb.end,
            lemma=verb.lemma,
            tense=verb.tense,
            aspect=verb.aspect,
            voice=verb.voice,
            modality=verb.modality,
            orientation=verb.orientation,
            reported=_reporter(analysis, clause_index),
            quoted=quoted(index),
        )
        passage = None
        if clause is not None:
            passage = Passage(
                start=clause.start, end=clause.end, text=analysis.text[clause.start : clause.end]
            )
        draft.evidence = Evidence(verb=evidence, clause=passage)


def _reporter(analysis: Analysis, clause_index: int | None) -> str | None:
    """The reporting verb a "that" clause hangs on ("said in 2022 that …"), if any."""
    if clause_index is None or clause_index == 0:
        return None
    clause = analysis.clauses[clause_index]
    if clause.opener != "that" and clause.kind != "subordinate":
        return None
    before = analysis.clauses[clause_index - 1]
    if before.sentence != clause.sentence:
        return None
    reporting = lexicon.words("reporting_verbs.txt")
    for group in reversed(before.verbs):
        if analysis.verb_groups[group].lemma in reporting:
            return analysis.verb_groups[group].lemma
    return None


def _quoted(analysis: Analysis) -> Callable[[int], bool]:
    """A test of whether a token stands inside quotation marks (paired within a paragraph)."""
    inside: set[int] = set()
    depth = 0
    paragraph = -1
    for token in analysis.tokens:
        if token.para != paragraph:
            depth, paragraph = 0, token.para
        mark = _QUOTES.get(token.text)
        if mark is not None:
            depth = (1 - depth) if mark == 0 else max(0, depth + mark)
            continue
        if depth:
            inside.add(token.i)
    return inside.__contains__
