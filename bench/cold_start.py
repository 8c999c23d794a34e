"""Benchmark: the cold start of `factcheck claims` and `factcheck check` on the example release."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"


def time_command(args: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of each run of a fresh `python -m checker` process."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True,
                       check=False)  # fmt: skip
        times.append(time.perf_counter() - began)
    return times


def main() -> int:
    """Print the median and worst cold start of each command."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for command in (["claims", str(EXAMPLE)], ["check", str(EXAMPLE)]):
        times = time_command(command, args.runs)
        print(f"factcheck {command[0]:<7} median {statistics.median(times):.3f} s, "
              f"max {max(times):.3f} s over {args.runs} runs")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
