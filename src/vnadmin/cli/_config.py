"""The configuration of the command line: ``[tool.vnadmin]`` in a ``pyproject.toml`` or
the top level of a ``vnadmin.toml``.

The nearest file is used: the directory of the first path given (the current directory
for ``-`` or when no path is given), then each parent; in each directory a
``vnadmin.toml`` first, then a ``pyproject.toml`` that has a ``[tool.vnadmin]`` table
(one without it is passed over). ``--config FILE`` names the file, ``--no-config``
reads none. Keys are written with ``-`` or ``_`` alike; an unknown key, a value of the
wrong type, or an unknown rule id or prefix is a usage error (exit status 2).
"""

from __future__ import annotations

import fnmatch
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from vnadmin.errors import VnAdminError

__all__ = ["CONFIG_KEYS", "Config", "ConfigError", "UsageError", "find_config", "load_config"]


class UsageError(VnAdminError):
    """A command line or a configuration the command cannot run with (exit status 2)."""


class ConfigError(UsageError):
    """A configuration file that cannot be read or holds a bad key or value."""


#: Each configuration key: its TOML type and what it does (the CLI reference lists them).
CONFIG_KEYS: Mapping[str, tuple[str, str]] = {
    "select": (
        "list of strings",
        "rule ids or prefixes to check (default: every rule but the opt-in family M); "
        "`--select` replaces it",
    ),
    "ignore": (
        "list of strings",
        "rule ids or prefixes not to report; `--ignore` adds to it",
    ),
    "per-file-ignores": (
        "table: glob → list of strings",
        "rule ids or prefixes not to report in the files that match the glob (matched "
        "against the path relative to the configuration file's directory; a glob without "
        "`/` also against the file name)",
    ),
    "include": (
        "list of strings",
        "glob patterns of the files a directory contributes (default: "
        "`*.txt`, `*.md`, `*.docx`, `*.doc`, `*.pdf`); `--include` replaces it",
    ),
    "lang": ('"vi" or "en"', "the language of messages (default `en`); `--lang` overrides it"),
    "fail-on": (
        '"error", "warning" or "info"',
        "the least severity that makes `lint` exit 1 (default `error`); `--fail-on` overrides it",
    ),
    "notice-days": (
        "integer ≥ 0",
        "M101: the working days a Giấy mời must precede its meeting (default 3, QĐ 45/2018)",
    ),
    "conclusion-days": (
        "integer ≥ 0",
        "M102: the working days within which a conclusion notice follows its meeting "
        "(default 5, QĐ 45/2018)",
    ),
}

LANGS = ("en", "vi")
SEVERITIES = ("error", "warning", "info")


def rule_ids(values: Sequence[str], where: str) -> tuple[str, ...]:
    """Rule ids or prefixes, upper-cased (``n101`` is ``N101``); an entry that is no rule
    id and no prefix of one raises :class:`UsageError` naming it."""
    from vnadmin.findings import RULES

    ids = tuple(sorted(RULES))
    families = ", ".join(sorted({i[0] for i in ids}))
    result = []
    for value in values:
        for item in value.split(","):
            item = item.strip().upper()
            if not item:
                continue
            if not any(i.startswith(item) for i in ids):
                raise UsageError(
                    f"unknown rule id or prefix {item!r} in {where} "
                    f"(rule families: {families}; the catalogue: docs/rules)"
                )
            result.append(item)
    return tuple(result)


@attrs.frozen
class Config:
    """The settings read from a configuration file (``None``: not set there)."""

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] | None = None
    lang: str | None = None
    fail_on: str | None = None
    notice_days: int | None = None
    conclusion_days: int | None = None

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """The rule ids or prefixes :attr:`per_file_ignores` ignores in ``path``."""
        if not self.per_file_ignores or path == "-":
            return ()
        full = os.path.abspath(path)
        rel = os.path.relpath(full, os.path.abspath(self.root)).replace(os.sep, "/")
        name = os.path.basename(full)
        found: list[str] = []
        for pattern, ids in self.per_file_ignores:
            p = pattern.removeprefix("./")
            if (
                fnmatch.fnmatchcase(rel, p)
                or (p.startswith("**/") and fnmatch.fnmatchcase(rel, p[3:]))
                or ("/" not in p and fnmatch.fnmatchcase(name, p))
            ):
                found += ids
        return tuple(found)


def _toml() -> Any:
    """``tomllib`` (Python 3.11+) or, on 3.10, ``tomli`` if installed."""
    if sys.version_info >= (3, 11):
        return importlib.import_module("tomllib")
    try:
        return importlib.import_module("tomli")
    except ImportError:
        raise ConfigError(
            "reading a configuration file on Python 3.10 needs tomli: pip install tomli "
            "(or give --no-config)"
        ) from None


def _strings(value: object, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} is a list of strings, not {value!r}")
    return tuple(value)


def _parse(table: Mapping[str, Any], path: str) -> Config:
    where = f"{path}"
    values: dict[str, Any] = {}
    for raw, value in table.items():
        key = raw.replace("_", "-")
        if key not in CONFIG_KEYS:
            raise ConfigError(
                f"{where}: unknown key {raw!r} (known: {', '.join(sorted(CONFIG_KEYS))})"
            )
        if key in ("select", "ignore"):
            values[key] = rule_ids(_strings(value, key, where), f"{where} ({key})")
        elif key == "include":
            values[key] = _strings(value, key, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: per-file-ignores is a table of glob = [ids]")
            values[key] = tuple(
                (glob, rule_ids(_strings(ids, f"per-file-ignores.{glob}", where), where))
                for glob, ids in value.items()
            )
        elif key == "lang":
            if value not in LANGS:
                raise ConfigError(f"{where}: lang is 'vi' or 'en', not {value!r}")
            values[key] = value
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: fail-on is one of {SEVERITIES}, not {value!r}")
            values[key] = value
        else:  # notice-days, conclusion-days
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{where}: {key} is a whole number ≥ 0, not {value!r}")
            values[key] = value
    return Config(
        path=path,
        root=os.path.dirname(os.path.abspath(path)),
        **{k.replace("-", "_"): v for k, v in values.items()},
    )


def load_config(path: str) -> Config:
    """The configuration in ``path``: a ``pyproject.toml`` (its ``[tool.vnadmin]``) or any
    other TOML file (its top level)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration {path}: {exc.strerror or exc}") from None
    toml = _toml()
    try:
        doc = toml.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, toml.TOMLDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        table = doc.get("tool", {}).get("vnadmin", {})
    else:
        table = doc
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.vnadmin] is a table")
    return _parse(table, path)


def find_config(start: str | None = None) -> str | None:
    """The nearest configuration file from ``start`` (a file or a directory; default the
    current directory) upward, or ``None``."""
    here = os.path.abspath(start if start is not None else os.getcwd())
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        candidate = os.path.join(here, "vnadmin.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as f:
                    has_table = b"[tool.vnadmin" in f.read()
            except OSError:
                has_table = False
            if has_table:
                return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
