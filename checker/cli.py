"""The `factcheck` command line: claims, check and rules."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from types import FrameType
from typing import NoReturn

from checker import __version__, errors
from checker.errors import InputError

FORMATS = ("text", "json", "sarif", "github", "junit", "rdjsonl", "markdown", "html")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _output(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty (give a file, a folder ending in /, or -)")
    return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, as every other error of factcheck is."""

    def error(self, message: str) -> NoReturn:
        """`factcheck check: argument --date: … (see factcheck check --help)`, status 2."""
        self.exit(errors.INPUT_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _jobs(text: str) -> int:
    if not text.isdecimal():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes")
    return int(text) or (os.cpu_count() or 1)


def _port(text: str) -> int:
    if not text.isdecimal() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (0 to 65535)")
    return int(text)


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    top = _Parser(
        prog="factcheck",
        description="Finds the claims in a press release that contradict each other or its date.",
    )
    top.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def documents(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
        p.add_argument(
            "--date", type=_date, help="the release date (YYYY-MM-DD), over any in the file"
        )
        p.add_argument(
            "--date-order", choices=("DMY", "MDY"), help="how to read 07/10 (default: guessed)"
        )

    claims = sub.add_parser("claims", help="list every claim found in the releases")
    documents(claims)
    claims.add_argument("--format", choices=("table", "json"), default="table")

    check = sub.add_parser("check", help="report the inconsistencies in the releases")
    documents(check)
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="the terminal report (text) or a format for tools (default: text)")  # fmt: skip
    check.add_argument("--output", "-o", metavar="PATH", type=_output,
                       help="write the report to a file, or one file per document into a folder")  # fmt: skip
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                       help="the lowest severity that makes the exit status 1 (default: the configuration's, else error)")  # fmt: skip
    check.add_argument("--rules", action="append", default=[], metavar="DIR",
                       help="a folder of rule files to add to the core rules (repeatable)")  # fmt: skip
    check.add_argument(
        "--show-claims", action="store_true", help="list the claims below the findings"
    )
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="check N documents at a time in a process pool (0: one per core)")  # fmt: skip
    check.add_argument("--changed-since", metavar="REF",
                       help="check only the files git reports changed since REF")  # fmt: skip

    rules = sub.add_parser("rules", help="list the rules, explain one, or test a pack's examples")
    rules.add_argument("action", nargs="?", choices=("list", "explain", "test"), default="list")
    rules.add_argument("rule_id", nargs="?", metavar="ID|DIR",
                       help="the rule to explain, or the pack to test (default: the core pack)")  # fmt: skip
    rules.add_argument("--rules", action="append", default=[], metavar="DIR")

    serve = sub.add_parser("serve", help="the desk: a local web page to check a draft in")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")  # fmt: skip
    serve.add_argument("--port", type=_port, default=8765, help="the port (default: 8765; 0: any free one)")  # fmt: skip
    serve.add_argument("--rules", action="append", default=[], metavar="DIR",
                       help="a folder of rule files to add to the core rules (repeatable)")  # fmt: skip
    return top


def _terminate(signum: int, frame: FrameType | None) -> None:
    # Unwind like Ctrl-C does, so that a pool ends its workers and no file is left half-written.
    raise SystemExit(errors.TERMINATED)


@contextmanager
def _ending_on_sigterm() -> Iterator[None]:
    """SIGTERM unwinds the run (and ends its workers); the handler before is put back after."""
    try:
        before = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; 0 clean, 1 findings, 2 usage or input error, 3 factcheck failed."""
    args = parser().parse_args(argv)
    try:
        with _ending_on_sigterm():
            return _run(args)
    except InputError as exc:
        print(f"factcheck: {exc.line()}", file=sys.stderr)
        return errors.INPUT_ERROR
    except KeyboardInterrupt:
        return errors.INTERRUPTED
    except Exception as exc:  # the last net: one line, and a status that is not "findings"
        print(f"factcheck: {errors.internal('', exc)}", file=sys.stderr)
        return errors.INTERNAL_ERROR


def _run(args: argparse.Namespace) -> int:
    if args.command == "claims":
        from checker.commands import run_claims

        return run_claims(args)
    if args.command == "check":
        from checker.commands import run_check

        return run_check(args)
    if args.command == "serve":
        from checker.desk.server import serve

        return serve(args.host, args.port, args.rules)
    from checker.commands import run_rules

    return run_rules(args)
