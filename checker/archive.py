"""An archive of releases checked as a Dask bag: Parquet or JSON-lines in, JSON-lines out.

Each input record is one release: `text` (required), `path` (the name its findings carry; or
`id`), `date` (YYYY-MM-DD, optional) and `date_order` (DMY or MDY, optional). Each output line
is that release's document of `factcheck check --format json` (path, date, date source, claims
when asked for, findings), or `{"path", "problem"}` for a record that cannot be checked.

    python -m checker.archive --scheduler tcp://scheduler:8786 releases/*.parquet -o findings/
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from checker.api import check_text, load_rules
from checker.errors import InputError
from checker.report.json import document_object

if TYPE_CHECKING:
    from dask.bag import Bag

    from checker.engine.ruleset import RuleSet

NEEDS_DASK = "needs Dask (pip install 'factcheck-press[dask]')"


def check_record(
    record: Mapping[str, Any], rules: RuleSet, with_claims: bool = False
) -> dict[str, Any]:
    """One release's document of findings, or the one line that says why it was not checked."""
    path = str(_absent_as_none(record.get("path")) or _absent_as_none(record.get("id")) or "<text>")
    if "unreadable" in record:
        return {"path": path, "problem": str(record["unreadable"])}
    text = record.get("text")
    if not isinstance(text, str):
        return {"path": path, "problem": f"{path}: the record has no text (a 'text' field)"}
    try:
        report = check_text(
            text,
            _absent_as_none(record.get("date")),
            date_order=_absent_as_none(record.get("date_order")),
            rules=rules,
            path=path,
        )
    except InputError as exc:
        return {"path": path, "problem": exc.line()}
    except Exception as exc:  # a bug met by one release of millions must not stop the others
        problem = f"{path}: factcheck failed on this release ({type(exc).__name__}: {exc}); please report it"
        return {"path": path, "problem": problem}
    return document_object(report.documents[0], with_claims)


def _absent_as_none(value: Any) -> Any:
    """None for what a table writes when a field is empty (None, NaN, NaT), else the value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime.datetime):
        return None if value != value else value.date()  # NaT is unequal to itself
    return value


def check_lines(
    records: Iterable[Mapping[str, Any]], rules: RuleSet, with_claims: bool = False
) -> list[str]:
    """The JSON line of each record of a partition, in order."""
    return [json.dumps(check_record(r, rules, with_claims), ensure_ascii=False) for r in records]


def read_releases(paths: str | Sequence[str], blocksize: int = 16 * 2**20) -> Bag:
    """A bag of release records from Parquet files (`.parquet`) or JSON-lines files."""
    try:
        import dask.bag
    except ImportError:
        raise InputError("checker.archive", NEEDS_DASK) from None
    names = [paths] if isinstance(paths, str) else list(paths)
    if names and all(str(p).endswith(".parquet") for p in names):
        import dask.dataframe

        frame = dask.dataframe.read_parquet(names)
        return frame.to_bag(format="dict")
    return dask.bag.read_text(names, blocksize=blocksize).filter(str.strip).map(parse_line)


def parse_line(line: str) -> dict[str, Any]:
    """A JSON-lines record; a line that is not a JSON object becomes a record saying so."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"unreadable": f"{line.strip()[:60]!r}: not a JSON line ({exc})"}
    if not isinstance(record, dict):
        return {"unreadable": f"{line.strip()[:60]!r}: not a JSON object"}
    return record


def check_archive(releases: Bag, rules: RuleSet | None = None, with_claims: bool = False) -> Bag:
    """The JSON line of each release, in input order; the rules travel to the workers pickled,
    so rule folders need not exist there."""
    return releases.map_partitions(check_lines, rules or load_rules(), with_claims)


def _part_name(index: int) -> str:
    return f"{index:06d}"


def main(argv: Sequence[str] | None = None) -> int:
    """Check an archive on a Dask cluster (or in local processes) and write JSON-lines."""
    parser = argparse.ArgumentParser(
        prog="python -m checker.archive", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="Parquet or JSON-lines files (globs allowed)"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the folder for the JSON-lines parts"
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: local processes)"
    )
    parser.add_argument(
        "--rules", action="append", default=[], metavar="DIR", help="a folder of rule files to add"
    )
    parser.add_argument("--claims", action="store_true", help="write each release's claims too")
    args = parser.parse_args(argv)
    try:
        rules = load_rules(args.rules)
        lines = check_archive(read_releases(args.inputs), rules, args.claims)
        target = f"{args.output.rstrip('/')}/*.jsonl"
        if args.scheduler:
            from distributed import Client

            with Client(args.scheduler):
                lines.to_textfiles(target, name_function=_part_name)
        else:
            lines.to_textfiles(target, name_function=_part_name, scheduler="processes")
    except InputError as exc:
        print(f"factcheck: {exc.line()}", file=sys.stderr)
        return 2
    except OSError as exc:  # an input that is not there, a scheduler that does not answer
        print(f"factcheck: {_os_problem(exc)}", file=sys.stderr)
        return 2
    return 0


def _os_problem(exc: OSError) -> str:
    """One line for a missing input or an unreachable scheduler (Dask wraps some of them)."""
    if isinstance(exc, FileNotFoundError):  # Dask's own wording of it ends with the path
        where = exc.filename or " ".join(str(exc).split()[-1:])
        return f"{where}: no such file (check the input paths)"
    return f"{' '.join(str(exc).split())} (check the inputs and --scheduler)"


if __name__ == "__main__":
    raise SystemExit(main())
