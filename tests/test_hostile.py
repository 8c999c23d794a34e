"""Hostile input gives a result or a one-line error: never a traceback, never a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def check(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checker", "check", *args], cwd=ROOT,
                          input=stdin, capture_output=True, timeout=120)  # fmt: skip


def one_line_error(proc: subprocess.CompletedProcess[bytes], needle: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = check(str(tmp_path / "empty.txt"))
    assert proc.returncode == 0 and b"No findings in 1 document" in proc.stdout


def test_random_bytes(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(os.urandom(4096) + b"\x00")
    one_line_error(check(str(tmp_path / "noise.txt")), "noise.txt: not a text file")


def test_random_bytes_on_standard_input() -> None:
    one_line_error(check("-", stdin=b"\xfa\xff\xfe" * 100), "<stdin>: not UTF-8 text")
    # FF FE is UTF-16's byte-order mark: what follows is decoded as UTF-16, and refused as noise.
    one_line_error(check("-", stdin=b"\xff\xfe\xfa" * 100), "<stdin>: not a text file")


def test_a_50_mb_release(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:  # sparse: the size is real, the disk is not used
        file.truncate(50 * 1024 * 1024)
    one_line_error(check(str(big)), "big.txt: larger than 10 MB")


def test_alias_bomb_in_front_matter(tmp_path: Path) -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
        for i in range(8)
    ]
    (tmp_path / "bomb.md").write_text("\n".join([*lines, "date: 2024-01-01", "---", "Hello."]))
    one_line_error(check(str(tmp_path / "bomb.md")), "aliases are not allowed")


def test_markup_and_control_characters_print_literally(tmp_path: Path) -> None:
    text = "date 2023-03-14 [bold]We[/bold] meet on Tuesday, 20 April 2023 \x1b[31m [/] \x07.\n"
    (tmp_path / "markup.txt").write_text(text)
    proc = check(str(tmp_path / "markup.txt"))
    assert proc.returncode == 1
    assert b"[bold]We[/bold]" in proc.stdout and b"\x1b[31m" not in proc.stdout


@pytest.mark.parametrize("line", ["1" * 200_000, "-/" * 100_000, "12/" * 60_000])
def test_long_lines_of_digits_and_separators(tmp_path: Path, line: str) -> None:
    (tmp_path / "line.txt").write_text(f"date 2023-03-14 {line}\n")
    assert check("--format", "json", str(tmp_path / "line.txt")).returncode in (0, 1)
