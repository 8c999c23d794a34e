"""What the desk does with a draft: the pipeline and renderers of `factcheck check`, no others."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath, PureWindowsPath

from checker import __version__, readers
from checker.batch import Options, Settings
from checker.commands import renderer
from checker.document import MAX_BYTES, decode, from_text
from checker.engine import load_rules
from checker.errors import InputError
from checker.models import Report
from checker.pipeline import analyse, report
from checker.readers import SourceMap

TEXT_SUFFIXES = ("", ".txt", ".md", ".markdown")
DOWNLOADS = {"json": ".json", "markdown": ".md", "html": ".html"}


class Unreadable(Exception):
    """A draft the desk cannot take: an HTTP status and the one-line message for the editor."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Draft:
    """A text to check: what the editor typed, or what a reader took out of a dropped file."""

    text: str
    name: str = "<text>"
    release_date: date | None = None
    date_order: str | None = None
    source_map: SourceMap | None = None


@dataclass(frozen=True)
class Checked:
    """A draft's report, its text, and the date order it was read with."""

    report: Report
    name: str
    text: str
    date_order: str


def display_name(name: str) -> str:
    """A file name as the report shows it: no folders, no control characters, not too long."""
    base = PureWindowsPath(PurePath(name).name).name  # a browser may send C:\\fakepath\\x.docx
    shown = "".join(ch for ch in base if ch.isprintable())[:200].strip()
    return shown or "<text>"


def read_upload(name: str, raw: bytes) -> Draft:
    """The text of an uploaded file, by its extension: a text file, a DOCX or an HTML page."""
    shown = display_name(name)
    if len(raw) > MAX_BYTES:
        raise Unreadable(413, f"{shown}: larger than {MAX_BYTES // 2**20} MB (split the file)")
    kind = readers.kind_of(shown)
    try:
        if kind is not None:
            extracted = readers.read(raw, kind, shown)
            return Draft(extracted.text, shown, source_map=extracted.source_map)
        if PurePath(shown).suffix.lower() not in TEXT_SUFFIXES:
            raise Unreadable(
                415, f"{shown}: not a file the desk reads (give a .txt, .md, .docx or .html file)"
            )
        return Draft(decode(raw, shown), shown)
    except InputError as exc:
        raise Unreadable(422, exc.line()) from None


class Desk:
    """The rules, built once, and the checks of one server, one at a time."""

    def __init__(self, rule_dirs: Sequence[str] = ()) -> None:
        self.ruleset = load_rules(list(rule_dirs))  # a bad rule file stops `serve` at once
        self.settings = Settings(Options(rule_dirs=tuple(rule_dirs)))
        # The pipeline is pure Python (the GIL runs one check at a time anyway) and its rule
        # sets are cached in a dict: one lock keeps concurrent requests from sharing anything.
        self.lock = threading.Lock()
        self.settings.for_path("-")  # a broken .factcheck.yaml stops `serve` at once too

    def check(self, draft: Draft) -> Checked:
        """The report of a draft, as `factcheck check` would make it for that text."""
        if len(draft.text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise Unreadable(413, f"the draft is larger than {MAX_BYTES // 2**20} MB (split it)")
        with self.lock:
            try:
                evaluate, order, _ = self.settings.for_path("-")
            except InputError as exc:
                raise Unreadable(500, f"the desk's configuration: {exc.line()}") from None
            try:
                document = from_text(
                    draft.text, draft.name, draft.release_date, draft.date_order or order,
                    draft.source_map,
                )  # fmt: skip
            except InputError as exc:
                raise Unreadable(422, exc.line()) from None
            result = report([analyse(document, evaluate)], __version__)
        return Checked(result, document.path, document.text, document.date_order)

    def render(self, checked: Checked, fmt: str) -> str:
        """A checked draft's report in a format the page downloads."""
        texts = {checked.name: checked.text}
        return renderer(fmt, texts, self.ruleset.rules, show_claims=False)(checked.report)
