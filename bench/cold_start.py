"""Benchmark: the cold start of `factcheck` commands, CPU and wall, beside the Python start."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "import dateparser, pydantic, rich": [
        "-c",
        "import dateparser.date, pydantic.main, rich.console",
    ],
    "factcheck --version": ["-m", "checker", "--version"],
    "factcheck --help": ["-m", "checker", "--help"],
    "factcheck claims": ["-m", "checker", "claims", str(EXAMPLE)],
    "factcheck check": ["-m", "checker", "check", str(EXAMPLE)],
    "factcheck check --format json": ["-m", "checker", "check", "--format", "json", str(EXAMPLE)],
}


def run_once(args: list[str], tree: Path, env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one fresh process in a source tree."""
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], cwd=tree, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"bench: {' '.join(args)} exited {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    """Print the median CPU and wall time of each command over fresh processes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (median)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another source tree (e.g. `git archive main`), run turn about with "
                             "this one so that both see the same load")  # fmt: skip
    args = parser.parse_args()
    # `python -m checker` imports the package of its working folder, before any installed one.
    trees = {"this tree": ROOT}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve()
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}, "
          f"{args.runs} runs each, medians")  # fmt: skip
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}  # no cache left by an earlier run
        # A user's Python keeps compiled bytecode (a wheel installs it); measure that start,
        # not one that compiles every module from source each time.
        if env.pop("PYTHONDONTWRITEBYTECODE", None):
            print("PYTHONDONTWRITEBYTECODE is set here: unset for the runs")
        base = dict.fromkeys(trees, 0.0)
        for name, command in COMMANDS.items():
            times: dict[str, list[tuple[float, float]]] = {tree: [] for tree in trees}
            for folder in trees.values():
                run_once(command, folder, env)  # the first run compiles .pyc files
            for _ in range(args.runs):
                for tree, folder in trees.items():
                    times[tree].append(run_once(command, folder, env))
            for tree, runs in times.items():
                cpu = statistics.median(c for c, _ in runs)
                wall = [w for _, w in runs]
                if name == "python -c pass":
                    base[tree] = cpu
                label = f"{name} ({tree})" if args.baseline else name
                print(f"{label:<46} CPU {cpu:.3f} s (+{cpu - base[tree]:.3f} over the Python "
                      f"start), wall {statistics.median(wall):.3f} s, max {max(wall):.3f} s")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
