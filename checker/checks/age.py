"""Check type `age`: "Maria Lopez, 52" vs "born in 1965" at the release date."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim
from checker.timeline import completed_years_range


class AgeParams(Params):
    """No settings."""


FIELDS = {"person", "age", "born", "release", "expected", "working"}


@register("age", AgeParams, FIELDS)
def run(document: Document, claims: list[Claim], params: AgeParams) -> Iterator[Hit]:
    """Flag a stated age that no birthday in the stated birth date gives on the release date."""
    release = document.release_date
    if release is None:
        return
    index = common.by_id(claims)
    births = [
        c
        for c in claims
        if c.kind == "birth"
        and c.subject_id
        and c.date is not None
        and c.date.is_valid
        and c.date.first_day() <= release
    ]
    for claim in claims:
        if claim.kind != "age" or claim.number is None or claim.subject_id is None:
            continue
        birth = next((b for b in births if b.subject_id == claim.subject_id), None)
        if birth is None or birth.date is None:
            continue
        fewest, most = completed_years_range(birth.date, release)
        if fewest <= claim.number <= most:
            continue
        born = common.date_part(birth, index)
        expected = common.numbers_words(list(range(fewest, most + 1)))
        person = claim.subject or "the person"
        working = (
            f"{birth.text}, {person} is {expected} on {release.isoformat()}, not {claim.number}"
        )
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={
                "person": person,
                "age": claim.number,
                "born": birth.text,
                "release": release.isoformat(),
                "expected": expected,
                "working": working,
            },
            related=(common.related(born, "born"),),
            working=working,
            # "52" → "57 or 58" is no text a tool can apply: the working keeps the alternatives.
            suggestion=claim.text.replace(str(claim.number), str(most), 1)
            if fewest == most
            else None,
            claims=(claim.id, birth.id),
        )
