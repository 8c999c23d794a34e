"""Loading a release: decoding, front matter, the release date and where it came from."""

from __future__ import annotations

import codecs
import os
import re
import select
import stat
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

import yaml

from checker import langid, yamlsafe
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
    notes: tuple[str, ...] = ()  # for the reader: the encoding read, a language not supported

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


# Byte-order marks, longest first (UTF-32's begins like UTF-16's), and the codec each names.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_LONE_CR = re.compile(r"\r(?!\n)")
PIPE_TIMEOUT = 30.0  # seconds a named pipe's writer may stay silent before it is given up
WRITER_WAIT = 5.0  # seconds a named pipe may go without a writer


def decode(raw: bytes, where: str) -> str:
    """The text of a file: UTF-8 with or without a BOM, or UTF-16 or UTF-32 with one; a lone
    CR (an old Mac line ending) read as a line break. Anything else is an InputError."""
    return decode_with_encoding(raw, where)[0]


def decode_with_encoding(raw: bytes, where: str) -> tuple[str, str]:
    """The decoded text and the name of the encoding it was read in."""
    codec, name = "utf-8", "UTF-8"
    for bom, bom_codec, bom_name in _BOMS:
        if raw.startswith(bom):
            raw, codec, name = raw[len(bom) :], bom_codec, bom_name
            break
    if codec == "utf-8" and b"\x00" in raw[:8192]:
        raise InputError(where, "not a text file (it holds NUL bytes)", "give a .txt or .md file")
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        if codec != "utf-8":
            problem = (
                f"not a text file (it begins with a {name} byte-order mark, but is not {name})"
            )
            raise InputError(where, problem, "save the file as UTF-8") from None
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            where,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line})",
            "save the file as UTF-8",
        ) from None
    if "\x00" in text[:8192] or (codec != "utf-8" and not _plausible(text[:8192])):
        raise InputError(where, f"not a text file (not {name} text)", "give a .txt or .md file")
    # One character for one: offsets stay those of the decoded file.
    return _LONE_CR.sub("\n", text), name


def _plausible(sample: str) -> bool:
    """Whether decoded text reads as text: random bytes after a BOM give mostly unassigned,
    private-use and control characters."""
    odd = sum(
        1 for c in sample if unicodedata.category(c) in ("Cn", "Co", "Cc") and c not in "\t\n\r"
    )
    return odd * 10 <= len(sample)


def _too_large(where: str) -> InputError:
    return InputError(where, f"larger than {MAX_BYTES // 2**20} MB", "split the file")


def _read_capped(file: BinaryIO, where: str) -> bytes:
    """At most MAX_BYTES of a stream, whatever its size says (/proc files say 0)."""
    raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _too_large(where)
    return raw


def _read_pipe(path: str) -> bytes:
    """A named pipe, opened without waiting for a writer, read until its writer closes it.
    Before a writer has been seen, an end of file means none is there yet: it is given
    WRITER_WAIT seconds to come; once one is there, PIPE_TIMEOUT seconds between writes."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    size, writer_seen = 0, False
    waited_since = time.monotonic()
    try:
        while True:
            if writer_seen:
                ready, _, _ = select.select([handle], [], [], PIPE_TIMEOUT)
                if not ready:
                    raise InputError(path, f"nothing came through the pipe for {PIPE_TIMEOUT:g} s")
            try:
                chunk = os.read(handle, 65536)
            except BlockingIOError:  # a writer is there but has written nothing yet
                writer_seen = True
                continue
            if chunk:
                writer_seen = True
                size += len(chunk)
                if size > MAX_BYTES:
                    raise _too_large(path)
                chunks.append(chunk)
            elif writer_seen:
                return b"".join(chunks)
            elif time.monotonic() - waited_since > WRITER_WAIT:
                raise InputError(
                    path, "is a named pipe that nothing writes to", "pipe the text to `-`"
                )
            else:
                time.sleep(0.05)
    finally:
        os.close(handle)


def read_bytes(path: str) -> bytes:
    """The bytes of a file, a named pipe or standard input (`-`), never more than MAX_BYTES;
    a folder, a device or a socket is an InputError."""
    if path == "-":
        return _read_capped(sys.stdin.buffer, "<stdin>")
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder", "give a file, or a folder to `check`")
        if stat.S_ISFIFO(info.st_mode):
            return _read_pipe(path)
        if not stat.S_ISREG(info.st_mode):
            device = stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            kind = "a device" if device else "not a regular file"
            raise InputError(path, f"is {kind}, not a release", "give a .txt or .md file")
        if info.st_size > MAX_BYTES:
            raise _too_large(path)
        with open(path, "rb") as file:
            return _read_capped(file, path)
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except NotADirectoryError:
        raise InputError(path, "no such file (part of the path is a file)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None


def read_source(path: str) -> tuple[str, str]:
    """The decoded text of a file, or of standard input for `-`, and the name to show."""
    return read_text(path)[:2]


def read_text(path: str) -> tuple[str, str, str]:
    """The decoded text of a file (or `-`), the name to show, and the encoding it was read in."""
    where = "<stdin>" if path == "-" else path
    text, encoding = decode_with_encoding(read_bytes(path), where)
    return text, where, encoding


def parse_front_matter(text: str, where: str) -> tuple[dict[str, Any], int]:
    """The YAML front matter of a Markdown file and the offset where the body begins."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yamlsafe.load_text_dates(match.group(1))
    except yaml.YAMLError as exc:
        line, problem = yamlsafe.error_line(exc)
        at = f"{where}:{(line or 0) + 1}"
        raise InputError(
            at, f"front matter is not valid YAML: {problem}", "fix the header"
        ) from None
    except RecursionError:
        raise InputError(where, "front matter is nested too deeply", "fix the header") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(where, "front matter is not a mapping of keys", "write `key: value` lines")
    return data, match.end()


# `2023-03-14`, and the Hugo and Jekyll forms with a time: `2023-03-14T10:00:00Z`,
# `2023-03-14 10:00:00 +0100`. The day is the one written, whatever the zone.
_FRONT_MATTER_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[Tt ]\S.*)?")


def _front_matter_date(data: dict[str, Any], where: str) -> date | None:
    value = data.get("date")
    if value is None:
        return None
    if isinstance(value, date):  # a datetime is a date too: keep only the day
        return date(value.year, value.month, value.day)
    match = _FRONT_MATTER_DATE.fullmatch(str(value).strip())
    try:
        if match is None:
            raise ValueError(value)
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        shown = str(value)[:40]
        raise InputError(
            where, f"front matter date {shown!r} is not a day in the form YYYY-MM-DD"
        ) from None


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
    text, where, encoding = read_text(path)
    document = from_text(text, where, release_date, date_order)
    notes = [] if encoding == "UTF-8" else [f"read as {encoding} (from its byte-order mark)"]
    sample = text[document.body_start : document.body_start + langid.SAMPLE]  # not a copy of all
    if language := langid.unsupported(sample):
        notes.append(language)
    document.notes = (*notes, *document.notes)
    return document


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
