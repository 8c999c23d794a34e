"""Message templates: `{name}` fields only, from a known set, without format specs."""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable, Mapping


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def check(template: str, names: Iterable[str]) -> None:
    """A ValueError when the template names an unknown value or uses a format spec."""
    allowed = sorted(set(names))
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"template is not valid: {exc}") from None
    for _, field, spec, conversion in fields:
        if field is None:
            continue
        if spec or conversion:
            raise ValueError(
                f"'{{{field}}}' has a format spec or conversion; write just '{{name}}'"
            )
        if field not in allowed:
            close = difflib.get_close_matches(field, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(allowed)})"
            raise ValueError(f"unknown name '{{{field}}}' in the template{hint}")


def render(template: str, values: Mapping[str, object]) -> str:
    """The template with its names filled in (a name without a value is left blank)."""
    return template.format_map(_Blank(values))
