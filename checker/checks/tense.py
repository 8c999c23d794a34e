"""Check type `tense`: "was held on" a date after the release, "will open on" a date before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import field_validator

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim, Related

_YEAR = re.compile(r"\d{4}")
# Between the verb and the date: a place ("in Linz"), an adverb, then "on", "in" or "at".
_GAP = (
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}"
    r"|\s+(?:officially|formally|successfully|again|already|also|jointly|first|once))*"
)
_BEFORE_DATE = (
    r"\s+(?:on|in|at|during)\s+(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?$"
)


class TenseParams(Params):
    """Regex fragments of the past-tense and future cues that may come just before a date."""

    past: tuple[str, ...]
    future: tuple[str, ...]
    window: int = 120  # characters before the date to look at, within its sentence

    @field_validator("past", "future")
    @classmethod
    def _compiles(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"cue {cue!r} is not a valid regular expression: {exc}") from None
        return cues


FIELDS = {"cue", "tense", "date", "relation", "release", "working"}


@lru_cache(maxsize=64)
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<cue>{'|'.join(cues)}){_GAP}{_BEFORE_DATE}", re.IGNORECASE)


@register("tense", TenseParams, FIELDS)
def run(document: Document, claims: list[Claim], params: TenseParams) -> Iterator[Hit]:
    """Flag a dated event told in the past but after the release, or in the future but before it."""
    release = document.release_date
    if release is None:
        return
    in_ranges = {p for c in claims if c.kind == "range" for p in c.parts}
    for claim in claims:
        if claim.kind != "date" or claim.date is None or not claim.date.is_valid:
            continue
        if claim.id in in_ranges or not _YEAR.search(claim.text) or claim.readings:
            continue
        sentence_start, _ = common.sentence_of(document, claim.start)
        before = document.text[max(sentence_start, claim.start - params.window) : claim.start]
        for tense, cues in (("past", params.past), ("future", params.future)):
            match = _pattern(cues).search(before)
            if match is None:
                continue
            first, last = claim.date.first_day(), claim.date.last_day()
            if tense == "past" and first > release:
                relation = "after"
            elif tense == "future" and last < release:
                relation = "before"
            else:
                continue
            cue = " ".join(match["cue"].split())
            working = (
                f"'{cue}' tells of the {tense}; {claim.text} is {relation} {release.isoformat()}"
            )
            cue_start = claim.start - len(before) + match.start("cue")
            yield Hit(
                start=claim.start,
                end=claim.end,
                values={
                    "cue": cue,
                    "tense": tense,
                    "date": claim.text,
                    "relation": relation,
                    "release": release.isoformat(),
                    "working": working,
                },
                related=(
                    Related(
                        start=cue_start,
                        end=cue_start + len(match["cue"]),
                        text=match["cue"],
                        label=f"{tense} tense",
                    ),
                ),
                working=working,
                claims=(claim.id,),
            )
