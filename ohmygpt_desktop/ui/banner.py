"""An in-window message strip fed by the core's message bridge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import INFO_NOTE, set_themed_style

_LEVELS = ("info", "success", "warning", "error")


class MessageBanner(QFrame):
    """Shows the latest message; info/success hide themselves after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self._retranslate()
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))

    def show_message(self, level: str, text: str) -> None:
        kind = level if level in _LEVELS else INFO_NOTE
        self.level = level
        set_themed_style(
            self,
            f"#MessageBanner {{ background: ${kind}_bg; border-bottom: 1px solid ${kind}_border; }}"
            f"#MessageBanner QLabel, #MessageBanner QToolButton {{ color: ${kind}_fg; }}",
        )
        self.label.setText(text)
        self.show()
        if level in ("info", "success"):
            self._timer.start(12000)
        else:
            self._timer.stop()
