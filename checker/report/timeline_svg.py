"""A document's dated claims as an inline SVG timeline on a year axis, release date marked."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from checker.models import CalendarDate, Claim, DocumentReport

Shape = Literal["tick", "bar", "since", "origin"]
WIDTH = 880  # the viewBox width; the picture scales to its column
LABELS = 250  # the column of claim texts on the left
RIGHT = 28
TOP = 34  # room for the release date's label
ROW = 24
LABEL_CHARS = 34
STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MAX_TICKS = 10
COMPOSITE = ("range", "origin", "birth", "duration")  # kinds whose parts they draw themselves
_SHAPE_OF = {"range": "bar", "duration": "since", "origin": "origin", "birth": "origin"}
CSS = """
svg.timeline{width:100%;height:auto;display:block;font:12px system-ui,-apple-system,"Segoe UI",
Roboto,Arial,sans-serif}
.tl .stripe{fill:transparent}.tl .row:hover .stripe,.tl .row:focus .stripe{fill:#eef2f6}
.tl .label{text-anchor:end;fill:#1f2328}.tl .flagged .label{fill:#b42318;font-weight:700}
.tl .gridline{stroke:#e3e7eb}.tl .axis{stroke:#8c959f}.tl .year{text-anchor:middle;fill:#57606a}
.tl .band{fill:#1f5fb4;opacity:.16}.tl .tick{stroke:#1f5fb4;stroke-width:3}
.tl .bar{fill:#0f766e}.tl .since{fill:#0f766e33;stroke:#0f766e;stroke-dasharray:4 3}
.tl .origin{fill:#6d28d9}
.tl .flagged .band{fill:#b42318}.tl .flagged .tick{stroke:#b42318}
.tl .flagged .bar,.tl .flagged .origin{fill:#b42318}
.tl .flagged .since{fill:#b4231833;stroke:#b42318}
.tl .release-line{stroke:#111827;stroke-width:2;stroke-dasharray:6 4}
.tl .release-mark{fill:#111827}.tl .release-label{font-weight:700;fill:#111827}
.keys{display:flex;flex-wrap:wrap;gap:6px 20px;font-size:.85rem;color:#57606a;margin-top:8px}
.keys span{display:inline-flex;align-items:center;gap:6px}
"""
KEYS = (
    ('<line class="tick" x1="7" y1="2" x2="7" y2="14"/>', 14, "date or event"),
    ('<rect class="bar" x="0" y="3" width="26" height="10" rx="3"/>', 26, "range"),
    ('<rect class="since" x="1" y="4" width="24" height="8" rx="2"/>', 26, "duration until the release"),
    ('<polygon class="origin" points="8,1 15,8 8,15 1,8"/>', 16, "origin or birth"),
    ('<line class="release-line" x1="5" y1="0" x2="5" y2="16"/>', 10, "release date"),
    ('<g class="flagged"><rect class="bar" x="0" y="3" width="26" height="10" rx="3"/></g>', 26,
     "involved in a finding"),
)  # fmt: skip


@dataclass(frozen=True)
class Item:
    """One row of the picture: a claim, its shape and the days it covers, `[start, end)`."""

    index: int
    claim: Claim
    shape: Shape
    start: date
    end: date
    flagged: bool


def esc(text: str) -> str:
    """Text for SVG markup."""
    return html.escape(text, quote=True)


def period(value: CalendarDate) -> tuple[date, date] | None:
    """The days `[first, last + 1)` a date can mean; a day that does not exist counts as its
    month; None outside the years a `datetime.date` holds."""
    if not value.is_valid:
        value = CalendarDate(year=value.year, month=value.month)
    try:
        return value.first_day(), value.last_day() + timedelta(days=1)
    except (ValueError, OverflowError):
        return None


def release_day(document: DocumentReport) -> date | None:
    """The release date, when the document has one that parses."""
    try:
        return date.fromisoformat(document.date) if document.date else None
    except ValueError:
        return None


def _span(claim: Claim, by_id: dict[str, Claim], release: date | None) -> tuple[date, date] | None:
    """The days a claim's row covers: its own date, its range's ends, or `since` to the release."""
    dated = [by_id[p].date for p in claim.parts if p in by_id and by_id[p].date is not None]
    periods = [p for p in (period(d) for d in dated if d is not None) if p]
    if claim.kind == "range":
        if len(periods) < 2:
            return None
        return min(p[0] for p in periods), max(p[1] for p in periods)
    if claim.kind == "duration":
        if not periods or release is None or periods[0][0] >= release:
            return None
        return periods[0][0], release + timedelta(days=1)
    return period(claim.date) if claim.date is not None else None


def items(document: DocumentReport) -> list[Item]:
    """The rows of the picture, earliest first; a date drawn by the range or origin it is a part
    of gets no row of its own."""
    by_id = {c.id: c for c in document.claims}
    flagged = {cid for f in document.findings for cid in f.claims}
    release = release_day(document)
    rows: list[Item] = []
    drawn_parts: set[str] = set()
    for index, claim in enumerate(document.claims):
        try:
            span = _span(claim, by_id, release)
        except OverflowError:  # a range or a duration that ends after 9999
            span = None
        if span is None:
            continue
        shape: Shape = _SHAPE_OF.get(claim.kind, "tick")  # type: ignore[assignment]
        hit = claim.id in flagged or any(p in flagged for p in claim.parts)
        rows.append(Item(index, claim, shape, span[0], span[1], hit))
        if claim.kind in COMPOSITE:
            drawn_parts.update(claim.parts)
    rows = [r for r in rows if r.claim.id not in drawn_parts or r.claim.kind in COMPOSITE]
    return sorted(rows, key=lambda r: (r.start, r.end, r.index))


@dataclass(frozen=True)
class Axis:
    """Years `[first, last)` mapped onto the plot's x coordinates, labelled every `step` years."""

    first: int
    last: int
    step: int

    @classmethod
    def fit(cls, days: Sequence[date]) -> Axis:
        """The smallest round axis holding every day."""
        low, high = min(days), max(days)
        first, last = low.year, high.year + (1 if high > date(high.year, 1, 1) else 0)
        last = max(last, first + 1)
        step = next((s for s in STEPS if (last - first) / s <= MAX_TICKS), STEPS[-1])
        first, last = first - first % step, last + (-last % step)
        return cls(max(first, 1), min(last, 10000), step)

    def x(self, day: date) -> float:
        """The x coordinate of the start of a day."""
        origin = date(self.first, 1, 1).toordinal()
        end = date(self.last, 1, 1).toordinal() if self.last <= 9999 else date.max.toordinal() + 1
        share = (day.toordinal() - origin) / (end - origin)
        return LABELS + share * (WIDTH - LABELS - RIGHT)

    def years(self) -> list[int]:
        """The labelled years."""
        return [y for y in range(self.first, self.last + 1, self.step) if y <= 9999]


def _label(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_CHARS else flat[: LABEL_CHARS - 1].rstrip() + "…"


def _shape(item: Item, axis: Axis, y: float) -> str:
    """The mark of one row: a tick, a bar, a dashed bar to the release, or a diamond."""
    x0, x1 = axis.x(item.start), axis.x(item.end)
    mid = (x0 + x1) / 2
    if item.shape == "bar":
        return f'<rect class="bar" x="{x0:.1f}" y="{y - 5:.1f}" width="{max(x1 - x0, 3):.1f}" height="10" rx="3"/>'
    if item.shape == "since":
        return f'<rect class="since" x="{x0:.1f}" y="{y - 4:.1f}" width="{max(x1 - x0, 3):.1f}" height="8" rx="2"/>'
    band = ""
    if x1 - x0 >= 3:  # the precision of a month or a year, shown faintly
        band = f'<rect class="band" x="{x0:.1f}" y="{y - 6:.1f}" width="{x1 - x0:.1f}" height="12" rx="2"/>'
    if item.shape == "origin":
        points = f"{mid:.1f},{y - 7:.1f} {mid + 7:.1f},{y:.1f} {mid:.1f},{y + 7:.1f} {mid - 7:.1f},{y:.1f}"
        return f'{band}<polygon class="origin" points="{points}"/>'
    return f'{band}<line class="tick" x1="{mid:.1f}" y1="{y - 8:.1f}" x2="{mid:.1f}" y2="{y + 8:.1f}"/>'


def _row(item: Item, number: int, axis: Axis, anchor: str) -> str:
    """A row linking to its claim in the text: label on the left, mark on the axis."""
    y = TOP + number * ROW + ROW / 2
    claim = item.claim
    title = f"{claim.kind}: {claim.value} — “{' '.join(claim.text.split())}”"
    if item.flagged:
        title += " (involved in a finding)"
    css = "row flagged" if item.flagged else "row"
    stripe = f'<rect class="stripe" x="0" y="{y - ROW / 2:.1f}" width="{WIDTH}" height="{ROW}"/>'
    return (
        f'<a class="{css}" href="#{anchor}"><title>{esc(title)}</title>{stripe}'
        f'<text class="label" x="{LABELS - 12}" y="{y + 4:.1f}">{esc(_label(claim.text))}</text>'
        f"{_shape(item, axis, y)}</a>"
    )


def _grid(axis: Axis, bottom: float) -> list[str]:
    """Year gridlines and labels under the plot."""
    out = [
        f'<line class="axis" x1="{LABELS}" y1="{bottom:.1f}" x2="{WIDTH - RIGHT}" y2="{bottom:.1f}"/>'
    ]
    for year in axis.years():
        x = axis.x(date(year, 1, 1))
        out.append(
            f'<line class="gridline" x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{bottom + 5:.1f}"/>'
        )
        out.append(f'<text class="year" x="{x:.1f}" y="{bottom + 19:.1f}">{year}</text>')
    return out


def _release(day: date, axis: Axis, bottom: float) -> list[str]:
    """The release date: a dashed line over every row, a triangle on the axis, a label on top."""
    x = axis.x(day)
    anchor = "end" if x > WIDTH - 140 else "start" if x < LABELS + 140 else "middle"
    triangle = f"{x:.1f},{bottom - 1:.1f} {x - 6:.1f},{bottom + 9:.1f} {x + 6:.1f},{bottom + 9:.1f}"
    return [
        f'<line class="release-line" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{bottom:.1f}"/>',
        f'<polygon class="release-mark" points="{triangle}"/>',
        f'<text class="release-label" x="{x:.1f}" y="{TOP - 12}" text-anchor="{anchor}">'
        f"release {day.isoformat()}</text>",
    ]


def render(document: DocumentReport, prefix: str, anchors: dict[int, str]) -> str:
    """The SVG of a document's dated claims, or a short note when it has none; `anchors` maps a
    claim's index to the id of its mark in the text."""
    rows = items(document)
    if not rows:
        return '<p class="empty">No dated claims to draw.</p>'
    release = release_day(document)
    days = [d for r in rows for d in (r.start, r.end)] + ([release] if release else [])
    axis = Axis.fit(days)
    bottom = TOP + len(rows) * ROW + 4
    height = bottom + 30
    flagged = sum(r.flagged for r in rows)
    summary = (
        f"{len(rows)} dated claims from {axis.first} to {axis.last}"
        f"{f', {flagged} of them involved in findings' if flagged else ''}"
        f"{f'; release date {release.isoformat()}' if release else ''}."
    )
    parts = [
        f'<svg class="timeline tl" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{prefix}-tl-t {prefix}-tl-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{prefix}-tl-t">Timeline of the dated claims</title>',
        f'<desc id="{prefix}-tl-d">{esc(summary)}</desc>',
        *_grid(axis, bottom),
        *(_release(release, axis, bottom) if release else []),
        *(_row(r, n, axis, anchors.get(r.index, prefix)) for n, r in enumerate(rows)),
        "</svg>",
        keys(),
    ]
    return "\n".join(parts)


def keys() -> str:
    """What the shapes of the picture mean, drawn with the picture's own styles."""
    drawn = (
        f'<span><svg class="tl" width="{width}" height="16" aria-hidden="true">{shape}</svg>'
        f"{label}</span>"
        for shape, width, label in KEYS
    )
    return f'<div class="keys">{"".join(drawn)}</div>'
