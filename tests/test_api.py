"""The Python API: check_text and load_rules give what the command line gives, and pickle."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker.archive import check_record, parse_line
from checker.report import json as json_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
TEXT = "date 2022-10-08 The officials met in Brussels today (07/10). Founded in 2012, it is in its ninth year."


def test_check_text_gives_the_document_of_factcheck_check() -> None:
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", str(EXAMPLE)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    expected = json.loads(proc.stdout)["documents"][0]
    report = checker.check_text(EXAMPLE.read_text(encoding="utf-8"), path=str(EXAMPLE))
    assert json_report.document_object(report.documents[0]) == expected
    assert report.summary.documents == 1


def test_the_date_is_an_input_as_a_date_or_as_text() -> None:
    given = checker.check_text("We met on Friday, 7 October.", datetime.date(2022, 10, 8))
    assert given.documents[0].date == "2022-10-08"
    assert given.documents[0].date_source == "--date"
    assert checker.check_text("We met on Friday, 7 October.", "2022-10-08") == given
    assert checker.check_text(TEXT).documents[0].date_source == "header line"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: checker.check_text("x", "2022-13-01"),
            "<text>: release date '2022-13-01' is not a date",
        ),
        (lambda: checker.check_text("x", date_order="YMD"), "date order 'YMD' is not DMY or MDY"),
        (lambda: checker.check_text(b"x"), "text is bytes, not str"),  # type: ignore[arg-type]
        (
            lambda: checker.load_rules(settings={"weekday-mismatsh": "off"}),
            "did you mean 'weekday-mismatch'?",
        ),
        (
            lambda: checker.load_rules(settings={"weekday-mismatch": "loud"}),
            "'loud' is not one of off",
        ),
        (lambda: checker.load_rules(["no/such/folder"]), "no/such/folder: no such folder of rules"),
    ],
)
def test_bad_input_is_an_input_error_with_one_line(call: object, message: str) -> None:
    with pytest.raises(checker.InputError) as raised:
        call()  # type: ignore[operator]
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_settings_turn_a_rule_off_or_change_its_severity() -> None:
    found = {f.rule: f.severity for f in checker.check_text(TEXT).documents[0].findings}
    assert found, "the text has findings to change"
    rule = next(iter(found))
    other = "info" if found[rule] != "info" else "error"
    changed = checker.check_text(TEXT, rules=checker.load_rules(settings={rule: other}))
    assert {f.rule: f.severity for f in changed.documents[0].findings}[rule] == other
    off = checker.check_text(TEXT, rules=checker.load_rules(settings={rule: "off"}))
    assert rule not in {f.rule for f in off.documents[0].findings}


def test_rules_and_reports_pickle_and_work_after() -> None:
    rules = checker.load_rules(settings={"tense-mismatch": "info"})
    copied = pickle.loads(pickle.dumps(rules))
    assert [(r.id, r.severity, r.enabled, r.source) for r in copied.rules] == [
        (r.id, r.severity, r.enabled, r.source) for r in rules.rules
    ]
    report = checker.check_text(TEXT, rules=copied)
    assert report == checker.check_text(TEXT, rules=rules)
    assert pickle.loads(pickle.dumps(report)) == report


def test_importing_checker_imports_neither_the_api_nor_the_pipeline() -> None:
    code = "import sys, checker; print(sorted(m for m in sys.modules if m.startswith(('checker.', 'pydantic'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_archive_record_that_cannot_be_checked_is_a_line_saying_why() -> None:
    rules = checker.load_rules()
    assert check_record({"path": "a", "text": TEXT, "date": "2022-02-30"}, rules) == {
        "path": "a", "problem": "a: release date '2022-02-30' is not a date (give YYYY-MM-DD)"
    }  # fmt: skip
    assert check_record({"id": 7}, rules)["problem"] == "7: the record has no text (a 'text' field)"
    assert "not a JSON line" in check_record(parse_line("{oops"), rules)["problem"]
    assert "not a JSON object" in check_record(parse_line("[1]"), rules)["problem"]
    checked = check_record({"path": "b", "text": TEXT, "date": float("nan")}, rules)
    assert checked["date_source"] == "header line" and checked["claims"] == []
