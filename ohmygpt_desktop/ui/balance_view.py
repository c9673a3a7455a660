"""The current account's balance, as a card.

Shows the balance (in dollars when the rate is provisioned, else in credits with
"≈ $X" beside it: :mod:`~ohmygpt_desktop.ui.credit_rate`), how old the figure is, and
the state it is in: loading (the last figure greyed out and labelled "not
current"), an error with Retry, "sign in again", a low-balance hint, and
"waiting for your payment" while the payment watcher runs. Thin: the account
manager owns the data; this only draws it and forwards requests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.api import ApiError
from ohmygpt_desktop.ui.credit_rate import credit_rate
from ohmygpt_desktop.ui.errors import describe, support_line
from ohmygpt_desktop.ui.follow import follow_settings
from ohmygpt_desktop.ui.formatting import (
    format_credits,
    format_local_datetime,
    format_local_time,
    format_usd,
    shown,
    to_qdatetime,
)
from ohmygpt_desktop.ui.plain import ElidedLabel, PlainLabel, tooltip_text
from ohmygpt_desktop.ui.styles import set_themed_style
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.ui.usage_view import UsageStrip

_tr = QCoreApplication.translate

#: How often the "Updated … ago" text is brought up to date.
AGE_TICK_MS = 30_000

_STYLE = """
#BalanceCard { border: 1px solid $mid; border-radius: 10px; background: $base; }
#BalanceAccount { color: $muted; }
#BalanceCaption { font-weight: bold; }
#BalanceUsd { font-weight: bold; }
#StaleBadge { color: $warning_fg; background: $warning_bg; border-radius: 4px; padding: 1px 6px; }
#BalanceNotice { border-radius: 6px; }
#BalanceNotice[level="error"] { background: $error_bg; }
#BalanceNotice[level="error"] QLabel { color: $error_fg; }
#BalanceNotice[level="reauth"] { background: $warning_bg; }
#BalanceNotice[level="reauth"] QLabel { color: $warning_fg; }
#WatchStrip { background: $info_bg; border-radius: 6px; }
#WatchStrip QLabel { color: $info_fg; }
#LowBalance { color: $warning_text; }
#RechargeButton { font-weight: bold; padding: 6px 18px; }
"""


class BalanceView(QWidget):
    rechargeRequested = Signal(str)
    reauthRequested = Signal(str)
    #: A refresh started by :meth:`refresh` is over (read, or failed).
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("BalanceView")
        #: The clock for "Updated … ago" (tests replace it).
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._op: Op[object] | None = None
        #: The account the running refresh of :attr:`_op` reads.
        self._op_key = ""
        #: A failure of our own refresh that is not an API error (shown like one).
        self._local_error: BaseException | None = None
        self._build()

        ctx.accounts.accountUpdated.connect(self._on_account_updated)
        ctx.accounts.currentChanged.connect(self._on_current_changed)
        ctx.accounts.accountsChanged.connect(self.render)
        ctx.watcher.watchingChanged.connect(self._on_watching_changed)
        # What the card shows in USD, warns about, and calls out of date.
        follow_settings(
            self,
            ctx.settings,
            ["credits_per_usd", "low_balance_usd", "refresh_interval_s"],
            self.render,
        )

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self.render)
        self._age_timer.start()

        self.retranslate()

    # ----------------------------------------------------------------- layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 8)
        self.card = QFrame(self)
        self.card.setObjectName("BalanceCard")
        set_themed_style(self.card, _STYLE)
        outer.addWidget(self.card)

        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)

        top = QGridLayout()
        top.setHorizontalSpacing(12)
        top.setVerticalSpacing(2)
        self.caption_label = PlainLabel(self.card)
        self.caption_label.setObjectName("BalanceCaption")
        self.account_label = ElidedLabel(parent=self.card, mode=Qt.TextElideMode.ElideMiddle)
        self.account_label.setObjectName("BalanceAccount")
        self.account_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption_row = QHBoxLayout()
        caption_row.setSpacing(10)
        caption_row.addWidget(self.caption_label)
        caption_row.addWidget(self.account_label)
        caption_row.addStretch(1)
        top.addLayout(caption_row, 0, 0)

        amount_row = QHBoxLayout()
        amount_row.setSpacing(10)
        self.amount_label = PlainLabel(self.card)
        self.amount_label.setObjectName("BalanceAmount")
        font = QFont(self.amount_label.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.amount_label.setFont(font)
        self.amount_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        amount_row.addWidget(self.amount_label)
        # The dollars at an assumed rate, "≈ $10.00" (hidden when the rate is provisioned).
        self.usd_label = PlainLabel(self.card)
        self.usd_label.setObjectName("BalanceUsd")
        usd_font = QFont(self.usd_label.font())
        usd_font.setPointSizeF(max(usd_font.pointSizeF(), 9.0) * 1.3)
        self.usd_label.setFont(usd_font)
        self.usd_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        amount_row.addWidget(self.usd_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.stale_badge = PlainLabel(self.card)
        self.stale_badge.setObjectName("StaleBadge")
        amount_row.addWidget(self.stale_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        amount_row.addStretch(1)
        top.addLayout(amount_row, 1, 0)

        self.credits_label = PlainLabel(self.card)
        self.credits_label.setObjectName("BalanceCredits")
        self.credits_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.credits_label.setWordWrap(True)
        top.addWidget(self.credits_label, 2, 0)
        self.updated_label = PlainLabel(self.card)
        self.updated_label.setObjectName("BalanceUpdated")

        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        self.recharge_button = QPushButton(self.card)
        self.recharge_button.setObjectName("RechargeButton")
        self.recharge_button.clicked.connect(self._on_recharge_clicked)
        self.refresh_button = QPushButton(self.card)
        self.refresh_button.setObjectName("RefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        buttons.addWidget(self.recharge_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        top.addLayout(buttons, 0, 1, 4, 1)
        top.setColumnStretch(0, 1)
        layout.addLayout(top)
        #: The last 30 days and the forecast, added here after the first paint.
        self.usage_strip: UsageStrip | None = None
        self._strip_place = (layout, layout.count())

        # Loading: a thin busy bar and "Updating…".
        self.busy_row = QWidget(self.card)
        busy_layout = QHBoxLayout(self.busy_row)
        busy_layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self.busy_row)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(90)
        self.progress.setMaximumHeight(8)
        self.status_label = PlainLabel(self.busy_row)
        self.status_label.setObjectName("BalanceStatus")
        busy_layout.addWidget(self.progress)
        busy_layout.addWidget(self.status_label, 1)

        # Error or "sign in again", with its button.
        self.notice = QFrame(self.card)
        self.notice.setObjectName("BalanceNotice")
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(10, 8, 10, 8)
        # One line; the whole text (and whom to ask) in its tooltip.
        self.notice_label = ElidedLabel(parent=self.notice)
        self.notice_label.setObjectName("BalanceNoticeText")
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retry_button = QPushButton(self.notice)
        self.retry_button.setObjectName("RetryButton")
        self.retry_button.clicked.connect(self.refresh)
        self.reauth_button = QPushButton(self.notice)
        self.reauth_button.setObjectName("ReauthButton")
        self.reauth_button.clicked.connect(self._on_reauth_clicked)
        notice_layout.addWidget(self.notice_label, 1)
        notice_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)
        notice_layout.addWidget(self.reauth_button, 0, Qt.AlignmentFlag.AlignVCenter)

        # The figure's age, loading, and an error take turns in one slot as tall as the
        # tallest, so the card keeps its height from one state to the next.
        self.status_slot = QStackedWidget(self.card)
        self.status_idle = QWidget(self.status_slot)
        idle_layout = QHBoxLayout(self.status_idle)
        idle_layout.setContentsMargins(0, 0, 0, 0)
        idle_layout.addWidget(self.updated_label, 1, Qt.AlignmentFlag.AlignTop)
        for page in (self.status_idle, self.busy_row, self.notice):
            self.status_slot.addWidget(page)
        self.status_slot.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.status_slot)

        # The payment watcher at work.
        self.watch_strip = QFrame(self.card)
        self.watch_strip.setObjectName("WatchStrip")
        watch_layout = QHBoxLayout(self.watch_strip)
        watch_layout.setContentsMargins(10, 6, 10, 6)
        self.watch_progress = QProgressBar(self.watch_strip)
        self.watch_progress.setRange(0, 0)
        self.watch_progress.setTextVisible(False)
        self.watch_progress.setFixedWidth(60)
        self.watch_progress.setMaximumHeight(8)
        self.watch_label = PlainLabel(self.watch_strip)
        self.watch_label.setObjectName("WatchText")
        self.watch_label.setWordWrap(True)
        self.check_now_button = QPushButton(self.watch_strip)
        self.check_now_button.setObjectName("CheckNowButton")
        self.check_now_button.clicked.connect(self._on_check_now)
        watch_layout.addWidget(self.watch_progress, 0, Qt.AlignmentFlag.AlignVCenter)
        watch_layout.addWidget(self.watch_label, 1)
        watch_layout.addWidget(self.check_now_button)
        layout.addWidget(self.watch_strip)

        self.low_label = PlainLabel(self.card)
        self.low_label.setObjectName("LowBalance")
        self.low_label.setWordWrap(True)
        layout.addWidget(self.low_label)

    # ------------------------------------------------------------ i18n, events

    def add_usage_strip(self) -> UsageStrip:
        """Show the sparkline strip (built once the rest of the window is: it reads
        the balance history, which the first paint can do without)."""
        if self.usage_strip is None:
            from ohmygpt_desktop.ui.usage_view import UsageStrip

            layout, index = self._strip_place
            self.usage_strip = UsageStrip(self.ctx, self.card)
            layout.insertWidget(index, self.usage_strip)
        return self.usage_strip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.caption_label.setText(self.tr("Balance"))
        self.recharge_button.setText(self.tr("Recharge…"))
        self.recharge_button.setToolTip(self.tr("Add money to this account"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the balance again now"))
        self.retry_button.setText(self.tr("Retry"))
        self.reauth_button.setText(self.tr("Sign in again"))
        self.check_now_button.setText(self.tr("Check now"))
        self.stale_badge.setText(self.tr("Not current"))
        self.stale_badge.setToolTip(
            self.tr("This is the last balance the app read; it may have changed since.")
        )
        self.render()

    def _on_account_updated(self, key: str) -> None:
        account = self.ctx.accounts.current()
        if account is not None and account.key == key:
            self.render()

    def _on_current_changed(self, key: str) -> None:
        self._local_error = None
        if self._needs_reading():  # a switch shows a fresh figure, never "not read"
            self.refresh()
        else:
            self.render()

    def _needs_reading(self) -> bool:
        """Whether the current account's balance was never read or is older than the
        refresh interval (and is not being read now)."""
        account = self.account()
        if account is None or account.refreshing:
            return False
        updated = account.balance_updated
        interval = timedelta(seconds=self.ctx.settings.refresh_interval_s)
        return updated is None or self.now() - updated > interval

    def _on_watching_changed(self, key: str, watching: bool) -> None:
        self._on_account_updated(key)

    # ----------------------------------------------------------------- actions

    def account(self) -> Account | None:
        return self.ctx.accounts.current()

    def refresh(self) -> None:
        """Start a balance refresh of the current account."""
        account = self.account()
        if account is None:
            return
        if account.needs_reauth or account.loading_token:  # start-up refreshes once loaded
            self.render()
            return
        if self.ctx.watcher.watching(account.key):
            # The watcher reads the balance now and compares it with the order.
            self.ctx.watcher.poke(account.key)
            return
        if account.refreshing or self._reading(account.key):
            return
        self._local_error = None
        self._op_key = account.key
        self._op = (
            Op(self.ctx.accounts.refresh_balance, account.key)
            .on_failure(self._on_refresh_failed)
            .on_done(self._on_refresh_done)
            .start(self)
        )
        self.render()

    def refreshing(self) -> bool:
        """Whether a refresh started here is running."""
        return self._op is not None and self._op.running

    def _reading(self, key: str) -> bool:
        """Whether a refresh started here is reading ``key``'s balance."""
        return self.refreshing() and self._op_key == key

    def _on_refresh_done(self) -> None:
        self.render()
        self.refreshed.emit()

    def _on_refresh_failed(self, exc: Exception) -> None:
        # API errors are kept on the account (accountUpdated redraws); others here,
        # unless the person switched to another account meanwhile.
        account = self.account()
        if not isinstance(exc, ApiError) and account is not None and account.key == self._op_key:
            self._local_error = exc

    def _on_recharge_clicked(self) -> None:
        account = self.account()
        if account is not None:
            self.rechargeRequested.emit(account.key)

    def _on_reauth_clicked(self) -> None:
        account = self.account()
        if account is not None:
            self.reauthRequested.emit(account.key)

    def _on_check_now(self) -> None:
        account = self.account()
        if account is not None:
            self.ctx.watcher.poke(account.key)

    # ------------------------------------------------------------------ render

    def is_stale(self) -> bool:
        """True when the figure shown is not known to be current."""
        return bool(self.property("stale"))

    def render(self) -> None:
        """Redraw from the account's current state."""
        account = self.account()
        if account is None:
            self._render_no_account()
            return
        balance = account.balance
        rate = credit_rate(self.ctx.settings)
        running = self._reading(account.key)
        refreshing = account.refreshing or account.loading_token or running
        error = account.error if account.error is not None else self._local_error
        reauth = account.needs_reauth
        too_old = (
            account.balance_updated is not None
            and self.now() - account.balance_updated
            > timedelta(seconds=2 * self.ctx.settings.refresh_interval_s)
        )
        stale = balance is None or refreshing or error is not None or reauth or too_old

        email = shown(account.email)
        self.account_label.setText(
            self.tr("{email} · {host}").format(email=email, host=shown(account.host))
        )
        if balance is None:
            self.amount_label.setText("—")
            self.credits_label.setText("")
            self.credits_label.setVisible(False)
            self.usd_label.setVisible(False)
        else:
            free = self.tr("Free balance: {free} credits ({free_usd})").format(
                free=format_credits(balance.free_balance), free_usd=rate.usd(balance.free_balance)
            )
            if rate.exact:
                self.amount_label.setText(rate.usd(balance.balance))
                free = self.tr("{credits} credits · {free}").format(
                    credits=format_credits(balance.balance), free=free
                )
            else:  # the credits are the figure OhMyGPT gives; the dollars an estimate
                self.amount_label.setText(rate.credits(balance.balance))
                self.usd_label.setText(rate.usd(balance.balance))
            self.usd_label.setVisible(not rate.exact)
            self.credits_label.setText(free)
            self.credits_label.setVisible(True)
        for label in (self.amount_label, self.usd_label, self.credits_label):
            label.setToolTip(tooltip_text(rate.source))
        self.setProperty("stale", stale)
        # A disabled label is drawn in the greyed-out palette colour.
        for label in (self.amount_label, self.usd_label, self.credits_label):
            label.setEnabled(not stale)
        self.stale_badge.setVisible(balance is not None and stale)
        self._update_age(refreshing)

        self.status_label.setText(
            self.tr("Updating…") if balance is not None else self.tr("Loading the balance…")
        )

        if reauth:
            if account.token_problem:
                text = self.tr(
                    "The saved sign-in for {email} could not be read from the system keyring. "
                    "Sign in again, or restart the app to try the keyring again."
                ).format(email=email)
            else:
                text = self.tr(
                    "The sign-in for {email} has expired or was revoked. Sign in again to see "
                    "the balance and to recharge."
                ).format(email=email)
            self._show_notice("reauth", text)
        elif refreshing:
            self.status_slot.setCurrentWidget(self.busy_row)
        elif error is not None:
            if account.balance_updated is not None:
                text = self.tr(
                    "Could not update the balance (the figure shown is from {when}): {reason}"
                ).format(when=self.age_text(account.balance_updated), reason=describe(error))
            else:
                text = self.tr("Could not update the balance: {reason}").format(
                    reason=describe(error)
                )
            help_line = support_line(self.ctx.settings)
            self._show_notice("error", f"{text}\n{help_line}" if help_line else text)
        else:
            self.status_slot.setCurrentWidget(self.status_idle)

        watching = self.ctx.watcher.watching(account.key)
        self.watch_strip.setVisible(watching)
        self.watch_label.setText(self.tr("Waiting for your payment… (checking the balance)"))

        low = self.ctx.settings.low_balance_usd
        self.low_label.setVisible(bool(account.is_low(low, rate.credits_per_usd)))
        self.low_label.setText(
            self.tr(
                "Your balance is below {threshold}. Recharge to keep your API calls running."
            ).format(threshold=format_usd(low))
        )

        self.refresh_button.setEnabled(not reauth and not refreshing)
        self.recharge_button.setEnabled(True)

    def _render_no_account(self) -> None:
        self.setProperty("stale", True)
        self.account_label.setText("")
        self.amount_label.setText("—")
        self.amount_label.setEnabled(False)
        self.amount_label.setToolTip("")
        self.usd_label.setVisible(False)
        self.credits_label.setVisible(False)
        self.stale_badge.setVisible(False)
        self.updated_label.setText(self.tr("No account is signed in."))
        self.status_slot.setCurrentWidget(self.status_idle)
        self.watch_strip.setVisible(False)
        self.low_label.setVisible(False)
        self.refresh_button.setEnabled(False)
        self.recharge_button.setEnabled(False)

    def _show_notice(self, level: str, text: str) -> None:
        self.notice.setProperty("level", level)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        for child in self.notice.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)
        self.notice_label.setText(text)
        self.retry_button.setVisible(level == "error")
        self.reauth_button.setVisible(level == "reauth")
        self.status_slot.setCurrentWidget(self.notice)

    # ---------------------------------------------------------------- the age

    def _update_age(self, refreshing: bool) -> None:
        account = self.account()
        if account is None:
            return
        updated = account.balance_updated
        if updated is None:
            self.updated_label.setText(
                self.tr("Reading the balance…") if refreshing else self.tr("Not read yet")
            )
            self.updated_label.setToolTip("")
            return
        when = self.age_text(updated)
        if self.is_stale():
            text = self.tr("Not current — last updated {when}").format(when=when)
        else:
            text = self.tr("Updated {when}").format(when=when)
        self.updated_label.setText(text)
        self.updated_label.setToolTip(format_local_datetime(updated))

    def age_text(self, moment: datetime) -> str:
        """ "just now", "2 min ago", "at 14:05" or a date, relative to :attr:`now`."""
        return age_text(moment, self.now())


def age_text(moment: datetime, now: datetime) -> str:
    """How long ago ``moment`` was: "just now", "2 min ago", "at 14:05" or a date."""
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return _tr("BalanceView", "just now")
    if seconds < 3600:
        return _tr("BalanceView", "{minutes} min ago").format(minutes=int(seconds // 60))
    local = to_qdatetime(moment)
    if local.date() == to_qdatetime(now).date():
        return _tr("BalanceView", "at {time}").format(time=format_local_time(moment))
    return _tr("BalanceView", "on {datetime}").format(datetime=format_local_datetime(moment))
