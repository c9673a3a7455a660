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

Extraction covers ``self.tr(...)``, ``QCoreApplication.translate(...)`` (and its
``_tr`` alias) and ``QT_TRANSLATE_NOOP(...)``, also in the Qt-free modules
(translatable.py, api/errors.py, api/endpoints.py, core/oauth.py, core/accounts.py,
core/recharge.py, core/settings.py, core/tokens.py, core/orders.py). Those name their context
with a module constant (``_CTX = "ApiError"``), which lupdate cannot read:
lupdate runs over a staged copy of the sources in which such a context is
spelled as its literal value (same files, same line numbers, so the locations
in the .ts files are the real ones). In that copy, ``#:`` comments
(Sphinx doc-comments here) become plain comments unless they sit on or right
above a translation call: lupdate would otherwise show them to translators as
notes on an unrelated string. ``ohmygpt_desktop/sandbox`` is left out: it
serves English web pages, not Qt text.

Other scripts and the tests can import this file and call :func:`update`,
:func:`release` or :func:`compile_qm` (with other folders).
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ohmygpt_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
#: Languages shipped besides English (the source language).
LANGUAGES = ("zh_CN", "ja")
#: ``_tr = QCoreApplication.translate`` is how non-widget code spells translate().
TR_ALIASES = "translate+=_tr"
#: Sub-packages of ohmygpt_desktop without Qt text (the sandbox's pages are English HTML).
EXCLUDED = ("sandbox",)
#: Calls whose first argument is the translation context.
CONTEXT_CALLS = frozenset(
    {"translate", "_tr", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_N_NOOP"}
)


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


def run(command: list[str], label: str, *, cwd: Path = ROOT, quiet: bool = False) -> None:
    if not quiet:
        say(f"{Path(command[0]).name} {label}")
    result = subprocess.run(command, cwd=cwd, capture_output=quiet, text=True)
    if result.returncode:
        if quiet:
            sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"[translations] {Path(command[0]).name} failed ({result.returncode})")


def sources() -> list[str]:
    """The package's .py files (repo-relative, ``/``-separated), sandbox excluded."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
        and not any(part in EXCLUDED for part in path.relative_to(PACKAGE).parts[:-1])
    )


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` (and annotated) assignments."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value.value
    return found


def literal_contexts(text: str) -> str:
    """``text`` with constant contexts of translation calls spelled as literals.

    ``QT_TRANSLATE_NOOP(_CTX, "…")`` with a module-level ``_CTX = "ApiError"``
    becomes ``QT_TRANSLATE_NOOP("ApiError", "…")``. Only that argument changes,
    so every line keeps its number.
    """
    tree = ast.parse(text)
    constants = _module_strings(tree)
    if not constants:
        return text
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else None
        )
        first = node.args[0]
        if name in CONTEXT_CALLS and isinstance(first, ast.Name) and first.id in constants:
            edits.setdefault(first.lineno, []).append(
                (first.col_offset, first.end_col_offset or 0, json.dumps(constants[first.id]))
            )
    if not edits:
        return text
    lines = text.splitlines(keepends=True)
    for lineno, spans in edits.items():
        raw = lines[lineno - 1].encode("utf-8")  # ast offsets count UTF-8 bytes
        for start, end, literal in sorted(spans, reverse=True):
            raw = raw[:start] + literal.encode("utf-8") + raw[end:]
        lines[lineno - 1] = raw.decode("utf-8")
    return "".join(lines)


#: A call lupdate reads as a translation (the comment right above it may be for translators).
_TR_CALL = re.compile(r"\b(?:tr|translate|_tr|QT_TR_NOOP|QT_TRANSLATE_N?_?NOOP3?)\s*\(")
_SKIPPED = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}


def plain_doc_comments(text: str) -> str:
    """``text`` with ``#:`` comments that are not about a translation made plain ``# ``.

    lupdate takes every ``#:`` comment as a note for translators and attaches it to
    the next translatable string, however far below. Here ``#:`` is also Sphinx's
    attribute doc-comment; only a ``#:`` on the line of a translation call, or
    right above one, stays a translator comment. Columns and lines do not change.
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return text
    lines = text.splitlines(keepends=True)
    plain: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.type != tokenize.COMMENT or not token.string.startswith("#:"):
            continue
        row, col = token.start
        code_line = lines[row - 1][:col]
        if not code_line.strip():  # a comment line: the translation call must come next
            following = next((t for t in tokens[index + 1 :] if t.type not in _SKIPPED), None)
            code_line = lines[following.start[0] - 1] if following is not None else ""
        if not _TR_CALL.search(code_line):
            plain.append((row, col))
    for row, col in plain:
        line = lines[row - 1]
        lines[row - 1] = line[: col + 1] + " " + line[col + 2 :]
    return "".join(lines)


def stage_sources(stage: Path) -> list[str]:
    """Copy :func:`sources` under ``stage`` (same relative paths) ready for lupdate."""
    files = sources()
    for rel in files:
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / rel).read_text(encoding="utf-8")
        target.write_text(plain_doc_comments(literal_contexts(text)), encoding="utf-8")
    return files


def lupdate_command(lupdate: str, files: Iterable[str], lang: str, ts: str) -> list[str]:
    return [
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
        ts,
    ]


def update(
    translations: Path = TRANSLATIONS,
    languages: Iterable[str] = LANGUAGES,
    *,
    quiet: bool = False,
) -> list[Path]:
    """Refresh ``translations/ohmygpt_<lang>.ts`` from the code; returns the .ts paths.

    ``translations`` may be any folder (tests pass a temp copy): the .ts files are
    updated at their place in a staged copy of the repo, so their source
    locations always read ``../../ohmygpt_desktop/…``.
    """
    lupdate = find_tool("pyside6-lupdate")
    translations.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ohmygpt-lupdate-") as tmp:
        stage = Path(tmp)
        files = stage_sources(stage)
        staged_dir = stage / TRANSLATIONS.relative_to(ROOT)
        staged_dir.mkdir(parents=True, exist_ok=True)
        for lang in languages:
            name = f"ohmygpt_{lang}.ts"
            ts, staged = translations / name, staged_dir / name
            if ts.exists():
                shutil.copyfile(ts, staged)
            elif not quiet:
                say(f"creating {_shown(ts)}")
            rel = staged.relative_to(stage).as_posix()
            run(
                lupdate_command(lupdate, files, lang, rel),
                f"({len(files)} source files) -> {_shown(ts)}",
                cwd=stage,
                quiet=quiet,
            )
            shutil.copyfile(staged, ts)
            written.append(ts)
    return written


def compile_qm(ts: Path, qm: Path, *, quiet: bool = False) -> Path:
    """``pyside6-lrelease ts -qm qm``."""
    lrelease = find_tool("pyside6-lrelease")
    qm.parent.mkdir(parents=True, exist_ok=True)
    run([lrelease, str(ts), "-qm", str(qm)], f"{_shown(ts)} -> {qm.name}", quiet=quiet)
    return qm


def release(translations: Path = TRANSLATIONS, *, quiet: bool = False) -> list[Path]:
    """Compile every ``translations/*.ts`` to a .qm beside it; returns the .qm paths."""
    ts_files = sorted(translations.glob("*.ts"))
    if not ts_files:
        if not quiet:
            say(f"no .ts files in {_shown(translations)}: nothing to compile")
        return []
    return [compile_qm(ts, ts.with_suffix(".qm"), quiet=quiet) for ts in ts_files]


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
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
