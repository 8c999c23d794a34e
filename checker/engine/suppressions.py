"""Suppressions: `<!-- factcheck: ignore RULE-ID -- reason -->`, `ignore-file`, and blocks between
`factcheck: off` and `factcheck: on`, with hygiene: unused and unknown ones are reported."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.document import Document
from checker.models import Finding

RULE = "unused-suppression"
VERBS = ("ignore", "ignore-file", "off", "on")
_RULE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# Every comment that speaks to factcheck; what it says is read by _DIRECTIVE.
COMMENT = re.compile(r"<!--[ \t]*factcheck[ \t]*:(?P<body>(?:(?!-->)[^\n])*)-->", re.IGNORECASE)
_DIRECTIVE = re.compile(
    rf"[ \t]*(?P<verb>ignore-file|ignore|off|on)\b[ \t]*"
    rf"(?P<ids>{_RULE_ID}(?:[ \t]*,[ \t]*{_RULE_ID})*)?[ \t]*(?:--(?P<reason>.*))?",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(eq=False)
class Suppression:
    """One comment: its scope, the rule ids it names (none: every rule, for a block), the lines
    it covers, and which ids it used."""

    scope: str  # ignore | ignore-file | block
    ids: tuple[str, ...]
    start: int
    end: int
    line: int
    last_line: int = 0  # a block's last line (that of its `on`, or the file's last)
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        """Whether the comment suppresses the finding (same line, the line before, the block,
        or the file)."""
        if self.ids and finding.rule not in self.ids:
            return False
        if not self.ids and finding.rule == RULE:
            return False  # a block for every rule still lets its own hygiene be reported
        if self.scope == "ignore-file":
            return True
        if self.scope == "block":
            return self.line <= finding.line <= self.last_line
        return self.line in (finding.line, finding.line - 1)

    def names(self) -> tuple[str, ...]:
        """The ids to report as unused: a block for every rule reports itself once, as `*`."""
        return self.ids or ("*",)


@dataclass
class Directives:
    """A document's suppressions, and its comments that factcheck cannot read."""

    suppressions: list[Suppression] = field(default_factory=list)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, problem


def find(document: Document) -> Directives:
    """Every factcheck comment of a document: suppressions, blocks, and unknown directives."""
    found = Directives()
    open_blocks: list[Suppression] = []
    last_line = len(document.line_starts)
    for m in COMMENT.finditer(document.text):
        line = document.line_column(m.start())[0]
        directive = _DIRECTIVE.fullmatch(m["body"])
        if directive is None:
            found.unknown.append((m.start(), m.end(), _unknown(m["body"])))
            continue
        verb = directive["verb"].lower()
        ids = tuple(
            dict.fromkeys(
                i.strip().lower() for i in (directive["ids"] or "").split(",") if i.strip()
            )
        )
        if verb in ("ignore", "ignore-file") and not ids:
            found.unknown.append((m.start(), m.end(), f"'factcheck: {verb}' names no rule id"))
        elif verb == "off":
            block = Suppression("block", ids, m.start(), m.end(), line, last_line)
            open_blocks.append(block)
            found.suppressions.append(block)
        elif verb == "on":
            if not open_blocks:
                found.unknown.append(
                    (m.start(), m.end(), "'factcheck: on' without an 'off' before it")
                )
            for block in open_blocks:
                block.last_line = line
            open_blocks = []
        else:
            found.suppressions.append(Suppression(verb, ids, m.start(), m.end(), line))
    return found


def _unknown(body: str) -> str:
    word = (body.split() or [""])[0].lower()
    if word in VERBS:
        return f"cannot read 'factcheck: {' '.join(body.split())}': rule ids are joined by commas, a reason follows --"
    close = difflib.get_close_matches(word, VERBS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown factcheck directive '{word}'{hint}: it is ignore, ignore-file, off or on"


def _drop(findings: list[Finding], comments: list[Suppression]) -> list[Finding]:
    wide = [s for s in comments if s.scope != "ignore"]
    by_line: dict[int, list[Suppression]] = {}
    for comment in comments:
        if comment.scope == "ignore":
            by_line.setdefault(comment.line, []).append(comment)
    kept = []
    for finding in findings:
        near = wide + by_line.get(finding.line, []) + by_line.get(finding.line - 1, [])
        covering = [s for s in near if s.covers(finding)]
        for suppression in covering:
            suppression.used.add(finding.rule if suppression.ids else "*")
        if not covering:
            kept.append(finding)
    return kept


def apply(document: Document, findings: list[Finding], known: Iterable[str]) -> list[Finding]:
    """The findings no comment suppresses, plus one info finding per id that suppressed
    nothing and per comment factcheck cannot read."""
    directives = find(document)
    comments = directives.suppressions
    if not comments and not directives.unknown:
        return findings
    known_ids = sorted(set(known) | {RULE})
    kept = _drop(findings, comments)
    reported = [
        _unused(document, s, rule_id, known_ids)
        for s in comments
        for rule_id in s.names()
        if rule_id not in s.used and rule_id != RULE
    ]
    reported += [_finding(document, *where) for where in directives.unknown]
    return kept + _drop(reported, comments)


def _unused(document: Document, comment: Suppression, rule_id: str, known: list[str]) -> Finding:
    if rule_id == "*":
        message = "this 'factcheck: off' block suppresses nothing"
        help_text = "remove it and its 'factcheck: on'"
    elif rule_id in known:
        message = f"this suppression of '{rule_id}' suppresses nothing"
        help_text = "remove it, or move it to the line of the finding or the line before"
    else:
        close = difflib.get_close_matches(rule_id, known, n=1)
        message = f"unknown rule '{rule_id}' in a suppression" + (
            f" (did you mean '{close[0]}'?)" if close else ""
        )
        help_text = "see `factcheck rules` for the rule ids"
    return _finding(document, comment.start, comment.end, message, help_text)


def _finding(
    document: Document,
    start: int,
    end: int,
    message: str,
    help_text: str = "write <!-- factcheck: ignore RULE-ID -- why -->, or off and on around a passage",
) -> Finding:
    line, column = document.line_column(start)
    return Finding(
        rule=RULE,
        severity="info",
        message=message,
        start=start,
        end=end,
        line=line,
        column=column,
        text=document.text[start:end],
        help=help_text,
    )
