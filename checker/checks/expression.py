"""Check type `expression`: a rule's own condition over one claim or a pair, in a safe language."""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from checker.checks import common
from checker.checks.base import Facts, Hit, Params, register
from checker.engine import expression
from checker.engine import template as template_module
from checker.models import Claim, ClaimKind


class Selector(Params):
    """Which claims a name stands for: by kind, unit, cue, subject, and an optional condition."""

    kind: ClaimKind | None = None
    unit: tuple[str, ...] | None = None
    cue: tuple[str, ...] | None = None
    subject: str | None = None  # a word the claim's subject holds (any case)
    where: str | None = None  # an expression over `claim` and `release`

    @field_validator("unit", "cue", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("where")
    @classmethod
    def _where(cls, source: str | None) -> str | None:
        if source is not None:
            expression.check(source, {"claim", "release"})
        return source

    def selects(self, claim: Claim) -> bool:
        """Whether the claim matches every given test but `where`."""
        return (
            (self.kind is None or claim.kind == self.kind)
            and (self.unit is None or claim.unit in self.unit)
            and (self.cue is None or claim.cue in self.cue)
            and (self.subject is None or self.subject.lower() in (claim.subject or "").lower())
        )


class ExpressionParams(Params):
    """A claim, an optional other claim paired with it, named values, and the failing condition."""

    claim: Selector
    other: Selector | None = None
    pair: Literal["same-subject", "same-sentence", "any"] = "same-subject"
    values: dict[str, str] = Field(default_factory=dict)
    when: str
    suggestion: str | None = None  # a template over the same names as the message

    @field_validator("values")
    @classmethod
    def _values(cls, values: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        names = _base_names(info.data.get("other") is not None)
        for name, source in values.items():
            if not name.isidentifier() or name.startswith("_") or name in names:
                raise ValueError(f"'{name}' cannot name a value")
            try:
                expression.check(source, names)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
            names.add(name)
        return values

    @field_validator("when")
    @classmethod
    def _when(cls, source: str, info: ValidationInfo) -> str:
        names = _base_names(info.data.get("other") is not None) | set(info.data.get("values", {}))
        expression.check(source, names)
        return source

    @field_validator("suggestion")
    @classmethod
    def _suggestion(cls, template: str | None, info: ValidationInfo) -> str | None:
        if template is not None:
            template_module.check(template, _message_names(info.data.get("values", {})))
        return template


def _base_names(paired: bool) -> set[str]:
    return {"claim", "release"} | ({"other"} if paired else set())


def _message_names(values: Mapping[str, str]) -> frozenset[str]:
    return frozenset({"claim", "other", "release", *values})


def fields_of(params: ExpressionParams) -> frozenset[str]:
    """The names a message may use: the claim's text, the other's, the release, the values."""
    return _message_names(params.values)


PARTNERS = 32  # `pair: any`: the others nearest a claim, so that the work grows linearly
BUDGET = 2.0  # seconds a rule may run on one document before it is stopped as a rule error


@register("expression", ExpressionParams, set(), fields_of)
def run(facts: Facts, claims: list[Claim], params: ExpressionParams) -> Iterator[Hit]:
    """Flag every claim (or pair) for which the rule's `when` holds."""
    program = _Program(params, facts)
    chosen = [c for c in claims if program.selects(params.claim, c)]
    if params.other is None:
        for claim in chosen:
            hit = program.judge(claim, None)
            if hit is not None:
                yield hit
        return
    others: dict[object, list[Claim]] = {}
    for other in claims:
        key = _pair_key(params.pair, other)
        if key is not None and program.selects(params.other, other):
            others.setdefault(key, []).append(other)
    anywhere = Nearest(others.get("any", []))
    for claim in chosen:
        group = (
            anywhere.around(claim)
            if params.pair == "any"
            else others.get(_pair_key(params.pair, claim), [])
        )
        for other in group:
            hit = program.judge(claim, other) if other.id != claim.id else None
            if hit is not None:
                yield hit
                break


class Nearest:
    """The others nearest a claim in the text: `pair: any` would otherwise judge every pair of
    a document, n² of them; it judges each claim with at most PARTNERS others."""

    def __init__(self, others: list[Claim]) -> None:
        self.others = sorted(others, key=lambda c: (c.start, c.end))
        self.starts = [c.start for c in self.others]

    def around(self, claim: Claim, count: int | None = None) -> list[Claim]:
        """The `count` (PARTNERS) others nearest the claim, in text order, itself left out."""
        count = PARTNERS if count is None else count
        others = self.others
        low = high = bisect.bisect_left(self.starts, claim.start)
        while high - low < count + 1 and (low > 0 or high < len(others)):
            before = claim.start - others[low - 1].end if low > 0 else None
            after = others[high].start - claim.end if high < len(others) else None
            if after is None or (before is not None and before <= after):
                low -= 1
            else:
                high += 1
        return [o for o in others[low:high] if o.id != claim.id][:count]


def _pair_key(pair: str, claim: Claim) -> object:
    """What two claims must share to be paired; None when the claim cannot be paired."""
    if pair == "same-subject":
        return claim.subject_id
    if pair == "same-sentence":
        return claim.sentence
    return "any"


_MISSING = object()  # what an expression gives when a value it needs is not there


class _Program:
    """A rule's expressions, parsed once, run over one document's frozen claim data, within
    a time budget; an expression that fails (other than on a missing value) fails the rule."""

    def __init__(self, params: ExpressionParams, facts: Facts) -> None:
        self.params = params
        self.runner = expression.evaluator()
        self.deadline = time.monotonic() + BUDGET
        self.release = facts.release_date.isoformat() if facts.release_date else None
        self.data: dict[str, Mapping[str, Any]] = {}
        names = _base_names(params.other is not None)
        self.values = []
        for name, source in params.values.items():
            self.values.append((name, source, expression.check(source, names)))
            names.add(name)
        self.when = expression.check(params.when, names)
        self.where = {
            id(s): expression.check(s.where, {"claim", "release"})
            for s in (params.claim, params.other)
            if s is not None and s.where
        }

    def frozen(self, claim: Claim) -> Mapping[str, Any]:
        """The claim's frozen data, made once."""
        if claim.id not in self.data:
            self.data[claim.id] = expression.claim_data(claim)
        return self.data[claim.id]

    def selects(self, selector: Selector, claim: Claim) -> bool:
        """Whether a selector takes the claim: its tests, then its `where`."""
        if not selector.selects(claim):
            return False
        if selector.where is None:
            return True
        names = {"claim": self.frozen(claim), "release": self.release}
        value = self.run(self.where[id(selector)], selector.where, names, claim)
        return value is not _MISSING and bool(value)

    def run(self, tree: Any, source: str, names: dict[str, Any], claim: Claim) -> Any:
        """One expression's value; _MISSING when it needs a value the claim does not have."""
        if time.monotonic() > self.deadline:
            raise expression.RuleFailure(
                f"ran for more than {BUDGET:g} s on this document", claim.start, claim.end
            )
        try:
            return expression.evaluate(tree, source, names, self.runner)
        except expression.MissingValue:
            return _MISSING
        except expression.ExpressionError as exc:
            raise expression.RuleFailure(
                f"{source!r} failed: {exc}", claim.start, claim.end
            ) from None

    def judge(self, claim: Claim, other: Claim | None) -> Hit | None:
        """A hit when `when` holds for the claim (and the other); None when not or when it fails."""
        names: dict[str, Any] = {"claim": self.frozen(claim), "release": self.release}
        if other is not None:
            names["other"] = self.frozen(other)
        for name, source, tree in self.values:
            names[name] = self.run(tree, source, names, claim)
            if names[name] is _MISSING:
                return None  # a value the claim does not have: the rule does not apply
        holds = self.run(self.when, self.params.when, names, claim)
        if holds is _MISSING or not holds:
            return None
        shown = {k: _shown(v) for k, v in names.items() if k in self.params.values}
        values: dict[str, str | int | float] = {
            "claim": claim.text,
            "other": other.text if other else "",
            "release": self.release or "",
            **shown,
        }
        working = "; ".join(f"{k} = {v}" for k, v in shown.items()) or None
        suggestion = (
            template_module.render(self.params.suggestion, values)
            if self.params.suggestion
            else None
        )
        return Hit(
            start=claim.start,
            end=claim.end,
            values=values,
            related=(common.related(other, "compared with"),) if other else (),
            working=working,
            suggestion=suggestion,
            claims=(claim.id, other.id) if other else (claim.id,),
        )


def _shown(value: Any) -> str | int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return str(value)
    return value
