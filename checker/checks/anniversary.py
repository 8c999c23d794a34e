"""Check type `anniversary`: "in its Nth year", "Nth anniversary", "turns N", "celebrating N
years", "N years since" against the subject's beginning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim
from checker.timeline import completed_years


class AnniversaryParams(Params):
    """Which counts to check, and which beginnings count for a thing and for a person's service."""

    units: tuple[str, ...] = ("year", "anniversary", "years since", "birthday")
    origin_units: tuple[str, ...] = ("founding", "first")
    service_units: tuple[str, ...] = ("start",)


Span = tuple[date, date]
FIELDS = {"claim", "subject", "origin", "release", "elapsed", "expected", "working", "number"}


def admissible(unit: str, origin: Span, moment: Span) -> set[int]:
    """Every N that some day of the origin makes true on some day of the moment spoken of."""
    (origin_first, origin_last), (first, last) = origin, moment
    if unit in ("anniversary", "birthday"):
        return set(range(first.year - origin_last.year, last.year - origin_first.year + 1))
    fewest = max(0, completed_years(min(origin_last, first), first))
    most = completed_years(origin_first, last)
    if unit == "year":
        return set(range(fewest + 1, most + 2))
    return set(range(fewest, most + 2))  # "N years since": completed years, or rounded up


def _moments(claims: list[Claim], skip: set[str]) -> dict[int, list[Span]]:
    """The dated claims of each sentence: "next year" or "in May" moves an anniversary."""
    found: dict[int, list[Span]] = {}
    for other in claims:
        if (
            other.kind in ("date", "relative")
            and other.date is not None
            and other.date.is_valid
            and other.id not in skip
        ):
            found.setdefault(other.sentence, []).append(
                (other.date.first_day(), other.date.last_day())
            )
    return found


@register("anniversary", AnniversaryParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: AnniversaryParams) -> Iterator[Hit]:
    """Flag a count of years that no day of the subject's beginning makes true."""
    release = facts.release_date
    if release is None:
        return
    index = common.by_id(claims)
    things = common.origins_by_subject(claims, release, params.origin_units)
    services = common.origins_by_subject(claims, release, params.service_units)
    people = common.people(claims)
    skip = {o.id for group in (*things.values(), *services.values()) for o in group}
    skip |= {p for group in (*things.values(), *services.values()) for o in group for p in o.parts}
    dated: dict[int, list[Span]] | None = None
    for claim in claims:
        if claim.kind != "ordinal" or claim.unit not in params.units or claim.number is None:
            continue
        own = _origins(claim, index, things, services, people)
        if not own:
            continue
        if dated is None:
            dated = _moments(claims, skip)
        own = common.distinct_dates(own)
        spans = [(o.date.first_day(), o.date.last_day()) for o in own if o.date is not None]
        when = [(release, release), *dated.get(claim.sentence, [])]
        unit = claim.unit or ""
        if any(claim.number in admissible(unit, o, moment) for o in spans for moment in when):
            continue
        fits = sorted(admissible(unit, spans[0], (release, release)))
        yield _hit(claim, own[0], fits, release, index)


def _origins(
    claim: Claim,
    index: dict[str, Claim],
    things: dict[str, list[Claim]],
    services: dict[str, list[Claim]],
    people: set[str],
) -> list[Claim]:
    """The beginnings a count of years runs from: one said with it, else its subject's — a
    founding for a thing, a start for a person's service ("her 16th anniversary as secretary")."""
    linked = [p for p in common.parts(claim, index) if p.kind == "origin" and p.date is not None]
    if linked:
        return linked
    subject = claim.subject_id or ""
    if subject in people:
        if claim.cue in ("turns N",) or claim.unit == "birthday":
            return []  # a person's birthday or "turns 60" is an age, read by the age check
        return services.get(subject, [])
    return things.get(subject, []) or services.get(subject, [])


def _hit(
    claim: Claim, origin: Claim, values: list[int], release: date, index: dict[str, Claim]
) -> Hit:
    assert origin.date is not None
    unit = claim.unit or ""
    first, last = origin.date.first_day(), origin.date.last_day()
    written = common.date_part(origin, index)
    origin_text = written.text if written is not origin else common.calendar_words(origin.date)
    digits = common.written_in_digits(claim.text)
    ordinal = common.reorder(claim.text, values[0]) is not None
    expected = common.ordinal_words(values, digits) if ordinal else common.numbers_words(values)
    span = common.elapsed_words(first, last, release)
    counts = common.numbers_words(values)
    since = f"{origin_text} → {release.isoformat()} is {span}"
    if unit in ("anniversary", "birthday"):
        noun = "anniversary" if ordinal else "years"
        working = f"{release.year} − {origin.date.year} = {counts}: the {expected} {noun}"
        if not ordinal:
            working = f"{release.year} − {origin.date.year} = {counts} years"
    elif unit == "year":
        working = f"{since}: the {expected} year"
    else:
        working = f"{since}: {counts} years since"
    nearest = min(values, key=lambda n: (abs(n - (claim.number or 0)), n))
    suggestion = (
        common.reorder(claim.text, nearest)
        if ordinal
        else common.renumber(claim.text, claim.number or 0, nearest)
    )
    subject = claim.subject or "the subject"
    return Hit(
        start=claim.start,
        end=claim.end,
        values={
            "claim": claim.text,
            "subject": subject,
            "origin": origin_text,
            "release": release.isoformat(),
            "elapsed": span,
            "expected": expected,
            "working": working,
            "number": claim.number or 0,
        },
        related=(
            common.related(
                written if written is not origin else origin, f"the beginning of {subject}"
            ),
        ),
        working=working,
        suggestion=suggestion,
        claims=(claim.id, origin.id),
    )
