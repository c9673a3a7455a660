"""The dialog shown when the app cannot start (before any event loop runs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ohmygpt_desktop import APP_NAME

_CTX = "Startup"

#: Platforms with no screen: nobody could read a dialog, stderr says it all.
_HEADLESS = {"offscreen", "minimal"}


def startup_failure_box(reason: str, parent: QWidget | None = None) -> QMessageBox:
    """A critical message box: the app could not start, and why (plain text)."""
    box = QMessageBox(parent)
    box.setObjectName("StartupFailure")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(_CTX, "{app} could not start: {reason}").format(
            app=APP_NAME, reason=reason
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_startup_failure(reason: str) -> None:
    """Show :func:`startup_failure_box` and wait until it is closed.

    Only at top level, before the app's event loop runs (never in a coroutine);
    skipped on platforms with no screen.
    """
    if QGuiApplication.platformName() in _HEADLESS:
        return
    startup_failure_box(reason).exec()
