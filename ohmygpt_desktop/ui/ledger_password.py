"""“Set ledger password…”: the team ledger's database password, kept in the keyring.

The password never goes to the settings file (``ledger_url`` refuses one); the app
reads it from the system keyring when it connects (``AppContext._ledger_password``).
Without one, PostgreSQL's own PGPASSFILE (``~/.pgpass``) is used, if any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.core.ledger import password_key
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.tokens import TokenStore


class LedgerPasswordDialog(QDialog):
    """Store (or forget) the password for the ledger at ``url``; opened with ``open()``."""

    def __init__(self, tokens: TokenStore, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LedgerPasswordDialog")
        self.tokens = tokens
        self.host, self.user = password_key(url)
        self.intro = PlainLabel(self)
        self.intro.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("LedgerPassword")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = PlainLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.forget_button = QPushButton(self)
        self.forget_button.setObjectName("ForgetLedgerPassword")
        self.buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.edit.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self.forget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.op: Op[None] | None = None
        self.setWindowTitle(self.tr("Team ledger password"))
        self.edit.setAccessibleName(self.windowTitle())
        self.intro.setText(
            self.tr(
                "The password of {user} on the database server {host}. It is kept in the "
                "system keyring, never in the settings file."
            ).format(user=shown(self.user), host=shown(self.host))
        )
        self.forget_button.setText(self.tr("&Forget stored password"))

    def save(self) -> None:
        secret = Secret(self.edit.text())
        self._run(self.tokens.save_ledger_password, self.host, self.user, secret)

    def forget(self) -> None:
        self._run(self.tokens.delete_ledger_password, self.host, self.user)

    def _run(self, fn: object, *args: object) -> None:
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Saving to the system keyring…"))
        self.op = (
            Op(fn, *args)  # type: ignore[arg-type]
            .on_success(lambda _result: self._done())
            .on_failure(self._failed)
            .start(self)
        )

    def _done(self) -> None:
        self.edit.clear()
        self.status.setText("")
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(describe(exc))
