"""Changes: a stated change (a percentage, points, doubled, halved) with the values it joins,
in any order: "climbed 36% to 339, compared with 216", "up 6 per cent on last year's 8,097",
"59 per cent more than the 546", "dropped 88 per cent, from 90 days to 37 days", "grew to
40,366, a jump of 39.8 per cent" (the old value in the sentence before), bullet lines."""

from __future__ import annotations

from functools import cache

from checker.extract.amounts import Amounts, _draft, per_unit
from checker.extract.base import Draft
from checker.extract.shares import is_change
from checker.language import lexicon
from checker.language.clauses import Clause
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token

_OLD_AFTER = frozenset({"than", "against", "from", "versus", "vs"})
_LAST = frozenset({"last", "previous", "prior", "year's", "same", "a", "the"})
_ANAPHORS = frozenset({"figure", "number", "total", "tally", "count"})
_FIGURE_REACH = 3  # paragraphs back "that figure" may look for the count it stands for


@cache
def _directions() -> dict[str, str]:
    return {word: direction for word, direction, _pos in lexicon.rows("change_words.tsv")}


@cache
def _multipliers() -> dict[str, float]:
    return {w: n.value for w, n in lexicon.number_words().items() if n.kind == "multiplier"}


class _Finder:
    """Looks for the values of a change around it, creating bare values as needed."""

    def __init__(self, amounts: Amounts) -> None:
        self.amounts = amounts
        self.tokens = amounts.analysis.tokens
        self.phrases = amounts.analysis.numbers
        self.firsts = {p.first: i for i, p in enumerate(self.phrases)}
        self.created: list[Draft] = []

    def value(self, index: int) -> Draft | None:
        """The amount draft of a number phrase, made for it when it has none."""
        draft = self.amounts.by_phrase.get(index)
        if draft is None:
            if index in self.amounts.rejected:
                return None  # a label or a code ("Series 4", "9-42-0")
            phrase = self.phrases[index]
            if phrase.year_like:
                return None  # a year
            draft = _draft(self.amounts.analysis, phrase, None)
            self.amounts.by_phrase[index] = draft
            self.created.append(draft)
        return draft

    def phrase_after(self, k: int, limit: int) -> int | None:
        """The number phrase that starts within two tokens after `k` (an article or "last
        year's" between), before `limit`."""
        j = k + 1
        while j <= limit and j - k <= 4:
            if j in self.firsts:
                found = self.firsts[j]
                return (
                    None if self.phrases[found].hyphen else found
                )  # "the previous five-year period"
            if self.tokens[j].kind == "number" or self.tokens[j].text in (",", ".", ";"):
                return None
            j += 1
        return None

    def reach(self, index: int) -> tuple[int, int]:
        """The tokens a change's values may stand in: its clause, with the participle or the
        part after a colon that hangs on it ("…, compared with 216"; ": there were 436"), not
        another clause ("…, while G&A expenses increased by 1.4%")."""
        analysis = self.amounts.analysis
        at = analysis.clause_of(index)
        if at is None:
            return self.sentence_bounds(index)
        clauses = analysis.clauses
        low = high = at
        while (
            high + 1 < len(clauses)
            and clauses[high + 1].sentence == clauses[at].sentence
            and _attached(clauses[high + 1])
        ):
            high += 1
        while (
            low > 0
            and clauses[low - 1].sentence == clauses[at].sentence
            and _attached(clauses[low])
        ):
            low -= 1
        return clauses[low].first, clauses[high].last

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        sentence = self.tokens[index].sent
        first = index
        while first > 0 and self.tokens[first - 1].sent == sentence:
            first -= 1
        last = index
        while last + 1 < len(self.tokens) and self.tokens[last + 1].sent == sentence:
            last += 1
        return first, last


def _attached(clause: Clause) -> bool:
    return clause.kind in ("participial", "parenthetical") or clause.opener == ":"


def find(amounts: Amounts) -> list[Draft]:
    """Every stated change whose old and new values the text gives, as a change claim."""
    finder = _Finder(amounts)
    out: list[Draft] = []
    tokens = finder.tokens
    together = {m for c in amounts.analysis.coordinations for m in c.members if len(c.members) > 1}
    for index, phrase in enumerate(finder.phrases):
        if phrase.kind not in ("percent", "points") or not is_change(tokens, phrase):
            continue
        if index in together and _coordinated_change(finder, index):
            continue  # "increased 8% y/y and 15% q/q to $29.5M": whose old value?
        stated = finder.value(index)
        if stated is None:
            continue
        direction = _direction(tokens, phrase)
        if direction in ("up", "down"):  # "fell by 12%": a decrease, whatever it joins
            stated.cue = "decrease" if direction == "down" else "increase"
        said = _said_direction(tokens, phrase)
        change = (said, stated.amount) if phrase.kind == "percent" and stated.amount else None
        found = _values(finder, index, phrase.first, phrase.last, change)
        if found is None:
            continue
        old, new = found
        out.append(Draft(kind="change", start=stated.start, end=stated.end,
                         value=f"{old.value} → {new.value}", cue=direction, unit=stated.unit,
                         links=[old, new, stated]))  # fmt: skip
    for token in tokens:
        factor = _multipliers().get(token.lower)
        if (
            factor is None
            or token.tag not in ("VERB", "NOUN", "ADJ")
            or token.lower in ("double", "triple", "twice", "thrice", "treble", "quadruple")
        ):
            continue
        found = _values(finder, None, token.i, token.i)
        if found is None:
            continue
        old, new = found
        out.append(Draft(kind="change", start=token.start, end=token.end, value=f"× {factor:g}",
                         amount=factor, cue="factor", links=[old, new]))  # fmt: skip
    return finder.created + out


def _coordinated_change(finder: _Finder, index: int) -> bool:
    """Whether a stated change is said together with another change ("8% y/y and 15% q/q")."""
    for coordination in finder.amounts.analysis.coordinations:
        if index in coordination.members:
            others = [m for m in coordination.members if m != index]
            return any(finder.phrases[m].kind in ("percent", "points") for m in others)
    return False


def _old_cue(tokens: list[Token], j: int) -> bool:
    """A word after which the old value comes: "than", "against", "from", "compared with",
    "on last year's", "over the previous"."""
    word = tokens[j].lower
    if word in _OLD_AFTER:
        return True
    if word in ("with", "to") and j > 0 and tokens[j - 1].lower in ("compared", "comparison"):
        return True
    if word in ("on", "over") and j + 1 < len(tokens):
        return tokens[j + 1].lower in _LAST
    return False


def _direction(tokens: list[Token], phrase: NumberPhrase) -> str:
    """Up or down, from the change word before or after the percentage (up when none)."""
    return _said_direction(tokens, phrase) or "up"


def _said_direction(tokens: list[Token], phrase: NumberPhrase) -> str | None:
    """The direction a change word next to the percentage says, if one does."""
    for token in [
        *reversed(tokens[max(0, phrase.first - 3) : phrase.first]),
        *tokens[phrase.last + 1 : phrase.last + 3],
    ]:
        if token.lower in _directions():
            return _directions()[token.lower]
    if phrase.head is not None and phrase.head.lower in _directions():
        return _directions()[phrase.head.lower]
    return None


def _values(
    finder: _Finder,
    stated: int | None,
    first: int,
    last: int,
    change: tuple[str | None, float] | None = None,
) -> tuple[Draft, Draft] | None:
    """The old and new values of the change stated from token `first` to `last`; the
    percentage said, and its direction when a word gives one ("a jump of 83%"), steer which
    earlier figure "that figure" is."""
    tokens = finder.tokens
    begin, end = finder.reach(first)
    old = new = None
    # "from A to B" anywhere in the sentence (after the change, or before: "rose from 50 per
    # cent to 54 per cent, a rise of 8 percentage points")
    for j in range(begin, end + 1):
        if tokens[j].lower == "from" and (stated is None or j != first):
            a = finder.phrase_after(j, end)
            if a is None or a == stated:
                continue
            k = finder.phrases[a].last + 1
            while k <= end and k - finder.phrases[a].last <= 3 and tokens[k].lower != "to":
                k += 1
            if k <= end and tokens[k].lower == "to":
                b = finder.phrase_after(k, end)
                if b is not None and b != stated:
                    old, new = a, b
                    break
    if old is None:
        # "to B" and the old value after "from", "compared with", "on last year's", "than"
        near = sorted(range(begin, end + 1), key=lambda j: abs(j - first))
        for j in near:
            word = tokens[j].lower
            if word == "to" and new is None:
                candidate = finder.phrase_after(j, end)
                new = candidate if candidate != stated else None
            elif old is None and _old_cue(tokens, j):
                candidate = finder.phrase_after(j, end)
                if candidate is not None and candidate != stated:
                    old = candidate
        if new is None and old is not None:
            new = _before(finder, begin, finder.phrases[old].first, stated, old)
        if new is not None and old is None:
            old = _earlier(finder, new, begin, change)
        if old is None and new is None:
            old, new = _bullets(finder, first)
    if old is None or new is None or old == new:
        return None
    if stated is not None and _nearer_change(finder, stated, old, new, begin, end):
        return None
    before, after = finder.value(old), finder.value(new)
    if before is None or after is None or not _comparable(before, after):
        return None
    return before, after


def _nearer_change(finder: _Finder, stated: int, old: int, new: int, begin: int, end: int) -> bool:
    """Whether the two values, said before this change, follow another stated change in the
    sentence: "to B from A" completes the change before it ("a 38% jump in pretax profit to
    £54.8 million from £39.8 million on a 63% rise in sales": the 38%'s, not the 63%'s)."""
    tokens, phrases = finder.tokens, finder.phrases
    lo = min(phrases[old].first, phrases[new].first)
    hi = max(phrases[old].last, phrases[new].last)
    if phrases[stated].first < hi:
        return False
    return any(
        i != stated
        and begin <= p.first
        and p.last < lo
        and p.kind in ("percent", "points")
        and is_change(tokens, p)
        for i, p in enumerate(phrases)
    )


def _before(finder: _Finder, begin: int, first: int, stated: int | None, old: int) -> int | None:
    """The value the sentence states before the old one ("sold 8,988 …, up 6 per cent on
    last year's 8,097"; "fell by 59 percent: there were 436, against 703")."""
    candidates = [
        i
        for i, p in enumerate(finder.phrases)
        if begin <= p.first < first and i not in (stated, old)
    ]
    tokens = finder.tokens
    for index in reversed(candidates):
        phrase = finder.phrases[index]
        if phrase.year_like:
            continue  # "in 2024"
        if per_unit(tokens, phrase) and not per_unit(tokens, finder.phrases[old]):
            continue  # "earned $422.5 million, or $6.44 a share, up 8.9% from $387.8 million"
        if phrase.kind in ("percent", "points") and finder.phrases[old].kind not in (
            "percent",
            "points",
        ):
            continue
        return index
    return None


def _earlier(
    finder: _Finder, new: int, begin: int, change: tuple[str | None, float] | None = None
) -> int | None:
    """`… grew to 40,366`: the old value is "that figure": the last value of its kind in the
    sentence before or, with none there, the last count of something within a few paragraphs
    (never a year, nor a length of time: "results in 60 seconds" is no figure that grows).
    A figure the change cannot have started from is passed over: "that figure grew to 8,295,
    a jump of 83%" did not grow from the "70,000 brands" said in between, nor from "one"."""
    tokens = finder.tokens
    if not any(t.lower in _ANAPHORS for t in tokens[begin : finder.phrases[new].first]):
        return None
    sentence, paragraph = tokens[begin].sent, tokens[begin].para
    times = lexicon.table("time_units.tsv")
    for index in range(new - 1, -1, -1):
        phrase = finder.phrases[index]
        at = tokens[phrase.first]
        if at.sent >= sentence:
            continue
        if paragraph - at.para > _FIGURE_REACH:
            break
        kinds = {phrase.kind, finder.phrases[new].kind}
        if phrase.year_like or not (len(kinds) == 1 or kinds == {"count", "bare"}):
            continue
        head = phrase.head.lower if phrase.head is not None else ""
        if head in times or lexicon.singular(head) in times:
            continue
        if at.sent == sentence - 1 or (phrase.kind == "count" and phrase.head is not None):
            if change is not None and not _could_start(finder, index, new, *change):
                continue
            return index
    return None


def _could_start(
    finder: _Finder, old: int, new: int, direction: str | None, percent: float
) -> bool:
    """Whether a change of about the percentage said could lead from one value to the other:
    the right way, and from within a factor of two of where the percentage puts its start (a
    misstated percentage still does; a figure of another thing rarely does)."""
    before, after = finder.value(old), finder.value(new)
    if before is None or after is None or not before.amount or not after.amount:
        return True
    if direction == "up" and before.amount >= after.amount:
        return False
    if direction == "down" and before.amount <= after.amount:
        return False
    down = direction == "down" or (direction is None and before.amount > after.amount)
    if down and percent >= 100:
        return True
    start = after.amount / (1 - percent / 100) if down else after.amount / (1 + percent / 100)
    return start / 2 <= before.amount <= start * 2


def _bullets(finder: _Finder, first: int) -> tuple[int | None, int | None]:
    """`- 2024: 8,636 (up 10 per cent)`: the value on the line, and the one on the line above."""
    tokens = finder.tokens
    line = first
    while line > 0 and not tokens[line].line_start:
        line -= 1
    if tokens[line].text not in ("-", "*", "•", "+"):
        return None, None
    on_line = [
        i
        for i, p in enumerate(finder.phrases)
        if line <= p.first < first and p.kind not in ("percent", "points")
    ]
    above = line - 1
    while above > 0 and not tokens[above].line_start:
        above -= 1
    on_above = [
        i
        for i, p in enumerate(finder.phrases)
        if above <= p.first < line and p.kind not in ("percent", "points")
    ]
    if not on_line or not on_above or tokens[above].text != tokens[line].text:
        return None, None
    return _last_value(finder, on_above), _last_value(finder, on_line)


def _last_value(finder: _Finder, indices: list[int]) -> int:
    """The last number of a bullet line that is no year label ("2024: 8,636")."""
    values = [i for i in indices if not finder.phrases[i].year_like]
    return values[-1] if values else indices[-1]


def _comparable(a: Draft, b: Draft) -> bool:
    return a.kind == b.kind and a.currency == b.currency
