"""Reading rule files: YAML without aliases, the schema, the check type and its params."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

import checker
import checker.checks
from checker import yamlsafe
from checker.checks.base import REGISTRY
from checker.engine import problems, template
from checker.engine.schema import Rule
from checker.errors import InputError

_PACKAGE = Path(checker.__file__).resolve().parent
# An installed wheel carries the rules inside the package; a checkout keeps them at its top.
CORE = next(
    (p for p in (_PACKAGE / "rules" / "core", _PACKAGE.parent / "rules" / "core") if p.is_dir()),
    _PACKAGE.parent / "rules" / "core",
)
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 1024 * 1024


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder, sorted; an InputError when there is no such folder or none."""
    if not folder.is_dir():
        raise InputError(
            str(folder), "no such folder of rules", "give a folder of .yaml rule files"
        )
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES)
    if not files:
        raise InputError(str(folder), "holds no .yaml rule files")
    return files


def read(path: Path) -> Any:
    """The YAML data of a rule file, with key lines; syntax errors and aliases as InputErrors."""
    where = shown(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(where, f"larger than {MAX_BYTES // 1024} KB", "a rule file is small")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot be read ({exc})") from None
    try:
        data = yamlsafe.load_with_lines(text)
    except yaml.YAMLError as exc:
        line, problem = yamlsafe.error_line(exc)
        raise InputError(
            f"{where}:{line}" if line else where, f"not valid YAML: {problem}"
        ) from None
    except RecursionError:
        raise InputError(where, "not valid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(where, "a rule file is a mapping of keys (id, check, severity, …)")
    return data


def shown(path: Path) -> str:
    """A rule file's path as a reader wants it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_file(path: Path) -> Rule:
    """One rule, validated against the schema, its check type and that type's params."""
    where = shown(path)
    raw = read(path)
    lines = raw.get("__lines__", {})
    try:
        rule = Rule.model_validate(problems.strip_lines(raw))
    except ValidationError as exc:
        line, problem = problems.describe(exc, Rule, raw)
        raise InputError(f"{where}:{line or 1}", problem) from None
    if rule.id != path.stem:
        raise InputError(
            f"{where}:{lines.get('id', 1)}",
            f"rule id '{rule.id}' differs from the file name '{path.name}'",
            f"name the file {rule.id}{path.suffix}",
        )
    check_type = REGISTRY.get(rule.check)
    if check_type is None:
        close = difflib.get_close_matches(rule.check, sorted(REGISTRY), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise InputError(
            f"{where}:{lines.get('check', 1)}",
            f"unknown check type '{rule.check}'{hint}",
            f"known: {', '.join(sorted(REGISTRY))}",
        )
    try:
        settings = check_type.params.model_validate(rule.params)
    except ValidationError as exc:
        line, problem = problems.describe(exc, check_type.params, raw, ("params",))
        raise InputError(f"{where}:{line or lines.get('params', 1)}", problem) from None
    try:
        template.check(rule.message, check_type.names(settings))
    except ValueError as exc:
        raise InputError(f"{where}:{lines.get('message', 1)}", f"message: {exc}") from None
    return rule.bind(where, lines.get("id", 1), check_type, settings)


def load(folders: list[Path]) -> list[Rule]:
    """Every rule of the folders, in order; a rule id given twice is an InputError."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for folder in folders:
        for path in rule_files(folder):
            rule = load_file(path)
            if rule.id in seen:
                raise InputError(
                    rule.source, f"duplicate rule id '{rule.id}'", f"also in {seen[rule.id].source}"
                )
            seen[rule.id] = rule
            rules.append(rule)
    return rules
