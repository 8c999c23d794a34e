"""The command line: exit statuses, one-line errors, formats and standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_claims_json_is_the_design_document_object() -> None:
    proc = run("claims", "--format", "json", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"tool", "version", "documents", "summary"}
    document = data["documents"][0]
    assert document["date"] == "2022-10-08" and document["date_source"] == "header line"
    texts = [c["text"] for c in document["claims"]]
    assert "now in its ninth year" in texts and "July 2012" in texts


def test_claims_table_shows_text_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("date 2023-01-05 The [bold]Forum[/bold], founded in 2009, met [/] today.")
    proc = run("claims", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "founded in 2009" in proc.stdout


def test_standard_input() -> None:
    proc = run("claims", "--format", "json", "-", stdin=b"date 2022-10-08 We met yesterday.")
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["documents"][0]["claims"]
    assert claims[0]["text"] == "yesterday" and claims[0]["value"] == "2022-10-07"


def test_date_option_wins() -> None:
    proc = run("claims", "--format", "json", "--date", "2023-01-01", str(EXAMPLE))
    data = json.loads(proc.stdout)["documents"][0]
    assert data["date"] == "2023-01-01" and data["date_source"] == "--date"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "/nonexistent.txt"], "/nonexistent.txt: no such file"),
        (["claims", "--date", "tomorrow", "x.txt"], "not a date"),
    ],
)
def test_errors_are_one_line_with_status_2(args: list[str], message: str) -> None:
    proc = run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(bytes(range(256)) * 4)
    proc = run("claims", str(path))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and str(path) in proc.stderr


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    assert main(["claims", "--format", "json", str(path)]) == 0


def test_folder_of_releases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("date 2022-01-01 Founded in 2001, the club met.")
    (tmp_path / "b.md").write_text("---\ndate: 2022-01-02\n---\nHello in 2019.")
    (tmp_path / "skip.csv").write_text("x")
    assert main(["claims", "--format", "json", str(tmp_path)]) == 0
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]]
    assert [Path(p).name for p in paths] == ["a.txt", "b.md"]
