"""The one-way flow, held by the code itself: checks see claims and their evidence, never the
document, the text or the language layer's analysis; renderers never re-run the loader."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import checker.checks  # noqa: F401  (registers every check type)
from checker.checks import base

PACKAGE = Path(__file__).parent.parent / "checker"
# What a check may read: the claims' models, the timeline's arithmetic, word lists (data),
# the hedges' intervals and its own helpers. No `re`, no document, no analysis, no extractor.
CHECK_IMPORTS = {
    "__future__", "bisect", "calendar", "collections.abc", "dataclasses", "datetime",
    "functools", "importlib", "pkgutil", "time", "typing", "pydantic",
    "checker.checks", "checker.checks.amounts", "checker.checks.base", "checker.engine",
    "checker.hedges", "checker.language.lexicon", "checker.models", "checker.timeline",
    "checker.extract.lexicon",
}  # fmt: skip
# `from checker import X` / `from checker.language import X`: which X are allowed
CHECK_NAMES = {"checker": {"hedges"}, "checker.language": {"lexicon"}}
RENDERER_FORBIDDEN = ("checker.document", "checker.pipeline", "checker.readers", "checker.loader")


def _imports(path: Path) -> list[tuple[str, str | None]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            found += [(node.module, alias.name) for alias in node.names]
    return found


CHECKS = sorted((PACKAGE / "checks").glob("*.py"))


@pytest.mark.parametrize("path", CHECKS, ids=[p.stem for p in CHECKS])
def test_a_check_reads_no_text(path: Path) -> None:
    for module, name in _imports(path):
        if module in CHECK_NAMES:
            assert name in CHECK_NAMES[module], f"{path.name} imports {name} from {module}"
            continue
        assert module in CHECK_IMPORTS, f"{path.name} imports {module}"


def test_every_check_type_takes_facts_claims_and_params() -> None:
    assert base.REGISTRY, "no check type registered"
    for name, entry in base.REGISTRY.items():
        parameters = list(inspect.signature(entry.run).parameters)
        assert parameters == ["facts", "claims", "params"], f"{name}: {parameters}"


RENDERERS = sorted((PACKAGE / "report").glob("*.py"))


@pytest.mark.parametrize("path", RENDERERS, ids=[p.stem for p in RENDERERS])
def test_a_renderer_does_not_load_documents(path: Path) -> None:
    for module, _ in _imports(path):
        assert not module.startswith(RENDERER_FORBIDDEN), f"{path.name} imports {module}"


def test_the_layout_travels_with_the_report_and_stays_out_of_json() -> None:
    from checker.document import from_text
    from checker.pipeline import analyse
    from checker.report.positions import Locator

    text = "date 2023-03-14\n\nThe Forum met. It was founded in 2009 by Dr. Lee. It grew."
    document = from_text(text)
    checked = analyse(document)
    assert checked.layout is not None
    assert checked.layout.sentences == document.geometry.sentences
    assert checked.layout.body_start == document.body_start
    assert "layout" not in checked.model_dump_json()
    # the renderers' sentences are the language layer's, not a second reading of the text
    locator = Locator(text, checked.layout)
    start = text.index("founded")
    assert locator.sentence(start, start + 7) == document.geometry.sentence_at(start)
