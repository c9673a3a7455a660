"""What the server says is shown as text: never as Qt rich text, never hiding characters.

The main test signs in an account whose email holds markup that would hide part
of it and bidi/zero-width characters that would reorder or hide more, then walks
every screen the account appears on (and the others). Every widget that shows
the email must show it literally, with the invisible characters as visible
escapes; every label the app makes must be plain text.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTabBar,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.display import visible_text
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.crash_dialog import install_crash_handler
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.plain import mnemonic_safe, notification_text, title_safe, tooltip_text
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from ohmygpt_desktop.ui.tasks import Op
from tests.helpers import sandbox_browser
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.browser import FakeBrowser
from tests.helpers.recharging import click as click_widget
from tests.helpers.recharging import type_amount, wait_idle, wait_requests_done
from tests.helpers.signin import show, sign_in, until_idle
from tests.helpers.tray import fake_tray

USER_ID = "7777"
#: Markup that hides "mallory…" (1-pixel font), an "&" and a "[*]" that Qt would eat
#: in buttons and window titles, a right-to-left override that reverses what follows
#: and a zero-width space.
SPOOFED = (
    "<span style='font-size:1px'>mallory@evil.example</span>a&b[*]\u202ealice@example.com\u200b"
)
#: What the person must see: every character, the invisible ones as escapes.
SHOWN = visible_text(SPOOFED)
MARKER = "mallory"
HIDDEN = ("\u202e", "\u200b")


def test_the_expected_form_is_literal_and_visible() -> None:
    assert SHOWN == (
        "<span style='font-size:1px'>mallory@evil.example</span>a&b[*]"
        "\\u202ealice@example.com\\u200b"
    )


# ------------------------------------------------------------------ the audit


def without_mnemonics(text: str) -> str:
    """What a button, menu entry or tab shows for ``text`` ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def as_shown_in_tooltip(text: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like some."""
    if not QtGui.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(label.text())
    )


class Audit:
    """Checks every widget, action, item and tooltip Qt would draw."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        #: Objects whose text showed the email, per screen.
        self.sightings: dict[str, list[QObject]] = {}

    def _seen(self, screen: str, obj: QObject, where: str, displayed: str) -> None:
        self.sightings.setdefault(screen, []).append(obj)
        if SHOWN not in displayed:
            self.problems.append(f"[{screen}] {where} shows {displayed!r}")
        for char in HIDDEN:
            if char in displayed:
                self.problems.append(f"[{screen}] {where} hides U+{ord(char):04X}")

    def _name(self, obj: QObject) -> str:
        return f"{type(obj).__name__}#{obj.objectName() or '?'}"

    def scan(self, screen: str) -> list[QObject]:
        """Look at every top-level widget and everything in it; returns the sightings."""
        widgets: list[QWidget] = []
        for top in QApplication.topLevelWidgets():
            if isValid(top):
                widgets.append(top)
                widgets.extend(top.findChildren(QWidget))
        for widget in widgets:
            self._widget(screen, widget)
        return self.sightings.get(screen, [])

    def _widget(self, screen: str, widget: QWidget) -> None:
        name = self._name(widget)
        if isinstance(widget, QLabel) and widget.objectName() != "qtooltip_label":
            if widget.text() and widget.textFormat() != Qt.TextFormat.PlainText:
                self.problems.append(f"[{screen}] {name} is not plain text: {widget.text()!r}")
            if MARKER in widget.text():
                if is_rich(widget):
                    self.problems.append(f"[{screen}] {name} renders the email as rich text")
                self._seen(screen, widget, name, widget.text())
        if isinstance(widget, QAbstractButton) and MARKER in widget.text():
            self._seen(screen, widget, name, without_mnemonics(widget.text()))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if MARKER in widget.tabText(i):
                    self._seen(screen, widget, name, without_mnemonics(widget.tabText(i)))
        if isinstance(widget, QLineEdit) and MARKER in widget.text():
            self._seen(screen, widget, name, widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit) and MARKER in widget.toPlainText():
            self._seen(screen, widget, name, widget.toPlainText())
        if MARKER in widget.toolTip():
            self._seen(screen, widget, f"{name} tooltip", as_shown_in_tooltip(widget.toolTip()))
        if widget.isWindow() and MARKER in widget.windowTitle():
            handle = widget.windowHandle()
            title = handle.title() if handle is not None else widget.windowTitle()
            self._seen(screen, widget, f"{name} window title", title)
        for action in widget.actions():
            self._action(screen, action)
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # shares the view's model
            and widget.model() is not None
        ):
            self._items(screen, widget)

    def _action(self, screen: str, action: QAction) -> None:
        if MARKER in action.text():
            shown_text = without_mnemonics(action.text())
            self._seen(screen, action, f"action {action.text()!r}", shown_text)
        if MARKER in action.toolTip():
            self._seen(screen, action, "action tooltip", as_shown_in_tooltip(action.toolTip()))

    def _items(self, screen: str, view: QAbstractItemView) -> None:
        model = view.model()
        name = self._name(view)
        for row in range(min(model.rowCount(), 50)):
            for column in range(model.columnCount()):
                index = model.index(row, column, QModelIndex())
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(text, str) and MARKER in text:
                    delegate = view.itemDelegateForIndex(index)
                    if type(delegate) is not QStyledItemDelegate:
                        self.problems.append(f"[{screen}] {name} paints with {delegate!r}")
                    self._seen(screen, view, f"{name} cell {row},{column}", text)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and MARKER in tip:
                    self._seen(
                        screen, view, f"{name} tooltip {row},{column}", as_shown_in_tooltip(tip)
                    )

    def notification(self, screen: str, body: str) -> None:
        """A tray notification's body: on Linux the notification server may read it as
        markup, so it must hold no tag, and read as markup show the whole address."""
        if "<" in body:
            self.problems.append(f"[{screen}] the notification body holds markup: {body!r}")
        self._seen(screen, QObject(), "notification", html.unescape(body))

    def expect(self, screen: str, *objects: QObject) -> None:
        seen = self.scan(screen)
        for obj in objects:
            if not any(obj is s for s in seen):
                self.problems.append(f"[{screen}] the email was not found in {self._name(obj)}")


def visible_windows(kind: type[QWidget]) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


# ------------------------------------------------------------------- the walk


def test_every_screen_shows_a_spoofed_email_as_text(
    qtbot: Any,
    run: Any,
    loop: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox.state.add_user(USER_ID, SPOOFED, "340000", "1500")
    icons = fake_tray(monkeypatch)
    audit = Audit()
    ctx = make_ctx(payment_intervals=(3600,))
    window = MainWindow(ctx)
    show(qtbot, run, window, width=900, height=680)
    window.start()
    run(until_idle())

    # Sign in through the login panel: the banner greets the account.
    key = sign_in(qtbot, run, window.login_panel, browser, USER_ID)
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    assert ctx.accounts.get(key).email == SPOOFED  # the app keeps the server's value
    audit.expect("signed in", window.banner.label)

    # The balance card, the switcher's button and its menu.
    switcher = window.switcher
    switcher._render_menu()
    audit.expect(
        "main window",
        window.balance_view.account_label,
        switcher.button,
        switcher.account_actions[key],
    )

    # The Accounts page.
    switcher.allAccountsRequested.emit()
    run(until(window.accounts_page.isVisible))
    audit.expect("all accounts", window.accounts_page.table)
    window.tabs.setCurrentWidget(window.history_view)

    # Account status.
    switcher.show_status()
    status = switcher.status_dialog
    assert status is not None
    run(until(status.isVisible))
    audit.expect("account status", status.title_label, status.email_value)
    status.close()
    run(until_idle())

    # Recharge: the entry page names the account that is paid ...
    window.open_recharge(key)
    (dialog,) = visible_windows(RechargeDialog)
    type_amount(qtbot, dialog, "25")
    assert dialog.pays_for_label.text().startswith("Adds $25.00 to ")
    audit.expect(
        "recharge entry", dialog, dialog.heading, dialog.account_line, dialog.pays_for_label
    )
    # ... and so does the result page.
    click_widget(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    wait_requests_done(run, ctx)
    record = dialog.record()
    assert record is not None, dialog.problem_label.text()
    audit.expect("recharge result", dialog.details_label)

    # The payment arrives: banner and tray notification.
    run(asyncio.to_thread(sandbox_browser.pay, browser.last))
    ctx.watcher.poke()
    run(wait_signal(ctx.watcher.orderPaid))
    run(until_idle(lambda: bool(icons and icons[-1].messages)))
    audit.expect("payment received", window.banner.label)
    click_widget(qtbot, dialog.done_button)
    run(until_idle())
    ((title, body),) = icons[-1].messages
    assert title == "Payment received"
    audit.notification("payment received", body)
    audit.notification("tray tooltip", icons[-1].toolTip())

    # The order history: the cell and its tooltip.
    audit.expect("history", window.history_view.table)

    # Sign-out confirmation (answered with Cancel).
    switcher.confirm_sign_out()
    box = switcher.sign_out_box
    assert isinstance(box, QMessageBox)
    run(until(box.isVisible))
    audit.expect("sign-out confirmation", *box.findChildren(QLabel, "qt_msgbox_label"))
    box.reject()
    run(until_idle(lambda: switcher.sign_out_box is None))

    # The service stops accepting the sign-in: the card and the panel say whose.
    sandbox.state.revoke_user_tokens(USER_ID)
    click_widget(qtbot, window.balance_view.refresh_button)
    run(until_idle(lambda: window.balance_view.reauth_button.isVisible()))
    audit.expect("sign in again", window.balance_view.notice_label)
    window.reauthorize(key)
    audit.expect("sign in again panel", window.login_panel.title_label)
    window.login_panel.cancelRequested.emit()
    run(until_idle())

    # Screens that do not show the account: every label there is plain text too.
    window.open_settings()
    run(until_idle())
    audit.scan("settings")
    for dialog_ in QApplication.topLevelWidgets():
        if dialog_.objectName() == "SettingsDialog":
            dialog_.close()
    window.open_about()
    run(until_idle())
    audit.scan("about")

    window.close()
    run(until_idle())
    assert not audit.problems, "\n".join(audit.problems)


def test_the_crash_dialog_shows_server_text_as_text(
    run: Any,
    loop: Any,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    anchor = QWidget()
    qtbot.addWidget(anchor)
    anchor.show()
    crash = install_crash_handler(
        tmp_path / "app.log", lambda: anchor, loop=loop, folder_opener=lambda _: True
    )
    audit = Audit()
    try:

        async def work() -> str:
            return SPOOFED

        def explode(email: str) -> None:
            raise RuntimeError(f"could not recharge {email}")

        Op(work).on_success(explode).start(anchor)
        run(until(lambda: crash.dialog is not None, message="no crash dialog"))
        dialog = crash.dialog
        assert dialog is not None
        dialog.set_details_visible(True)
        audit.expect("crash", dialog.details)
    finally:
        crash.uninstall()
        if crash.dialog is not None:
            crash.dialog.close()
    assert not audit.problems, "\n".join(audit.problems)


# ------------------------------------------------------------- the pieces


def test_every_label_the_app_makes_is_a_plain_label() -> None:
    ui = Path(__file__).resolve().parent.parent / "ohmygpt_desktop" / "ui"
    made = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(ui.glob("*.py"))
        if path.name != "plain.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "QLabel(" in line
    ]
    assert not made, "use PlainLabel (ohmygpt_desktop.ui.plain):\n" + "\n".join(made)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alice@example.com", "alice@example.com"),
        ("用户@例子.中国", "用户@例子.中国"),
        ("a<b>&amp;", "a<b>&amp;"),  # markup is the widgets' business
        ("moc.elpmaxe@\u202eecila", "moc.elpmaxe@\\u202eecila"),
        ("\u2066a\u2069\u200e\u200f\u061c", "\\u2066a\\u2069\\u200e\\u200f\\u061c"),
        ("a\u200b\u200c\u200d\ufeffb\u00ad", "a\\u200b\\u200c\\u200d\\ufeffb\\u00ad"),
        ("\u3164\u115f\ufe0f\U000e0041", "\\u3164\\u115f\\ufe0f\\U000e0041"),
        ("line\nbreak\t\x00\x7f\u2028", "line\\u000abreak\\u0009\\u0000\\u007f\\u2028"),
    ],
)
def test_visible_text_escapes_what_would_hide_or_reorder(text: str, expected: str) -> None:
    assert visible_text(text) == expected


def test_visible_text_keeps_lines_when_asked() -> None:
    assert visible_text("a\nb\t\u202ec", multiline=True) == "a\nb\t\\u202ec"


@pytest.mark.parametrize(
    "text",
    ["User id 42", "User id <b>42</b>", "<span style='font-size:1px'>m</span>a & b", "a<br>b"],
)
def test_tooltip_text_is_shown_as_written(text: str) -> None:
    assert as_shown_in_tooltip(tooltip_text(text)) == text


def test_buttons_titles_and_notifications_show_the_text_as_written(qtbot: Any) -> None:
    assert without_mnemonics(mnemonic_safe("a&b && c")) == "a&b && c"
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle(title_safe("Recharge a[*]b"))
    window.show()
    assert window.windowHandle().title() == "Recharge a[*]b"
    body = "<b>x</b> & y"
    assert notification_text(body, "win32") == body
    assert notification_text(body, "darwin") == body
    assert notification_text(body, "linux") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
