"""The app's icon in the system tray, where the desktop has one.

Its tooltip shows the current account's balance; its menu opens the window,
refreshes, recharges and quits; it says when a payment arrives and when a balance
falls below the low-balance level (once each time it goes below). The ``tray``
setting decides whether closing the window leaves the app running there: by
default only while a payment is being watched. Without a system tray (the
offscreen platform, some desktops) nothing shows and closing the window quits.

What it shows may hold server text (an account's email): the tooltip and the
notifications are made to show it literally (:func:`notification_text`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ohmygpt_desktop import APP_NAME
from ohmygpt_desktop.ui.credit_rate import credit_rate
from ohmygpt_desktop.ui.follow import follow_settings
from ohmygpt_desktop.ui.formatting import format_usd, shown
from ohmygpt_desktop.ui.plain import notification_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext

#: How long a notification stays up, in milliseconds.
NOTIFICATION_MS = 8000


class TrayNotifier(QObject):
    """The tray icon of one window (on its context); see the module's description."""

    openRequested = Signal()
    refreshRequested = Signal()
    #: Recharge the account with this key.
    rechargeRequested = Signal(str)
    quitRequested = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window
        self._icon: Any = None  # made when first shown
        #: The window was closed into the tray (it shows again with Open).
        self._parked = False
        #: Per account: whether its last balance read was below the low-balance level.
        self._below: dict[str, bool] = {}
        #: Per account: whether it was last forecast to run out within the warning time.
        self._running_out: dict[str, bool] = {}
        self.menu = QMenu(window)
        self.open_action = self.menu.addAction("", self.openRequested.emit)
        self.refresh_action = self.menu.addAction("", self.refreshRequested.emit)
        self.recharge_action = self.menu.addAction("", self._on_recharge)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction("", self.quitRequested.emit)
        ctx.accounts.accountUpdated.connect(self._on_account_updated)
        ctx.accounts.currentChanged.connect(self.render)
        ctx.accounts.accountsChanged.connect(self.render)
        ctx.watcher.watchingChanged.connect(self.sync)
        follow_settings(self, ctx.settings, ["tray"], self.sync)
        follow_settings(self, ctx.settings, ["credits_per_usd"], self.render)
        self.retranslate()
        self.sync()

    # ------------------------------------------------------------------ state

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @staticmethod
    def _new_icon(parent: QObject) -> Any:
        """The platform's tray icon (tests put a stand-in here: offscreen has no tray)."""
        return QSystemTrayIcon(parent)

    @property
    def icon(self) -> Any:
        """The tray icon (``None`` until first shown)."""
        return self._icon

    def watching(self) -> bool:
        """Whether a payment is being watched on any account."""
        watcher = self.ctx.watcher
        return any(watcher.watching(account.key) for account in self.ctx.accounts.accounts())

    def keeps_running(self) -> bool:
        """Whether closing the window now leaves the app running in the tray."""
        mode = self.ctx.settings.tray
        return self.available() and (mode == "always" or (mode == "watching" and self.watching()))

    def _ensure_icon(self) -> Any:
        if self._icon is None:
            icon = self._icon = self._new_icon(self)
            icon.setIcon(self._window.windowIcon())
            icon.setContextMenu(self.menu)
            icon.activated.connect(self._on_activated)
            icon.messageClicked.connect(self.openRequested.emit)
            self.render()
        return self._icon

    def sync(self, *_: object) -> None:
        """Show the icon while closing would keep the app there, or while it is there."""
        if self.available() and (self._parked or self.keeps_running()):
            self._ensure_icon().show()
        elif self._icon is not None:
            self._icon.hide()

    def remove(self) -> None:
        """The app quits: the icon goes."""
        self._parked = False
        if self._icon is not None:
            self._icon.hide()

    def park(self) -> None:
        """The window was closed into the tray: say that the app runs on there."""
        self._parked = True
        self.sync()
        if self.watching():
            text = self.tr(
                "{app} keeps watching for your payment here. To quit, use Quit in this icon's menu."
            )
        else:
            text = self.tr("{app} keeps running here. To quit, use Quit in this icon's menu.")
        self.notify(self.tr("Still running in the tray"), text.format(app=APP_NAME))

    def unpark(self) -> None:
        """The window shows again."""
        if self._parked:
            self._parked = False
            self.sync()

    # ---------------------------------------------------------------- showing

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (nothing without a system tray); plain text."""
        if not self.available():
            return
        icon = self._ensure_icon()
        if not icon.isVisible():
            icon.show()
        icon.showMessage(
            title, notification_text(text), QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS
        )

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open {app}").format(app=APP_NAME))
        self.refresh_action.setText(self.tr("Refresh"))
        self.recharge_action.setText(self.tr("Recharge…"))
        self.quit_action.setText(self.tr("Quit"))
        self.render()

    def render(self, *_: object) -> None:
        """The tooltip (the current balance) and which menu entries apply."""
        account = self.ctx.accounts.current()
        self.refresh_action.setEnabled(account is not None and not account.needs_reauth)
        self.recharge_action.setEnabled(account is not None)
        if self._icon is not None:
            self._icon.setToolTip(notification_text(self.tooltip()))

    def tooltip(self) -> str:
        """What the tooltip says (before it is made literal for the platform)."""
        account = self.ctx.accounts.current()
        if account is None:
            return APP_NAME
        return f"{APP_NAME}\n" + self.tr("{email}: {balance}").format(
            email=shown(account.email), balance=self._balance_text(account)
        )

    def _balance_text(self, account: Account) -> str:
        if account.balance is None:
            return "—"
        rate = credit_rate(self.ctx.settings)
        credits = account.balance.balance
        if rate.exact:
            return rate.usd(credits)
        return self.tr("{credits} ({usd})").format(
            credits=rate.credits(credits), usd=rate.usd(credits)
        )

    # ---------------------------------------------------------------- events

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def _on_recharge(self) -> None:
        account = self.ctx.accounts.current()
        if account is not None:
            self.rechargeRequested.emit(account.key)

    def _on_account_updated(self, key: str) -> None:
        self.render()
        account = self.ctx.accounts.get(key)
        if account is None or account.balance is None or account.needs_reauth:
            return
        self._check_runs_out(account)
        low = self.ctx.settings.low_balance_usd
        below = bool(account.is_low(low, self.ctx.settings.credits_per_usd))
        was_below = self._below.get(key)
        self._below[key] = below
        if below and was_below is False:  # a crossing, not the first reading
            self.notify(
                self.tr("Low balance"),
                self.tr(
                    "The balance of {email} fell below {threshold}: {balance}. Recharge to "
                    "keep your API calls running."
                ).format(
                    email=shown(account.email),
                    threshold=format_usd(low),
                    balance=self._balance_text(account),
                ),
            )

    def _check_runs_out(self, account: Account) -> None:
        """Warn once each time the forecast comes within ``runs_out_warning_days``."""
        from ohmygpt_desktop.core.usage import ForecastState
        from ohmygpt_desktop.ui.usage_chart import runs_out_text

        limit = self.ctx.settings.runs_out_warning_days
        forecast = self.ctx.usage.forecast(account.key)
        if forecast.state is ForecastState.NOT_ENOUGH_DATA:
            return  # no verdict: the last one stands
        soon = (
            limit > 0
            and forecast.state is ForecastState.FALLING
            and forecast.days is not None
            and forecast.days <= limit
        )
        was_soon = self._running_out.get(account.key, False)
        self._running_out[account.key] = soon
        if soon and not was_soon:
            self.notify(
                self.tr("Balance running out"),
                self.tr("{email}: {forecast}. Recharge to keep your API calls running.").format(
                    email=shown(account.email), forecast=runs_out_text(forecast)
                ),
            )


__all__ = ["NOTIFICATION_MS", "TrayNotifier"]
