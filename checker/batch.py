"""Batch runs: many documents, in input order, in one process or a pool, with progress."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.progress import TaskID

from checker import document
from checker.errors import InputError
from checker.models import DocumentReport
from checker.pipeline import Evaluator, analyse

if TYPE_CHECKING:
    from rich.progress import Progress


@dataclass(frozen=True)
class Options:
    """What every document of a run is checked with; plain data, so a worker can receive it."""

    release_date: date | None = None
    date_order: str | None = None
    rule_dirs: tuple[str, ...] = ()
    evaluate: bool = True


@dataclass(frozen=True)
class Outcome:
    """One document's report and text, or the one line that says why it could not be read."""

    path: str
    report: DocumentReport | None = None
    text: str = ""
    problem: str | None = None


_worker_options: Options | None = None


def _load_evaluator(options: Options) -> Evaluator | None:
    if not options.evaluate:
        return None
    from checker.engine import load_rules

    return load_rules(list(options.rule_dirs)).evaluate


def check_one(path: str, options: Options, evaluate: Evaluator | None) -> Outcome:
    """Load and analyse one document; an unreadable one is an Outcome with a problem."""
    try:
        doc = document.load(path, options.release_date, options.date_order)
    except InputError as exc:
        return Outcome(path=path, problem=exc.line())
    return Outcome(path=doc.path, report=analyse(doc, evaluate), text=doc.text)


_worker_evaluate: Evaluator | None = None


def _init_worker(options: Options) -> None:
    # Each worker loads the rules once; rule sets are not sent to it for every document.
    global _worker_options, _worker_evaluate
    _worker_options = options
    _worker_evaluate = _load_evaluator(options)


def _work(path: str) -> Outcome:
    assert _worker_options is not None
    return check_one(path, _worker_options, _worker_evaluate)


def show_progress(count: int) -> bool:
    """A progress bar only for long runs on a terminal, never in CI or when piped."""
    return count >= 20 and sys.stderr.isatty() and not os.environ.get("CI")


def run(paths: Sequence[str], options: Options, jobs: int = 1) -> list[Outcome]:
    """Every document's outcome, in input order; `jobs` > 1 uses a process pool."""
    if "-" in paths:
        jobs = 1  # standard input can be read once, by this process
    progress = _progress(len(paths)) if show_progress(len(paths)) else None
    outcomes: list[Outcome] = []
    try:
        if jobs <= 1 or len(paths) < 2:
            evaluate = _load_evaluator(options)
            for path in paths:
                outcomes.append(check_one(path, options, evaluate))
                if progress:
                    progress.advance(TaskID(0))
        else:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
                for outcome in pool.map(_work, paths, chunksize=8):
                    outcomes.append(outcome)
                    if progress:
                        progress.advance(TaskID(0))
    finally:
        if progress:
            progress.stop()
    return outcomes


def _progress(total: int) -> Progress:
    """A transient progress bar on standard error, started."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                        transient=True, console=Console(stderr=True))  # fmt: skip
    progress.add_task("checking", total=total)
    progress.start()
    return progress
