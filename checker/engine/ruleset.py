"""A set of loaded rules: run each enabled rule's check type, then the suppressions."""

from __future__ import annotations

from checker.checks.base import Facts, Hit
from checker.document import Document
from checker.engine import suppressions, template
from checker.engine.expression import RuleFailure
from checker.engine.schema import Rule
from checker.models import Claim, Finding


def finding(rule: Rule, hit: Hit, document: Document) -> Finding:
    """The finding of a rule's hit: its message filled in, its line and column."""
    line, column = document.line_column(hit.start)
    text = document.text[hit.start : hit.end]
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=template.render(rule.message, {"text": text, **hit.values}),
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        text=text,
        related=hit.related,
        help=hit.working or rule.help,
        suggestion=hit.suggestion,
        claims=hit.claims,
    )


RULE_ERROR = "rule-error"


def rule_error(rule: Rule, failure: RuleFailure, document: Document) -> Finding:
    """The finding that says a rule failed on this document, where it was judging."""
    start = min(max(failure.start, 0), len(document.text))
    end = min(max(failure.end, start), len(document.text))
    line, column = document.line_column(start)
    return Finding(
        rule=RULE_ERROR,
        severity="error",
        message=f"rule '{rule.id}' failed: {failure.problem}",
        start=start,
        end=end,
        line=line,
        column=column,
        text=document.text[start:end],
        help=f"Fix the rule at {rule.source}; `factcheck rules test` runs its examples.",
    )


class RuleSet:
    """The rules of a run, in load order."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, if there is one."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def evaluate(self, document: Document, claims: list[Claim]) -> list[Finding]:
        """Every enabled rule's findings (one per rule and span), then the suppressions."""
        findings: list[Finding] = []
        seen: set[tuple[str, int, int]] = set()
        facts = Facts(document.release_date, document.date_order)
        for rule in self.rules:
            if not rule.enabled:
                continue
            try:
                for hit in rule.check_type.run(facts, claims, rule.settings):
                    key = (rule.id, hit.start, hit.end)
                    if key not in seen:
                        seen.add(key)
                        findings.append(finding(rule, hit, document))
            except RuleFailure as failure:  # the rule's findings so far stand; it stops here
                findings.append(rule_error(rule, failure, document))
        known = [*(r.id for r in self.rules), RULE_ERROR]
        return suppressions.apply(document, findings, known)
