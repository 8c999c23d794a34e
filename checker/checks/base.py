"""What every check type shares: the hit it yields, its params base and the registry."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from checker.models import Claim, Related

Values = dict[str, str | int | float]


@dataclass(frozen=True)
class Facts:
    """What a check knows besides the claims: the release date and how dates are written."""

    release_date: date | None
    date_order: str = "DMY"


class Params(BaseModel):
    """Base of every check type's params: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True)
class Hit:
    """What a check found: the span, the values its rule's message names, the working."""

    start: int
    end: int
    values: Values
    related: tuple[Related, ...] = ()
    working: str | None = None
    suggestion: str | None = None
    claims: tuple[str, ...] = ()


Run = Callable[[Facts, list[Claim], Any], Iterator[Hit]]


@dataclass(frozen=True)
class CheckType:
    """A named check: its params model, the names its messages may use, and its code."""

    name: str
    params: type[Params]
    fields: frozenset[str]
    run: Run
    fields_of: Callable[[Any], frozenset[str]] | None = field(default=None)

    def names(self, params: Params) -> frozenset[str]:
        """The names a message template of a rule with these params may use."""
        extra = self.fields_of(params) if self.fields_of else frozenset()
        return self.fields | extra | {"text"}


REGISTRY: dict[str, CheckType] = {}


def register(
    name: str,
    params: type[Params],
    fields: set[str],
    fields_of: Callable[[Any], frozenset[str]] | None = None,
) -> Callable[[Run], Run]:
    """Register a function `(facts, claims, params) -> Iterator[Hit]` as check type `name`."""

    def wrap(run: Run) -> Run:
        if name in REGISTRY:
            raise ValueError(f"check type {name!r} is registered twice")
        REGISTRY[name] = CheckType(name, params, frozenset(fields), run, fields_of)
        return run

    return wrap
