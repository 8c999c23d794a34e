"""Totals and their parts: "a workforce of 750, comprising 285 nurses …", "… bring the total to
£220,000", bullet lines under a total or above a Total line, "70 of the 100 … the other 56"."""

from __future__ import annotations

import bisect
from functools import cache

from checker.extract.amounts import Amounts, per_unit
from checker.extract.base import Draft
from checker.language import lexicon
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token

_WINDOW = 28  # tokens between a total and its parts, at most


_REACH = 4  # paragraphs between a total and "It is broken down as …"


@cache
def _cues() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(row[0].split()): (row[1], row[2]) for row in lexicon.rows("breakdown_cues.tsv")}


def _cue_in(tokens: list[Token], first: int, last: int, where: str) -> tuple[str, str] | None:
    """The breakdown cue that starts between two token indices, for a total that stands `where`."""
    cues = _cues()
    for i in range(first, last + 1):
        for size in (4, 3, 2, 1):
            key = tuple(t.lower for t in tokens[i : i + size])
            if len(key) == size and key in cues and cues[key][0] == where:
                return " ".join(key), cues[key][1]
    return None


def _compatible(total: Draft, part: Draft) -> bool:
    if total.kind != part.kind or total.kind not in ("money", "quantity"):
        return False
    return total.currency == part.currency


def _part_lists(amounts: Amounts) -> list[list[int]]:
    """Amounts said together (as number-phrase indices): each coordination, and each amount
    that stands alone as a list of one."""
    lists = []
    member_of: set[int] = set()
    for coordination in amounts.analysis.coordinations:
        members = [m for m in coordination.members if m in amounts.by_phrase]
        if len(members) >= 2:
            lists.append(members)
            member_of.update(members)
    lists += [[index] for index in amounts.by_phrase if index not in member_of]
    return sorted(lists)


def find(amounts: Amounts) -> list[Draft]:
    """Breakdowns: a total, its parts, and whether the parts are said to be all of it."""
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    lists = _part_lists(amounts)
    singles = [i for i, members in enumerate(lists) if len(members) == 1]  # lone amounts
    out: list[Draft] = []
    used: set[int] = set()
    for n, members in enumerate(lists):
        first_phrase = phrases[members[0]]
        last_phrase = phrases[members[-1]]
        parts = [amounts.by_phrase[m] for m in members]
        # A total before the parts: the nearest amount of their kind, the cue right after it
        # ("a workforce of 750, comprising …"); or, when the parts' own sentence opens with the
        # cue ("It is broken down as …"), that amount in the sentences before.
        candidate = _nearest_before(amounts, lists, n)
        found = None
        if candidate is not None and candidate not in used:
            total = amounts.by_phrase[candidate]
            phrase = phrases[candidate]
            if phrase.role != "part" and (total.amount or 0) >= 2 and _counts_match(total, parts):
                cue = _adjacent_cue(tokens, phrase, first_phrase.first)
                cue = cue or _colon_or_dash(tokens, phrase.last, first_phrase.first, len(parts))
                if cue is not None and not (cue[1] == "all" and len(parts) < 2):
                    found = _breakdown(total, parts, cue)
                    used.add(candidate)
        if found is None:
            # "It is broken down as …", "The money came from …": the parts' sentence opens
            # with the total's pronoun or noun and the cue, a few paragraphs after it
            told = _told_before(amounts, lists, n, used)
            if told is not None:
                total = amounts.by_phrase[told]
                cue = _cue_in(
                    tokens,
                    _sentence_start(tokens, first_phrase.first),
                    first_phrase.first - 1,
                    "first",
                )
                if cue is not None and not (cue[1] == "all" and len(parts) < 2):
                    found = _breakdown(total, parts, cue)
                    used.add(told)
        if found is not None:
            out.append(found)
        else:
            # A total after the parts: "… bring the total to £220,000", "making €3.2m in all".
            at = bisect.bisect_right(singles, n)
            after = [lists[i] for i in singles[at : at + 2]]
            for later in after:
                total = amounts.by_phrase[later[0]]
                phrase = phrases[later[0]]
                if phrase.first - last_phrase.last > _WINDOW or len(parts) < 2:
                    continue
                if not all(_compatible(total, p) for p in parts):
                    continue
                cue = _cue_in(
                    tokens, last_phrase.last + 1, min(len(tokens) - 1, phrase.last + 3), "last"
                )
                if cue is None or _sentences_between(tokens, last_phrase.last, phrase.first) > 0:
                    continue
                out.append(_breakdown(total, parts, cue))
                used.add(later[0])
                break
        if len(members) >= 3:
            labelled = _total_line(amounts, members)
            if labelled is not None:
                out.append(labelled)
    out += _partitives(amounts)
    return out


def _nearest_before(amounts: Amounts, lists: list[list[int]], n: int) -> int | None:
    """The amount said last before list `n` that is of its kind (money in one currency, or
    a count): a total is never looked for past another amount of the same kind."""
    parts = [amounts.by_phrase[m] for m in lists[n]]
    # lists are in order and each holds one or more amounts: the last 24 hold the last 12
    earlier = sorted((m for lst in lists[max(0, n - 24) : n] for m in lst), reverse=True)
    for index in earlier[:12]:
        if per_unit(amounts.analysis.tokens, amounts.analysis.numbers[index]):
            continue  # "donations of as little as $5 per month": a rate, no total, no bar
        if all(_compatible(amounts.by_phrase[index], p) for p in parts):
            return index
    return None


def _told_before(amounts: Amounts, lists: list[list[int]], n: int, used: set[int]) -> int | None:
    """The total that "It is broken down as …" (the parts of list `n`) stands for: the
    nearest amount of the parts' kind within _REACH paragraphs that their sum could be, at
    least half and at most twice of it. "It" names a thing, not whatever amount was said
    last: a "$750 million" raised by a board member in between is not the budget's."""
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    parts = [amounts.by_phrase[m] for m in lists[n]]
    first = phrases[lists[n][0]].first
    together = sum(p.amount or 0.0 for p in parts)
    earlier = sorted((m for lst in lists[max(0, n - 24) : n] for m in lst), reverse=True)
    for index in earlier[:12]:
        total = amounts.by_phrase[index]
        phrase = phrases[index]
        if tokens[first].para - tokens[phrase.last].para > _REACH:
            return None
        if index in used or phrase.role == "part" or per_unit(tokens, phrase):
            continue
        if not all(_compatible(total, p) for p in parts) or not _counts_match(total, parts):
            continue
        amount = total.amount or 0.0
        if amount >= 2 and amount / 2 <= together <= amount * 2:
            return index if _opens_with_cue(tokens, first, total) else None
    return None


def _counts_match(total: Draft, parts: list[Draft]) -> bool:
    """Whether a count's parts count what it counts: their noun, a noun left out ("690 from
    Pellworth"), or kinds of a group ("a workforce of 750, comprising 285 nurses …")."""
    if total.kind != "quantity":
        return True
    counted = total.evidence.count.counted if total.evidence and total.evidence.count else None
    if counted in lexicon.words("group_nouns.txt") or (
        total.evidence and total.evidence.count and total.evidence.count.head is None
    ):
        return True
    own = [p.evidence.count.counted if p.evidence and p.evidence.count else None for p in parts]
    return all(c is None or c == counted for c in own)


def _adjacent_cue(
    tokens: list[Token], total: NumberPhrase, first_part: int
) -> tuple[str, str] | None:
    """The cue right after a total and what it counts, before the parts, no verb between
    ("EUR 12 million to flood defences in coastal towns, of which EUR 7 million …")."""
    start = (total.head.i if total.head is not None else total.last) + 1
    for j in range(start, min(first_part, start + 10)):
        token = tokens[j]
        if token.text in (".", "!", "?", ";"):
            return None
        # the cue may be the verb ("comprises"), or follow the auxiliary of its passive ("is
        # broken down as", "is made up of"); any other verb ends the search
        cue = _cue_in(tokens, j, j, "first")
        if cue is not None:
            words = len(cue[0].split())
            return cue if first_part - (j + words) <= 4 else None  # the parts follow the cue
        if token.tag == "AUX" and token.lemma == "be" and _cue_in(tokens, j + 1, j + 1, "first"):
            continue
        if token.tag in ("AUX", "MODAL") or (
            token.tag == "VERB"
            and token.forms & {"past", "3sg"}
            and "participle" not in token.forms
        ):
            return None
    return None


def _sentence_start(tokens: list[Token], k: int) -> int:
    sentence = tokens[k].sent
    while k > 0 and tokens[k - 1].sent == sentence:
        k -= 1
    return k


def _opens_with_cue(tokens: list[Token], first: int, total: Draft) -> bool:
    """`It is broken down as …`, `That included …`, `The money came from …`: the parts'
    sentence opens with the total's pronoun or its noun, then the cue."""
    sentence = tokens[first].sent
    start = first
    while start > 0 and tokens[start - 1].sent == sentence:
        start -= 1
    opener = tokens[start]
    nxt = tokens[start + 1] if start + 1 < len(tokens) else None
    pronoun = (
        opener.lower in ("it", "that", "this") and nxt is not None and nxt.tag in ("AUX", "VERB")
    )
    head = total.evidence.count.head if total.evidence and total.evidence.count else None
    nouns = set(lexicon.words("money_nouns.txt")) if total.kind == "money" else set()
    if head:
        nouns.add(head.lower())
    named = opener.lower == "the" and nxt is not None and nxt.lower in nouns
    if not (pronoun or named):
        return False
    return _cue_in(tokens, start, first - 1, "first") is not None


def _sentences_between(tokens: list[Token], last: int, first: int) -> int:
    return tokens[first].sent - tokens[last].sent


def _colon_or_dash(
    tokens: list[Token], last: int, first: int, count: int
) -> tuple[str, str] | None:
    """`1,745 applications …:` before bullet lines or an inline list; `a team of ten – three
    engineers and six designers –`: the parts are all of the total."""
    between = tokens[last + 1 : first]
    if count < 2 or not between:
        return None
    colon = next((t for t in between if t.text == ":"), None)
    if (
        colon is not None
        and colon.sent == tokens[last].sent
        and not any(t.text in (".", ";") or t.line_start for t in between[: between.index(colon)])
    ):
        after = between[between.index(colon) + 1 :]
        if len(after) <= 3:  # the parts follow the colon at once (on the next bullet line)
            return ":", "all"
    if between[0].text in ("–", "—", "--") and len(between) <= 2:
        return "–", "all"
    return None


def _total_line(amounts: Amounts, members: list[int]) -> Draft | None:
    """Bullet lines with a line labelled Total: the other lines are its parts."""
    tokens = amounts.analysis.tokens
    phrases = amounts.analysis.numbers
    for position, member in enumerate(members):
        phrase = phrases[member]
        start = phrase.first - 1
        while start > 0 and not tokens[start].line_start:
            start -= 1
        label = " ".join(t.lower for t in tokens[start : phrase.first] if t.kind == "word")
        if label in lexicon.words("total_labels.txt") and position in (0, len(members) - 1):
            total = amounts.by_phrase[member]
            parts = [amounts.by_phrase[m] for i, m in enumerate(members) if i != position]
            if all(_compatible(total, p) for p in parts):
                return _breakdown(total, parts, ("total", "all"))
    return None


def _partitives(amounts: Amounts) -> list[Draft]:
    """`USD 50,000 of its USD 135,000 grant … USD 65,000 …; the remaining USD 25,000`, and
    `70 of the 100 apprentices …; the other 56`: parts of a whole named in a partitive."""
    phrases = amounts.analysis.numbers
    tokens = amounts.analysis.tokens
    out = []
    for index, phrase in enumerate(phrases):
        if (
            phrase.whole is None
            or index not in amounts.by_phrase
            or phrase.whole not in amounts.by_phrase
        ):
            continue
        whole = amounts.by_phrase[phrase.whole]
        parts = [amounts.by_phrase[index]]
        sentence = tokens[phrase.first].sent
        rest = False
        for later in range(phrase.whole + 1, len(phrases)):
            other = phrases[later]
            if (
                tokens[other.first].sent not in (sentence, sentence + 1)
                or later not in amounts.by_phrase
            ):
                break
            draft = amounts.by_phrase[later]
            if not _compatible(whole, draft) or other.whole is not None:
                continue
            if other.hyphen and other.hyphen != "strong":
                continue  # "one of three executives on its eight-person committee": a size
            if tokens[other.first].sent == sentence + 1 and other.role != "rest":
                break
            parts.append(draft)
            rest = rest or other.role == "rest"
        if len(parts) >= 2:
            out.append(_breakdown(whole, parts, ("of", "all" if rest else "some")))
    return out


def _breakdown(total: Draft, parts: list[Draft], cue: tuple[str, str]) -> Draft:
    words, extent = cue
    value = f"{total.value} = " + " + ".join(p.value for p in parts)
    return Draft(kind="breakdown", start=total.start, end=total.end, value=value, cue=words,
                 exhaustive=extent == "all", links=[total, *parts])  # fmt: skip
