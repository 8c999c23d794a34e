"""Shares of one whole said together: "48% backed the plan, 31% opposed it and 30% were
undecided", bullet lines of shares, "the rest (9%)"; shares of different wholes kept apart."""

from __future__ import annotations

import itertools
from functools import cache

from checker.extract.amounts import Amounts
from checker.extract.base import Draft
from checker.language import lexicon
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token

_GROUP_OPENERS = frozenset({"among", "amongst", "for", "of"})
_COMPARING = frozenset({"compared", "versus", "vs", "against", "than"})


_BALLOT_REACH = 4  # paragraphs between a ballot's lone share and the group that ends it


@cache
def _change_words() -> dict[str, set[str]]:
    """Change words by part of speech."""
    out: dict[str, set[str]] = {}
    for word, _direction, pos in lexicon.rows("change_words.tsv"):
        out.setdefault(pos, set()).add(word)
    return out


def is_change(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """Whether a percentage states a change rather than a level: "rose 7%", "up 6 per cent",
    "an increase of 20 percent", "59 per cent more than", "a 5% rise"."""
    words = _change_words()
    k = phrase.first - 1
    if phrase.hedge_start is not None:
        while k >= 0 and tokens[k].start >= phrase.hedge_start:
            k -= 1
    if k >= 0 and tokens[k].lower == "by":
        k -= 1
    if k >= 0 and tokens[k].lower in words.get("verb", set()):
        return True
    if k >= 0 and tokens[k].lower in words.get("adverb", set()):
        # "up 6 per cent" is a change; "made up 73 percent" is a share
        return not (
            k > 0
            and tokens[k - 1].tag == "VERB"
            and tokens[k - 1].lemma in lexicon.words("particle_verbs.txt")
        )
    if k >= 1 and tokens[k].lower == "of" and tokens[k - 1].lower in words.get("noun", set()):
        return True
    nxt = tokens[phrase.last + 1] if phrase.last + 1 < len(tokens) else None
    if nxt is not None and nxt.lower in words.get("comparative", set()):
        return True
    return phrase.head is not None and phrase.head.lower in words.get("noun", set())


def _rate(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """A rate, a return or a likelihood ("an interest rate of 4%", "a 95% chance") is no share."""
    nearby = tokens[max(0, phrase.first - 3) : phrase.last + 3]
    rates = lexicon.words("not_share_words.txt")
    return any(t.lower in rates for t in nearby)


def _whole(phrase: NumberPhrase) -> str | None:
    """What a share is said to be of: "48% of passengers" → passengers."""
    for qualifier in phrase.qualifiers:
        if qualifier.word in ("of", "among"):
            words = [
                w for w in qualifier.text.lower().split() if w not in ("the", "a", "an", "all")
            ]
            return " ".join(words) or None
    return None


def _scoped(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """A share with a scope of its own ("82 percent in the county", "statewide")."""
    scopes = lexicon.words("scope_words.txt")
    after = tokens[phrase.last + 1 : phrase.last + 5]
    return any(t.lower in scopes for t in after) or any(
        q.word == "in" and any(w.lower() in scopes for w in q.text.split())
        for q in phrase.qualifiers
    )


def _opens_group(tokens: list[Token], previous: NumberPhrase, phrase: NumberPhrase) -> bool:
    """`…; among teachers, 66 percent`, `; of the monthly donors, 66 percent`: a new whole."""
    between = tokens[previous.last + 1 : phrase.first]
    for n, token in enumerate(between):
        if token.lower in _GROUP_OPENERS and n > 0 and between[n - 1].text in (";", ",", "and"):
            following = between[n + 1 : n + 5]
            if any(t.text == "," for t in following):
                return True
    return any(t.text == ";" for t in between) and any(t.lower in _GROUP_OPENERS for t in between)


def _rest(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """`the rest (9%)`, `the remaining 40 percent`, `the rest – 40% –`, `the other 23%`."""
    rest = lexicon.words("rest_words.txt")
    before = tokens[max(0, phrase.first - 4) : phrase.first]
    return phrase.role == "rest" or any(t.lower in rest for t in before)


def find(amounts: Amounts) -> list[Draft]:
    """Groups of shares of one whole (two or more), each marked whole when one is "the rest"."""
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    out = []
    groups: list[list[int]] = []
    for coordination in amounts.analysis.coordinations:
        if coordination.members and is_change(tokens, phrases[coordination.members[0]]):
            continue  # "increased by 23% and 22%": changes, said together
        members = [
            m
            for m in coordination.members
            if phrases[m].kind == "percent"
            and m in amounts.by_phrase
            and phrases[m].head is None
            and not is_change(tokens, phrases[m])
            and not _rate(tokens, phrases[m])
            and not _compared(tokens, phrases[m])
        ]
        for group in _by_whole(tokens, phrases, members):
            if _partition(amounts, group, coordination.kind == "bullets"):
                groups.append(group)
    for group in _ballots(amounts, groups):
        if len(group) < 2:
            continue
        shares = [amounts.by_phrase[m] for m in group]
        exhaustive = any(_rest(tokens, phrases[m]) for m in group[1:])
        value = " + ".join(s.value for s in shares)
        out.append(Draft(kind="shares", start=shares[0].start, end=shares[-1].end, value=value,
                             exhaustive=exhaustive, unit=_whole(phrases[group[0]]), links=shares))  # fmt: skip
    return out


def _compared(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """A share compared with something ("higher than 99.2%", "between 55% and 70%")."""
    before = [t.lower for t in tokens[max(0, phrase.first - 4) : phrase.first]]
    if before and before[-1] in ("than", "between"):
        return True
    return any(w in _COMPARING and nxt in ("to", "with") for w, nxt in itertools.pairwise(before))


def _partition(amounts: Amounts, group: list[int], bullets: bool) -> bool:
    """Whether shares said together split one whole: later ones leave the verb out ("81% said
    it was better, 22% worse"), or their verbs and words choose among options ("48% backed the
    plan, 31% opposed it and 30% were undecided"), or one is the rest. Shares that each say
    their own thing ("65% ensure …; 59% promote …") are answers to different questions."""
    if len(group) < 2:
        return False
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    if any(_rest(tokens, phrases[m]) for m in group[1:]):
        return True
    first, last = phrases[group[0]].first, phrases[group[-1]].last
    sentence_end = last
    while (
        sentence_end + 1 < len(tokens)
        and tokens[sentence_end + 1].sent == tokens[last].sent
        and not tokens[sentence_end + 1].line_start
        and tokens[sentence_end + 1].text != ";"  # "…; of the monthly donors, 84% pay …"
    ):
        sentence_end += 1
    if any(t.lower == "respectively" for t in tokens[first : sentence_end + 1]):
        return False
    if any(t.lower in _COMPARING or _year(t) for t in tokens[first:last]):
        return False  # "97% of revenue, compared to … 84%", "… in 2025, and … 95% in 2024"
    options = lexicon.words("vote_words.txt")
    stances = lexicon.words("stance_verbs.txt")
    bounds = [
        _joiner_before(tokens, phrases[a].last, phrases[b].first)
        for a, b in itertools.pairwise(group)
    ]
    bounds.append(sentence_end + 1)
    own_verbs = []
    chosen = 0
    start = first
    for n, _member in enumerate(group):
        end = bounds[n]
        words = tokens[start:end] if n else tokens[_line_or_sentence_start(tokens, first) : end]
        verbs = [g for g in amounts.analysis.verb_groups if start <= g.first < end and g.finite]
        if verbs:
            own_verbs.append(verbs[0])
        if any(t.lower in options for t in words) or any(g.lemma in stances for g in verbs):
            chosen += 1
        start = end
    if bullets:
        return chosen >= 1
    return len(own_verbs) <= 1 or chosen >= len(group) - 1


def _joiner_before(tokens: list[Token], last: int, first: int) -> int:
    """Where the conjunct of the share at `first` begins: at the last comma or "and" before it."""
    for k in range(first - 1, last, -1):
        if tokens[k].text in (",", ";") or tokens[k].lower in (
            "and",
            "or",
            "while",
            "whereas",
            "with",
        ):
            return k
    return first


def _year(token: Token) -> bool:
    return (
        token.kind == "number"
        and len(token.text) == 4
        and token.text.isdecimal()
        and 1900 <= int(token.text) <= 2100
    )


def _line_or_sentence_start(tokens: list[Token], k: int) -> int:
    sentence = tokens[k].sent
    while k > 0 and tokens[k - 1].sent == sentence and not tokens[k].line_start:
        k -= 1
    return k


def _ballots(amounts: Amounts, groups: list[list[int]]) -> list[list[int]]:
    """A ballot told over two sentences: "52 per cent voted in favour. Against it were 40 per
    cent, with 8 per cent abstaining" — a lone share and a group, each with an option word."""
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    options = lexicon.words("vote_words.txt")
    grouped = {m for g in groups for m in g}
    out = []
    for group in groups:
        first = phrases[group[0]]
        sentence = tokens[first.first].sent
        if _sentence_has(tokens, first.first, options):
            lone = [
                i
                for i, p in enumerate(phrases)
                if i not in grouped
                and i in amounts.by_phrase
                and p.kind == "percent"
                and sentence - tokens[p.first].sent > 0
                and tokens[first.first].para - tokens[p.first].para <= _BALLOT_REACH
                and not is_change(tokens, p)
                and _sentence_has(tokens, p.first, options)
            ]
            if len(lone) == 1:
                out.append([lone[0], *group])
                continue
        out.append(group)
    return out


def _sentence_has(tokens: list[Token], index: int, words: frozenset[str]) -> bool:
    sentence = tokens[index].sent
    k = index
    while k > 0 and tokens[k - 1].sent == sentence:
        k -= 1
    while k < len(tokens) and tokens[k].sent == sentence:
        if tokens[k].lower in words:
            return True
        k += 1
    return False


def _by_whole(
    tokens: list[Token], phrases: list[NumberPhrase], members: list[int]
) -> list[list[int]]:
    """Split shares said together where a share names another whole or opens a new group."""
    groups: list[list[int]] = []
    current: list[int] = []
    whole: str | None = None
    for member in members:
        phrase = phrases[member]
        own = _whole(phrase)
        if current:
            previous = phrases[current[-1]]
            new_whole = own is not None and whole is not None and own != whole
            if (
                new_whole
                or _opens_group(tokens, previous, phrase)
                or _scoped(tokens, phrase) != _scoped(tokens, previous)
            ):
                groups.append(current)
                current = []
                whole = None
        current.append(member)
        whole = whole or own
    if current:
        groups.append(current)
    return groups
