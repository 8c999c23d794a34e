"""Which way an unanchored reference ("Friday", "in March") points, read from the nearest verb."""

from __future__ import annotations

import re
from functools import cache

from checker.extract import patterns
from checker.extract.lexicon import words
from checker.language import lexicon

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE = frozenset(
    words(
        "will 'll ’ll shall would won't won’t going scheduled schedule plans plan planned planning "
        "expected expects expect intends intend due upcoming next tomorrow coming begins starts "
        "opens runs takes until supposed set slated poised aims hopes seeks"
    )
)
_PAST = frozenset(
    words(
        "said was were had did ago last earlier yesterday previously recently since told "
        "bought sold took gave made came went got held met paid won lost left fell rose began "
        "became brought built caught chose drew drove fought found flew forgot grew heard hit "
        "kept knew led lent meant ran rode rang saw sent shot showed "
        "sang sat slept spoke spent stood stole struck swore swept taught thought threw understood "
        "woke wore wrote overtook undertook withdrew"
    )
)
_WORD = patterns.compile(r"[A-Za-z’']+")
# A sentence boundary: the reference and its verb are read inside one clause-ish window. A full
# stop counts only before a space, and not after an abbreviation ("Sept. 14", "Mr. Lee", "U.S.").
_STOP = patterns.compile(
    r"[!?;\n]|(?<!\b[A-Za-z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\bSept)\.(?=[\s\"'”’)]|$)"
)
_WINDOW = 60


_NEXT_TO = patterns.compile(r"\s+to\b")
_SET_FOR = patterns.compile(r"\s+(?:to|for)\b")
# A participle after "be" is a passive, not a past: "will be named", "to be held".
_BE = patterns.compile(r"\b(?:be|being)\s+$", re.IGNORECASE)
# "as soon as Tuesday", "as early as March": a time still to come.
_AS_SOON_AS = patterns.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


def _cue(m: re.Match[str]) -> int:
    word = m.group(0)
    if word[0].isupper() and word.endswith("ed"):
        return UNKNOWN  # "United", "Limited": a name, not a verb
    word = word.lower()
    if word == "next" and _NEXT_TO.match(m.string, m.end()):
        return UNKNOWN  # "next to the embassy": a place
    if word == "set" and not _SET_FOR.match(m.string, m.end()):
        return UNKNOWN  # "set to open", "set for May" look ahead; "the record set in May" not
    if word in _FUTURE:
        return FUTURE
    if word in _PAST or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed")):
        return UNKNOWN if _BE.search(m.string, max(0, m.start() - 8), m.start()) else PAST
    return UNKNOWN


def direction(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN: the tense cue nearest to the span within its sentence; of two
    at the same distance, the past (news and releases mostly report what happened)."""
    if _AS_SOON_AS.search(text, max(0, start - 20), start):
        return FUTURE
    left = max(0, start - _WINDOW)
    stops = list(_STOP.finditer(text, left, start))
    if stops:
        left = stops[-1].end()
    if _bounded(text, left, start):
        return UNKNOWN
    right_stop = _STOP.search(text, end, end + _WINDOW)
    right = right_stop.start() if right_stop else min(len(text), end + _WINDOW)
    best: tuple[int, int] | None = None
    for m in _WORD.finditer(text, left, start):
        cue = _cue(m)
        if cue:
            best = (start - m.end(), cue) if best is None or start - m.end() <= best[0] else best
    for m in _WORD.finditer(text, end, right):
        cue = _cue(m)
        if cue:
            distance = m.start() - end
            if best is None or distance < best[0] or (distance == best[0] and cue == PAST):
                best = (distance, cue)
            break
    return best[1] if best else UNKNOWN


def _bounded(text: str, left: int, start: int) -> bool:
    """Whether an anterior cue opens the phrase the span ends ("met before June 30", "Ahead
    of its anniversary on June 23, … has published"): the date bounds the verb's time, and
    the verb's tense does not say which way it lies. A tense cue after the anterior one is
    the span's own verb ("Before joining, she was appointed on 3 March")."""
    bounds = list(_anterior().finditer(text, left, start))
    if not bounds:
        return False
    return not any(_cue(m) for m in _WORD.finditer(text, bounds[-1].end(), start))


@cache
def _anterior() -> re.Pattern[str]:
    cues = sorted(lexicon.words("anterior_cues.txt"), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in cues)
    return patterns.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
