"""The keyboard shortcuts help: each of the window's actions that has keys, and its keys
as this platform writes them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self._actions = [action for action in actions if action.shortcuts()]
        layout = QVBoxLayout(self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("ShortcutList")
        self.list.setColumnCount(2)
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(420, 300)
        self.retranslate()
        close.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        title = self.tr("Keyboard shortcuts")
        self.setWindowTitle(title)
        self.list.setAccessibleName(title)
        self.list.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.list.clear()
        for action in self._actions:
            keys = self.tr(" or ").join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            self.list.addTopLevelItem(QTreeWidgetItem([action.text().replace("&", ""), keys]))

    def rows(self) -> list[tuple[str, str]]:
        """What the list shows: (action, keys) per row."""
        return [
            (self.list.topLevelItem(i).text(0), self.list.topLevelItem(i).text(1))
            for i in range(self.list.topLevelItemCount())
        ]
