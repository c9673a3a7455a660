"""The order history as a Qt table model (read-only; newest first)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ohmygpt_desktop.core.orders import OrderRecord, OrderStatus
from ohmygpt_desktop.ui.credit_rate import CreditRate
from ohmygpt_desktop.ui.formatting import (
    NOT_SHOWN,
    format_credits,
    format_local_datetime,
    format_usd,
    shown,
)
from ohmygpt_desktop.ui.plain import tooltip_text
from ohmygpt_desktop.ui.styles import is_dark

Index = QModelIndex | QPersistentModelIndex
#: Reads ``limit`` orders after the first ``offset`` (newest first).
Fetch = Callable[[int, int], list[OrderRecord]]
#: How many orders the table reads at a time.
PAGE = 500


class Column(IntEnum):
    CREATED = 0
    ACCOUNT = 1
    KIND = 2
    AMOUNT = 3
    STATUS = 4
    ORDER_NO = 5
    BALANCE = 6


_COLUMNS = tuple(Column)

#: Status colours (text and the swatch beside it) on a light table, then on a dark one;
#: each reads at AA contrast (4.5:1) on its table.
STATUS_COLORS: dict[OrderStatus, tuple[str, str]] = {
    OrderStatus.CREATING: ("#1967d2", "#8ab4f8"),
    OrderStatus.AWAITING_PAYMENT: ("#a15600", "#fdd663"),
    OrderStatus.PAID: ("#137333", "#81c995"),
    OrderStatus.EXPIRED: ("#5f6368", "#9aa0a6"),
    OrderStatus.UNKNOWN: ("#c5221f", "#f28b82"),
}


def status_color(status: OrderStatus) -> QColor:
    """The colour of ``status`` in the current theme."""
    light, dark = STATUS_COLORS[status]
    return QColor(dark if is_dark() else light)


#: The record behind a row (any column).
RecordRole = Qt.ItemDataRole.UserRole + 1


class HistoryModel(QAbstractTableModel):
    """``rate`` gives the credits-per-dollar rate in effect: the balance column is in
    dollars when it is exact (provisioned), else in credits (dollars in its tooltip)."""

    def __init__(self, rate: Callable[[], CreditRate], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rate = rate
        self._records: list[OrderRecord] = []
        self._fetch: Fetch | None = None

    # ---- content

    def set_source(self, fetch: Fetch) -> None:
        """Show the orders ``fetch(offset, limit)`` pages through: the first page now,
        the next ones as the view scrolls to them (a long history is never read whole)."""
        self.beginResetModel()
        self._records = fetch(0, PAGE)
        self._fetch = fetch if len(self._records) == PAGE else None
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return
        more = self._fetch(len(self._records), PAGE)
        if len(more) < PAGE:
            self._fetch = None
        if more:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._records.extend(more)
            self.endInsertRows()

    def records(self) -> list[OrderRecord]:
        return list(self._records)

    def record(self, row: int) -> OrderRecord | None:
        if 0 <= row < len(self._records):
            return self._records[row]
        return None

    def row_of(self, local_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.local_id == local_id:
                return row
        return None

    def retranslate(self) -> None:
        """The language changed: every text is new."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._records:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._records) - 1, len(Column) - 1)
            )

    # ---- texts

    def status_text(self, status: OrderStatus) -> str:
        return {
            OrderStatus.CREATING: self.tr("Creating…"),
            OrderStatus.AWAITING_PAYMENT: self.tr("Awaiting payment"),
            OrderStatus.PAID: self.tr("Paid"),
            OrderStatus.EXPIRED: self.tr("Expired"),
            OrderStatus.UNKNOWN: self.tr("Unknown — check your OhMyGPT orders"),
        }[status]

    def kind_text(self, kind: str) -> str:
        if kind == "invoice":
            return self.tr("Invoice")
        if kind == "checkout":
            return self.tr("Checkout")
        return shown(kind)

    def balance_text(self, record: OrderRecord, *, in_usd: bool | None = None) -> str:
        """The balance before and after: "$10.00 → $20.00" (``in_usd``; by default at
        an exact rate) or "340,000 → 680,000" (credits), or only the first before the payment;
        "—" for a figure that is missing or cannot be shown (a damaged stored value),
        and for the whole cell when neither can be."""
        rate = self._rate()
        usd = rate.exact if in_usd is None else in_usd
        before, after = (
            NOT_SHOWN if value is None else rate.usd(value) if usd else format_credits(value)
            for value in (record.balance_before, record.balance_after)
        )
        if before == NOT_SHOWN and after == NOT_SHOWN:
            return NOT_SHOWN
        if record.balance_after is None:
            return before  # not paid (yet): no "after", so no arrow pointing at nothing
        return self.tr("{before} → {after}").format(before=before, after=after)

    def balance_tooltip(self, record: OrderRecord) -> str:
        """The balance column in the other unit, and where the rate comes from."""
        rate = self._rate()
        other = self.balance_text(record, in_usd=not rate.exact)
        if rate.exact and other != NOT_SHOWN:
            other = self.tr("{figures} credits").format(figures=other)
        return f"{other}\n{rate.source}"

    def status_tooltip(self, record: OrderRecord) -> str:
        if record.status is OrderStatus.UNKNOWN:
            return self.tr(
                "The app could not tell whether OhMyGPT created this order (the reply was "
                "lost or could not be used, or the app stopped). Check your orders on OhMyGPT "
                "before paying again."
            )
        if record.status is OrderStatus.AWAITING_PAYMENT:
            expires = record.expires_at
            if expires is not None:
                return self.tr(
                    "Not paid yet. The payment link is usually valid until {when} (Stripe "
                    "Checkout links expire 24 hours after they are made unless their maker "
                    "sets another time). The app marks the order paid when the balance rises."
                ).format(when=format_local_datetime(expires))
            return self.tr("Not paid yet. The app marks the order paid when the balance rises.")
        if record.status is OrderStatus.EXPIRED:
            return self.tr("The payment link expired before a payment arrived.")
        if record.status is OrderStatus.PAID:
            return self.tr("The balance rose by this order: paid.")
        return self.tr("The order is being created.")

    # ---- Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            {
                Column.CREATED: self.tr("Created"),
                Column.ACCOUNT: self.tr("Account"),
                Column.KIND: self.tr("Kind"),
                Column.AMOUNT: self.tr("Amount"),
                Column.STATUS: self.tr("Status"),
                Column.ORDER_NO: self.tr("Order number"),
                Column.BALANCE: self.tr("Balance before → after")
                if self._rate().exact
                else self.tr("Credits before → after"),
            }.get(Column(section))
            if 0 <= section < len(Column)
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = _COLUMNS[index.column()]
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if column is Column.STATUS:
            if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole):
                return status_color(record.status)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.status_tooltip(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.ACCOUNT:
                return tooltip_text(
                    self.tr("{email} on {host}").format(
                        email=shown(record.email), host=shown(record.host)
                    )
                )
            if column is Column.ORDER_NO and record.order_no:
                return tooltip_text(shown(record.order_no))
            if column is Column.BALANCE:
                return tooltip_text(self.balance_tooltip(record))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.AMOUNT,
            Column.BALANCE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: OrderRecord, column: Column) -> str:
        if column is Column.CREATED:
            return format_local_datetime(record.created_at)
        if column is Column.ACCOUNT:
            return shown(record.email)
        if column is Column.KIND:
            return self.kind_text(record.kind)
        if column is Column.AMOUNT:
            return format_usd(record.amount)
        if column is Column.STATUS:
            return self.status_text(record.status)
        if column is Column.ORDER_NO:
            return shown(record.order_no) or NOT_SHOWN
        return self.balance_text(record)
