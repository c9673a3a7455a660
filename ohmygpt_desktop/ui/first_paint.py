"""Run a callback when a widget is first painted (start-up milestones)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(
        self, widget: QWidget, callback: Callable[[], None], condition: Callable[[], bool]
    ) -> None:
        super().__init__(widget)
        self._callback = callback
        self._condition = condition
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._condition():
            watched.removeEventFilter(self)
            self.deleteLater()
            self._callback()
        return False


def when_first_painted(
    widget: QWidget, callback: Callable[[], None], condition: Callable[[], bool] = lambda: True
) -> None:
    """Call ``callback`` once, on the first paint of ``widget`` while ``condition()`` holds."""
    _FirstPaint(widget, callback, condition)
