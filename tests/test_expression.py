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


BOUNDED = """\
id: bounded
check: expression
severity: info
message: "{claim}"
description: A rule whose condition is hostile or broken.
help: None.
params:
  claim: {kind: date}
  when: "WHEN"
examples:
  - {expect: fails, date: 2023-05-10, text: "We met on 3 May 2023."}
  - {expect: passes, date: 2023-05-10, text: "Nothing here."}
"""


def _evaluate(tmp_path: Path, rule_text: str, text: str) -> list[Any]:
    path = tmp_path / "bounded.yaml"
    path.write_text(rule_text, encoding="utf-8")
    document = from_text(text, release_date=None)
    return RuleSet([load_file(path)]).evaluate(document, claims_of(document))


@pytest.mark.parametrize(
    ("when", "problem"),
    [
        ("max([[1]*99999]*99999) == 1", "a list of more than 10,000 items"),
        ("max([[1]*9999]*9999) == 1", "too large a value"),
        ("len('ab' * 10000000) > 1", "too large a value"),
        ("min([]) == 1", "ValueError: min() arg is an empty sequence"),
        ("1 / (claim.start - claim.start) > 0", "ZeroDivisionError"),
        ("claim.text + 1 == 2", "TypeError"),
    ],
)
def test_a_failing_expression_is_a_rule_error_not_silence(
    tmp_path: Path, when: str, problem: str
) -> None:
    began = time.monotonic()
    found = _evaluate(tmp_path, BOUNDED.replace("WHEN", when), "We met on 3 May 2023.")
    assert time.monotonic() - began < 10  # a bound, not a benchmark: it used to run for ever
    [failure] = found
    assert failure.rule == "rule-error" and failure.severity == "error"
    assert "rule 'bounded' failed" in failure.message and problem in failure.message
    assert failure.text == "3 May 2023" and "bounded.yaml:1" in (failure.help or "")


def test_numbers_built_value_by_value_are_bounded(tmp_path: Path) -> None:
    values = "".join(f'    v{i}: "v{i - 1} * v{i - 1}"\n' for i in range(1, 40))
    rule = BOUNDED.replace(
        '  when: "WHEN"\n', f'  values:\n    v0: "claim.start + 99"\n{values}  when: "v39 > 0"\n'
    )
    [failure] = _evaluate(tmp_path, rule, "We met on 3 May 2023.")
    assert "a number larger than 4096 bits" in failure.message


def test_a_missing_value_is_no_finding_and_no_rule_error(tmp_path: Path) -> None:
    for when in (
        "claim.number > 5",
        "days_between(release, claim.date) > 0",
        "claim.readings[3].order == 'DMY'",
    ):
        assert _evaluate(tmp_path, BOUNDED.replace("WHEN", when), "We met on 3 May 2023.") == []


def test_a_rule_that_runs_past_its_budget_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.checks import expression as check

    monkeypatch.setattr(check, "BUDGET", -1.0)
    [failure] = _evaluate(
        tmp_path, BOUNDED.replace("WHEN", "claim.start >= 0"), "We met on 3 May 2023."
    )
    assert "ran for more than" in failure.message


def test_pair_any_judges_each_claim_with_its_nearest_others_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.checks import expression as check

    path = tmp_path / "pairs.yaml"
    path.write_text(PAIRS.replace("PAIR", "any").replace("kind: age", "kind: date")
                    .replace("true_", "claim.text == 'never'"), "utf-8")  # fmt: skip
    rule = load_file(path)
    text = " ".join(f"Day {n} was {1 + n % 28} May {1900 + n % 120}." for n in range(612))
    document = from_text(text, release_date=None)
    claims = claims_of(document)
    dates = [c for c in claims if c.kind == "date"]
    assert len(dates) >= 600
    judged = 0
    real = check._Program.judge

    def counted(self: Any, claim: Claim, other: Claim | None) -> Any:
        nonlocal judged
        judged += 1
        return real(self, claim, other)

    monkeypatch.setattr(check._Program, "judge", counted)
    assert RuleSet([rule]).evaluate(document, claims) == []
    assert judged <= check.PARTNERS * len(dates)  # linear: it was len(dates) ** 2


def test_nearest_takes_the_closest_others_on_both_sides() -> None:
    from checker.checks.expression import Nearest

    claims = [
        CLAIM.model_copy(update={"id": f"c{i}", "start": 10 * i, "end": 10 * i + 5})
        for i in range(10)
    ]
    around = Nearest(list(reversed(claims))).around(claims[5], count=4)
    assert [c.id for c in around] == ["c3", "c4", "c6", "c7"]
    assert [c.id for c in Nearest(claims).around(claims[0], count=3)] == ["c1", "c2", "c3"]
