"""Batch runs: many documents, in input order, in one process or a pool, with progress."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checker import config, document
from checker.errors import InputError, internal
from checker.models import DocumentReport
from checker.pipeline import Evaluator, analyse

if TYPE_CHECKING:
    from rich.progress import Progress


@dataclass(frozen=True)
class Options:
    """What the command line says for every document; plain data, so a worker can receive it."""

    release_date: date | None = None
    date_order: str | None = None
    rule_dirs: tuple[str, ...] = ()
    evaluate: bool = True
    fail_on: str | None = None


@dataclass(frozen=True)
class Outcome:
    """One document's report and text, or the one line that says why it could not be read."""

    path: str
    report: DocumentReport | None = None
    text: str = ""
    problem: str | None = None
    fail_on: str = "error"
    internal: bool = False  # the problem is factcheck's own failure, not the input's
    notes: tuple[str, ...] = ()  # what the reader should know (the encoding read, the language)
    seconds: float = 0.0  # how long the document took, for JUnit's `time`


@dataclass
class Settings:
    """Rule sets built once per distinct configuration, shared by the documents that use it."""

    options: Options
    cache: dict[tuple[object, ...], Evaluator] = field(default_factory=dict)

    def for_path(self, path: str) -> tuple[Evaluator | None, str | None, str]:
        """The evaluator, date order and fail-on threshold for one file."""
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        loaded = config.find(folder)
        rules: dict[str, config.Setting] = {}
        order: str | None = None
        configured: str | None = None
        packs: tuple[str, ...] = ()
        if loaded is not None:
            rules, order = loaded.for_file(Path(path))
            configured, packs = loaded.config.fail_on, loaded.packs()
        order = self.options.date_order or order
        fail_on = self.options.fail_on or configured or "error"
        if not self.options.evaluate:
            return None, order, fail_on
        key = (packs, tuple(sorted(rules.items())))
        if key not in self.cache:
            self.cache[key] = self._evaluator(packs, rules, loaded)
        return self.cache[key], order, fail_on

    def _evaluator(
        self, packs: tuple[str, ...], rules: dict[str, config.Setting], loaded: config.Loaded | None
    ) -> Evaluator:
        from checker.engine import load_rules
        from checker.engine.ruleset import RuleSet
        from checker.packs import verify

        ruleset = load_rules([*self.options.rule_dirs, *packs])
        for pack in packs:  # a configuration's packs are held to their examples as --rules is
            verify(pack)
        if loaded is not None:
            config.check_rule_ids(loaded, {r.id for r in ruleset.rules})
        adjusted = [
            r.model_copy(update={"enabled": False} if rules[r.id] == "off" else {"severity": rules[r.id]})
            if r.id in rules else r
            for r in ruleset.rules
        ]  # fmt: skip
        return RuleSet(adjusted).evaluate


def check_one(path: str, settings: Settings) -> Outcome:
    """Load and analyse one document; an unreadable one, or one that factcheck fails on, is an
    Outcome with a problem, so that the other documents' reports are still written."""
    started = time.perf_counter()
    try:
        evaluate, order, fail_on = settings.for_path(path)
        doc = document.load(path, settings.options.release_date, order)
        report = analyse(doc, evaluate)
    except InputError as exc:
        return Outcome(path=path, problem=exc.line())
    except Exception as exc:  # a bug must not cost the batch its other reports
        return Outcome(path=path, problem=internal(path, exc), internal=True)
    return Outcome(
        path=doc.path,
        report=report,
        text=doc.text,
        fail_on=fail_on,
        notes=doc.notes,
        seconds=time.perf_counter() - started,
    )


_worker: Settings | None = None


def _init_worker(options: Options) -> None:
    # Each worker builds its rule sets once; they are not sent to it with every document.
    global _worker
    _worker = Settings(options)
    # Ctrl-C and SIGTERM are the parent's to handle: it ends the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()


def _end_with(parent: int) -> None:
    """End this worker when its parent is gone (killed with no chance to end the pool)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(path: str) -> Outcome:
    assert _worker is not None
    return check_one(path, _worker)


def show_progress(count: int) -> bool:
    """A progress bar only for long runs on a terminal, never in CI or when piped."""
    return count >= 20 and sys.stderr.isatty() and not os.environ.get("CI")


def run(paths: Sequence[str], options: Options, jobs: int = 1) -> list[Outcome]:
    """Every document's outcome, in input order; `jobs` > 1 uses a process pool."""
    return list(outcomes(paths, options, jobs))


def outcomes(paths: Sequence[str], options: Options, jobs: int = 1) -> Iterator[Outcome]:
    """Every document's outcome, in input order, each as soon as it and those before it are
    done: a caller that writes each one out holds one at a time."""
    if "-" in paths:
        jobs = 1  # standard input can be read once, by this process
    progress = _Bar(len(paths)) if show_progress(len(paths)) else None
    try:
        if jobs <= 1 or len(paths) < 2:
            settings = Settings(options)
            for path in paths:
                yield check_one(path, settings)
                if progress:
                    progress.advance()
        else:
            pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,))
            try:
                for outcome in pool.map(_work, paths, chunksize=8):
                    yield outcome
                    if progress:
                        progress.advance()
            except BaseException:
                _terminate(pool)  # SIGTERM, Ctrl-C or a lost worker: none may outlive the run
                raise
            pool.shutdown()
    finally:
        if progress:
            progress.stop()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End a pool's workers now, not after the documents still queued (Python 3.14 has
    `terminate_workers`; before it the processes are reached through the pool)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


class _Bar:
    """A transient progress bar on standard error (rich is imported only when one is shown)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress: Progress = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
            transient=True, console=Console(stderr=True),
        )  # fmt: skip
        self.task = self.progress.add_task("checking", total=total)
        self.progress.start()

    def advance(self) -> None:
        """One more document done."""
        self.progress.advance(self.task)

    def stop(self) -> None:
        """Remove the bar."""
        self.progress.stop()
