"""Suppression comments: on the line or the line before, for the file, and reports of unused ones."""

from __future__ import annotations

import pytest

from checker.document import from_text
from checker.engine import RuleSet, load_rules
from checker.models import Finding
from checker.pipeline import claims_of

HEAD = "date 2023-03-14\n\n"
WRONG = "The conference opens on Tuesday, 20 April 2023."


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules([])


def findings(rules: RuleSet, body: str) -> list[Finding]:
    document = from_text(HEAD + body)
    return rules.evaluate(document, claims_of(document))


def rule_ids(found: list[Finding]) -> list[str]:
    return [f.rule for f in found]


def test_without_a_comment_the_finding_stands(rules: RuleSet) -> None:
    assert rule_ids(findings(rules, WRONG)) == ["weekday-mismatch"]


@pytest.mark.parametrize(
    "body",
    [
        f"{WRONG} <!-- factcheck: ignore weekday-mismatch -- the venue confirmed Tuesday -->",
        f"<!-- factcheck: ignore weekday-mismatch -- known -->\n{WRONG}",
        f"<!-- factcheck: ignore weekday-mismatch -->\n{WRONG}",
        f"<!--factcheck:ignore invalid-date, weekday-mismatch--both-->\n{WRONG} Not 31 April 2023.",
        f"Intro.\n\n<!-- factcheck: ignore-file weekday-mismatch -- the whole file -->\n\nMore.\n\n{WRONG}",
    ],
)
def test_a_suppression_on_the_line_the_line_before_or_the_file(rules: RuleSet, body: str) -> None:
    assert rule_ids(findings(rules, body)) == []


def test_two_lines_above_is_too_far_and_the_comment_is_reported(rules: RuleSet) -> None:
    body = f"<!-- factcheck: ignore weekday-mismatch -- too far -->\n\n{WRONG}"
    found = findings(rules, body)
    assert sorted(rule_ids(found)) == ["unused-suppression", "weekday-mismatch"]
    [unused] = [f for f in found if f.rule == "unused-suppression"]
    assert unused.severity == "info" and unused.line == 3 and unused.column == 1
    assert unused.text.startswith("<!-- factcheck: ignore weekday-mismatch")
    assert unused.message == "this suppression of 'weekday-mismatch' suppresses nothing"


def test_each_id_of_a_comment_must_be_used(rules: RuleSet) -> None:
    body = f"{WRONG} <!-- factcheck: ignore weekday-mismatch, invalid-date -- x -->"
    found = findings(rules, body)
    assert [(f.rule, f.message) for f in found] == [
        ("unused-suppression", "this suppression of 'invalid-date' suppresses nothing")
    ]


def test_an_unknown_rule_id_is_reported_with_the_nearest(rules: RuleSet) -> None:
    body = f"{WRONG} <!-- factcheck: ignore weekday-missmatch -- typo -->"
    found = findings(rules, body)
    assert sorted(rule_ids(found)) == ["unused-suppression", "weekday-mismatch"]
    [unknown] = [f for f in found if f.rule == "unused-suppression"]
    assert unknown.message == (
        "unknown rule 'weekday-missmatch' in a suppression (did you mean 'weekday-mismatch'?)"
    )


def test_unused_suppression_reports_can_themselves_be_ignored(rules: RuleSet) -> None:
    body = "<!-- factcheck: ignore-file unused-suppression -- templates -->\nIntro.\n<!-- factcheck: ignore weekday-mismatch -->\nClean."
    assert findings(rules, body) == []


def test_comments_that_are_not_for_factcheck_are_left_alone(rules: RuleSet) -> None:
    body = f"<!-- a note -->\n<!-- factcheck is great -->\n{WRONG}"
    assert rule_ids(findings(rules, body)) == ["weekday-mismatch"]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- factcheck: disable weekday-mismatch -->",
         "unknown factcheck directive 'disable': it is ignore, ignore-file, off or on"),
        ("<!-- factcheck: ignor weekday-mismatch -->", "unknown factcheck directive 'ignor' (did you mean 'ignore'?)"),
        ("<!-- factcheck: something else -->", "unknown factcheck directive 'something'"),
        ("<!-- factcheck: ignore -->", "'factcheck: ignore' names no rule id"),
        ("<!-- factcheck: ignore weekday-mismatch because -->", "cannot read 'factcheck: ignore weekday-mismatch because'"),
        ("<!-- factcheck: on -->", "'factcheck: on' without an 'off' before it"),
    ],
)  # fmt: skip
def test_an_unknown_directive_is_reported_not_ignored(
    rules: RuleSet, comment: str, message: str
) -> None:
    found = findings(rules, f"{comment}\n{WRONG}")
    assert "weekday-mismatch" in rule_ids(found)
    [reported] = [f for f in found if f.rule == "unused-suppression"]
    assert reported.severity == "info" and message in reported.message and reported.line == 3


def test_a_block_between_off_and_on(rules: RuleSet) -> None:
    inside = (
        f"<!-- factcheck: off -- a quoted programme -->\n{WRONG}\nMore.\n<!-- factcheck: on -->"
    )
    assert findings(rules, f"{inside}\n\nAfter: {WRONG}")[0].line == 8
    assert rule_ids(findings(rules, inside)) == []
    named = f"<!-- factcheck: off weekday-mismatch -->\n{WRONG}\n<!-- factcheck: on -->"
    assert rule_ids(findings(rules, named)) == []
    other = f"<!-- factcheck: off invalid-date -->\n{WRONG}\n<!-- factcheck: on -->"
    assert sorted(rule_ids(findings(rules, other))) == ["unused-suppression", "weekday-mismatch"]


def test_an_unclosed_block_runs_to_the_end_and_an_empty_one_is_reported(rules: RuleSet) -> None:
    assert findings(rules, f"<!-- factcheck: off -->\nIntro.\n\n{WRONG}") == []
    [empty] = findings(rules, "<!-- factcheck: off -->\nClean.\n<!-- factcheck: on -->")
    assert empty.message == "this 'factcheck: off' block suppresses nothing"
