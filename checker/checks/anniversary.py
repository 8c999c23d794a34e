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


Span = tuple[date, date]
Moment = tuple[str, Span]
FIELDS = {"claim", "subject", "origin", "release", "elapsed", "expected", "working", "number"}


def admissible(unit: str, origin: Span, moment: Span) -> set[int]:
    """Every N that some day of the origin makes true on some day of the moment spoken of."""
    (origin_first, origin_last), (first, last) = origin, moment
    if unit == "anniversary":
        return set(range(first.year - origin_last.year, last.year - origin_first.year + 1))
    fewest = max(0, completed_years(min(origin_last, first), first))
    most = completed_years(origin_first, last)
    if unit == "year":
        return set(range(fewest + 1, most + 2))
    return set(range(fewest, most + 2))  # "N years since": completed years, or rounded up


def moments(document: Document, claims: list[Claim]) -> dict[tuple[int, int], list[Moment]]:
    """The dated claims of each sentence: "next year" moves an anniversary off the release year."""
    found: dict[tuple[int, int], list[Moment]] = {}
    for other in claims:
        if other.kind in ("date", "relative") and other.date is not None and other.date.is_valid:
            moment = (other.id, (other.date.first_day(), other.date.last_day()))
            found.setdefault(common.sentence_of(document, other.start), []).append(moment)
    return found


@register("anniversary", AnniversaryParams, FIELDS)
def run(document: Document, claims: list[Claim], params: AnniversaryParams) -> Iterator[Hit]:
    """Flag an ordinal year or anniversary that no day of the subject's origin makes true."""
    release = document.release_date
    if release is None:
        return
    index = common.by_id(claims)
    origins = common.origins_by_subject(document, claims, params.origin_cues)
    dated: dict[tuple[int, int], list[Moment]] | None = None
    skip: set[str] = set()
    for claim in claims:
        if claim.kind != "ordinal" or claim.unit not in params.units or claim.number is None:
            continue
        own = origins.get(claim.subject_id or "", [])
        if not own:
            continue
        if dated is None:
            dated = moments(document, claims)
            skip = {o.id for group in origins.values() for o in group}
            skip |= {p for group in origins.values() for o in group for p in o.parts}
            origins = {k: common.distinct_dates(v) for k, v in origins.items()}
            own = origins[claim.subject_id or ""]
        unit = claim.unit or ""
        spans = [(o.date.first_day(), o.date.last_day()) for o in own if o.date is not None]
        when = [(release, release)] + [
            span
            for other, span in dated.get(common.sentence_of(document, claim.start), [])
            if other not in skip
        ]
        if any(claim.number in admissible(unit, o, moment) for o in spans for moment in when):
            continue
        fits = sorted(admissible(unit, spans[0], (release, release)))
        yield _hit(claim, own[0], fits, release, index)


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
