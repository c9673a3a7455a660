#!/usr/bin/env python3
"""Refresh and compile the UI translations (standard library only).

    python .ci/translations.py --update    re-extract strings from ohmygpt_desktop/**/*.py
                                          into resources/translations/ohmygpt_<lang>.ts
                                          (creates missing .ts files; drops obsolete ones)
    python .ci/translations.py --release   compile every resources/translations/*.ts to a
                                          .qm beside it (no .ts files: nothing to do)

Uses PySide6's ``pyside6-lupdate`` / ``pyside6-lrelease`` from the environment that
runs this script (the venv's bin/ or Scripts/ folder next to ``sys.executable``),
else the repo's .venv, else PATH. Exits non-zero when a tool is missing or fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ohmygpt_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
#: Languages shipped besides English (the source language).
LANGUAGES = ("zh_CN", "ja")
#: ``_tr = QCoreApplication.translate`` is how non-widget code spells translate().
TR_ALIASES = "translate+=_tr"


def say(text: str) -> None:
    print(f"[translations] {text}", flush=True)


def find_tool(name: str) -> str:
    """``pyside6-<tool>`` beside the running interpreter (not resolving the venv symlink)."""
    exe = name + (".exe" if os.name == "nt" else "")
    folders = [Path(sys.executable).parent]
    folders.append(ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin"))
    for folder in folders:
        candidate = folder / exe
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(
        f"[translations] {name} not found next to {sys.executable}, in .venv or on PATH "
        "(it comes with PySide6-Essentials)"
    )


def run(command: list[str], label: str) -> None:
    say(f"{Path(command[0]).name} {label}")
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"[translations] {Path(command[0]).name} failed ({result.returncode})")


def sources() -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def update() -> None:
    lupdate = find_tool("pyside6-lupdate")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = sources()
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"ohmygpt_{lang}.ts"
        if not ts.exists():
            say(f"creating {ts.relative_to(ROOT)}")
        run(
            [
                lupdate,
                *files,
                "-tr-function-alias",
                TR_ALIASES,
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-locations",
                "relative",
                "-no-obsolete",
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            f"({len(files)} source files) -> {ts.relative_to(ROOT)}",
        )


def release() -> None:
    ts_files = sorted(TRANSLATIONS.glob("*.ts"))
    if not ts_files:
        say(f"no .ts files in {TRANSLATIONS.relative_to(ROOT)}: nothing to compile")
        return
    lrelease = find_tool("pyside6-lrelease")
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        run(
            [lrelease, str(ts.relative_to(ROOT)), "-qm", str(qm.relative_to(ROOT))],
            f"{ts.relative_to(ROOT)} -> {qm.name}",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="refresh the .ts files")
    mode.add_argument("--release", action="store_true", help="compile .ts files to .qm")
    args = parser.parse_args(argv)
    if args.update:
        update()
    else:
        release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
