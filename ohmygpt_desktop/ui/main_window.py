"""The main window: header with the account switcher, message banner, pages.

Thin: it arranges the widgets, routes their requests, and keeps balances fresh
(on activation and on an interval). All work goes through the context's
services; all async work goes through :mod:`ohmygpt_desktop.ui.tasks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
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
from ohmygpt_desktop.ui.fit import keep_minimum_size
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import set_themed_style

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.updates import UpdateNotice
    from ohmygpt_desktop.ui.account_switcher import AccountSwitcher
    from ohmygpt_desktop.ui.accounts_page import AccountsPage
    from ohmygpt_desktop.ui.balance_view import BalanceView
    from ohmygpt_desktop.ui.history_view import HistoryView
    from ohmygpt_desktop.ui.login_panel import LoginPanel
    from ohmygpt_desktop.ui.tasks import Op
    from ohmygpt_desktop.ui.update_notice import UpdateNoticeBar
    from ohmygpt_desktop.ui.usage_view import UsageView


_HEADER_STYLE = (
    "#Header { border-bottom: 1px solid $mid; }"
    "#AppTitle { font-size: 15px; font-weight: bold; color: $text; }"
    "#DemoBadge { background: $warning_bg; color: $warning_fg; border: 1px solid $warning_border;"
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
        #: Closing ends the app even when it would keep running in the tray (:meth:`quit`).
        self._quitting = False
        self.setObjectName("MainWindow")
        self.resize(880, 640)
        keep_minimum_size(self, 640, 480)

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
        self.update_notice: UpdateNoticeBar | None = None  # built once the app has started
        self._outer = outer

        set_themed_style(header, _HEADER_STYLE)
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
        """Bind to the app's services and build the page on screen (sign-in or balance);
        the rest of the window is built after the first paint (:meth:`start`) or when
        first needed."""
        from ohmygpt_desktop.core.settings import Applies, names_applying
        from ohmygpt_desktop.ui.errors import describe_startup_problem
        from ohmygpt_desktop.ui.follow import follow_settings
        from ohmygpt_desktop.ui.tray import TrayNotifier

        self.ctx = ctx
        self.tray: TrayNotifier = TrayNotifier(ctx, self)
        self.tray.openRequested.connect(self.bring_to_front)
        self.tray.refreshRequested.connect(self.refresh_current)
        self.tray.rechargeRequested.connect(self._recharge_from_tray)
        self.tray.quitRequested.connect(self.quit)
        self.demo_badge.setVisible(ctx.demo_mode)
        self._login_panel: LoginPanel | None = None
        self._account_page: QWidget | None = None
        self._header_built = False
        self._started = False
        self._start_op: Op[None] | None = None
        #: The update feed check started after the start (tests await its task).
        self.update_check: Op[UpdateNotice | None] | None = None
        self._usable_shown = False
        ctx.messages.shown.connect(self.banner.show_message)
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

        if ctx.ledger is not None:  # "Team ledger offline — 3 changes waiting", else nothing
            from ohmygpt_desktop.ui.team_history import LedgerStatusLine

            self.ledger_status = LedgerStatusLine(ctx.ledger, self.centralWidget())
            self._outer.insertWidget(self._outer.indexOf(self.banner) + 1, self.ledger_status)

        self.retranslate()
        self._show_current()
        if ctx.startup_problems:  # one banner shows them all
            ctx.messages.warning(
                "\n".join(describe_startup_problem(p, ctx.settings) for p in ctx.startup_problems)
            )

    # ---------------------------------------------------------------- parts

    def _build_header(self) -> None:
        """The account switcher and the menu (after the first paint, or when needed)."""
        if self._header_built or self.ctx is None:
            return
        from ohmygpt_desktop.ui.account_switcher import AccountSwitcher

        self._header_built = True
        self._switcher = AccountSwitcher(self.ctx, self)
        self.header_layout.addWidget(self._switcher)
        self._menu_button = QToolButton(self)
        self._menu_button.setObjectName("MainMenuButton")
        self._menu_button.setText("☰")
        self._menu_button.setAutoRaise(True)
        self._menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self._menu_button)
        self.refresh_action = menu.addAction("", self.refresh_current)
        self.refresh_action.setShortcuts([QKeySequence(Qt.Key.Key_F5), QKeySequence("Ctrl+R")])
        self.recharge_action = menu.addAction("", self.recharge_current)
        self.recharge_action.setShortcut(QKeySequence("Ctrl+N"))
        self.accounts_action = menu.addAction("", self.show_accounts)
        self.accounts_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.search_action = menu.addAction("", self.search_orders)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        menu.addSeparator()
        self.settings_action = menu.addAction("", self.open_settings)
        self.settings_action.setShortcuts(_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.shortcuts_action = menu.addAction("", self.open_shortcuts)
        self.shortcuts_action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+/")])
        self.about_action = menu.addAction("", self.open_about)
        menu.addSeparator()
        self.leave_demo_action = menu.addAction("", self.leave_demo)
        self.leave_demo_action.setVisible(
            self.ctx.demo_mode and self.ctx.switch_profile is not None
        )
        self.quit_action = menu.addAction("", self.quit)
        self.quit_action.setShortcuts(_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.addActions(
            [
                self.refresh_action,
                self.recharge_action,
                self.accounts_action,
                self.search_action,
                self.settings_action,
                self.shortcuts_action,
                self.quit_action,
            ]
        )
        self._sync_account_actions()
        self.ctx.accounts.currentChanged.connect(self._sync_account_actions)
        self.ctx.accounts.accountsChanged.connect(self._sync_account_actions)
        self._menu_button.setMenu(menu)
        self.header_layout.addWidget(self._menu_button)
        self._switcher.addAccountRequested.connect(self.add_account)
        self._switcher.reauthRequested.connect(self.reauthorize)
        self._switcher.rechargeRequested.connect(self.open_recharge)
        self._switcher.allAccountsRequested.connect(self.show_accounts)
        self._retranslate_header()

    def _sync_account_actions(self, *_: object) -> None:
        signed_in = self.ctx is not None and self.ctx.accounts.current() is not None
        for action in (
            self.refresh_action,
            self.recharge_action,
            self.accounts_action,
            self.search_action,
        ):
            action.setEnabled(signed_in)

    @property
    def switcher(self) -> AccountSwitcher:
        self._build_header()
        return self._switcher

    @property
    def menu_button(self) -> QToolButton:
        self._build_header()
        return self._menu_button

    @property
    def login_panel(self) -> LoginPanel:
        """The sign-in page (built on first use)."""
        if self._login_panel is None:
            from ohmygpt_desktop.ui.login_panel import LoginPanel

            assert self.ctx is not None
            panel = self._login_panel = LoginPanel(self.ctx, self.pages)
            self.pages.addWidget(panel)
            panel.signedIn.connect(self._on_signed_in)
            panel.cancelRequested.connect(self._show_current)
            panel.settingsRequested.connect(self.open_settings)
            buttons = [panel.sign_in_button]
            if not self.ctx.oauth_configured():  # the first-run page: its demo or own-app button
                buttons += [panel.first_run.demo_button, panel.first_run.own_app_button]
            for button in buttons:
                when_first_painted(button, self._on_usable_painted)
        return self._login_panel

    @property
    def account_page(self) -> QWidget:
        """The balance card and, below it, the order history (built on first use)."""
        if self._account_page is None:
            from ohmygpt_desktop.ui.balance_view import BalanceView

            assert self.ctx is not None
            page = self._account_page = QWidget(self.pages)
            self._page_layout = QVBoxLayout(page)
            self._page_layout.setContentsMargins(16, 8, 16, 16)
            self._balance_view = BalanceView(self.ctx, page)
            self._page_layout.addWidget(self._balance_view)
            self._page_layout.addStretch(1)  # where the history goes once built
            self._tabs: QTabWidget | None = None
            #: Built when first wanted (a second account, or opened).
            self._accounts_page: AccountsPage | None = None
            self.pages.addWidget(page)
            self._balance_view.rechargeRequested.connect(self.open_recharge)
            self._balance_view.reauthRequested.connect(self.reauthorize)
            when_first_painted(self._balance_view.recharge_button, self._on_usable_painted)
        return self._account_page

    @property
    def balance_view(self) -> BalanceView:
        _ = self.account_page
        return self._balance_view

    @property
    def tabs(self) -> QTabWidget:
        """Under the balance card: the order history, with more than one account the
        Accounts page, and the balance's Usage (built after the card)."""
        _ = self.account_page
        if self._tabs is None:
            from ohmygpt_desktop.ui.history_view import HistoryView
            from ohmygpt_desktop.ui.team_history import with_team_scope
            from ohmygpt_desktop.ui.usage_view import UsageView

            assert self.ctx is not None
            self._tabs = QTabWidget(self._account_page)
            self._tabs.setDocumentMode(True)
            self._history_view = HistoryView(self.ctx, self._tabs)
            self._history_view.title_label.hide()  # its tab names it
            #: The Orders tab: the history, inside the Team scope when there is a ledger.
            self._orders_page = with_team_scope(self.ctx, self._history_view, self._tabs)
            self._tabs.addTab(self._orders_page, self.tr("Orders"))
            self._usage_view = UsageView(self.ctx, self._tabs)
            self._tabs.addTab(self._usage_view, self.tr("Usage"))
            self.ctx.accounts.accountsChanged.connect(self._sync_accounts_tab)
            self._sync_accounts_tab()
            self._balance_view.add_usage_strip()
            self._page_layout.takeAt(1)  # the stretch that kept its place
            self._page_layout.addWidget(self._tabs, 1)
        return self._tabs

    @property
    def history_view(self) -> HistoryView:
        _ = self.tabs
        return self._history_view

    def search_orders(self) -> None:
        """Ctrl+F: the order history's search field (the team's, when it is shown)."""
        from ohmygpt_desktop.ui.team_history import focus_team_search

        if self.ctx is None or self.ctx.accounts.current() is None:
            return
        self.pages.setCurrentWidget(self.account_page)
        self.tabs.setCurrentWidget(self._orders_page)
        if not focus_team_search(self._orders_page):
            self.history_view.focus_search()

    @property
    def accounts_page(self) -> AccountsPage:
        """Every signed-in account in a table (a tab beside the orders); built when
        first wanted: with one account it is never shown, and it reads every account."""
        tabs = self.tabs
        if self._accounts_page is None:
            from ohmygpt_desktop.ui.accounts_page import AccountsPage

            assert self.ctx is not None
            page = self._accounts_page = AccountsPage(self.ctx, tabs)
            page.hide()
            page.switchRequested.connect(self.switcher.switch_to)
            page.rechargeRequested.connect(self.open_recharge)
        return self._accounts_page

    def _sync_accounts_tab(self) -> None:
        """The Accounts tab is there when there is more than one account (or it is open)."""
        assert self.ctx is not None
        tabs = self.tabs
        page = self._accounts_page
        index = tabs.indexOf(page) if page is not None else -1
        wanted = len(self.ctx.accounts.accounts()) > 1 or (
            index >= 0 and tabs.currentIndex() == index
        )
        if wanted and index < 0:
            tabs.insertTab(1, self.accounts_page, self.tr("Accounts"))
        elif not wanted and index >= 0:
            tabs.removeTab(index)

    def show_accounts(self) -> None:
        """Open the Accounts page, ready to type a search."""
        current = self.ctx.accounts.current() if self.ctx is not None else None
        if current is None:
            return
        self.pages.setCurrentWidget(self.account_page)
        page = self.accounts_page
        if self.tabs.indexOf(page) < 0:
            self.tabs.insertTab(1, page, self.tr("Accounts"))
        self.tabs.setCurrentWidget(page)
        if not page.table.currentIndex().isValid():
            page.select_key(current.key)
        page.filter_field.setFocus()
        page.filter_field.selectAll()

    @property
    def usage_view(self) -> UsageView:
        _ = self.tabs
        return self._usage_view

    def _build_rest(self) -> None:
        """What the first paint did not need: the header's switcher and menu, the history."""
        self._build_header()
        if self._account_page is not None:
            _ = self.history_view

    # ------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """After the first paint: the rest of the window; load stored sign-ins, then
        refresh the balance."""
        from ohmygpt_desktop.ui.tasks import Op

        self._start_op = Op(self.ctx.start).on_success(lambda _: self._after_start()).start(self)
        if self._account_page is None:  # signed out: no balance to read first
            self._build_rest()

    def _after_start(self) -> None:
        self._started = True
        self._show_current()
        self.refresh_current()
        self._check_for_updates()
        self.started.emit()
        if self._account_page is not None and self._balance_view.refreshing():
            # The balance first; the rest of the window is built once it is read.
            self._balance_view.refreshed.connect(
                self._build_rest, Qt.ConnectionType.SingleShotConnection
            )
        else:
            self._build_rest()

    def _check_for_updates(self) -> None:
        """Ask the update feed (at most once a day, in the background); a newer or a
        fixed version shows in a strip under the header. No feed set: nothing to ask,
        and no strip (the feed is read at start only)."""
        from ohmygpt_desktop.ui.tasks import Op
        from ohmygpt_desktop.ui.update_notice import UpdateNoticeBar

        assert self.ctx is not None
        if not self.ctx.settings.update_feed_url:
            return
        if self.update_notice is None:
            self.update_notice = UpdateNoticeBar(self.ctx.open_url, self.centralWidget())
            self._outer.insertWidget(self._outer.indexOf(self.banner) + 1, self.update_notice)
        self.update_check = (
            Op(self.ctx.updates.check).on_success(self.update_notice.show_notice).start(self)
        )

    def _on_usable_painted(self) -> None:
        if not self._usable_shown:
            self._usable_shown = True
            self.usable.emit()

    @property
    def usable_shown(self) -> bool:
        """Whether a usable page (its sign-in or Recharge button) has been painted."""
        return self.ctx is not None and self._usable_shown

    def bring_to_front(self) -> None:
        """Show the window on top and active, restored if it was minimised."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        if self.ctx is not None:
            self.tray.unpark()
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

    def quit(self) -> None:
        """Close the window and end the app, even when it could run on in the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QGuiApplication.instance()
        logging_out = isinstance(app, QGuiApplication) and app.isSavingSession()
        if (
            self.ctx is not None
            and not (self._quitting or logging_out)
            and self.tray.keeps_running()
        ):
            event.ignore()  # the app runs on in the tray, and says so
            self.hide()
            self.tray.park()
            return
        if self.ctx is not None:  # the frame alone (start-up failed) has no timer yet
            self.tray.remove()
            self._refresh_timer.stop()
            if self._start_op is not None:  # the context closes next: stop starting it
                self._start_op.cancel()
            if self.update_check is not None:
                self.update_check.cancel()
            if self._account_page is not None and self._accounts_page is not None:
                self._accounts_page.cancel()
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
        if self._account_page is not None and self._tabs is not None:
            self._tabs.setTabText(0, self.tr("Orders"))
            page = self._accounts_page
            accounts = self._tabs.indexOf(page) if page is not None else -1
            if accounts >= 0:
                self._tabs.setTabText(accounts, self.tr("Accounts"))
            self._tabs.setTabText(self._tabs.indexOf(self._usage_view), self.tr("Usage"))
        self.tray.retranslate()
        self._retranslate_header()

    def _retranslate_header(self) -> None:
        if not self._header_built:
            return
        self._menu_button.setToolTip(self.tr("Menu"))
        self._menu_button.setAccessibleName(self.tr("Menu"))
        self.refresh_action.setText(self.tr("Refresh balance"))
        self.recharge_action.setText(self.tr("Recharge…"))
        self.accounts_action.setText(self.tr("All accounts…"))
        self.search_action.setText(self.tr("Search orders"))
        self.settings_action.setText(self.tr("Settings…"))
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        self.about_action.setText(self.tr("About {app}").format(app=APP_NAME))
        self.leave_demo_action.setText(self.tr("Leave the demo"))
        self.quit_action.setText(self.tr("Quit"))

    # -------------------------------------------------------------- routing

    def _show_current(self, *_: object) -> None:
        account = self.ctx.accounts.current()
        panel = self._login_panel
        if panel is not None and self.pages.currentWidget() is panel and panel.busy():
            return
        if account is None:
            self.login_panel.prepare(can_cancel=False)
            self.pages.setCurrentWidget(self.login_panel)
        else:
            self.pages.setCurrentWidget(self.account_page)

    def _on_signed_in(self, key: str) -> None:
        self.pages.setCurrentWidget(self.account_page)
        self._balance_view.add_usage_strip()  # the first paint is long past
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

    def _recharge_from_tray(self, key: str) -> None:
        self.bring_to_front()
        self.open_recharge(key)

    def recharge_current(self) -> None:
        account = self.ctx.accounts.current()
        if account is not None:
            self.open_recharge(account.key)

    def open_shortcuts(self) -> None:
        """A list of the window's keyboard shortcuts (what the menu's actions are bound to)."""
        from ohmygpt_desktop.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions(), self)
        dialog.finished.connect(dialog.deleteLater)
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

    def leave_demo(self) -> None:
        """Back to the person's own accounts and settings, without a restart."""
        from ohmygpt_desktop.ui.errors import describe
        from ohmygpt_desktop.ui.tasks import Op

        switch = self.ctx.switch_profile
        if switch is None or not self.leave_demo_action.isEnabled():
            return

        def done(switched: bool) -> None:
            if not switched:
                self.ctx.messages.info(
                    self.tr(
                        "The app is already open with your own accounts in another window. "
                        "It was brought to the front."
                    )
                )

        self.leave_demo_action.setEnabled(False)
        (
            Op(switch, False)
            .on_success(done)
            .on_failure(lambda exc: self.ctx.messages.error(describe(exc)))
            .on_done(lambda: self.leave_demo_action.setEnabled(True))
            .start(self)
        )

    def open_about(self) -> None:
        from ohmygpt_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ------------------------------------------------------------ freshness

    def _apply_refresh_interval(self) -> None:
        self._refresh_timer.start(self.ctx.settings.refresh_interval_s * 1000)

    def refresh_current(self) -> None:
        if self._account_page is not None:  # no balance card yet: nothing shows a balance
            self._balance_view.refresh()

    def refresh_current_view(self) -> None:
        """Redraw the balance card from what is known (no request)."""
        if self._account_page is not None:
            self._balance_view.render()

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
        self.refresh_current_view()
        self.tray.notify(self.tr("Payment received"), email)

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
        self.refresh_current_view()
        self.tray.notify(self.tr("Balance went up, order not paid yet"), text)


def _keys(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for ``standard``, or ``fallback`` where it has none (Linux
    desktops other than KDE bind no key to Preferences, some none to Quit)."""
    return QKeySequence.keyBindings(standard) or [QKeySequence(fallback)]
