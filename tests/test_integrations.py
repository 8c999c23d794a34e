"""The pre-commit hook and the GitHub Action: valid files that call real options."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.cli import FORMATS

ROOT = Path(__file__).resolve().parent.parent


def test_the_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["factcheck"]
    assert hooks[0]["entry"] == "factcheck check" and hooks[0]["language"] == "python"


def test_the_action_calls_formats_that_exist() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    for fmt in ("sarif", "github"):
        assert f"--format {fmt}" in script and fmt in FORMATS


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' brings it)")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=900)

    run("git", "init", "-q")
    (tmp_path / "release.txt").write_text(
        "date 2023-03-14 The forum meets on Tuesday, 20 April 2023.\n"
    )
    (tmp_path / "clean.md").write_text("---\ndate: 2023-03-14\n---\nThe forum met on Tuesday.\n")
    run("git", "add", ".")
    failing = run(str(pre_commit), "try-repo", str(ROOT), "factcheck", "--files", "release.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "weekday-mismatch" in failing.stdout
    passing = run(str(pre_commit), "try-repo", str(ROOT), "factcheck", "--files", "clean.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_every_subpackage_is_shipped() -> None:
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")
    }
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"
