"""JUnit XML: one test case per document, failing when it has a finding at or above its
--fail-on threshold, with the seconds it took."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.models import SEVERITY_RANK, DocumentReport, Finding, Report
from checker.report.meta import RuleMeta
from checker.report.positions import Locator, counts, documents, plural

NAME = "factcheck"
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Case:
    """What the run knows of a document beyond its report: its threshold and its time."""

    fail_on: str = "error"
    seconds: float = 0.0

    def fails(self, finding: Finding) -> bool:
        """Whether the finding makes the document's test case fail."""
        if self.fail_on == "never":
            return False
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]


DEFAULT = Case()
# Characters XML 1.0 cannot hold, even escaped: most C0 controls, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: characters it cannot are shown as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def line(path: str, finding: Finding, locator: Locator) -> str:
    """`path:line:col: severity rule-id: message` (`path:line (paragraph 3):` for HTML)."""
    point = locator.point(finding.start)
    where = f"{path}:{point.line}:{point.column}"
    if finding.paragraph is not None:
        at = f":{finding.source_line}" if finding.source_line is not None else ""
        where = f"{path}{at} (paragraph {finding.paragraph})"
    flat = " ".join(finding.message.split())
    return f"{where}: {finding.severity} {finding.rule}: {flat}"


def seconds(value: float) -> str:
    """JUnit's `time`: seconds with three decimals."""
    return f"{value:.3f}"


def testcase(document: DocumentReport, locator: Locator, run: Case) -> tuple[ET.Element, bool]:
    """A document's test case, and whether it failed."""
    attributes = {"classname": NAME, "name": xml_text(document.path), "time": seconds(run.seconds)}
    case = ET.Element("testcase", attributes)
    failing = [f for f in document.findings if run.fails(f)]
    others = [f for f in document.findings if not run.fails(f)]
    if failing:
        tally = counts(failing)
        summary = ", ".join(plural(tally[s], s) for s in SEVERITIES if tally[s])
        failure = ET.SubElement(case, "failure", {"message": summary, "type": NAME})
        failure.text = xml_text("\n".join(line(document.path, f, locator) for f in failing))
    if others:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(line(document.path, f, locator) for f in others))
    return case, bool(failing)


def render(
    report: Report,
    texts: dict[str, str],
    rules: Sequence[RuleMeta],
    runs: Mapping[str, Case] | None = None,
) -> str:
    """One `<testsuite name="factcheck">` in `<testsuites>`, with each document's time (from
    `runs`, by path) and no timestamps."""
    runs = runs or {}
    located = list(documents(report, texts))
    cases = [testcase(d, locator, runs.get(d.path, DEFAULT)) for d, locator in located]
    failures = str(sum(failed for _, failed in cases))
    total = sum(runs.get(d.path, DEFAULT).seconds for d, _ in located)
    attributes = {"name": NAME, "tests": str(len(cases)), "failures": failures, "errors": "0",
                  "time": seconds(total)}  # fmt: skip
    root = ET.Element("testsuites", attributes)
    suite = ET.SubElement(root, "testsuite", attributes | {"skipped": "0"})
    suite.extend(case for case, _ in cases)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
