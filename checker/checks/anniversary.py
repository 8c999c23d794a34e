"""Check type `anniversary`: "in its Nth year", "Nth anniversary", "N years since" vs the origin."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim
from checker.timeline import completed_years


class AnniversaryParams(Params):
    """Which ordinal units to check, and which origin cues count as the subject's start."""

    units: tuple[str, ...] = ("year", "anniversary", "years since")
    origin_cues: tuple[str, ...] | None = None


FIELDS = {"claim", "subject", "origin", "release", "elapsed", "expected", "working", "number"}


def admissible(unit: str, origin_first: date, origin_last: date, release: date) -> list[int]:
    """Every N that some day of the origin makes true on the release date."""
    last = min(origin_last, release)
    if unit == "anniversary":
        return sorted({release.year - origin_first.year, release.year - last.year})
    fewest, most = completed_years(last, release), completed_years(origin_first, release)
    if unit == "year":
        return list(range(fewest + 1, most + 2))
    return list(range(fewest, most + 2))  # "N years since": completed years, or rounded up


@register("anniversary", AnniversaryParams, FIELDS)
def run(document: Document, claims: list[Claim], params: AnniversaryParams) -> Iterator[Hit]:
    """Flag an ordinal year or anniversary that no day of the subject's origin makes true."""
    release = document.release_date
    if release is None:
        return
    index = common.by_id(claims)
    for claim in claims:
        if claim.kind != "ordinal" or claim.unit not in params.units or claim.number is None:
            continue
        origins = [
            o
            for o in claims
            if o.kind == "origin"
            and o.subject_id is not None
            and o.subject_id == claim.subject_id
            and o.date is not None
            and o.date.is_valid
            and o.date.first_day() <= release
            and (params.origin_cues is None or o.cue in params.origin_cues)
        ]
        if not origins:
            continue
        unit = claim.unit or ""
        fits = [
            admissible(unit, o.date.first_day(), o.date.last_day(), release)
            for o in origins
            if o.date is not None
        ]
        if any(claim.number in values for values in fits):
            continue
        yield _hit(claim, origins[0], fits[0], release, index)


def _hit(
    claim: Claim, origin: Claim, values: list[int], release: date, index: dict[str, Claim]
) -> Hit:
    assert origin.date is not None
    unit = claim.unit or ""
    first, last = origin.date.first_day(), origin.date.last_day()
    written = common.date_part(origin, index)
    origin_text = written.text if written is not origin else common.calendar_words(origin.date)
    digits = common.written_in_digits(claim.text)
    expected = common.ordinal_words(values, digits)
    span = common.elapsed_words(first, last, release)
    counts = common.numbers_words(values)
    since = f"{origin_text} → {release.isoformat()} is {span}"
    if unit == "anniversary":
        working = f"{release.year} − {origin.date.year} = {counts}: the {expected} anniversary"
    elif unit == "year":
        working = f"{since}: the {expected} year"
    else:
        working = f"{since}: {counts} years since"
    nearest = min(values, key=lambda n: (abs(n - (claim.number or 0)), n))
    if unit == "years since":
        suggestion = common.renumber(claim.text, claim.number or 0, nearest)
    else:
        suggestion = common.reorder(claim.text, nearest)
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "claim": claim.text,
            "subject": claim.subject or "the subject",
            "origin": origin_text,
            "release": release.isoformat(),
            "elapsed": span,
            "expected": expected,
            "working": working,
            "number": claim.number or 0,
        },
        related=(common.related(written, f"the origin of {claim.subject or 'the subject'}"),),
        working=working,
        suggestion=suggestion,
        claims=(claim.id, origin.id),
    )
