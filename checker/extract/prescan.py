"""One Hyperscan pass over a document for every trigger at once: where each trigger may match.

Python's `re` scans a text once per trigger (some 30 of them, about a fifth of the check);
Hyperscan scans it once for all of them, a hundred times faster. It does not give `re`'s
answers (it reports every match, not the leftmost-first ones, and knows no lookarounds), so it
only narrows the search: each trigger becomes a pattern that matches wherever the trigger does
and maybe elsewhere (`widened`), and `re` then runs the trigger itself in the few regions found.
Where Hyperscan is not installed, or a trigger cannot be widened, `re` scans the whole text.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

hyperscan: ModuleType | None
try:
    import hyperscan
except ImportError:  # no wheel for this platform: every trigger is scanned by `re`
    hyperscan = None

__all__ = ["CONTEXT", "Scanner", "ascii_view", "hyperscan", "widened"]

# A region is searched this far past its last match end, and regions closer than this are
# one: the lookarounds of a trigger ("\\b", "(?![\\w-])", "(?=['’]s\\b)") see that far.
CONTEXT = 16
_ANY = "[\\x00-\\xff]"
_ESCAPED = re.compile(r"[^A-Za-z0-9_ ]")
# The bytes a class of `re` may match beyond ASCII shows as: the document is scanned as
# ASCII, with "?" in place of every other character, so that offsets stay code points.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: "0-9?",
    sre.CATEGORY_WORD: "A-Za-z0-9_?",
    sre.CATEGORY_SPACE: "\\t\\n\\v\\f\\r \\x1c-\\x1f?",
}


class Unwidenable(Exception):
    """A construct with no wider Hyperscan pattern (a back-reference, a conditional)."""


def widened(pattern: str, flags: int) -> str | None:
    """A Hyperscan pattern that matches, in the lower-cased ASCII view of a text, everywhere
    the `re` pattern matches in the text: boundaries and lookarounds dropped, classes widened
    by "?", literals folded. None when there is no such pattern."""
    try:
        return _nodes(list(sre_parse.parse(pattern, flags)))
    except (Unwidenable, re.error, OverflowError):
        return None


def _nodes(nodes: Sequence[tuple[Any, Any]]) -> str:
    return "".join(_node(op, arg) for op, arg in nodes)


def _node(op: Any, arg: Any) -> str:
    if op is sre.LITERAL:
        return _char(chr(arg))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return ""  # a zero-width test: dropping it only widens
    if op in (sre.NOT_LITERAL, sre.ANY):
        return _ANY
    if op is sre.IN:
        return _class(arg)
    if op is sre.BRANCH:
        return "(?:" + "|".join(_nodes(list(b)) for b in arg[1]) + ")"
    if op is sre.SUBPATTERN:
        return "(?:" + _nodes(list(arg[-1])) + ")"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, body = arg
        top = "" if most is sre.MAXREPEAT else str(most)
        return f"(?:{_nodes(list(body))}){{{least},{top}}}"
    if op is sre.ATOMIC_GROUP:
        return "(?:" + _nodes(list(arg)) + ")"
    raise Unwidenable(op)


def _char(char: str) -> str:
    """A literal, lower-cased (the scan is caseless) and shown as "?" beyond ASCII."""
    lower = char.lower()
    if len(lower) != 1 or not lower.isascii():
        return "\\?"
    return _hex(ord(lower)) if _ESCAPED.match(lower) else lower


def _class(items: Sequence[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            char = chr(arg)
            parts.append("?" if not char.isascii() else _hex(arg))
            if char.lower() != char and char.lower().isascii():
                parts.append(_hex(ord(char.lower())))
        elif op is sre.RANGE:
            low, high = arg
            if high > 127:
                parts.append("?")
            if low <= 127:
                parts.append(_hex(low) + "-" + _hex(min(high, 127)))
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            parts.append(_CATEGORIES[arg])
        else:  # a negation or a negated category: anything
            return _ANY
    return "[" + "".join(parts) + "]"


def _hex(code: int) -> str:
    return f"\\x{code:02x}"


def ascii_view(lower: str) -> bytes:
    """The lower-cased text as one byte per character, "?" for each beyond ASCII."""
    return lower.encode("ascii", "replace")


class Scanner:
    """A compiled Hyperscan database of patterns and where each may match in a text: the
    regions of its matches (`starts`, for triggers) or only where they end (the costly
    patterns `scan.finditer` searches in windows: a database that tracks where matches start
    takes ten times longer to compile for them)."""

    def __init__(self, triggers: Sequence[tuple[str, int]], starts: bool = True) -> None:
        self.ids: dict[tuple[str, int], int] = {}
        expressions: list[bytes] = []
        for key in triggers:
            source = widened(*key)
            if source is not None and key not in self.ids:
                self.ids[key] = len(expressions)
                expressions.append(source.encode())
        self._expressions = expressions
        self._starts = starts
        self._database = _database(expressions, starts)
        # One scratch space per database: the desk's threads take turns (a scan takes ~25 µs).
        self._lock = threading.Lock()

    def regions(self, view: bytes) -> list[list[tuple[int, int]]]:
        """Each trigger's merged `[start, end)` regions in the document's ASCII view."""
        return [_merged(spans) for spans in self._scan(view)]

    def ends(self, view: bytes) -> list[list[int]]:
        """Where each pattern's matches may end in the document's ASCII view, in order."""
        return [sorted({end for _, end in spans}) for spans in self._scan(view)]

    def _scan(self, view: bytes) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = [[] for _ in self.ids]

        def on_match(index: int, start: int, end: int, _flags: int, _context: object) -> None:
            found[index].append((start, end))

        if self._database is not None:
            with self._lock:
                try:
                    self._database.scan(view, match_event_handler=on_match)
                except hyperscan.error:  # type: ignore[union-attr]  # a kept one of another CPU
                    found = [[] for _ in self.ids]
                    self._database = _database(self._expressions, self._starts, kept=False)
                    self._database.scan(view, match_event_handler=on_match)
        return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matches (reported in the order they end) as sorted regions, CONTEXT apart at least."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + CONTEXT:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _database(expressions: list[bytes], starts: bool = True, kept: bool = True) -> Any:
    """The compiled database: from the user's cache when an earlier run compiled it."""
    if hyperscan is None or not expressions:
        return None
    from checker.engine import cache  # here: the engine imports the extractors

    version = getattr(hyperscan, "__version__", "")
    sha = hashlib.sha256(f"{version}\0{starts}\0".encode() + b"\0".join(expressions))
    name = f"{'triggers' if starts else 'windowed'}-{sha.hexdigest()[:32]}.hsdb"
    entry = cache.read(name) if kept else None
    if entry is not None:
        try:
            database = hyperscan.loadb(entry, hyperscan.HS_MODE_BLOCK)
            # a database read back has no scratch space: without one every scan fails
            database.scratch = hyperscan.Scratch(database)
            return database
        except Exception:  # from another CPU or a damaged file: compile it again
            pass
    database = hyperscan.Database()
    flag = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_DOTALL
    flag |= hyperscan.HS_FLAG_SOM_LEFTMOST if starts else 0
    database.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[flag | hyperscan.HS_FLAG_ALLOWEMPTY] * len(expressions),
    )
    cache.write(name, hyperscan.dumpb(database))
    return database
