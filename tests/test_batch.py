"""Batch runs: a pool gives what one process gives, unreadable files do not stop the batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _json(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_two_processes_give_byte_identical_json(shared: Path) -> None:
    corpus = str(shared / "corpus" / "releases")
    assert _json("--jobs", "2", corpus) == _json("--jobs", "1", corpus)


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("date 2023-03-14 Meets on Tuesday, 20 April 2023.")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "c.txt").write_text("date 2023-03-14 Founded in 2009.")
    assert main(["check", "--format", "json", "--jobs", "2", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    paths = [Path(d["path"]).name for d in json.loads(captured.out)["documents"]]
    assert paths == ["a.txt", "c.txt"]
    assert "b.txt: not a text file" in captured.err


def test_a_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.md").write_text("---\ndate: 2024-01-01\n---\nHello.")
    (tmp_path / "two.txt").write_text("date 2024-01-01 Hello.")
    assert main(["claims", "--format", "json", f"{tmp_path}/**/*.md"]) == 0
    paths = [Path(d["path"]).name for d in json.loads(capsys.readouterr().out)["documents"]]
    assert paths == ["one.md"]


def test_changed_since(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "old.txt").write_text("date 2024-01-01 Old.")
    (tmp_path / "new.txt").write_text("date 2024-01-01 New.")
    git("add", "old.txt", "new.txt")
    git("commit", "-qm", "first")
    (tmp_path / "new.txt").write_text("date 2024-01-01 Changed.")
    (tmp_path / "added.txt").write_text("date 2024-01-01 Added.")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "--changed-since", "HEAD", "."]) == 0
    paths = sorted(Path(d["path"]).name for d in json.loads(capsys.readouterr().out)["documents"])
    assert paths == ["added.txt", "new.txt"]
    assert main(["check", "--changed-since", "no-such-ref", "."]) == 2
    assert "no-such-ref" in capsys.readouterr().err


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import batch

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    assert batch.show_progress(50) and not batch.show_progress(5)
    monkeypatch.setenv("CI", "true")
    assert not batch.show_progress(50)
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not batch.show_progress(50)
