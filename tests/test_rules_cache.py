"""Rules kept between runs: found again, never stale, and never an error when the cache is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import CORE, _load, cache

ROOT = Path(__file__).resolve().parent.parent
LOAD = "from checker.engine import load_rules; print(len(load_rules(sys.argv[1:]).rules))"


def _run(cache_dir: Path | str, *dirs: str) -> str:
    env = {"FACTCHECK_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", f"import sys; {LOAD}", *dirs], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return proc.stdout.strip() + proc.stderr


def _pack(tmp_path: Path, message: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    shutil.copy(CORE / "weekday-mismatch.yaml", pack / "house-weekday.yaml")
    text = (pack / "house-weekday.yaml").read_text(encoding="utf-8")
    text = text.replace("id: weekday-mismatch", "id: house-weekday")
    (pack / "house-weekday.yaml").write_text(
        text.replace('message: "', f'message: "{message} ', 1), encoding="utf-8"
    )
    return pack


def test_a_second_run_reads_the_rules_the_first_kept(tmp_path: Path) -> None:
    assert _run(tmp_path / "c") == _run(tmp_path / "c")
    assert len(list((tmp_path / "c").glob("rules-*.pickle"))) == 1


def test_a_changed_rule_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    pack = _pack(tmp_path, "First:")
    _load.cache_clear()
    assert _load((str(pack),)).get("house-weekday").message.startswith("First:")  # type: ignore[union-attr]
    _pack(tmp_path, "Second:")
    _load.cache_clear()
    assert _load((str(pack),)).get("house-weekday").message.startswith("Second:")  # type: ignore[union-attr]
    assert len(list((tmp_path / "c").glob("rules-*.pickle"))) == 2
    _load.cache_clear()


def test_a_broken_or_unwritable_cache_is_no_cache(tmp_path: Path) -> None:
    expected = _run("")  # FACTCHECK_CACHE_DIR empty: no cache at all
    _run(tmp_path / "c")
    for entry in (tmp_path / "c").glob("rules-*.pickle"):
        entry.write_bytes(b"\x80\x05truncated")
    assert _run(tmp_path / "c") == expected
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert _run(blocked / "c") == expected


def test_a_bad_rule_file_is_reported_and_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    pack = _pack(tmp_path, "First:")
    (pack / "house-weekday.yaml").write_text(
        "id: house-weekday\nseverty: error\n", encoding="utf-8"
    )
    _load.cache_clear()
    with pytest.raises(Exception, match=r"house-weekday\.yaml"):
        _load((str(pack),))
    assert not list((tmp_path / "c").glob("rules-*.pickle"))
    _load.cache_clear()


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache.folder() == Path("/somewhere/factcheck")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    assert cache.folder() is None
