"""Check type `duration`: "for more than two decades" against the beginning it runs from."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker import hedges
from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim
from checker.timeline import add_months, completed_years, months_between

_UNITS = {
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
    "month": ("month", 1),
}


class DurationParams(Params):
    """Which lengths of time to compare (by the word that leads them), and which beginnings
    a subject's time runs from."""

    skip_cues: tuple[str, ...] = (
        "since",
        "first",
        "next",
        "the next",
        "the coming",
        "the following",
        "another",
    )
    origin_units: tuple[str, ...] = ("founding", "first", "start")


FIELDS = {"duration", "since", "origin", "release", "elapsed", "working"}


def elapsed(first: date, last: date, release: date, measure: str) -> tuple[int, int]:
    """The fewest whole units from the origin's last day, and the most from its first day,
    rounded when the origin is known to better than half a unit: "15 years" may be said of 14
    years 7 months since 3 January 2011, not since "2011" (2025 - 2011 is 14: a year-only
    origin's own span is all the slack it gets)."""
    known = (last - first).days  # 0 for a day, 27-30 for a month, 364-365 for a year
    if measure == "year":
        fewest = completed_years(min(last, release), release)
        months = months_between(first, release)
        return fewest, months // 12 + (1 if months % 12 >= 6 and known < 183 else 0)
    fewest = months_between(min(last, release), release)
    if known >= 27:
        # "the 11 months since March 2025" in a release of 31 March 2026 counts the whole
        # calendar months between the two months, April to February
        between = (release.year - last.year) * 12 + release.month - last.month - 1
        fewest = min(fewest, max(between, 0))
    months = months_between(first, release)
    rest = (release - add_months(first, months)).days
    return fewest, months + (1 if rest >= 15 and known < 15 else 0)


@register("duration", DurationParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: DurationParams) -> Iterator[Hit]:
    """Flag a length of time that its beginning cannot give at the release date."""
    release = facts.release_date
    if release is None:
        return
    index = common.by_id(claims)
    origins = common.origins_by_subject(claims, release, params.origin_units)
    for claim in claims:
        if claim.kind != "duration" or claim.cue in params.skip_cues or claim.unit not in _UNITS:
            continue
        if (claim.low is None and claim.high is None) or "X" in claim.value:
            continue  # "the past few years": no number to check
        start = _start(claim, index, origins)
        if start is None:
            continue
        origin = common.date_part(start, index)
        if origin.date is None or not origin.date.is_valid or origin.date.first_day() > release:
            continue
        measure, factor = _UNITS[claim.unit or ""]
        fewest, most = elapsed(origin.date.first_day(), origin.date.last_day(), release, measure)
        low = None if claim.low is None else claim.low * factor
        high = None if claim.high is None else claim.high * factor
        if hedges.meets((fewest, most, "[]"), (low, high, claim.bounds or "[]")):
            continue
        completed = common.numbers_words(list(range(fewest, most + 1)))
        span = common.elapsed_words(origin.date.first_day(), origin.date.last_day(), release)
        working = f"{origin.text} → {release.isoformat()} is {span}, not {claim.text}"
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={
                "duration": claim.text,
                "since": start.text,
                "origin": origin.text,
                "release": release.isoformat(),
                "elapsed": span,
                "working": working,
            },
            related=(common.related(origin, "since"),),
            working=working,
            # One wording or none: "57 or 58 years" is no text a tool can apply (the working
            # keeps the alternatives).
            suggestion=f"{completed} {measure}s" if most == fewest else None,
            claims=(claim.id, start.id),
        )


def _start(claim: Claim, index: dict[str, Claim], origins: dict[str, list[Claim]]) -> Claim | None:
    """The beginning a length of time runs from: one said with it, else its subject's first."""
    linked = [p for p in common.parts(claim, index) if p.kind in ("origin", "date")]
    if linked:
        return linked[0]
    if claim.cue == "adjective" or claim.subject_id is None:
        return None  # "a three-year partnership" runs from nothing said
    own = [o for o in origins.get(claim.subject_id, []) if o.date is not None]
    return min(own, key=lambda o: o.date.first_day() if o.date else date.max) if own else None
