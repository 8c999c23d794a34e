"""Scores temporal extraction on TimeBank and AQUAINT with the TempEval-3 scorer in ../shared."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from checker.document import from_text
from checker.models import Claim
from checker.pipeline import claims_of

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "timebank"
OUT = ROOT / "bench" / "out" / "timebank"
CORPORA = ("TimeBank", "AQUAINT")
# Atoms only: a range, an origin, "since 2012" are built on dates that are exported themselves.
KINDS = {"date", "relative", "duration", "set", "time"}


def system_timexes(claims: list[Claim]) -> list[dict[str, Any]]:
    """The TIMEX3 of each temporal atom: a claim with a timex that joins no other claim."""
    return [
        {"start": c.start, "end": c.end, "type": c.timex.type, "value": c.timex.value}
        for c in claims
        if c.kind in KINDS and c.timex is not None and not c.parts
    ]


def run_extractor(raw: Path) -> tuple[dict[str, list[dict[str, Any]]], float, int]:
    """Every document's timexes, the seconds spent extracting and the characters read."""
    system: dict[str, list[dict[str, Any]]] = {}
    seconds, chars = 0.0, 0
    for txt in sorted(raw.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        dct = txt.with_suffix(".dct").read_text(encoding="utf-8").strip()[:10]
        started = time.perf_counter()
        # TimeBank is US news: numeric dates are month first.
        document = from_text(text, txt.stem, release_date=date.fromisoformat(dct), date_order="MDY")
        system[txt.stem] = system_timexes(claims_of(document))
        seconds += time.perf_counter() - started
        chars += len(text)
    return system, seconds, chars


def score(gold: Path, system_json: Path, errors: Path | None) -> dict[str, Any]:
    """The scorer's figures for one gold folder; its error listing saved when asked."""
    figures = system_json.with_suffix(".scores.json")
    command = [sys.executable, str(SHARED / "score_te3.py"), "score", str(gold), str(system_json)]
    command += ["--json-out", str(figures)] + (["--errors"] if errors else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    if errors:
        errors.write_text(done.stdout, encoding="utf-8")
    result: dict[str, Any] = json.loads(figures.read_text(encoding="utf-8"))
    return result


def combined_gold(out: Path) -> Path:
    """One folder that links every gold file of both corpora, to score them together."""
    folder = out / "gold-combined"
    folder.mkdir(parents=True, exist_ok=True)
    for corpus in CORPORA:
        for tml in (SHARED / corpus).glob("*.tml"):
            link = folder / tml.name
            if not link.exists():
                link.symlink_to(tml)
    return folder


def line(name: str, r: dict[str, Any]) -> str:
    """One row of the results table."""
    return (
        f"{name:9s} gold={r['n_gold']:5d} sys={r['n_system']:5d}  strict F1 {r['strict']['F1']:.3f}"
        f"  relaxed F1 {r['relaxed']['F1']:.3f}  value F1 {r['value_F1']:.3f}"
        f"  (P {r['relaxed']['P']:.3f} R {r['relaxed']['R']:.3f}"
        f" value acc {r['value_accuracy']:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    """Export, extract, score; prints one line per corpus and the combined figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT, help="working folder (git-ignored)")
    parser.add_argument("--errors", action="store_true", help="write the scorer's error lists")
    args = parser.parse_args(argv)
    if not (SHARED / "score_te3.py").is_file():
        print(f"bench/timebank.py: {SHARED} is absent (it holds the scorer)", file=sys.stderr)
        return 2
    out: Path = args.out
    combined: dict[str, list[dict[str, Any]]] = {}
    total_seconds, total_chars = 0.0, 0
    for corpus in CORPORA:
        raw = out / "raw" / corpus
        export = [sys.executable, str(SHARED / "score_te3.py"), "export", str(SHARED / corpus)]
        subprocess.run([*export, str(raw)], capture_output=True, check=True)
        system, seconds, chars = run_extractor(raw)
        total_seconds, total_chars = total_seconds + seconds, total_chars + chars
        combined.update(system)
        path = out / f"system-{corpus}.json"
        path.write_text(json.dumps(system, indent=1, sort_keys=True), encoding="utf-8")
        errors = out / f"errors-{corpus}.txt" if args.errors else None
        print(line(corpus, score(SHARED / corpus, path, errors)))
    path = out / "system.json"
    path.write_text(json.dumps(combined, indent=1, sort_keys=True), encoding="utf-8")
    print(line("combined", score(combined_gold(out), path, None)))
    per_kb = 1000 * total_seconds / max(1, total_chars / 3000)
    print(f"extraction: {total_seconds:.2f} s, {total_chars // 1000} kB, {per_kb:.2f} ms per 3 kB")
    if args.errors:
        print(f"errors: {out}/errors-*.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
