"""Benchmark: `factcheck check --jobs N` over the shared corpus at 1, 2 and all cores, with the
JSON of every run compared byte for byte with that of --jobs 1."""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "releases"
ENV = dict(os.environ)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's start reads compiled bytecode


def run(jobs: int, corpus: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its workers) and the JSON's SHA-256."""
    command = [sys.executable, "-m", "checker", "check", "--format", "json", "--jobs", str(jobs)]
    before = os.times()
    began = time.perf_counter()
    proc = subprocess.run(
        [*command, str(corpus)], cwd=ROOT, env=ENV, capture_output=True, check=False
    )
    wall = time.perf_counter() - began
    after = os.times()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: --jobs {jobs} exited {proc.returncode}: {proc.stderr[-300:]!r}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, hashlib.sha256(proc.stdout).hexdigest()


def main() -> int:
    """Print median wall time, speed-up and identity for each --jobs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each (median)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: {args.corpus}: no corpus (../shared is absent)", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    counts = list(dict.fromkeys((1, 2, cores)))
    releases = len(list(args.corpus.glob("*.txt")))
    print(f"cores: {cores}, load average: {os.getloadavg()[0]:.2f}, {releases} releases, "
          f"{args.runs} runs each, turn about, medians")  # fmt: skip
    walls: dict[int, list[float]] = {n: [] for n in counts}
    cpus: dict[int, list[float]] = {n: [] for n in counts}
    digests: dict[int, set[str]] = {n: set() for n in counts}
    for _ in range(args.runs):
        for jobs in counts:
            wall, cpu, digest = run(jobs, args.corpus)
            walls[jobs].append(wall)
            cpus[jobs].append(cpu)
            digests[jobs].add(digest)
    single = statistics.median(walls[1])
    identical = True
    for jobs in counts:
        wall = statistics.median(walls[jobs])
        same = digests[jobs] == digests[1] and len(digests[jobs]) == 1
        identical &= same
        print(f"--jobs {jobs}: wall {wall:.2f} s ({releases / wall:.0f} releases/s), speed-up "
              f"{single / wall:.2f}, CPU {statistics.median(cpus[jobs]):.2f} s, JSON "
              f"{'identical to --jobs 1' if same else 'DIFFERS from --jobs 1'}")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
