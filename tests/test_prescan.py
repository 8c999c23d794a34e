"""The Hyperscan pass only narrows where `re` looks: every trigger finds what a scan finds."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import checker.extract
from checker.document import from_text
from checker.extract import durations, patterns, prescan, scan
from checker.pipeline import claims_of

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "releases"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
needs_hyperscan = pytest.mark.skipif(prescan.hyperscan is None, reason="hyperscan not installed")

# Texts where a widened pattern could be narrower than the trigger if it were built carelessly:
# letters beyond ASCII beside the words (a word boundary that `re` sees and ASCII does not),
# digits, spaces and case folds beyond ASCII, and triggers at the very ends.
TEXTS = [
    "Ｊａｎｕａｒｙ caféday Dayé déjà-vu ſeptember KELVIN 2020s ١٢:٣٠ noon\u00a0noon Q3",
    "in\u2003the morning, MAY 2024; Sept. 3; the 1990’s; 10\u202fa.m.; every day; FY2025",
    "mornings; Tuesdays, twenty-twenty; since 2012–2015 ago hence; 12/10 and 7.5",
    "year",
    "Year-on-year, the prior year's figures (9:30 GMT) Christmas day, the day before",
]


def _triggers() -> list[re.Pattern[str]]:
    for module in pkgutil.iter_modules(checker.extract.__path__):
        importlib.import_module(f"checker.extract.{module.name}")
    return list(scan._TRIGGERS)


def _scanned(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """What a scan of the whole text by `re` finds, as `scan.spans` did before Hyperscan: nothing
    when a keyed trigger's needles are all absent."""
    lower, foldable = scan._lowered(text)
    if scan._absent(trigger, lower):
        return []
    if foldable and patterns.flags_of(trigger) & re.IGNORECASE:
        return [m.span() for m in scan._folded(trigger).finditer(lower)]
    return [m.span() for m in trigger.finditer(text)]


def _texts() -> list[str]:
    texts = [*TEXTS, *(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))]
    return texts


@needs_hyperscan
def test_every_trigger_has_a_widened_pattern() -> None:
    unwidened = [t.pattern for t in _triggers() if prescan.widened(*scan._source(t)) is None]
    assert unwidened == []


@needs_hyperscan
def test_spans_are_those_of_a_whole_scan() -> None:
    """On the shared corpus when present (570 releases), else on the bundled examples."""
    triggers = _triggers()
    for text in _texts():
        scan._SPANS.clear()
        for trigger in triggers:
            assert scan.spans(trigger, text) == _scanned(trigger, text), (
                trigger.pattern,
                text[:60],
            )


def test_spans_without_hyperscan_are_those_of_a_whole_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prescan, "hyperscan", None)
    triggers = _triggers()
    for text in TEXTS:
        scan._SPANS.clear()
        for trigger in triggers:
            assert scan.spans(trigger, text) == _scanned(trigger, text)


def test_every_trigger_an_extractor_scans_with_is_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: set[re.Pattern[str]] = set()
    spans = scan.spans

    def recorded(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
        seen.add(trigger)
        return spans(trigger, text)

    monkeypatch.setattr(scan, "spans", recorded)
    for text in _texts()[:60]:
        claims_of(from_text(text, "doc"))
    assert seen and [t.pattern for t in seen if t not in scan._TRIGGERS] == []


def test_every_pattern_an_extractor_searches_in_windows_is_prescanned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A costly pattern Hyperscan can widen is declared `windowed`, so that windows it cannot
    match in are skipped; one it cannot (a back-reference) is searched in every window."""
    seen: set[re.Pattern[str]] = set()
    finditer = scan.finditer

    def recorded(
        pattern: re.Pattern[str],
        text: str,
        trigger: re.Pattern[str],
        back: int = 80,
        ahead: int = 40,
    ) -> object:
        seen.add(pattern)
        return finditer(pattern, text, trigger, back, ahead)

    monkeypatch.setattr(scan, "finditer", recorded)
    for text in _texts()[:60]:
        claims_of(from_text(text, "doc"))
    undeclared = [p for p in seen if p not in scan._WINDOWED]
    # durations.ADJECTIVE matches at every number: a prescan would rule out no window
    unfiltered = [p for p in undeclared if p is not durations.ADJECTIVE]
    assert seen and [p.pattern for p in unfiltered if prescan.widened(*scan._source(p))] == []


@needs_hyperscan
def test_windowed_matches_are_those_of_every_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping the windows Hyperscan rules out finds every match a search of all finds."""
    triggers = {p: t for p, t in _windowed_pairs()}
    for text in _texts():
        scan._SPANS.clear()
        for pattern, trigger in triggers.items():
            fast = [m.span() for m in scan.finditer(pattern, text, trigger)]
            with monkeypatch.context() as patched:
                patched.setattr(scan, "_ends", lambda *_: None)
                plain = [m.span() for m in scan.finditer(pattern, text, trigger)]
            assert fast == plain, (pattern.pattern[:60], text[:60])


def _windowed_pairs() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Costly patterns with the trigger their extractors search them around."""
    from checker.extract import anaphora, dates, durations, months, relative, times

    return [
        (dates.DAY_MONTH_YEAR, scan.MONTH),
        (dates.MONTH_DAY, scan.MONTH),
        (months.MONTH_REF, scan.MONTH),
        (anaphora.QUARTER, anaphora._QUARTER),
        (anaphora.THE_YEAR, anaphora._YEAR),
        (durations.DURATION, durations.UNIT_WORD),
        (relative.CALENDAR_REF, scan.UNIT),
        (relative.WEEKDAY_REF, scan.WEEKDAY),
        (times.CLOCK, times._AM_PM),
    ]


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"\bday\b", re.IGNORECASE, "caféDAY"),  # ASCII sees a boundary where `re` sees none
        (r"(?<![\w-])week(?!s)", 0, "weeks"),  # the lookarounds are dropped
        (r"\d+\s*h", 0, "١٢\u2003h"),  # digits and spaces beyond ASCII
        (r"[^a]x", 0, "éx"),
        (r"Å\w", re.IGNORECASE, "åb"),
    ],
)
@needs_hyperscan
def test_a_widened_pattern_matches_where_the_trigger_does(
    pattern: str, flags: int, text: str
) -> None:
    widened = prescan.widened(pattern, flags)
    assert widened is not None
    view = prescan.ascii_view(text.lower())
    assert prescan.Scanner([(pattern, flags)]).regions(view)[0] != []
    assert re.search(widened.encode(), view, re.IGNORECASE | re.DOTALL)


def test_a_back_reference_has_no_widened_pattern() -> None:
    assert prescan.widened(r"(a)\1", 0) is None


@needs_hyperscan
def test_the_database_is_kept_and_a_damaged_entry_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    view = prescan.ascii_view("in may, the 12th")
    first = prescan.Scanner([(r"\bmay\b", 0), (r"\d+th", 0)]).regions(view)
    (entry,) = tmp_path.glob("triggers-*.hsdb")
    assert prescan.Scanner([(r"\bmay\b", 0), (r"\d+th", 0)]).regions(view) == first
    entry.write_bytes(b"not a database")
    assert prescan.Scanner([(r"\bmay\b", 0), (r"\d+th", 0)]).regions(view) == first
    assert first == [[(3, 6)], [(12, 16)]]


@needs_hyperscan
@pytest.mark.parametrize("starts", [True, False])
def test_a_database_read_from_the_cache_scans_without_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, starts: bool
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    expressions = [b"may", b"[0-9]+th"]
    prescan._database(expressions, starts)  # compiled and kept
    monkeypatch.setattr(prescan.hyperscan, "Database", None)  # no compiling from here on
    found: list[tuple[int, int]] = []
    database = prescan._database(expressions, starts)
    database.scan(b"in may, the 12th", match_event_handler=lambda i, a, b, *_: found.append((i, b)))
    assert found == [(0, 6), (1, 16)]


@needs_hyperscan
def test_the_windowed_scanner_tells_where_matches_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    scanner = prescan.Scanner([(r"\bmay\b", 0), (r"\d+th", 0)], starts=False)
    assert scanner.ends(prescan.ascii_view("in may, the 12th")) == [[6], [16]]
