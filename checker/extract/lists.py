"""Lists with an announced count: "four categories: A, B, C and D", "2 finalists – A, B and C
–", "the two designs are by A, B and C", "three co-founders, A and B,", bullet lines (also a few
sentences on: "The charities are: - …"), "A, B and C – the five founding members", "(1) … (2)
…", "including" (at most that many)."""

from __future__ import annotations

from checker.extract.amounts import Amounts
from checker.extract.base import Draft
from checker.language import coordination, lexicon
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token
from checker.models import Evidence, Passage

Items = list[tuple[int, int]]
_COPULAS = frozenset({"are", "were", "include", "includes", "included", "comprise", "comprises"})
_PARTIAL = frozenset(
    {"including", "include", "includes", "included", "such", "among", "like", "notably"}
)
_DASHES = frozenset({"–", "—", "--"})
_BULLETS = frozenset({"-", "*", "•", "▪", "◦", "+"})


def _announced(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """A count that can announce a list: 2 to 30 (or a slip's 1) of a plural noun written in lower case (a
    capital makes it a name or a headline: "The Four Seasons", "Phase 2 Findings")."""
    head = phrase.head
    return (
        phrase.kind == "count"
        and head is not None
        and not (head.is_cap and head.i != _sentence_start(tokens, head.i))
        and phrase.hedge is None
        and phrase.whole is None
        and (
            2 <= phrase.value <= 30
            # "one partner organizations, including A and B": a one with a plural, then a list
            or (phrase.value == 1 and lexicon.plural_of_noun(head.text) is not None)
        )
        and phrase.value == int(phrase.value)
        and phrase.head_lemma not in lexicon.words("unlisted_heads.txt")
        and phrase.hyphen is None
    )


def find(amounts: Amounts) -> list[Draft]:
    """Announced counts and the items that follow (or come just before)."""
    tokens = amounts.analysis.tokens
    out = []
    for index, phrase in enumerate(amounts.analysis.numbers):
        if index not in amounts.by_phrase or not _announced(tokens, phrase):
            continue
        assert phrase.head is not None
        found = _items_after(tokens, phrase) or _items_before(tokens, phrase)
        if found is None:
            continue
        items, partial = found
        texts = [amounts.analysis.text_of(a, b).strip() for a, b in items]
        if len(texts) < 2 or any(len(t.split()) > 40 for t in texts):
            continue
        if (
            len(texts) == 2 * phrase.value
            and all(t[:1].isupper() for t in texts)
            and all(len(t.split()) == 1 for t in texts[1::2])
        ):
            continue  # "Rockville, Maryland and San Diego, California": places with their states
        count = int(phrase.value)
        noun = phrase.head.text
        draft = Draft(kind="list", start=phrase.start, end=phrase.head.end, value=f"{count} {noun}",
                      number=count, unit=noun.lower(), items=tuple(texts),
                      exhaustive=not partial)  # fmt: skip
        start, end = tokens[items[0][0]].start, tokens[items[-1][1]].end
        draft.evidence = Evidence(
            clause=Passage(start=start, end=end, text=amounts.analysis.text[start:end])
        )
        out.append(draft)
    return out


def _sentence_start(tokens: list[Token], k: int) -> int:
    sentence = tokens[k].sent
    while k > 0 and tokens[k - 1].sent == sentence:
        k -= 1
    return k


def _sentence_end(tokens: list[Token], k: int) -> int:
    sentence = tokens[k].sent
    while k + 1 < len(tokens) and tokens[k + 1].sent == sentence:
        k += 1
    return k


def _clause_like(tokens: list[Token], a: int, b: int) -> bool:
    """Whether an item holds a finite verb: then it is a clause, not a list item."""
    for t in tokens[a : b + 1]:
        if t.tag in ("AUX", "MODAL"):
            return True
        if t.tag == "VERB" and t.forms & {"past", "3sg"} and "participle" not in t.forms:
            return True
    return False


def _inline(tokens: list[Token], items: Items, names: bool = False) -> Items | None:
    """An inline list that reads as one: two or more short items, none a clause, the last
    joined by "and" or "or" (or all by semicolons); `names`: each item a name."""
    if len(items) < 2 or any(b - a > 12 or _clause_like(tokens, a, b) for a, b in items):
        return None
    joined = any(t.lower in ("and", "or") for t in tokens[items[-2][1] + 1 : items[-1][0]])
    semicolons = any(t.text == ";" for t in tokens[items[0][0] : items[-1][1]])
    if not (joined or semicolons):
        return None
    if names and not all(
        tokens[a].is_cap or (tokens[a].lower == "the" and tokens[a + 1].is_cap) for a, _ in items
    ):
        return None
    return items


def _items_after(tokens: list[Token], phrase: NumberPhrase) -> tuple[Items, bool] | None:
    assert phrase.head is not None
    j = phrase.head.i + 1
    end = _sentence_end(tokens, phrase.head.i)
    partial = False
    if tokens[end].text == ":" and end + 1 < len(tokens) and tokens[end + 1].text in _BULLETS:
        # "The following four schools will take part …:" — the bullets list the count's noun
        between = tokens[j:end]
        following = phrase.first > 0 and tokens[phrase.first - 1].lower == "following"
        if following or (len(between) <= 12 and not any(t.lower == "following" for t in between)):
            found = _colon_items(tokens, end, end)
            return (found, False) if found else None
    # Between the count and its list: a few words ("for the harbour footbridge"), no verb.
    for k in range(j, min(end, j + 8) + 1):
        token = tokens[k]
        if token.lower in _PARTIAL:
            partial = True
        if token.text == ":":
            found = _colon_items(tokens, k, end)
            return (found, partial) if found else None
        if token.text in _DASHES and k == j:
            close = next((m for m in range(k + 1, end + 1) if tokens[m].text in _DASHES), end + 1)
            found = _inline(tokens, coordination.items(tokens, k + 1, close - 1))
            return (found, partial) if found else None
        if token.text in _DASHES:
            # "… chose three winners this year – taking home prizes were A, B and C"
            found = _copula_list(tokens, phrase, k + 1, end, near=True)
            return (found, partial) if found else None
        if token.lower in _COPULAS and token.tag in ("AUX", "VERB"):
            return _after_copula(tokens, k, end, partial or token.lower.startswith("includ"))
        if token.text == "," and k == j:
            start = k + 1
            if start <= end and tokens[start].lower in _PARTIAL:
                partial, start = True, start + 1
            found = _inline(
                tokens,
                coordination.items(tokens, start, _list_end(tokens, start, end, True)),
                names=True,
            )
            return (found, partial) if found else None
        if token.tag in ("VERB", "AUX", "MODAL", "CCONJ", "SCONJ") or token.text in (
            ".",
            ";",
            "!",
            "?",
            ",",
        ):
            break
    return _later_sentence(tokens, phrase, end)


def _after_copula(
    tokens: list[Token], k: int, end: int, partial: bool
) -> tuple[Items, bool] | None:
    """`… are by A, B and C`, `… are: - …`: the list after the verb."""
    start = k + 1
    if start <= end and tokens[start].lower in ("by", "of"):
        start += 1
    if start <= end and tokens[start].text == ":":
        found = _colon_items(tokens, start, end)
        return (found, partial) if found else None
    found = _inline(
        tokens, coordination.items(tokens, start, _list_end(tokens, start, end)), names=True
    )
    return (found, partial) if found else None


def _colon_items(tokens: list[Token], colon: int, end: int) -> Items | None:
    """The items after a colon: bullet lines, or paragraphs that each open with a label
    ("Introductory Video: …"), when the colon ends its line; else the inline list."""
    nxt = colon + 1
    if nxt >= len(tokens):
        return None
    if not tokens[nxt].line_start:
        return _inline(tokens, coordination.items(tokens, nxt, _list_end(tokens, nxt, end)))
    if tokens[nxt].text in _BULLETS:
        # The list's lines share its first line's mark: a "*" list after a "-" list is another.
        last, mark = nxt, tokens[nxt].text
        while last + 1 < len(tokens) and (
            not tokens[last + 1].line_start or tokens[last + 1].text == mark
        ):
            last += 1
        return coordination.items(tokens, nxt, last) or None
    return _labelled_paragraphs(tokens, nxt) or None


def _labelled_paragraphs(tokens: list[Token], first: int) -> Items:
    """Paragraphs that each begin with a short label and a colon: one item each."""
    items = []
    k = first
    while k < len(tokens):
        para = tokens[k].para
        label_end = next(
            (j for j in range(k, min(len(tokens), k + 8)) if tokens[j].text == ":"), None
        )
        if label_end is None or label_end == k or tokens[label_end].para != para:
            break
        items.append((k, label_end - 1))
        while k < len(tokens) and tokens[k].para == para:
            k += 1
    return items if len(items) >= 2 else []


def _list_end(tokens: list[Token], start: int, end: int, apposition: bool = False) -> int:
    """Where an inline list ends: the sentence's end, a dash, or (for a list in apposition,
    "three co-founders, A and B, in a spare room") the comma after its last conjunct."""
    stop = end
    if stop >= start and tokens[stop].text in (".", "!", "?", ";"):
        stop -= 1
    for m in range(start, stop + 1):
        if tokens[m].text in _DASHES:
            return m - 1
    if not apposition:
        return stop
    conjunction = next(
        (m for m in range(start, stop + 1) if tokens[m].lower in ("and", "or")), None
    )
    if conjunction is not None:
        close = next((m for m in range(conjunction, stop + 1) if tokens[m].text == ","), None)
        if close is not None:
            return close - 1
    return stop


def _later_sentence(
    tokens: list[Token], phrase: NumberPhrase, end: int
) -> tuple[Items, bool] | None:
    """The list a few sentences on: "Four partner charities will share …" then "The charities
    are: - …" (the noun again, alone before the verb), or "… chose two winners." then "Taking
    home prizes were A, B and C." (within three sentences, names only). Further on, up to
    twenty sentences, only the noun again names the count's things, and only while no other
    mention of the noun came between ("the charities" are the last charities spoken of)."""
    assert phrase.head is not None
    head = phrase.head
    start = end + 1
    for distance in range(1, 21):
        if start >= len(tokens):
            return None
        next_end = _sentence_end(tokens, start)
        found = _copula_list(tokens, phrase, start, next_end, near=distance <= 3, far=distance > 6)
        if found is not None:
            return found, False
        if distance >= 6 and any(
            t.lemma == head.lemma or t.lower == head.lower for t in tokens[start : next_end + 1]
        ):
            return None  # the noun again, and no list: later mentions are of these or others
        start = next_end + 1
    return None


def _copula_list(
    tokens: list[Token], phrase: NumberPhrase, start: int, end: int, near: bool, far: bool = False
) -> Items | None:
    assert phrase.head is not None
    words = tokens[start : end + 1]
    copula = next((t.i for t in words[:6] if t.lower in ("are", "were") and t.tag == "AUX"), None)
    if copula is None:
        return None
    subject = [t for t in tokens[start:copula] if t.tag not in ("DET",)]
    names_head = len(subject) <= 2 and any(
        t.lemma == phrase.head.lemma or t.lower == phrase.head.lower for t in subject
    )
    opener = (words[0].tag == "VERB" and "gerund" in words[0].forms) or words[0].lower in (
        "they",
        "these",
    )
    if not (names_head or (near and opener)) or (far and not names_head):
        return None
    after = copula + 1
    if after <= end and tokens[after].text == ":":
        return _colon_items(tokens, after, end)
    return _inline(
        tokens, coordination.items(tokens, after, _list_end(tokens, after, end)), names=True
    )


def _items_before(tokens: list[Token], phrase: NumberPhrase) -> tuple[Items, bool] | None:
    """`A, B, C and D – the five founding members of …`: the list comes first, set off by a dash."""
    k = phrase.first - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k < 0 or tokens[k].text not in _DASHES:
        return None
    start = _sentence_start(tokens, k)
    found = _inline(tokens, coordination.items(tokens, start, k - 1), names=True)
    return (found, False) if found else None
