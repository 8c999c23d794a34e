"""Benchmark: the whole check (extract, resolve, evaluate) beside one `dateparser.search_dates`
pass over the same releases, warm, in one process, turn about; and where the check's time goes."""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

from checker.document import Document, from_text
from checker.engine import load_rules
from checker.engine.ruleset import RuleSet
from checker.pipeline import claims_of

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "releases"


def check(document: Document, rules: RuleSet) -> None:
    """What `factcheck check` does with a loaded document."""
    rules.evaluate(document, claims_of(document))


def search(document: Document) -> None:
    """dateparser's own search, told what the check is told: English, the release date."""
    base = document.release_date or datetime(2000, 1, 1).date()
    search_dates(document.text, languages=["en"],
                 settings={"RELATIVE_BASE": datetime.combine(base, datetime.min.time())})  # fmt: skip


def paired_round(documents: list[Document], rules: RuleSet) -> tuple[float, float]:
    """CPU seconds of the check and of search_dates over every document, turn about."""
    checking = searching = 0.0
    for index, document in enumerate(documents):
        order = (True, False) if index % 2 else (False, True)  # neither always runs first
        for is_check in order:
            began = time.process_time()
            if is_check:
                check(document, rules)
            else:
                search(document)
            spent = time.process_time() - began
            if is_check:
                checking += spent
            else:
                searching += spent
    return checking, searching


def profile(documents: list[Document], rules: RuleSet, top: int) -> None:
    """One pass of the check under cProfile: own time by module, then the costliest functions."""
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        check(document, rules)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = defaultdict(float)
    total = 0.0
    for (path, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        total += own
        by_module[_module(path)] += own
    print(f"\nprofile: {total:.2f} s of own time (profiled, so slower than above)")
    for module, own in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {own / total:6.1%}  {module}")
    print("costliest functions by own time:")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    for (path, line, name), (_, calls, own, cumulative, _) in rows:
        print(f"  {own / total:6.1%} own, {cumulative:6.2f} s cum, {calls:>8} calls  "
              f"{_module(path)}:{line} {name}")  # fmt: skip


def _module(path: str) -> str:
    """`checker/extract/dates.py`, `dateparser`, `re` or `(built-in)` for a profiled file."""
    if "/checker/" in path:
        return "checker/" + path.rsplit("/checker/", 1)[1]
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    if path.startswith("~") or path == "":
        return "(built-in)"
    return Path(path).parent.name + "/" + Path(path).name


def main() -> int:
    """Print the median per-document CPU of each, their ratio, and optionally a profile."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes, after one warm pass")
    parser.add_argument("--limit", type=int, default=0, help="only the first N releases")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="then profile one pass of the check and print the top N")  # fmt: skip
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: {args.corpus}: no corpus (../shared is absent)", file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    documents = [from_text(p.read_bytes().decode("utf-8-sig"), str(p)) for p in paths]
    rules = load_rules([])
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}, "
          f"{len(documents)} releases, one process, CPU time")  # fmt: skip
    paired_round(documents, rules)  # warm: caches, lazily compiled patterns, dateparser's data
    rounds = [paired_round(documents, rules) for _ in range(args.rounds)]
    count = len(documents)
    for number, (checking, searching) in enumerate(rounds, start=1):
        print(f"round {number}: check {checking / count * 1000:.2f} ms/release, "
              f"search_dates {searching / count * 1000:.2f} ms/release, "
              f"ratio {searching / checking:.2f}")  # fmt: skip
    checking = statistics.median(c for c, _ in rounds)
    searching = statistics.median(s for _, s in rounds)
    print(f"median: check {checking / count * 1000:.2f} ms/release, search_dates "
          f"{searching / count * 1000:.2f} ms/release: the check takes {checking / searching:.2f} "
          f"of search_dates' time (search_dates / check = {searching / checking:.2f})")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.profile:
        profile(documents, rules, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
