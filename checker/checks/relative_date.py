"""Check type `relative-date`: "today (07/10)" vs the release date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import CalendarDate, Claim
from checker.timeline import timex_interval

_ORDER_WORDS = {"DMY": "day/month", "MDY": "month/day", "YMD": "year/month/day"}
_DAY_WORDS = {-1: "yesterday", 0: "today", 1: "tomorrow"}


class RelativeDateParams(Params):
    """Which relative expressions to compare with the date written beside them (None: all)."""

    cues: tuple[str, ...] | None = None


FIELDS = {"relative", "relative_date", "written", "reading", "release", "working"}


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _span(value: CalendarDate) -> tuple[date, date] | None:
    return (value.first_day(), value.last_day()) if value.is_valid else None


@register("relative-date", RelativeDateParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: RelativeDateParams) -> Iterator[Hit]:
    """Flag a relative date whose bracketed date is another day under every reading."""
    release = facts.release_date
    if release is None:
        return
    index = common.by_id(claims)
    for claim in claims:
        if claim.kind != "relative" or claim.timex is None:
            continue
        if params.cues is not None and claim.cue not in params.cues:
            continue
        meant = timex_interval(claim.timex.value)
        if meant is None:
            continue
        for written in common.parts(claim, index):
            if written.kind == "relative" and written.weekday is not None:
                if meant[0] == meant[1] and meant[0].weekday() != written.weekday:
                    yield _weekday_hit(facts, claim, written, meant[0])  # "tomorrow, Tuesday"
                continue
            if written.kind != "date" or written.date is None:
                continue
            readings = [r.date for r in written.readings] or [written.date]
            spans = [s for s in (_span(r) for r in readings) if s is not None]
            if not spans or any(_overlap(meant, s) for s in spans):
                continue
            yield _hit(facts, claim, written, meant)


def _reading(written: Claim) -> str:
    """`2022-10-07 (read day/month; month/day would be 2022-07-10)`."""
    assert written.date is not None
    taken = written.date.iso()
    if not written.readings:
        return taken
    chosen = next((r for r in written.readings if r.date == written.date), written.readings[0])
    others = [
        f"{_ORDER_WORDS[r.order]} would be {r.date.iso()}"
        for r in written.readings
        if r is not chosen
    ]
    order = _ORDER_WORDS[chosen.order]
    return f"{taken} (read {order}, the document's date order; {'; '.join(others)})"


def _end(claim: Claim, written: Claim) -> int:
    """The end of `today (07/10)`, closing bracket included, when the date is beside the word."""
    if not 0 <= written.start - claim.end <= 4:
        return claim.end
    bracket = claim.evidence.clause if claim.evidence else None
    return bracket.end if bracket is not None and bracket.end > written.end else written.end


def _weekday_hit(facts: Facts, claim: Claim, written: Claim, day: date) -> Hit:
    """`tomorrow, Tuesday` when tomorrow is a Wednesday."""
    assert facts.release_date is not None and written.weekday is not None
    said = common.WEEKDAY_NAMES[written.weekday]
    relative_date = f"{common.WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"
    span = (min(claim.start, written.start), max(claim.end, written.end))
    return _beside(facts, claim, written, span, relative_date, said, f"names a {said}", None)


def _hit(facts: Facts, claim: Claim, written: Claim, meant: tuple[date, date]) -> Hit:
    """`today (07/10)` when the release is dated 8 October."""
    assert written.date is not None and facts.release_date is not None
    release = facts.release_date
    relative_date = meant[0].isoformat() if meant[0] == meant[1] else f"{meant[0]} to {meant[1]}"
    reading = _reading(written)
    suggestion = None
    day = written.date.as_date()
    if day is not None and meant[0] == meant[1] and (day - release).days in _DAY_WORDS:
        word = _DAY_WORDS[(day - release).days]
        word = word.capitalize() if claim.text[:1].isupper() else word
        suggestion = f"{word} ({written.text})"
    span = (claim.start, _end(claim, written))
    return _beside(facts, claim, written, span, relative_date, reading, f"is {reading}", suggestion)


def _beside(
    facts: Facts,
    claim: Claim,
    written: Claim,
    span: tuple[int, int],
    relative_date: str,
    reading: str,
    says: str,
    suggestion: str | None,
) -> Hit:
    """The finding of a relative date and what is written beside it."""
    assert facts.release_date is not None
    release = facts.release_date
    working = (
        f"the release is dated {release.isoformat()}, so '{claim.text}' is {relative_date}; "
        f"'{written.text}' {says}"
    )
    what = "weekday" if written.kind == "relative" else "date"
    return Hit(
        start=span[0],
        end=span[1],
        values={
            "relative": claim.text,
            "relative_date": relative_date,
            "written": written.text,
            "reading": reading,
            "release": release.isoformat(),
            "working": working,
        },
        related=(common.related(written, f"the {what} written beside it"),),
        working=working,
        suggestion=suggestion,
        claims=(claim.id, written.id),
    )
