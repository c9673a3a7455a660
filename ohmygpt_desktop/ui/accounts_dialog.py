"""“All accounts”: a searchable list for support staff who keep many accounts.

Model/view (a list model over the account manager plus a filter proxy), so it
stays smooth with tens of thousands of rows; the header menu shows only the
most recently used accounts and links here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.ui.errors import describe_unsaved_switch
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.plain import PlainLabel, tooltip_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import AccountManager
    from ohmygpt_desktop.core.context import AppContext

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class AccountListModel(QAbstractListModel):
    """One row per account: “email — host”, marked when it must sign in again."""

    def __init__(self, accounts: AccountManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._keys: list[str] = []
        self._rows: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.reload()
        accounts.accountsChanged.connect(self.reload)
        accounts.accountUpdated.connect(self._on_updated)
        accounts.currentChanged.connect(self._on_current_changed)

    def reload(self) -> None:
        self.beginResetModel()
        self._keys = [a.key for a in self._accounts.accounts()]
        self._rows = {key: row for row, key in enumerate(self._keys)}
        self.endResetModel()

    def _on_updated(self, key: str) -> None:
        row = self._rows.get(key)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _on_current_changed(self, _key: str) -> None:
        if self._keys:
            self.dataChanged.emit(self.index(0), self.index(len(self._keys) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._keys):
            return None
        key = self._keys[index.row()]
        if role == KEY_ROLE:
            return key
        account = self._accounts.get(key)
        if account is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{shown(account.email)} — {shown(account.host)}"
            if account.needs_reauth:
                text += "  ⚠ " + self.tr("sign in again")
            return text
        if role == Qt.ItemDataRole.FontRole:
            current = self._accounts.current()
            if current is not None and current.key == key:
                return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(
                self.tr("User id {user_id}").format(user_id=shown(account.record.user_id))
            )
        return None


class AccountsDialog(QDialog):
    """Filter, then switch to (or recharge) any account."""

    rechargeRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AccountsDialog")
        self.resize(520, 480)
        layout = QVBoxLayout(self)
        self.intro = PlainLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.filter_field = QLineEdit(self)
        self.filter_field.setClearButtonEnabled(True)
        layout.addWidget(self.filter_field)
        self.model = AccountListModel(ctx.accounts, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)  # constant-time layout for huge lists
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.list, 1)
        self.count_label = PlainLabel(self)
        layout.addWidget(self.count_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.switch_button = QPushButton(self)
        self.recharge_button = QPushButton(self)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.recharge_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)

        self.filter_field.textChanged.connect(self._filter)
        self.filter_field.returnPressed.connect(self.switch_to_selected)
        self.list.activated.connect(lambda _index: self.switch_to_selected())
        self.switch_button.clicked.connect(self.switch_to_selected)
        self.recharge_button.clicked.connect(self._recharge_selected)
        self.buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.retranslate()
        self._update_count()
        self.switch_button.setDefault(True)
        self.filter_field.setFocus()  # type to find, Enter switches

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("All accounts"))
        self.intro.setText(self.tr("Type part of an email address to find an account."))
        self.filter_field.setPlaceholderText(self.tr("Search accounts"))
        self.filter_field.setAccessibleName(self.tr("Search accounts"))
        self.list.setAccessibleName(self.tr("All accounts"))
        self.switch_button.setText(self.tr("Switch to account"))
        self.recharge_button.setText(self.tr("Recharge…"))
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update_count()

    def _update_count(self, *_: object) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} accounts").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_key() is not None
        self.switch_button.setEnabled(has)
        self.recharge_button.setEnabled(has)

    def selected_key(self) -> str | None:
        index = self.list.currentIndex()
        if not index.isValid() and self.proxy.rowCount() == 1:
            index = self.proxy.index(0, 0)
        if not index.isValid():
            return None
        return index.data(KEY_ROLE)

    def switch_to_selected(self) -> None:
        key = self.selected_key()
        account = self.ctx.accounts.get(key) if key is not None else None
        if account is None:
            return
        current = self.ctx.accounts.current()
        if current is None or current.key != account.key:
            problem = self.ctx.accounts.switch(account.key)
            if problem is not None:
                self.ctx.messages.warning(describe_unsaved_switch(account.email, problem))
        self.accept()

    def _recharge_selected(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.accept()
            self.rechargeRequested.emit(key)
