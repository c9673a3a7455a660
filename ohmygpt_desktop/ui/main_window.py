"""The main window: header with the account switcher, message banner, pages.

Thin: it arranges the widgets, routes their requests, and keeps balances fresh
(on activation and on an interval). All work goes through the context's
services; all async work goes through :mod:`ohmygpt_desktop.ui.tasks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop import APP_NAME
from ohmygpt_desktop.ui.banner import MessageBanner
from ohmygpt_desktop.ui.first_paint import when_first_painted
from ohmygpt_desktop.ui.plain import PlainLabel, notification_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext


_HEADER_STYLE = (
    "#Header { border-bottom: 1px solid palette(mid); }"
    "#AppTitle { font-size: 15px; font-weight: bold; }"
    "#DemoBadge { background: #fff4e5; color: #8a4b00; border: 1px solid #f0c58a;"
    " border-radius: 9px; padding: 1px 8px; font-size: 11px; font-weight: bold; }"
)


class MainWindow(QMainWindow):
    """Built in two steps so the first paint needs only Qt.

    ``MainWindow()`` makes the frame (header, banner, a "Loading…" page) and can
    be shown at once; :meth:`attach` then builds the pages on the app's services.
    ``MainWindow(ctx)`` does both.
    """

    closed = Signal()
    #: The first paint of a usable page: its main button (sign in, or Recharge) is drawn.
    usable = Signal()
    #: The services are started: stored sign-ins loaded, watches resumed.
    started = Signal()

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.setObjectName("MainWindow")
        self.resize(880, 640)
        self.setMinimumSize(640, 480)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # Header: title (+ demo badge) on the left, account switcher on the right.
        header = QWidget(central)
        header.setObjectName("Header")
        self.header_layout = QHBoxLayout(header)
        self.header_layout.setContentsMargins(16, 10, 16, 10)
        self.title_label = PlainLabel(APP_NAME, header)
        self.title_label.setObjectName("AppTitle")
        self.header_layout.addWidget(self.title_label)
        self.demo_badge = PlainLabel(header)
        self.demo_badge.setObjectName("DemoBadge")
        self.demo_badge.hide()
        self.header_layout.addWidget(self.demo_badge)
        self.header_layout.addStretch(1)
        outer.addWidget(header)

        self.banner = MessageBanner(central)
        outer.addWidget(self.banner)

        header.setStyleSheet(_HEADER_STYLE)
        self.pages = QStackedWidget(central)
        self.loading_label = PlainLabel(self.pages)
        self.loading_label.setObjectName("LoadingPage")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setWindowTitle(APP_NAME)
        self.loading_label.setText(self.tr("Loading…"))
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Build the pages on the app's services (imports the heavy parts)."""
        from ohmygpt_desktop.core.settings import Applies, names_applying
        from ohmygpt_desktop.ui.account_switcher import AccountSwitcher
        from ohmygpt_desktop.ui.balance_view import BalanceView
        from ohmygpt_desktop.ui.errors import describe_startup_problem
        from ohmygpt_desktop.ui.follow import follow_settings
        from ohmygpt_desktop.ui.history_view import HistoryView
        from ohmygpt_desktop.ui.login_panel import LoginPanel

        self.ctx = ctx
        self.demo_badge.setVisible(ctx.demo_mode)
        self.switcher = AccountSwitcher(ctx, self)
        self.header_layout.addWidget(self.switcher)
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("MainMenuButton")
        self.menu_button.setText("☰")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menu_button)
        self.settings_action = menu.addAction("", self.open_settings)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.about_action = menu.addAction("", self.open_about)
        menu.addSeparator()
        self.quit_action = menu.addAction("", self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.addActions([self.settings_action, self.quit_action])
        self.menu_button.setMenu(menu)
        self.header_layout.addWidget(self.menu_button)
        ctx.messages.shown.connect(self.banner.show_message)

        self.login_panel = LoginPanel(ctx, self.pages)
        self.pages.addWidget(self.login_panel)

        self.account_page = QWidget(self.pages)
        page_layout = QVBoxLayout(self.account_page)
        page_layout.setContentsMargins(16, 8, 16, 16)
        self.balance_view = BalanceView(ctx, self.account_page)
        page_layout.addWidget(self.balance_view)
        self.tabs = QTabWidget(self.account_page)
        self.history_view = HistoryView(ctx, self.tabs)
        self.tabs.addTab(self.history_view, "")
        page_layout.addWidget(self.tabs, 1)
        self.pages.addWidget(self.account_page)

        # Routing of requests between widgets.
        self.login_panel.signedIn.connect(self._on_signed_in)
        self.login_panel.cancelRequested.connect(self._show_current)
        self.login_panel.settingsRequested.connect(self.open_settings)
        self.switcher.addAccountRequested.connect(self.add_account)
        self.switcher.reauthRequested.connect(self.reauthorize)
        self.switcher.rechargeRequested.connect(self.open_recharge)
        self.balance_view.rechargeRequested.connect(self.open_recharge)
        self.balance_view.reauthRequested.connect(self.reauthorize)
        ctx.accounts.currentChanged.connect(self._show_current)
        ctx.accounts.accountsChanged.connect(self._show_current)
        ctx.watcher.orderPaid.connect(self._on_order_paid)
        ctx.watcher.shortRise.connect(self._on_short_rise)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.timeout.connect(self.refresh_current)
        self._apply_refresh_interval()
        follow_settings(self, ctx.settings, ["refresh_interval_s"], self._apply_refresh_interval)
        # A new API line or proxy (the context built a new client): read the balance there.
        network = names_applying(Applies.NETWORK)
        follow_settings(self, ctx.settings, network, self.refresh_current)

        self._started = False
        self._usable_shown = False
        for button in (
            self.login_panel.sign_in_button,
            self.login_panel.open_settings_button,
            self.balance_view.recharge_button,
        ):
            when_first_painted(button, self._on_usable_painted)
        self.retranslate()
        self._show_current()
        if ctx.startup_problems:  # one banner shows them all
            ctx.messages.warning(
                "\n".join(describe_startup_problem(p, ctx.settings) for p in ctx.startup_problems)
            )

    # ------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """After the first paint: load stored sign-ins, then refresh the balance."""
        from ohmygpt_desktop.ui.tasks import Op

        Op(self.ctx.start).on_success(lambda _: self._after_start()).start(self)

    def _after_start(self) -> None:
        self._started = True
        self._show_current()
        self.refresh_current()
        self.started.emit()

    def _on_usable_painted(self) -> None:
        if not self._usable_shown:
            self._usable_shown = True
            self.usable.emit()

    def bring_to_front(self) -> None:
        """Show the window on top and active, restored if it was minimised."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def on_other_launch(self, argv: list[str]) -> None:
        """Another launch on this home handed over: come to the front, and say which of
        its options were not applied (they only take effect when the app starts)."""
        self.bring_to_front()
        options = sorted({arg.split("=", 1)[0] for arg in argv if arg.startswith("--")})
        ignored = [option for option in options if option != "--home"]
        if ignored and self.ctx is not None:
            self.ctx.messages.info(
                self.tr(
                    "{app} was already running, so these options of the new launch were not "
                    "applied: {options}. Quit the app and start it again to use them."
                ).format(app=APP_NAME, options=", ".join(ignored))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None:  # the frame alone (start-up failed) has no timer yet
            self._refresh_timer.stop()
        super().closeEvent(event)
        self.closed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.ctx is None:
            self.loading_label.setText(self.tr("Loading…"))
        elif self.ctx is None:
            pass
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.on_activated()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.loading_label.setText(self.tr("Loading…"))
        self.demo_badge.setText(self.tr("DEMO · sandbox"))
        self.demo_badge.setToolTip(
            self.tr("Demo mode: a built-in stand-in server on this computer. No real money.")
        )
        self.tabs.setTabText(0, self.tr("Orders"))
        self.menu_button.setToolTip(self.tr("Menu"))
        self.settings_action.setText(self.tr("Settings…"))
        self.about_action.setText(self.tr("About {app}").format(app=APP_NAME))
        self.quit_action.setText(self.tr("Quit"))

    # -------------------------------------------------------------- routing

    def _show_current(self, *_: object) -> None:
        account = self.ctx.accounts.current()
        if self.pages.currentWidget() is self.login_panel and self.login_panel.busy():
            return
        if account is None:
            self.login_panel.prepare(can_cancel=False)
            self.pages.setCurrentWidget(self.login_panel)
        else:
            self.pages.setCurrentWidget(self.account_page)

    def _on_signed_in(self, key: str) -> None:
        self.pages.setCurrentWidget(self.account_page)
        self.refresh_current()

    def add_account(self) -> None:
        self.login_panel.prepare(can_cancel=self.ctx.accounts.current() is not None)
        self.pages.setCurrentWidget(self.login_panel)

    def reauthorize(self, key: str) -> None:
        self.login_panel.prepare(reauth_key=key, can_cancel=True)
        self.pages.setCurrentWidget(self.login_panel)

    def open_recharge(self, key: str) -> None:
        from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog

        account = self.ctx.accounts.get(key)
        if account is None:
            return
        if account.needs_reauth:
            self.reauthorize(key)
            return
        dialog = RechargeDialog(self.ctx, key, self)
        dialog.reauthRequested.connect(self.reauthorize)
        dialog.open()

    def open_settings(self) -> None:
        from ohmygpt_desktop.ui.settings_dialog import SettingsDialog

        dialog = getattr(self, "_settings_dialog", None)
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return
        dialog = self._settings_dialog = SettingsDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_about(self) -> None:
        from ohmygpt_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ------------------------------------------------------------ freshness

    def _apply_refresh_interval(self) -> None:
        seconds = int(self.ctx.settings.refresh_interval_s)
        self._refresh_timer.start(max(30, seconds) * 1000)

    def refresh_current(self) -> None:
        self.balance_view.refresh()

    def on_activated(self) -> None:
        """Window activation: check balances now (a payment may have just finished)."""
        if not self._started:
            return
        self.ctx.watcher.poke()
        account = self.ctx.accounts.current()
        if account is not None and not self.ctx.watcher.watching(account.key):
            self.refresh_current()

    def _on_order_paid(self, record: object) -> None:
        from ohmygpt_desktop.core.orders import OrderRecord

        if not isinstance(record, OrderRecord):
            return
        from ohmygpt_desktop.ui.formatting import format_usd, shown

        email = shown(record.email)
        self.ctx.messages.success(
            self.tr("Payment received: {amount} was added to {email}.").format(
                amount=format_usd(record.amount), email=email
            )
        )
        self.balance_view.render()
        TrayNotifier.notify(self, self.tr("Payment received"), email)

    def _on_short_rise(self, short: object) -> None:
        from ohmygpt_desktop.core.payments import ShortRise

        if not isinstance(short, ShortRise):
            return
        from ohmygpt_desktop.ui.formatting import format_credits, format_usd

        text = self.tr(
            "The balance of {email} went up, but only by {rise} of the {needed} credits that "
            "the {amount} order needs. The order is still waiting for payment."
        ).format(
            email=short.order.email,
            rise=format_credits(short.rise),
            needed=format_credits(short.needed),
            amount=format_usd(short.order.amount),
        )
        self.ctx.messages.info(text)
        self.balance_view.render()
        TrayNotifier.notify(self, self.tr("Balance went up, order not paid yet"), text)


class TrayNotifier(QObject):
    """Tray notification when a system tray exists (no-op otherwise).

    ``title`` and ``text`` are plain text; the body is made to show literally on
    this platform (see :func:`ohmygpt_desktop.ui.plain.notification_text`).
    """

    _tray = None

    @classmethod
    def notify(cls, window: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if cls._tray is None:
            cls._tray = QSystemTrayIcon(window.windowIcon(), window)
            cls._tray.show()
        cls._tray.showMessage(
            title, notification_text(text), QSystemTrayIcon.MessageIcon.Information, 8000
        )
