"""Words for months, weekdays and numbers, and regex fragments built from them."""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    "january february march april may june july august september october november december".split(),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split()
):
    WEEKDAYS[_name] = _number
    WEEKDAYS[_name[:3]] = _number
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
CARDINALS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
for _i, _ten in enumerate(_TENS):
    CARDINALS[_ten] = 20 + 10 * _i
CARDINALS.update({"a hundred": 100, "one hundred": 100, "hundred": 100})

_ORD_UNITS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh \
twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
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


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest words first so that the longest one wins."""
    return "|".join(sorted({w.replace(" ", r"\s+") for w in words}, key=len, reverse=True))


MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.(?!\w))?"
)
WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(?:\.(?!\w))?"
)
ORDINAL_WORD_RE = _alternation(list(ORDINALS))
CARDINAL_WORD_RE = _alternation([w for w in CARDINALS if w != "zero"])
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
    if text[:-2].isdigit() and text[-2:] in ("st", "nd", "rd", "th"):
        return int(text[:-2])
    return ORDINALS.get(text.replace(" ", "-")) or ORDINALS.get(text)


def cardinal_value(word: str) -> int | None:
    """The value of "52", "twenty-five", "a" or "a couple of"."""
    text = " ".join(word.lower().split())
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    if text in COUNT_WORDS:
        return COUNT_WORDS[text]
    return CARDINALS.get(text.replace(" ", "-")) or CARDINALS.get(text)


def ordinal_word(number: int) -> str:
    """The word for an ordinal up to the hundredth, else digits with a suffix ("eleventh")."""
    for word, value in ORDINALS.items():
        if value == number and " " not in word and word != "one-hundredth":
            return word
    return ordinal_suffix(number)


def ordinal_suffix(number: int) -> str:
    """Digits with their suffix: 1st, 2nd, 11th, 23rd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"
