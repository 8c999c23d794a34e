"""The 570 real releases of ../shared/corpus: every one loads and extracts without a crash."""

from __future__ import annotations

from pathlib import Path

from checker.document import load
from checker.pipeline import claims_of


def test_every_release_extracts_with_exact_spans(shared: Path) -> None:
    releases = sorted((shared / "corpus" / "releases").glob("*.txt"))
    assert len(releases) > 500
    for path in releases:
        document = load(str(path))
        assert document.release_date is not None, f"{path.name}: no release date found"
        for claim in claims_of(document):
            assert 0 <= claim.start < claim.end <= len(document.text), (path.name, claim)
            assert document.text[claim.start : claim.end] == claim.text, (path.name, claim)
