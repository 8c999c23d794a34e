"""Project configuration: `.factcheck.yaml` or `[tool.factcheck]` in pyproject.toml, found
upward from each checked file, validated strictly."""

from __future__ import annotations

import difflib
import re
import tomllib
import warnings
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

import yaml
from pathspec import GitIgnoreSpec
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from checker import yamlsafe
from checker.errors import InputError

Setting = Literal["off", "error", "warning", "info"]
FILES = (".factcheck.yaml", ".factcheck.yml", "pyproject.toml")
LOCALES = {"US": "MDY", "PH": "MDY", "FM": "MDY", "CA": "DMY"}
MAX_BYTES = 1024 * 1024  # a configuration is a few lines


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _off(rules: Any) -> Any:
    """YAML reads an unquoted `off` as false: take it as the word it was."""
    if isinstance(rules, dict):
        return {key: "off" if value is False else value for key, value in rules.items()}
    return rules


RuleSettings = Annotated[dict[str, Setting], BeforeValidator(_off)]


def english_locales() -> frozenset[str]:
    """The English locales CLDR knows (en, en-GB, en-US, en-001 …), as dateparser ships them."""
    from dateparser.data.languages_info import language_locale_dict

    return frozenset({"en", *language_locale_dict["en"]})


def _locale(value: str | None) -> str | None:
    if value is None:
        return None
    known = {code.lower(): code for code in english_locales()}
    code = known.get(value.replace("_", "-").lower())
    if code is None:
        close = difflib.get_close_matches(value, sorted(known.values()), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(
            f"'{value}' is not an English locale{hint}; factcheck reads English releases "
            "(en, en-GB, en-US, en-IN …)"
        )
    return code


Locale = Annotated[str | None, AfterValidator(_locale)]
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_BRACKETS = re.compile(r"\[!?\]?[^\]]*\]")  # a complete bracket expression: [abc], [!a], []x]


def _glob(pattern: str) -> str:
    """A gitignore-style glob relative to the configuration's folder, or a ValueError."""
    if not pattern.strip():
        raise ValueError("an empty glob matches nothing")
    if pattern.startswith(("/", "\\")) or _DRIVE.match(pattern):
        raise ValueError(
            f"'{pattern}' is an absolute path; globs are relative to the configuration's folder"
        )
    if ".." in PurePosixPath(pattern.lstrip("!")).parts:
        raise ValueError(f"'{pattern}' reaches outside the configuration's folder")
    if "[" in _BRACKETS.sub("", pattern):
        raise ValueError(f"'{pattern}' has an unclosed [ (write [[] for a literal bracket)")
    if "***" in pattern:
        raise ValueError(f"'{pattern}' is not a glob: use * within a name, ** across folders")
    try:
        _spec([pattern])
    except ValueError as exc:  # pathspec's pattern errors are ValueErrors
        raise ValueError(f"'{pattern}' is not a glob ({exc})") from None
    return pattern


def _spec(patterns: tuple[str, ...] | list[str]) -> GitIgnoreSpec:
    with warnings.catch_warnings():  # `[[]` is a literal bracket, not the nested set re fears
        warnings.simplefilter("ignore", FutureWarning)
        return GitIgnoreSpec.from_lines(patterns)


Glob = Annotated[str, AfterValidator(_glob)]


class Override(_Strict):
    """Settings for the files that match one of the globs (gitignore semantics, relative to the
    config's folder)."""

    paths: tuple[Glob, ...] = Field(min_length=1)
    rules: RuleSettings = {}
    date_order: Literal["DMY", "MDY"] | None = Field(None, alias="date-order")
    locale: Locale = None

    @cached_property
    def spec(self) -> GitIgnoreSpec:
        """The globs as one matcher: `us/*.txt` is that folder only, `**/*.txt` any depth."""
        return _spec(self.paths)


class Config(_Strict):
    """One configuration file: rule packs, rule settings, fail-on, date order, overrides."""

    packs: tuple[str, ...] = ()
    rules: RuleSettings = {}
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    date_order: Literal["DMY", "MDY"] | None = Field(None, alias="date-order")
    locale: Locale = Field(None, description="en-US reads 07/10 as July 10; en-GB as 7 October")
    overrides: tuple[Override, ...] = ()


class Loaded(BaseModel):
    """A configuration and the file it came from."""

    model_config = ConfigDict(frozen=True)

    path: Path
    config: Config
    rule_lines: dict[str, int] = {}  # the line of each rule id named (YAML), for errors

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
            if override.spec.match_file(relative):
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


def _text(path: Path) -> str:
    """A configuration file's text; unreadable, too large or not UTF-8 is an InputError."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise InputError(
            str(path), f"larger than {MAX_BYTES // 1024} KB", "a configuration is small"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}", "not UTF-8 text", "save the file as UTF-8") from None


def _toml_section(path: Path, text: str) -> Any:
    """`[tool.factcheck]` of a pyproject.toml, or None when it has none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    except RecursionError:
        raise InputError(str(path), "not valid TOML: nested too deeply") from None
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise InputError(str(path), "'tool' is not a table", "write [tool.factcheck] sections")
    section = tool.get("factcheck")
    if section is not None and not isinstance(section, dict):
        raise InputError(
            str(path), "'tool.factcheck' is not a table", "write a [tool.factcheck] section"
        )
    return section


def _parse(path: Path) -> tuple[Any, Any] | None:
    """The raw settings of a config file (None: a pyproject.toml without [tool.factcheck])."""
    text = _text(path)
    if path.name == "pyproject.toml":
        section = _toml_section(path, text)
        return None if section is None else (section, section)
    try:
        raw = yamlsafe.load_with_lines(text)
    except yaml.YAMLError as exc:
        line, problem = yamlsafe.error_line(exc)
        raise InputError(
            f"{path}:{line}" if line else str(path), f"not valid YAML: {problem}"
        ) from None
    except RecursionError:
        raise InputError(str(path), "not valid YAML: nested too deeply") from None
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
    loaded = Loaded(path=path, config=config, rule_lines=_rule_lines(raw))
    _check_packs(loaded, raw)
    return loaded


def _lines(node: Any) -> dict[str, int]:
    return dict(node.get("__lines__", {})) if isinstance(node, dict) else {}


def _rule_lines(raw: Any) -> dict[str, int]:
    """The line each rule id is named on, in `rules:` and in the overrides (YAML only)."""
    if not isinstance(raw, dict) or "__lines__" not in raw:
        return {}
    found = _lines(raw.get("rules"))
    for override in raw.get("overrides") or []:
        for rule_id, line in _lines(
            override.get("rules") if isinstance(override, dict) else None
        ).items():
            found.setdefault(rule_id, line)
    return found


def _check_packs(loaded: Loaded, raw: Any) -> None:
    """A pack must lie inside the project (the configuration's folder): a configuration may not
    pull rules from elsewhere on the machine."""
    project = loaded.folder.resolve()
    line = _lines(raw).get("packs")
    where = f"{loaded.path}:{line}" if line else str(loaded.path)
    for pack in loaded.config.packs:
        resolved = (loaded.folder / pack).resolve()
        if not resolved.is_relative_to(project):
            raise InputError(
                where,
                f"pack '{pack}' lies outside the project ({project})",
                "keep rule packs in the project, or give them with --rules DIR",
            )


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
            line = loaded.rule_lines.get(rule_id)
            where = f"{loaded.path}:{line}" if line else str(loaded.path)
            raise InputError(where, f"unknown rule '{rule_id}' in rules", hint)
