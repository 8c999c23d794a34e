"""Benchmark: resident memory over 10,000 releases (the corpus, cycled): a `factcheck check`
run with --jobs 1 and with --jobs N (the main process and each worker), and the Python API."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "releases"


def rss_mb(pid: int) -> float | None:
    """The resident set of a process in MB, or None once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    """The child processes of a process (the pool's workers)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):  # a worker that has just gone
            found += [int(c) for c in task.read_text().split()]
    return found


def folder_of(releases: int, corpus: Path, into: Path) -> Path:
    """A folder of `releases` copies of the corpus files, cycled, in a fixed order (copies: a
    folder's symbolic links are not followed)."""
    files = sorted(corpus.glob("*.txt"))
    for index in range(releases):
        source = files[index % len(files)]
        shutil.copyfile(source, into / f"{index:05d}-{source.name}")
    return into


def watch_run(folder: Path, jobs: int, fmt: str = "json") -> None:
    """Run `factcheck check --format FMT --jobs N` and print RSS at each tenth of its run."""
    command = [sys.executable, "-m", "checker", "check", "--format", fmt, "--jobs", str(jobs)]
    began = time.perf_counter()
    child = subprocess.Popen([*command, str(folder)], cwd=ROOT, stdout=subprocess.DEVNULL)
    samples: list[tuple[float, float, list[float]]] = []
    while child.poll() is None:
        main_rss = rss_mb(child.pid)
        workers = [r for c in children(child.pid) if (r := rss_mb(c)) is not None]
        if main_rss is not None:
            samples.append((time.perf_counter() - began, main_rss, workers))
        time.sleep(0.25)
    took = time.perf_counter() - began
    if child.returncode not in (0, 1):
        raise SystemExit(f"bench: --jobs {jobs} exited {child.returncode}")
    print(f"\n--format {fmt} --jobs {jobs}: {took:.0f} s, exit status {child.returncode}; RSS (MB) at each "
          f"tenth of the run: main process{', largest worker' if jobs > 1 else ''}")  # fmt: skip
    for tenth in range(1, 11):
        upto = [s for s in samples if s[0] <= took * tenth / 10]
        if not upto:
            continue
        at, main_rss, workers = upto[-1]
        shown = f"  {at:6.0f} s  main {main_rss:7.1f}"
        if jobs > 1:
            shown += f"  worker {max(workers, default=0):6.1f}"
        print(shown)
    print(f"  peak: main {max(s[1] for s in samples):.1f}"
          + (f", worker {max(max(s[2], default=0) for s in samples):.1f}" if jobs > 1 else ""))  # fmt: skip


def watch_api(folder: Path) -> None:
    """`checker.check_text` over every release, each result written out and dropped."""
    code = (
        "import sys, pathlib, checker\n"
        "from checker.report.json import document_object\n"
        "paths = sorted(pathlib.Path(sys.argv[1]).iterdir())\n"
        "rules = checker.load_rules()\n"
        "def rss():\n"
        "    line = next(l for l in open('/proc/self/status') if l.startswith('VmRSS:'))\n"
        "    return int(line.split()[1]) / 1024\n"
        "for i, p in enumerate(paths, 1):\n"
        "    report = checker.check_text(p.read_bytes().decode('utf-8-sig'), rules=rules, path=str(p))\n"
        "    document_object(report.documents[0])\n"
        "    if i % (len(paths) // 10) == 0:\n"
        "        print(f'  {i:6d} releases  {rss():7.1f}', flush=True)\n"
    )
    print("\nchecker.check_text, one process: RSS (MB) after each tenth of the releases")
    subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, check=True)


def main() -> int:
    """Print RSS over a long run for --jobs 1, --jobs N and the API."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N (default: cores)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--skip", choices=("run", "api"), action="append", default=[])
    parser.add_argument("--format", default="json", help="the run's report format (json, text)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench: {args.corpus}: no corpus (../shared is absent)", file=sys.stderr)
        return 2
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}, "
          f"{args.releases} releases (the corpus cycled)")  # fmt: skip
    with tempfile.TemporaryDirectory() as temporary:
        folder = folder_of(args.releases, args.corpus, Path(temporary))
        if "run" not in args.skip:
            for jobs in dict.fromkeys((1, args.jobs)):
                watch_run(folder, jobs, args.format)
        if "api" not in args.skip:
            watch_api(folder)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
