"""The Python API: check a release's text against a set of rules, and get the report model."""

from __future__ import annotations

import datetime
import difflib
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from checker import __version__
from checker.errors import InputError

if TYPE_CHECKING:
    from checker.engine.ruleset import RuleSet
    from checker.engine.schema import Rule
    from checker.models import Report

__all__ = ["check_text", "load_rules"]

DATE_ORDERS = ("DMY", "MDY")
SETTINGS = ("off", "error", "warning", "info")


def load_rules(
    rule_dirs: Iterable[str | os.PathLike[str]] = (),
    settings: Mapping[str, str] | None = None,
) -> RuleSet:
    """The core rules and those of each folder, with `rules:` settings as in .factcheck.yaml.

    `settings` maps a rule id to "off" or a severity ("error", "warning", "info"). A bad rule
    file, an unknown rule id or a bad setting raises `InputError`. The rules pickle: build them
    once and send them to every worker."""
    from checker.engine import load_rules as load_packs
    from checker.engine.ruleset import RuleSet

    ruleset = load_packs([os.fspath(d) for d in rule_dirs])
    if not settings:
        return ruleset
    known = {r.id for r in ruleset.rules}
    for rule_id, setting in settings.items():
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see `factcheck rules`"
            raise InputError("settings", f"unknown rule '{rule_id}'", hint)
        if setting not in SETTINGS:
            raise InputError(
                "settings", f"{rule_id}: {setting!r} is not one of {', '.join(SETTINGS)}"
            )
    return RuleSet(
        [_configured(r, settings[r.id]) if r.id in settings else r for r in ruleset.rules]
    )


def _configured(rule: Rule, setting: str) -> Rule:
    """A rule turned off, or given another severity."""
    return rule.model_copy(update={"enabled": False} if setting == "off" else {"severity": setting})


def check_text(
    text: str,
    date: datetime.date | str | None = None,
    *,
    date_order: str | None = None,
    rules: RuleSet | None = None,
    path: str = "<text>",
) -> Report:
    """The report of one release, as `factcheck check --format json` gives it for that text.

    `date` (a date or "YYYY-MM-DD") is the release date, over anything the text says; without
    it the date comes from the text (front matter, header line, dateline). `date_order` ("DMY"
    or "MDY") says how to read 07/10 (default: guessed from the text). `rules` come from
    `load_rules` (default: the core rules); `path` is the name the report gives the text.
    Configuration files are not read: pass what they say as `rules` and `date_order`."""
    from checker.document import MAX_BYTES, from_text
    from checker.engine import load_rules as load_packs
    from checker.pipeline import analyse, report

    if not isinstance(text, str):
        raise InputError(path, f"text is {type(text).__name__}, not str", "decode it first")
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(path, f"larger than {MAX_BYTES // 2**20} MB", "split the text")
    if date_order is not None and date_order not in DATE_ORDERS:
        raise InputError(path, f"date order {date_order!r} is not DMY or MDY")
    ruleset = rules if rules is not None else load_packs([])
    document = from_text(text, path, _release_date(date, path), date_order)
    return report([analyse(document, ruleset.evaluate)], __version__)


def _release_date(value: datetime.date | str | None, path: str) -> datetime.date | None:
    """A release date given as a date or as YYYY-MM-DD."""
    if isinstance(value, datetime.datetime):  # a datetime is a date too: keep only its day
        return value.date()
    if value is None or isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(path, f"release date {value!r} is not a date", "give YYYY-MM-DD")
