"""DOCX and HTML input: the text read, the map back to paragraphs and lines, and bad files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from releases import FESTIVAL, FESTIVAL_HTML, docx_bytes

from checker.cli import main
from checker.document import load
from checker.errors import InputError
from checker.readers import docx as docx_reader
from checker.readers import kind_of, read


def test_kinds_by_extension() -> None:
    assert kind_of("a/Release.DOCX") == "docx"
    assert kind_of("x.html") == kind_of("x.htm") == "html"
    assert kind_of("x.txt") is None and kind_of("-") is None and kind_of("x.doc") is None


def test_docx_paragraphs_are_blocks_numbered_as_a_reader_counts_them() -> None:
    raw = docx_bytes(["First one.", "Second one."], table=[["a cell", "b cell"]])
    extracted = read(raw, "docx", "r.docx")
    assert extracted.text == "First one.\n\nSecond one.\n\na cell\n\nb cell\n"
    where = extracted.source_map
    assert [where.paragraph(extracted.text.index(s)) for s in ("First", "Second", "b cell")] == [
        1,
        2,
        4,
    ]
    assert where.source_line(0) is None


def test_docx_text_as_word_shows_it() -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Line one")
    paragraph.add_run().add_break()
    paragraph.add_run().add_break()  # two soft breaks: still one paragraph
    paragraph.add_run("line two\tafter a tab")
    inserted = paragraph._p.makeelement(f"{docx_reader.W}ins", {})  # a tracked insertion
    run = paragraph.add_run(" inserted")._r
    inserted.append(run)
    paragraph._p.append(inserted)
    deleted = paragraph._p.makeelement(f"{docx_reader.W}del", {})
    gone = paragraph.add_run(" deleted")._r
    deleted.append(gone)
    paragraph._p.append(deleted)
    buffer = io.BytesIO()
    document.save(buffer)
    text = read(buffer.getvalue(), "docx", "r.docx").text
    assert text == "Line one\nline two\tafter a tab inserted\n"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not a zip at all", "is not a Word .docx file"),
        (docx_bytes(["x"])[:300], "is not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "password"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old Word .doc"),
    ],
)
def test_bad_docx_is_an_input_error(raw: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as caught:
        read(raw, "docx", "draft.docx")
    assert caught.value.line().startswith("draft.docx: ") and "\n" not in caught.value.line()


def test_a_zip_that_is_no_word_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(InputError, match=r"draft\.docx: is not a readable Word document"):
        read(buffer.getvalue(), "docx", "draft.docx")


def test_a_docx_that_unpacks_too_far(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 1000)
    with pytest.raises(InputError, match="unpacks to more than"):
        read(docx_bytes(["x" * 2000]), "docx", "big.docx")


def test_html_main_text_without_page_furniture() -> None:
    extracted = read(FESTIVAL_HTML.read_bytes(), "html", "page.html")
    text = extracted.text
    assert text.startswith("The Harbour Festival opens its gates\n\nGENEVA, 14 March 2023 – ")
    assert "founded in 2012, is now in its ninth year." in text  # the line break collapsed
    assert "old port & the market hall.\nTickets go on sale today." in text  # <br> kept
    for furniture in ("analytics", "News", "1950", "Draft note", "Related", "1899", "body {"):
        assert furniture not in text


def test_html_source_lines_and_paragraphs() -> None:
    extracted = read(FESTIVAL_HTML.read_bytes(), "html", "page.html")
    lines = FESTIVAL_HTML.read_text(encoding="utf-8").splitlines()
    for needle in ("GENEVA", "now in its ninth year", "Wednesday", "Tickets", "A night market"):
        offset = extracted.text.index(needle)
        line = extracted.source_map.source_line(offset)
        assert line is not None and needle in lines[line - 1], needle
    paragraph = extracted.source_map.paragraph
    assert paragraph(extracted.text.index("Tickets")) == paragraph(extracted.text.index("gala"))
    assert paragraph(extracted.text.index("A night market")) == 5


def test_html_text_is_found_in_text_not_in_attributes() -> None:
    page = '<p class="gala" title="gala">x</p>\n<p>\n<b>gala</b> day</p>'
    extracted = read(page.encode(), "html", "p.html")
    assert extracted.source_map.source_line(extracted.text.index("gala")) == 3


def test_html_charsets() -> None:
    latin = "<meta charset='windows-1252'><p>Genève, café</p>".encode("cp1252")
    assert "Genève, café" in read(latin, "html", "p.html").text
    undeclared = "<p>Genève</p>".encode("cp1252")  # not UTF-8: read as a browser does
    assert "Genève" in read(undeclared, "html", "p.html").text
    utf16 = "\ufeff<p>Genève</p>".encode("utf-16-le")
    assert "Genève" in read(utf16, "html", "p.html").text
    with pytest.raises(InputError, match="unknown charset"):
        read(b"<meta charset=klingon><p>x</p>", "html", "p.html")
    with pytest.raises(InputError, match="NUL bytes"):
        read(b"<p>\x00\x01\x02</p>", "html", "p.html")


def test_html_deeply_nested_is_read() -> None:
    page = "<div>" * 20000 + "<p>Deep inside.</p>" + "</div>" * 20000
    assert read(page.encode(), "html", "deep.html").text == "Deep inside.\n"


def test_html_suppression_comment_applies_to_the_paragraph_below(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<p>GENEVA, 14 March 2023 – The gala is on Wednesday 21 March 2023.</p>\n"
        "<!-- factcheck: ignore weekday-mismatch -- the venue's calendar -->\n"
        "<p>The fair is on Wednesday 28 March 2023.</p>\n"
        "<p>The dinner is on Monday 29 March 2023.</p>\n",
        encoding="utf-8",
    )
    assert "the venue's calendar -->\nThe fair" in load(str(page)).text
    assert main(["check", "--format", "json", str(page)]) == 1
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    weekdays = [
        (f["paragraph"], f["source_line"]) for f in findings if f["rule"] == "weekday-mismatch"
    ]
    assert weekdays == [(1, 1), (3, 4)]


def test_check_names_the_paragraph_of_a_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("festival.docx")
    path.write_bytes(docx_bytes(FESTIVAL))
    assert main(["check", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    anniversary = next(f for f in findings if f["rule"] == "anniversary-mismatch")
    assert anniversary["paragraph"] == 1 and "source_line" not in anniversary
    assert main(["check", str(path)]) == 1
    assert f"--> {path}, paragraph 1" in capsys.readouterr().out


def test_check_names_the_line_of_an_html_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(FESTIVAL_HTML)]) == 1
    findings = json.loads(capsys.readouterr().out)["documents"][0]["findings"]
    anniversary = next(f for f in findings if f["rule"] == "anniversary-mismatch")
    assert anniversary["paragraph"] == 2 and anniversary["source_line"] == 14
    assert main(["check", "--format", "markdown", str(FESTIVAL_HTML)]) == 1
    assert "at line 14, paragraph 2" in capsys.readouterr().out


def test_text_findings_keep_their_json_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "festival.txt"
    path.write_text("\n\n".join(FESTIVAL), encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1
    for finding in json.loads(capsys.readouterr().out)["documents"][0]["findings"]:
        assert "paragraph" not in finding and "source_line" not in finding


def test_a_damaged_docx_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_bytes(FESTIVAL)[:-200])
    assert main(["check", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"factcheck: {path}: ") and error.count("\n") == 1


def test_folders_hold_word_and_html_releases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.docx").write_bytes(docx_bytes(["Founded in 2001, the club met."]))
    (tmp_path / "~$a.docx").write_bytes(b"Word's lock file")
    (tmp_path / "b.html").write_text("<p>Hello in 2019.</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Hello.", encoding="utf-8")
    assert main(["claims", "--format", "json", str(tmp_path)]) == 0
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]]
    assert [Path(p).name for p in paths] == ["a.docx", "b.html", "c.txt"]
