"""The expression language of `check: expression` rules: what it allows, what it refuses, how it runs."""

from __future__ import annotations

import time
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from checker.document import from_text
from checker.engine import RuleSet
from checker.engine import expression as ex
from checker.engine.functions import FUNCTIONS
from checker.engine.loader import load_file
from checker.errors import InputError
from checker.models import CalendarDate, Claim, Reading
from checker.pipeline import claims_of

NAMES = {"claim", "other", "release"}
CLAIM = Claim(
    id="c2", kind="date", text="07/10", start=0, end=5, value="2022-10-07",
    date=CalendarDate(year=2022, month=10, day=7),
    readings=(Reading(order="DMY", date=CalendarDate(year=2022, month=10, day=7)),
              Reading(order="MDY", date=CalendarDate(year=2022, month=7, day=10))),
)  # fmt: skip


def run(source: str, **names: Any) -> Any:
    data = {"claim": ex.claim_data(CLAIM), "other": None, "release": "2022-10-08", **names}
    return ex.evaluate(ex.check(source, NAMES | set(names)), source, data)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("claim.date", "2022-10-07"),
        ("claim.readings[1].date", "2022-07-10"),
        ("claim.readings[1].order == 'MDY'", True),
        ("len(claim.readings)", 2),
        ("years_between('2012-07', release) + 1", 11),
        ("months_between('2012-07', release)", 123),
        ("days_between(claim.date, release)", 1),
        ("weekday('2023-04-20')", 3),
        ("weekday_name(weekday('2023-04-20'))", "Thursday"),
        ("date(2012, 7)", "2012-07"),
        ("earliest('2012')", "2012-01-01"),
        ("latest('2024-02')", "2024-02-29"),
        ("year(claim.date)", 2022),
        ("precision('2012-07')", "month"),
        ("valid('2023-04-31')", False),
        ("ordinal_word(11)", "eleventh"),
        ("max(1, claim.date == release) + abs(-2)", 3),
        ("claim.kind in ('date', 'relative') and not claim.weekday", True),
        ("'early' if claim.number is None else 'late'", "early"),
        ("round(2.456, 1)", 2.5),
        ("claim.text[:2]", "07"),
    ],
)
def test_expressions_over_frozen_claim_data(source: str, value: object) -> None:
    assert run(source) == value


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("__import__('os')", "name '__import__' is not allowed"),
        ("__import__('os').system('true')", "only the listed functions may be called"),
        ("().__class__.__bases__", "attribute '__bases__' is not allowed"),
        ("claim.__class__", "attribute '__class__' is not allowed"),
        ("claim._private", "attribute '_private' is not allowed"),
        ("9**9**9", "the operator ** is not supported"),
        ("1 << 100000000", "bitwise operators are not supported"),
        ("lambda: 1", "lambda is not allowed"),
        ("[x for x in claim.parts]", "comprehensions are not supported"),
        ("(x := 1)", "assignment is not allowed"),
        ("f'{claim}'", "f-strings are not supported"),
        ("{1: 2}", "dict literals are not supported"),
        ("claim.text.upper()", "only the listed functions may be called"),
        ("open('/etc/passwd')", "unknown function 'open'"),
        ("eval('1')", "unknown function 'eval'"),
        ("yeras_between(claim.date, release)", "unknown function 'yeras_between' (did you mean 'years_between'?)"),
        ("claim.nubmer > 1", "unknown field 'nubmer' (did you mean 'number'?)"),
        ("clam.number", "unknown name 'clam' (did you mean 'claim'?)"),
        ("min", "unknown name 'min'"),
        ("max(key=len)", "'max' takes no keyword arguments"),
        ("max(*claim.parts)", "* unpacking is not supported"),
        ("claim.number >", "is not valid"),
        ("1; 2", "is not valid"),
        ("b'x'", "constant b'x' is not supported"),
        ("1j", "constant 1j is not supported"),
        ("1 +" + " 1 +" * 400 + " 1", "longer than 1000 characters"),
    ],
)  # fmt: skip
def test_hostile_or_malformed_expressions_are_refused_when_checked(
    source: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        ex.check(source, NAMES)
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    "source",
    [
        "'a' * 1000000000",
        "'%999999999d' % 1",
        "round(10, -10000000)",
        "claim.number + 1",
        "claim.readings[5]",
        "years_between('not a date', release)",
        "earliest('2023-04-31')",
        "1 / 0",
        "ordinal_word(claim.text)",
        "weekday_name(99)",
    ],
)
def test_what_fails_while_running_fails_quickly_and_safely(source: str) -> None:
    began = time.monotonic()
    with pytest.raises(ex.ExpressionError):
        run(source)
    assert time.monotonic() - began < 1


def test_claim_data_is_frozen_and_primitive() -> None:
    data = ex.claim_data(CLAIM)
    assert isinstance(data, MappingProxyType)
    with pytest.raises(TypeError):
        data["text"] = "x"  # type: ignore[index]
    assert isinstance(data["readings"], tuple) and isinstance(data["readings"][0], MappingProxyType)
    assert data["date"] == "2022-10-07" and data["parts"] == ()


def test_every_function_is_plain_and_named() -> None:
    assert {
        "years_between",
        "months_between",
        "weekday",
        "date",
        "abs",
        "min",
        "max",
        "len",
    } <= set(FUNCTIONS)
    assert "eval" not in FUNCTIONS and "open" not in FUNCTIONS and "getattr" not in FUNCTIONS


RULE = """\
id: year-count
check: expression
severity: warning
message: "'{claim}': {origin_year} makes it the {expected} year"
description: An ordinal year against an origin given to the day.
help: Count the whole years and add one.
params:
  claim: {kind: ordinal, unit: year}
  other: {kind: origin, where: "precision(claim.date) == 'day'"}
  pair: same-subject
  values:
    origin_year: "year(other.date)"
    expected: "ordinal_word(years_between(other.date, release) + 1)"
  when: "ordinal_word(claim.number) != expected"
  suggestion: "in its {expected} year"
examples:
  - expect: fails
    date: 2022-10-08
    text: The Forum, founded on 1 July 2012, is now in its ninth year.
  - expect: passes
    date: 2022-10-08
    text: The Forum, founded on 1 July 2012, is now in its eleventh year.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "year-count.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pair_rule_runs_on_claims_of_the_same_subject(tmp_path: Path) -> None:
    rule = load_file(write(tmp_path, RULE))
    document = from_text(rule.examples[0].text)
    document.release_date = None
    assert (
        RuleSet([rule]).evaluate(document, claims_of(document)) == []
    )  # no release date: no finding
    for example in rule.examples:
        document = from_text(example.text, release_date=example.date)
        findings = RuleSet([rule]).evaluate(document, claims_of(document))
        assert bool(findings) == (example.expect == "fails")
    document = from_text(rule.examples[0].text, release_date=rule.examples[0].date)
    [finding] = RuleSet([rule]).evaluate(document, claims_of(document))
    assert finding.message == "'now in its ninth year': 2012 makes it the eleventh year"
    assert finding.suggestion == "in its eleventh year"
    assert finding.help == "origin_year = 2012; expected = eleventh"
    assert [r.text for r in finding.related] == ["founded on 1 July 2012"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('when: "ordinal_word(claim.number) != expected"', 'when: "claim.nubmer != expected"',
         "year-count.yaml:14: params.when: unknown field 'nubmer' (did you mean 'number'?)"),
        ('when: "ordinal_word(claim.number) != expected"', 'when: "().__class__.__bases__[0].__subclasses__()"',
         "year-count.yaml:14: params.when: only the listed functions may be called"),
        ('when: "ordinal_word(claim.number) != expected"', 'when: "9**9**9"',
         "year-count.yaml:14: params.when: the operator ** is not supported"),
        ('    origin_year: "year(other.date)"', '    origin_year: "__import__(\'os\')"',
         "year-count.yaml:11: params.values: origin_year: name '__import__' is not allowed"),
        ("where: \"precision(claim.date) == 'day'\"", 'where: "other.date"',
         "year-count.yaml:9: params.other.where: unknown name 'other'"),
        ('  suggestion: "in its {expected} year"', '  suggestion: "in its {expected.__class__} year"',
         "year-count.yaml:15: params.suggestion: unknown name '{expected.__class__}'"),
        ('message: "\'{claim}\': {origin_year} makes it the {expected} year"', 'message: "{nope}"',
         "year-count.yaml:4: message: unknown name '{nope}'"),
        ("  pair: same-subject", "  pair: same-thing", "year-count.yaml:10: params.pair 'same-thing' is not one of"),
        ("  claim: {kind: ordinal, unit: year}", "  claim: {kind: ordinals, unit: year}", "year-count.yaml:8: params.claim.kind 'ordinals' is not one of"),
        ("  claim: {kind: ordinal, unit: year}", "  claim: {knd: ordinal}", "year-count.yaml:8: unknown key 'knd' (did you mean 'kind'?)"),
    ],
)  # fmt: skip
def test_bad_expressions_are_input_errors_with_file_and_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in RULE
    with pytest.raises(InputError) as caught:
        load_file(write(tmp_path, RULE.replace(old, new, 1)))
    assert expected in caught.value.line()
    assert "\n" not in caught.value.line()


PAIRS = """\
id: pairs
check: expression
severity: info
message: "{claim} / {other}"
description: Pairs claims.
help: None.
params:
  claim: {kind: age}
  other: {kind: date}
  pair: PAIR
  when: "true_"
examples:
  - {expect: fails, date: 2023-05-10, text: "Maria Lopez, 52, spoke on 3 May 2023."}
  - {expect: passes, date: 2023-05-10, text: "Nothing here."}
"""


@pytest.mark.parametrize(
    ("pair", "expected"),
    [("same-sentence", ["52 / 3 May 2023"]), ("any", ["52 / 3 May 2023"]), ("same-subject", [])],
)  # fmt: skip
def test_pairs_by_sentence_or_any(tmp_path: Path, pair: str, expected: list[str]) -> None:
    path = tmp_path / "pairs.yaml"
    path.write_text(PAIRS.replace("PAIR", pair).replace("true_", "claim.number > 18"), "utf-8")
    rule = load_file(path)
    text = "Maria Lopez, 52, spoke on 3 May 2023. The next meeting is on 4 June 2023."
    document = from_text(text, release_date=None)
    found = RuleSet([rule]).evaluate(document, claims_of(document))
    assert [f.message for f in found] == expected  # one finding per claim: its first pair
