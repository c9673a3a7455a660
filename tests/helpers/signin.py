"""Driving the login panel like a person: click, use the (sandbox) browser, paste."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.tasks import running_ops
from tests.helpers.asyncutil import recording, until
from tests.helpers.browser import FakeBrowser
from tests.helpers.recharging import type_text
from tests.helpers.sandbox_browser import authorize, read_code_page


async def until_idle(predicate: Any = None, *, within: float = 5.0, message: str = "") -> None:
    """``until(predicate)``, then also until no background op is running.

    qasync's ``run_until_complete`` turns the Qt loop once more *after* the asyncio
    loop stopped running; a task stepped then fails ("no running event loop"). So a
    test's ``run(...)`` should only return once the work it started is finished.
    """
    if predicate is not None:
        await until(predicate, timeout=within, message=message)
    await until(lambda: not running_ops(), timeout=within, message="background work still runs")


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def show(qtbot: Any, run: Any, widget: QWidget, *, width: int = 760, height: int = 640) -> None:
    """Show a top-level widget and let the loop lay it out (as a person would see it)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    run(until(lambda: widget.isVisible() and _laid_out(widget), message="never laid out"))


def _laid_out(widget: QWidget) -> bool:
    buttons = [b for b in widget.findChildren(QPushButton) if b.isVisible()]
    return all(b.height() > 0 for b in buttons)


def click(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    assert widget.height() > 0, f"{widget.objectName() or widget} has no height (not laid out)"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def approve_in_browser(browser: FakeBrowser, user_id: str = "888") -> tuple[str, str]:
    """The person approves on the sandbox's page: (code shown, whole redirect address)."""
    location = authorize(browser.last, user_id=user_id)
    code, _state = read_code_page(location)
    return code, location


def paste(qtbot: Any, panel: LoginPanel, text: str, *, enter: bool = True) -> None:
    panel.paste_field.clear()
    type_text(qtbot, panel.paste_field, text)
    if enter:
        qtbot.keyClick(panel.paste_field, Qt.Key.Key_Return)
    else:
        click(qtbot, panel.continue_button)


def paste_and_settle(qtbot: Any, run: Any, panel: LoginPanel, text: str) -> None:
    """Paste ``text``, press Enter, and return once the panel has settled (refused the
    text, or finished the exchange it started) and no background work runs any more:
    whatever the paste was going to send has then reached the server."""
    with recording(panel.settled) as settled:
        paste(qtbot, panel, text)
        run(until_idle(lambda: settled, message="the login panel never settled"))


def paste_refused(qtbot: Any, run: Any, panel: LoginPanel, text: str) -> str:
    """Paste ``text`` (see :func:`paste_and_settle`); the refusal shown under the field.

    Fails if the panel took the text instead of refusing it.
    """
    paste_and_settle(qtbot, run, panel, text)
    assert not panel.busy()
    assert panel.paste_error.isVisible(), panel.error_label.text() or "nothing refused"
    return panel.paste_error.text()


def sign_in(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, user_id: str = "888"
) -> str:
    """The whole paste flow (a sign-in already waiting for the browser is cancelled
    first, as a person starting over does); returns the signed-in account key."""
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    try:
        if panel.stop_waiting_button.isVisible():
            click(qtbot, panel.stop_waiting_button)
        click(qtbot, panel.sign_in_button)
        code, _ = approve_in_browser(browser, user_id)
        paste(qtbot, panel, code)
        run(until_idle(lambda: keys or panel.error_label.isVisible(), message="no sign-in"))
        assert keys, panel.error_label.text()
    finally:
        panel.signedIn.disconnect(keys.append)
    return keys[0]


def wait_idle(run: Any, panel: LoginPanel) -> None:
    run(until_idle(lambda: not panel.busy(), message="the sign-in is still running"))
