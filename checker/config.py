"""Project configuration: `.factcheck.yaml` or `[tool.factcheck]` in pyproject.toml, found
upward from each checked file, validated strictly."""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from checker import yamlsafe
from checker.errors import InputError

Setting = Literal["off", "error", "warning", "info"]
FILES = (".factcheck.yaml", ".factcheck.yml", "pyproject.toml")
LOCALES = {"US": "MDY", "PH": "MDY", "FM": "MDY", "CA": "DMY"}


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _off(rules: Any) -> Any:
    """YAML reads an unquoted `off` as false: take it as the word it was."""
    if isinstance(rules, dict):
        return {key: "off" if value is False else value for key, value in rules.items()}
    return rules


RuleSettings = Annotated[dict[str, Setting], BeforeValidator(_off)]


class Override(_Strict):
    """Settings for the files that match one of the globs (relative to the config's folder)."""

    paths: tuple[str, ...] = Field(min_length=1)
    rules: RuleSettings = {}
    date_order: Literal["DMY", "MDY"] | None = Field(None, alias="date-order")
    locale: str | None = None


class Config(_Strict):
    """One configuration file: rule packs, rule settings, fail-on, date order, overrides."""

    packs: tuple[str, ...] = ()
    rules: RuleSettings = {}
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    date_order: Literal["DMY", "MDY"] | None = Field(None, alias="date-order")
    locale: str | None = Field(None, description="en-US reads 07/10 as July 10; en-GB as 7 October")
    overrides: tuple[Override, ...] = ()


class Loaded(BaseModel):
    """A configuration and the file it came from."""

    model_config = ConfigDict(frozen=True)

    path: Path
    config: Config

    @property
    def folder(self) -> Path:
        """The folder that relative packs and override globs start from."""
        return self.path.parent

    def packs(self) -> tuple[str, ...]:
        """The rule folders, resolved against the config's folder."""
        return tuple(str((self.folder / p).resolve()) for p in self.config.packs)

    def for_file(self, file: Path) -> tuple[dict[str, Setting], str | None]:
        """The rule settings and date order for one file, overrides applied in order."""
        rules = dict(self.config.rules)
        order = date_order_of(self.config.date_order, self.config.locale)
        try:
            relative = file.resolve().relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        for override in self.config.overrides:
            if any(fnmatch.fnmatch(relative, glob) for glob in override.paths):
                rules.update(override.rules)
                order = date_order_of(override.date_order, override.locale) or order
        return rules, order


def date_order_of(order: str | None, locale: str | None) -> str | None:
    """The date order a setting gives: explicit, or from a locale such as en-US or en_GB."""
    if order:
        return order
    if locale:
        region = locale.replace("_", "-").split("-")[-1].upper()
        return LOCALES.get(region, "DMY")
    return None


def _parse(path: Path) -> tuple[Any, Any] | None:
    """The raw settings of a config file (None: a pyproject.toml without [tool.factcheck])."""
    text = path.read_text(encoding="utf-8-sig")
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(str(path), f"not valid TOML: {exc}") from None
        section = data.get("tool", {}).get("factcheck")
        return None if section is None else (section, section)
    try:
        raw = yamlsafe.load_with_lines(text)
    except yaml.YAMLError as exc:
        line, problem = yamlsafe.error_line(exc)
        raise InputError(
            f"{path}:{line}" if line else str(path), f"not valid YAML: {problem}"
        ) from None
    from checker.engine import problems  # the engine loads its checks: only when a file exists

    raw = raw or {}
    if not isinstance(raw, dict):
        raise InputError(str(path), "a configuration is a mapping of keys (packs, rules, …)")
    return problems.strip_lines(raw), raw


def read(path: Path) -> Loaded | None:
    """A validated configuration file; errors name the file, the line (YAML) and the key."""
    parsed = _parse(path)
    if parsed is None:
        return None
    data, raw = parsed
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        from checker.engine import problems

        line, message = problems.describe(exc, Config, raw)
        for model in (Config, Override):  # the keys as written, not as Python spells them
            for name, info in model.model_fields.items():
                if info.alias:
                    message = message.replace(f"'{name}'?", f"'{info.alias}'?")
        where = f"{path}:{line}" if line and path.suffix != ".toml" else str(path)
        if path.name == "pyproject.toml":
            message = f"[tool.factcheck] {message}"
        raise InputError(where, message, "see README.md, Configuration") from None
    return Loaded(path=path, config=config)


@lru_cache(maxsize=256)
def find(folder: Path) -> Loaded | None:
    """The nearest configuration at or above a folder (a pyproject.toml without
    [tool.factcheck] does not count)."""
    for candidate in (folder, *folder.parents):
        for name in FILES:
            path = candidate / name
            if path.is_file():
                loaded = read(path)
                if loaded is not None:
                    return loaded
    return None


def check_rule_ids(loaded: Loaded, known: set[str]) -> None:
    """An unknown rule id in a configuration is an error with a did-you-mean."""
    named = list(loaded.config.rules) + [r for o in loaded.config.overrides for r in o.rules]
    for rule_id in named:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see `factcheck rules`"
            raise InputError(str(loaded.path), f"unknown rule '{rule_id}' in rules", hint)
