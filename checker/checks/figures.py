"""Check type `figure`: one amount of one thing stated twice with values that cannot meet."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from checker.checks import amounts, common
from checker.checks.base import Facts, Hit, Params, register
from checker.hedges import meets
from checker.language import lexicon
from checker.models import Claim


class FigureParams(Params):
    """Which kinds of amount are compared, and the words that make a count another one."""

    kinds: tuple[str, ...] = ("quantity", "money", "percent")
    other: tuple[str, ...] = ("another", "additional", "extra", "more", "new", "further", "other",
                              "first", "last", "remaining", "each", "every", "per", "fewer")  # fmt: skip
    narrowing: tuple[str, ...] = ("in", "at", "from", "outside", "inside", "within", "among",
                                  "for", "on", "across")  # fmt: skip


FIELDS = {"first", "second", "working"}


@cache
def _synonyms() -> dict[str, str]:
    """Each noun's group, named by its first member."""
    out: dict[str, str] = {}
    for row in lexicon.rows("synonyms.txt"):
        words = row[0].split()
        for word in words:
            out[word] = words[0]
    return out


def _counted(claim: Claim) -> str | None:
    """What a figure counts, one name per thing: "crew members" → crew, "staff" → person."""
    count = claim.evidence.count if claim.evidence else None
    if count is None or count.counted is None:
        return None
    counted = count.counted
    if counted in lexicon.words("generic_heads.txt") and count.modifiers:
        counted = lexicon.singular(count.modifiers[-1])
    return _synonyms().get(counted, counted)


def _rounded(claim: Claim) -> tuple[float | None, float | None, str]:
    """A round figure stands for its neighbourhood: 1,200 is 1,150 to 1,250 (at most ±5 %); a
    number with one zero ("30", "50 acres") is as exact as any other."""
    low, high, bounds = amounts.interval(claim)
    value = claim.amount
    if claim.hedge or value is None or value != int(value) or value == 0:
        return low, high, bounds
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros < 2:
        return low, high, bounds  # "30 school gardens" counts them; "1,200" may round
    step = min(10**zeros / 2, 0.05 * value)
    return value - step, value + step, "[)"


def _scope(claim: Claim, key: tuple[object, ...], params: FigureParams) -> tuple[object, ...]:
    """What a figure counts, as narrowly as written: "20 VIP guests" are no value of "1.9 million
    visitors" when three values of one thing make a breakdown."""
    return (*key, _narrowing(claim, params.narrowing), _modifiers(claim))


def _same_value(first: Claim, second: Claim) -> bool:
    """Whether two figures can be one value. Each round figure stands for its neighbourhood,
    but not beside a figure written to a decimal of its scale: "3.9 million" said again in full
    is "3,900,000", and "4,000,000" is another figure."""
    if _to_a_decimal(first) or _to_a_decimal(second):
        return meets(amounts.interval(first), amounts.interval(second))
    return meets(_rounded(first), _rounded(second))


def _to_a_decimal(claim: Claim) -> bool:
    """A figure with no hedge whose precision is an interval ("3.9 million": 3.85 to 3.95)."""
    return (
        claim.hedge is None
        and claim.low is not None
        and claim.high is not None
        and claim.low < claim.high
    )


def _comparable(claim: Claim, params: FigureParams, joined: set[str]) -> bool:
    count = claim.evidence.count if claim.evidence else None
    if claim.kind not in params.kinds or claim.id in joined or count is None:
        return False
    if count.role not in (None, "total") or _counted(claim) is None:
        return False
    if claim.kind == "percent" and (
        count.head is None or count.counted in lexicon.words("time_nouns.txt")
    ):
        return False  # a bare share of something unnamed, or a rate per year
    if count.head is not None and count.head[:1].isupper():
        return False  # "The Four Seasons", "2024 Sole Schools": a name or a heading
    if claim.amount == 1 and claim.text.lower() in ("one", "a", "an"):
        return False  # "one story, one state": a figure of speech, not a count
    if count.determiner is not None and count.determiner.lower() in params.other:
        return False  # "9 out of every 10 people": a rate's base, not a count of anyone
    return not any(m in params.other for m in count.modifiers)


def _anaphoric(claim: Claim) -> bool:
    """Whether a figure points back at one already given: "the", "those", "all", "each of
    the", "the theatre's", or a total said again ("In all, more than 700 projects")."""
    count = claim.evidence.count if claim.evidence else None
    return count is not None and (count.determiner is not None or count.role == "total")


def _narrowing(claim: Claim, words: tuple[str, ...]) -> frozenset[str]:
    """The qualifiers that narrow what a figure counts ("in Oakhollow", "for social rent");
    "of the course" names the thing measured and narrows nothing."""
    count = claim.evidence.count if claim.evidence else None
    if count is None:
        return frozenset()
    return frozenset(q for q in count.qualifiers if q.split(" ", 1)[0] in words)


def _modifiers(claim: Claim) -> frozenset[str]:
    """The words between a figure and its noun that narrow what it counts; not the word it
    counts ("54 crew members" count the crew)."""
    count = claim.evidence.count if claim.evidence else None
    if count is None:
        return frozenset()
    counted = _counted(claim)
    return frozenset(m.lower() for m in count.modifiers if lexicon.singular(m.lower()) != counted)


def _attribute(claim: Claim) -> bool:
    """A number joined to its noun by a hyphen ("a 105-seat auditorium") describes a thing."""
    return "-" in claim.text and claim.kind == "quantity"


def _restates(earlier: Claim, later: Claim, words: tuple[str, ...]) -> bool:
    """Whether a later figure is said of the same thing: not of another subject, narrowed by
    nothing the earlier one is not, and either definite ("the", "those", "all", "the
    theatre's") or, like the earlier one, narrowed by nothing at all."""
    b = later.evidence.count if later.evidence else None
    if b is None:
        return False
    if earlier.subject_id and later.subject_id and earlier.subject_id != later.subject_id:
        return False
    first, second = _narrowing(earlier, words), _narrowing(later, words)
    if not second <= first:
        return False  # "14 towns" and "3 towns in Portugal": a part, not the same count
    if not _modifiers(later) <= _modifiers(earlier):
        return False  # "150 telesurgeries" and "18 inter-hospital telesurgeries": a part
    return _anaphoric(later)


@register("figure", FigureParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: FigureParams) -> Iterator[Hit]:
    """Flag a later figure of the same thing whose value cannot meet the earlier one's."""
    joined = {p for c in claims if c.kind in ("change", "list", "shares") for p in c.parts}
    joined |= {p for c in claims if c.kind == "breakdown" for p in c.parts[1:]}
    candidates = [c for c in claims if _comparable(c, params, joined)]
    keys = {c.id: (c.kind, c.currency, _counted(c)) for c in candidates}
    # Three or more values of one thing in one scope are a breakdown (regions, years, a table).
    values: dict[tuple[object, ...], set[float | None]] = {}
    for claim in candidates:
        values.setdefault(_scope(claim, keys[claim.id], params), set()).add(claim.amount)
    seen: dict[tuple[str, str | None, str | None], list[Claim]] = {}
    for claim in candidates:
        key = keys[claim.id]
        if len(values[_scope(claim, key, params)]) >= 3:
            continue
        earlier = seen.setdefault(key, [])
        # "Those 1,900,000 visitors" restates a figure given before: wrong only when no figure
        # it can restate has its value, and then shown beside the one just given.
        restated = [
            before
            for before in reversed(earlier)
            if before.sentence != claim.sentence
            and _restates(before, claim, params.narrowing)
            and not (_attribute(before) and _attribute(claim))  # "five-star", "six-star"
        ]
        if restated and not any(_same_value(before, claim) for before in restated):
            before = restated[0]
            first, second = amounts.written(before), amounts.written(claim)
            working = f"{first} and {second} cannot both be true"
            yield Hit(
                start=claim.start,
                end=claim.end,
                values={"first": first, "second": second, "working": working},
                related=(common.related(before, "stated before"),),
                working=working,
                claims=(claim.id, before.id),
            )
        earlier.append(claim)
