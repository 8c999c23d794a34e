"""JUnit XML: one test case per document, failing when it has errors or warnings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.models import DocumentReport, Finding, Report
from checker.report.meta import RuleMeta
from checker.report.positions import Locator, counts, documents, plural

NAME = "factcheck"
FAILING = ("error", "warning")
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


def testcase(document: DocumentReport, locator: Locator) -> tuple[ET.Element, bool]:
    """A document's test case, and whether it failed."""
    case = ET.Element("testcase", {"classname": NAME, "name": xml_text(document.path)})
    failing = [f for f in document.findings if f.severity in FAILING]
    others = [f for f in document.findings if f.severity not in FAILING]
    if failing:
        tally = counts(failing)
        summary = ", ".join(plural(tally[s], s) for s in FAILING if tally[s])
        failure = ET.SubElement(case, "failure", {"message": summary, "type": NAME})
        failure.text = xml_text("\n".join(line(document.path, f, locator) for f in failing))
    if others:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(line(document.path, f, locator) for f in others))
    return case, bool(failing)


def render(report: Report, texts: dict[str, str], rules: Sequence[RuleMeta]) -> str:
    """One `<testsuite name="factcheck">` in `<testsuites>`, with no timestamps."""
    cases = [testcase(document, locator) for document, locator in documents(report, texts)]
    failures = str(sum(failed for _, failed in cases))
    attributes = {"name": NAME, "tests": str(len(cases)), "failures": failures, "errors": "0"}
    root = ET.Element("testsuites", attributes)
    suite = ET.SubElement(root, "testsuite", attributes | {"skipped": "0"})
    suite.extend(case for case, _ in cases)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
