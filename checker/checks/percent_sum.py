"""Check type `percent-sum`: shares of one whole that add up to more than 100 %."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks import amounts, common
from checker.checks.base import Hit, Params, register
from checker.document import Document
from checker.models import Claim

# Between two shares of one whole: a few words and a comma, "and", "while" or "with".
_JOIN = re.compile(r"^[^\d%.;:!?]{0,60}$")
_LINK = re.compile(r",|\band\b|\bwhile\b|\bwith\b|\bwhereas\b|;")
# "45% of men and 60% of women" are shares of two wholes.
_OF_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:the\s+)?(?P<whole>[\w-]+)", re.IGNORECASE)
# Shares of one whole are spread over places or groups: "45% are in Portugal, 35% in Spain".
_SPREAD = re.compile(
    r"^\s*(?:(?:are|were|is|was|go|goes|went|come|comes|came|live|lives|based|located)\s+)?"
    r"(?:in|from|to|for|on|at|by|via|through)\b",
    re.IGNORECASE,
)
# A share next to one of these words is a change or a rate, not a part of a whole.
_COMPARED = re.compile(
    r"\b(?:increase|decrease|from|compared|versus|vs|than|up|down|growth|grew|rose|fell|rate|"
    r"recovery|accuracy|reduction|improvement|surged|jumped|faster|higher|lower|margin|interest|"
    r"stake|yield|return|discount|off|efficiency)\b",
    re.IGNORECASE,
)
_REST = re.compile(r"\b(?:the\s+)?(?:remaining|rest|remainder|balance|other)\b", re.IGNORECASE)


class PercentSumParams(Params):
    """How far a sum of whole-number shares may drift from 100 through rounding."""

    rounding: float = 0.5


FIELDS = {"shares", "sum", "working"}


def _runs(document: Document, shares: list[Claim]) -> Iterator[list[Claim]]:
    """Runs of shares joined by short linking text in one sentence."""
    run: list[Claim] = []
    for share in shares:
        if run and not (_JOIN.match(amounts.between(document, run[-1], share))
                        and _LINK.search(amounts.between(document, run[-1], share))):  # fmt: skip
            yield run
            run = []
        run.append(share)
    yield run


def _one_whole(document: Document, run: list[Claim]) -> bool:
    """Whether the shares split one whole: each spread over a place or group, or each "of" the
    same whole, and none compared with something else."""
    text = document.text
    for claim in run:
        if _COMPARED.search(text[max(0, claim.start - 25) : claim.start]):
            return False
        if _COMPARED.search(text[claim.end : claim.end + 20]):
            return False
    after = [text[c.end : c.end + 30] for c in run]
    wholes = [m["whole"].lower() if (m := _OF_AFTER.match(a)) else None for a in after]
    if all(wholes) and len(set(wholes)) == 1:
        return True
    return all(_SPREAD.match(a) for a in after)


@register("percent-sum", PercentSumParams, FIELDS)
def run(document: Document, claims: list[Claim], params: PercentSumParams) -> Iterator[Hit]:
    """Flag shares of one whole whose sum exceeds 100 %, or misses it when they are the whole."""
    shares = [c for c in claims if c.kind == "percent" and c.unit == "percent" and c.cue is None]
    for group in amounts.sentence_claims(document, shares).values():
        for run in _runs(document, group):
            if len(run) < 2 or not _one_whole(document, run):
                continue
            stated = sum(c.amount or 0.0 for c in run)
            slack = params.rounding * len(run)
            least = sum(amounts.low(c) for c in run)
            whole = any(_REST.search(document.text[max(0, c.start - 20) : c.end + 20]) for c in run)
            over = least - slack > 100
            under = whole and stated + slack < 100
            if not (over or under):
                continue
            written = " + ".join(c.text for c in run)
            working = f"{written} = {amounts.plain(stated)}%" + (
                ", more than the whole" if over else ", but the shares are said to be the whole"
            )
            yield Hit(
                start=run[0].start,
                end=run[-1].end,
                values={"shares": written, "sum": f"{amounts.plain(stated)}%", "working": working},
                related=tuple(common.related(c, "share") for c in run[1:]),
                working=working,
                claims=tuple(c.id for c in run),
            )
