"""Lists with an announced count: "three priorities: A, B, C and D", bullets, (1) … (2) …"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.base import Context, Draft, anchored
from checker.extract.lexicon import cardinal_value

ANNOUNCED = re.compile(
    r"(?<![\w,.-])(?P<count>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|[2-9]|1[0-9])\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b(?P<rest>[^:.;!?\n]{0,40}?):"
    r"(?P<items>[^\n]*(?:\n[ \t]*\n?[ \t]*(?:[-*•▪◦]|\(?\d{1,2}[.)])[ \t][^\n]*)*)",
)
_COLON = re.compile(r":")
_PARTIAL = re.compile(
    r"\b(?:including|such\s+as|among\s+them|e\.g|for\s+example|notably|like)\b", re.I
)
_NOT_ITEMS = re.compile(
    r"^(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|times|millions|"
    r"billions|thousands|hundreds|percent)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[ \t]*(?:[-*•▪◦]|\(?\d{1,2}[.)])[ \t]+(?P<item>\S[^\n]*)", re.MULTILINE)
_ENUMERATED = re.compile(r"(?:^|\s)\((?P<n>\d{1,2})\)\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_FINAL = re.compile(r"\s+(?:and|or|as\s+well\s+as|plus)\s+", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")
# A part that starts like this continues the sentence, not the list: "…, with both labs".
_AFTER_LIST = re.compile(
    r"(?:with|which|who|whom|whose|that|where|while|whereas|including|to|for|in|as|among|"
    r"all|each|both|but|so|because|since)\b",
    re.IGNORECASE,
)


def items_of(listed: str) -> list[str]:
    """The items of `A, B, C and D`: semicolons first, then commas; a serial comma marks the
    last item, else the last `and` before the list ends (at a part that no item starts like)."""
    listed = listed.strip()
    separator = ";" if ";" in listed else ","
    parts: list[str] = []
    for part in (p.strip() for p in listed.split(separator)):
        if parts and _YEAR.match(part):
            parts[-1] = f"{parts[-1]}, {part}"  # "August 2nd, 2025" is one item
        elif part:
            parts.append(part)
    end = next((i for i in range(1, len(parts)) if _AFTER_LIST.match(parts[i])), len(parts))
    parts = parts[:end]
    final = next((i for i, p in enumerate(parts) if i > 0 and _FINAL.match(" " + p)), None)
    if final is not None:
        # "A, B, and C, which …": the serial conjunction marks the last item.
        parts = parts[: final + 1]
        parts[-1] = _FINAL.sub("", " " + parts[-1], count=1).strip()
    elif parts and _FINAL.search(parts[-1]):
        head, tail = _last_split(parts[-1])
        parts = [*parts[:-1], head, tail]
    return [p for p in parts if p]


def _last_split(part: str) -> tuple[str, str]:
    found = list(_FINAL.finditer(part))
    last = found[-1]
    return part[: last.start()].strip(), part[last.end() :].strip()


def _listed(block: str) -> list[str] | None:
    """The items after the colon: bullet lines, enumerated (1) (2) …, or inline text."""
    if not block.split("\n")[0].strip():
        bullets = [m["item"] for m in _BULLET.finditer(block)]
        if bullets:
            return bullets
    enumerated = [int(m["n"]) for m in _ENUMERATED.finditer(" " + block)]
    if len(enumerated) >= 2 and enumerated == list(range(1, len(enumerated) + 1)):
        return [f"({n})" for n in enumerated]
    line = block.split("\n")[0]
    end = _SENTENCE_END.search(line)
    inline = line[: end.start()] if end else line
    return items_of(inline) if inline.strip() else None


def find(text: str, ctx: Context) -> Iterator[Draft]:
    """Announced counts followed by a colon and a list of items."""
    for found in anchored(_COLON, ANNOUNCED, text, reach=90, tail=200):
        # The window found where the list starts; its items may run on past the window.
        m = ANNOUNCED.match(text, found.start()) or found
        count = cardinal_value(m["count"])
        noun = m["noun"]
        if count is None or count < 2 or _NOT_ITEMS.match(noun.split()[-1]):
            continue
        before = text[max(0, m.start() - 20) : m.start()].rstrip()
        if before[-1:].isalnum() and before.split()[-1][:1].isupper() and before[-1:] not in ".!?":
            continue  # "Phase 2 Findings:" — the number belongs to the name before it
        if _PARTIAL.search(m["rest"]):
            continue  # "eight areas, including: …" lists some of them
        items = _listed(m["items"])
        if not items or len(items) < 2 or any(len(item.split()) > 40 for item in items):
            continue
        if len(items) == 2 * count and all(item[:1].isupper() for item in items):
            continue  # "Rockville, Maryland and San Diego, California": places with their states
        draft = Draft(kind="list", start=m.start(), end=m.end("noun"), value=f"{count} {noun}",
                      number=count, unit=noun.lower(), items=tuple(items))  # fmt: skip
        draft.extra["items_span"] = (m.start("items"), m.end("items"))
        yield draft
