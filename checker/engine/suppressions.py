"""Suppressions: `<!-- factcheck: ignore RULE-ID -- reason -->` and `ignore-file`, with hygiene."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.document import Document
from checker.models import Finding

RULE = "unused-suppression"
_RULE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
COMMENT = re.compile(
    rf"<!--[ \t]*factcheck:[ \t]*(?P<scope>ignore-file|ignore)[ \t]+"
    rf"(?P<ids>{_RULE_ID}(?:[ \t]*,[ \t]*{_RULE_ID})*)[ \t]*(?:--(?P<reason>(?:(?!-->).)*))?-->",
    re.IGNORECASE,
)


@dataclass(eq=False)
class Suppression:
    """One comment: its scope, the rule ids it names, where it is, and which ids it used."""

    scope: str
    ids: tuple[str, ...]
    start: int
    end: int
    line: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        """Whether the comment suppresses the finding (same line, the line before, or the file)."""
        if finding.rule not in self.ids:
            return False
        return self.scope == "ignore-file" or self.line in (finding.line, finding.line - 1)


def find(document: Document) -> list[Suppression]:
    """Every suppression comment of a document."""
    found = []
    for m in COMMENT.finditer(document.text):
        ids = tuple(dict.fromkeys(i.strip().lower() for i in m["ids"].split(",")))
        found.append(
            Suppression(
                scope=m["scope"].lower(),
                ids=ids,
                start=m.start(),
                end=m.end(),
                line=document.line_column(m.start())[0],
            )
        )
    return found


def _drop(findings: list[Finding], comments: list[Suppression]) -> list[Finding]:
    whole = [s for s in comments if s.scope == "ignore-file"]
    by_line: dict[int, list[Suppression]] = {}
    for comment in comments:
        by_line.setdefault(comment.line, []).append(comment)
    kept = []
    for finding in findings:
        near = whole + by_line.get(finding.line, []) + by_line.get(finding.line - 1, [])
        covering = [s for s in dict.fromkeys(near) if s.covers(finding)]
        for suppression in covering:
            suppression.used.add(finding.rule)
        if not covering:
            kept.append(finding)
    return kept


def apply(document: Document, findings: list[Finding], known: Iterable[str]) -> list[Finding]:
    """The findings no comment suppresses, plus one info finding per id that suppressed nothing."""
    comments = find(document)
    if not comments:
        return findings
    known_ids = sorted(set(known) | {RULE})
    kept = _drop(findings, comments)
    unused = [
        _unused(document, s, rule_id, known_ids)
        for s in comments
        for rule_id in s.ids
        if rule_id not in s.used and rule_id != RULE
    ]
    return kept + _drop(unused, comments)


def _unused(document: Document, comment: Suppression, rule_id: str, known: list[str]) -> Finding:
    if rule_id in known:
        message = f"this suppression of '{rule_id}' suppresses nothing"
        help_text = "remove it, or move it to the line of the finding or the line before"
    else:
        close = difflib.get_close_matches(rule_id, known, n=1)
        message = f"unknown rule '{rule_id}' in a suppression" + (
            f" (did you mean '{close[0]}'?)" if close else ""
        )
        help_text = "see `factcheck rules` for the rule ids"
    line, column = document.line_column(comment.start)
    return Finding(
        rule=RULE,
        severity="info",
        message=message,
        start=comment.start,
        end=comment.end,
        line=line,
        column=column,
        text=document.text[comment.start : comment.end],
        help=help_text,
    )
