"""What a command imports: --version and --help nothing heavy, a check only what it uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
HEAVY = (
    "pydantic",
    "dateparser",
    "rich",
    "yaml",
    "checker.models",
    "checker.extract",
    "checker.engine",
)


def imported(*args: str) -> set[str]:
    """The modules a fresh `python -m checker ARGS` imports."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    lines = [line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line]
    return set(lines[1:])  # the first line is the header


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_version_and_help_import_nothing_heavy(args: list[str]) -> None:
    heavy = {m for m in imported(*args) if m.split(".")[0] in HEAVY or m.startswith(HEAVY)}
    assert heavy == set()


def test_a_release_with_its_dates_written_out_is_checked_without_dateparser() -> None:
    modules = imported("check", "--format", "json", str(EXAMPLE))
    assert "checker.engine" in modules  # it was checked
    assert not {m for m in modules if m.startswith("dateparser")}
    assert not {m for m in modules if m.startswith(("checker.report.html", "checker.desk"))}
