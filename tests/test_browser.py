"""The HTML report in headless Chromium: no errors, findings visible, document text inert."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from browsers import ARTIFACTS, Visit

from checker.document import Document, from_text
from checker.engine import load_rules
from checker.pipeline import analyse, report
from checker.report import html
from checker.report.meta import RuleMeta

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eu-iom-senior-officials-2022-10-08.txt"
HOSTILE = "<script>alert(1)</script>"
MARKUP = "[bold]x[/bold]"
HOSTILE_TEXT = (
    "GENEVA, 14 March 2023 – The Harbour Festival, founded in 2012, is now in its ninth year.\n"
    f"The gala is on Wednesday 21 March 2023: {HOSTILE} and {MARKUP} & “quotes”.\n"
    '<img src=x onerror="alert(2)"> <iframe src="https://example.com"></iframe>\n'
)


def open_report(browser: Browser, page_html: str, name: str) -> Visit:
    """Write the page under reports/test-artifacts/, open it, and screenshot it there."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1320, "height": 900})
    visit = Visit(page, path.as_uri())
    visit.watch()
    page.goto(visit.url, wait_until="load")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    return visit


def rendered(document: Document) -> str:
    """The HTML report of one document through the real pipeline and the default rules."""
    rules = load_rules([])
    metas = [RuleMeta(id=r.id, severity=r.severity, description=r.description, help=r.help)
             for r in rules.rules]  # fmt: skip
    result = report([analyse(document, rules.evaluate)], "0.0.0")
    return html.render(result, {document.path: document.text}, metas)


def assert_quiet(visit: Visit) -> None:
    """No errors, no dialog, and no request but the page itself (and inline data)."""
    assert visit.errors == []
    assert visit.dialogs == []
    assert [u for u in visit.requests if u != visit.url and not u.startswith("data:")] == []


def test_example_release(browser: Browser) -> None:
    text = EXAMPLE.read_text(encoding="utf-8-sig")
    document = from_text(text, f"examples/{EXAMPLE.name}")  # dated by its header line
    visit = open_report(browser, rendered(document), "browser-eu-iom")
    page = visit.page
    assert_quiet(visit)
    findings = page.locator("li.finding")
    assert findings.count() == 2
    for n in range(findings.count()):
        assert findings.nth(n).is_visible()
    anniversary = page.locator("li.finding", has_text="anniversary-mismatch")
    assert anniversary.is_visible()
    assert "ninth year" in anniversary.inner_text()
    assert page.locator("mark.f.sev-error").first.is_visible()
    assert page.locator("svg.timeline").is_visible()
    assert page.locator("svg.timeline .flagged").count() >= 2
    anniversary.locator("a.where").click()
    assert page.evaluate("location.hash") == "#d1-f2-at"
    assert page.locator(":target").inner_text() == "now in its ninth year"
    page.close()


def test_script_and_markup_are_plain_text(browser: Browser) -> None:
    document = from_text(HOSTILE_TEXT, "releases/hostile <b>&</b>.txt", date(2023, 3, 14))
    visit = open_report(browser, rendered(document), "browser-escaping")
    page = visit.page
    assert_quiet(visit)
    assert page.locator("script, iframe, img").count() == 0
    release = page.locator(".release")
    assert release.is_visible()
    shown = release.inner_text()
    assert HOSTILE in shown and MARKUP in shown and '<img src=x onerror="alert(2)">' in shown
    assert page.get_by_text(HOSTILE).first.is_visible()
    assert page.get_by_role("heading", name="releases/hostile <b>&</b>.txt").is_visible()
    assert page.locator("li.finding").first.is_visible()
    assert "ninth year" in page.locator("li.finding", has_text="anniversary-mismatch").inner_text()
    page.close()
