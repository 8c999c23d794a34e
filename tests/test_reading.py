"""Reading what a run is given: every kind of file within the cap, no hang on a pipe, encodings
with a byte-order mark, old Mac line ends, symlinks out of a folder, a language not supported."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from checker import document
from checker.cli import main
from checker.document import load, read_bytes
from checker.errors import InputError
from checker.paths import expand

RELEASE = "date 2023-03-14 The forum meets on Tuesday, 20 April 2023.\n"


def _write_later(path: Path, data: bytes, delay: float = 0.2) -> threading.Thread:
    def write() -> None:
        time.sleep(delay)
        with path.open("wb") as pipe:
            pipe.write(data)

    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_a_named_pipe_with_no_writer_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(document, "WRITER_WAIT", 0.2)
    with pytest.raises(InputError, match="a named pipe that nothing writes to"):
        read_bytes(str(fifo))


def test_a_named_pipe_is_read_to_its_end_whenever_its_writer_comes(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    thread = _write_later(fifo, RELEASE.encode())  # opens the pipe after the reader has
    assert read_bytes(str(fifo)) == RELEASE.encode()
    thread.join()


def test_a_silent_writer_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(document, "PIPE_TIMEOUT", 0.2)
    writer = os.open(fifo, os.O_RDWR)  # holds the pipe open and writes nothing
    try:
        with pytest.raises(InputError, match=r"nothing came through the pipe for 0\.2 s"):
            read_bytes(str(fifo))
    finally:
        os.close(writer)


def test_the_cap_holds_for_a_pipe_whatever_its_size_says(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)
    try:
        thread = threading.Thread(target=_flood, args=(writer,), daemon=True)
        thread.start()
        with pytest.raises(InputError, match="larger than 10 MB"):
            read_bytes(str(fifo))
    finally:
        os.close(writer)


def _flood(handle: int) -> None:
    chunk = b"x" * 65536
    try:
        for _ in range(11 * 16 + 1):  # 11 MB
            os.write(handle, chunk)
    except OSError:  # the reader gave up and the pipe closed
        pass


def test_a_device_is_refused(tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"  # a /dev/zero of our own: never the real /dev
    try:
        os.mknod(zero, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs root")
    with pytest.raises(InputError, match="is a device, not a release"):
        read_bytes(str(zero))


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16 BE"), ("utf-32", "UTF-32")],
)
def test_utf16_and_utf32_with_a_bom_are_read_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, name: str
) -> None:
    path = tmp_path / "wide.txt"
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((bom + RELEASE).encode(encoding))
    loaded = load(str(path))
    assert loaded.text == RELEASE and any(n.startswith(f"read as {name}") for n in loaded.notes)
    assert main(["check", "--format", "json", str(path)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["documents"][0]["findings"][0]["rule"] == "weekday-mismatch"
    assert f"wide.txt: read as {name}" in captured.err


def test_utf16_without_its_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)  # lone surrogates
    with pytest.raises(InputError, match="not a text file"):
        load(str(path))


def test_old_mac_line_ends_give_each_finding_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mac.txt"
    text = "date 2023-03-14\rIntro.\r\rThe forum meets on Tuesday, 20 April 2023.\r"
    path.write_bytes(text.encode())
    assert main(["check", "--format", "json", str(path)]) == 1
    [finding] = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    assert finding["line"] == 4
    assert len(load(str(path)).text) == len(text)  # offsets unchanged


def test_symlinks_out_of_a_checked_folder_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "press").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(RELEASE)
    (tmp_path / "press" / "real.txt").write_text(RELEASE)
    (tmp_path / "press" / "leak.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (tmp_path / "press" / "inner.txt").symlink_to(tmp_path / "press" / "real.txt")
    (tmp_path / "press" / "all").symlink_to(tmp_path / "outside", target_is_directory=True)
    found = [Path(p).name for p in expand([str(tmp_path / "press")])]
    assert found == ["inner.txt", "real.txt"]


def test_a_release_not_in_english_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "date 2023-03-14\nLe Conseil fédéral a adopté aujourd'hui le message concernant la "
        "révision de la loi sur la protection des données. La nouvelle loi entrera en vigueur "
        "le 1er septembre 2023. Elle renforce les droits des personnes concernées et prévoit "
        "des amendes plus élevées pour les entreprises qui ne respectent pas les règles.\n"
    )
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "fr.txt: reads as French, not English" in err and err.count("\n") == 1
    english = tmp_path / "en.txt"
    english.write_text(RELEASE * 5)
    main(["check", str(english)])
    assert "English" not in capsys.readouterr().err
