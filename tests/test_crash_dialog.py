"""Unexpected errors from every source end up in one redacted crash dialog."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from ohmygpt_desktop.ui import tasks
from ohmygpt_desktop.ui.crash_dialog import (
    CrashDialog,
    CrashHandler,
    CrashReport,
    install_crash_handler,
)
from ohmygpt_desktop.ui.tasks import Op
from tests.helpers.asyncutil import until

TOKEN = "omg-oat-v1-SECRETtokenVALUE1234567890"

# The offscreen platform cannot raise windows or take size hints; real ones can.


class Boom(RuntimeError):
    pass


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    widget = QWidget()
    widget.setFixedSize(400, 300)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def handler(loop: qasync.QEventLoop, tmp_path: Path, window: QWidget) -> Iterator[CrashHandler]:
    opened: list[Path] = []
    crash = install_crash_handler(
        tmp_path / "logs" / "ohmygpt-desktop.log",
        lambda: window,
        loop=loop,
        folder_opener=lambda folder: bool(opened.append(folder)) or True,
    )
    crash.opened = opened  # type: ignore[attr-defined]
    yield crash
    crash.uninstall()
    dialog = crash.dialog
    if dialog is not None:
        dialog.close()


def all_text(dialog: CrashDialog) -> str:
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    return " ".join([dialog.windowTitle(), labels, dialog.details.toPlainText()])


def open_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.allWidgets() if isinstance(w, CrashDialog) and w.isVisible()]


def test_error_in_an_op_callback_reaches_the_dialog(handler: CrashHandler, run: Any) -> None:
    async def work() -> int:
        return 1

    def on_success(_: int) -> None:
        raise Boom(f"callback failed with token {TOKEN}")

    Op(work).on_success(on_success).start()
    run(until(lambda: handler.dialog is not None, message="no dialog for an Op callback"))
    dialog = handler.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert "The app is still running" in dialog.summary_label.text()
    assert "Boom" in dialog.details_text()
    assert "callback of" in dialog.details_text()
    assert TOKEN not in all_text(dialog)
    assert "SECRET" not in dialog.details_text()
    assert "omg-oat-v1-[REDACTED]" in dialog.details_text()


def test_error_in_a_plain_slot_reaches_the_dialog(handler: CrashHandler, run: Any) -> None:
    def slot() -> None:
        raise Boom(f"Authorization: Bearer {TOKEN}")

    QTimer.singleShot(0, slot)
    run(until(lambda: handler.dialog is not None, message="no dialog for a slot"))
    assert handler.dialog is not None
    text = handler.dialog.details_text()
    assert "Boom" in text
    assert "slot" in text
    assert TOKEN not in all_text(handler.dialog)


def test_error_in_a_coroutine_task_reaches_the_dialog(
    handler: CrashHandler, run: Any, loop: qasync.QEventLoop
) -> None:
    async def forgotten() -> None:
        raise Boom(f"task failed: client_secret={TOKEN}")

    async def start_and_forget() -> None:
        task = asyncio.ensure_future(forgotten())
        # Until it has failed; asyncio.wait() does not read the task's exception, so it
        # stays unretrieved and is reported once the task is dropped and collected.
        await asyncio.wait({task})
        del task
        gc.collect()

    run(start_and_forget())
    run(until(lambda: handler.dialog is not None, message="no dialog for a task"))
    assert handler.dialog is not None
    assert "forgotten" in handler.dialog.details_text()
    assert TOKEN not in all_text(handler.dialog)


def test_error_in_an_async_slot_reaches_the_dialog(
    handler: CrashHandler, run: Any, qtbot: Any
) -> None:
    class Panel(QWidget):
        @qasync.asyncSlot()
        async def on_clicked(self) -> None:
            await asyncio.sleep(0)
            raise Boom("async slot failed")

    panel = Panel()
    qtbot.addWidget(panel)
    button = QPushButton(panel)
    button.clicked.connect(panel.on_clicked)
    button.click()
    run(until(lambda: handler.dialog is not None, message="no dialog for an asyncSlot"))
    assert handler.dialog is not None
    assert "async slot failed" in handler.dialog.details_text()


def test_error_in_a_thread_reaches_the_dialog(handler: CrashHandler, run: Any) -> None:
    def worker() -> None:
        raise Boom("worker failed")

    thread = threading.Thread(target=worker, name="worker-1")
    thread.start()
    thread.join()
    run(until(lambda: handler.dialog is not None, message="no dialog for a thread"))
    assert handler.dialog is not None
    assert "thread worker-1" in handler.dialog.details_text()


def test_many_errors_share_one_dialog(handler: CrashHandler, run: Any) -> None:
    def slot() -> None:
        raise Boom("again")

    for _ in range(4):
        QTimer.singleShot(0, slot)
    run(until(lambda: handler.dialog is not None and handler.dialog.count == 4))
    assert len(open_dialogs()) == 1
    dialog = handler.dialog
    assert dialog is not None
    assert not dialog.more_label.isHidden()
    assert "3 more errors" in dialog.more_label.text()
    assert dialog.details_text().count("--- Error") == 4


def test_details_copy_and_close(
    handler: CrashHandler, run: Any, qapp: QApplication, tmp_path: Path
) -> None:
    def slot() -> None:
        raise Boom(
            f"failed at https://example.test/cb?code=abc123XYZ&state=s with {TOKEN} and "
            "https://checkout.stripe.com/c/pay/cs_test_abc#frag"
        )

    QTimer.singleShot(0, slot)
    run(until(lambda: handler.dialog is not None))
    dialog = handler.dialog
    assert dialog is not None
    assert dialog.details.isHidden()  # collapsed until asked for
    assert "Traceback" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.details_toggle.click()
    assert not dialog.details.isHidden()
    assert "Traceback (most recent call last)" in dialog.details.toPlainText()

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.details_text()
    for secret in (TOKEN, "abc123XYZ", "cs_test_abc", "SECRET"):
        assert secret not in copied
    assert "code=[REDACTED]" in copied
    assert "[checkout link]" in copied
    assert not dialog.copied_label.isHidden()

    log_file = tmp_path / "logs" / "ohmygpt-desktop.log"
    assert dialog.log_path_label.text() == str(log_file)
    dialog.open_log_button.click()
    assert handler.opened == [log_file.parent]  # type: ignore[attr-defined]

    dialog.close_button.click()
    run(until(lambda: handler.dialog is None))

    # The app keeps running: new work still completes, and a new error opens a new dialog.
    async def still_working() -> str:
        await asyncio.sleep(0.01)
        return "ok"

    results: list[str] = []
    Op(still_working).on_success(results.append).start()
    run(until(lambda: results == ["ok"]))
    QTimer.singleShot(0, slot)
    run(until(lambda: handler.dialog is not None))
    assert handler.dialog is not dialog
    assert handler.dialog.count == 1


def test_fatal_error_says_so_and_asks_to_quit(handler: CrashHandler, run: Any) -> None:
    quits: list[bool] = []
    handler.on_fatal = lambda: quits.append(True)
    handler.report(Boom("cannot continue"), "start-up", fatal=True)
    run(until(lambda: handler.dialog is not None))
    dialog = handler.dialog
    assert dialog is not None
    assert dialog.fatal
    assert "has to close" in dialog.title_label.text()
    assert "still running" not in dialog.summary_label.text()
    assert dialog.close_button.text() == "Quit"
    dialog.close_button.click()
    assert quits == [True]


def test_error_is_logged_redacted(
    handler: CrashHandler, run: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from ohmygpt_desktop.core.logs import RedactingFilter

    def slot() -> None:
        raise Boom(f"token {TOKEN}")

    caplog.handler.addFilter(RedactingFilter())
    QTimer.singleShot(0, slot)
    run(until(lambda: handler.dialog is not None))
    assert "Unexpected error" in caplog.text
    assert "Boom" in caplog.text
    assert TOKEN not in caplog.text


def test_uninstall_restores_the_hooks(loop: qasync.QEventLoop, tmp_path: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook, loop.get_exception_handler())
    crash = install_crash_handler(tmp_path / "x.log", None, loop=loop)
    assert sys.excepthook == crash.excepthook
    assert threading.excepthook == crash.threading_excepthook
    assert tasks._unexpected == crash.unexpected
    reports: list[CrashReport] = []
    crash._received.disconnect()
    crash._received.connect(reports.append)
    loop.call_exception_handler({"message": "from the loop", "exception": Boom("x")})
    assert reports
    assert reports[0].context == "from the loop"
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook, loop.get_exception_handler()) == before
    assert tasks._unexpected is tasks._log_unexpected


def test_report_from_context_is_redacted() -> None:
    report = CrashReport.from_exception(Boom("x"), f"Exception in callback f('{TOKEN}')")
    assert TOKEN not in report.context


def test_dialog_opens_over_a_modal_dialog(
    handler: CrashHandler, run: Any, window: QWidget, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QDialog

    modal = QDialog(window)
    qtbot.addWidget(modal)
    modal.setModal(True)
    modal.open()
    handler.report(Boom("while a dialog was open"), "test")
    run(until(lambda: handler.dialog is not None))
    assert handler.dialog is not None
    assert handler.dialog.parent() is modal
    modal.reject()


@pytest.mark.parametrize("fatal", [False, True])
def test_one_heading_what_to_do_next_and_whom_to_ask(qtbot: Any, fatal: bool) -> None:
    dialog = CrashDialog(None, support=("Acme IT", "help@acme.example"))
    qtbot.addWidget(dialog)
    dialog.add_report(CrashReport.from_exception(RuntimeError("boom"), fatal=fatal))
    heading = dialog.title_label.text()
    body = f"{dialog.summary_label.text()}\n{dialog.next_label.text()}"
    assert heading not in body  # said once
    assert "developers" not in body
    assert dialog.next_label.isVisibleTo(dialog)
    assert dialog.next_label.text().endswith("Need help? Contact Acme IT: help@acme.example")

    bare = CrashDialog(None)
    qtbot.addWidget(bare)
    bare.add_report(CrashReport.from_exception(RuntimeError("boom"), fatal=fatal))
    assert "developers" not in bare.next_label.text()
    assert "Need help" not in bare.next_label.text()
    assert bare.next_label.text()
