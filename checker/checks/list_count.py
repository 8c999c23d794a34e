"""Check type `list-count`: "three priorities" followed by four."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.amounts import cardinal_word
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim, Related


class ListCountParams(Params):
    """No settings."""


FIELDS = {"announced", "count", "items", "working"}


@register("list-count", ListCountParams, FIELDS)
def run(document: Document, claims: list[Claim], params: ListCountParams) -> Iterator[Hit]:
    """Flag an announced count that the listed items do not match."""
    for claim in claims:
        if claim.kind != "list" or claim.number is None or len(claim.items) == claim.number:
            continue
        count = len(claim.items)
        listed = "; ".join(f"({i}) {item}" for i, item in enumerate(claim.items, start=1))
        working = f"{claim.text} announces {claim.number}; the list has {count}: {listed}"
        first = document.text.find(claim.items[0], claim.end)
        last_item = claim.items[-1]
        last = document.text.find(last_item, max(first, claim.end))
        related: tuple[Related, ...] = ()
        if first >= 0 and last >= 0:
            end = last + len(last_item)
            related = (Related(start=first, end=end, text=document.text[first:end],
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
