#!/usr/bin/env python3
"""The settings tables of README.md and docs/operations.md, made from the declarations.

    python .ci/settings_docs.py            rewrite the tables (between their markers)
    python .ci/settings_docs.py --check    exit 1 when a table differs from the declarations

Every setting is declared once in ``ohmygpt_desktop/core/settings.py``; the tables
between ``<!-- settings-table:NAME -->`` and ``<!-- /settings-table:NAME -->`` are
made from those declarations and never edited by hand. ``tests/test_settings_docs.py``
fails when they differ.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ohmygpt_desktop.core.settings import SETTINGS, Applies, SettingSpec  # noqa: E402

#: When a change takes effect, as the operations guide says it.
APPLIES = {
    Applies.LIVE: "at once",
    Applies.NETWORK: "at once, on a new connection",
    Applies.RESTART: "at the next start",
}


def _code(text: str) -> str:
    return f"`{text}`" if text else ""


def default_text(spec: SettingSpec) -> str:
    """The default as the settings file would hold it ("empty" for an empty text)."""
    value: Any = spec.default
    if value == "":
        return "empty"
    if isinstance(value, list):
        return _code(",".join(format(item, "f") for item in value))
    if isinstance(value, dict):
        return _code("{}" if not value else repr(value))
    if isinstance(value, float):
        return _code(f"{value:g}")
    if isinstance(value, Decimal):
        return _code(format(value, "f"))
    return _code(str(value))


def notes(spec: SettingSpec) -> str:
    """The description, then the allowed values or range."""
    parts = [spec.description]
    if spec.choices:
        values = [f"`{choice.value}`" for choice in spec.choices]
        parts.append("One of " + ", ".join(values[:-1]) + " or " + values[-1] + ".")
    if spec.range is not None and spec.unit is not None:
        low, high = spec.range
        parts.append(f"{low:g} to {high:g}{spec.unit.value}.")
    return " ".join(parts).replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def readme_table() -> str:
    """Where each setting can come from (README: configuration for deployments)."""
    return _table(
        ["setting", "environment variable", "flag", "default"],
        [
            [_code(s.name), _code(s.env or ""), _code(s.flag_name or ""), default_text(s)]
            for s in SETTINGS
        ],
    )


def operations_table() -> str:
    """Everything about each setting (docs/operations.md: configuration)."""
    return _table(
        ["Setting", "Environment variable", "Flag", "Default", "Takes effect", "Notes"],
        [
            [
                _code(s.name),
                _code(s.env or ""),
                _code(s.flag_name or ""),
                default_text(s),
                APPLIES[s.applies],
                notes(s),
            ]
            for s in SETTINGS
        ],
    )


#: Each file's tables: marker name → renderer.
TABLES: dict[str, dict[str, Callable[[], str]]] = {
    "README.md": {"env": readme_table},
    "docs/operations.md": {"all": operations_table},
}


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- settings-table:{name} -->", f"<!-- /settings-table:{name} -->"


def current_table(text: str, name: str) -> str | None:
    """The table between the markers ``name`` in ``text`` (``None``: no markers)."""
    start, end = _markers(name)
    if start not in text or end not in text:
        return None
    return text.split(start, 1)[1].split(end, 1)[0].strip("\n")


def with_table(text: str, name: str, table: str) -> str:
    """``text`` with the table between the markers ``name`` replaced by ``table``."""
    start, end = _markers(name)
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    return f"{before}{start}\n{table}\n{end}{after}"


def stale(root: Path = ROOT) -> list[str]:
    """``file: table`` for every table that differs from the declarations."""
    found = []
    for file, tables in TABLES.items():
        text = (root / file).read_text(encoding="utf-8")
        for name, render in tables.items():
            if current_table(text, name) != render():
                found.append(f"{file}: {name}")
    return found


def write(root: Path = ROOT) -> None:
    for file, tables in TABLES.items():
        path = root / file
        text = path.read_text(encoding="utf-8")
        for name, render in tables.items():
            text = with_table(text, name, render())
        path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale tables")
    args = parser.parse_args(argv)
    if args.check:
        found = stale()
        for item in found:
            print(f"[settings-docs] out of date: {item} (run python .ci/settings_docs.py)")
        return 1 if found else 0
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
