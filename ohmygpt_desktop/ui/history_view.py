"""The order history: a filterable table, row actions, CSV export.

Live: the order history calls a listener after every change; the listener only
emits a Qt signal (safe from any thread) and the table reloads once per turn
of the event loop however many writes happened.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.core.orders import HistoryEvent, OrderHistoryError, OrderRecord
from ohmygpt_desktop.ui.credit_rate import credit_rate
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.follow import follow_settings
from ohmygpt_desktop.ui.formatting import shown
from ohmygpt_desktop.ui.history_model import Column, HistoryModel
from ohmygpt_desktop.ui.plain import PlainLabel

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext

log = logging.getLogger(__name__)

FILTER_CURRENT = "current"
FILTER_ALL = "all"


class _Bridge(QObject):
    """Carries "the history changed" from any thread to the GUI thread."""

    changed = Signal()


class HistoryView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("HistoryView")
        #: The last export dialog (tests drive it).
        self.export_dialog: QFileDialog | None = None
        self._others_hidden = False
        self._build()

        # Coalesce bursts of writes into one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self._bridge = _Bridge(self)
        self._bridge.changed.connect(self._reload_timer.start)
        bridge = self._bridge
        history = ctx.history

        def listener(_event: HistoryEvent) -> None:
            if isValid(bridge):
                bridge.changed.emit()

        history.add_listener(listener)
        self.destroyed.connect(lambda *_: history.remove_listener(listener))

        ctx.accounts.currentChanged.connect(self._reload_timer.start)
        ctx.accounts.accountsChanged.connect(self._reload_timer.start)

        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.filter_label = PlainLabel(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("HistoryFilter")
        self.filter_combo.addItem("", FILTER_CURRENT)
        self.filter_combo.addItem("", FILTER_ALL)
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter_combo)
        bar.addStretch(1)

        self.copy_link_action = QAction(self)
        self.copy_link_action.triggered.connect(self.copy_link)
        self.open_again_action = QAction(self)
        self.open_again_action.triggered.connect(self.open_again)
        self.copy_order_action = QAction(self)
        self.copy_order_action.triggered.connect(self.copy_order_number)
        self.copy_link_button = self._button("CopyLinkButton", self.copy_link_action)
        self.open_again_button = self._button("OpenAgainButton", self.open_again_action)
        self.copy_order_button = self._button("CopyOrderButton", self.copy_order_action)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("ExportButton")
        self.export_button.clicked.connect(self.choose_export_file)
        for button in (
            self.copy_link_button,
            self.open_again_button,
            self.copy_order_button,
            self.export_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.stack = QStackedWidget(self)
        self.empty_label = PlainLabel(self.stack)
        self.empty_label.setObjectName("HistoryEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # drawn in the muted colour
        self.model = HistoryModel(lambda: credit_rate(self.ctx.settings), self)
        # The balance column's unit and figures follow the rate.
        follow_settings(self, self.ctx.settings, ["credits_per_usd"], self.model.retranslate)
        self.table = QTableView(self.stack)
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Every column as wide as its texts (the table scrolls sideways when narrow);
        # only the account and the order number, whose tooltips hold them whole, give
        # up room.
        header.setSectionResizeMode(Column.ACCOUNT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.ORDER_NO, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setHighlightSections(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(
            [self.copy_link_action, self.open_again_action, self.copy_order_action]
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda *_: self.open_again())
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
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
        self.filter_label.setText(self.tr("&Show:"))
        self.filter_combo.setItemText(0, self.tr("This account"))
        self.filter_combo.setItemText(1, self.tr("All accounts"))
        self.copy_link_action.setText(self.tr("Copy link"))
        self.copy_link_action.setToolTip(self.tr("Copy the payment link of the selected order"))
        self.open_again_action.setText(self.tr("Open again"))
        self.open_again_action.setToolTip(
            self.tr("Open the payment page of the selected order in your browser")
        )
        self.copy_order_action.setText(self.tr("Copy order number"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.table.setAccessibleName(self.tr("Orders"))
        self.export_button.setToolTip(self.tr("Save the orders shown as a spreadsheet file"))
        self.model.retranslate()
        self._update_empty_text()

    # ------------------------------------------------------------------ data

    def filter_mode(self) -> str:
        return str(self.filter_combo.currentData())

    def set_filter(self, mode: str) -> None:
        index = self.filter_combo.findData(mode)
        if index >= 0:
            self.filter_combo.setCurrentIndex(index)

    def _account_filter(self) -> tuple[bool, str | None]:
        """(show anything, account key or None for all)."""
        if self.filter_mode() == FILTER_ALL:
            return True, None
        account = self.ctx.accounts.current()
        if account is None:
            return False, None
        return True, account.key

    def reload(self) -> None:
        """Read the orders again, keeping the selected order selected."""
        selected = self.selected_record()
        show, key = self._account_filter()
        records: list[OrderRecord] = []
        if show:
            try:
                records = self.ctx.history.list(key)
            except OrderHistoryError as exc:
                log.warning("Could not read the order history: %s", exc)
        self._others_hidden = False
        if not records and key is not None:
            with contextlib.suppress(OrderHistoryError):
                self._others_hidden = bool(self.ctx.history.list())
        self.model.set_records(records)
        if selected is not None:
            row = self.model.row_of(selected.local_id)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.stack.setCurrentWidget(self.table if records else self.empty_label)
        self._update_empty_text()
        self._update_actions()

    def _update_empty_text(self) -> None:
        if self._others_hidden:
            text = self.tr(
                "No orders for this account yet. Choose “All accounts” to see the orders of "
                "your other accounts."
            )
        else:
            text = self.tr("No orders yet. Recharges you make appear here.")
        self.empty_label.setText(text)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def selected_record(self) -> OrderRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not rows:
            return None
        return self.model.record(rows[0].row())

    def _update_actions(self) -> None:
        record = self.selected_record()
        has_link = record is not None and record.is_open and bool(record.checkout_url)
        self.copy_link_action.setEnabled(has_link)
        self.open_again_action.setEnabled(has_link)
        self.copy_order_action.setEnabled(record is not None and bool(record.order_no))
        self.export_button.setEnabled(self.model.rowCount() > 0)
        for button, action in (
            (self.copy_link_button, self.copy_link_action),
            (self.open_again_button, self.open_again_action),
            (self.copy_order_button, self.copy_order_action),
        ):
            self._sync_button(button, action)

    # --------------------------------------------------------------- actions

    def copy_link(self) -> None:
        record = self.selected_record()
        if record is None or not record.is_open or not record.checkout_url:
            return
        QGuiApplication.clipboard().setText(record.checkout_url)
        self.ctx.messages.info(self.tr("Payment link copied."))

    def open_again(self) -> None:
        record = self.selected_record()
        if record is None or not record.is_open or not record.checkout_url:
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
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name = "ohmygpt-orders-{}.csv".format(datetime.now().strftime("%Y-%m-%d"))
        dialog = QFileDialog(self, self.tr("Export orders"), str(Path(folder) / name))
        dialog.setObjectName("ExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> int | None:
        """Write the orders shown (this account or all) as CSV; returns the row count."""
        if not path:
            return None
        _show, key = self._account_filter()
        try:
            count = self.ctx.history.export_csv(Path(path), key)
        except OrderHistoryError as exc:
            self.ctx.messages.error(
                self.tr("Could not export the orders: {reason}").format(reason=describe(exc))
            )
            return None
        self.ctx.messages.success(
            self.tr("Exported {count} orders to {path}.").format(count=count, path=shown(path))
        )
        return count
