"""Check type `tense`: "was held on" a date after the release, "will open on" a date before it."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim, Related


class TenseParams(Params):
    """Which orientations of the governing verb are checked, and what is left alone."""

    orientations: tuple[str, ...] = ("past", "future", "perfect")
    skip_reported: bool = True  # "said in 2022 that it will reopen on 15 January 2024"
    skip_quoted: bool = False


FIELDS = {"cue", "tense", "date", "relation", "release", "working"}
_TENSE_WORDS = {"past": "past", "future": "future", "perfect": "past"}


@register("tense", TenseParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: TenseParams) -> Iterator[Hit]:
    """Flag a dated event told in the past but after the release, or in the future but before it."""
    release = facts.release_date
    if release is None:
        return
    in_ranges = {p for c in claims if c.kind == "range" for p in c.parts}
    for claim in claims:
        verb = claim.evidence.verb if claim.evidence else None
        if claim.kind != "date" or claim.date is None or not claim.date.is_valid or verb is None:
            continue
        if claim.id in in_ranges or not common.has_year(claim.text) or claim.readings:
            continue
        if verb.orientation not in params.orientations:
            continue
        if (params.skip_reported and verb.reported) or (params.skip_quoted and verb.quoted):
            continue
        first, last = claim.date.first_day(), claim.date.last_day()
        if verb.orientation in ("past", "perfect") and first > release:
            relation = "after"
        elif verb.orientation == "future" and last < release:
            relation = "before"
        else:
            continue
        tense = _TENSE_WORDS[verb.orientation]
        cue = verb.text
        working = f"'{cue}' tells of the {tense}; {claim.text} is {relation} {release.isoformat()}"
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
                Related(start=verb.start, end=verb.end, text=verb.text, label=f"{tense} tense"),
            ),
            working=working,
            claims=(claim.id,),
        )
