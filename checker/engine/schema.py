"""The rule-file schema: a rule, its examples, and what it becomes once loaded."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from checker.checks.base import CheckType, Params
from checker.models import Severity

RULE_ID = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"


class Example(BaseModel):
    """A text and its release date that the rule must flag (`fails`) or leave alone (`passes`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    expect: Literal["fails", "passes"]
    text: str = Field(min_length=1)
    date: datetime.date
    flags: str | None = None  # for `fails`: a passage of the text a finding must overlap

    @model_validator(mode="after")
    def _flags(self) -> Example:
        if self.flags is not None:
            if self.expect != "fails":
                raise ValueError("'flags' belongs to a `fails` example")
            if self.flags not in self.text:
                raise ValueError(f"'flags' {self.flags!r} is not in the example's text")
        return self


class Rule(BaseModel):
    """A rule file: which check type it runs, how severe, what it says, and its examples."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=RULE_ID, max_length=64)
    check: str
    severity: Severity
    message: str = Field(min_length=1)
    description: str = Field(min_length=1)
    help: str = Field(min_length=1)
    params: dict[str, Any] = {}
    examples: tuple[Example, ...]
    enabled: bool = True

    _path: str = PrivateAttr("")
    _line: int = PrivateAttr(1)
    _type: CheckType | None = PrivateAttr(None)
    _settings: Params | None = PrivateAttr(None)

    @field_validator("examples")
    @classmethod
    def _both(cls, examples: tuple[Example, ...]) -> tuple[Example, ...]:
        kinds = {e.expect for e in examples}
        if kinds != {"fails", "passes"}:
            raise ValueError("a rule needs at least one `fails` and one `passes` example")
        return examples

    @property
    def source(self) -> str:
        """Where the rule was read: `rules/core/x.yaml:1`."""
        return f"{self._path}:{self._line}"

    @property
    def check_type(self) -> CheckType:
        """The check type the rule runs."""
        assert self._type is not None, "a rule is used only once loaded"
        return self._type

    @property
    def settings(self) -> Params:
        """The rule's params, validated by its check type."""
        assert self._settings is not None, "a rule is used only once loaded"
        return self._settings

    def bind(self, path: str, line: int, check_type: CheckType, settings: Params) -> Rule:
        """Record where the rule came from and its validated check type and params."""
        self._path, self._line, self._type, self._settings = path, line, check_type, settings
        return self
