"""Configuration: .factcheck.yaml and [tool.factcheck], found upward, validated at file and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import config
from checker.cli import main

WEEKDAY = "date 2023-03-14 The forum meets on Tuesday, 20 April 2023.\n"


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    config.find.cache_clear()
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def _rules(data: dict[str, object]) -> list[tuple[str, str]]:
    documents = data["documents"]
    assert isinstance(documents, list)
    return [(f["rule"], f["severity"]) for d in documents for f in d["findings"]]


def test_a_rule_turned_off_and_a_severity_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_text("rules:\n  weekday-mismatch: warning\n")
    status, data = _check(capsys, str(tmp_path / "release.txt"))
    assert _rules(data) == [("weekday-mismatch", "warning")] and status == 0
    (tmp_path / ".factcheck.yaml").write_text("rules:\n  weekday-mismatch: off\n")  # YAML: false
    status, data = _check(capsys, str(tmp_path / "release.txt"))
    assert _rules(data) == [] and status == 0


def test_found_upward_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "press" / "2023").mkdir(parents=True)
    (tmp_path / "press" / "2023" / "release.txt").write_text(WEEKDAY)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail-on = "never"\n\n[tool.factcheck.rules]\nweekday-mismatch = "error"\n'
    )
    status, data = _check(capsys, str(tmp_path / "press"))
    assert _rules(data) == [("weekday-mismatch", "error")] and status == 0
    status, _ = _check(capsys, "--fail-on", "error", str(tmp_path / "press"))
    assert status == 1  # the command line wins over the configuration


def test_date_order_and_overrides_by_glob(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("us", "eu"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "release.txt").write_text("date 2022-10-08 Signed on 03/04/2022.\n")
    (tmp_path / ".factcheck.yaml").write_text(
        "locale: en-GB\noverrides:\n  - paths: ['us/*']\n    locale: en-US\n"
    )
    config.find.cache_clear()
    assert main(["claims", "--format", "json", str(tmp_path / "eu"), str(tmp_path / "us")]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    values = {Path(d["path"]).parent.name: d["claims"][0]["value"] for d in documents}
    assert values == {"eu": "2022-04-03", "us": "2022-03-04"}


def test_a_pack_relative_to_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = Path(__file__).resolve().parent.parent / "rules" / "examples"
    (tmp_path / "house").mkdir()
    for rule in examples.glob("*.yaml"):
        (tmp_path / "house" / rule.name).write_text(rule.read_text())
    (tmp_path / "release.txt").write_text("date 2020-01-01 The club, founded in 2024, met.\n")
    (tmp_path / ".factcheck.yaml").write_text("packs: [house]\n")
    _, data = _check(capsys, str(tmp_path / "release.txt"))
    assert "future-origin" in [rule for rule, _ in _rules(data)]
    (tmp_path / ".factcheck.yaml").write_text("packs: []\n")
    _, data = _check(capsys, str(tmp_path / "release.txt"))
    assert "future-origin" not in [rule for rule, _ in _rules(data)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules:\n  weekday-mismach: 'off'\n",
            "unknown rule 'weekday-mismach' in rules (did you mean 'weekday-mismatch'?)",
        ),
        ("fail_on: warning\n", ":1: unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ("rules:\n  weekday-mismatch: loud\n", ":2: rules.weekday-mismatch 'loud' is not one of"),
        ("a: &x [1]\nb: *x\n", "aliases are not allowed"),
        ("- just\n- a list\n", "a configuration is a mapping"),
    ],
)
def test_bad_configuration_is_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_text(text)
    config.find.cache_clear()
    assert main(["check", str(tmp_path / "release.txt")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and ".factcheck.yaml" in err


def test_bad_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck\n")
    config.find.cache_clear()
    assert main(["check", str(tmp_path / "release.txt")]) == 2
    assert "pyproject.toml: not valid TOML" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"rules:\n  weekday-mismatch: \xff\n", ".factcheck.yaml:2: not UTF-8 text"),
        (b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", "not valid YAML: nested too deeply"),
        (b"rules:\n  weekday-mismatch: warning\n  weekdy-mismatch: off\n", ".yaml:3: unknown rule"),
        (b"locale: fr-FR\n", ":1: locale: 'fr-FR' is not an English locale"),
        (b"locale: xyz\n", "'xyz' is not an English locale"),
        (b"packs: [../elsewhere]\n", ":1: pack '../elsewhere' lies outside the project"),
        (b"overrides:\n  - paths: ['/srv/press/*.txt']\n", ":2: overrides[0].paths[0]: '/srv"),
        (b"overrides:\n  - paths: ['us/[ab']\n", "'us/[ab' has an unclosed ["),
        (b"overrides:\n  - paths: ['../*.txt']\n", "reaches outside the configuration's folder"),
        (b"overrides:\n  - paths: ['']\n", "an empty glob matches nothing"),
        (b"overrides:\n  - paths: ['a/***']\n", "'a/***' is not a glob"),
        (b"overrides:\n  - paths: ['x']\n    locale: de-DE\n", ":3: overrides[0].locale"),
    ],
)
def test_a_configuration_that_cannot_be_used_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, message: str
) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_bytes(raw)
    config.find.cache_clear()
    assert main(["check", str(tmp_path / "release.txt")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err, err


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"tool = 5\n", "pyproject.toml: 'tool' is not a table"),
        (b"[tool]\nfactcheck = 5\n", "'tool.factcheck' is not a table"),
        (b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n", "not valid TOML: nested too deeply"),
        (b'[tool.factcheck]\nfail-on = "\xff"\n', "pyproject.toml:2: not UTF-8 text"),
    ],
)
def test_a_pyproject_that_cannot_be_used_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, message: str
) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / "pyproject.toml").write_bytes(raw)
    config.find.cache_clear()
    assert main(["check", str(tmp_path / "release.txt")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err


def test_an_unreadable_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "release.txt").write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_text("fail-on: never\n")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == ".factcheck.yaml":  # as root, chmod 000 would not stop the read
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    config.find.cache_clear()
    assert main(["check", str(tmp_path / "release.txt")]) == 2
    assert ".factcheck.yaml: cannot be read (Permission denied)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("glob", "flagged"),
    [
        ("**/*.txt", []),  # every depth, the top level too
        ("us/*.txt", ["top.txt", "us/sub/deep.txt"]),  # that folder only, not below it
        ("us/**", ["top.txt"]),
        ("*.txt", []),  # gitignore: a name without a slash matches at any depth
        ("/top.txt", None),  # absolute: refused
    ],
)
def test_override_globs_have_gitignore_semantics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], glob: str, flagged: list[str] | None
) -> None:
    for name in ("top.txt", "us/a.txt", "us/sub/deep.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_text(
        f"overrides:\n  - paths: ['{glob}']\n    rules: {{weekday-mismatch: 'off'}}\n"
    )
    config.find.cache_clear()
    status = main(["check", "--format", "json", str(tmp_path)])
    captured = capsys.readouterr()
    if flagged is None:
        assert status == 2 and "absolute path" in captured.err
        return
    documents = json.loads(captured.out)["documents"]
    found = [Path(d["path"]).relative_to(tmp_path).as_posix() for d in documents if d["findings"]]
    assert found == flagged


def test_english_locales_are_accepted_in_any_spelling() -> None:
    for spelling in ("en-US", "en_us", "EN-GB", "en", "en-001"):
        assert config.Config.model_validate({"locale": spelling}).locale is not None
    assert (
        config.date_order_of(None, config.Config.model_validate({"locale": "en_us"}).locale)
        == "MDY"
    )
