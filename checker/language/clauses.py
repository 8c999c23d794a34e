"""Clauses: where each clause of a sentence begins and ends, its verb groups and its subject."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from checker.language import lexicon
from checker.language.nouns import NounPhrase
from checker.language.tokens import Token
from checker.language.verbs import VerbGroup

_RELATIVES = frozenset({"who", "which", "that", "whose", "whom"})
_DASHES = frozenset({"–", "—", "--"})
_OPENING = _DASHES | {"("}
_CONJUNCTIONS = frozenset({"SCONJ", "CCONJ"})


@dataclass
class Clause:
    """A clause: its tokens, the verb groups in it, its subject, and how it hangs on another."""

    first: int
    last: int
    start: int
    end: int
    sentence: int
    kind: str  # main, relative, subordinate, participial, coordinate, parenthetical
    opener: str | None = None  # the word that opens it ("which", "that", "and", "when")
    verbs: list[int] = field(default_factory=list)  # indices into the verb groups
    subject: int | None = None  # index into the noun phrases
    subject_via: str = ""  # how the subject was found
    parent: int | None = None  # the clause it belongs to (a relative's noun, a complement's verb)
    after_verb: int | None = None  # the verb group a complement clause follows ("said … that")


def segment(
    tokens: list[Token],
    sentences: list[tuple[int, int]],
    groups: list[VerbGroup],
    phrases: list[NounPhrase],
) -> list[Clause]:
    """The clauses of every sentence (`sentences` as first and last token indices)."""
    group_at = {g.first: n for n, g in enumerate(groups)}
    firsts = [g.first for g in groups]
    phrase_ends = [p.last for p in phrases]
    clauses: list[Clause] = []
    for number, (first, last) in enumerate(sentences):
        clauses += _sentence(
            tokens, number, first, last, groups, group_at, firsts, phrases, phrase_ends,
            len(clauses),
        )  # fmt: skip
    return clauses


def _boundary(
    tokens: list[Token],
    k: int,
    group_at: dict[int, int],
    groups: list[VerbGroup],
    relative_open: bool,
) -> tuple[str, str] | None:
    """Whether a new clause opens at token `k`, and of which kind."""
    token = tokens[k]
    prev = tokens[k - 1] if k > 0 else None
    if token.tag == "SCONJ":
        if token.lower in _RELATIVES:
            return "relative", token.lower
        return "subordinate", token.lower
    if prev is not None and prev.text in (";", ":"):
        return "main", prev.text
    if prev is not None and prev.text in _OPENING:
        return "parenthetical", prev.text
    if (
        prev is not None
        and prev.text == ","
        and relative_open
        and k in group_at
        and groups[group_at[k]].finite
    ):
        return "resumed", ","  # "X, held every year since 1996, takes place …": the main verb
    if (
        prev is not None
        and prev.text == ","
        and token.tag == "VERB"
        and token.forms & {"participle", "gerund"}
        and k in group_at
        and not groups[group_at[k]].finite
    ):
        if "past" in token.forms and relative_open:
            return "resumed", ","  # "X, which opened in 1984, celebrated …": the main verb
        return "participial", ","
    if (
        prev is not None
        and prev.text == ","
        and token.tag in ("DET", "POSS", "NOUN", "PROPN", "ADJ")
    ):
        # "Total assets climbed …, stockholders' equity doubled …": a clause with its own subject
        j = k
        while (
            j < len(tokens)
            and j - k < 6
            and tokens[j].tag in ("DET", "POSS", "ADJ", "NOUN", "PROPN", "PART", "PUNCT")
            and tokens[j].text not in (",", ".", ";")
        ):
            j += 1
        subject_end = j - 1
        while j < len(tokens) and tokens[j].tag == "ADV":
            j += 1
        if (
            tokens[subject_end].tag in ("NOUN", "PROPN")
            and j in group_at
            and groups[group_at[j]].finite
        ):
            return "coordinate", ","
    if token.tag == "CCONJ" and k + 1 < len(tokens):
        nxt = k + 1
        if tokens[nxt].tag == "ADV":
            nxt += 1
        if nxt in group_at and groups[group_at[nxt]].finite:
            return "coordinate", token.lower
        # "and the society has …": a noun phrase, then a finite verb
        j = nxt
        while (
            j < len(tokens)
            and j - nxt < 8
            and tokens[j].tag
            in ("DET", "POSS", "ADJ", "NOUN", "PROPN", "NUM", "ORD", "PART", "PRON")
        ):
            j += 1
        if j > nxt and j in group_at and groups[group_at[j]].finite:
            return "coordinate", token.lower
    return None


def _sentence(
    tokens: list[Token],
    number: int,
    first: int,
    last: int,
    groups: list[VerbGroup],
    group_at: dict[int, int],
    firsts: list[int],
    phrases: list[NounPhrase],
    phrase_ends: list[int],
    offset: int,
) -> list[Clause]:
    """The clauses of one sentence, `offset` being the index of its first clause overall
    (`firsts`: each verb group's first token, in order)."""
    cuts: list[tuple[int, str, str | None]] = [(first, "main", None)]
    relative_open = False  # a relative clause set off by a comma is open ("X, which …, did")
    dash_open = False  # a dash opened a parenthesis the next dash closes
    k = first + 1
    opens_with_noun = tokens[first].tag in ("DET", "POSS", "PROPN", "NOUN", "PRON")
    # the verb groups that start in the sentence, as (token, group); groups are in text order
    starting = [
        (groups[g].first, g)
        for g in range(bisect.bisect_left(firsts, first), bisect.bisect_right(firsts, last))
    ]
    finite_at = [j for j, g in starting if groups[g].finite]
    while k <= last:
        if tokens[k].tag not in _CONJUNCTIONS and tokens[k - 1].kind != "punct":
            k += 1  # most tokens: no clause opens after a word but at a conjunction
            continue
        # "Mireille Tassin, now 56, set up …": with no verb yet, a past form after the comma
        # is the sentence's verb, as after a relative clause
        verbless = opens_with_noun and (
            not finite_at or (len(finite_at) == 1 and finite_at[0] == k)
        )  # every finite group of the sentence is the one at k (a group starts only once)
        found = _boundary(tokens, k, group_at, groups, relative_open or verbless)
        if (
            found is not None
            and found[0] == "parenthetical"
            and found[1] in _DASHES
            and not dash_open
            and _dateline(tokens, first, k - 1)
        ):
            found = ("main", found[1])  # "GENEVA, 14 March 2023 – The Harbour Festival …"
        if (
            found is not None
            and found[0] == "coordinate"
            and not _has_finite(groups, group_at, cuts[-1][0], k)
        ):
            found = None  # "the EU and IOM established …": names joined, not clauses
        if found is not None:
            if found[0] == "parenthetical" and found[1] in _DASHES:
                if dash_open:
                    found = ("resumed", found[1])  # "X – founded in 1974 – has set …": X goes on
                dash_open = not dash_open
            cuts.append((k, found[0], found[1]))
            if found[0] in ("relative", "participial"):
                relative_open = tokens[k - 1].text == ","
            elif found[0] == "resumed":
                relative_open = False
                group = groups[group_at[k]] if k in group_at else None
                if group is not None and found[1] == "," and not group.finite:
                    group.tense, group.finite = "past", True
                    finite_at.append(k)
        k += 1
    # A sentence that opens with a participle ("Founded in 1965 by …, the society …") has a
    # participial clause up to its first comma.
    if first in group_at and not groups[group_at[first]].finite:
        comma = next((j for j in range(first, last) if tokens[j].text == ","), None)
        if comma is not None:
            cuts[0] = (first, "participial", None)
            if all(c[0] != comma + 1 for c in cuts):
                cuts.append((comma + 1, "main", ","))
                cuts.sort()
    _reduced_relatives(tokens, groups, starting, first, last)
    clauses: list[Clause] = []
    for n, (begin, kind, opener) in enumerate(cuts):
        end = cuts[n + 1][0] - 1 if n + 1 < len(cuts) else last
        if end < begin:
            continue
        clause = Clause(begin, end, tokens[begin].start, tokens[end].end, number, kind, opener)
        clause.verbs = [g for j, g in starting if begin <= j <= end]
        clauses.append(clause)
    _closing_parentheticals(tokens, clauses)
    _subjects(tokens, clauses, groups, phrases, phrase_ends, offset)
    return clauses


def _reduced_relatives(
    tokens: list[Token],
    groups: list[VerbGroup],
    starting: list[tuple[int, int]],
    first: int,
    last: int,
) -> None:
    """`a 17-site SMO founded in 2017 was acquired`, `applications received after …`: a past
    participle right after a noun, in a sentence whose own verb comes before or after it without
    a conjunction between, describes the noun; it is not the sentence's verb."""
    finite = [g for _, g in starting if groups[g].finite]
    for index in finite:
        group = groups[index]
        lead = tokens[group.first]
        if (
            group.first == group.last
            and lead.tag == "VERB"
            and {"past", "participle"} <= lead.forms
        ):
            before = tokens[group.first - 1] if group.first > 0 else None
            if before is None or before.tag not in ("NOUN", "PROPN"):
                continue
            after = tokens[group.last + 1] if group.last + 1 < len(tokens) else None
            if after is not None and (
                (after.tag in ("DET", "POSS") and after.lower != "the")
                or (after.lower == "the" and _names_after(tokens, after.i))
            ):
                continue  # "Zainab Oyelaran started the Oakhollow Repair Café": it has an object
            others = [groups[g] for g in finite if g != index]
            joined = any(
                t.tag in ("CCONJ", "SCONJ") or t.text in (";", ":")
                for t in tokens[first : last + 1]
            )
            if (others and not joined) or _after_with(tokens, group.first - 1, first):
                group.tense, group.finite = "none", False


def _names_after(tokens: list[Token], i: int) -> bool:
    """Whether "the" at `i` opens a name ("the Oakhollow Repair Café"), not a time ("the day
    before")."""
    return i + 1 < len(tokens) and tokens[i + 1].tag == "PROPN"


def _after_with(tokens: list[Token], k: int, first: int) -> bool:
    """`with winning visualizations showcased at …`: a noun after "with" and a participle
    after it make no clause of their own."""
    while k >= first and (
        tokens[k].tag in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "POSS")
        or "gerund" in tokens[k].forms
    ):
        k -= 1
    return k >= first and tokens[k].lower in ("with", "without")


def _dateline(tokens: list[Token], first: int, dash: int) -> bool:
    """Whether the tokens before a dash are a dateline: a place and a date, no verb ("GENEVA,
    14 March 2023 –", "LONDON (Reuters) –")."""
    before = tokens[first:dash]
    if not before or len(before) > 12 or any(t.tag in ("VERB", "AUX", "MODAL") for t in before):
        return False
    return before[0].tag == "PROPN" and (
        any(t.tag in ("MONTH", "NUM") for t in before) or before[0].text.isupper()
    )


def _has_finite(groups: list[VerbGroup], group_at: dict[int, int], begin: int, end: int) -> bool:
    """Whether a finite verb group starts between two token indices."""
    return any(j in group_at and groups[group_at[j]].finite for j in range(begin, end))


def _closing_parentheticals(tokens: list[Token], clauses: list[Clause]) -> None:
    """A dash or bracket pair closes: what follows the second dash continues the clause before."""
    for clause in clauses:
        if clause.kind != "parenthetical":
            continue
        closer = ")" if clause.opener == "(" else clause.opener
        for j in range(clause.first, clause.last + 1):
            if tokens[j].text == closer or (closer in _DASHES and tokens[j].text in _DASHES):
                clause.last = j - 1 if j > clause.first else j
                clause.end = tokens[clause.last].end
                break


def _subjects(
    tokens: list[Token],
    clauses: list[Clause],
    groups: list[VerbGroup],
    phrases: list[NounPhrase],
    phrase_ends: list[int],
    offset: int,
) -> None:
    """Each clause's subject: the noun phrase before its first finite verb; a relative clause's
    noun; the clause before's for a coordinated verb; the main clause's for a participle."""
    main: int | None = None
    for n, clause in enumerate(clauses):
        if clause.kind in ("main",) and main is None:
            main = n
        own = _subject_before_verb(tokens, clause, groups, phrases, phrase_ends)
        if clause.kind == "relative" and _verb_follows_opener(clause, groups):
            antecedent = _phrase_ending_before(phrases, phrase_ends, clause.first, tokens)
            clause.subject, clause.subject_via = (
                antecedent,
                "the noun the relative clause describes",
            )
            clause.parent = offset + n - 1 if n else None
            continue
        if clause.kind == "resumed" and own is None:
            before = next(
                (
                    c
                    for c in reversed(clauses[:n])
                    if c.kind not in ("parenthetical", "relative", "participial")
                ),
                None,
            )
            relative = next((c for c in reversed(clauses[:n]) if c.kind == "relative"), None)
            subject = relative.subject if clause.opener == "," and relative is not None else None
            participial = next((c for c in reversed(clauses[:n]) if c.kind == "participial"), None)
            if (
                subject is None
                and clause.opener == ","
                and participial is not None
                and before is not None
            ):
                subject = (
                    before.subject
                    if before.subject is not None
                    else _last_phrase(tokens, phrases, phrase_ends, before)
                )
            if subject is None and before is not None:
                subject = (
                    before.subject
                    if before.subject is not None
                    else _last_phrase(tokens, phrases, phrase_ends, before)
                )
            if subject is not None:
                clause.subject, clause.subject_via = (
                    subject,
                    "the main clause's subject, after the clause set off",
                )
                clause.kind = "main"
                continue
        if own is not None:
            clause.subject, clause.subject_via = own, "the noun phrase before the verb"
            continue
        if clause.kind == "coordinate" and n > 0:
            clause.subject = clauses[n - 1].subject
            clause.subject_via = "shared with the clause before"
            clause.parent = offset + n - 1
    # A participial clause, a parenthesis or a verb-less clause takes the main clause's subject.
    main_subject = next(
        (c.subject for c in clauses if c.kind == "main" and c.subject is not None),
        # "Started by X in 2018 with a single borrowed van, Veltrane Robotics turns 13": the
        # clause after a participial one is the main one, whatever its comma made it
        next(
            (
                c.subject
                for c in clauses
                if c.subject is not None and c.subject_via == "the noun phrase before the verb"
            ),
            None,
        )
        if clauses and clauses[0].kind == "participial"
        else None,
    )
    for clause in clauses:
        if (
            clause.subject is None
            and clause.kind in ("participial", "parenthetical", "main")
            and main_subject is not None
        ):
            clause.subject, clause.subject_via = main_subject, "the main clause's subject"
            clause.parent = offset + next(
                i
                for i, c in enumerate(clauses)
                if c.subject == main_subject and c.subject_via != "the main clause's subject"
            )


def _last_phrase(
    tokens: list[Token], phrases: list[NounPhrase], phrase_ends: list[int], clause: Clause
) -> int | None:
    """The last noun phrase of a clause that has no verb ("In this, its 53rd year, X –")."""
    low = bisect.bisect_left(phrase_ends, clause.first)
    high = bisect.bisect_right(phrase_ends, clause.last)
    inside = [
        i
        for i in range(low, high)
        if clause.first <= phrases[i].first and phrases[i].head.tag not in ("NUM", "ORD")
    ]  # "Mireille Tassin, now 56,": the name, not the age beside it
    if not inside:
        return None
    first = phrases[inside[0]]
    if (
        first.first == clause.first
        and first.head.tag in ("NOUN", "PROPN")
        and not _temporal(first)
        and len(inside) > 1
        and first.last + 1 <= clause.last
        and tokens[first.last + 1].text == ","
    ):
        return inside[0]  # "Rosalind Crewe, now the union's managing director, joined": the name
    return inside[-1]


def _temporal(phrase: NounPhrase) -> bool:
    """A noun phrase that says when: "this year", "last week", "today"."""
    return phrase.head.lemma in lexicon.words("time_nouns.txt") or phrase.head.tag in (
        "MONTH",
        "WEEKDAY",
    )


def _verb_follows_opener(clause: Clause, groups: list[VerbGroup]) -> bool:
    return bool(clause.verbs) and groups[clause.verbs[0]].first <= clause.first + 2


def _subject_before_verb(
    tokens: list[Token],
    clause: Clause,
    groups: list[VerbGroup],
    phrases: list[NounPhrase],
    phrase_ends: list[int],
) -> int | None:
    """The first noun phrase of the clause that no preposition governs, before its first
    finite verb ("The first meeting of the board took place": "The first meeting")."""
    finite = next((groups[g] for g in clause.verbs if groups[g].finite), None)
    if finite is None:
        return None
    low = bisect.bisect_left(phrase_ends, clause.first)
    candidate = None
    for index in range(low, len(phrases)):
        phrase = phrases[index]
        if phrase.first >= finite.first:
            break
        if phrase.first < clause.first:
            continue
        before = tokens[phrase.first - 1] if phrase.first > 0 else None
        governed = before is not None and before.tag == "ADP" and phrase.first - 1 >= clause.first
        if governed and before is not None and before.lower in lexicon.words("clause_openers.txt"):
            # "As the brand celebrates its 20th anniversary": a subordinator, not a preposition,
            # when the phrase's own finite verb follows it
            governed = finite.first != phrase.last + 1
        owned = phrase.possessor is not None
        if before is not None and before.kind == "clitic":
            if owned and candidate is not None and phrase.possessor == candidate:
                candidate = index  # "The trust's academy has run …": the academy
            continue
        comma = next(
            (j for j in range(phrase.last + 1, finite.first) if tokens[j].text == ","), None
        )
        # a phrase set off by commas after the clause's first words, or an indefinite one, is
        # fronted ("In this, its 53rd anniversary year, X"; "An annual fixture since 2015, the
        # festival"); the clause's own first name or definite phrase is its subject, with an
        # apposition after it ("Santiago Arroyo, a member of …, celebrates")
        set_off = phrase.first > clause.first or phrase.determiner in ("a", "an")
        fronted = (
            set_off
            and comma is not None
            and any(
                p.first > comma and p.last < finite.first and tokens[p.first - 1].tag != "ADP"
                for p in phrases[index + 1 : index + 6]
            )
        )
        if fronted and candidate is None:
            continue  # "In this, its 53rd anniversary year, Veltrane Robotics …": set off before the subject
        if not governed and not owned and candidate is None:
            if _temporal(phrase) and any(
                p.first < finite.first and p.first > phrase.last
                for p in phrases[index + 1 : index + 3]
            ):
                continue  # "this year the firm is marking …": the time, then the subject
            candidate = index
        elif (
            not governed
            and owned
            and candidate is not None
            and phrases[index].possessor == candidate
        ):
            candidate = index  # "the festival's director": the director
    return candidate


def _phrase_ending_before(
    phrases: list[NounPhrase], phrase_ends: list[int], k: int, tokens: list[Token]
) -> int | None:
    """The noun phrase that ends just before token `k` (a comma between allowed)."""
    j = k - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    # "Maria Lopez, 52, who …": the age in apposition is not what the clause describes
    if j >= 2 and tokens[j].tag == "NUM" and tokens[j - 1].text == ",":
        j -= 2
    index = bisect.bisect_left(phrase_ends, j)
    if index < len(phrases) and phrases[index].last == j:
        # "the Federation of Allotment Growers, whose": the whole name, not its last part
        return index
    return None
