"""The rule engine: rule files, their errors with file and line, the rule set, the rules report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from checker.cli import main
from checker.document import from_text
from checker.engine import RuleSet, load_rules
from checker.engine.loader import load_file
from checker.errors import InputError
from checker.pipeline import claims_of
from checker.report.rules import explain, listing

VALID = """\
id: my-rule
check: weekday
severity: error
message: "{date} is a {actual}, not a {named}"
description: A weekday that does not fit its date.
help: Fix the weekday or the date.
examples:
  - expect: fails
    date: 2023-03-14
    flags: Tuesday, 20 April 2023
    text: The conference takes place on Tuesday, 20 April 2023.
  - expect: passes
    date: 2023-03-14
    text: The conference takes place on Thursday, 20 April 2023.
"""


def write(folder: Path, text: str, name: str = "my-rule.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problem(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_file(path)
    return caught.value.line()


def test_a_valid_rule_loads_with_its_params_and_source(tmp_path: Path) -> None:
    rule = load_file(write(tmp_path, VALID))
    assert rule.id == "my-rule" and rule.check_type.name == "weekday"
    assert rule.source.endswith("my-rule.yaml:1")
    assert len(rule.examples) == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("severity: error", "severty: error", "my-rule.yaml:3: unknown key 'severty' (did you mean 'severity'?)"),
        ("severity: error", "severity: fatal", "my-rule.yaml:3: severity 'fatal' is not one of 'error', 'warning' or 'info'"),
        ("check: weekday", "check: weekdy", "my-rule.yaml:2: unknown check type 'weekdy' (did you mean 'weekday'?)"),
        ("help: Fix the weekday or the date.\n", "", "my-rule.yaml:1: missing key 'help'"),
        ("id: my-rule", "id: My Rule", "my-rule.yaml:1: id 'My Rule' is not lower-case words joined by hyphens"),
        ("id: my-rule", "id: other-rule", "rule id 'other-rule' differs from the file name 'my-rule.yaml'"),
        ('"{date} is a {actual}, not a {named}"', '"{date} is a {actul}"', "my-rule.yaml:4: message: unknown name '{actul}' in the template (did you mean 'actual'?)"),
        ('"{date} is a {actual}, not a {named}"', '"{date.__class__}"', "my-rule.yaml:4: message: unknown name '{date.__class__}'"),
        ('"{date} is a {actual}, not a {named}"', '"{date:>99999999}"', "my-rule.yaml:4: message: '{date}' has a format spec"),
        ("    flags: Tuesday, 20 April 2023\n", "    flag: Tuesday\n", "my-rule.yaml:10: unknown key 'flag' (did you mean 'flags'?)"),
        ("  - expect: passes", "  - expect: pass", "my-rule.yaml:12: examples[1].expect 'pass' is not one of 'fails' or 'passes'"),
        ("  - expect: passes", "  - expect: fails", "a rule needs at least one `fails` and one `passes` example"),
        ("flags: Tuesday, 20 April 2023", "flags: Friday", "'flags' 'Friday' is not in the example's text"),
        ("check: weekday\n", "check: weekday\nparams:\n  yearles: false\n", "my-rule.yaml:4: unknown key 'yearles' (did you mean 'yearless'?)"),
        ("check: weekday\n", "check: weekday\nparams:\n  yearless: maybe\n", "my-rule.yaml:4: params.yearless: Input should be a valid boolean"),
    ],
)  # fmt: skip
def test_a_bad_rule_file_names_the_file_the_line_and_the_key(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    assert expected in problem(write(tmp_path, VALID.replace(old, new, 1)))


def test_yaml_syntax_errors_give_their_line(tmp_path: Path) -> None:
    text = VALID.replace("help: Fix the weekday or the date.", "help: [unclosed")
    line = problem(write(tmp_path, text))
    assert "my-rule.yaml:7: not valid YAML" in line


def test_an_alias_bomb_is_one_line_and_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    line = problem(write(tmp_path, bomb))
    assert "\n" not in line and "aliases are not allowed" in line and "my-rule.yaml:2" in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- just\n- a list\n", "a rule file is a mapping of keys"),
        ("", "a rule file is a mapping of keys"),
        ("[" * 5000, "not valid YAML"),
        ("a: \x00", "not valid YAML"),
    ],
)
def test_other_broken_files(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in problem(write(tmp_path, text))


def test_a_duplicate_id_names_both_files(tmp_path: Path) -> None:
    write(tmp_path / "a", VALID)
    write(tmp_path / "b", VALID)
    with pytest.raises(InputError) as caught:
        load_rules([str(tmp_path / "a"), str(tmp_path / "b")])
    assert "duplicate rule id 'my-rule'" in caught.value.line()
    assert "also in" in caught.value.line()


def test_a_core_id_cannot_be_redefined(tmp_path: Path) -> None:
    text = VALID.replace("id: my-rule", "id: weekday-mismatch")
    write(tmp_path, text, "weekday-mismatch.yaml")
    with pytest.raises(InputError, match="duplicate rule id 'weekday-mismatch'"):
        load_rules([str(tmp_path)])


def test_rule_folders_must_exist_and_hold_rules(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        load_rules([str(tmp_path / "missing")])
    with pytest.raises(InputError, match=r"holds no \.yaml rule files"):
        load_rules([str(tmp_path)])


def test_the_cli_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "rules", VALID.replace("severity: error", "severty: error"))
    release = write(tmp_path, "GENEVA, 14 March 2023 – Hello.", "release.txt")
    assert main(["check", "--rules", str(tmp_path / "rules"), str(release)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown key 'severty' (did you mean 'severity'?)" in err


def test_extra_rules_run_beside_the_core(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "rules", VALID)
    release = write(
        tmp_path, "GENEVA, 14 March 2023 – It opens on Tuesday, 20 April 2023.", "r.txt"
    )
    assert (
        main(["check", "--format", "json", "--rules", str(tmp_path / "rules"), str(release)]) == 1
    )
    out = capsys.readouterr().out
    assert '"rule": "my-rule"' in out and '"rule": "weekday-mismatch"' in out


def test_disabled_rules_do_not_run(tmp_path: Path) -> None:
    rule = load_file(write(tmp_path, VALID + "enabled: false\n"))
    document = from_text("It opens on Tuesday, 20 April 2023.", release_date=None)
    assert RuleSet([rule]).evaluate(document, claims_of(document)) == []


def test_findings_carry_line_column_related_and_working() -> None:
    rules = load_rules([])
    text = "date 2022-10-08\n\nIn July 2012, the EU and IOM established a Strategic Cooperation Framework. The EU-IOM Strategic Cooperation Framework is now in its ninth year."
    document = from_text(text)
    [finding] = [
        f for f in rules.evaluate(document, claims_of(document)) if f.rule == "anniversary-mismatch"
    ]
    assert (finding.line, finding.column) == (3, text.index("now in") - text.index("In July") + 1)
    assert finding.text == "now in its ninth year" and finding.severity == "error"
    assert [r.text for r in finding.related] == ["July 2012"]
    assert (
        finding.help
        == "July 2012 → 2022-10-08 is 10 years 2 months to 10 years 3 months: the eleventh year"
    )
    assert finding.suggestion == "now in its eleventh year"
    assert "eleventh" in finding.message


def render(renderable: object, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_the_listing_has_one_line_per_rule() -> None:
    rules = load_rules([])
    out = render(listing(rules), width=80)
    lines = out.splitlines()
    assert len(lines) == len(rules.rules) + 1
    assert any(line.startswith("weekday-mismatch") and " error " in line for line in lines)


def test_explain_gives_description_help_and_examples() -> None:
    out = render(explain(load_rules([]), "weekday-mismatch"))
    for part in (
        "weekday-mismatch · error",
        "What it flags",
        "Why, and what to do",
        "Examples",
        "fails",
        "passes",
        "Tuesday, 20 April 2023",
    ):
        assert part in out


def test_explain_an_unknown_id_suggests_the_nearest() -> None:
    with pytest.raises(InputError) as caught:
        explain(load_rules([]), "weekday-mismatsh")
    assert (
        caught.value.line()
        == "weekday-mismatsh: no such rule (did you mean 'weekday-mismatch'?) (see `factcheck rules`)"
    )


def test_rule_text_is_never_read_as_markup(tmp_path: Path) -> None:
    text = VALID.replace(
        "description: A weekday that does not fit its date.",
        "description: '[bold red]x[/] [link=file:///etc]y'",
    )
    rule = load_file(write(tmp_path, text))
    out = render(explain(RuleSet([rule]), "my-rule"))
    assert "[bold red]x[/] [link=file:///etc]y" in out
