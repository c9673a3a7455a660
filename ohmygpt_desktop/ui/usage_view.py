"""Where the money goes: the "Usage" tab (a larger chart with a 7/30/90-day switch,
spending per day, the forecast, export of the samples) and the balance card's
sparkline strip (the last 30 days and the forecast line).

Both show the current account and follow its balance reads; the samples and the
forecast come from ``ctx.usage`` (core/usage.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.core.usage import UsageHistoryError, daily_spending
from ohmygpt_desktop.ui.credit_rate import credit_rate
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.file_export import ask_export_path, export_off_thread
from ohmygpt_desktop.ui.follow import follow_settings
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.styles import MUTED_TEXT_STYLE, set_themed_style
from ohmygpt_desktop.ui.usage_chart import ChartData, UsageChart, runs_out_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.ui.tasks import Op

#: The periods the Usage tab offers, in days.
PERIODS = (7, 30, 90)
#: The sparkline's period, in days.
SPARKLINE_DAYS = 30


def _value_text(ctx: AppContext) -> Callable[[Decimal], str]:
    rate = credit_rate(ctx.settings)
    return rate.usd if rate.exact else rate.credits


def chart_data(ctx: AppContext, key: str, days: int, *, spending: bool) -> ChartData:
    """The chart of one account over the last ``days`` days (and a little future for
    the forecast line)."""
    now = ctx.usage.clock()
    start = now - timedelta(days=days)
    samples = ctx.usage.samples(key, start)
    forecast = ctx.usage.forecast(key)
    return ChartData(
        start=start,
        end=now + timedelta(days=days / 6),
        samples=samples,
        forecast=forecast,
        spending=daily_spending(samples, days, now) if spending else [],
    )


class UsageStrip(QWidget):
    """The balance card's sparkline and its one-line forecast (hidden without data)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UsageStrip")
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        self.chart = UsageChart(self, compact=True)
        self.label = PlainLabel(self)
        set_themed_style(self.label, MUTED_TEXT_STYLE)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        ctx.accounts.accountUpdated.connect(self._on_account_updated)
        ctx.accounts.currentChanged.connect(self.reload)
        follow_settings(self, ctx.settings, ["credits_per_usd"], self.reload)
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.chart.retranslate()
            self.reload()
        super().changeEvent(event)

    def _on_account_updated(self, key: str) -> None:
        if key == self.ctx.account_store.current:
            self.reload()

    def reload(self, *_: object) -> None:
        account = self.ctx.accounts.current()
        if account is None:
            self.hide()
            return
        data = chart_data(self.ctx, account.key, SPARKLINE_DAYS, spending=False)
        self.chart.value_text = _value_text(self.ctx)
        self.chart.set_data(data)
        self.label.setText(runs_out_text(data.forecast) if data.forecast else "")
        self.setVisible(len(data.samples) >= 2)


class UsageView(QWidget):
    """The Usage tab; see the module's description."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UsageView")
        self.ctx = ctx
        self.days = PERIODS[1]
        #: The last export dialog (tests drive it).
        self.export_dialog: QFileDialog | None = None
        #: The export being written, if any.
        self.export_op: Op[int] | None = None
        #: What is drawn is older than the history (read again when shown).
        self._stale = True
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.period_group = QButtonGroup(self)
        self.period_buttons: dict[int, QPushButton] = {}
        for days in PERIODS:
            button = QPushButton(self)
            button.setObjectName("UsagePeriod")
            button.setCheckable(True)
            button.setChecked(days == self.days)
            self.period_group.addButton(button, days)
            self.period_buttons[days] = button
            row.addWidget(button)
        self.period_group.idClicked.connect(self.set_period)
        self._mark_period()
        row.addStretch(1)
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("UsageCsvButton")
        self.csv_button.clicked.connect(lambda: self.choose_export_file("csv"))
        self.jsonl_button = QPushButton(self)
        self.jsonl_button.setObjectName("UsageJsonlButton")
        self.jsonl_button.clicked.connect(lambda: self.choose_export_file("jsonl"))
        row.addWidget(self.csv_button)
        row.addWidget(self.jsonl_button)
        layout.addLayout(row)
        self.chart = UsageChart(self)
        layout.addWidget(self.chart, 1)
        self.summary = PlainLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        ctx.accounts.accountUpdated.connect(self._on_account_updated)
        ctx.accounts.currentChanged.connect(self.reload)
        follow_settings(self, ctx.settings, ["credits_per_usd"], self.reload)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def retranslate(self) -> None:
        for days, button in self.period_buttons.items():
            button.setText(self.tr("{days} days").format(days=days))
            button.setAccessibleName(self.tr("Show the last {days} days").format(days=days))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("Save this account's balance readings as CSV"))
        self.jsonl_button.setText(self.tr("Export JSON Lines…"))
        self.jsonl_button.setToolTip(self.tr("Save this account's balance readings as JSON Lines"))
        self.chart.retranslate()
        self.reload()

    def set_period(self, days: int) -> None:
        self.days = days
        self.period_buttons[days].setChecked(True)
        self._mark_period()
        self.reload()

    def _mark_period(self) -> None:
        """The period shown is bold as well as checked (some styles barely show
        a checked button, in the dark theme especially)."""
        for days, button in self.period_buttons.items():
            font = button.font()
            font.setBold(days == self.days)
            button.setFont(font)

    def _update_export_buttons(self) -> None:
        exporting = self.export_op is not None
        for button in (self.csv_button, self.jsonl_button):
            button.setEnabled(self.ctx.accounts.current() is not None and not exporting)

    def _on_account_updated(self, key: str) -> None:
        if key == self.ctx.account_store.current:
            self.reload()

    def reload(self, *_: object) -> None:
        """Read and draw the current account's history: now when the tab is shown,
        else when it next is (balance reads arrive every minute or so)."""
        self._update_export_buttons()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        account = self.ctx.accounts.current()
        if account is None:
            self.summary.setText("")
            return
        data = chart_data(self.ctx, account.key, self.days, spending=True)
        value_text = _value_text(self.ctx)
        self.chart.value_text = value_text
        self.chart.set_data(data)
        parts = []
        forecast = data.forecast
        if forecast is not None and forecast.spent_per_day is not None:
            parts.append(
                self.tr("Spent per day (last 7 days, top-ups left out): {amount}").format(
                    amount=value_text(forecast.spent_per_day)
                )
            )
        if forecast is not None and runs_out_text(forecast):
            parts.append(runs_out_text(forecast))
        self.summary.setText("\n".join(parts))

    # ---------------------------------------------------------------- export

    def choose_export_file(self, kind: str) -> None:
        """Ask where to save (non-blocking dialog); the chosen path goes to :meth:`export_to`."""
        if self.ctx.accounts.current() is None:
            return
        self.export_dialog = ask_export_path(
            self,
            title=self.tr("Export balance readings"),
            object_name="UsageExportDialog",
            stem="ohmygpt-balance",
            kinds=(kind,),
            chosen=lambda path: self.export_to(path, kind),
        )

    def export_to(self, path: str, kind: str) -> Op[int] | None:
        """Write the current account's samples off the GUI thread (one export at a
        time); the op's result is the row count, the message bar says how it went."""
        account = self.ctx.accounts.current()
        if not path or account is None or self.export_op is not None:
            return None
        usage, key, target = self.ctx.usage, account.key, Path(path)

        def write() -> int:
            if kind == "csv":
                return usage.export_csv(target, key)
            return usage.export_jsonl(target, key)

        def exported(count: int) -> None:
            self.ctx.messages.success(
                self.tr("Exported {count} balance readings to {path}.").format(
                    count=count, path=shown(path)
                )
            )

        def failed(exc: Exception) -> None:
            self.ctx.messages.error(
                self.tr("Could not export the balance readings: {reason}").format(
                    reason=describe(exc)
                )
            )

        def finished() -> None:
            self.export_op = None
            self._update_export_buttons()

        self.export_op = export_off_thread(
            self,
            write,
            expected=UsageHistoryError,
            succeeded=exported,
            failed=failed,
            finished=finished,
        )
        self._update_export_buttons()
        return self.export_op


__all__ = ["PERIODS", "SPARKLINE_DAYS", "UsageStrip", "UsageView", "chart_data"]
