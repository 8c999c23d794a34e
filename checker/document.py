"""Loading a release: decoding, front matter, the release date and where it came from."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from checker import yamlsafe
from checker.errors import InputError
from checker.extract.lexicon import MONTH_RE, WEEKDAY_RE, month_number
from checker.language import source
from checker.language.geometry import Geometry

if TYPE_CHECKING:
    from checker.readers import SourceMap

DateSource = Literal["--date", "front matter", "header line", "dateline", "none"]
MAX_BYTES = 10 * 1024 * 1024  # a release is a few KB; beyond this it is not one

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADER_LINE = re.compile(r"\A[ \t]*date[ \t]*:?[ \t]+(\d{4})-(\d\d)-(\d\d)\b[ \t]*", re.IGNORECASE)
_DATELINE_DMY = re.compile(
    rf"(?:(?:{WEEKDAY_RE}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_RE}),?\s+(?P<year>\d{{4}})"
)
_DATELINE_MDY = re.compile(
    rf"(?:(?:{WEEKDAY_RE}),?\s+)?(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
)
# A place (capitalised words, commas, state codes, a wire in brackets) before the date.
_DATELINE_PLACE = re.compile(r"^[A-Z][\w.’'&-]*(?:[ ,]+[\w.’'&()/-]+){0,8}?\s*[,(\s]\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\)|/|[–—-]|--|\.|,|:|@|\(|\w+\s*[–—-])")
_US_MARKERS = re.compile(
    r"/(?:PRNewswire|PR Newswire|Business Wire|GLOBE NEWSWIRE|ACCESSWIRE|EINPresswire)/"
    r"|,\s(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])\b",
)


@dataclass
class Document:
    """A decoded release with its release date, date order and sentence offsets."""

    path: str
    text: str
    release_date: date | None
    date_source: DateSource
    date_order: str = "DMY"
    body_start: int = 0
    front_matter: dict[str, Any] = field(default_factory=dict)
    source_map: SourceMap | None = None  # for a text read out of a DOCX or HTML file

    @cached_property
    def geometry(self) -> Geometry:
        """Lines, paragraphs and sentences, computed once and shared by every later stage."""
        return Geometry.of(self.analysis_text, self.body_start)

    @cached_property
    def analysis_text(self) -> str:
        """The text the language layer reads: the file's, with Markdown markup, front matter
        and the header line blanked (offsets unchanged)."""
        return source.analysis_text(self.text, self.body_start, source.is_markdown(self.path))

    @property
    def line_starts(self) -> tuple[int, ...]:
        """The offset at which each line begins."""
        return self.geometry.line_starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset."""
        return self.geometry.line_column(offset)

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The `[start, end)` of each sentence of the body."""
        return self.geometry.sentences

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding an offset (the whole line when none does)."""
        return self.geometry.sentence_at(offset)


def decode(raw: bytes, where: str) -> str:
    """UTF-8 text with or without a BOM; anything else is an InputError."""
    if b"\x00" in raw[:8192]:
        raise InputError(where, "not a text file (it holds NUL bytes)", "give a .txt or .md file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            where,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line})",
            "save the file as UTF-8",
        ) from None


def read_source(path: str) -> tuple[str, str]:
    """The decoded text of a file, or of standard input for `-`, and the name to show."""
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError("<stdin>", f"larger than {MAX_BYTES // 2**20} MB", "split the input")
        return decode(raw, "<stdin>"), "<stdin>"
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise InputError(path, f"larger than {MAX_BYTES // 2**20} MB", "split the file")
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder", "give a file, or a folder to `check`") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    return decode(raw, path), path


def parse_front_matter(text: str, where: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter of a Markdown file and the offset where the body begins."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yamlsafe.load(match.group(1))
    except yaml.YAMLError as exc:
        line, problem = yamlsafe.error_line(exc)
        at = f"{where}:{(line or 0) + 1}"
        raise InputError(
            at, f"front matter is not valid YAML: {problem}", "fix the header"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(where, "front matter is not a mapping of keys", "write `key: value` lines")
    return data, match.end()


def _front_matter_date(data: dict[str, Any], where: str) -> date | None:
    value = data.get("date")
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(where, f"front matter date {value!r} is not YYYY-MM-DD") from None


def find_dateline(text: str, start: int) -> tuple[date, str] | None:
    """The date of a dateline (`GENEVA, 14 March 2023 –`) in the first lines, and its order."""
    lines = [line for line in text[start : start + 2000].split("\n") if line.strip()][:4]
    for line in lines:
        for pattern, order in ((_DATELINE_DMY, "DMY"), (_DATELINE_MDY, "MDY")):
            match = pattern.search(line, 0, 200)
            if not match:
                continue
            before, after = line[: match.start()], line[match.end() :]
            if before.strip() and not _DATELINE_PLACE.match(before):
                continue
            if re.search(r"\b[a-z]+\s*$", before):
                continue  # "The Forum, founded on 1 July 2012": a date in a sentence
            if not before.strip() and not after.strip():
                continue  # a date alone on a line is no dateline
            if after and not _DATELINE_AFTER.match(after):
                continue
            month = month_number(match["month"])
            try:
                return date(int(match["year"]), month or 0, int(match["day"])), order
            except ValueError:
                continue
    return None


def guess_date_order(text: str, dateline_order: str | None) -> str:
    """MDY for US sources (a US dateline or wire), DMY for the rest of the world."""
    if dateline_order is not None:
        return dateline_order
    head = text[:3000]
    if _US_MARKERS.search(head):
        return "MDY"
    dmy = len(_DATELINE_DMY.findall(text[:100_000]))
    mdy = len(_DATELINE_MDY.findall(text[:100_000]))
    return "MDY" if mdy > dmy else "DMY"


def load(path: str, release_date: date | None = None, date_order: str | None = None) -> Document:
    """Read a release and find its date: `--date`, front matter, header line, then dateline."""
    from checker import readers

    if (kind := readers.kind_of(path)) is not None and path != "-":
        extracted = readers.read_file(path, kind, MAX_BYTES)
        return from_text(extracted.text, path, release_date, date_order, extracted.source_map)
    text, where = read_source(path)
    return from_text(text, where, release_date, date_order)


def from_text(
    text: str,
    where: str = "<text>",
    release_date: date | None = None,
    date_order: str | None = None,
    source_map: SourceMap | None = None,
) -> Document:
    """A Document from text already decoded (used by `load`, the desk and tests)."""
    front_matter, body_start = parse_front_matter(text, where)
    header = _HEADER_LINE.match(text, body_start)
    source: DateSource = "none"
    found: date | None = None
    dateline = None
    if header:
        body_start = header.end()
    if release_date is not None:
        found, source = release_date, "--date"
    elif (fm_date := _front_matter_date(front_matter, where)) is not None:
        found, source = fm_date, "front matter"
    elif header:
        try:
            found = date(int(header[1]), int(header[2]), int(header[3]))
            source = "header line"
        except ValueError:
            problem = f"header date {header.group(0).strip()!r} is not a day"
            raise InputError(f"{where}:1", problem, "write it as YYYY-MM-DD") from None
    if found is None or date_order is None:
        dateline = find_dateline(text, body_start)
        if found is None and dateline is not None:
            found, source = dateline[0], "dateline"
    order = date_order or guess_date_order(text, dateline[1] if dateline else None)
    return Document(
        path=where,
        text=text,
        release_date=found,
        date_source=source,
        date_order=order,
        body_start=body_start,
        front_matter=front_matter,
        source_map=source_map,
    )
