"""The HTML report: one self-contained page with each release's text marked, findings and timeline."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.models import Claim, DocumentReport, Finding, Related, Report
from checker.report import timeline_svg
from checker.report.meta import RuleMeta
from checker.report.positions import Locator, counts, documents, plural, source_place

# Shown as U+FFFD: control characters, lone surrogates and the bidi overrides a reader cannot see.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
KIND_GROUPS = (
    ("when", "dates and times", ("date", "relative", "time", "set")),
    ("span", "ranges and durations", ("range", "duration")),
    ("count", "ordinals and origins", ("ordinal", "origin")),
    ("person", "ages and births", ("age", "birth")),
    ("number", "numbers, money, lists", ("quantity", "money", "percent", "change", "list")),
)
GROUP_OF = {kind: group for group, _, kinds in KIND_GROUPS for kind in kinds}
# Where two marks cover the same text, the finding is outermost and the claim innermost.
RANK = {"f": 0, "r": 1, "c": 2}
CSS = """
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--page:#f3f5f7;
--error:#b42318;--error-bg:#fbd9d5;--warning:#8a4600;--warning-bg:#fbe9ad;--info:#1f5fb4;
--info-bg:#d3e3f8;--when:#e0f1fa;--span:#fae3ef;--count:#ebe6fc;--person:#fde9d9;
--number:#def4e5;--related:#e6eaef;--focus:#0a58ca}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1320px;margin:0 auto;padding:28px 32px 56px}
h1{font-size:1.65rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:0;overflow-wrap:anywhere}
h3{font-size:1rem;margin:0 0 12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
a{color:var(--focus)}
.summary{margin:0 0 18px;color:var(--muted)}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px}
.legend{display:flex;flex-wrap:wrap;gap:8px 22px;align-items:center;font-size:.85rem;margin-bottom:26px}
.legend h2{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);width:100%}
.legend span{display:inline-flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:26px;height:14px;border-radius:3px;border:1px solid #0002}
.document{margin-top:30px}
.doc-head{display:flex;flex-direction:column;gap:4px;margin-bottom:16px}
.meta{margin:0;color:var(--muted)}
.counts b{color:var(--ink)}
.grid{display:grid;grid-template-columns:minmax(0,7fr) minmax(0,5fr);gap:22px;align-items:start}
@media (max-width:1000px){.grid{grid-template-columns:minmax(0,1fr)}}
.release{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.85;font-size:15.5px}
mark{background:none;color:inherit;padding:2px 0;border-radius:2px}
mark.c{background:var(--kind)}
.k-when{--kind:var(--when)}.k-span{--kind:var(--span)}.k-count{--kind:var(--count)}
.k-person{--kind:var(--person)}.k-number{--kind:var(--number)}
mark.r{background:var(--related);border-bottom:2px dashed #4b5563}
mark.f{border-bottom:3px solid}
mark.f mark.c,mark.r mark.c{background:none}
mark.sev-error{background:var(--error-bg);border-color:var(--error)}
mark.sev-warning{background:var(--warning-bg);border-color:var(--warning)}
mark.sev-info{background:var(--info-bg);border-color:var(--info)}
:target{outline:3px solid var(--focus);outline-offset:2px;border-radius:3px}
.ref{font:700 11px/1 system-ui,sans-serif;vertical-align:super;color:#fff;text-decoration:none;
border-radius:8px;padding:1px 5px;margin:0 1px}
.ref.sev-error,.badge.sev-error{background:var(--error)}
.ref.sev-warning,.badge.sev-warning{background:var(--warning)}
.ref.sev-info,.badge.sev-info{background:var(--info)}
.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:14px}
.finding{border:1px solid var(--line);border-left:5px solid;border-radius:8px;padding:12px 16px}
.finding.sev-error{border-left-color:var(--error)}
.finding.sev-warning{border-left-color:var(--warning)}
.finding.sev-info{border-left-color:var(--info)}
.finding-head{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center}
.badge{color:#fff;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;
border-radius:4px;padding:2px 7px}
.number-of{font-weight:700}
.rule{font:600 .88rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.where{margin-left:auto;font-size:.85rem}
.rule-desc{margin:4px 0 0;font-size:.85rem;color:var(--muted)}
.message{margin:8px 0;font-weight:600;overflow-wrap:anywhere}
.details{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 12px;margin:0;
font-size:.92rem}
.details dt{color:var(--muted);font-weight:600}
.details dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
.details ul{margin:0;padding:0;list-style:none}
.none{color:var(--muted);margin:0}
.timeline-card{margin-top:22px}
details.claims{margin-top:22px}
details.claims summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;width:100%;margin-top:12px;font-size:.9rem}
th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line);vertical-align:top;
overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:.85rem}
"""


def esc(text: str) -> str:
    """Any text as HTML text or an attribute value: escaped, quotes included; hidden characters
    shown as U+FFFD (one code point for one, so offsets still hold)."""
    return html.escape(_HIDDEN.sub("\ufffd", text), quote=True)


def flat(text: str) -> str:
    """Text on one line, escaped."""
    return esc(" ".join(text.split()))


@dataclass(frozen=True, eq=False)
class Mark:
    """A `<mark>` over `[start, end)`; the first of its pieces carries the anchor."""

    start: int
    end: int
    rank: int
    css: str
    title: str
    anchor: str


def claim_marks(claims: Sequence[Claim], prefix: str) -> list[Mark]:
    """A subtle mark per claim, coloured by its kind, its kind and value in the title."""
    marks = []
    for number, claim in enumerate(claims, 1):
        title = f"{claim.kind}: {claim.value}" + (f" ({claim.note})" if claim.note else "")
        css = f"c k-{GROUP_OF.get(claim.kind, 'when')}"
        marks.append(Mark(claim.start, claim.end, RANK["c"], css, title, f"{prefix}-c{number}"))
    return marks


def finding_marks(findings: Sequence[Finding], prefix: str) -> list[Mark]:
    """A strong mark per finding and a dashed one per related passage."""
    marks = []
    for number, f in enumerate(findings, 1):
        anchor = f"{prefix}-f{number}"
        title = f"{number}. {f.severity} · {f.rule}: {f.message}"
        marks.append(Mark(f.start, f.end, RANK["f"], f"f sev-{f.severity}", title, f"{anchor}-at"))
        for k, r in enumerate(f.related, 1):
            title = f"{r.label} (finding {number})"
            marks.append(Mark(r.start, r.end, RANK["r"], "r", title, f"{anchor}-r{k}"))
    return marks


def finding_refs(findings: Sequence[Finding], prefix: str) -> list[tuple[int, str]]:
    """A numbered link to each finding's entry, placed just after its span."""
    return [
        (f.end, f'<a class="ref sev-{f.severity}" href="#{prefix}-f{n}" '
                f'aria-label="finding {n}">{n}</a>')
        for n, f in enumerate(findings, 1)
    ]  # fmt: skip


def _open(mark: Mark, first: bool) -> str:
    anchor = f' id="{mark.anchor}"' if first else ""
    css = mark.css if first else f"{mark.css} cont"
    return f'<mark class="{esc(css)}"{anchor} title="{esc(mark.title)}">'


def _common(stack: Sequence[Mark], want: Sequence[Mark]) -> int:
    """How many marks from the outside in stay open."""
    kept = 0
    while kept < min(len(stack), len(want)) and stack[kept] is want[kept]:
        kept += 1
    return kept


def marked(text: str, marks: Iterable[Mark], inserts: Iterable[tuple[int, str]] = ()) -> str:
    """The text escaped with its marks properly nested: at every boundary of any span, the marks
    that do not go on are closed and those that begin are opened, so a mark that crosses another
    is split into pieces. An empty span becomes an empty anchor; `inserts` is HTML placed at
    offsets."""
    size = len(text)
    starts: dict[int, list[Mark]] = defaultdict(list)
    placed: dict[int, list[str]] = defaultdict(list)
    for at, snippet in inserts:
        placed[min(max(at, 0), size)].append(snippet)
    for mark in marks:
        start, end = min(max(mark.start, 0), size), min(max(mark.end, 0), size)
        if start >= end:
            placed[start].insert(0, f'<span class="pin" id="{mark.anchor}"></span>')
        else:
            starts[start].append(Mark(start, end, mark.rank, mark.css, mark.title, mark.anchor))
    bounds = sorted({0, size, *starts, *placed, *(m.end for ms in starts.values() for m in ms)})
    out: list[str] = []
    active: list[Mark] = []
    stack: list[Mark] = []
    for i, at in enumerate(bounds):
        active = [m for m in active if m.end > at] + starts.get(at, [])
        want = sorted(active, key=lambda m: (m.start, -m.end, m.rank))
        kept = _common(stack, want)
        out.append("</mark>" * (len(stack) - kept))
        out.extend(placed.get(at, []))
        out.extend(_open(m, m.start == at) for m in want[kept:])
        stack = want
        if i + 1 < len(bounds):
            out.append(esc(text[at : bounds[i + 1]]))
    return "".join(out)


def quoted(text: str) -> str:
    """A passage in quotation marks, on one line."""
    return f"“{flat(text)}”" if text.strip() else "(empty)"


def _where(locator: Locator, passage: Finding | Related) -> str:
    point = locator.point(passage.start)
    return flat(source_place(passage) or f"line {point.line}, column {point.column}")


def finding_item(
    number: int, f: Finding, prefix: str, locator: Locator, rule: RuleMeta | None
) -> str:
    """One finding: severity, rule and its description, message, passages, working, suggestion."""
    anchor = f"{prefix}-f{number}"
    described = f' title="{esc(rule.description)}"' if rule else ""
    rows = [f'<dt>Passage</dt><dd><a href="#{anchor}-at">{quoted(f.text)}</a></dd>']
    if f.related:
        items = "".join(
            f'<li><a href="#{anchor}-r{k}">{quoted(r.text)}</a> — {flat(r.label)} '
            f"({_where(locator, r)})</li>"
            for k, r in enumerate(f.related, 1)
        )
        rows.append(f"<dt>Related</dt><dd><ul>{items}</ul></dd>")
    if f.help:
        rows.append(f"<dt>Working</dt><dd>{esc(f.help.strip())}</dd>")
    if f.suggestion is not None:
        rows.append(f"<dt>Suggestion</dt><dd>{quoted(f.suggestion)}</dd>")
    return "\n".join([
        f'<li class="finding sev-{f.severity}" id="{anchor}">',
        f'<div class="finding-head"><span class="number-of">{number}.</span>'
        f'<span class="badge sev-{f.severity}">{f.severity}</span>'
        f'<code class="rule"{described}>{esc(f.rule)}</code>'
        f'<a class="where" href="#{anchor}-at">{_where(locator, f)}</a></div>',
        f'<p class="rule-desc">{esc(rule.short_description)}</p>' if rule else "",
        f'<p class="message">{esc(f.message)}</p>',
        f'<dl class="details">{"".join(rows)}</dl>',
        "</li>",
    ])  # fmt: skip


def counted(count: int, noun: str) -> str:
    """`<b>1</b> error`, `<b>2</b> warnings`."""
    return f"<b>{count}</b> {plural(count, noun).split(' ', 1)[1]}"


def tally(findings: Sequence[Finding]) -> str:
    """`<b>1</b> error, <b>2</b> warnings`, or `no findings`."""
    parts = [counted(n, severity) for severity, n in counts(findings).items() if n]
    return ", ".join(parts) if parts else "no findings"


def claims_table(claims: Sequence[Claim], prefix: str) -> str:
    """Every claim in a table that folds away: kind, text (linked to its mark), value, subject."""
    rows = "".join(
        f'<tr><td>{n}</td><td>{esc(c.kind)}</td><td><a href="#{prefix}-c{n}">{quoted(c.text)}</a>'
        f"</td><td>{flat(c.value)}</td><td>{flat(c.subject or '')}</td></tr>"
        for n, c in enumerate(claims, 1)
    )
    head = "<tr><th>#</th><th>Kind</th><th>Text</th><th>Value</th><th>Subject</th></tr>"
    return (
        f'<details class="claims card"><summary>All claims ({len(claims)})</summary>'
        f"<table><thead>{head}</thead><tbody>{rows}</tbody></table></details>"
    )


def document_section(
    number: int, document: DocumentReport, locator: Locator, rules: dict[str, RuleMeta]
) -> str:
    """A document: header, its text marked beside its findings, the timeline, its claims."""
    prefix = f"d{number}"
    source = f" (from {flat(document.date_source)})" if document.date else ""
    date = f"<b>{flat(document.date)}</b>{source}" if document.date else "<b>not found</b>"
    marks = claim_marks(document.claims, prefix) + finding_marks(document.findings, prefix)
    text = marked(locator.text, marks, finding_refs(document.findings, prefix))
    items = [
        finding_item(n, f, prefix, locator, rules.get(f.rule))
        for n, f in enumerate(document.findings, 1)
    ]
    listing = (
        f'<ol class="findings">{"".join(items)}</ol>'
        if items
        else '<p class="none">No findings.</p>'
    )
    anchors = {i: f"{prefix}-c{i + 1}" for i in range(len(document.claims))}
    return "\n".join([
        f'<section class="document" id="{prefix}" aria-labelledby="{prefix}-h">',
        f'<header class="doc-head"><h2 id="{prefix}-h">{flat(document.path)}</h2>',
        f'<p class="meta counts">Release date {date} · {plural(len(document.claims), "claim")}'
        f" · {tally(document.findings)}</p></header>",
        '<div class="grid">',
        f'<section class="card" aria-labelledby="{prefix}-t"><h3 id="{prefix}-t">Release text</h3>',
        f'<div class="release">{text}</div></section>',
        f'<section class="card" aria-labelledby="{prefix}-f"><h3 id="{prefix}-f">'
        f"Findings ({len(items)})</h3>{listing}</section>",
        "</div>",
        f'<section class="card timeline-card" aria-labelledby="{prefix}-tl">',
        f'<h3 id="{prefix}-tl">Timeline</h3>',
        timeline_svg.render(document, prefix, anchors),
        "</section>",
        claims_table(document.claims, prefix) if document.claims else "",
        "</section>",
    ])  # fmt: skip


def legend() -> str:
    """What the colours of the marked text mean."""
    kinds = [(f"c k-{group}", f"{label} ({', '.join(k)})") for group, label, k in KIND_GROUPS]
    marks = [
        *kinds,
        ("f sev-error", "error"),
        ("f sev-warning", "warning"),
        ("f sev-info", "info"),
        ("r", "related passage"),
    ]
    keys = "".join(
        f'<span><mark class="swatch {css}"></mark>{esc(label)}</span>' for css, label in marks
    )
    return (
        '<section class="legend card" aria-labelledby="legend-h">'
        f'<h2 id="legend-h">Legend</h2>{keys}</section>'
    )


def headline(report: Report) -> str:
    """The summary line at the top."""
    s = report.summary
    tallied = (("error", s.errors), ("warning", s.warnings), ("info", s.infos))
    found = ", ".join(counted(n, severity) for severity, n in tallied if n)
    docs = plural(s.documents, "document")
    return f'<p class="summary counts">{found or "No findings"} in {docs}</p>'


def render(report: Report, texts: dict[str, str], rules: Sequence[RuleMeta]) -> str:
    """The whole report as one HTML page: inline CSS, no scripts, no external requests."""
    by_id = {rule.id: rule for rule in rules}
    sections = [
        document_section(n, document, locator, by_id)
        for n, (document, locator) in enumerate(documents(report, texts), 1)
    ]
    version = f"{flat(report.tool)} {flat(report.version)}"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>factcheck report</title><style>{CSS}{timeline_svg.CSS}</style></head>",
        "<body><main>",
        "<h1>factcheck report</h1>",
        headline(report),
        legend(),
        *sections,
        f"<footer>Generated by {version}.</footer>",
        "</main></body></html>",
        "",
    ])  # fmt: skip
