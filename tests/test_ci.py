"""factcheck in CI and in a shell: exit statuses, git refs, broken pipes, workflow commands,
JUnit, applicable fixes, unwrapped output, SIGTERM, and a pack's own examples."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker import batch
from checker.cli import FORMATS, main
from checker.errors import INTERNAL_ERROR

ROOT = Path(__file__).resolve().parent.parent
WEEKDAY = "date 2023-03-14 The forum meets on Tuesday, 20 April 2023.\n"
AGE = "date 2023-05-10 Maria Lopez, 52, was born in 1965. She spoke on 3 May 2023.\n"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def factcheck(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def _repository(folder: Path) -> Path:
    repo = folder / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    (repo / "old.txt").write_text(WEEKDAY)
    _git(repo, "add", "old.txt")
    _git(repo, "commit", "-qm", "first")
    (repo / "new.txt").write_text(WEEKDAY)
    return repo


def test_changed_since_never_passes_an_option_to_git(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    for ref in ("--output=pwned.txt", "-p", "--no-index"):
        proc = factcheck("check", f"--changed-since={ref}", "repo", cwd=tmp_path)
        assert proc.returncode == 2 and "is not a commit" in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1
    assert not list(tmp_path.rglob("pwned.txt"))
    assert sorted(p.name for p in repo.iterdir()) == [".git", "new.txt", "old.txt"]


def test_changed_since_asks_the_repository_of_the_checked_files(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    elsewhere = tmp_path / "elsewhere"  # the current folder is not in any repository
    elsewhere.mkdir()
    proc = factcheck(
        "check", "--format", "json", "--changed-since", "HEAD", str(repo), cwd=elsewhere
    )
    assert proc.returncode == 1, proc.stderr
    assert [Path(d["path"]).name for d in json.loads(proc.stdout)["documents"]] == ["new.txt"]


def test_a_reader_that_goes_away_keeps_the_exit_status(tmp_path: Path) -> None:
    release = tmp_path / "long.txt"
    release.write_text(WEEKDAY + "The forum met on 3 May 2023. " * 3000)
    script = f'"{sys.executable}" -m checker check --format json "{release}" | true; exit ${{PIPESTATUS[0]}}'
    proc = subprocess.run(
        ["bash", "-c", script], env=ENV, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 1 and proc.stderr == "", proc.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_printed_line_is_a_workflow_command_unless_meant(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "::error title=x::y.txt").write_text(
        "date 2023-03-14\n::warning::from the release\n  ::notice::indented\n"
        "The forum meets on Tuesday, 20 April 2023.\r::error::after a CR\n"
    )
    proc = factcheck("check", "--format", fmt, "--show-claims", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = [line.lstrip() for out in (proc.stdout, proc.stderr) for line in out.splitlines()]
    commands = [line for line in lines if line.startswith("::")]
    if fmt == "github":
        assert commands and all(
            c.startswith(("::error file=", "::warning file=", "::notice file=")) for c in commands
        )
        assert all("::error title" not in c.split("::")[1] for c in commands)
    else:
        assert commands == []


def test_junit_fails_a_document_only_at_its_fail_on_and_says_its_time(tmp_path: Path) -> None:
    (tmp_path / "warn.txt").write_text("date 2023-03-14 The ten priorities: water, food and air.\n")
    (tmp_path / "error.txt").write_text(WEEKDAY)
    (tmp_path / ".factcheck.yaml").write_text("rules:\n  weekday-mismatch: warning\n")
    proc = factcheck("check", "--format", "junit", str(tmp_path))
    suite = ET.fromstring(proc.stdout).find("testsuite")
    assert suite is not None and float(suite.get("time", "x")) >= 0
    cases = {Path(c.get("name", "")).name: c for c in suite.findall("testcase")}
    assert all(float(c.get("time", "x")) >= 0 for c in cases.values())
    assert cases["error.txt"].find("failure") is None  # a warning, below --fail-on error
    assert "weekday-mismatch" in (cases["error.txt"].findtext("system-out") or "")
    assert suite.get("failures") == "0" and proc.returncode == 0
    proc = factcheck("check", "--format", "junit", "--fail-on", "warning", str(tmp_path))
    failed = ET.fromstring(proc.stdout).find("testsuite/testcase[failure]")
    assert failed is not None and failed.get("name", "").endswith("error.txt")


@pytest.mark.parametrize("fmt", ["sarif", "rdjsonl"])
def test_a_suggestion_with_alternatives_is_no_fix(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "age.txt").write_text(AGE)
    proc = factcheck("check", "--format", fmt, str(tmp_path / "age.txt"))
    assert proc.returncode == 1, proc.stderr
    if fmt == "sarif":
        [result] = json.loads(proc.stdout)["runs"][0]["results"]
        assert "fixes" not in result and "57 or 58" in result["message"]["text"]
    else:
        [diagnostic] = [json.loads(line) for line in proc.stdout.splitlines()]
        assert "suggestions" not in diagnostic and "57 or 58" in diagnostic["message"]


def test_piped_output_is_not_wrapped_or_cut(tmp_path: Path) -> None:
    subject = "The " + "very " * 30 + "long forum"
    (tmp_path / "wide.txt").write_text(
        f"date 2023-03-14 {subject} meets on Tuesday, 20 April 2023.\n"
    )
    proc = factcheck("check", str(tmp_path / "wide.txt"))
    assert any(subject in line for line in proc.stdout.splitlines()), proc.stdout
    assert all(line == line.rstrip(" ") for line in proc.stdout.splitlines())
    listing = factcheck("rules").stdout
    assert 'or in the future ("will open on") with a date before it.' in listing  # not cut at 80


def test_a_bad_option_is_one_line_without_the_usage_block() -> None:
    proc = factcheck("check", "--date", "2023-13-45", "x.txt")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "'2023-13-45' is not a date" in proc.stderr and "usage:" not in proc.stderr


def test_a_failure_on_one_document_is_one_line_and_its_own_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "bad.txt", "c.txt"):
        (tmp_path / name).write_text(WEEKDAY)
    real = batch.analyse

    def failing(document: object, evaluate: object) -> object:
        if str(getattr(document, "path", "")).endswith("bad.txt"):
            raise ValueError("a bug")
        return real(document, evaluate)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "analyse", failing)
    assert main(["check", "--format", "json", str(tmp_path)]) == INTERNAL_ERROR
    captured = capsys.readouterr()
    assert [Path(d["path"]).name for d in json.loads(captured.out)["documents"]] == [
        "a.txt",
        "c.txt",
    ]
    assert (
        captured.err.count("\n") == 1
        and "bad.txt: internal error, ValueError: a bug" in captured.err
    )


def _children(pid: int) -> set[int]:
    try:
        tasks = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(child) for child in tasks.split()}


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_sigterm_ends_the_workers_with_the_run(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / f"r{n}.txt").write_text(WEEKDAY + "The forum met on 3 May 2023. " * 2000)
    run = subprocess.Popen([sys.executable, "-m", "checker", "check", "--jobs", "2", str(tmp_path)],
                           env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while len(_children(run.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(run.pid)
        assert len(workers) >= 2
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=60) == 143
        deadline = time.monotonic() + 30
        while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if Path(f"/proc/{w}").exists()]
        assert b"Traceback" not in (run.stderr.read() if run.stderr else b"")
    finally:
        run.kill()
        run.wait()


BROKEN = """\
id: broken-example
check: expression
severity: warning
message: "{claim}"
description: A rule whose failing example passes.
help: None.
params:
  claim: {kind: date}
  when: "claim.text == 'never'"
examples:
  - {expect: fails, date: 2023-05-10, text: "We met on 3 May 2023."}
  - {expect: passes, date: 2023-05-10, text: "Nothing here."}
"""


def test_rules_test_runs_a_packs_examples_and_check_refuses_a_failing_pack(tmp_path: Path) -> None:
    proc = factcheck("rules", "test", "rules/examples")
    assert proc.returncode == 0 and "1 of 1 examples" not in proc.stdout, proc.stdout
    assert proc.stdout.strip().endswith("pass")
    assert factcheck("rules", "test").returncode == 0  # the core pack
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "broken-example.yaml").write_text(BROKEN)
    proc = factcheck("rules", "test", str(pack))
    assert proc.returncode == 1
    assert "broken-example.yaml:1: example 1 (fails): not flagged" in proc.stdout
    (tmp_path / "release.txt").write_text(WEEKDAY)
    proc = factcheck("check", "--rules", str(pack), str(tmp_path / "release.txt"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "a pack whose own examples fail is not used" in proc.stderr
    (tmp_path / ".factcheck.yaml").write_text("packs: [house]\n")  # the same from a configuration
    proc = factcheck("check", str(tmp_path / "release.txt"))
    assert proc.returncode == 2 and "a pack whose own examples fail" in proc.stderr
