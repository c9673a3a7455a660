"""The account switcher in the header: the current account and a menu of the rest.

Switching is instant (``AccountManager.switch``). Sign-out asks first (a
``QMessageBox`` opened with ``open()``; the answer arrives through ``finished``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from ohmygpt_desktop.ui.account_status import AccountStatusDialog
from ohmygpt_desktop.ui.errors import describe, describe_unsaved_switch
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.plain import mnemonic_safe, tooltip_text
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.tokens import TokenStoreError

_BUTTON_STYLE = (
    "QToolButton#AccountButton { border: 1px solid palette(mid); border-radius: 6px;"
    " padding: 4px 24px 4px 10px; }"
    "QToolButton#AccountButton:hover { background: palette(midlight); }"
    "QToolButton#AccountButton::menu-indicator { subcontrol-position: right center;"
    " subcontrol-origin: padding; right: 6px; }"
)


#: Accounts listed in the menu itself; all of them are on the Accounts page.
MENU_LIMIT = 12


class AccountSwitcher(QWidget):
    addAccountRequested = Signal()
    reauthRequested = Signal(str)
    rechargeRequested = Signal(str)
    #: “All accounts…”: the window shows its Accounts page.
    allAccountsRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AccountSwitcher")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QToolButton(self)
        self.button.setObjectName("AccountButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setStyleSheet(_BUTTON_STYLE)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.button)

        self.menu = QMenu(self)
        self.menu.setObjectName("AccountMenu")
        self.menu.aboutToShow.connect(self._render_menu_if_stale)
        self.button.setMenu(self.menu)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._menu_stale = True

        self.account_actions: dict[str, QAction] = {}
        self.recharge_action = QAction(self)
        self.recharge_action.triggered.connect(self._recharge)
        self.reauth_action = QAction(self)
        self.reauth_action.triggered.connect(self._reauth)
        self.status_action = QAction(self)
        self.status_action.triggered.connect(self.show_status)
        self.add_action = QAction(self)
        self.add_action.triggered.connect(self.addAccountRequested)
        self.all_action = QAction(self)
        self.all_action.triggered.connect(self.allAccountsRequested)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.confirm_sign_out)

        #: The open sign-out confirmation / status dialog, if any (tests reach them here).
        self.sign_out_box: QMessageBox | None = None
        self.sign_out_button: QPushButton | None = None
        self.status_dialog: AccountStatusDialog | None = None

        ctx.accounts.accountsChanged.connect(self.render)
        ctx.accounts.currentChanged.connect(self.render)
        ctx.accounts.accountUpdated.connect(self._on_account_updated)
        self.retranslate()

    # ------------------------------------------------------------- rendering

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.recharge_action.setText(self.tr("Recharge this account…"))
        self.reauth_action.setText(self.tr("Sign in again…"))
        self.status_action.setText(self.tr("Account status…"))
        self.add_action.setText(self.tr("Add account…"))
        self.sign_out_action.setText(self.tr("Sign out…"))
        self.button.setToolTip(self.tr("Switch account, add one, or sign out"))
        self.render()

    def account_label(self, account: Account) -> str:
        """“email — host”, marked when the account needs to sign in again (as shown)."""
        email, host = shown(account.email), shown(account.host)
        if account.needs_reauth:
            return self.tr("{email} — {host} (sign in again)").format(email=email, host=host)
        return self.tr("{email} — {host}").format(email=email, host=host)

    def _label_action(self, action: QAction, account: Account) -> None:
        label = self.account_label(account)
        action.setText(mnemonic_safe(label))
        action.setToolTip(tooltip_text(label))

    def render(self, *_: object) -> None:
        accounts = self.ctx.accounts.accounts()
        if not accounts:
            self.hide()
        elif self.parentWidget() is not None:  # never pop up as a window of its own
            self.show()
        self.render_button()
        self._menu_stale = True
        if not self.menu.isVisible():
            self._render_menu()

    def render_button(self) -> None:
        current = self.ctx.accounts.current()
        if current is None:
            self.button.setText(self.tr("Accounts"))
        else:
            email, host = shown(current.email), shown(current.host)
            if current.needs_reauth:
                text = self.tr("⚠ {email} · {host} — sign in again")
            else:
                text = self.tr("{email} · {host}")
            self.button.setText(mnemonic_safe(text.format(email=email, host=host)))
        for action in (self.recharge_action, self.status_action, self.sign_out_action):
            action.setEnabled(current is not None)
        self.reauth_action.setVisible(current is not None and current.needs_reauth)

    def _on_account_updated(self, key: str) -> None:
        """One account's state changed (e.g. a balance refresh): update just its entry.

        Balance refreshes of many accounts emit this often; rebuilding the whole
        menu each time would cost O(accounts) per update.
        """
        account = self.ctx.accounts.get(key)
        if account is None:
            self.render()
            return
        action = self.account_actions.get(key)
        if action is not None:  # accounts beyond the menu's limit have no entry
            self._label_action(action, account)
        current = self.ctx.accounts.current()
        if current is not None and current.key == key:
            self.render_button()

    def _render_menu_if_stale(self) -> None:
        if self._menu_stale:
            self._render_menu()

    def _render_menu(self) -> None:
        """Rebuild the menu (old actions are deleted later: one may be mid-trigger)."""
        self._menu_stale = False
        for action in self.account_actions.values():
            self._group.removeAction(action)
            action.deleteLater()
        self.account_actions = {}
        self.menu.clear()
        current = self.ctx.accounts.current()
        accounts = self.ctx.accounts.accounts()
        listed = accounts
        if len(accounts) > MENU_LIMIT:
            # Many accounts (support staff): the most recently used here, all of
            # them on the Accounts page.
            order = {a.key: i for i, a in enumerate(accounts)}  # later added wins ties
            recent = sorted(
                accounts, key=lambda a: (a.record.last_used_at, order[a.key]), reverse=True
            )
            listed = recent[:MENU_LIMIT]
            if current is not None and current not in listed:
                listed = [current, *listed[: MENU_LIMIT - 1]]
        for account in listed:
            action = QAction(self)
            self._label_action(action, account)
            action.setCheckable(True)
            action.setChecked(current is not None and account.key == current.key)
            action.setData(account.key)
            action.triggered.connect(lambda _=False, key=account.key: self.switch_to(key))
            self._group.addAction(action)
            self.menu.addAction(action)
            self.account_actions[account.key] = action
        if len(accounts) > MENU_LIMIT:
            self.all_action.setText(self.tr("All accounts ({count})…").format(count=len(accounts)))
            self.menu.addAction(self.all_action)
        self.menu.addSeparator()
        self.menu.addAction(self.reauth_action)
        self.menu.addAction(self.recharge_action)
        self.menu.addAction(self.status_action)
        self.menu.addSeparator()
        self.menu.addAction(self.add_action)
        self.menu.addAction(self.sign_out_action)

    # --------------------------------------------------------------- actions

    def switch_to(self, key: str) -> None:
        current = self.ctx.accounts.current()
        if current is not None and current.key == key:
            return
        account = self.ctx.accounts.get(key)
        if account is not None:
            problem = self.ctx.accounts.switch(key)
            if problem is not None:
                self.ctx.messages.warning(describe_unsaved_switch(account.email, problem))

    def _current_key(self) -> str | None:
        current = self.ctx.accounts.current()
        return current.key if current is not None else None

    def _recharge(self) -> None:
        key = self._current_key()
        if key:
            self.rechargeRequested.emit(key)

    def _reauth(self) -> None:
        key = self._current_key()
        if key:
            self.reauthRequested.emit(key)

    def show_status(self, *_: object, key: str | None = None) -> None:
        key = key or self._current_key()
        if not key:
            return
        if self.status_dialog is not None:
            self.status_dialog.close()
        dialog = AccountStatusDialog(self.ctx, key, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reauthRequested.connect(self.reauthRequested)
        dialog.finished.connect(lambda _result: self._status_closed(dialog))
        self.status_dialog = dialog
        dialog.open()

    def _status_closed(self, dialog: AccountStatusDialog) -> None:
        if self.status_dialog is dialog:
            self.status_dialog = None

    def confirm_sign_out(self, *_: object, key: str | None = None) -> None:
        """Ask, then sign out (the answer arrives through ``finished``)."""
        key = key or self._current_key()
        account = self.ctx.accounts.get(key) if key else None
        if account is None or self.sign_out_box is not None:
            return
        box = QMessageBox(self.window())
        box.setObjectName("SignOutConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sign out"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Sign out of {email}?").format(email=shown(account.email)))
        box.setInformativeText(
            self.tr(
                "The app forgets this account on this computer and removes its stored "
                "sign-in. Your order history stays. You can sign in again at any time."
            )
        )
        sign_out = box.addButton(self.tr("Sign out"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        email = shown(account.email)

        def answered(_result: int) -> None:
            confirmed = box.clickedButton() is sign_out
            self.sign_out_box = None
            self.sign_out_button = None
            box.deleteLater()
            if confirmed:
                self._sign_out(account.key, email)

        box.finished.connect(answered)
        self.sign_out_box = box
        self.sign_out_button = sign_out
        box.open()

    def _sign_out(self, key: str, email: str) -> None:
        messages = self.ctx.messages

        def done(warning: TokenStoreError | None) -> None:
            if warning:
                messages.warning(
                    self.tr(
                        "Signed out of {email}. The app’s own records were cleared, but the "
                        "stored sign-in could not be removed from the system keyring and may "
                        "remain there. ({detail})"
                    ).format(email=email, detail=describe(warning))
                )
            else:
                messages.info(self.tr("Signed out of {email}.").format(email=email))

        Op(self.ctx.accounts.sign_out, key).on_success(done).on_failure(
            lambda exc: messages.error(describe(exc))
        ).start(self)
