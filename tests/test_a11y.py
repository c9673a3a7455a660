"""Accessibility and keyboard: every focusable control has a name a screen reader
can say, focus starts on the primary action, and the shortcuts do what they say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from ohmygpt_desktop.ui.account_status import AccountStatusDialog
from ohmygpt_desktop.ui.accounts_dialog import AccountsDialog
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.settings_dialog import SettingsDialog
from tests.helpers.asyncutil import until
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    signed_in,
    type_amount,
    wait_idle,
    widget_scope,
)


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


# ------------------------------------------------------------- names


def _may_show(widget: QWidget, top: QWidget) -> bool:
    """Shown now, or on another page of a stack or tab widget (a person can go there)."""
    node: QWidget | None = widget
    while node is not None and node is not top:
        parent = node.parentWidget()
        if node.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        node = parent
    return True


def _focusable(top: QWidget) -> list[QWidget]:
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin or combo box: the box carries the name
        if isinstance(widget, QTabBar) and isinstance(parent, QTabWidget):
            continue  # its tabs are named by their texts
        if _may_show(widget, top):
            found.append(widget)
    return found


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible name, else its buddy
    label's or its own text (Qt works this out); a lone glyph does not count."""
    face = QAccessible.queryAccessibleInterface(widget)
    name = face.text(QAccessible.Text.Name) if face is not None else ""
    return name if any(ch.isalnum() for ch in name) else ""


def unnamed(top: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName() or '(no object name)'} in {type(w.parentWidget()).__name__}"
        for w in _focusable(top)
        if not spoken_name(w)
    ]


def test_every_focusable_control_has_a_name(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets, tmp_path: Path
) -> None:
    problems: dict[str, list[str]] = {}

    def check(screen: str, top: QWidget) -> None:
        missing = unnamed(top)
        if missing:
            problems[screen] = missing

    # Signed out: the first-run page (no OAuth app), then the sign-in page.
    first = widgets.add(MainWindow(make_ctx(sandbox=None, paths=AppPaths.under(tmp_path / "a"))))
    first.show()
    first.start()
    run(until(lambda: first._header_built))
    check("first run", first)

    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    signed_out = widgets.add(MainWindow(make_ctx(paths=AppPaths.under(tmp_path / "b"))))
    signed_out.show()
    check("sign in", signed_out.login_panel)

    window = widgets.add(MainWindow(ctx))
    window.show()
    window.start()
    run(until(lambda: window._started and window._tabs is not None))
    ctx.messages.error("A message with its close button")
    check("main window", window)

    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    check("recharge", dialog)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.pages.currentWidget() is dialog.result_page
    check("recharge result", dialog)

    for screen, top in (
        ("settings", SettingsDialog(ctx)),
        ("about", AboutDialog(ctx)),
        ("accounts", AccountsDialog(ctx)),
        ("account status", AccountStatusDialog(ctx, account.key)),
    ):
        widgets.add(top).show()
        check(screen, top)
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
