"""Check type `duration`: "for more than two decades since its creation in 2010" vs the release."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker import hedges
from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim
from checker.timeline import completed_years, months_between

_UNITS = {
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
    "month": ("month", 1),
}
_BETWEEN = re.compile(r"[\s,]*")


class DurationParams(Params):
    """Which durations to compare (by the word that leads them; None: all but adjectives)."""

    skip_cues: tuple[str, ...] = (
        "adjective",
        "since",
        "first",
        "next",
        "the next",
        "the coming",
        "the following",
        "another",
    )


FIELDS = {"duration", "since", "origin", "release", "elapsed", "working"}


def elapsed(first: date, last: date, release: date, measure: str) -> tuple[int, int]:
    """The fewest whole units from the origin's last day and the most, counting a started one."""
    count = completed_years if measure == "year" else months_between
    return count(min(last, release), release), count(first, release) + 1


# "… has performed for more than two decades": a present perfect runs up to the release.
_PERFECT_FOR = re.compile(r"\b(?:has|have)\s+(?:[a-z]+\s+){0,3}?for\s+$")
_NOT_ITS_AGE = re.compile(r"\s+of\s+(?:experience|expertise|combined|history|service)\b")


def _origin_of_perfect(document: Document, claim: Claim, origins: list[Claim]) -> Claim | None:
    """The origin a present-perfect duration counts from: "Founded in 2010, the orchestra has
    performed for more than two decades" (one origin in the sentence, nothing else)."""
    text = document.text
    sentence = document.sentence_at(claim.start)
    perfect = _PERFECT_FOR.search(text, sentence[0], claim.start)
    if perfect is None or _NOT_ITS_AGE.match(text, claim.end):
        return None  # "have over 30 years of experience" is the age of someone's skill
    inside = [o for o in origins if sentence[0] <= o.start < sentence[1]]
    if len(inside) != 1 or (span := inside[0].subject_span) is None:
        return None
    origin = inside[0]
    # The verb's subject must be the origin's: "Founded in 2010, the orchestra has …" or "The
    # orchestra, founded in 2010, has …", never "the firm's partners have …".
    subject_end = span[1]
    if not span[0] < perfect.start() or subject_end > perfect.start():
        return None
    between = text[subject_end : perfect.start()]
    if origin.start >= subject_end and origin.end <= perfect.start():
        between = between.replace(origin.text, "")
    return origin if not between.strip(" ,") else None


@register("duration", DurationParams, FIELDS)
def run(document: Document, claims: list[Claim], params: DurationParams) -> Iterator[Hit]:
    """Flag a length of time that the date after "since" cannot give at the release date."""
    release = document.release_date
    if release is None:
        return
    index = common.by_id(claims)
    durations = [c for c in claims if c.kind == "duration" and c.cue not in params.skip_cues]
    sinces = {c.start: c for c in claims if c.kind == "duration" and c.cue == "since"}
    origins = [c for c in claims if c.kind == "origin"]
    for claim in durations:
        if claim.unit not in _UNITS or (claim.low is None and claim.high is None):
            continue
        gap = _BETWEEN.match(document.text, claim.end)
        since = sinces.get(gap.end() if gap else claim.end) or _origin_of_perfect(
            document, claim, origins
        )
        if since is None:
            continue
        origin = common.date_part(since, index)
        if origin.date is None or not origin.date.is_valid or origin.date.first_day() > release:
            continue
        measure, factor = _UNITS[claim.unit or ""]
        fewest, most = elapsed(origin.date.first_day(), origin.date.last_day(), release, measure)
        low = None if claim.low is None else claim.low * factor
        high = None if claim.high is None else claim.high * factor
        if hedges.meets((fewest, most, "[]"), (low, high, claim.bounds or "[]")):
            continue
        completed = common.numbers_words(list(range(fewest, most)))
        span = common.elapsed_words(origin.date.first_day(), origin.date.last_day(), release)
        working = f"{origin.text} → {release.isoformat()} is {span}, not {claim.text}"
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={
                "duration": claim.text,
                "since": since.text,
                "origin": origin.text,
                "release": release.isoformat(),
                "elapsed": span,
                "working": working,
            },
            related=(common.related(origin, "since"),),
            working=working,
            # One wording or none: "57 or 58 years" is no text a tool can apply (the working
            # keeps the alternatives).
            suggestion=(
                f"{completed} {measure}s" + (f" {since.text}" if since.kind == "duration" else "")
            )
            if most - fewest == 1
            else None,
            claims=(claim.id, since.id),
        )
