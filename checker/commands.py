"""What each subcommand does, between parsing its arguments and printing its output."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console

from checker import __version__, batch
from checker.batch import Options, Outcome
from checker.errors import InputError
from checker.models import SEVERITY_RANK, Report
from checker.output import Render, emit
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


def _outcomes(args: argparse.Namespace, evaluate: bool) -> tuple[list[Outcome], list[str]]:
    """Every document's outcome in input order, and one line per file that could not be read."""
    paths = list(expand(args.paths))
    if getattr(args, "changed_since", None):
        paths = changed_since(args.changed_since, paths)
    options = Options(
        release_date=args.date,
        date_order=args.date_order,
        rule_dirs=tuple(getattr(args, "rules", ())),
        evaluate=evaluate,
        fail_on=getattr(args, "fail_on", None),
    )
    outcomes = batch.run(paths, options, getattr(args, "jobs", 1))
    problems = [o.problem for o in outcomes if o.problem]
    return [o for o in outcomes if o.report is not None], problems


def _finish(problems: list[str], status: int) -> int:
    # A broken configuration is met by every file below it: say it once.
    for line in dict.fromkeys(problems):
        print(f"factcheck: {line}", file=sys.stderr)
    return 2 if problems else status


def run_claims(args: argparse.Namespace) -> int:
    """`factcheck claims`: the claim inventory as a table or as JSON."""
    outcomes, problems = _outcomes(args, evaluate=False)
    reports = [o.report for o in outcomes if o.report]
    if args.format == "json":
        sys.stdout.write(json_report.render(report(reports, __version__)))
    else:
        from checker.report.claims import table

        console = Console(highlight=False)
        for outcome in outcomes:
            if outcome.report:
                console.print(table(outcome.report, outcome.text))
    return _finish(problems, 0)


def run_check(args: argparse.Namespace) -> int:
    """`factcheck check`: findings as a terminal report or a format for tools; exit 1 at --fail-on."""
    from checker.engine import load_rules

    rules = load_rules(args.rules)  # a bad rule file stops the run before any document is read
    outcomes, problems = _outcomes(args, evaluate=True)
    reports = [o.report for o in outcomes if o.report]
    texts = {o.path: o.text for o in outcomes if o.report}
    result = report(reports, __version__)
    if args.format == "text" and args.output is None:
        from checker.report.terminal import render

        render(Console(highlight=False), result, texts, show_claims=args.show_claims)
    else:
        emit(
            result,
            renderer(args.format, texts, rules.rules, args.show_claims),
            args.format,
            args.output,
        )
    failing = any(_fails(o) for o in outcomes)
    return _finish(problems, 1 if failing else 0)


def _fails(outcome: Outcome) -> bool:
    """Whether a document has a finding at or above its fail-on threshold."""
    if outcome.report is None or outcome.fail_on == "never":
        return False
    threshold = SEVERITY_RANK[outcome.fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in outcome.report.findings)


def renderer(fmt: str, texts: dict[str, str], rules: list[Rule], show_claims: bool) -> Render:
    """The pure renderer of a format, bound to the run's texts and rule metadata."""
    from checker.report import github, html, junit, markdown, rdjsonl, sarif

    metas = [RuleMeta(id=r.id, severity=r.severity, description=r.description, help=r.help)
             for r in rules] + [UNUSED_SUPPRESSION]  # fmt: skip
    by_format: dict[str, Callable[[Report], str]] = {
        "json": lambda r: json_report.render(r),
        "text": lambda r: _plain_text(r, texts, show_claims),
        "sarif": lambda r: sarif.render(r, texts, metas),
        "github": lambda r: github.render(r, texts, metas),
        "junit": lambda r: junit.render(r, texts, metas),
        "rdjsonl": lambda r: rdjsonl.render(r, texts, metas),
        "markdown": lambda r: markdown.render(r, texts, metas),
        "html": lambda r: html.render(r, texts, metas),
    }
    return by_format[fmt]


def _plain_text(result: Report, texts: dict[str, str], show_claims: bool) -> str:
    """The terminal report without colour, for a file."""
    from checker.report.terminal import render

    buffer = io.StringIO()
    render(Console(file=buffer, width=100, color_system=None, highlight=False), result, texts,
           show_claims=show_claims)  # fmt: skip
    return buffer.getvalue()


def run_rules(args: argparse.Namespace) -> int:
    """`factcheck rules [explain ID]`: the rules, one line each, or one rule in full."""
    from checker.engine import load_rules
    from checker.report.rules import explain, listing

    rules = load_rules(args.rules)
    console = Console(highlight=False)
    if args.action == "explain":
        if not args.rule_id:
            raise InputError("rules explain", "needs a rule id", "see `factcheck rules`")
        console.print(explain(rules, args.rule_id))
    else:
        console.print(listing(rules))
    return 0
