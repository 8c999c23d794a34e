"""What each subcommand does, between parsing its arguments and printing its output."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__, batch, errors
from checker.batch import Options, Outcome
from checker.errors import InputError
from checker.models import SEVERITY_RANK, DocumentReport, Report
from checker.output import (
    Inputs,
    Render,
    emit,
    emit_chunks,
    guard_commands,
    plain,
    print_renderables,
    streams_to_one,
    write_stdout,
)
from checker.paths import changed_since, expand
from checker.pipeline import report
from checker.report import json as json_report
from checker.report.meta import RuleMeta

if TYPE_CHECKING:
    from checker.engine.schema import Rule

# Reported by the engine itself, not by a rule file: SARIF still wants it described.
UNUSED_SUPPRESSION = RuleMeta(
    id="unused-suppression",
    severity="info",
    description="A factcheck suppression comment that suppresses nothing.",
    help="Remove the comment, or correct the rule id it names.",
)
RULE_ERROR = RuleMeta(
    id="rule-error",
    severity="error",
    description="A rule whose expression failed or ran out of time on a document.",
    help="Fix the rule (its file and line are in the message); `factcheck rules test` runs its examples.",
)


class Run:
    """The documents of one run: each one's outcome, in input order, and what was checked."""

    def __init__(self, args: argparse.Namespace, evaluate: bool, stream: bool = False) -> None:
        """Check every document now, or, with `stream`, as `documents` is read."""
        paths = list(expand(args.paths))
        if getattr(args, "changed_since", None):
            paths = changed_since(args.changed_since, paths)
        self._paths = paths
        self._options = Options(
            release_date=args.date,
            date_order=args.date_order,
            rule_dirs=tuple(getattr(args, "rules", ())),
            evaluate=evaluate,
            fail_on=getattr(args, "fail_on", None),
        )
        self._jobs = getattr(args, "jobs", 1)
        self.inputs = Inputs.of(args.paths, paths)
        self.outcomes: list[Outcome] = []
        self.checked: list[Outcome] = []
        self.failing = False  # a document has a finding at or above its fail-on threshold
        if not stream:
            self.check_all()

    @property
    def count(self) -> int:
        """How many documents the run checks."""
        return len(self._paths)

    def check_all(self) -> None:
        """Check every document now, keeping each one's report and text."""
        for _ in self._checked(keep=True):
            pass

    def documents(self) -> Iterator[DocumentReport]:
        """Each document's report as it is checked; only what `finish` needs is kept (the notes,
        the problems, whether it fails), so that memory stays flat over an archive."""
        return (report for report, _ in self._checked(keep=False))

    def documents_with_texts(self) -> Iterator[tuple[DocumentReport, str | None]]:
        """Each document's report and text as it is checked, as `documents` keeps them."""
        return self._checked(keep=False)

    def _checked(self, keep: bool) -> Iterator[tuple[DocumentReport, str | None]]:
        for outcome in batch.outcomes(self._paths, self._options, self._jobs):
            self.failing = self.failing or _fails(outcome)
            report, text = outcome.report, outcome.text
            if keep or outcome.notes or outcome.problem:
                if not keep:  # what finish() says of it: its notes, its problem
                    outcome = replace(outcome, report=None, text="")
                self.outcomes.append(outcome)
                if report is not None:
                    self.checked.append(outcome)
            if report is not None:
                yield report, text

    def reports(self) -> list[DocumentReport]:
        """The reports of the documents that could be checked."""
        return [o.report for o in self.checked if o.report is not None]

    def finish(self, status: int) -> int:
        """Print the notes and problems on standard error; the exit status: 3 when factcheck
        failed on a document, 2 when one could not be read, else `status`."""
        for outcome in self.checked:
            for note in outcome.notes:
                print(f"factcheck: {outcome.path}: {note}", file=sys.stderr)
        problems = [o.problem for o in self.outcomes if o.problem]
        # A broken configuration is met by every file below it: say it once.
        for line in dict.fromkeys(problems):
            print(f"factcheck: {line}", file=sys.stderr)
        if any(o.internal for o in self.outcomes):
            return errors.INTERNAL_ERROR
        return errors.INPUT_ERROR if problems else status


def run_claims(args: argparse.Namespace) -> int:
    """`factcheck claims`: the claim inventory as a table or as JSON."""
    run = Run(args, evaluate=False, stream=True)
    if args.format == "json" and not batch.show_progress(run.count):  # as `check` streams
        emit_chunks(json_report.chunks(run.documents(), __version__), "json", None, run.inputs)
        return run.finish(errors.CLEAN)
    from checker.report.claims import table

    run.check_all()
    if args.format == "json":
        emit(report(run.reports(), __version__), json_report.render, "json", None)
        return run.finish(errors.CLEAN)
    print_renderables(table(o.report, o.text) for o in run.checked if o.report)
    return run.finish(errors.CLEAN)


def run_check(args: argparse.Namespace) -> int:
    """`factcheck check`: findings as a terminal report or a format for tools; exit 1 at --fail-on."""
    from checker.engine import load_rules
    from checker.packs import verify

    rules = load_rules(args.rules)  # a bad rule file stops the run before any document is read
    for folder in args.rules:
        verify(folder)
    run = Run(args, evaluate=True, stream=True)
    # A document at a time, so that a run over an archive holds one report, not all of them;
    # but not to a terminal that shows a progress bar, which the report would print through.
    to_stdout = args.output in (None, "-")
    live = to_stdout and batch.show_progress(run.count)
    if args.format == "json" and streams_to_one(args.output) and not live:
        chunks = json_report.chunks(run.documents(), __version__)
        emit_chunks(chunks, "json", args.output, run.inputs)
        return run.finish(errors.FINDINGS if run.failing else errors.CLEAN)
    if args.format == "text" and args.output is None and not live:
        from checker.report.terminal import stream

        print_renderables(stream(run.documents_with_texts(), show_claims=args.show_claims))
        return run.finish(errors.FINDINGS if run.failing else errors.CLEAN)
    run.check_all()
    texts = {o.path: o.text for o in run.checked}
    result = report(run.reports(), __version__)
    if args.format == "text" and args.output is None:
        from checker.report.terminal import renderables

        print_renderables(renderables(result, texts, show_claims=args.show_claims))
    else:
        render = renderer(args.format, texts, rules.rules, args.show_claims, run.checked)
        emit(result, render, args.format, args.output, run.inputs)
    return run.finish(errors.FINDINGS if run.failing else errors.CLEAN)


def _fails(outcome: Outcome) -> bool:
    """Whether a document has a finding at or above its fail-on threshold."""
    if outcome.report is None or outcome.fail_on == "never":
        return False
    threshold = SEVERITY_RANK[outcome.fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in outcome.report.findings)


def renderer(
    fmt: str,
    texts: dict[str, str],
    rules: list[Rule],
    show_claims: bool,
    outcomes: Sequence[Outcome] = (),
) -> Render:
    """The pure renderer of a format, bound to the run's texts, rule metadata and, for JUnit,
    each document's fail-on threshold and time (only that format's module is imported: a JSON
    run needs no HTML page)."""
    metas = [RuleMeta(id=r.id, severity=r.severity, description=r.description, help=r.help)
             for r in rules] + [UNUSED_SUPPRESSION, RULE_ERROR]  # fmt: skip
    cases: dict[str, Any] = {}
    if fmt == "junit":  # JUnit alone wants each document's threshold and time
        junit = _format("junit")
        cases = {o.path: junit.Case(fail_on=o.fail_on, seconds=o.seconds) for o in outcomes}
    by_format: dict[str, Callable[[Report], str]] = {
        "json": lambda r: json_report.render(r),
        "text": lambda r: _plain_text(r, texts, show_claims),
        "sarif": lambda r: _format("sarif").render(r, texts, metas),
        "github": lambda r: _format("github").render(r, texts, metas),
        "junit": lambda r: _format("junit").render(r, texts, metas, cases),
        "rdjsonl": lambda r: _format("rdjsonl").render(r, texts, metas),
        "markdown": lambda r: _format("markdown").render(r, texts, metas),
        "html": lambda r: _format("html").render(r, texts, metas),
    }
    return by_format[fmt]


def _format(name: str) -> Any:
    """A renderer's module, imported when it first renders."""
    return importlib.import_module(f"checker.report.{name}")


def _plain_text(result: Report, texts: dict[str, str], show_claims: bool) -> str:
    """The terminal report without colour or wrapping, for a file."""
    from checker.report.terminal import renderables

    return plain(renderables(result, texts, show_claims=show_claims))


def run_rules(args: argparse.Namespace) -> int:
    """`factcheck rules [explain ID | test [DIR]]`: the rules one line each, one rule in full,
    or a pack's examples run as tests."""
    from checker.engine import load_rules
    from checker.report.rules import explain, listing

    if args.action == "test":
        return _test_pack(args.rule_id)
    rules = load_rules(args.rules)
    if args.action == "explain":
        if not args.rule_id:
            raise InputError("rules explain", "needs a rule id", "see `factcheck rules`")
        print_renderables([explain(rules, args.rule_id)])
    else:
        print_renderables([listing(rules)])
    return errors.CLEAN


def _test_pack(folder: str | None) -> int:
    """Run every example of a pack (the core pack when none is named); 1 when one fails."""
    from checker.engine.loader import CORE, load, shown
    from checker.packs import failures

    path = Path(folder) if folder else CORE
    rules = load([path])
    wrong = failures(rules)
    lines = [f"factcheck: {failure.line()}" for failure in wrong]
    total = sum(len(r.examples) for r in rules)
    lines.append(
        f"{shown(path)}: {total - len(wrong)} of {total} examples of {len(rules)} rules pass"
    )
    write_stdout(guard_commands("\n".join(lines) + "\n", "text"))
    return errors.FINDINGS if wrong else errors.CLEAN
