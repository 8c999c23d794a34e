"""The rule engine: load rule files into a RuleSet and evaluate it over a document's claims."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checker.engine import cache
from checker.engine.loader import CORE, load, rule_files, shown
from checker.engine.ruleset import RuleSet
from checker.engine.schema import Example, Rule
from checker.errors import InputError

__all__ = ["Example", "Rule", "RuleSet", "load_rules"]


def load_rules(extra_dirs: list[str]) -> RuleSet:
    """The core rules (`rules/core`) and the rules of each extra folder (`--rules DIR`)."""
    return _load(tuple(extra_dirs))


@lru_cache(maxsize=32)
def _load(extra_dirs: tuple[str, ...]) -> RuleSet:
    # Rules are frozen models: one run reads each folder once, however many files use it,
    # and a run finds what an earlier one read from the same files in the cache.
    folders = [CORE, *(Path(d) for d in extra_dirs)]
    try:
        files = [(shown(p), p) for folder in folders for p in rule_files(folder)]
    except InputError:
        return RuleSet(load(folders))  # which says what is wrong, as it always has
    return RuleSet(cache.rules(files, lambda: load(folders)))
