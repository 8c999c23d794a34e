"""Numbers as written: digits with separators and scale words, number words, fractions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.lexicon import CARDINAL_WORD_RE, cardinal_value

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
             "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2}  # fmt: skip
_SCALE_RE = r"(?:\s*(?P<scale>thousand|millions?|billions?|trillion|mln|bn|mn|tn)\b|(?P<short>[kmbKMB]|bn|mn|tn)\b)"
_DIGITS = r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDS = rf"(?P<words>(?i:{CARDINAL_WORD_RE})(?:(?i:\s+(?:hundred|thousand))(?:\s+and\s+(?i:{CARDINAL_WORD_RE}))?)?)"
NUMBER = re.compile(
    rf"(?<![\w.,/-]){_DIGITS}(?P<plus>\+)?(?:{_SCALE_RE})?(?![\w/]|[.,]\d)|\b{_WORDS}(?:\s+(?P<wscale>thousand|million|billion))?\b"
)


@dataclass(frozen=True)
class Number:
    """A number in the text: its value, span, and the step its written precision implies."""

    value: float
    start: int
    end: int
    decimals: int
    scale: float
    words: bool
    plus: bool = False  # "3+ billion": at least

    @property
    def step(self) -> float:
        """Half the last written digit: "2.9 billion" is 2.9 ± 0.05 billion."""
        return 0.5 * self.scale * 10.0**-self.decimals if self.decimals else 0.0


def parse(match: re.Match[str]) -> Number | None:
    """The value of a NUMBER match."""
    if match["digits"]:
        digits = match["digits"].replace(",", "")
        scale_word = (match["scale"] or match["short"] or "").lower()
        scale = SCALES.get(scale_word, 1.0)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = float(digits) * scale
        return Number(
            value, match.start(), match.end(), decimals, scale, False, bool(match["plus"])
        )
    words = " ".join(match["words"].lower().split())
    total = _word_value(words)
    if total is None:
        return None
    scale = SCALES.get((match["wscale"] or "").lower(), 1.0)
    return Number(total * scale, match.start(), match.end(), 0, scale, True)


def _word_value(words: str) -> float | None:
    if " hundred" in words or " thousand" in words:
        head, _, rest = words.partition(" hundred" if " hundred" in words else " thousand")
        unit = 100 if " hundred" in words else 1000
        first = cardinal_value(head)
        tail = cardinal_value(rest.replace("and", "").strip()) if rest.strip() else 0
        if first is None or tail is None:
            return None
        return float(first * unit + tail)
    value = cardinal_value(words)
    return float(value) if value is not None else None


def find(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in a stretch of text."""
    found = []
    for match in NUMBER.finditer(text, start, len(text) if end is None else end):
        number = parse(match)
        if number is not None:
            found.append(number)
    return found
