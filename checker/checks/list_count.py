"""Check type `list-count`: "three priorities" followed by four."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.amounts import cardinal_word
from checker.checks.base import Facts, Hit, Params, register
from checker.models import Claim, Related


class ListCountParams(Params):
    """No settings."""


FIELDS = {"announced", "count", "items", "working"}


@register("list-count", ListCountParams, FIELDS)
def run(facts: Facts, claims: list[Claim], params: ListCountParams) -> Iterator[Hit]:
    """Flag an announced count that the listed items do not match ("including": too few)."""
    for claim in claims:
        if claim.kind != "list" or claim.number is None:
            continue
        count = len(claim.items)
        partial = claim.exhaustive is False
        if count == claim.number or (partial and count <= claim.number):
            continue
        listed = "; ".join(f"({i}) {item}" for i, item in enumerate(claim.items, start=1))
        relation = "at most" if partial else "exactly"
        working = (
            f"{claim.text} announces {relation} {claim.number}; the list has {count}: {listed}"
        )
        related: tuple[Related, ...] = ()
        if claim.evidence is not None and claim.evidence.clause is not None:
            items = claim.evidence.clause
            related = (Related(start=items.start, end=items.end, text=items.text,
                               label=f"{count} items"),)  # fmt: skip
        word = claim.text.split()[0]
        number = cardinal_word(count) if word.isalpha() else str(count)
        if word[:1].isupper():
            number = number.capitalize()
        yield Hit(
            start=claim.start,
            end=claim.end,
            values={"announced": claim.text, "count": count, "items": listed, "working": working},
            related=related,
            working=working,
            suggestion=claim.text.replace(word, number, 1),
            claims=(claim.id,),
        )
