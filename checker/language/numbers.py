"""Number phrases: the value as written, its hedge, scale, currency or unit, and what it counts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from checker.language import lexicon
from checker.language.tokens import Token

_DIGITS = re.compile(
    r"(?P<digits>\d+(?:,\d{3})*(?:\.\d+)?)(?P<suffix>[^\W\d_]*)(?P<tail>(?:[-‐][^\W\d_]+)*)$"
)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?$|\d+(?:\.\d+)?$")
_HEAD_TAGS = frozenset({"NOUN", "PROPN"})
_MODIFIER_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADV"})
_STOP_LOWER = frozenset({"per", "a", "an", "the"})


@dataclass
class Qualifier:
    """A phrase after a count that narrows it: "in Orange County", "of the seven", "per week"."""

    word: str  # the preposition, lower case
    text: str  # the words after it, as written
    start: int
    end: int
    first: int  # the token index it starts at
    last: int  # the token index it ends at (inclusive)


@dataclass
class NumberPhrase:
    """A number as written and what it is: a count, money, a share, a measure or a bare value."""

    first: int  # token index of the first token of the amount (currency symbol included)
    last: int  # token index of the last token of the amount (scale, sign or unit included)
    start: int
    end: int
    value: float
    decimals: int = 0
    scale: float = 1.0
    words: bool = False  # written in words ("twelve")
    plus: bool = False  # "3+ billion": at least
    kind: str = "bare"  # count, money, percent, points, measure, bare
    currency: str | None = None
    unit: str | None = None  # a measure's canonical unit ("km"), "percent" or "points"
    hyphen: str | None = None  # the word joined to the number: "strong", "seat", "year-old"
    hedge: str | None = None
    hedge_start: int | None = None
    head: Token | None = None  # the noun it counts or describes
    modifiers: tuple[str, ...] = ()  # words between the number and the head ("retired")
    premodifiers: tuple[str, ...] = ()  # between the determiner and the number ("additional")
    qualifiers: list[Qualifier] = field(default_factory=list)
    determiner: str | None = None  # "the", "those", "all", "each of the", a possessor's "'s"
    possessor: str | None = None  # "the youth theatre's" of "the youth theatre's 1,840 volunteers"
    role: str | None = None  # total, rest, part (of a partitive "70 of the 100")
    whole: int | None = None  # index of the number phrase a partitive counts part of
    grouped: bool = False  # written with a thousands separator ("1,960")

    @property
    def year_like(self) -> bool:
        """Whether a bare number may be a year: four plain digits from 1900 to 2100."""
        return (
            self.kind == "bare"
            and self.decimals == 0
            and not self.grouped
            and not self.words
            and 1900 <= self.value <= 2100
        )

    @property
    def head_lemma(self) -> str | None:
        """The counted noun's singular, lower case."""
        return lexicon.singular(self.head.text) if self.head is not None else None

    @property
    def step(self) -> float:
        """Half the last written digit: "2.9 billion" is 2.9 ± 0.05 billion."""
        return 0.5 * self.scale * 10.0**-self.decimals if self.decimals else 0.0

    @property
    def definite(self) -> bool:
        """Whether the phrase points back at a figure already known ("the", "those", "all")."""
        return self.determiner is not None


@cache
def _scales() -> dict[str, float]:
    return {
        w: n.value for w, n in lexicon.number_words().items() if n.kind in ("scale", "scale-short")
    }


@cache
def _short_scales() -> dict[str, float]:
    return {w: n.value for w, n in lexicon.number_words().items() if n.kind == "scale-short"}


@cache
def _currencies() -> tuple[dict[str, str], dict[tuple[str, ...], str], frozenset[str]]:
    """Symbols before an amount, names after it (as word tuples), and ISO codes."""
    before: dict[str, str] = {}
    after: dict[tuple[str, ...], str] = {}
    for written, code, where in lexicon.rows("currencies.tsv"):
        if where == "before":
            before[written] = code
        else:
            after[tuple(written.split())] = code
    return before, after, lexicon.words("currency_codes.txt")


@cache
def _percent_words() -> dict[tuple[str, ...], str]:
    return {tuple(row[0].split()): row[1] for row in lexicon.rows("percent_words.tsv")}


@cache
def _measures() -> dict[tuple[str, ...], str]:
    return {tuple(row[0].split()): row[1] for row in lexicon.rows("measures.tsv")}


@cache
def _hedges() -> dict[tuple[str, ...], str]:
    return {tuple(h.split()): h for h in lexicon.hedges()}


_EDGES: dict[tuple[int, int], frozenset[str]] = {}


def _edge_words(table: dict[tuple[str, ...], str], edge: int) -> frozenset[str]:
    """The first (`edge` 0) or last (-1) words of a table's entries; the tables are cached
    for the process, so their identity keys this one."""
    key = (id(table), edge)
    if key not in _EDGES:
        _EDGES[key] = frozenset(entry[edge] for entry in table if entry)
    return _EDGES[key]


def _match_words(
    tokens: list[Token], at: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int] | None:
    """The longest entry of `table` spelled by the tokens from `at`, and the last index."""
    if tokens[at].lower not in _edge_words(table, 0):
        return None  # most words begin no entry: skip building the keys
    for size in (3, 2, 1):
        if at + size > len(tokens):
            continue
        key = tuple(t.lower for t in tokens[at : at + size])
        if key in table:
            return table[key], at + size - 1
    return None


def _match_before(
    tokens: list[Token], end: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int] | None:
    """The longest entry of `table` spelled by the tokens that end at index `end`, and its first."""
    if end < 0 or tokens[end].lower not in _edge_words(table, -1):
        return None
    for size in (3, 2, 1):
        begin = end - size + 1
        if begin < 0:
            continue
        key = tuple(t.lower for t in tokens[begin : end + 1])
        if key in table:
            return table[key], begin
    return None


def _word_value(tokens: list[Token], at: int) -> tuple[float, int] | None:
    """A number in words from `at` ("three hundred and five", "twenty-one"), and its last index."""
    words = lexicon.number_words()
    first = words.get(tokens[at].lower)
    if first is None or first.kind not in ("cardinal", "count") or tokens[at].lower == "zero":
        return None
    if first.kind == "count" and tokens[at].lower not in ("dozen",):
        return None
    value, last = first.value, at
    # "three hundred (and) five", "two thousand", "one hundred and twenty"
    j = at + 1
    while j < len(tokens):
        word = words.get(tokens[j].lower)
        if word is not None and word.kind == "scale" and tokens[j].lower in ("hundred", "thousand"):
            value *= word.value
            last = j
            j += 1
            if j + 1 < len(tokens) and tokens[j].lower == "and":
                following = words.get(tokens[j + 1].lower)
                if following is not None and following.kind == "cardinal":
                    value += following.value
                    last = j + 1
                    j += 2
            continue
        break
    words_after = [t.lower for t in tokens[last + 1 : last + 4]]
    if words_after == ["and", "a", "half"]:
        value, last = value + 0.5, last + 3  # "three and a half million"
    return value, last


def ordinal_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The first token and value of the ordinal ending at token `i`: "21st", "ninth",
    "twenty-first", "one hundredth", "two hundred and fiftieth"."""
    token = tokens[i]
    if token.tag != "ORD":
        return None
    if token.kind == "number":
        digits = token.lower[:-2]
        return (i, int(digits)) if digits.isdecimal() and len(digits) <= 6 else None
    words = lexicon.number_words()
    word = words.get(token.lower)
    if word is None or word.kind != "ordinal":
        return None
    if token.lower in ("hundredth", "thousandth") and i > 0:
        before = _cardinal_ending(tokens, i - 1)
        if before is not None:  # "one hundredth", "two thousandth"
            return before[0], int(before[1] * word.value)
    if i > 1 and tokens[i - 1].lower == "and" and word.value < 100:
        before = _cardinal_ending(tokens, i - 2)
        if before is not None and tokens[i - 2].lower in ("hundred", "thousand"):
            return before[0], int(before[1] + word.value)  # "two hundred and fiftieth"
    return i, int(word.value)


def _cardinal_ending(tokens: list[Token], last: int) -> tuple[int, float] | None:
    """The first token and value of a number in words that ends at token `last`."""
    for first in range(max(0, last - 2), last + 1):
        if tokens[first].kind == "word":
            found = _word_value(tokens, first)
            if found is not None and found[1] == last:
                return first, found[0]
    return None


def _digits_value(token: Token) -> tuple[float, int, float, str, str] | None:
    """Value, decimals, scale, suffix and hyphenated tail of a number token ("2.9bn")."""
    m = _DIGITS.match(token.text)
    if m is None or not _GROUPED.match(m["digits"]):
        return None
    digits = m["digits"].replace(",", "")
    if len(digits) > 24:
        return None  # a run of digits, not an amount (and a float would overflow)
    suffix = m["suffix"].lower()
    scale = _short_scales().get(suffix, 1.0) if suffix else 1.0
    if suffix and suffix not in _short_scales():
        scale = 1.0
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits) * scale, decimals, scale, suffix, m["tail"].lstrip("-‐").lower()


def find(tokens: list[Token]) -> list[NumberPhrase]:
    """Every number phrase of a token list, in order."""
    phrases: list[NumberPhrase] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind != "number" and token.tag != "NUM" and "-" not in token.lower:
            i += 1  # most tokens: none of `_phrase_at`'s three openings, said sooner
            continue
        phrase = _phrase_at(tokens, i)
        if phrase is None:
            i += 1
            continue
        phrases.append(phrase)
        i = phrase.last + 1
    for index, phrase in enumerate(phrases):
        _context(tokens, phrases, index, phrase)
    return phrases


def _phrase_at(tokens: list[Token], i: int) -> NumberPhrase | None:
    token = tokens[i]
    if token.kind == "number":
        parsed = _digits_value(token)
        if parsed is None:
            return None
        value, decimals, scale, suffix, tail = parsed
        if suffix and suffix not in _short_scales() and suffix not in ("s",):
            if (suffix,) in _measures():
                phrase = NumberPhrase(i, i, token.start, token.end, value, decimals, scale)
                phrase.kind, phrase.unit = "measure", _measures()[(suffix,)]
                return _amount(tokens, phrase)
            return None  # "3pm", "4G", "21st"
        phrase = NumberPhrase(i, i, token.start, token.end, value, decimals, scale)
        phrase.grouped = "," in token.text  # "1,960" is a count, never the year 1960
        if tail:
            phrase.hyphen = tail
        return _amount(tokens, phrase)
    if token.kind == "word" and token.tag == "NUM":
        parsed_words = _word_value(tokens, i)
        if parsed_words is None:
            return None
        value, last = parsed_words
        ordinal = ordinal_at(tokens, last + 2) if last + 2 < len(tokens) else None
        if (last + 1 < len(tokens) and tokens[last + 1].lower in ("hundredth", "thousandth")) or (
            ordinal is not None and ordinal[0] == i
        ):
            return None  # "one hundredth", "two hundred and fiftieth": an ordinal
        phrase = NumberPhrase(i, last, token.start, tokens[last].end, value, words=True)
        return _amount(tokens, phrase)
    if token.kind == "word" and "-" in token.lower and token.tag in ("NOUN", "ADJ", "NUM", "ORD"):
        head, _, rest = token.lower.partition("-")
        word = lexicon.number_words().get(head)
        if (
            word is not None
            and word.kind == "cardinal"
            and rest
            and rest not in lexicon.number_words()
        ):
            phrase = NumberPhrase(i, i, token.start, token.end, word.value, words=True)
            phrase.hyphen = rest
            return _amount(tokens, phrase)
    return None


def _amount(tokens: list[Token], phrase: NumberPhrase) -> NumberPhrase:
    """Grow the phrase over its scale word, sign, currency or unit."""
    j = phrase.last + 1
    if j < len(tokens) and tokens[j].text == "+" and not tokens[j].space:
        phrase.plus = True
        phrase.last = j
        j += 1
    if (
        j < len(tokens)
        and tokens[j].lower in _scales()
        and tokens[j].lower not in _short_scales()
        and phrase.scale == 1.0
    ):
        scale = _scales()[tokens[j].lower]
        if scale >= 1000 and not (tokens[j].lower == "hundred" and not phrase.words):
            phrase.value *= scale
            phrase.scale = scale
            phrase.last = j
            j += 1
    elif (
        j < len(tokens)
        and tokens[j].lower in _short_scales()
        and not tokens[j].space
        and phrase.scale == 1.0
    ):
        phrase.scale = _short_scales()[tokens[j].lower]
        phrase.value *= phrase.scale
        phrase.last = j
        j += 1
    before, after, codes = _currencies()
    # A symbol or code before: "$", "US$" (two tokens, no space), "EUR 2.9 billion".
    k = phrase.first - 1
    if k >= 0:
        symbol = tokens[k].text
        if k >= 1 and not tokens[k].space and (tokens[k - 1].text + symbol) in before:
            phrase.currency, phrase.first = before[tokens[k - 1].text + symbol], k - 1
        elif symbol in before:
            phrase.currency, phrase.first = before[symbol], k
        elif symbol.upper() == symbol and symbol in codes:
            phrase.currency, phrase.first = symbol, k
    if phrase.currency is None and j < len(tokens):
        if tokens[j].text in codes:
            phrase.currency, phrase.last = tokens[j].text, j
        else:
            name = _match_words(tokens, j, after)
            if name is not None and not (
                tokens[j].lower == "pounds" and _weight_context(tokens, j)
            ):
                phrase.currency, phrase.last = name
    if phrase.currency is not None:
        phrase.kind = "money"
    elif j < len(tokens):
        sign = _match_words(tokens, j, _percent_words())
        bare_points = tokens[j].lower in ("points", "point", "pts")
        if sign is not None and not (bare_points and not _points_context(tokens, phrase)):
            unit, phrase.last = sign
            phrase.kind = "percent" if unit == "percent" else "points"
            phrase.unit = unit
        else:
            measure = _match_words(tokens, j, _measures())
            if measure is not None and tokens[j].lower not in ("m", "g"):
                phrase.kind, (phrase.unit, phrase.last) = "measure", measure
    if phrase.kind == "bare" and phrase.hyphen:
        hyphened = _measures().get((phrase.hyphen,)) or _measures().get(
            (lexicon.singular(phrase.hyphen),)
        )
        if hyphened:
            phrase.kind, phrase.unit = "measure", hyphened
    phrase.start, phrase.end = tokens[phrase.first].start, tokens[phrase.last].end
    return phrase


def _weight_context(tokens: list[Token], j: int) -> bool:
    """`pounds` after a number is weight when "of" and a substance follow ("20 pounds of food")."""
    return j + 1 < len(tokens) and tokens[j + 1].lower == "of"


def _points_context(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """`points` is a percentage-point change only next to a share or a change word."""
    window = tokens[max(0, phrase.first - 4) : phrase.last + 8]
    return any(
        t.text == "%"
        or t.lower
        in (
            "percent",
            "cent",
            "share",
            "rose",
            "fell",
            "up",
            "down",
            "rise",
            "fall",
            "increase",
            "decrease",
            "drop",
            "gain",
        )
        for t in window
    )


def _context(
    tokens: list[Token], phrases: list[NumberPhrase], index: int, phrase: NumberPhrase
) -> None:
    """The words around a phrase: its hedge, determiner, head noun, qualifiers and role."""
    _hedge(tokens, phrase)
    _determiner(tokens, phrase)
    _total(tokens, phrase)
    _head(tokens, phrase)
    _qualifiers(tokens, phrase)
    _partitive(tokens, phrases, index, phrase)


def _hedge(tokens: list[Token], phrase: NumberPhrase) -> None:
    found = _match_before(tokens, phrase.first - 1, _hedges())
    if found is not None:
        phrase.hedge, begin = found
        phrase.hedge_start = tokens[begin].start
    elif phrase.plus:
        phrase.hedge = "at least"


def _determiner(tokens: list[Token], phrase: NumberPhrase) -> None:
    """`the 100 apprentices`, `those 7,900,000 visitors`, `all 20`, `the theatre's 1,840`."""
    k = (
        (phrase.first - 1)
        if phrase.hedge_start is None
        else _index_at(tokens, phrase.hedge_start) - 1
    )
    while k >= 0 and tokens[k].lower in (
        "other",
        "remaining",
        "first",
        "last",
        "new",
        "additional",
        "same",
    ):
        if tokens[k].lower in ("other", "remaining"):
            phrase.role = "rest"
        elif tokens[k].lower in ("additional", "first", "last"):
            # "the additional 48% stake", "the first 100 members": another figure than one
            # said before, or a part of it ("a new 15-mile route" is the route that is new)
            phrase.premodifiers = (tokens[k].lower, *phrase.premodifiers)
        k -= 1
    if k < 0:
        return
    token = tokens[k]
    if (
        token.tag == "DET"
        and token.lower
        in (
            "the",
            "those",
            "these",
            "all",
            "each",
            "both",
            "every",
        )
    ) or token.tag == "POSS":
        phrase.determiner = token.lower
    elif token.kind == "clitic" and token.tag == "PART":
        phrase.determiner = "'s"
        start = k - 1
        while (
            start > 0
            and tokens[start - 1].tag in ("NOUN", "PROPN", "ADJ")
            and not tokens[start - 1].line_start
        ):
            start -= 1
        if start > 0 and tokens[start - 1].lower == "the":
            start -= 1
        phrase.possessor = " ".join(t.text for t in tokens[start:k])


@cache
def _total_words() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in lexicon.words("total_words.txt"))


def _total(tokens: list[Token], phrase: NumberPhrase) -> None:
    """`a total of 500`, `In all, more than 700 projects`, `€3.2 million in all`: a total."""
    words = _total_words()
    first = phrase.first if phrase.hedge_start is None else _index_at(tokens, phrase.hedge_start)
    before = [t.lower for t in tokens[max(0, first - 4) : first] if t.text not in (",", "of", "a")]
    end = (phrase.head.i if phrase.head is not None else phrase.last) + 1
    after = [t.lower for t in tokens[end : end + 2]]
    for size in (2, 1):
        for seq in (before[-size:], after[:size]):
            if len(seq) == size and tuple(seq) in words:
                phrase.role = phrase.role or "total"
                return


def _index_at(tokens: list[Token], offset: int) -> int:
    """The index of the first token that starts at or after an offset (a bisection: a long
    document has many hedges)."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)


def _head(tokens: list[Token], phrase: NumberPhrase) -> None:
    """The noun a number counts or describes: the last noun of the words that follow it,
    past adjectives and compounds ("980 retired teachers", "305 care assistants")."""
    if phrase.hyphen:
        _hyphen_head(tokens, phrase)
        return
    j = phrase.last + 1
    run: list[Token] = []
    while j < len(tokens) and len(run) < 5:
        token = tokens[j]
        abbreviation = token.kind == "abbr" and token.tag == "PROPN"  # "40+ U.S. states"
        if token.line_start or (token.kind != "word" and not abbreviation):
            break
        if token.tag not in _MODIFIER_TAGS:
            break
        if token.lower in _STOP_LOWER or (token.tag == "ADV" and not token.lower.endswith("ly")):
            break
        if token.tag == "VERB":
            break  # "members polled", "68% said": a verb; "retired teachers" has an adjective
        if (
            token.forms & {"base", "3sg"}
            and j + 1 < len(tokens)
            and tokens[j + 1].tag in ("DET", "POSS", "PRON", "NUM")
        ):
            break  # "£85,000 bring the total to": a verb with its object, not a head noun
        run.append(token)
        j += 1
    if not run:
        return
    plural_heads = [t for t in run if t.tag in _HEAD_TAGS and _plural(t)]
    if plural_heads and phrase.value != 1:
        head = plural_heads[0]
        # The head is the first plural noun: "students from", "crew members".
        nxt = run.index(head) + 1
        if nxt < len(run) and run[nxt].tag in _HEAD_TAGS and _plural(run[nxt]):
            head = run[nxt]
        phrase.head = head
    elif phrase.kind in ("money", "percent", "measure", "points") or phrase.value == 1:
        # "20% abstaining": a verb form last in the run is a predicate, not a head
        singular = [
            t
            for t in run
            if t.tag in _HEAD_TAGS and not (t is run[-1] and t.forms & {"gerund", "participle"})
        ]
        if singular:
            phrase.head = singular[-1]
    if phrase.head is not None:
        phrase.modifiers = tuple(t.lower for t in run[: run.index(phrase.head)])
        if phrase.kind == "bare":
            phrase.kind = "count"


def _hyphen_head(tokens: list[Token], phrase: NumberPhrase) -> None:
    """`69-strong delegation`, `105-seat auditorium`, `20-kilometre route`, `34-year partnership`."""
    j = phrase.last + 1
    run: list[Token] = []
    while (
        j < len(tokens)
        and len(run) < 4
        and tokens[j].tag in ("NOUN", "PROPN", "ADJ")
        and not tokens[j].line_start
    ):
        run.append(tokens[j])
        j += 1
    nouns = [t for t in run if t.tag in _HEAD_TAGS]
    if nouns:
        phrase.head = nouns[-1]
        phrase.modifiers = tuple(t.lower for t in run[: run.index(nouns[-1])])
    if phrase.kind == "bare" and phrase.hyphen in ("strong",):
        phrase.kind = "count"
    elif (
        phrase.kind == "bare"
        and phrase.hyphen
        and phrase.hyphen.split("-")[0]
        not in ("year", "month", "week", "day", "decade", "century", "hour", "minute")
    ):
        phrase.kind = "count"  # "a 105-seat auditorium" counts seats


def _plural(token: Token) -> bool:
    if token.tag not in _HEAD_TAGS:
        return False
    return lexicon.plural_of_noun(token.text) is not None


def _qualifiers(tokens: list[Token], phrase: NumberPhrase) -> None:
    """The prepositional phrases after the count: "in Cinderholm", "of the seven", "per week"."""
    j = (phrase.head.i if phrase.head is not None else phrase.last) + 1
    while j < len(tokens) and len(phrase.qualifiers) < 3:
        token = tokens[j]
        if token.tag != "ADP" or token.line_start or token.lower in ("than", "to", "by"):
            break
        k = j + 1
        while (
            k < len(tokens)
            and tokens[k].tag in ("DET", "POSS", "NOUN", "PROPN", "ADJ", "NUM", "ORD", "PART")
            and not tokens[k].line_start
            and k - j < 6
        ):
            k += 1
        if k == j + 1:
            break
        words = tokens[j + 1 : k]
        phrase.qualifiers.append(
            Qualifier(
                token.lower,
                " ".join(t.text for t in words),
                token.start,
                tokens[k - 1].end,
                j,
                k - 1,
            )
        )
        j = k


def _partitive(
    tokens: list[Token], phrases: list[NumberPhrase], index: int, phrase: NumberPhrase
) -> None:
    """`70 of the 100 apprentices`: the first number counts part of the second's whole."""
    if index + 1 >= len(phrases):
        return
    nxt = phrases[index + 1]
    between = tokens[phrase.last + 1 : nxt.first]
    words = [t.lower for t in between]
    if (
        words
        in (["of", "the"], ["of", "its"], ["of", "their"], ["of"], ["of", "those"], ["out", "of"])
        and phrase.head is None
    ):
        phrase.role = phrase.role or "part"
        phrase.whole = index + 1
        phrase.head = nxt.head
        if phrase.kind == "bare" and nxt.kind == "count":
            phrase.kind = "count"
