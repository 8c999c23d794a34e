"""Regular expressions compiled on first use: a run pays only for the patterns its documents
reach (a costly pattern runs only where its cheap trigger matched, see scan.py)."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

# The methods a compiled pattern is used through; once compiled, they are the instance's own
# attributes, so a call costs what a call on the compiled pattern costs.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Deferred:
    """A pattern's source and flags until it is first used, then the compiled pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # the same text the compiled pattern gives, without compiling
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(_prefiltered(self.pattern, self._flags), self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = (
            compiled.flags,
            compiled.groups,
            compiled.groupindex,
        )
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"patterns.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when a method or attribute is first used."""
    # A stand-in, typed as the pattern it becomes: callers keep their `re.Pattern` annotations.
    return cast("re.Pattern[str]", _Deferred(pattern, flags))


def flags_of(pattern: re.Pattern[str]) -> int:
    """A pattern's flags, without compiling a deferred one."""
    if isinstance(pattern, _Deferred):
        return pattern._flags
    return pattern.flags


def _prefiltered(pattern: str, flags: int) -> str:
    """The pattern behind a lookahead for the characters it can start with, when it opens with
    a word boundary: `re` tries "\\b(?:January|…)" in full at every position of a text, while
    the lookahead rejects most positions at once. The lookahead takes the pattern's flags, so
    case folding is the same; a pattern whose first character cannot be told is left as it is."""
    try:
        parsed = list(sre_parse.parse(pattern, flags))
    except re.error:
        return pattern
    if not parsed or parsed[0][0] is not sre.AT:
        return pattern
    first, nullable = _first_chars(parsed)
    if first is None or nullable or not first or len(first) > 64:
        return pattern
    return "(?=[" + "".join(_in_class(c) for c in sorted(first)) + "])" + pattern


def _in_class(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def _first_chars(nodes: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None when any), and whether it can
    match the empty string."""
    out: set[str] = set()
    for op, arg in nodes:
        if op is sre.AT:
            continue  # a boundary takes no character
        if op is sre.LITERAL:
            return out | {chr(arg)}, False
        if op is sre.IN:
            chars = _class_chars(arg)
            return (None, False) if chars is None else (out | chars, False)
        if op in (sre.SUBPATTERN, sre.BRANCH, sre.MAX_REPEAT, sre.MIN_REPEAT):
            if op is sre.SUBPATTERN:
                if arg[1] & sre.SRE_FLAG_IGNORECASE:
                    return None, False  # "(?i:…)": the lookahead would not fold case
                branches, least = [list(arg[-1])], 1
            elif op is sre.BRANCH:
                branches, least = [list(b) for b in arg[1]], 1
            else:
                branches, least = [list(arg[2])], arg[0]
            empty = least == 0
            for branch in branches:
                chars, nullable = _first_chars(branch)
                if chars is None:
                    return None, False
                out |= chars
                empty = empty or nullable
            if not empty:
                return out, False
            continue
        return None, False
    return out, True


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a class such as `[A-Za-z0-9]`, or None when it is wide or negated."""
    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            out.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] <= 64:
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            out.update("0123456789")
        else:
            return None
    return out
