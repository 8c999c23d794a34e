"""Regular expressions compiled on first use: a run pays only for the patterns its documents
reach (a costly pattern runs only where its cheap trigger matched, see scan.py)."""

from __future__ import annotations

import re
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
        compiled = re.compile(self.pattern, self._flags)
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
