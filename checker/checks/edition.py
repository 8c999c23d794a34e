"""Check type `edition`: "the Nth annual meeting" against its first occasion and its frequency."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim

_YEARS = {"P1Y": 1, "P2Y": 2, "P3Y": 3, "P4Y": 4, "P5Y": 5}


class EditionParams(Params):
    """Which counts are occasions, the beginnings they run from, and counts that also pass."""

    exclude_units: tuple[str, ...] = ("year", "anniversary", "years since", "birthday")
    first_units: tuple[str, ...] = ("first",)
    founding_units: tuple[str, ...] = ("founding",)
    returns: tuple[str, ...] = ("time",)  # "returns for a 16th time" may count the returns


FIELDS = {"claim", "subject", "origin", "release", "expected", "working", "number"}


@register("edition", EditionParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: EditionParams) -> Iterator[Hit]:
    """Flag an Nth occasion that its first occasion and its frequency cannot give."""
    release = facts.release_date
    if release is None:
        return
    index = common.by_id(claims)
    firsts = common.origins_by_subject(claims, release, params.first_units)
    foundings = common.origins_by_subject(claims, release, params.founding_units)
    cancelled = common.origins_by_subject(claims, release, ("cancelled",))
    years = _years_said(claims)
    for claim in claims:
        if claim.kind != "ordinal" or claim.number is None or claim.unit in params.exclude_units:
            continue
        linked = [
            p for p in common.parts(claim, index) if p.kind == "origin" and p.date is not None
        ]
        subject = claim.subject_id or claim.anchor_id or ""
        origins = linked or firsts.get(subject, []) or foundings.get(subject, [])
        if not origins:
            continue
        origin = min(origins, key=lambda o: o.date.first_day() if o.date else release)
        period = _period(claim, origin, claims)
        if period is None or origin.date is None:
            continue  # no frequency in the text: no finding
        year = years.get(claim.sentence, release.year)
        skipped = [
            c
            for c in cancelled.get(subject, [])
            if c.date and origin.date.year < c.date.year <= year
        ]
        count = (year - origin.date.year) // period + 1 - len(skipped)
        if (year - origin.date.year) % period:
            continue  # not a year the series is held in: the text says something else
        allowed = {count} | ({count - 1} if claim.unit in params.returns else set())
        if claim.number in allowed:
            continue
        yield _hit(claim, origin, count, period, year, len(skipped), index)


def _period(claim: Claim, origin: Claim, claims: list[Claim]) -> int | None:
    """Every how many years the series is held: said with the count, or with its beginning."""
    for frequency in (claim.frequency, origin.frequency):
        if frequency in _YEARS:
            return _YEARS[frequency]
    return None


def _years_said(claims: list[Claim]) -> dict[int, int]:
    """The year each sentence speaks of, when it names one ("in 2026", "next year")."""
    found: dict[int, int] = {}
    beginnings = {p for c in claims if c.kind == "origin" for p in c.parts}
    for claim in claims:
        if claim.id in beginnings:
            continue
        if (
            claim.kind in ("date", "relative")
            and claim.date is not None
            and claim.date.precision == "year"
        ):
            found.setdefault(claim.sentence, claim.date.year)
    return found


def _hit(
    claim: Claim,
    origin: Claim,
    count: int,
    period: int,
    year: int,
    skipped: int,
    index: dict[str, Claim],
) -> Hit:
    assert origin.date is not None
    written = common.date_part(origin, index)
    origin_text = written.text if written is not origin else common.calendar_words(origin.date)
    digits = common.written_in_digits(claim.text)
    expected = common.ordinal_words([count], digits)
    label = "every year" if period == 1 else f"every {period} years"
    held = "first held" if origin.unit == "first" else "begun"
    working = (
        f"{held} in {origin.date.year} and held {label}, the {year} occasion is the {expected}"
        + (f" ({skipped} not held)" if skipped else "")
    )
    subject = claim.subject or "the series"
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "claim": claim.text,
            "subject": subject,
            "origin": origin_text,
            "release": str(year),
            "expected": expected,
            "working": working,
            "number": claim.number or 0,
        },
        related=(common.related(written, held),),
        working=working,
        suggestion=common.reorder(claim.text, count),
        claims=(claim.id, origin.id),
    )
