"""Check type `origin-conflict`: two beginnings of one subject that cannot both be true."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim


class OriginConflictParams(Params):
    """Groups of beginnings that name the same event (a founding is not a first meeting)."""

    same_event: tuple[tuple[str, ...], ...] = (("founding",), ("first",))


FIELDS = {"subject", "first", "second", "first_date", "second_date", "working"}


def _group(unit: str | None, groups: tuple[tuple[str, ...], ...]) -> int | None:
    return next((i for i, group in enumerate(groups) if unit in group), None)


@register("origin-conflict", OriginConflictParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: OriginConflictParams) -> Iterator[Hit]:
    """Flag a beginning whose date cannot overlap an earlier one of the same subject and event."""
    index = common.by_id(claims)
    seen: dict[tuple[str, int], dict[tuple[date, date], Claim]] = {}
    for later in claims:
        group = _group(later.unit, params.same_event)
        if (
            later.kind != "origin"
            or later.subject_id is None
            or later.date is None
            or group is None
        ):
            continue
        if not later.date.is_valid:
            continue
        span = (later.date.first_day(), later.date.last_day())
        before = seen.setdefault((later.subject_id, group), {})
        earlier = next((c for (a, b), c in before.items() if b < span[0] or span[1] < a), None)
        before.setdefault(span, later)
        if earlier is None or earlier.date is None:
            continue
        first, second = common.date_part(earlier, index), common.date_part(later, index)
        subject = later.subject or "the subject"
        dates = f"{earlier.date.iso()} and {later.date.iso()} do not overlap"
        working = f"'{earlier.text}' and '{later.text}': {dates}"
        yield Hit(
            start=later.start,
            end=later.end,
            values={
                "subject": subject,
                "first": earlier.text,
                "second": later.text,
                "first_date": first.text,
                "second_date": second.text,
                "working": working,
            },
            related=(common.related(earlier, f"also said of {subject}"),),
            working=working,
            claims=(earlier.id, later.id),
        )
