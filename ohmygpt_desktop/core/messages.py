"""The one path from non-GUI code to the user: a tiny message bridge.

Core code calls ``messages.info(...)`` / ``warning`` / ``error`` with text that is
already translated (or a translatable source the UI translates); the main window
shows it. Tests swap or spy on the bridge and assert exactly what was shown.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Level(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


class MessageBridge(QObject):
    shown = Signal(str, str)  # level, text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[tuple[Level, str]] = []

    def show(self, level: Level, text: str) -> None:
        self.history.append((level, text))
        del self.history[:-200]
        self.shown.emit(level.value, text)

    def info(self, text: str) -> None:
        self.show(Level.INFO, text)

    def success(self, text: str) -> None:
        self.show(Level.SUCCESS, text)

    def warning(self, text: str) -> None:
        self.show(Level.WARNING, text)

    def error(self, text: str) -> None:
        self.show(Level.ERROR, text)
