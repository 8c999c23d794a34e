"""A rule pack's own examples, run through the whole pipeline: `factcheck rules test`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checker.document import from_text
from checker.engine import RuleSet
from checker.engine.loader import load
from checker.engine.schema import Example, Rule
from checker.errors import InputError
from checker.models import Finding
from checker.pipeline import claims_of


@dataclass(frozen=True)
class Failure:
    """An example its rule gets wrong, and how."""

    rule: Rule
    number: int  # 1-based, in the order of the rule file
    example: Example
    problem: str

    def what(self) -> str:
        """`example 2 (fails): not flagged`."""
        return f"example {self.number} ({self.example.expect}): {self.problem}"

    def line(self) -> str:
        """`rules/house/x.yaml:1: example 2 (fails): not flagged`."""
        return f"{self.rule.source}: {self.what()}"


def overlaps(finding: Finding, text: str, fragment: str) -> bool:
    """Whether the finding overlaps some occurrence of the fragment in the text."""
    start = text.find(fragment)
    while start >= 0:
        if finding.start < start + len(fragment) and start < finding.end:
            return True
        start = text.find(fragment, start + 1)
    return False


def judge(rule: Rule, number: int, example: Example) -> Failure | None:
    """Whether the rule flags a `fails` example (at its `flags` passage) and leaves a `passes`
    one alone."""
    document = from_text(example.text, "<example>", release_date=example.date)
    findings = RuleSet([rule]).evaluate(document, claims_of(document))
    found = [f for f in findings if f.rule == rule.id]
    failed = [f for f in findings if f.rule == "rule-error"]
    if failed:
        return Failure(rule, number, example, failed[0].message)
    if example.expect == "passes":
        if found:
            return Failure(rule, number, example, f"flagged: {found[0].message}")
        return None
    if not found:
        return Failure(rule, number, example, "not flagged")
    if example.flags and not any(overlaps(f, example.text, example.flags) for f in found):
        return Failure(rule, number, example, f"flagged, but not at {example.flags!r}")
    return None


def failures(rules: list[Rule]) -> list[Failure]:
    """Every example of the rules that its rule gets wrong, in file order."""
    out = []
    for rule in rules:
        for number, example in enumerate(rule.examples, 1):
            failure = judge(rule, number, example)
            if failure is not None:
                out.append(failure)
    return out


@lru_cache(maxsize=32)
def verify(folder: str) -> None:
    """An InputError when a pack given to `check` has an example its rule gets wrong."""
    wrong = failures(load([Path(folder)]))
    if wrong:
        more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
        raise InputError(
            wrong[0].rule.source,
            f"{wrong[0].what()}{more}; a pack whose own examples fail is not used",
            f"see `factcheck rules test {folder}`",
        )
