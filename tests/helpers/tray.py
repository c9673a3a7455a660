"""A stand-in for the system tray: the offscreen platform has none."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ohmygpt_desktop.ui.tray import TrayNotifier


class FakeTrayIcon(QObject):
    """Records what the app asks of its tray icon, as a desktop would show it."""

    activated = Signal(object)
    messageClicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: (title, body) of each notification shown.
        self.messages: list[tuple[str, str]] = []
        self._tooltip = ""
        self._menu: QMenu | None = None
        self._visible = False

    def setIcon(self, _icon: Any) -> None:
        pass

    def setContextMenu(self, menu: QMenu) -> None:
        self._menu = menu

    def contextMenu(self) -> QMenu | None:
        return self._menu

    def setToolTip(self, text: str) -> None:
        self._tooltip = text

    def toolTip(self) -> str:
        return self._tooltip

    def show(self) -> None:
        self._visible = True

    def hide(self) -> None:
        self._visible = False

    def isVisible(self) -> bool:
        return self._visible

    def showMessage(self, title: str, text: str, *_: Any) -> None:
        self.messages.append((title, text))


def fake_tray(monkeypatch: pytest.MonkeyPatch) -> list[FakeTrayIcon]:
    """Pretend the desktop has a system tray; the icons the app makes, in order."""
    made: list[FakeTrayIcon] = []

    def new_icon(parent: QObject) -> FakeTrayIcon:
        icon = FakeTrayIcon(parent)
        made.append(icon)
        return icon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(TrayNotifier, "_new_icon", staticmethod(new_icon))
    return made
