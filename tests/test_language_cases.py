"""Data-driven cases for the language layer: number phrases, verb groups and coordinations,
many wordings per value and a negative list each (tests/cases/language/*.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.language.analysis import Analysis
from checker.language.geometry import Geometry

CASES = Path(__file__).parent / "cases" / "language"


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _analysis(text: str) -> Analysis:
    return Analysis.of(text, Geometry.of(text))


TOKENS = _load("tokens")
NUMBERS = _load("numbers")
VERBS = _load("verbs")
COORDINATION = _load("coordination")


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["text"][:40] for c in cases]


@pytest.mark.parametrize("case", TOKENS["cases"], ids=_ids(TOKENS["cases"]))
def test_tokens(case: dict[str, Any]) -> None:
    analysis = _analysis(case["text"])
    for token in analysis.tokens:
        assert analysis.text[token.start : token.end] == token.text  # offsets index the text
    shown = []
    for token, want in zip(analysis.tokens, case["tokens"], strict=False):
        parts = want.split("/")
        shown.append("/".join([token.text, token.kind, token.tag][: len(parts)]))
    assert shown == case["tokens"] and len(analysis.tokens) == len(case["tokens"])


@pytest.mark.parametrize("case", TOKENS["sentences"], ids=_ids(TOKENS["sentences"]))
def test_sentences_and_paragraphs(case: dict[str, Any]) -> None:
    geometry = Geometry.of(case["text"])
    assert [case["text"][a:b] for a, b in geometry.sentences] == case["sentences"]
    assert [geometry.paragraph_index(a) for a, _ in geometry.sentences] == case["paragraphs"]


@pytest.mark.parametrize("text", TOKENS["negative"])
def test_one_token(text: str) -> None:
    assert [t.text for t in _analysis(text).tokens] == [text]


@pytest.mark.parametrize("case", NUMBERS["cases"], ids=_ids(NUMBERS["cases"]))
def test_number_phrase(case: dict[str, Any]) -> None:
    analysis = _analysis(case["text"])
    found = {analysis.text[p.start : p.end]: p for p in analysis.numbers}
    for want in case["phrases"]:
        assert want["text"] in found, f"no number phrase {want['text']!r}; found {list(found)}"
        phrase = found[want["text"]]
        assert phrase.value == pytest.approx(want["value"])
        for field in ("kind", "currency", "hedge", "determiner", "role"):
            if field in want:
                assert getattr(phrase, field) == want[field], f"{field} of {want['text']!r}"
        if "head" in want:
            head = phrase.head.text if phrase.head is not None else None
            assert head == want["head"], f"head of {want['text']!r}"
        if "modifiers" in want:
            assert list(phrase.modifiers) == want["modifiers"]


@pytest.mark.parametrize("text", NUMBERS["negative"])
def test_no_amount(text: str) -> None:
    analysis = _analysis(text)
    assert not analysis.numbers, [analysis.text[p.start : p.end] for p in analysis.numbers]


@pytest.mark.parametrize("case", VERBS["cases"], ids=_ids(VERBS["cases"]))
def test_verb_group(case: dict[str, Any]) -> None:
    analysis = _analysis(case["text"])
    found = {analysis.text[g.start : g.end]: g for g in analysis.verb_groups}
    for want in case["groups"]:
        assert want["text"] in found, f"no verb group {want['text']!r}; found {list(found)}"
        group = found[want["text"]]
        for field in ("tense", "aspect", "voice", "modality", "orientation"):
            if field in want:
                assert getattr(group, field) == want[field], f"{field} of {want['text']!r}"
    if len(case["groups"]) > 1 or case.get("exact"):
        assert sorted(found) == sorted(w["text"] for w in case["groups"])


def _runs(analysis: Analysis) -> list[list[str]]:
    return [
        [analysis.text[analysis.numbers[m].start : analysis.numbers[m].end] for m in c.members]
        for c in analysis.coordinations
    ]


@pytest.mark.parametrize("case", COORDINATION["cases"], ids=_ids(COORDINATION["cases"]))
def test_coordination(case: dict[str, Any]) -> None:
    assert _runs(_analysis(case["text"])) == case["runs"]


@pytest.mark.parametrize("text", COORDINATION["negative"])
def test_no_coordination(text: str) -> None:
    assert _runs(_analysis(text)) == []
