"""The rules as rich renderables: a listing, one line each, and one rule explained in full."""

from __future__ import annotations

import difflib
import json

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.engine import RuleSet
from checker.engine.schema import Example, Rule
from checker.errors import InputError

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "blue"}


def _flat(text: str) -> str:
    """Rule text on one line, control characters shown as �."""
    return "".join(c if c.isprintable() else "\ufffd" for c in " ".join(text.split()))


def _summary(rule: Rule) -> str:
    """The first sentence of a rule's description."""
    text = _flat(rule.description)
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class _Listing:
    """The rules table, its last column cut to fit the width it is printed at."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max([len("id"), *(len(r.id) for r in self.rules)]),
            len("warning (off)") if any(not r.enabled for r in self.rules) else len("severity"),
            max([len("check"), *(len(r.check) for r in self.rules)]),
        ]
        rest = max(10, options.max_width - sum(widths) - 2 * len(widths))
        table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
        table.add_column("id", no_wrap=True, style="bold", width=widths[0])
        table.add_column("severity", no_wrap=True, width=widths[1])
        table.add_column("check", no_wrap=True, style="dim", width=widths[2])
        table.add_column("what it flags", no_wrap=True, overflow="ellipsis", max_width=rest)
        for rule in self.rules:
            severity = Text(rule.severity, style=SEVERITY_STYLES[rule.severity])
            if not rule.enabled:
                severity.append(" (off)", style="dim")
            table.add_row(Text(rule.id), severity, Text(rule.check), Text(_summary(rule)))
        yield table


def listing(rules: RuleSet) -> RenderableType:
    """Every rule on one line: id, severity, check type, the first sentence of its description."""
    return _Listing(rules.rules)


def _section(title: str, body: RenderableType) -> RenderableType:
    return Group(Text(title, style="bold"), Padding(body, (0, 0, 1, 2)))


def _example(example: Example) -> RenderableType:
    head = Text(example.expect, style="red" if example.expect == "fails" else "green")
    head.append(f" (release {example.date.isoformat()})", style="dim")
    body = Text(_flat(example.text))
    if example.flags:
        start = body.plain.find(_flat(example.flags))
        if start >= 0:
            body.stylize("bold underline", start, start + len(_flat(example.flags)))
    return Padding(Group(head, Padding(body, (0, 0, 0, 2))), (0, 0, 0, 2))


def explain(rules: RuleSet, rule_id: str) -> RenderableType:
    """One rule in full: what it flags, why, its message, params and examples."""
    rule = rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, [r.id for r in rules.rules], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise InputError(rule_id, f"no such rule{hint}", "see `factcheck rules`")
    head = Text(rule.id, style="bold")
    head.append(" · ")
    head.append(rule.severity, style=SEVERITY_STYLES[rule.severity])
    head.append(f" · check {rule.check}", style="dim")
    head.append(f" · {rule.source}", style="dim")
    parts: list[RenderableType] = [
        Padding(head, (0, 0, 1, 0)),
        _section("What it flags", Text(_flat(rule.description))),
        _section("Why, and what to do", Text(_flat(rule.help))),
        _section("Message", Text(_flat(rule.message))),
    ]
    if rule.params:
        params = Text()
        for key, value in rule.params.items():
            params.append(f"{key}: ", style="cyan")
            params.append(_flat(json.dumps(value, ensure_ascii=False, default=str)) + "\n")
        params.rstrip()
        parts.append(_section("Params", params))
    parts.append(Text("Examples", style="bold"))
    parts.extend(_example(e) for e in rule.examples)
    return Group(*parts)
