"""What each subcommand does, between parsing its arguments and printing its output."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from checker import __version__, document
from checker.cli import expand
from checker.errors import InputError
from checker.models import SEVERITY_RANK, DocumentReport
from checker.pipeline import Evaluator, analyse, report
from checker.report import json as json_report


def _analyse_all(args: argparse.Namespace, evaluate: Evaluator | None) -> tuple[list[DocumentReport], dict[str, str], list[str]]:
    """Every document's report, the texts by path, and one line per file that could not be read."""
    reports, texts, problems = [], {}, []
    for path in expand(args.paths):
        try:
            doc = document.load(path, args.date, args.date_order)
        except InputError as exc:
            problems.append(exc.line())
            continue
        texts[doc.path] = doc.text
        reports.append(analyse(doc, evaluate))
    return reports, texts, problems


def _finish(problems: list[str], status: int) -> int:
    for line in problems:
        print(f"factcheck: {line}", file=sys.stderr)
    return 2 if problems else status


def run_claims(args: argparse.Namespace) -> int:
    """`factcheck claims`: the claim inventory as a table or as JSON."""
    reports, texts, problems = _analyse_all(args, None)
    if args.format == "json":
        sys.stdout.write(json_report.render(report(reports, __version__)))
    else:
        from checker.report.claims import table

        console = Console(highlight=False)
        for doc in reports:
            console.print(table(doc, texts[doc.path]))
    return _finish(problems, 0)


def run_check(args: argparse.Namespace) -> int:
    """`factcheck check`: findings as a terminal report or JSON; exit 1 at --fail-on."""
    from checker.engine import load_rules

    rules = load_rules(args.rules)
    reports, texts, problems = _analyse_all(args, rules.evaluate)
    result = report(reports, __version__)
    if args.format == "json":
        sys.stdout.write(json_report.render(result))
    else:
        from checker.report.terminal import render

        console = Console(highlight=False)
        render(console, result, texts, show_claims=args.show_claims)
    failing = args.fail_on != "never" and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.fail_on] for d in reports for f in d.findings
    )
    return _finish(problems, 1 if failing else 0)


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
