"""The desk's HTTP API on a real server: every status it answers with, and concurrent checks."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_server import Served, serving
from releases import EXAMPLE, FESTIVAL, FESTIVAL_HTML, ROOT, docx_bytes

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def desk() -> Iterator[Served]:
    """One server for the module."""
    with serving() as served:
        yield served


def cli_json(*args: str, stdin: str | None = None) -> str:
    """What `factcheck check --format json` prints."""
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_the_page_and_its_assets_stay_on_this_machine(desk: Served) -> None:
    page = desk.request("GET", "/")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    for path in ("/", "/desk.js", "/desk.css"):
        answer = desk.request("GET", path)
        assert answer.status == 200
        text = answer.body.decode("utf-8")
        urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
        assert urls == set(), path  # no CDN, no font service, nothing fetched from elsewhere


def test_check_is_the_json_document_of_the_command_line(desk: Served) -> None:
    answer = desk.check(text=EXAMPLE_TEXT, name="<stdin>")
    assert answer.status == 200 and answer.headers["Content-Type"] == "application/json"
    assert answer.body.decode("utf-8") == cli_json("-", stdin=EXAMPLE_TEXT)
    assert answer.headers["X-Factcheck-Date-Order"] == "DMY"
    dated = desk.check(text=EXAMPLE_TEXT, name="<stdin>", date="2023-10-08", date_order="MDY")
    assert dated.body.decode() == cli_json("--date", "2023-10-08", "--date-order", "MDY", "-",
                                           stdin=EXAMPLE_TEXT)  # fmt: skip
    assert dated.headers["X-Factcheck-Date-Order"] == "MDY"


def test_check_without_a_name(desk: Served) -> None:
    document = desk.check(text=EXAMPLE_TEXT).json()["documents"][0]
    assert document["path"] == "<text>" and document["date"] == "2022-10-08"
    rules = {f["rule"] for f in document["findings"]}
    assert {"anniversary-mismatch", "relative-date-mismatch"} <= rules


def test_a_name_is_only_a_label(desk: Served) -> None:
    document = desk.check(text="Hello.", name="/etc/hostname").json()["documents"][0]
    assert document["path"] == "hostname" and document["claims"] == []
    upload = desk.upload("/api/check", "../../etc/passwd.txt", b"Hello.").json()["documents"][0]
    assert upload["path"] == "passwd.txt" and upload["claims"] == []


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"text": "x", "date": "2022-13-40"}, 422, "date '2022-13-40' is not a date"),
        ({"text": "x", "date": "yesterday"}, 422, "is not a date in the form YYYY-MM-DD"),
        ({"text": "x", "date_order": "YMD"}, 422, "date_order 'YMD' is not DMY or MDY"),
        ({"date": "2022-10-08"}, 422, "text: Field required"),
        ({"text": 5}, 422, "text: Input should be a valid string"),
        ({"text": "x", "colour": "red"}, 422, "colour: Extra inputs are not permitted"),
        ({"text": "date 2022-02-30 A header date that is no day."}, 422, "is not a day"),
    ],
)
def test_bad_requests_are_422_with_a_message(
    desk: Served, fields: dict[str, object], status: int, message: str
) -> None:
    answer = desk.check(**fields)
    assert answer.status == status and answer.headers["Content-Type"] == "application/json"
    assert answer.json()["status"] == status and message in answer.json()["message"]


def test_a_body_that_is_not_json_is_400(desk: Served) -> None:
    answer = desk.request("POST", "/api/check", b"{text", {"Content-Type": "application/json"})
    assert answer.status == 400 and "not JSON" in answer.json()["message"]


def test_over_10_mb_is_413(desk: Served) -> None:
    answer = desk.check(text="a" * (10 * 2**20 + 1))
    assert answer.status == 413 and "larger than 10 MB" in answer.json()["message"]
    upload = desk.upload("/api/check", "big.txt", b"a" * (10 * 2**20 + 1))
    assert upload.status == 413 and "big.txt: larger than 10 MB" in upload.json()["message"]
    exactly = desk.check(text="a" * (10 * 2**20))
    assert exactly.status == 200


def test_a_declared_length_over_the_cap_is_refused_before_it_is_read(desk: Served) -> None:
    host, port = desk.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.putrequest("POST", "/api/check")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(50 * 2**20))
    connection.endheaders()  # and no body: the answer comes without waiting for one
    response = connection.getresponse()
    assert response.status == 413 and "larger than" in json.loads(response.read())["message"]
    connection.close()


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/api/check", "text/plain", b"Hello."),
        ("/api/check", "", b"Hello."),
        ("/api/read", "application/json", b'{"text": "x"}'),
    ],
)
def test_a_body_it_cannot_take_is_415(
    desk: Served, path: str, content_type: str, body: bytes
) -> None:
    answer = desk.request(
        "POST", path, body, {"Content-Type": content_type} if content_type else {}
    )
    assert answer.status == 415 and answer.json()["message"]


@pytest.mark.parametrize("name", ["release.pdf", "release.doc.zip", "image.png", "release.rtf"])
def test_a_file_type_it_cannot_read_is_415(desk: Served, name: str) -> None:
    answer = desk.upload("/api/check", name, b"%PDF-1.4 whatever")
    assert answer.status == 415 and answer.json()["message"].startswith(f"{name}: not a file")


def test_a_docx_upload_names_its_paragraphs(desk: Served) -> None:
    answer = desk.upload("/api/check", "festival.docx", docx_bytes(FESTIVAL), date="2023-03-14")
    assert answer.status == 200, answer.body
    document = answer.json()["documents"][0]
    assert document["path"] == "festival.docx" and document["date_source"] == "--date"
    anniversary = next(f for f in document["findings"] if f["rule"] == "anniversary-mismatch")
    assert anniversary["paragraph"] == 1


def test_an_html_upload_names_its_lines(desk: Served) -> None:
    answer = desk.upload("/api/check", FESTIVAL_HTML.name, FESTIVAL_HTML.read_bytes())
    document = answer.json()["documents"][0]
    anniversary = next(f for f in document["findings"] if f["rule"] == "anniversary-mismatch")
    assert anniversary["source_line"] == 14 and anniversary["paragraph"] == 2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"PK\x03\x04 damaged", "draft.docx: is not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
         "draft.docx: is password-protected"),
    ],
)  # fmt: skip
def test_a_damaged_or_locked_docx_is_422(desk: Served, raw: bytes, message: str) -> None:
    answer = desk.upload("/api/check", "draft.docx", raw)
    assert answer.status == 422 and answer.json()["message"].startswith(message)


def test_a_text_file_that_is_not_utf8_is_422(desk: Served) -> None:
    answer = desk.upload("/api/read", "draft.txt", "Genève".encode("cp1252"))
    assert answer.status == 422 and "not UTF-8" in answer.json()["message"]


def test_read_gives_the_text_the_checker_reads(desk: Served) -> None:
    answer = desk.upload("/api/read", "festival.docx", docx_bytes(FESTIVAL))
    assert answer.status == 200
    assert answer.json() == {"name": "festival.docx", "format": "docx",
                             "text": "\n\n".join(FESTIVAL) + "\n"}  # fmt: skip
    html = desk.upload("/api/read", "page.html", FESTIVAL_HTML.read_bytes()).json()
    assert html["format"] == "html" and "Harbour City" not in html["text"]
    assert desk.upload("/api/read", "a.md", b"# Hi").json()["format"] == "text"
    missing = desk.request("POST", "/api/read", b"--x--\r\n",
                           {"Content-Type": "multipart/form-data; boundary=x"})  # fmt: skip
    assert missing.status == 422 and "no file" in missing.json()["message"]


@pytest.mark.parametrize(
    ("fmt", "media", "start"),
    [("html", "text/html", b"<!DOCTYPE html>"), ("markdown", "text/markdown", b"# factcheck report"),
     ("json", "application/json", b"{")],
)  # fmt: skip
def test_reports_to_download(desk: Served, fmt: str, media: str, start: bytes) -> None:
    body = json.dumps({"text": EXAMPLE_TEXT, "name": "eu-iom.txt"}).encode()
    answer = desk.request("POST", f"/api/report/{fmt}", body, {"Content-Type": "application/json"})
    assert answer.status == 200 and answer.headers["Content-Type"].startswith(media)
    extension = {"html": "html", "markdown": "md", "json": "json"}[fmt]
    assert answer.headers["Content-Disposition"] == (
        f'attachment; filename="eu-iom.factcheck.{extension}"'
    )
    assert answer.body.startswith(start) and b"now in its ninth year" in answer.body
    if fmt == "json":
        assert answer.body == desk.check(text=EXAMPLE_TEXT, name="eu-iom.txt").body


def test_unknown_paths_and_methods(desk: Served) -> None:
    assert desk.request("GET", "/etc/passwd").status == 404
    assert desk.request("GET", "/static/../../pyproject.toml").status == 404
    assert desk.request("GET", "/api/check").status == 405
    unknown = desk.request("POST", "/api/report/pdf", b"{}", {"Content-Type": "application/json"})
    assert unknown.status == 404 and "no report format 'pdf'" in unknown.json()["message"]
    assert desk.request("GET", "/nowhere").json()["status"] == 404


def test_other_hosts_and_other_pages_are_refused(desk: Served) -> None:
    rebound = desk.request("GET", "/", headers={"Host": "attacker.example:8765"})
    assert rebound.status == 403 and "answers only on" in rebound.json()["message"]
    body = json.dumps({"text": "x"}).encode()
    foreign = desk.request("POST", "/api/check", body, {"Content-Type": "application/json",
                                                        "Origin": "https://attacker.example"})  # fmt: skip
    assert foreign.status == 403
    port = desk.url.rsplit(":", 1)[1]
    own = desk.request("POST", "/api/check", body, {"Content-Type": "application/json",
                                                    "Origin": f"http://127.0.0.1:{port}"})  # fmt: skip
    assert own.status == 200


def test_a_lone_surrogate_is_checked_not_crashed_on(desk: Served) -> None:
    body = b'{"text": "Founded in 2001 \\ud800, the club is in its 3rd year."}'
    answer = desk.request("POST", "/api/check", body, {"Content-Type": "application/json"})
    assert answer.status == 200 and answer.json()["documents"][0]["claims"]


def test_two_concurrent_checks_keep_their_own_results(desk: Served) -> None:
    texts = {
        "eu.txt": EXAMPLE_TEXT,
        "festival.txt": "\n\n".join(FESTIVAL) + "\n",
    }
    alone = {name: desk.check(text=text, name=name).body for name, text in texts.items()}
    assert alone["eu.txt"] != alone["festival.txt"]
    start = threading.Barrier(len(texts))
    seen: dict[str, list[bytes]] = {name: [] for name in texts}

    def client(name: str) -> None:
        start.wait()
        for _ in range(6):
            seen[name].append(desk.check(text=texts[name], name=name).body)

    threads = [threading.Thread(target=client, args=(name,)) for name in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for name in texts:
        assert seen[name] == [alone[name]] * 6, name


def serve(*args: str) -> subprocess.Popen[str]:
    """`factcheck serve` as a user starts it."""
    return subprocess.Popen([sys.executable, "-m", "checker", "serve", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def test_serve_refuses_a_port_in_use(desk: Served) -> None:
    port = desk.url.rsplit(":", 1)[1]
    proc = serve("--port", port)
    _, error = proc.communicate(timeout=60)
    assert proc.returncode == 2 and error.count("\n") == 1
    assert error.startswith(f"factcheck: 127.0.0.1:{port}: cannot listen") and "--port" in error


def test_serve_stops_on_a_bad_rule_folder(tmp_path: Path) -> None:
    proc = serve("--port", "0", "--rules", str(tmp_path / "none"))
    out, error = proc.communicate(timeout=60)
    assert proc.returncode == 2 and error.count("\n") == 1 and "Traceback" not in error
    assert out == ""  # it never said it was listening


def test_serve_warns_when_it_listens_beyond_this_machine() -> None:
    proc = serve("--host", "0.0.0.0", "--port", "0")
    try:
        assert proc.stderr is not None and proc.stdout is not None
        warning = proc.stderr.readline()
        assert warning.startswith("factcheck: warning: --host 0.0.0.0 serves the desk to every")
        assert proc.stdout.readline().startswith("factcheck desk: http://0.0.0.0:")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
