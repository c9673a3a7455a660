"""Strips under the header: the message banner fed by the core's message bridge, and
the base both it and the update notice are built on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import INFO_NOTE, set_themed_style

_LEVELS = ("info", "success", "warning", "error")


class NoteStrip(QFrame):
    """A message (plain, selectable text), the strip's own buttons and ✕ to dismiss it,
    in the theme's note colours of its level. Hidden until shown."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        #: "info", "success", "warning" or "error" (the colours); "" before the first.
        self.level = ""
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 8, 8)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.label, 1)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self._layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def add_widget(self, widget: QWidget) -> None:
        """A button of the strip's own, before ✕."""
        self._layout.insertWidget(self._layout.indexOf(self.close_button), widget)

    def set_level(self, level: str) -> None:
        kind = level if level in _LEVELS else INFO_NOTE
        self.level = level
        name = self.objectName()
        set_themed_style(
            self,
            f"#{name} {{ background: ${kind}_bg; border-bottom: 1px solid ${kind}_border; }}"
            f"#{name} QLabel, #{name} QToolButton {{ color: ${kind}_fg; }}",
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # The base class's own context (self.tr would look under the subclass's name).
        dismiss = QCoreApplication.translate("NoteStrip", "Dismiss")
        self.close_button.setToolTip(dismiss)
        self.close_button.setAccessibleName(dismiss)


class MessageBanner(NoteStrip):
    """Shows the latest message; info/success hide themselves after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("MessageBanner", parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.retranslate()

    def show_message(self, level: str, text: str) -> None:
        self.set_level(level)
        self.label.setText(text)
        self.show()
        if level in ("info", "success"):
            self._timer.start(12000)
        else:
            self._timer.stop()
