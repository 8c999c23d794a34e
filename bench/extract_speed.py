"""Benchmark: extraction and the whole check over ../shared/corpus, ms per document warm, and memory."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from checker.document import from_text
from checker.engine import load_rules
from checker.pipeline import claims_of

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "releases"


def main() -> int:
    """Time `claims_of` per document (second pass, warm) and track peak memory per tenth."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--rounds", type=int, default=2, help="passes over the corpus (first warms)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: {args.corpus}: no corpus (../shared is absent)", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(args.corpus.glob("*.txt"))]
    documents = [from_text(t, f"doc{i}") for i, t in enumerate(texts)]
    rules = load_rules([])
    per_doc: list[float] = []
    per_check: list[float] = []
    for round_ in range(args.rounds):
        for document in documents:
            began = time.perf_counter()
            claims = claims_of(document)
            extracted = time.perf_counter()
            rules.evaluate(document, claims)
            if round_ == args.rounds - 1:
                per_doc.append((extracted - began) * 1000)
                per_check.append((time.perf_counter() - began) * 1000)
    # Memory in a separate pass: tracing slows every allocation, so it never runs while timing.
    tracemalloc.start()
    peaks: list[float] = []
    for index, document in enumerate(documents):
        claims_of(document)
        if index % max(1, len(documents) // 10) == 0:
            peaks.append(tracemalloc.get_traced_memory()[0] / 2**20)
    tracemalloc.stop()
    sizes = [len(t) for t in texts]
    per_kb = [ms / (size / 3000) for ms, size in zip(per_doc, sizes, strict=True)]
    print(f"documents: {len(documents)}, mean size {statistics.mean(sizes) / 1000:.1f} KB")
    print(f"warm ms/doc: mean {statistics.mean(per_doc):.2f}, median {statistics.median(per_doc):.2f}, "
          f"p95 {sorted(per_doc)[int(len(per_doc) * 0.95)]:.2f}, max {max(per_doc):.2f}")  # fmt: skip
    print(f"warm ms per 3 KB: mean {statistics.mean(per_kb):.2f}")
    print(f"check (extract, resolve, evaluate) warm ms/doc: mean {statistics.mean(per_check):.2f}, "
          f"median {statistics.median(per_check):.2f}, max {max(per_check):.2f}")  # fmt: skip
    print("traced memory (MB) at each tenth of a pass: " + " ".join(f"{p:.1f}" for p in peaks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
