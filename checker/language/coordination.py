"""Coordinations: amounts said side by side ("48% backed it, 31% opposed it and 30% were
undecided"; bullet lines of shares), and lists of items ("A, B and C"; "x; y; and z")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from checker.language import lexicon
from checker.language.numbers import NumberPhrase
from checker.language.tokens import Token

if TYPE_CHECKING:
    from checker.language.analysis import Analysis

_JOINERS = frozenset({",", "and", "or", "while", "whilst", "with", "whereas", "plus", ";", "but"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "that"})
_GAP = 20  # tokens between two conjoined amounts, at most ("backed the later start to the school day, 16%")


@dataclass
class Coordination:
    """Amounts or items said together: the members in order, how they are joined, where."""

    kind: str  # amounts, bullets
    members: list[int] = field(default_factory=list)  # number phrase indices
    joiners: list[str] = field(default_factory=list)  # what joins each member to the one before
    sentence: int = 0


def find(analysis: Analysis) -> list[Coordination]:
    """Runs of number phrases of one kind joined as conjuncts, in a sentence or on bullet lines;
    amounts of other kinds may stand between ("rose 7 points to 52 per cent, while opposition
    fell 10 points to 67 per cent" joins the two shares)."""
    tokens = analysis.tokens
    phrases = analysis.numbers
    out: list[Coordination] = []
    runs: dict[tuple[str, str | None], Coordination] = {}
    for index, phrase in enumerate(phrases):
        key = _kind_key(phrase)
        run = runs.get(key)
        if run is not None:
            previous = phrases[run.members[-1]]
            joiner = _joined(tokens, previous.last, phrase.first)
            if joiner is not None and len(run.members) == 1 and _opens_whole(tokens, previous):
                joiner = None  # "Of the 739 members, 621 live in town": the whole, then a part
            if joiner is not None:
                run.members.append(index)
                run.joiners.append(joiner)
                continue
            if len(run.members) > 1:
                out.append(run)
        runs[key] = Coordination("amounts", [index], [""], tokens[phrase.first].sent)
    out += [run for run in runs.values() if len(run.members) > 1]
    for coordination in out:
        if any(j == "bullet" for j in coordination.joiners):
            coordination.kind = "bullets"
    return sorted(out, key=lambda c: c.members[0])


def _kind_key(phrase: NumberPhrase) -> tuple[str, str | None]:
    """Amounts of one kind coordinate: a count and a bare number ("621 people … and 739 in …") do."""
    kind = "count" if phrase.kind in ("count", "bare") else phrase.kind
    return kind, phrase.currency


def _joined(tokens: list[Token], last: int, first: int) -> str | None:
    """What joins two amounts as conjuncts: a comma, "and", "while", a new bullet line; None
    when a sentence ends or something else stands between them."""
    between = tokens[last + 1 : first]
    if not between:
        return None
    if tokens[first].sent != tokens[last].sent:
        return _bullet(tokens, last, first)
    if len(between) > _GAP:
        return None
    words = [t.lower for t in between]
    if any(t.text in (".", "!", "?", ":") for t in between):
        return None
    if any(t.tag == "SCONJ" and t.lower in _RELATIVES for t in between) or _cue_between(between):
        return None  # "EUR 12 million …, of which EUR 7 million": a part, not a conjunct
    if (
        len(between) >= 4
        and words[0] == ","
        and words[-1] == "of"
        and between[1].tag == "DET"
        and between[-2].tag == "NOUN"
    ):
        return None  # "rose to 50%, an increase of 10 percent": a phrase about it, no conjunct
    openers = lexicon.words("whole_openers.txt")
    if words[-1] == "," and any(
        words[k] in (",", ";") and words[k + 1] in openers for k in range(len(words) - 2)
    ):
        return None  # "…; of the monthly donors, 84%": a share of another whole
    joiner = next((w for w in words if w in _JOINERS), None)
    return joiner


def _opens_whole(tokens: list[Token], phrase: NumberPhrase) -> bool:
    """`Of the 739 members, …`, `Among the 20 teams, …`: an amount in a phrase that opens
    its sentence or clause with "of" or "among" names the whole the next amounts share."""
    k = phrase.first - 1
    while k >= 0 and tokens[k].tag in ("DET", "ADJ"):
        k -= 1
    if k < 0 or tokens[k].lower not in lexicon.words("whole_openers.txt"):
        return False
    return (
        k == 0 or tokens[k - 1].text in (".", ";", ":", ",") or tokens[k].sent != tokens[k - 1].sent
    )


@cache
def _cues() -> frozenset[tuple[str, ...]]:
    """The words that tie a total to its parts: amounts they separate are no conjuncts."""
    return frozenset(tuple(row[0].split()) for row in lexicon.rows("breakdown_cues.tsv"))


def _cue_between(between: list[Token]) -> bool:
    cues = _cues()
    words = [t.lower for t in between]
    return any(tuple(words[i : i + n]) in cues for n in (1, 2, 3, 4) for i in range(len(words)))


def _bullet(tokens: list[Token], last: int, first: int) -> str | None:
    """Two amounts on consecutive bullet lines of one list."""
    line = first
    while line > last and not tokens[line].line_start:
        line -= 1
    if line <= last or tokens[line].text not in ("-", "*", "•", "▪", "◦", "+"):
        return None
    # the amount before must be on the bullet line just above
    previous_line = last
    while previous_line > 0 and not tokens[previous_line].line_start:
        previous_line -= 1
    if tokens[previous_line].text != tokens[line].text:
        return None
    if any(t.line_start for t in tokens[last + 1 : line]):
        return None
    return "bullet"


def items(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """The items of a list written from token `first` to `last`: bullet lines; else parts
    split at semicolons, or at commas and the last "and"/"or" (an Oxford comma marks the last
    item, so "arts and culture, health and safety, and libraries" keeps its inner "and"s); a
    part that is only an age or a place ("Liu, 52, of Brooklyn") stays with the item before."""
    if last < first:
        return []
    bullets = [
        t.i
        for t in tokens[first : last + 1]
        if t.line_start and t.text in ("-", "*", "•", "▪", "◦", "+")
    ]
    if len(bullets) >= 2 or (bullets and bullets[0] == first):
        return _bullet_items(tokens, bullets, last)
    numbered = [
        t.i
        for t in tokens[first : last + 1]
        if t.text == "("
        and t.i + 2 <= last
        and tokens[t.i + 1].kind == "number"
        and tokens[t.i + 2].text == ")"
    ]
    separator = ";" if any(t.text == ";" for t in tokens[first : last + 1]) else ","
    parts: list[tuple[int, int]] = []
    begin = first
    depth = 0
    for t in tokens[first : last + 1]:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif t.text == separator and depth == 0:
            parts.append((begin, t.i - 1))
            begin = t.i + 1
    parts.append((begin, last))
    parts = [p for p in parts if p[1] >= p[0]]
    parts = _attach_appositions(tokens, parts)
    enders = lexicon.words("list_enders.txt")
    end_at = len(parts)
    if separator == ",":
        end_at = next(
            (n for n, p in enumerate(parts) if n > 0 and tokens[p[0]].lower in enders), end_at
        )
    parts = parts[:end_at]  # "…, with both dry and wet labs": the sentence goes on
    final = next(
        (n for n, p in enumerate(parts) if n > 0 and tokens[p[0]].lower in ("and", "or")), None
    )
    if final is not None:
        parts = parts[: final + 1]  # "A, B, and C, heartwarming …": the serial "and" marks the last
    out: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(parts):
        if tokens[a].lower in ("and", "or") and n > 0:
            a += 1
        if final is None and n == len(parts) - 1:
            split = _last_conjunction(tokens, a, b)
            if split is not None:
                out.append((a, split - 1))
                out.append((split + 1, b))
                continue
        if a <= b:
            out.append((a, b))
    if len(numbered) >= 2:
        return [(i, i + 2) for i in numbered]
    return [p for p in out if p[1] >= p[0]]


def _bullet_items(tokens: list[Token], bullets: list[int], last: int) -> list[tuple[int, int]]:
    out = []
    for n, start in enumerate(bullets):
        end = bullets[n + 1] - 1 if n + 1 < len(bullets) else last
        line_end = start
        while line_end + 1 <= end and not tokens[line_end + 1].line_start:
            line_end += 1
        if start + 1 <= line_end:
            out.append((start + 1, line_end))
    return out


def _attach_appositions(tokens: list[Token], parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`Liu, 52, of Brooklyn`: an age, a place or a relative clause continues the item;
    `Rockville, Maryland and San Diego, California`: a state or country stays with its place."""
    regions = lexicon.words("regions.txt")
    out: list[tuple[int, int]] = []
    for a, b in parts:
        first = tokens[a]
        continues = (
            (b == a and first.kind == "number")
            or first.lower in ("of", "from", "aged", "who", "which", "based", "now")
            or (first.tag == "NUM" and b - a <= 1)
        )
        previous_is_region = (
            bool(out) and _region_at(tokens, out[-1][0], out[-1][1], regions) is not None
        )
        region = _region_at(tokens, a, b, regions) if out and not previous_is_region else None
        if region is not None:
            out[-1] = (out[-1][0], region)
            if region + 2 <= b and tokens[region + 1].lower in ("and", "or"):
                out.append((region + 1, b))  # "Maryland and San Diego": the rest is the next item
            continue
        if out and continues:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _region_at(tokens: list[Token], a: int, b: int, regions: frozenset[str]) -> int | None:
    """The last token of a state or country name opening tokens `a`..`b`, if one does."""
    for size in (2, 1):
        if a + size - 1 <= b and tokens[a].is_cap:
            name = " ".join(t.lower for t in tokens[a : a + size])
            if name in regions and (a + size - 1 == b or tokens[a + size].lower in ("and", "or")):
                return a + size - 1
    return None


def _last_conjunction(tokens: list[Token], a: int, b: int) -> int | None:
    """The last "and"/"or" of a part that is no inner name joiner ("Ossory & Blake" has none)."""
    for j in range(b, a, -1):
        if tokens[j].lower in ("and", "or") and tokens[j].tag == "CCONJ":
            return j
    return None
