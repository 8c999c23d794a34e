"""Check type `age`: a person's ages and birth date, which must allow one birthday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim
from checker.timeline import completed_years_range

Span = tuple[date, date]
FIELDS = {"person", "claim", "other", "age", "release", "expected", "working"}


class AgeParams(Params):
    """Which ages tell of a moment of their own, and count only with the date said for it:
    "became a scratch golfer at the age of 15" is no age at the release."""

    moment_cues: tuple[str, ...] = ("at the age of", "was N")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def born_between(claim: Claim, release: date, index: dict[str, Claim]) -> Span | None:
    """The days a person can have been born on, by one claim: a birth date, an age at a moment
    (the release, or the date told with it), or a birthday ("turns 60 this year")."""
    if claim.kind == "birth":
        if claim.date is None or not claim.date.is_valid:
            return None
        return claim.date.first_day(), claim.date.last_day()
    if claim.number is None:
        return None
    moment = next(
        (p for p in common.parts(claim, index) if p.date is not None and p.date.is_valid), None
    )
    first, last = (
        (moment.date.first_day(), moment.date.last_day())
        if moment and moment.date
        else (release, release)
    )
    if claim.kind == "ordinal" or claim.cue == "turns":
        year = (moment.date.year if moment and moment.date else release.year) - claim.number
        return date(year, 1, 1), date(year, 12, 31)  # the birthday falls in that year
    try:
        earliest = _years_before(first, claim.number + 1) + timedelta(days=1)
        return earliest, _years_before(last, claim.number)
    except (ValueError, OverflowError):
        return None


@register("age", AgeParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: AgeParams) -> Iterator[Hit]:
    """Flag an age or a birth date that no birthday of the person shared by the others allows."""
    release = facts.release_date
    if release is None:
        return
    index = common.by_id(claims)
    known: dict[str, tuple[Span, list[Claim]]] = {}
    for claim in claims:
        person = claim.subject_id
        is_age = claim.kind in ("age", "birth") or (
            claim.kind == "ordinal" and claim.unit == "birthday"
        )
        if person is None or not is_age:
            continue
        if claim.cue in params.moment_cues and not any(
            p.date is not None for p in common.parts(claim, index)
        ):
            continue  # an age at a moment the release does not date
        span = born_between(claim, release, index)
        if span is None or span[0] > span[1]:
            continue
        if person not in known:
            known[person] = (span, [claim])
            continue
        (low, high), said = known[person]
        both = (max(low, span[0]), min(high, span[1]))
        if both[0] <= both[1]:
            known[person] = (both, [*said, claim])
            continue
        birth = next((c for c in said if c.kind == "birth"), None)
        if claim.kind == "birth" and birth is None:
            # the ages came first: the finding is on the age the birth date contradicts
            age = next(c for c in reversed(said) if c.kind != "birth")
            yield _hit(age, [claim], span, release, index)
        else:
            yield _hit(claim, said, (low, high), release, index)


def _hit(
    claim: Claim, said: list[Claim], span: Span, release: date, index: dict[str, Claim]
) -> Hit:
    """The finding on the claim no birthday allows, with the claim it contradicts."""
    birth = next((c for c in said if c.kind == "birth"), None)
    other = birth or said[0]
    person = claim.subject or "the person"
    expected = f"born between {span[0].isoformat()} and {span[1].isoformat()}"
    suggestion = None
    birth_date = common.date_part(birth, index).date if birth is not None else None
    if claim.kind == "age" and claim.number is not None and birth_date is not None:
        fewest, most = completed_years_range(birth_date, release)
        expected = common.numbers_words(list(range(fewest, most + 1)))
        if fewest == most:
            suggestion = common.renumber(claim.text, claim.number, most)
    working = (
        f"'{other.text}' puts {person}'s birth between {span[0].isoformat()} and "
        f"{span[1].isoformat()}; '{claim.text}' does not fit it"
    )
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "person": person,
            "claim": claim.text,
            "other": other.text,
            "age": claim.number or 0,
            "release": release.isoformat(),
            "expected": expected,
            "working": working,
        },
        related=(common.related(other, "also said of " + person),),
        working=working,
        suggestion=suggestion,
        claims=(claim.id, other.id),
    )
