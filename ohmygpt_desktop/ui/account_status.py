"""“Account status”: what the app knows about one account (like ``gh auth status``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.a11y import add_labelled_row, name_by_label
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.fit import keep_wrapped_text_whole
from ohmygpt_desktop.ui.formatting import format_local_datetime, sentence_gap, shown
from ohmygpt_desktop.ui.plain import ElidedLabel, PlainLabel
from ohmygpt_desktop.ui.styles import ERROR_TEXT_STYLE, set_themed_style

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext


def _local_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return format_local_datetime(moment)


class AccountStatusDialog(QDialog):
    """User id, email, host, token storage, masked token, scope, times, re-auth state."""

    reauthRequested = Signal(str)

    def __init__(self, ctx: AppContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.setObjectName("AccountStatusDialog")
        self.setMinimumWidth(520)
        keep_wrapped_text_whole(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)

        # A long address is shortened here; the form below shows it whole.
        self.title_label = ElidedLabel(parent=self, mode=Qt.TextElideMode.ElideMiddle)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)

        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.form)

        def value_label() -> QLabel:
            label = PlainLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        self.email_value = value_label()
        self.user_id_value = value_label()
        self.host_value = value_label()
        self.state_value = value_label()
        self.state_value.setObjectName("StatusState")
        self.reauth_button = QPushButton(self)
        self.reauth_button.setObjectName("StatusReauth")
        self.reauth_button.clicked.connect(self._reauth)
        state_box = QWidget(self)
        state_row = QHBoxLayout(state_box)
        state_row.setContentsMargins(0, 0, 0, 0)
        state_row.addWidget(self.state_value, 1)
        state_row.addWidget(self.reauth_button, 0, Qt.AlignmentFlag.AlignTop)

        self.storage_value = value_label()
        self.storage_value.setObjectName("StatusStorage")
        self.storage_warning = value_label()
        self.storage_warning.setObjectName("StatusStorageWarning")
        set_themed_style(self.storage_warning, ERROR_TEXT_STYLE)
        storage_box = QWidget(self)
        storage_column = QVBoxLayout(storage_box)
        storage_column.setContentsMargins(0, 0, 0, 0)
        storage_column.setSpacing(4)
        storage_column.addWidget(self.storage_value)
        storage_column.addWidget(self.storage_warning)

        self.token_field = QLineEdit(self)
        self.token_field.setObjectName("StatusToken")
        self.token_field.setReadOnly(True)
        self.token_field.setFrame(False)
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("StatusReveal")
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._render_token)
        token_box = QWidget(self)
        token_row = QHBoxLayout(token_box)
        token_row.setContentsMargins(0, 0, 0, 0)
        token_row.addWidget(self.token_field, 1)
        token_row.addWidget(self.reveal_button)

        self.scope_value = value_label()
        self.added_value = value_label()
        self.used_value = value_label()

        self._rows: list[tuple[QLabel, QWidget]] = []
        for field in (
            self.email_value,
            self.user_id_value,
            self.host_value,
            state_box,
            storage_box,
            token_box,
            self.scope_value,
            self.added_value,
            self.used_value,
        ):
            name = PlainLabel(self)
            add_labelled_row(self.form, name, field)
            self._rows.append((name, field))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        ctx.accounts.accountUpdated.connect(self._on_updated)
        ctx.accounts.accountsChanged.connect(self._on_accounts_changed)
        self._connected = True
        self.retranslate()

    # --------------------------------------------------------------- events

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.reveal_button.setChecked(False)
        if self._connected:
            self._connected = False
            self.ctx.accounts.accountUpdated.disconnect(self._on_updated)
            self.ctx.accounts.accountsChanged.disconnect(self._on_accounts_changed)
        super().done(result)

    def _on_updated(self, key: str) -> None:
        if key == self.key:
            self.render()

    def _on_accounts_changed(self) -> None:
        if self.ctx.accounts.get(self.key) is None:
            self.reject()
        else:
            self.render()

    def _reauth(self) -> None:
        self.reauthRequested.emit(self.key)
        self.accept()

    # ------------------------------------------------------------ rendering

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Account status"))
        names = (
            self.tr("Email"),
            self.tr("User ID"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Sign-in kept in"),
            self.tr("Token"),
            self.tr("Scope"),
            self.tr("Added"),
            self.tr("Last used"),
        )
        for (label, _), name in zip(self._rows, names, strict=True):
            label.setText(name)
            name_by_label(label)
        self.reauth_button.setText(self.tr("Sign in again"))
        self.render()

    def render(self) -> None:
        account = self.ctx.accounts.get(self.key)
        if account is None:
            return
        record = account.record
        self.title_label.setText(shown(account.email))
        self.email_value.setText(shown(account.email))
        self.user_id_value.setText(shown(record.user_id))
        self.host_value.setText(shown(account.host))
        if account.needs_reauth:
            text = self.tr("Needs to sign in again: the app cannot use this account until then.")
            if account.token_problem:
                text += sentence_gap() + self.tr(
                    "The stored sign-in could not be read: {problem}"
                ).format(problem=describe(account.token_problem))
            self.state_value.setText(text)
            set_themed_style(self.state_value, ERROR_TEXT_STYLE)
        else:
            self.state_value.setText(self.tr("Signed in"))
            set_themed_style(self.state_value, "")
        self.reauth_button.setVisible(account.needs_reauth)

        storage = record.token_storage
        if storage == TokenStorage.KEYRING.value:
            self.storage_value.setText(self.tr("The system keyring"))
            self.storage_warning.hide()
        elif storage == TokenStorage.SESSION.value:
            self.storage_value.setText(self.tr("This session only (forgotten when the app quits)"))
            self.storage_warning.hide()
        else:
            self.storage_value.setText(self.tr("A file on this computer (not encrypted)"))
            self.storage_warning.setText(
                self.tr(
                    "Anyone who can read your files (or your backups) can use this sign-in. "
                    "File: {path}"
                ).format(path=str(self.ctx.tokens.insecure_file))
            )
            self.storage_warning.show()

        self.reveal_button.setEnabled(account.token is not None)
        self._render_token()
        self.scope_value.setText(shown(record.scope))
        self.added_value.setText(_local_time(record.added_at))
        self.used_value.setText(_local_time(record.last_used_at))

    def _render_token(self, *_: object) -> None:
        account = self.ctx.accounts.get(self.key)
        token = account.token if account is not None else None
        revealed = self.reveal_button.isChecked() and token is not None
        self.reveal_button.setText(self.tr("Hide") if revealed else self.tr("Reveal"))
        if token is None:
            self.token_field.setText(self.tr("Not available"))
        elif revealed:
            self.token_field.setText(token.reveal())
        else:
            self.token_field.setText(token.masked())
        self.token_field.setCursorPosition(0)
