"""The rule engine: load rule files into a RuleSet and evaluate it over a document's claims."""

from __future__ import annotations

from pathlib import Path

from checker.engine.loader import CORE, load
from checker.engine.ruleset import RuleSet
from checker.engine.schema import Example, Rule

__all__ = ["Example", "Rule", "RuleSet", "load_rules"]


def load_rules(extra_dirs: list[str]) -> RuleSet:
    """The core rules (`rules/core`) and the rules of each extra folder (`--rules DIR`)."""
    return RuleSet(load([CORE, *(Path(d) for d in extra_dirs)]))
