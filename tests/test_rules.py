"""Every rule's examples through the whole pipeline; the shared examples; the corpus, nearly silent."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import from_text, load
from checker.engine import RuleSet
from checker.engine.loader import load as load_folders
from checker.engine.schema import Example, Rule
from checker.models import Finding
from checker.packs import overlaps
from checker.pipeline import claims_of

ROOT = Path(__file__).resolve().parent.parent
PACKS = sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir())
RULES = load_folders(PACKS)
TIME = (
    "anniversary-mismatch", "edition-mismatch", "relative-date-mismatch", "weekday-mismatch",
    "invalid-date", "reversed-range", "tense-mismatch", "duration-mismatch", "age-mismatch",
    "origin-conflict",
)  # fmt: skip
CORE = RuleSet([r for r in RULES if Path(r.source).parent.name == "core"])
TIME_RULES = RuleSet([r for r in RULES if r.id in TIME])
CASES = [(rule, example) for rule in RULES for example in rule.examples]
CASE_IDS = [f"{rule.id}:{i}:{e.expect}" for rule in RULES for i, e in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule", "example"), CASES, ids=CASE_IDS)
def test_rule_example(rule: Rule, example: Example) -> None:
    document = from_text(example.text, "<example>", release_date=example.date)
    found = [
        f for f in RuleSet([rule]).evaluate(document, claims_of(document)) if f.rule == rule.id
    ]
    if example.expect == "passes":
        assert found == [], f"{rule.id} flags a passing example: {[f.message for f in found]}"
        return
    assert found, f"{rule.id} misses a failing example: {example.text!r}"
    if example.flags:
        assert any(overlaps(f, example.text, example.flags) for f in found), [f.text for f in found]
    for finding in found:
        assert "{" not in finding.message, finding.message


def test_every_rule_has_a_failing_and_a_passing_example() -> None:
    for rule in RULES:
        assert {e.expect for e in rule.examples} == {"fails", "passes"}, rule.id


def test_the_time_family_is_in_the_core_pack() -> None:
    assert {r.id for r in TIME_RULES.rules} == set(TIME)
    assert TIME_RULES.get("tense-mismatch").severity == "warning"  # type: ignore[union-attr]
    assert TIME_RULES.get("relative-date-mismatch").severity == "warning"  # type: ignore[union-attr]


def _check(path: Path, rules: RuleSet) -> tuple[str, list[Finding]]:
    document = load(str(path))
    return document.text, rules.evaluate(document, claims_of(document))


def test_the_shared_examples_meet_every_time_expectation(shared: Path) -> None:
    expected = json.loads((shared / "examples" / "expected.json").read_text(encoding="utf-8"))
    for name, spec in expected.items():
        if name.startswith("_"):
            continue
        text, found = _check(shared / "examples" / name, TIME_RULES)
        for want in (w for w in spec["findings"] if w["rule"] in TIME):
            hits = [
                f for f in found
                if f.rule == want["rule"] and f.severity == want["severity"]
                and overlaps(f, text, want["text"])
                and ("related" not in want or any(text[r.start : r.end] in want["related"]
                     or want["related"] in text[r.start : r.end] for r in f.related))
                and want.get("expected", "").lower() in f"{f.message} {f.suggestion}".lower()
            ]  # fmt: skip
            assert hits, f"{name}: missing {want}"
        for fragment in spec["clean"]:
            noisy = [f for f in found if f.severity != "info" and overlaps(f, text, fragment)]
            assert noisy == [], f"{name}: {fragment!r} is clean, but: {[f.message for f in noisy]}"


def test_eu_iom_gives_exactly_two_findings(shared: Path) -> None:
    _, found = _check(shared / "examples" / "eu-iom-senior-officials-2022-10-08.txt", CORE)
    serious = sorted((f.rule, f.severity) for f in found if f.severity != "info")
    assert serious == [("anniversary-mismatch", "error"), ("relative-date-mismatch", "warning")]


def test_the_clean_example_is_clean(shared: Path) -> None:
    _, found = _check(shared / "examples" / "clean-library-2024-11-05.txt", CORE)
    assert [f.message for f in found if f.severity != "info"] == []


def test_the_corpus_gives_few_time_errors(shared: Path) -> None:
    """Real releases: no crash, and at most a handful of errors (each one looked at by hand)."""
    releases = sorted((shared / "corpus" / "releases").glob("*.txt"))
    assert len(releases) > 500
    counts: Counter[str] = Counter()
    for path in releases:
        text, found = _check(path, TIME_RULES)
        for finding in found:
            assert text[finding.start : finding.end] == finding.text
            counts[finding.severity] += 1
    assert counts["error"] <= 6, counts
    assert counts["warning"] <= 10, counts


FRAGMENTS = [
    "The Forum, founded in 2012,", "founded in July 2012", "its creation in 2010", "born in 1965",
    "Maria Lopez, 52,", "now in its ninth year", "its 25th anniversary", "the 5th annual summit",
    "first held in 2015", "the eighth of its kind since the launch of the Forum", "today (07/10)",
    "Yesterday (9 May)", "Tuesday, 20 April 2023", "31 April 2023", "29 February 2024",
    "from 2021 to 2019", "between 2015 and 2021", "will open on 2 May 2023", "was held on",
    "for more than two decades", "since 2012", "over the past 15 years", "ten years since",
    "<!-- factcheck: ignore weekday-mismatch -- x -->", "\n", ". ", ", ", "It", "its", "the",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(FRAGMENTS), max_size=25),
    release=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 12, 31))),
)
def test_any_mix_of_time_claims_gives_sound_findings(
    words: list[str], release: date | None
) -> None:
    text = " ".join(words)
    document = from_text(text, "<mix>", release_date=release)
    for finding in CORE.evaluate(document, claims_of(document)):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.message and "{" not in finding.message
        assert (finding.line, finding.column) == document.line_column(finding.start)
