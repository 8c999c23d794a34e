"""Benchmark: seconds and peak memory of `factcheck check` per MB of prose, at 1, 2, 4 and 10 MB.

The prose is the corpus of real releases (../shared/corpus/releases) joined end to end, or the
bundled example repeated when the corpus is absent, cut at a word to the size wanted. Each size
is checked by a fresh process; its peak resident memory is the kernel's count for that process.
`--profile MB` prints, instead, where the time goes in checker/ at that size.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "releases"
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
MB = 2**20


def prose(size: int) -> str:
    """`size` bytes (at most) of release prose, its first line the release date."""
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [EXAMPLE]
    pieces = [p.read_text(encoding="utf-8") for p in sources]
    body = "\n\n".join(pieces)
    text = "date 2023-03-14\n"
    while len(text.encode()) < size:
        text += body + "\n\n"
    cut = text.encode()[:size].decode("utf-8", "ignore")
    return cut[: cut.rfind(" ")] + "\n"


def measure(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one `factcheck check` of a file."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "--format", "json", str(path)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def profile(size: int, top: int) -> None:
    """The functions of checker/ that take the most time on `size` bytes of prose."""
    from checker.document import from_text
    from checker.engine import load_rules
    from checker.pipeline import analyse

    text = prose(size)
    rules = load_rules([])
    profiler = cProfile.Profile()
    profiler.enable()
    analyse(from_text(text, "prose.txt"), rules.evaluate)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
    stats.print_stats(r"checker/", top)
    print(out.getvalue())


def main() -> int:
    """Print seconds, seconds per MB, and peak memory at each size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 10], metavar="MB")
    parser.add_argument("--profile", type=float, metavar="MB", help="profile one size instead")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if args.profile:
        profile(int(args.profile * MB), args.top)
        return 0
    source = "the corpus" if CORPUS.is_dir() else "the bundled example (no ../shared corpus)"
    print(f"prose from {source}; one fresh `factcheck check --format json` per size")
    print(f"{'MB':>5} {'seconds':>9} {'s per MB':>9} {'peak MB':>9} {'exit':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"prose-{size:g}.txt"
            path.write_text(prose(min(int(size * MB), 10 * MB)), encoding="utf-8")
            seconds, peak, status = measure(path)
            print(f"{size:>5g} {seconds:>9.1f} {seconds / size:>9.2f} {peak:>9.0f} {status:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
