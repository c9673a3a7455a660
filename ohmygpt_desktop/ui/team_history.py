"""The team ledger in the window: the history's "Team" scope and a quiet status line.

The ledger (``core/ledger.py``) reads the team's orders again whenever the database
NOTIFYs a change and tells its listeners; the model here only renders that list,
so there is no polling. Everything runs on the GUI thread's event loop (qasync).
Server- and user-supplied text (names, e-mails, references) is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.core.ledger import DISCARDED, OPEN_STATUSES, LedgerStatus, TeamOrder
from ohmygpt_desktop.core.orders import OrderStatus
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import NOT_SHOWN, format_local_datetime, format_usd, shown
from ohmygpt_desktop.ui.history_model import status_color
from ohmygpt_desktop.ui.plain import PlainLabel, tooltip_text
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.ledger import Ledger

Index = QModelIndex | QPersistentModelIndex

SCOPE_LOCAL = "local"
SCOPE_TEAM = "team"


class TeamColumn(IntEnum):
    CREATED = 0
    OPERATOR = 1
    REFERENCE = 2
    ACCOUNT = 3
    AMOUNT = 4
    STATUS = 5


def operator_text(order: TeamOrder) -> str:
    """Who made the order and on which computer: "Ann (desk-2)"."""
    if order.operator:
        return QCoreApplication.translate("TeamHistoryModel", "{operator} ({desk})").format(
            operator=shown(order.operator), desk=shown(order.desk)
        )
    return shown(order.desk)


class TeamHistoryModel(QAbstractTableModel):
    """Every desk's orders, newest first (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._orders: list[TeamOrder] = []

    def set_orders(self, orders: Sequence[TeamOrder]) -> None:
        self.beginResetModel()
        self._orders = list(orders)
        self.endResetModel()

    def orders(self) -> list[TeamOrder]:
        return list(self._orders)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TeamColumn) - 1)
        if self._orders:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._orders) - 1, len(TeamColumn) - 1)
            )

    def status_text(self, status: str) -> str:
        return {
            OrderStatus.CREATING.value: self.tr("Creating…"),
            OrderStatus.AWAITING_PAYMENT.value: self.tr("Awaiting payment"),
            OrderStatus.PAID.value: self.tr("Paid"),
            OrderStatus.EXPIRED.value: self.tr("Expired"),
            OrderStatus.UNKNOWN.value: self.tr("Unknown"),
            DISCARDED: self.tr("Not created"),
        }.get(status, shown(status))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TeamColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(TeamColumn):
            return None
        return {
            TeamColumn.CREATED: self.tr("Created"),
            TeamColumn.OPERATOR: self.tr("Operator"),
            TeamColumn.REFERENCE: self.tr("Reference"),
            TeamColumn.ACCOUNT: self.tr("Account"),
            TeamColumn.AMOUNT: self.tr("Amount"),
            TeamColumn.STATUS: self.tr("Status"),
        }[TeamColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._orders):
            return None
        order = self._orders[index.row()]
        column = TeamColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is TeamColumn.ACCOUNT:
            return tooltip_text(
                self.tr("{email} on {host}").format(
                    email=shown(order.email), host=shown(order.host)
                )
            )
        if column is TeamColumn.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            try:
                return status_color(OrderStatus(order.status))
            except ValueError:
                return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is TeamColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, order: TeamOrder, column: TeamColumn) -> str:
        if column is TeamColumn.CREATED:
            return format_local_datetime(order.created_at)
        if column is TeamColumn.OPERATOR:
            return operator_text(order)
        if column is TeamColumn.REFERENCE:
            return shown(order.reference) or NOT_SHOWN
        if column is TeamColumn.ACCOUNT:
            return shown(order.email)
        if column is TeamColumn.AMOUNT:
            return format_usd(order.amount)
        return self.status_text(order.status)


def team_order_matches(order: TeamOrder, words: Sequence[str]) -> bool:
    """Every word (case-folded) is in one of the order's texts: who made it (operator,
    desk), its reference, account (e-mail, host) or order number."""
    haystack = " ".join(
        text.casefold()
        for text in (
            order.operator,
            order.desk,
            order.reference,
            order.email,
            order.host,
            order.order_no,
        )
        if text
    )
    return all(word in haystack for word in words)


class TeamHistoryView(QWidget):
    """The team's orders, live: the ledger calls back after each NOTIFY.

    A search and "Open orders only" narrow the list; a live update keeps the selected
    order selected (and the filters as they are)."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TeamHistoryView")
        self.ledger = ledger
        self._orders: list[TeamOrder] = []
        self.model = TeamHistoryModel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("TeamSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.open_only = QCheckBox(self)
        self.open_only.setObjectName("TeamOpenOnly")
        self.count_label = PlainLabel(self)
        self.count_label.setObjectName("TeamCount")
        self.table = QTableView(self)
        self.table.setObjectName("TeamHistoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = PlainLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_label)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 0)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.open_only)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages)
        self.search_edit.textChanged.connect(lambda _text: self._show())
        self.open_only.toggled.connect(lambda _on: self._show())
        ledger.add_team_listener(self._on_team)
        self.destroyed.connect(lambda *_: ledger.remove_team_listener(self._on_team))
        self.retranslate()
        self._on_team(ledger.team_orders())

    def _on_team(self, orders: Sequence[TeamOrder]) -> None:
        self._orders = list(orders)
        self._show()

    def shown_orders(self) -> list[TeamOrder]:
        """The orders the search and "Open orders only" let through, newest first."""
        words = self.search_edit.text().casefold().split()
        open_only = self.open_only.isChecked()
        return [
            order
            for order in self._orders
            if (not open_only or order.status in OPEN_STATUSES) and team_order_matches(order, words)
        ]

    def selected_order(self) -> TeamOrder | None:
        rows = self.table.selectionModel().selectedRows()
        orders = self.model.orders()
        return orders[rows[0].row()] if rows and rows[0].row() < len(orders) else None

    def _show(self) -> None:
        selected = self.selected_order()
        shown_orders = self.shown_orders()
        self.model.set_orders(shown_orders)
        if selected is not None:
            ids = [(o.instance_id, o.local_id) for o in shown_orders]
            wanted = (selected.instance_id, selected.local_id)
            if wanted in ids:
                self.table.selectRow(ids.index(wanted))
        self.pages.setCurrentWidget(self.table if shown_orders else self.empty_label)
        self._retranslate_counts()

    def focus_search(self) -> None:
        """Ctrl+F: the search field, its text selected to be typed over."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(
            self.tr("Search by operator, reference, e-mail or order number (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(self.tr("Search team orders"))
        self.open_only.setText(self.tr("Open orders only"))
        self.open_only.setToolTip(self.tr("Only orders that are not yet paid"))
        self.table.setAccessibleName(self.tr("Team orders"))
        self.model.retranslate()
        self._retranslate_counts()

    def _retranslate_counts(self) -> None:
        shown_count, total = self.model.rowCount(), len(self._orders)
        filtered = bool(self.search_edit.text().strip()) or self.open_only.isChecked()
        if not total:
            self.empty_label.setText(self.tr("No orders in the team ledger yet."))
        elif not shown_count:
            self.empty_label.setText(self.tr("No team orders match the search."))
        self.count_label.setText(
            self.tr("Showing {shown} of {total}").format(shown=shown_count, total=total)
            if filtered
            else ""
        )


class HistoryScopes(QWidget):
    """The order history with a scope selector: "This computer" or "Team"."""

    def __init__(self, local: QWidget, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryScopes")
        self.local_view = local
        self.scope_label = PlainLabel(self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("HistoryScope")
        self.scope_combo.addItem("", SCOPE_LOCAL)
        self.scope_combo.addItem("", SCOPE_TEAM)
        self.scope_label.setBuddy(self.scope_combo)
        self.team_view = TeamHistoryView(ledger, self)
        self.stack = QStackedWidget(self)
        local.setParent(self.stack)
        self.stack.addWidget(local)
        self.stack.addWidget(self.team_view)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 0)
        bar.addWidget(self.scope_label)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.scope_combo.currentIndexChanged.connect(
            lambda index: self.stack.setCurrentIndex(max(index, 0))
        )
        self.retranslate()

    def set_scope(self, scope: str) -> None:
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(scope))

    def scope(self) -> str:
        return str(self.scope_combo.currentData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.scope_label.setText(self.tr("&Show:"))
        self.scope_combo.setItemText(0, self.tr("This computer"))
        self.scope_combo.setItemText(1, self.tr("Team"))


class TeamOpenOrders(QObject):
    """Other desks' open orders of one account from the last 30 minutes, for the
    double top-up guard: read again (in the background) whenever the ledger changes.
    Without a ledger it stays empty."""

    changed = Signal()

    def __init__(
        self, ctx: AppContext, account: Callable[[], Account | None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.orders: list[TeamOrder] = []
        self._ledger = ctx.ledger
        self._account = account
        self._op: Op[list[TeamOrder]] | None = None
        ledger = self._ledger
        if ledger is None:
            return
        ledger.add_team_listener(self._on_team)
        self.destroyed.connect(lambda *_: ledger.remove_team_listener(self._on_team))
        self.refresh()

    def _on_team(self, _orders: Sequence[TeamOrder]) -> None:
        if isValid(self):
            self.refresh()

    def refresh(self) -> None:
        account = self._account()
        if self._ledger is None or account is None:
            return
        if self._op is not None:
            self._op.cancel()
        self._op = (
            Op(self._ledger.other_desks_open_orders, account.email, account.host)
            .on_success(self._set)
            .start(self)
        )

    def _set(self, orders: list[TeamOrder]) -> None:
        if orders != self.orders:
            self.orders = orders
            self.changed.emit()


class LedgerStatusLine(PlainLabel):
    """Says nothing while the ledger is fine; "Team ledger offline — 3 changes
    waiting" while it cannot be reached."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LedgerStatusLine")
        self.setWordWrap(True)
        self.setContentsMargins(16, 6, 16, 0)  # lined up with the page under the header
        self.ledger = ledger
        ledger.add_status_listener(self._on_status)
        self.destroyed.connect(lambda *_: ledger.remove_status_listener(self._on_status))
        self._on_status(ledger.status)

    def _on_status(self, status: LedgerStatus) -> None:
        self._status = status
        self.setVisible(status.offline)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        status = self._status
        if not status.offline:
            self.setText("")
            self.setToolTip("")
            return
        if status.queued == 1:
            self.setText(self.tr("Team ledger offline — 1 change waiting"))
        elif status.queued:
            self.setText(
                self.tr("Team ledger offline — {count} changes waiting").format(count=status.queued)
            )
        else:
            self.setText(self.tr("Team ledger offline"))
        problem = status.problem
        self.setToolTip(tooltip_text(describe(problem)) if problem is not None else "")


def with_team_scope(ctx: AppContext, local: QWidget, parent: QWidget) -> QWidget:
    """``local`` (the order history) as it is without a ledger; with one, inside
    :class:`HistoryScopes`."""
    if ctx.ledger is None:
        return local
    return HistoryScopes(local, ctx.ledger, parent)


def focus_team_search(page: QWidget) -> bool:
    """Ctrl+F on the Orders tab's ``page`` (see :func:`with_team_scope`): when it shows
    the team's orders, their search field takes the focus (true); otherwise false (the
    caller focuses this computer's search)."""
    if isinstance(page, HistoryScopes) and page.scope() == SCOPE_TEAM:
        page.team_view.focus_search()
        return True
    return False
