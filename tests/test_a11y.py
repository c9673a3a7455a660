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
    QDialog,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from ohmygpt_desktop.ui.account_status import AccountStatusDialog
from ohmygpt_desktop.ui.accounts_page import AccountsPage
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
        f"{type(w).__name__} {w.objectName() or '-'} in {type(w.parentWidget()).__name__}"
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

    dialog.reject()
    window.show_accounts()
    check("accounts", window.accounts_page)

    for screen, top in (
        ("settings", SettingsDialog(ctx)),
        ("about", AboutDialog(ctx)),
        ("account status", AccountStatusDialog(ctx, account.key)),
    ):
        widgets.add(top).show()
        check(screen, top)
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


# ---------------------------------------------------------- focus and keys


def _open_window(run: Any, ctx: Any, widgets: Widgets) -> MainWindow:
    window = widgets.add(MainWindow(ctx))
    window.show()
    window.activateWindow()
    window.start()
    run(until(lambda: window._started and window._header_built and window.isActiveWindow()))
    return window


def test_focus_starts_on_the_primary_action(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    signed_out = _open_window(run, make_ctx(), widgets)
    assert signed_out.focusWidget() is signed_out.login_panel.sign_in_button
    signed_out.close()

    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = _open_window(run, ctx, widgets)
    assert window.focusWidget() is window.balance_view.recharge_button

    dialog = open_recharge(widgets, ctx, account.key)
    assert dialog.create_button.isDefault()
    assert dialog.focusWidget() is dialog.amount_edit
    dialog.reject()
    window.show_accounts()  # type to find an account at once
    assert window.focusWidget() is window.accounts_page.filter_field


def _key(qtbot: Any, window: MainWindow, sequence: str) -> None:
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def _dialog(window: MainWindow, kind: type[QWidget]) -> QWidget | None:
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("keys", "opens"),
    [
        ("Ctrl+N", "RechargeDialog"),
        ("Ctrl+,", "SettingsDialog"),
        ("Ctrl+Shift+A", "AccountsPage"),
        ("F1", "ShortcutsDialog"),
        ("Ctrl+/", "ShortcutsDialog"),
    ],
)
def test_shortcut_opens_its_dialog(
    keys: str, opens: str, qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
    from ohmygpt_desktop.ui.shortcuts_dialog import ShortcutsDialog

    kinds = {
        "RechargeDialog": RechargeDialog,
        "SettingsDialog": SettingsDialog,
        "AccountsPage": AccountsPage,
        "ShortcutsDialog": ShortcutsDialog,
    }
    ctx, _account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = _open_window(run, ctx, widgets)
    _key(qtbot, window, keys)
    run(until(lambda: _dialog(window, kinds[opens]) is not None, message=f"{keys}: no {opens}"))
    opened = _dialog(window, kinds[opens])
    if isinstance(opened, QDialog):
        opened.reject()


@pytest.mark.parametrize("keys", ["F5", "Ctrl+R"])
def test_refresh_shortcut_reads_the_balance(
    keys: str, qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = _open_window(run, ctx, widgets)
    run(until(lambda: not window.balance_view.refreshing()))
    _key(qtbot, window, keys)
    assert window.balance_view.refreshing()
    run(until(lambda: not window.balance_view.refreshing()))


def test_quit_shortcut_closes_the_window(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    window = _open_window(run, make_ctx(), widgets)
    _key(qtbot, window, "Ctrl+Q")
    assert not window.isVisible()


def test_shortcuts_are_listed_in_the_menu_and_the_help(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    from ohmygpt_desktop.ui.shortcuts_dialog import ShortcutsDialog

    ctx, _account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = _open_window(run, ctx, widgets)
    menu = {a.text(): a.shortcuts() for a in window.menu_button.menu().actions() if a.text()}
    assert [k.toString() for k in menu["Refresh balance"]] == ["F5", "Ctrl+R"]
    assert [k.toString() for k in menu["Recharge…"]] == ["Ctrl+N"]
    assert [k.toString() for k in menu["All accounts…"]] == ["Ctrl+Shift+A"]
    assert [k.toString() for k in menu["Settings…"]] == ["Ctrl+,"]
    assert [k.toString() for k in menu["Keyboard shortcuts"]] == ["F1", "Ctrl+/"]
    assert [k.toString() for k in menu["Quit"]] == ["Ctrl+Q"]
    window.shortcuts_action.trigger()
    dialog = _dialog(window, ShortcutsDialog)
    assert dialog is not None
    assert ("Refresh balance", "F5 or Ctrl+R") in dialog.rows()
    assert ("Quit", "Ctrl+Q") in dialog.rows()
    assert len(dialog.rows()) == 6
    assert not unnamed(dialog)
