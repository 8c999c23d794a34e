"""Lists with an announced count: "three priorities: A, B, C and D"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.base import Context, Draft, anchored
from checker.extract.lexicon import cardinal_value

ANNOUNCED = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-9])\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b(?P<rest>[^:.;!?\n]{0,60}?)\s*[:–—]\s*"
    r"(?P<items>[^.;!?\n]+)",
    re.IGNORECASE,
)
_COLON = re.compile(r"[:–—]")
_SPLIT = re.compile(r"\s*,\s*|\s*;\s*")
_FINAL = re.compile(r"\s+(?:and|or|as\s+well\s+as|plus)\s+", re.IGNORECASE)


def items_of(listed: str) -> list[str]:
    """The items of `A, B, C and D`: a serial comma marks the last item, else the last `and`."""
    listed = listed.strip()
    parts = [p for p in _SPLIT.split(listed) if p]
    if len(parts) < 2 and not _FINAL.search(listed):
        return parts
    serial = bool(re.search(r",\s*(?:and|or)\s+", listed))
    if serial:
        # "A, B, and C": the last part is "and C"; an "and" inside another item stays inside.
        parts[-1] = _FINAL.sub("", " " + parts[-1], count=1).strip()
        return parts
    head, sep, tail = _last_split(parts[-1])
    return parts[:-1] + ([head, tail] if sep else [parts[-1]])


def _last_split(part: str) -> tuple[str, str, str]:
    found = list(_FINAL.finditer(part))
    if not found:
        return part, "", ""
    last = found[-1]
    return part[: last.start()], last.group(0), part[last.end() :]


def find(text: str, ctx: Context) -> Iterator[Draft]:
    """Announced counts followed by a colon and a list of items."""
    for m in anchored(_COLON, ANNOUNCED, text, reach=100, tail=400):
        count = cardinal_value(m["count"])
        if count is None or count < 2:
            continue
        listed = m["items"]
        items = items_of(listed)
        if len(items) < 2 or any(len(item.split()) > 12 for item in items):
            continue  # prose after a colon, not a list
        draft = Draft(kind="list", start=m.start(), end=m.end("noun"), value=f"{count} {m['noun']}",
                      number=count, unit=m["noun"].lower(), items=tuple(items))  # fmt: skip
        draft.extra["items_span"] = (m.start("items"), m.end("items"))
        yield draft
