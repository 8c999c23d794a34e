"""Check type `origin-conflict`: two beginnings of one subject that cannot both be true."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim


class OriginConflictParams(Params):
    """Groups of origin cues that name the same event (a founding is not a product launch)."""

    same_event: tuple[tuple[str, ...], ...]


FIELDS = {"subject", "first", "second", "first_date", "second_date", "working"}


def _group(cue: str | None, groups: tuple[tuple[str, ...], ...]) -> int | None:
    return next((i for i, group in enumerate(groups) if cue in group), None)


@register("origin-conflict", OriginConflictParams, FIELDS)
def run(document: Document, claims: list[Claim], params: OriginConflictParams) -> Iterator[Hit]:
    """Flag an origin whose date cannot overlap an earlier origin of the same subject and event."""
    index = common.by_id(claims)
    origins = [
        c
        for c in claims
        if c.kind == "origin"
        and c.subject_id is not None
        and c.date is not None
        and c.date.is_valid
        and _group(c.cue, params.same_event) is not None
        and common.first_beginning(document, c)
    ]
    seen: dict[tuple[str, int | None], dict[tuple[date, date], Claim]] = {}
    for later in origins:
        assert later.date is not None and later.subject_id is not None
        span = (later.date.first_day(), later.date.last_day())
        before = seen.setdefault((later.subject_id, _group(later.cue, params.same_event)), {})
        earlier = next((c for (a, b), c in before.items() if b < span[0] or span[1] < a), None)
        before.setdefault(span, later)
        if earlier is not None:
            assert earlier.date is not None
            first, second = common.date_part(earlier, index), common.date_part(later, index)
            subject = later.subject or "the subject"
            said = f"{earlier.cue} in {first.text}", f"{later.cue} in {second.text}"
            dates = f"{earlier.date.iso()} and {later.date.iso()} do not overlap"
            working = f"{said[0]} and {said[1]}: {dates}"
            yield Hit(
                start=later.start,
                end=later.end,
                values={
                    "subject": subject,
                    "first": said[0],
                    "second": said[1],
                    "first_date": first.text,
                    "second_date": second.text,
                    "working": working,
                },
                related=(common.related(earlier, f"also said of {subject}"),),
                working=working,
                claims=(earlier.id, later.id),
            )
