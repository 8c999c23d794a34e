"""Words for months, weekdays and numbers, and regex fragments built from them."""

from __future__ import annotations

import re
from typing import Any


def words(text: str) -> list[str]:
    """The words of a space-separated list (easier to read than a list of quoted words)."""
    return text.split()


WEEKDAY_NAMES = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTH_NAMES = words(
    "January February March April May June July August September October November December"
)
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(WEEKDAY_NAMES):
    WEEKDAYS[_name.lower()] = _number
    WEEKDAYS[_name[:3].lower()] = _number
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_UNITS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
CARDINALS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
for _i, _ten in enumerate(_TENS):
    CARDINALS[_ten] = 20 + 10 * _i
CARDINALS.update({"a hundred": 100, "one hundred": 100, "hundred": 100})

_ORD_UNITS = words(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORD_TENS = words("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
ORDINALS: dict[str, int] = {word: n for n, word in enumerate(_ORD_UNITS) if n}
for _i, _word in enumerate(_ORD_TENS):
    ORDINALS[_word] = 20 + 10 * _i
    for _unit in range(1, 10):
        ORDINALS[f"{_TENS[_i]}-{_ORD_UNITS[_unit]}"] = 20 + 10 * _i + _unit
ORDINALS.update({"hundredth": 100, "one hundredth": 100, "one-hundredth": 100})
for _unit in range(1, 10):
    CARDINALS.update({f"{_TENS[_i]}-{_UNITS[_unit]}": 20 + 10 * _i + _unit for _i in range(8)})

# Amounts said in words where a number could stand ("a decade", "a dozen years").
COUNT_WORDS: dict[str, int] = {"a": 1, "an": 1, "a couple of": 2, "a few": 3, "several": 3}


def _tokens(word: str) -> list[str]:
    """A word as regex tokens: escaped characters, a run of spaces as `\\s+`."""
    tokens: list[str] = []
    for char in word:
        if char == " ":
            if tokens[-1:] != [r"\s+"]:
                tokens.append(r"\s+")
        else:
            tokens.append(re.escape(char))
    return tokens


def _branches(node: dict[str, Any]) -> str:
    ends = "" in node
    alts = [token + _branches(child) for token, child in sorted(node.items()) if token]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if not ends:
        return body
    return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else body + "?"


def alternation(words: list[str]) -> str:
    """A regex matching any of the words, as a trie: a greedy optional tail makes the longest
    word win, and one shared prefix is tried once instead of once per word (several times
    faster than a flat alternation when scanning every position of a document)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for token in _tokens(word):
            node = node.setdefault(token, {})
        node[""] = {}
    return _branches(root)


# Full names never take a full stop (the stop after "July." ends the sentence); abbreviations may.
MONTH_RE = (
    "(?:"
    + alternation(MONTH_NAMES)
    + "|(?:"
    + alternation([*(n[:3] for n in MONTH_NAMES), "Sept"])
    + r")(?:\.(?!\w))?)"
)
WEEKDAY_RE = (
    "(?:"
    + alternation(WEEKDAY_NAMES)
    + "|(?:"
    + alternation([*(n[:3] for n in WEEKDAY_NAMES), "Tues", "Thur", "Thurs"])
    + r")(?:\.(?!\w))?)"
)
ORDINAL_WORD_RE = alternation(list(ORDINALS))
CARDINAL_WORD_RE = alternation([w for w in CARDINALS if w != "zero"])
ORDINAL_DIGITS_RE = r"\d{1,3}(?:st|nd|rd|th)"
NUMBER_RE = rf"(?:\d{{1,3}}|{CARDINAL_WORD_RE})"


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for ("Sept." -> 9)."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """The weekday a name or abbreviation stands for, Monday = 0."""
    return WEEKDAYS.get(word.lower().rstrip("."))


def ordinal_value(word: str) -> int | None:
    """The value of "ninth", "21st", "twenty-first" or "one hundredth"."""
    text = " ".join(word.lower().split())
    if text[:-2].isdecimal() and text[-2:] in ("st", "nd", "rd", "th"):
        return int(text[:-2])
    return ORDINALS.get(text.replace(" ", "-")) or ORDINALS.get(text)


def cardinal_value(word: str) -> int | None:
    """The value of "52", "twenty-five", "a" or "a couple of"."""
    text = " ".join(word.lower().split())
    if text.replace(",", "").isdecimal():
        return int(text.replace(",", ""))
    if text in COUNT_WORDS:
        return COUNT_WORDS[text]
    return CARDINALS.get(text.replace(" ", "-")) or CARDINALS.get(text)
