"""The SARIF report validates against the SARIF 2.1.0 JSON schema in ../shared/schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_report_formats import RULES, finding, sample, single

from checker.report import sarif

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the `test` extra")


def validator(shared: Path) -> Any:
    """A validator of whole SARIF logs.

    The stored schema keeps the log's own rules in `definitions/Root` and nothing at its root
    (so that on its own it accepts anything); the validator applies Root to the log.
    """
    schema: dict[str, Any] = json.loads(
        (shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    if "Root" in schema.get("definitions", {}):
        schema = schema | {"allOf": [{"$ref": "#/definitions/Root"}]}
    return jsonschema.validators.validator_for(schema)(schema)


def problems(log: object, shared: Path) -> list[str]:
    """What the schema finds wrong with a log, each with its path."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(shared).iter_errors(log)]


def validate(rendered: str, shared: Path) -> None:
    """Every error the schema finds, listed in the assertion message."""
    found = problems(json.loads(rendered), shared)
    assert not found, "\n".join(found)


def test_the_validator_rejects_a_bad_log(shared: Path) -> None:
    region = {"startLine": 0}
    result = {"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": region}}]}
    run = {"tool": {"driver": {"name": "x"}}, "columnKind": "bytes", "results": [result]}
    found = problems({"version": "2.1.0", "runs": [run], "extra": 1}, shared)
    assert len(found) >= 3, found


def test_the_sample_report_is_valid_sarif(shared: Path) -> None:
    report, texts = sample()
    validate(sarif.render(report, texts, RULES), shared)


def test_stdin_an_unknown_rule_an_empty_span_and_no_findings_are_valid(shared: Path) -> None:
    text = "Say hi.\n"
    hit = finding(text, "custom-rule", "info", "hi", "m [x](1)", suggestion="")
    empty = hit.model_copy(update={"end": hit.start, "text": ""})
    report, texts = single("<stdin>", text, [hit, empty])
    validate(sarif.render(report, texts, []), shared)
    validate(sarif.render(*single("a b.md", "", []), RULES), shared)


def test_every_example_release_gives_valid_sarif(shared: Path) -> None:
    import subprocess
    import sys

    releases = sorted(p for p in (shared / "examples").iterdir() if p.suffix in (".txt", ".md"))
    assert releases
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "sarif", *map(str, releases)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    validate(proc.stdout, shared)
    results = json.loads(proc.stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"anniversary-mismatch", "sum-mismatch"}
