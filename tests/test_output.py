"""Where reports are written: never over a release, never where the next run would check them,
through symlinks, onto devices, with the permissions a user expects, and errors in one line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.output import write_atomic

ROOT = Path(__file__).resolve().parent.parent
RELEASE = "date 2023-03-14 The forum meets on Tuesday, 20 April 2023.\n"


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", "check", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip


def one_line(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert needle in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["-o", "./", "release.txt"], "would replace a release"),
        (["-o", ".", "release.txt"], "would replace a release"),
        (
            ["--format", "markdown", "-o", ".", "."],
            "the report of other.md would replace a release",
        ),
        (["--format", "markdown", "-o", ".", "release.txt"], "lies in a checked folder"),
        (["--format", "markdown", "-o", "sub/", "."], "lies in a checked folder"),
    ],
)
def test_a_report_never_replaces_the_release_nor_lands_among_them(
    tmp_path: Path, args: list[str], problem: str
) -> None:
    (tmp_path / "release.txt").write_text(RELEASE)
    (tmp_path / "other.md").write_text(RELEASE)
    one_line(check(*args, cwd=tmp_path), problem)
    assert (tmp_path / "release.txt").read_text() == RELEASE  # nothing lost
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.md", "release.txt"]


def test_a_single_report_file_may_not_be_a_release(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(RELEASE)
    one_line(check("-o", "release.txt", "release.txt", cwd=tmp_path), "would replace a release")
    assert (tmp_path / "release.txt").read_text() == RELEASE


def test_reports_beside_the_releases_in_another_format_are_fine(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "press" / "release.txt").write_text(RELEASE)
    proc = check("--format", "json", "-o", "press/", "press", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # .json is never read as a release
    assert (tmp_path / "press" / "release.json").is_file()
    proc = check("--format", "markdown", "-o", "reports/", "press", cwd=tmp_path)
    assert proc.returncode == 1 and (tmp_path / "reports" / "release.md").is_file()


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(RELEASE)
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    assert check("--format", "json", "-o", "link.json", "release.txt", cwd=tmp_path).returncode == 1
    assert (tmp_path / "link.json").is_symlink()
    assert '"tool": "factcheck"' in (tmp_path / "real.json").read_text()


def test_a_device_or_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "device"  # stands for /dev/null: a file that is not a regular file
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_atomic(fifo, "report\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"report\n" and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_node_stays_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"  # a /dev/null of our own: never the real /dev
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    (tmp_path / "release.txt").write_text(RELEASE)
    assert check("--format", "json", "-o", str(null), "release.txt", cwd=tmp_path).returncode == 1
    assert stat.S_ISCHR(null.stat().st_mode)


def test_permissions_follow_the_umask_and_an_existing_report_keeps_its_own(
    tmp_path: Path,
) -> None:
    before = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "x")
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
        (tmp_path / "shared.json").write_text("old")
        os.chmod(tmp_path / "shared.json", 0o664)
        write_atomic(tmp_path / "shared.json", "new")
        assert stat.S_IMODE((tmp_path / "shared.json").stat().st_mode) == 0o664
        assert (tmp_path / "shared.json").read_text() == "new"
    finally:
        os.umask(before)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".factcheck-")]


def test_a_name_too_long_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(RELEASE)
    long = "x" * 300
    one_line(check("-o", f"{long}.json", "release.txt", cwd=tmp_path), "the name is too long")
    one_line(check("--format", "json", "-o", f"{long}/", "release.txt", cwd=tmp_path), "too long")


def test_an_empty_output_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(RELEASE)
    one_line(check("-o", "", "release.txt", cwd=tmp_path), "--output/-o: is empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.txt"]


def test_nothing_is_written_when_one_report_of_a_batch_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(RELEASE)
    (tmp_path / "b.json").write_text("a release named .json is no release, but this is a test")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(RELEASE)
    assert main(["check", "-o", f"{tmp_path}/reports/", str(tmp_path / "a.txt"),
                 str(tmp_path / "reports" / "a.txt")]) == 2  # fmt: skip
    assert "would replace a release" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a.txt"]
