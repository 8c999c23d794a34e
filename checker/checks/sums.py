"""Check type `sum`: a total and its parts ("EUR 12 million, of which EUR 7 million …")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim

# "of which" and "including" name some parts; the others say the parts are the whole.
_SOME = r"of\s+which|including|among\s+them|incl\.|which\s+includes?"
_ALL = (r"split\s+(?:between|among|into)|broken\s+down\s+(?:as|into)|divided\s+(?:between|among|into)"
        r"|comprising|made\s+up\s+of|consisting\s+of|allocated\s+(?:as\s+follows|between)")  # fmt: skip
# The cue may come after what the total is for: "EUR 12 million to flood defences, of which".
CUE = re.compile(
    rf"^(?:[^\d.;:!?€$£]{{0,80}}?,)?[\s,:(–—-]*(?:(?P<some>{_SOME})|(?P<all>{_ALL}))\b",
    re.IGNORECASE,
)


class SumParams(Params):
    """Which claim kinds can be totals and parts."""

    kinds: tuple[str, ...] = ("money", "quantity")


FIELDS = {"total", "parts", "sum", "working"}


def _parts(document: Document, total: Claim, later: list[Claim]) -> list[Claim]:
    """The amounts after the cue that are of the total's kind, currency and unit."""
    same = []
    for claim in later:
        if claim.kind != total.kind or claim.currency != total.currency:
            continue
        if claim.kind == "quantity" and claim.unit != total.unit:
            continue
        same.append(claim)
    return same


@register("sum", SumParams, FIELDS)
def run(document: Document, claims: list[Claim], params: SumParams) -> Iterator[Hit]:
    """Flag parts that exceed their total, or parts said to be the whole that do not add up."""
    groups = amounts.sentence_claims(document, (c for c in claims if c.kind in params.kinds))
    for group in groups.values():
        for index, total in enumerate(group):
            cue = CUE.match(document.text[total.end : total.end + 120])
            if cue is None:
                continue
            parts = _parts(document, total, group[index + 1 :])
            if len(parts) < 2 and not (parts and cue["some"]):
                continue
            whole = cue["all"] is not None
            least = sum(amounts.low(p) for p in parts)
            most_parts = [amounts.high(p) for p in parts]
            total_high = amounts.high(total)
            exceeds = total_high is not None and least > total_high
            short = (whole and total_high is not None and None not in most_parts
                     and sum(h for h in most_parts if h is not None) < amounts.low(total))  # fmt: skip
            if not (exceeds or short):
                continue
            stated = sum(p.amount or 0.0 for p in parts)
            written = " + ".join(p.text for p in parts)
            relation = "more than" if exceeds else "less than"
            working = (f"{written} = {amounts.figure(stated, total.currency, total.unit)}, "
                       f"{relation} the total of {total.text}")  # fmt: skip
            yield Hit(
                start=total.start,
                end=total.end,
                values={
                    "total": total.text,
                    "parts": written,
                    "sum": amounts.figure(stated, total.currency, total.unit),
                    "working": working,
                },
                related=tuple(common.related(p, "part") for p in parts),
                working=working,
                suggestion=None,
                claims=(total.id, *(p.id for p in parts)),
            )
