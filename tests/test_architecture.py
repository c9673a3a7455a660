"""Layering rules that are checked, not hoped for."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "module",
    [
        "ohmygpt_desktop.api",
        "ohmygpt_desktop.sandbox",
        "ohmygpt_desktop.sandbox.server",
        "ohmygpt_desktop.exchange",
        "ohmygpt_desktop.exchange.__main__",
    ],
)
def test_non_gui_packages_import_no_qt(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "qt = {'PySide6', 'shiboken6', 'qasync'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert out == "", f"{module} imports Qt: {out}"


def test_import_linter_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _imported_modules(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_uses_no_widgets() -> None:
    """core/ may use QtCore signals as a bridge, never QtWidgets or QtGui."""
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "ohmygpt_desktop" / "core").rglob("*.py")
        for module in _imported_modules(path)
        if module.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "ohmygpt_desktop.ui"))
    }
    assert not offenders
