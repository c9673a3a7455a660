"""The order history: filters, search, a details pane, row actions, CSV/JSONL export.

Filtering happens in SQLite (:class:`~ohmygpt_desktop.core.orders.OrderFilter`), so
the table only ever holds the orders that match: it stays quick with tens of
thousands of orders.

Live: the order history calls a listener after every change; the listener only
emits a Qt signal (safe from any thread) and the table reloads once per turn
of the event loop however many writes happened.

An empty history is one line of text: the filters, the details and the buttons
appear with the first order.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.core.orders import (
    HistoryEvent,
    OrderFilter,
    OrderHistoryError,
    OrderRecord,
    OrderStatus,
)
from ohmygpt_desktop.ui.credit_rate import credit_rate
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.file_export import ask_export_path, export_off_thread
from ohmygpt_desktop.ui.follow import follow_history, follow_settings
from ohmygpt_desktop.ui.formatting import (
    NOT_SHOWN,
    format_credits,
    format_local_datetime,
    format_usd,
    shown,
)
from ohmygpt_desktop.ui.history_model import Column, HistoryModel
from ohmygpt_desktop.ui.plain import PlainLabel

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.ui.tasks import Op

log = logging.getLogger(__name__)

FILTER_CURRENT = "current"
FILTER_ALL = "all"
#: Account filter entries for one account carry ``ACCOUNT_PREFIX + key``.
ACCOUNT_PREFIX = "account:"
#: The date edits show "any" at this (never reached) date: no bound.
_NO_DATE = QDate(2000, 1, 1)
_STATUSES = (
    OrderStatus.AWAITING_PAYMENT,
    OrderStatus.PAID,
    OrderStatus.EXPIRED,
    OrderStatus.UNKNOWN,
    OrderStatus.CREATING,
)


def _local_midnight(day: QDate) -> datetime:
    """The start of ``day`` in this computer's time zone, as an aware datetime."""
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()


#: The most room the account and order-number columns take (their tooltips hold the
#: whole text), in pixels.
_ACCOUNT_WIDTH = 220
_ORDER_NO_WIDTH = 150


class HistoryView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("HistoryView")
        #: The last export dialog (tests drive it).
        self.export_dialog: QFileDialog | None = None
        #: The export being written, if any (one at a time; the file is written off
        #: the GUI thread).
        self.export_op: Op[int] | None = None
        self._others_hidden = False
        self._history_empty = True
        #: The accounts and operators offered by the filters must be read again.
        self._choices_stale = True
        self._build()

        # Coalesce bursts of writes into one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        follow_history(self, ctx.history, self._history_changed)

        ctx.accounts.currentChanged.connect(self._reload_timer.start)
        ctx.accounts.accountsChanged.connect(self._reload_timer.start)

        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("HistoryTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.filters = QWidget(self)
        self.filters.setObjectName("HistoryFilters")
        self._build_filters(self.filters)
        layout.addWidget(self.filters)

        self.copy_link_action = QAction(self)
        self.copy_link_action.triggered.connect(self.copy_link)
        self.open_again_action = QAction(self)
        self.open_again_action.triggered.connect(self.open_again)
        self.copy_order_action = QAction(self)
        self.copy_order_action.triggered.connect(self.copy_order_number)

        self.stack = QStackedWidget(self)
        self.empty_label = PlainLabel(self.stack)
        self.empty_label.setObjectName("HistoryEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # drawn in the muted colour
        self.model = HistoryModel(lambda: credit_rate(self.ctx.settings), self)
        # The balance column's unit and figures follow the rate.
        follow_settings(self, self.ctx.settings, ["credits_per_usd"], self._on_rate_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("HistoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Sized to the contents after each reload (not at every repaint), from the
        # first rows: a long history is never measured whole. The table scrolls
        # sideways when narrow; the account and the order number, whose tooltips hold
        # them whole, are kept narrow (elided in the middle) so the amount and the
        # status stay in view.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(40)
        header.setMinimumSectionSize(60)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(
            [self.copy_link_action, self.open_again_action, self.copy_order_action]
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.splitter.addWidget(self.table)
        self.details = self._build_details(self.splitter)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.splitter)
        layout.addWidget(self.stack, 1)

    def _build_filters(self, box: QWidget) -> None:
        """Account (the scope), status, operator, dates, search; export."""
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        #: The scope selector: this account, all accounts or one of them.
        self.filter_label = PlainLabel(box)
        self.filter_combo = QComboBox(box)
        self.filter_combo.setObjectName("HistoryFilter")
        self.filter_combo.addItem("", FILTER_CURRENT)
        self.filter_combo.addItem("", FILTER_ALL)
        self.filter_label.setBuddy(self.filter_combo)
        self.status_label = PlainLabel(box)
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("StatusFilter")
        self.status_combo.addItem("", None)
        for status in _STATUSES:
            self.status_combo.addItem("", status.value)
        self.status_label.setBuddy(self.status_combo)
        self.operator_label = PlainLabel(box)
        self.operator_combo = QComboBox(box)
        self.operator_combo.setObjectName("OperatorFilter")
        self.operator_combo.addItem("", None)
        self.operator_label.setBuddy(self.operator_combo)
        self.from_label = PlainLabel(box)
        self.from_edit = self._date_edit(box, "DateFrom")
        self.from_label.setBuddy(self.from_edit)
        self.to_label = PlainLabel(box)
        self.to_edit = self._date_edit(box, "DateTo")
        self.to_label.setBuddy(self.to_edit)
        for widget in (
            self.filter_label,
            self.filter_combo,
            self.status_label,
            self.status_combo,
            self.operator_label,
            self.operator_combo,
            self.from_label,
            self.from_edit,
            self.to_label,
            self.to_edit,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        rows.addLayout(bar)

        search_row = QHBoxLayout()
        self.search_edit = QLineEdit(box)
        self.search_edit.setObjectName("HistorySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(box)
        self.export_button.setObjectName("ExportButton")
        self.export_button.clicked.connect(self.choose_export_file)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.export_button)
        rows.addLayout(search_row)

        for combo in (self.filter_combo, self.status_combo, self.operator_combo):
            # The styled delegate draws e-mails and names as the plain text they are.
            combo.setItemDelegate(QStyledItemDelegate(combo))
            # Long entries (an e-mail, "Unknown — check…") do not widen the bar.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.search_edit.textChanged.connect(lambda _t: self.reload())

    @staticmethod
    def _date_edit(parent: QWidget, name: str) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        edit.setDate(_NO_DATE)
        return edit

    def _build_details(self, parent: QWidget) -> QWidget:
        pane = QFrame(parent)
        pane.setObjectName("OrderDetails")
        pane.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(pane)
        self.details_hint = PlainLabel(pane)
        self.details_hint.setWordWrap(True)
        self.details_hint.setEnabled(False)
        layout.addWidget(self.details_hint)
        self.details_form = QFormLayout()
        self.details_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._detail_rows: dict[str, tuple[PlainLabel, PlainLabel]] = {}
        for key in (
            "order_no",
            "status",
            "account",
            "kind",
            "amount",
            "created",
            "expires",
            "updated",
            "balance_before",
            "balance_after",
            "operator",
            "reference",
            "note",
            "local_id",
        ):
            caption, value = PlainLabel(pane), PlainLabel(pane)
            value.setObjectName(f"Detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(caption, value)
            self._detail_rows[key] = (caption, value)
        layout.addLayout(self.details_form)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.open_again_button = self._button("OpenAgainButton", self.open_again_action, pane)
        self.copy_link_button = self._button("CopyLinkButton", self.copy_link_action, pane)
        self.copy_order_button = self._button("CopyOrderButton", self.copy_order_action, pane)
        for button in (self.open_again_button, self.copy_link_button, self.copy_order_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return pane

    def _button(self, name: str, action: QAction, parent: QWidget) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: self._sync_button(button, action))
        return button

    @staticmethod
    def _sync_button(button: QPushButton, action: QAction) -> None:
        if isValid(button):
            button.setText(action.text())
            button.setEnabled(action.isEnabled())

    # ------------------------------------------------------------ i18n, events

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Orders"))
        self.filter_label.setText(self.tr("&Show:"))
        self.filter_combo.setItemText(0, self.tr("This account"))
        self.filter_combo.setItemText(1, self.tr("All accounts"))
        self.status_label.setText(self.tr("St&atus:"))
        self.status_combo.setItemText(0, self.tr("Any"))
        for index, status in enumerate(_STATUSES, start=1):
            self.status_combo.setItemText(index, self.model.status_text(status))
        self.operator_label.setText(self.tr("&Operator:"))
        self.operator_combo.setItemText(0, self.tr("Anyone"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        for edit in (self.from_edit, self.to_edit):
            edit.setSpecialValueText(self.tr("Any day"))
        self.search_edit.setPlaceholderText(
            self.tr("Search by order number, reference or e-mail (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(self.tr("Search orders"))
        self.copy_link_action.setText(self.tr("Copy link"))
        self.copy_link_action.setToolTip(self.tr("Copy the payment link of the selected order"))
        self.open_again_action.setText(self.tr("Open payment page"))
        self.open_again_action.setToolTip(
            self.tr("Open the payment page of the selected order in your browser")
        )
        self.copy_order_action.setText(self.tr("Copy order number"))
        self.export_button.setText(self.tr("Export…"))
        self.table.setAccessibleName(self.tr("Orders"))
        self.export_button.setToolTip(
            self.tr("Save the orders shown as a spreadsheet (CSV) or for scripts (JSON Lines)")
        )
        captions = {
            "order_no": self.tr("Order number:"),
            "status": self.tr("Status:"),
            "account": self.tr("Account:"),
            "kind": self.tr("Kind:"),
            "amount": self.tr("Amount:"),
            "created": self.tr("Created:"),
            "expires": self.tr("Link valid until:"),
            "updated": self.tr("Last change:"),
            "balance_before": self.tr("Balance before:"),
            "balance_after": self.tr("Balance after:"),
            "operator": self.tr("Operator:"),
            "reference": self.tr("Reference:"),
            "note": self.tr("Note:"),
            "local_id": self.tr("Local ID:"),
        }
        for key, (caption, _value) in self._detail_rows.items():
            caption.setText(captions[key])
        self.details_hint.setText(self.tr("Select an order to see all of its details."))
        self.model.retranslate()
        self._update_empty_text()
        self._fill_details()

    def _on_rate_changed(self) -> None:
        self.model.retranslate()
        self._fill_details()

    # ------------------------------------------------------------------ data

    def filter_mode(self) -> str:
        return str(self.filter_combo.currentData())

    def set_filter(self, mode: str) -> None:
        """Show this account's orders (:data:`FILTER_CURRENT`), all (:data:`FILTER_ALL`)
        or one account's (``ACCOUNT_PREFIX + key``)."""
        index = self.filter_combo.findData(mode)
        if index >= 0:
            self.filter_combo.setCurrentIndex(index)

    def focus_search(self) -> None:
        """Ctrl+F: the search field, its text selected to be typed over."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _account_filter(self) -> tuple[bool, str | None]:
        """(show anything, account key or None for all)."""
        mode = self.filter_mode()
        if mode == FILTER_ALL:
            return True, None
        if mode.startswith(ACCOUNT_PREFIX):
            return True, mode.removeprefix(ACCOUNT_PREFIX)
        account = self.ctx.accounts.current()
        if account is None:
            return False, None
        return True, account.key

    def current_filter(self) -> OrderFilter | None:
        """What the filters select (``None``: nothing, as no account is signed in)."""
        show, key = self._account_filter()
        if not show:
            return None
        status = self.status_combo.currentData()
        created_from = created_before = None
        if self.from_edit.date() != _NO_DATE:
            created_from = _local_midnight(self.from_edit.date())
        if self.to_edit.date() != _NO_DATE:
            created_before = _local_midnight(self.to_edit.date().addDays(1))
        operator = self.operator_combo.currentData()
        return OrderFilter(
            statuses=frozenset({OrderStatus(status)}) if status else frozenset(),
            account_key=key,
            created_from=created_from,
            created_before=created_before,
            operator=operator if isinstance(operator, str) else None,
            text=self.search_edit.text(),
        )

    def _filtered(self) -> bool:
        """Does anything besides the account narrow the list?"""
        return bool(
            self.status_combo.currentIndex() > 0
            or self.operator_combo.currentIndex() > 0
            or self.from_edit.date() != _NO_DATE
            or self.to_edit.date() != _NO_DATE
            or self.search_edit.text().strip()
        )

    def _history_changed(self, _event: HistoryEvent) -> None:
        self._choices_stale = True
        self._reload_timer.start()

    def _refresh_choices(self) -> None:
        """The accounts and operators the history knows, keeping what is chosen
        (read again only after the history changed)."""
        if not self._choices_stale:
            return
        self._choices_stale = False
        history = self.ctx.history
        accounts = history.accounts()
        operators = history.operators()
        self._history_empty = not accounts
        self._set_items(
            self.filter_combo,
            2,
            [(shown(email), ACCOUNT_PREFIX + key) for key, email in accounts],
        )
        self._set_items(self.operator_combo, 1, [(shown(name), name) for name in operators])

    @staticmethod
    def _set_items(combo: QComboBox, keep: int, items: list[tuple[str, str]]) -> None:
        """Replace the entries after the first ``keep``; the chosen one stays if it can."""
        current = [(combo.itemText(i), combo.itemData(i)) for i in range(keep, combo.count())]
        if current == items:
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > keep:
                combo.removeItem(keep)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else 0)
        finally:
            combo.blockSignals(False)

    def reload(self) -> None:
        """Read the orders again, keeping the selected order selected."""
        selected = self.selected_record()
        self._others_hidden = False
        history = self.ctx.history
        where = None
        try:
            self._refresh_choices()
            where = self.current_filter()
        except OrderHistoryError as exc:
            log.warning("Could not read the order history: %s", exc)

        def fetch(offset: int, limit: int) -> list[OrderRecord]:
            if where is None:
                return []
            try:
                return history.find(where, limit=limit, offset=offset)
            except OrderHistoryError as exc:
                log.warning("Could not read the order history: %s", exc)
                return []

        self.model.set_source(fetch)
        records = self.model.rowCount() > 0
        self._others_hidden = (
            not records
            and where is not None
            and where.account_key is not None
            and not self._filtered()
            and not self._history_empty
        )
        if selected is not None:
            row = self.model.row_of(selected.local_id)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._fit_columns()
        self.filters.setVisible(not self._history_empty)
        self.stack.setCurrentWidget(self.splitter if records else self.empty_label)
        self._update_empty_text()
        self._update_actions()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column, widest in (
            (Column.ACCOUNT, _ACCOUNT_WIDTH),
            (Column.ORDER_NO, _ORDER_NO_WIDTH),
        ):
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def _update_empty_text(self) -> None:
        if self._history_empty:
            text = self.tr("No orders yet. Recharges you make appear here.")
        elif self._others_hidden:
            text = self.tr(
                "No orders for this account yet. Choose “All accounts” to see the orders of "
                "your other accounts."
            )
        else:
            text = self.tr("No orders match. Change the filters or clear the search.")
        self.empty_label.setText(text)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def selected_record(self) -> OrderRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not rows:
            return None
        return self.model.record(rows[0].row())

    @staticmethod
    def payable(record: OrderRecord | None) -> bool:
        """Can its payment page still be used: unpaid, with a link that has not run out?"""
        return (
            record is not None and bool(record.checkout_url) and record.open_at(datetime.now(UTC))
        )

    def _update_actions(self) -> None:
        record = self.selected_record()
        payable = self.payable(record)
        self.copy_link_action.setEnabled(payable)
        self.open_again_action.setEnabled(payable)
        self.copy_order_action.setEnabled(record is not None and bool(record.order_no))
        exporting = self.export_op is not None
        self.export_button.setEnabled(self.model.rowCount() > 0 and not exporting)
        for button, action in (
            (self.copy_link_button, self.copy_link_action),
            (self.open_again_button, self.open_again_action),
            (self.copy_order_button, self.copy_order_action),
        ):
            self._sync_button(button, action)
        self._fill_details()

    # --------------------------------------------------------------- details

    def _fill_details(self) -> None:
        record = self.selected_record()
        self.details_hint.setVisible(record is None)
        for button in (self.open_again_button, self.copy_link_button, self.copy_order_button):
            button.setVisible(record is not None)
        values = self._detail_values(record) if record is not None else {}
        for key, (caption, value) in self._detail_rows.items():
            text = values.get(key, "")
            value.setText(text)
            caption.setVisible(bool(text))
            value.setVisible(bool(text))

    def _detail_values(self, record: OrderRecord) -> dict[str, str]:
        rate = credit_rate(self.ctx.settings)

        def balance(value: Decimal | None) -> str:
            if value is None:
                return ""
            return self.tr("{credits} credits ({usd})").format(
                credits=format_credits(value), usd=rate.usd(value)
            )

        expires = record.expires_at
        return {
            "order_no": shown(record.order_no) or NOT_SHOWN,
            "status": self.model.status_text(record.status),
            "account": self.tr("{email} on {host}").format(
                email=shown(record.email), host=shown(record.host)
            ),
            "kind": self.model.kind_text(record.kind),
            "amount": format_usd(record.amount),
            "created": format_local_datetime(record.created_at),
            "expires": format_local_datetime(expires) if expires is not None else "",
            "updated": format_local_datetime(record.updated_at),
            "balance_before": balance(record.balance_before),
            "balance_after": balance(record.balance_after),
            "operator": shown(record.operator),
            "reference": shown(record.reference),
            "note": shown(record.note),
            "local_id": str(record.local_id),
        }

    def details_text(self) -> str:
        """The details pane as text, one "Caption: value" line per field shown."""
        return "\n".join(
            f"{caption.text()} {value.text()}"
            for caption, value in self._detail_rows.values()
            if value.text()
        )

    # --------------------------------------------------------------- actions

    def copy_link(self) -> None:
        record = self.selected_record()
        if record is None or not record.checkout_url or not self.payable(record):
            return
        QGuiApplication.clipboard().setText(record.checkout_url)
        self.ctx.messages.info(self.tr("Payment link copied."))

    def open_again(self) -> None:
        record = self.selected_record()
        if record is None or not record.checkout_url or not self.payable(record):
            return
        try:
            opened = bool(self.ctx.open_url(record.checkout_url))
        except Exception as exc:  # no traceback: its text could carry the link
            log.warning("Could not open the payment page in a browser (%s)", type(exc).__name__)
            opened = False
        if not opened:
            self.ctx.messages.warning(
                self.tr(
                    "The app could not open your browser. Use “Copy link” and paste the link "
                    "into a browser."
                )
            )
            return
        if self.ctx.accounts.get(record.account_key) is not None:
            self.ctx.watcher.watch(record.account_key)

    def copy_order_number(self) -> None:
        record = self.selected_record()
        if record is None or not record.order_no:
            return
        QGuiApplication.clipboard().setText(record.order_no)
        self.ctx.messages.info(
            self.tr("Order number {order_no} copied.").format(order_no=shown(record.order_no))
        )

    def choose_export_file(self) -> None:
        """Ask where to save (non-blocking dialog); the chosen path goes to :meth:`export_to`."""
        self.export_dialog = ask_export_path(
            self,
            title=self.tr("Export orders"),
            object_name="ExportDialog",
            stem="ohmygpt-orders",
            kinds=("csv", "jsonl"),
            chosen=self.export_to,
        )

    def export_to(self, path: str) -> Op[int] | None:
        """Write the orders the filters select: JSON Lines for a ``.jsonl`` file, CSV
        otherwise, off the GUI thread (one export at a time). The op's result is the
        row count; the message bar says how it went."""
        if not path or self.export_op is not None:
            return None
        # No account signed in ("this account" is none): every order, as before filters.
        where = self.current_filter() or OrderFilter()
        target = Path(path)
        history = self.ctx.history
        as_jsonl = target.suffix.lower() == ".jsonl"

        def write() -> int:
            if as_jsonl:
                return history.export_jsonl(target, where)
            return history.export_csv(target, where)

        def exported(count: int) -> None:
            self.ctx.messages.success(
                self.tr("Exported {count} orders to {path}.").format(count=count, path=shown(path))
            )

        def failed(exc: Exception) -> None:
            self.ctx.messages.error(
                self.tr("Could not export the orders: {reason}").format(reason=describe(exc))
            )

        def finished() -> None:
            self.export_op = None
            self._update_actions()

        self.export_op = export_off_thread(
            self,
            write,
            expected=OrderHistoryError,
            succeeded=exported,
            failed=failed,
            finished=finished,
        )
        self._update_actions()
        return self.export_op
