"""Whether a calendar word belongs to a name: Growth Friday, USA Today, Publishers Weekly."""

from __future__ import annotations

from checker.extract import patterns
from checker.extract.lexicon import words

# Capitalised words that introduce a time rather than name a thing ("Last Friday", "On Monday").
_TIME_WORDS = frozenset(
    words(
        "on by last next this until since before after from through every each early late "
        "mid of in at and or to for as during starting beginning effective from thru "
        "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday "
        "january february march april may june july august september october november december "
        "said says announced date dated updated posted published released "
        "am pm a.m p.m et est edt pt pst pdt ct cst cdt mt mst mdt gmt utc bst cet "
        "jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night noon "
        "midnight eastern pacific central mountain"
    )
)
_WORD_BEFORE = patterns.compile(r"([A-Za-z][\w’'&.-]*)[ \t]+$")


def in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised span continues a capitalised word before it that is no time word
    ("Growth Friday", "Accounting Today"): then it is part of a name, not a date."""
    if not text[start:end][:1].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    return word[0].isupper() and word.lower().rstrip(".") not in _TIME_WORDS


_NAME_AFTER = patterns.compile(r"(?:['’]s)?[ \t]+([A-Z][a-z]+)\b")


def name_after(text: str, end: int) -> bool:
    """Whether a capitalised word that is no time word follows ("Sunday Times", "Friday
    Harbor"): news writes "Iraq Friday rejected", so only what follows can tell a name."""
    after = _NAME_AFTER.match(text, end)
    return after is not None and after.group(1).lower().rstrip(".") not in _TIME_WORDS
