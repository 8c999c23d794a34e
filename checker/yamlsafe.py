"""YAML loading that is always safe and refuses aliases (no billion-laughs expansion)."""

from __future__ import annotations

from typing import Any

import yaml


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that rejects anchors and aliases: nothing we read needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                "while reading", None, "aliases are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


class _LineLoader(_NoAliasLoader):
    """Records, for every mapping, the line of each key (1-based), under `__lines__`."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__lines__"] = {
            key_node.value: key_node.start_mark.line + 1
            for key_node, _ in node.value
            if isinstance(key_node, yaml.ScalarNode)
        }
        return mapping


class _TextDatesLoader(_NoAliasLoader):
    """Reads a timestamp (`2023-03-14`, `2023-02-30`, `2023-03-14 10:00:00`) as the text it is,
    so that a day that does not exist is the caller's to report, not a crash of the parser."""


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def load(text: str) -> Any:
    """Parse YAML text safely; raises `yaml.YAMLError` on bad input."""
    return yaml.load(text, Loader=_NoAliasLoader)


def load_text_dates(text: str) -> Any:
    """Parse YAML text safely, timestamps kept as strings; raises `yaml.YAMLError`."""
    return yaml.load(text, Loader=_TextDatesLoader)


def load_with_lines(text: str) -> Any:
    """Parse YAML text safely, with `__lines__` in every mapping giving each key's line."""
    return yaml.load(text, Loader=_LineLoader)


def error_line(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The 1-based line and a one-line description of a YAML error."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return (mark.line + 1 if mark is not None else None), str(problem)
