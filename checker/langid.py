"""Which language a release is written in, roughly: enough to say that factcheck cannot read it."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

SAMPLE = 20_000  # characters read: a release shows its language in its first lines
MIN_WORDS = 30  # fewer words say too little
MIN_LETTERS = 100  # for the alphabet: Chinese or Japanese text has few "words" between spaces
_WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Each language's commonest function words, from `data/function_words.tsv`."""
    text = files("checker").joinpath("data/function_words.tsv").read_text(encoding="utf-8")
    table: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            language, words = line.split("\t", 1)
            table[language] = frozenset(words.split())
    return table


def unsupported(text: str) -> str | None:
    """A note when the text is not English (the language it reads as, when known); None when it
    is English or too short to tell."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE])]
    letters = [c for w in words for c in w]
    if len(letters) >= MIN_LETTERS:
        latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
        if latin * 2 < len(letters):
            return (
                "does not read as English (most of its letters are not Latin), and factcheck "
                "reads English releases only"
            )
    if len(words) < MIN_WORDS:
        return None
    shares = {
        language: sum(1 for w in words if w in vocabulary) / len(words)
        for language, vocabulary in function_words().items()
    }
    english = shares.pop("English")
    language, share = max(shares.items(), key=lambda item: item[1])
    if english >= 0.08 or share < 2 * english:
        return None
    return f"reads as {language}, not English, and factcheck reads English releases only"
