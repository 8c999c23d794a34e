"""Check type `edition`: "the Nth annual meeting" vs its first occurrence and its frequency."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from pydantic import Field

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim

_NOT_EVENTS = ("year", "anniversary", "years since")
_PERIOD = re.compile(r"P(\d+)([YMW])")


class EditionParams(Params):
    """How far an edition may lie from the release, and the least gap between occasions."""

    exclude_units: tuple[str, ...] = _NOT_EVENTS
    tolerance: int = 1  # periods before or after the release the edition may be held in
    future_days: int = 366  # without a frequency: how far ahead an announced occasion may lie
    min_gap_days: dict[str, int] = Field(default_factory=dict)  # without a frequency, by unit
    default_min_gap_days: int = 1


FIELDS = {"claim", "subject", "origin", "release", "expected", "working", "number"}


def period_of(frequency: str | None) -> tuple[int, str] | None:
    """The period of a frequency as (count, unit letter): P2Y → (2, "Y")."""
    match = _PERIOD.fullmatch(frequency or "")
    return (int(match[1]), match[2]) if match else None


def yearly_window(first_year: int, every: int, release: date, tolerance: int) -> list[int]:
    """The numbers an edition held every `every` years may have, near the release year."""
    low, high = release.year - every * tolerance, release.year + every * tolerance
    return [
        n
        for n in range(1, (high - first_year) // every + 2)
        if low <= first_year + (n - 1) * every <= high
    ]


def most_possible(first: date, release: date, gap: timedelta, future_days: int) -> int:
    """The most occasions that fit from `first` to shortly after the release, `gap` apart."""
    span = release + timedelta(days=future_days) - first
    return span // gap + 1 if span.days >= 0 else 0


@register("edition", EditionParams, FIELDS)
def run(document: Document, claims: list[Claim], params: EditionParams) -> Iterator[Hit]:
    """Flag an Nth occasion its first occurrence and frequency cannot give."""
    release = document.release_date
    if release is None:
        return
    index = common.by_id(claims)
    origins = {
        k: common.distinct_dates(v) for k, v in common.origins_by_subject(document, claims).items()
    }
    for claim in claims:
        if claim.kind != "ordinal" or claim.number is None or claim.unit is None:
            continue
        if claim.unit in params.exclude_units or claim.unit.startswith("consecutive"):
            continue
        own = origins.get(claim.subject_id or "", [])
        anchored = [] if own else origins.get(claim.anchor_id or "", [])
        hits = [_judge(claim, o, bool(own), release, params, index) for o in own or anchored]
        if hits and hits[0] is not None and all(h is not None for h in hits):
            yield hits[0]


def _judge(
    claim: Claim,
    origin: Claim,
    first_held: bool,
    release: date,
    params: EditionParams,
    index: dict[str, Claim],
) -> Hit | None:
    """A hit when the claim cannot be true with this origin; None when it can."""
    assert origin.date is not None and claim.number is not None
    number = claim.number
    written = common.date_part(origin, index)
    origin_text = written.text if written is not origin else common.calendar_words(origin.date)
    digits = common.written_in_digits(claim.text)
    period = period_of(claim.frequency)
    first_year = origin.date.year
    if period is not None and period[1] == "Y":
        every = period[0]
        window = yearly_window(first_year, every, release, params.tolerance)
        if (first_held and number in window) or (
            not first_held and number <= max(window, default=0)
        ):
            return None
        this_year = (release.year - first_year) // every + 1
        label = "every year" if every == 1 else f"every {every} years"
        if first_held:
            expected = common.ordinal_words([this_year], digits)
            working = (
                f"first held in {first_year} and held {label}: the {release.year} occasion is the "
                f"{expected} ({first_year} → {release.year} is {release.year - first_year} years)"
            )
            suggestion = common.reorder(claim.text, this_year)
        else:
            most = max(window, default=0)
            expected = f"at most the {common.ordinal_words([most], digits)}"
            working = (
                f"counted from {origin_text} and held {label}, the series had {expected} "
                f"occasion by {release.year + every * params.tolerance}"
            )
            suggestion = common.reorder(claim.text, most) if most else None
    else:
        gap_days = params.min_gap_days.get(claim.unit or "", params.default_min_gap_days)
        if period is not None:
            gap_days = period[0] * {"M": 28, "W": 7}[period[1]]
        most = most_possible(
            origin.date.first_day(), release, timedelta(days=gap_days), params.future_days
        )
        if number <= most:
            return None
        expected = f"at most the {common.ordinal_words([most], digits)}"
        working = (
            f"from {origin_text} to {params.future_days} days after {release.isoformat()}, "
            f"occasions at least {gap_days} day{'s' if gap_days != 1 else ''} apart number at "
            f"most {most}"
        )
        suggestion = None
    subject = claim.subject or "the series"
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "claim": claim.text,
            "subject": subject,
            "origin": origin_text,
            "release": release.isoformat(),
            "expected": expected,
            "working": working,
            "number": number,
        },
        related=(common.related(written, "first held" if first_held else "counted from"),),
        working=working,
        suggestion=suggestion,
        claims=(claim.id, origin.id),
    )
