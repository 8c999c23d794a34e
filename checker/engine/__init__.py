"""The rule engine: load rule files into a RuleSet and evaluate it over a document's claims."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checker.engine.loader import CORE, load
from checker.engine.ruleset import RuleSet
from checker.engine.schema import Example, Rule

__all__ = ["Example", "Rule", "RuleSet", "load_rules"]


def load_rules(extra_dirs: list[str]) -> RuleSet:
    """The core rules (`rules/core`) and the rules of each extra folder (`--rules DIR`)."""
    return _load(tuple(extra_dirs))


@lru_cache(maxsize=32)
def _load(extra_dirs: tuple[str, ...]) -> RuleSet:
    # Rules are frozen models: one run reads each folder once, however many files use it.
    return RuleSet(load([CORE, *(Path(d) for d in extra_dirs)]))
