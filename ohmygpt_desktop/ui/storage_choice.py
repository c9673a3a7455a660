"""“No secure keyring”: ask where to keep a sign-in.

Used by :class:`~ohmygpt_desktop.core.accounts.AccountManager` through its async
``choose_storage`` callback. The dialog is opened with ``open()`` and awaited
through a future resolved from ``finished`` (never ``exec()`` in a coroutine).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.formatting import sentence_gap
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import ERROR_TEXT_STYLE, set_themed_style


class StorageChoiceCancelled(Exception):
    """The person closed the choice without picking: nothing is stored."""


class StorageChoiceDialog(QDialog):
    """Two choices: this session only (default) or an unencrypted file."""

    def __init__(self, parent: QWidget | None = None, *, file_path: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("StorageChoiceDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._file_path = file_path
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)

        self.title_label = PlainLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)

        self.intro_label = PlainLabel(self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)

        self.session_radio = QRadioButton(self)
        self.session_radio.setObjectName("SessionOnly")
        self.session_radio.setChecked(True)
        layout.addWidget(self.session_radio)
        self.session_note = PlainLabel(self)
        self.session_note.setWordWrap(True)
        self.session_note.setContentsMargins(24, 0, 0, 4)
        layout.addWidget(self.session_note)

        self.file_radio = QRadioButton(self)
        self.file_radio.setObjectName("InsecureFile")
        layout.addWidget(self.file_radio)
        self.file_warning = PlainLabel(self)
        self.file_warning.setObjectName("FileWarning")
        self.file_warning.setWordWrap(True)
        self.file_warning.setContentsMargins(24, 0, 0, 4)
        set_themed_style(self.file_warning, ERROR_TEXT_STYLE)
        self.file_warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_warning)

        self._group = QButtonGroup(self)
        self._group.addButton(self.session_radio)
        self._group.addButton(self.file_radio)

        self.buttons = QDialogButtonBox(self)
        self.continue_button = QPushButton(self)
        self.continue_button.setDefault(True)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)

        self.setMinimumWidth(460)
        self.retranslate()

    def choice(self) -> TokenStorage:
        return TokenStorage.FILE if self.file_radio.isChecked() else TokenStorage.SESSION

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Where should the sign-in be kept?"))
        self.title_label.setText(self.tr("No secure keyring found"))
        self.intro_label.setText(
            self.tr(
                "This computer has no secure system keyring (such as GNOME Keyring, "
                "KWallet, macOS Keychain or Windows Credential Manager) that the app "
                "can use to keep your sign-in safe."
            )
        )
        self.session_radio.setText(self.tr("Keep me signed in for this session only"))
        self.session_note.setText(
            self.tr("Recommended. You will need to sign in again after you quit the app.")
        )
        self.file_radio.setText(
            self.tr("Store the sign-in in a file on this computer (not encrypted)")
        )
        warning = self.tr(
            "Warning: the token is written unencrypted to a file readable only by your user "
            "account. Anyone who can read your files (or your backups) can use your OhMyGPT "
            "balance with it."
        )
        if self._file_path:
            warning += sentence_gap() + self.tr("File: {path}").format(path=self._file_path)
        self.file_warning.setText(warning)
        self.continue_button.setText(self.tr("Continue"))
        self.cancel_button.setText(self.tr("Cancel sign-in"))


async def ask_storage(parent: QWidget | None, *, file_path: str = "") -> TokenStorage:
    """Show the choice and wait for it; raise :class:`StorageChoiceCancelled` on cancel.

    ``parent`` may expose the open dialog as ``storage_dialog`` (tests reach it there).
    """
    import asyncio

    loop = asyncio.get_running_loop()
    dialog = StorageChoiceDialog(parent, file_path=file_path)
    future: asyncio.Future[int] = loop.create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    if parent is not None:
        parent.storage_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    try:
        result = await future
        choice = dialog.choice()
    finally:
        if parent is not None:
            parent.storage_dialog = None  # type: ignore[attr-defined]
        dialog.finished.disconnect(finished)
        if dialog.isVisible():  # cancelled from outside: do not leave it on screen
            dialog.reject()
        dialog.deleteLater()
    if int(result) != QDialog.DialogCode.Accepted.value:
        raise StorageChoiceCancelled()
    return choice
