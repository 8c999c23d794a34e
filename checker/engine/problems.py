"""Turning a pydantic error into `path:line: what is wrong`, with a did-you-mean for typos."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError


def line_of(raw: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest key of `loc` found in YAML data loaded with `__lines__`."""
    line = None
    node = raw
    for part in loc:
        if isinstance(node, dict):
            line = (node.get("__lines__") or {}).get(part, line)
            node = node.get(part) if isinstance(part, str) else None
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            if isinstance(node, dict) and node.get("__lines__"):
                line = min(node["__lines__"].values())
        else:
            break
    return line


def strip_lines(raw: Any) -> Any:
    """The data without the `__lines__` keys."""
    if isinstance(raw, dict):
        return {k: strip_lines(v) for k, v in raw.items() if k != "__lines__"}
    if isinstance(raw, list):
        return [strip_lines(v) for v in raw]
    return raw


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType or origin in (tuple, list):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    return []


def keys_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys a mapping at `loc` under `model` may have."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        models = _models_in(field.annotation) if field else []
        if not models:
            return []
        current = models[0]
    return list(current.model_fields)


def dotted(loc: tuple[int | str, ...]) -> str:
    """`examples[1].expect`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def describe(
    exc: ValidationError, model: type[BaseModel], raw: Any, prefix: tuple[int | str, ...] = ()
) -> tuple[int | None, str]:
    """The line and a one-line description of the first error (an unknown key before the rest)."""
    errors = exc.errors()
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = prefix + tuple(error["loc"])
    line = line_of(raw, loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, keys_at(model, tuple(error["loc"])[:-1]), n=1)
        return line, f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind == "missing":
        return line_of(raw, loc[:-1]) or 1, f"missing key '{dotted(loc)}'"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return line, f"{dotted(loc)} {error['input']!r} is not one of {expected}"
    if kind == "string_pattern_mismatch" and loc == ("id",):
        return line, f"id {error['input']!r} is not lower-case words joined by hyphens"
    message = str(error["msg"]).removeprefix("Value error, ")
    return line, f"{dotted(loc)}: {message}" if loc else message
