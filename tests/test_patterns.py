"""The first-character lookahead of deferred patterns changes no match, only the speed."""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import checker.extract
import checker.language
from checker.extract import patterns

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "releases"

TEXTS = [
    "We call next week on Tuesday or Thursday, 3 May 2024, at 10 a.m.; NEXT WEEK too.",
    "The Forum (founded 2009) met in JANUARY and in mid-1990s; since 31 April 2021 …",
    "Founded in 1984, it has raised US$2.9 million, 48% of which came from ſome donors.",
]


def _deferred() -> list[patterns._Deferred]:
    for package in (checker.extract, checker.language):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    return [o for o in gc.get_objects() if isinstance(o, patterns._Deferred)]


def test_a_boundary_pattern_gets_its_first_characters_as_a_lookahead() -> None:
    assert patterns._prefiltered(r"\b(?:Mon|Tues)day", re.I) == r"(?=[MT])\b(?:Mon|Tues)day"
    assert patterns._prefiltered(r"\b(?:1[6-9]|20)\d\d\b", 0).startswith("(?=[12])")


def test_what_cannot_be_told_is_left_as_it_is() -> None:
    for source in (r"(?<!\w)x", r"\b(?i:next)", r"\ba|b", r"\b\w+", r"\b(?:a)?"):
        assert patterns._prefiltered(source, 0) == source


def test_every_deferred_pattern_matches_as_before() -> None:
    texts = list(TEXTS)
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))[:200]]
    found = _deferred()
    assert len(found) > 50
    changed = 0
    for deferred in found:
        source, flags = deferred.pattern, deferred._flags
        faster = patterns._prefiltered(source, flags)
        if faster == source:
            continue
        changed += 1
        plain, prefixed = re.compile(source, flags), re.compile(faster, flags)
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [
                m.span() for m in prefixed.finditer(text)
            ], source
    assert changed > 20


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_case_folding_follows_the_flags(flags: int) -> None:
    compiled = re.compile(patterns._prefiltered(r"\b(?:may|june)\b", flags), flags)
    assert bool(compiled.search("in MAY")) == bool(flags)
    assert compiled.search("in june")


def test_a_case_folded_trigger_finds_what_the_case_insensitive_one_finds() -> None:
    from checker.extract import scan

    texts = list(TEXTS)
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))[:200]]
    texts = [t for t in texts if scan._lowered(t)[1]]
    folded = 0
    for deferred in _deferred():
        if not deferred._flags & re.IGNORECASE or re.search(r"\(\?[-aiLmsux]", deferred.pattern):
            continue  # an inline flag group would undo the folding: triggers have none
        trigger = re.compile(deferred.pattern, deferred._flags)
        faster = scan._folded(trigger)
        folded += 1
        for text in texts:
            assert [m.span() for m in trigger.finditer(text)] == [
                m.span() for m in faster.finditer(text.lower())
            ], deferred.pattern
    assert folded > 20


def test_a_trigger_scans_the_lower_cased_text_only_when_it_folds_as_re_does() -> None:
    from checker.extract import scan

    text = "İstanbul hosts the Forum in MAY every Year"  # "İ" lower-cases to two characters
    assert not scan._lowered(text)[1]
    assert scan.spans(scan.UNIT, text) == [m.span() for m in scan.UNIT.finditer(text)]
    assert [text[a:b] for a, b in scan.spans(scan.UNIT, text.replace("İ", "I"))] == ["Year"]
    assert not scan._lowered("ſpring")[1]  # `re` folds "ſ" to "s"; lower-casing does not
    assert [m.group() for m in re.finditer("(?i)spring", "ſpring")] == ["ſpring"]
