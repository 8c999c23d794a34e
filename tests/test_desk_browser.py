"""The desk in headless Chromium: an editor's day, dropped files, hostile text, an oversized paste."""

from __future__ import annotations

import base64
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsers import ARTIFACTS, Visit
from releases import EXAMPLE, FESTIVAL, FESTIVAL_HTML, ROOT, docx_bytes

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8-sig")
HOSTILE = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"


@pytest.fixture(scope="module")
def desk_url() -> Iterator[str]:
    """`factcheck serve --port 0` started as a user starts it; its address from what it prints."""
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("factcheck desk: http://127.0.0.1:"), proc.stderr
        yield line.split()[2]
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


class DeskVisit(Visit):
    """The desk open in a fresh browser context."""

    def checks(self) -> int:
        """How many checks the page has shown."""
        return int(self.page.evaluate("Number(document.body.dataset.checks)"))

    def wait_checked(self, after: int) -> None:
        """Until the page shows a check beyond the `after`-th, and is not checking again."""
        self.page.wait_for_function(
            "n => Number(document.body.dataset.checks) > n && document.body.dataset.state === 'ready'",
            arg=after,
            timeout=30000,
        )

    def shot(self, name: str, full_page: bool = True) -> None:
        """A screenshot under reports/test-artifacts/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = str(ARTIFACTS / f"{name}.png")
        self.page.screenshot(path=path, full_page=full_page, timeout=120000)

    def assert_local(self) -> None:
        """No request went anywhere but the desk."""
        assert [u for u in self.requests if not u.startswith((self.url, "data:", "blob:"))] == []


@pytest.fixture
def visit(browser: Browser, desk_url: str) -> Iterator[DeskVisit]:
    """A fresh page (its own storage) on the desk."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    seen = DeskVisit(page, desk_url)
    seen.watch()
    page.goto(desk_url, wait_until="load")
    yield seen
    context.close()


def selected(page: Page) -> str:
    """The text selected in the draft."""
    return str(page.evaluate("(() => { const d = document.getElementById('draft'); "
                             "return d.value.slice(d.selectionStart, d.selectionEnd); })()"))  # fmt: skip


def drop(page: Page, name: str, raw: bytes) -> None:
    """Drop a file on the draft, as from the desktop."""
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const editor = document.getElementById('editor');
            editor.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
            editor.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        [name, base64.b64encode(raw).decode("ascii")],
    )


def test_an_editors_day(visit: DeskVisit, tmp_path: Path) -> None:
    page = visit.page
    page.locator("#draft").fill(EXAMPLE_TEXT)
    visit.wait_checked(0)
    error_mark = page.locator("#backdrop mark.sev-error")
    warning_mark = page.locator("#backdrop mark.sev-warning")
    assert error_mark.first.is_visible() and warning_mark.first.is_visible()
    assert error_mark.first.text_content() == "now in its ninth year"
    assert warning_mark.first.text_content() == "today (07/10)"
    anniversary = page.locator("li.finding[data-rule=anniversary-mismatch]")
    relative = page.locator("li.finding[data-rule=relative-date-mismatch]")
    assert anniversary.is_visible() and relative.is_visible()
    assert "“now in its ninth year”" in anniversary.inner_text()
    assert "“July 2012”" in anniversary.inner_text()  # both passages
    assert "now in its eleventh year" in anniversary.locator(".suggestion").inner_text()
    assert "the eleventh year" in anniversary.locator(".details").inner_text()  # the working
    assert "found in the text: 2022-10-08" in page.locator("#date-note").inner_text()
    assert page.locator("#claims tbody tr").count() >= 5
    visit.shot("desk-example")

    relative.click()
    assert selected(page) == "today (07/10)"
    anniversary.locator(".message").click()
    assert selected(page) == "now in its ninth year"

    page.locator("input[name=severity][value=warning]").uncheck()
    assert relative.count() == 0 and warning_mark.count() == 0
    page.locator("input[name=severity][value=warning]").check()
    assert relative.is_visible()

    with page.expect_download() as download:
        page.locator(".downloads button[data-format=html]").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "draft.factcheck.html"
    assert "now in its ninth year" in saved.read_text(encoding="utf-8")

    before = visit.checks()
    anniversary.locator("button.apply").click()
    visit.wait_checked(before)
    assert anniversary.count() == 0
    assert relative.is_visible()
    assert "now in its eleventh year" in page.locator("#draft").input_value()
    assert page.locator("#backdrop mark.sev-error").count() == 0
    visit.shot("desk-applied")
    assert visit.errors == [] and visit.dialogs == []
    visit.assert_local()


def test_the_timeline_keeps_days_apart(visit: DeskVisit) -> None:
    page = visit.page
    page.locator("#draft").fill(EXAMPLE_TEXT)
    visit.wait_checked(0)

    def x_of(day: str) -> float:
        row = page.locator(".tl-row", has=page.locator(f"title:text-matches('\\\\({day}\\\\)')"))
        box = row.first.locator(".tl-mark").bounding_box()
        assert box is not None, day
        return float(box["x"])

    # 07/10 is 2022-10-07, the day before the release; "July 2012" is ten years before.
    assert abs(x_of("2022-10-08") - x_of("2022-10-07")) >= 12
    page.locator(".scale button[data-scale='8']").click()
    assert abs(x_of("2022-10-08") - x_of("2022-10-07")) >= 40
    visit.shot("desk-timeline-week")
    page.locator(".scale button[data-scale=all]").click()
    assert page.locator(".timeline svg .tl-row").count() >= 3
    assert visit.errors == []


def test_dropped_word_and_html_releases(visit: DeskVisit) -> None:
    page = visit.page
    drop(page, "harbour-festival.docx", docx_bytes(FESTIVAL))
    visit.wait_checked(0)
    assert "(harbour-festival.docx)" in page.locator("#draft-name").inner_text()
    assert page.locator("#draft").input_value().startswith("GENEVA, 14 March 2023")
    anniversary = page.locator("li.finding[data-rule=anniversary-mismatch]")
    assert anniversary.is_visible() and "ninth year" in anniversary.inner_text()
    assert page.locator("#backdrop mark.sev-error").first.is_visible()
    visit.shot("desk-docx")

    before = visit.checks()
    drop(page, FESTIVAL_HTML.name, FESTIVAL_HTML.read_bytes())
    visit.wait_checked(before)
    text = page.locator("#draft").input_value()
    assert text.startswith("The Harbour Festival opens its gates") and "Harbour City" not in text
    assert anniversary.is_visible()
    assert page.locator("#backdrop mark.sev-error").first.is_visible()
    visit.shot("desk-html")

    drop(page, "notes.pdf", b"%PDF-1.4")
    page.wait_for_function("() => document.body.dataset.state === 'error'")
    assert "notes.pdf: not a file the desk reads" in page.locator("#status").inner_text()
    assert visit.dialogs == []
    visit.assert_local()


def test_markup_typed_into_the_draft_stays_text(visit: DeskVisit) -> None:
    page = visit.page
    page.locator("#draft").click()
    typed = (
        f"GENEVA, 14 March 2023 – The Harbour Festival, founded in 2012, is now in its ninth "
        f"year. {HOSTILE} {SCRIPT} [bold]x[/bold]"
    )
    page.keyboard.type(typed)
    page.wait_for_function(
        "n => document.getElementById('draft').value.length === n"
        " && document.body.dataset.state === 'ready'"
        " && document.querySelector('li.finding[data-rule=anniversary-mismatch]') !== null",
        arg=len(typed),
        timeout=30000,
    )
    assert visit.dialogs == [] and visit.errors == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the page's own desk.js
    backdrop = page.locator("#backdrop").text_content() or ""
    assert HOSTILE in backdrop and SCRIPT in backdrop
    anniversary = page.locator("li.finding[data-rule=anniversary-mismatch]")
    assert anniversary.is_visible()
    visit.shot("desk-hostile")
    assert visit.dialogs == [] and visit.errors == []


def test_a_12_mb_paste_gets_the_size_error(visit: DeskVisit) -> None:
    page = visit.page
    page.evaluate(
        "() => { const d = document.getElementById('draft');"
        " d.value = 'The forum met today. '.repeat(600000);"
        " d.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    page.wait_for_function("() => document.body.dataset.state === 'error'", timeout=60000)
    assert "larger than 10 MB" in page.locator("#status").inner_text()
    assert page.locator("li.finding").count() == 0
    assert (
        "Not checked: the draft is larger than 10 MB" in page.locator("#no-findings").inner_text()
    )
    visit.shot("desk-too-large", full_page=False)  # painting 12 MB of text twice is slow
    assert visit.dialogs == []
