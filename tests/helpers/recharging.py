"""Driving the balance view, the recharge dialog and the history like a person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from ohmygpt_desktop.ui.tasks import running_ops
from tests.helpers.asyncutil import until
from tests.helpers.signed_in import sign_in

if TYPE_CHECKING:
    from ohmygpt_desktop.app import AppContext
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.sandbox import SandboxServer

Runner = Callable[..., Any]


def signed_in(
    make_ctx: Callable[..., AppContext],
    run: Runner,
    sandbox: SandboxServer,
    user_id: str = "888",
    **ctx_kwargs: Any,
) -> tuple[AppContext, Account]:
    """A new context (``make_ctx(**ctx_kwargs)``) with ``user_id`` signed in, balance read."""
    ctx = make_ctx(**ctx_kwargs)
    account = run(sign_in(ctx, sandbox, user_id))
    return ctx, account


class Widgets:
    """Top-level widgets made by a test, closed at the end if Qt has not deleted them."""

    def __init__(self) -> None:
        self._items: list[QWidget] = []

    def add(self, widget: QWidget) -> Any:
        self._items.append(widget)
        return widget

    def close_all(self) -> None:
        # Deleted now, not "later": no event loop may run again before the process ends,
        # and Qt objects left for interpreter shutdown are a crash waiting to happen.
        for widget in reversed(self._items):
            if isValid(widget):
                widget.close()
                widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self._items.clear()


@contextmanager
def widget_scope() -> Iterator[Widgets]:
    widgets = Widgets()
    try:
        yield widgets
    finally:
        widgets.close_all()


def click(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Type ``text`` key by key (characters QTest cannot name arrive as an input method's)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_amount(qtbot: Any, dialog: RechargeDialog, text: str) -> None:
    dialog.amount_edit.clear()
    type_text(qtbot, dialog.amount_edit, text)


def open_recharge(widgets: Widgets, ctx: AppContext, key: str) -> RechargeDialog:
    dialog = widgets.add(RechargeDialog(ctx, key))
    dialog.open()
    return dialog


def wait_idle(run: Runner, dialog: RechargeDialog, timeout: float = 10.0) -> None:
    run(until(lambda: not dialog.busy, timeout=timeout, message="the order is still being created"))


def wait_requests_done(run: Runner, ctx: AppContext, timeout: float = 10.0) -> None:
    """Every order request and UI op has finished (including ones nobody waits for)."""
    run(
        until(
            lambda: not ctx.background.pending() and not running_ops(),
            timeout=timeout,
            message="order requests are still running",
        ),
        timeout=timeout + 1,
    )
