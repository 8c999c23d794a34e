"""Change statements: rose from 40 to 50, an increase of 20 percent, fell by 12%, doubled."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract import numbers
from checker.extract.base import Context, Draft

_UP = (r"rose|risen|rising|rises|increased|increases|increasing|grew|grown|growing|grows|climbed|"
       r"jumped|soared|went\s+up|gone\s+up|expanded|raised|boosted|up")  # fmt: skip
_DOWN = (r"fell|fallen|falling|falls|dropped|declined|decreased|decreases|shrank|shrunk|"
         r"went\s+down|gone\s+down|reduced|cut|lowered|down")  # fmt: skip
CHANGE_VERB = re.compile(rf"\b(?P<up>{_UP})\b|\b(?P<down>{_DOWN})\b", re.IGNORECASE)
FROM_TO = re.compile(
    r"\bfrom\s+(?P<a>[^\s,;]{1,24}(?:\s+(?:million|billion|thousand|percent|per\s+cent|%))?)"
    r"(?:\s+[a-z-]+){0,2}?\s+to\s+(?P<b>[^\s,;]{1,24}(?:\s+(?:million|billion|thousand))?)",
    re.IGNORECASE,
)
PERCENT_CUE = re.compile(
    rf"(?:\b(?P<noun>increase|rise|growth|jump|gain|decrease|decline|drop|fall|reduction|cut|"
    rf"loss)\s+of\s+|\b(?:(?P<verb>{_UP}|{_DOWN})\s+(?:by\s+)?(?:some\s+|about\s+|nearly\s+|almost\s+|"
    rf"more\s+than\s+|over\s+|around\s+)?))$",
    re.IGNORECASE,
)
MULTIPLIER = re.compile(
    r"\b(?P<word>doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving|"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})fold\s+(?P<dir>increase|rise|"
    r"growth|decrease|decline|drop|reduction))\b",
    re.IGNORECASE,
)
_FACTORS = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
            "quadrupled": 4.0, "halved": 0.5, "halving": 0.5}  # fmt: skip
_MULTIPLIER_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold")
_DOWN_NOUNS = ("decrease", "decline", "drop", "fall", "reduction", "cut", "loss")


def _direction(verb: str) -> str:
    return "down" if re.fullmatch(_DOWN, verb.lower()) else "up"


def mark_percent_changes(text: str, quantities: list[Draft]) -> None:
    """`an increase of 20 percent`, `fell by 12%`, `up 15%`: the percentage is a change."""
    for draft in quantities:
        if draft.kind != "percent":
            continue
        start = draft.extra.get("hedge_start", draft.start)
        cue = PERCENT_CUE.search(text, max(0, start - 40), start)
        if cue is None:
            continue
        word = (cue["noun"] or cue["verb"]).lower()
        down = word in _DOWN_NOUNS or (cue["verb"] is not None and _direction(word) == "down")
        draft.cue = "decrease" if down else "increase"
        draft.extra["cue_start"] = cue.start()


def from_to(text: str, ctx: Context, quantities: list[Draft]) -> Iterator[Draft]:
    """`rose from 40 to 50`: a change claim joining two values, creating bare ones as needed."""
    for m in FROM_TO.finditer(text):
        # The verb comes just before "from" ("rose from", "rose by 25% from"): find it there.
        verb = next((v for v in CHANGE_VERB.finditer(text, max(0, m.start() - 30), m.start())
                     if _skip_by(text, v.end()) == m.start()), None)  # fmt: skip
        if verb is None:
            continue
        a = _value_at(text, m.start("a"), m.end("a"), quantities)
        b = _value_at(text, m.start("b"), m.end("b"), quantities)
        if a is None or b is None or a.amount is None or b.amount is None:
            continue
        direction = "down" if verb["down"] else "up"
        change = Draft(kind="change", start=verb.start(), end=b.end,
                       value=f"{a.value} → {b.value}", cue=direction, links=[a, b])  # fmt: skip
        yield change
        for value in (a, b):
            if value not in quantities:
                yield value


def _skip_by(text: str, end: int) -> int:
    """After the verb: `rose 25% from 40 to 50` and `rose by 25% from …` also lead to `from`."""
    m = re.match(r"\s+(?:by\s+)?[\d.,]+\s?(?:%|percent|per\s+cent)", text[end : end + 30])
    return (
        end
        + (m.end() if m else 0)
        + len(text[end + (m.end() if m else 0) :])
        - len(text[end + (m.end() if m else 0) :].lstrip())
    )


def _value_at(text: str, start: int, end: int, quantities: list[Draft]) -> Draft | None:
    for draft in quantities:
        if draft.start <= start < draft.end or start <= draft.start < end:
            return draft
    found = numbers.find(text, start, end)
    if not found:
        return None
    number = found[0]
    return Draft(kind="quantity", start=number.start, end=number.end,
                 value=f"{number.value:g}", amount=number.value, low=number.value,
                 high=number.value, bounds="[]")  # fmt: skip


def multipliers(text: str) -> Iterator[Draft]:
    """`doubled`, `a fourfold increase`: a change by a factor."""
    lower = text.lower()
    if not any(stem in lower for stem in _MULTIPLIER_STEMS):
        return  # the common case: a cheap test instead of a regex scan
    for m in MULTIPLIER.finditer(text):
        word = m["word"].lower()
        if m["n"]:
            factor = (
                float(numbers._word_value(m["n"].lower()) or 0)
                if not m["n"].isdigit()
                else float(m["n"])
            )
            if m["dir"].lower() in _DOWN_NOUNS:
                factor = 1 / factor if factor else 0
        else:
            factor = _FACTORS[word]
        yield Draft(kind="change", start=m.start(), end=m.end(), value=f"× {factor:g}",
                    amount=factor, cue="factor")  # fmt: skip
