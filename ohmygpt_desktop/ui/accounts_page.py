"""The Accounts page: every signed-in account in a sortable, filterable table.

Keyboard first: typing (in the search field, or anywhere in the table) filters,
Enter switches to the selected account, Ctrl+R recharges it. "Refresh all" /
"Refresh selected" read balances a few at a time
(:class:`~ohmygpt_desktop.core.bulk_refresh.BulkRefresh`) with a progress bar and
a Stop button; each row updates as its reply arrives, a failure shows on its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.core.bulk_refresh import BulkProgress, BulkRefresh
from ohmygpt_desktop.ui.accounts_table import (
    KEY_ROLE,
    AccountsFilter,
    AccountsTableModel,
    column_index,
)
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext

_RECHARGE_KEY = QKeySequence("Ctrl+R")


class AccountsPage(QWidget):
    """The table, its search field, and the bulk refresh controls."""

    switchRequested = Signal(str)
    rechargeRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AccountsPage")
        self.refresh: BulkRefresh | None = None
        self._refresh_op: Op[object] | None = None
        self._build()
        self.retranslate()
        self._update_count()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("AccountsFilter")
        self.filter_field.setClearButtonEnabled(True)
        bar.addWidget(self.filter_field, 1)
        self.refresh_all_button = QPushButton(self)
        self.refresh_all_button.setObjectName("RefreshAllButton")
        self.refresh_selected_button = QPushButton(self)
        self.refresh_selected_button.setObjectName("RefreshSelectedButton")
        self.recharge_button = QPushButton(self)
        self.recharge_button.setObjectName("RechargeSelectedButton")
        for button in (
            self.refresh_all_button,
            self.refresh_selected_button,
            self.recharge_button,
        ):
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = AccountsTableModel(self.ctx, self)
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("AccountsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view lays out ten thousand rows without measuring them.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for section, spec in enumerate(self.model.columns):
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            # Room for the header and its sort arrow, at least the column's own width.
            needed = header.fontMetrics().horizontalAdvance(title) + 28
            header.resizeSection(section, max(spec.chars * char + 12, needed))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(column_index("email"), Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)

        footer = QHBoxLayout()
        self.count_label = PlainLabel(self)
        self.count_label.setObjectName("AccountsCount")
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        self.status_label = PlainLabel(self)
        self.status_label.setObjectName("AccountsRefreshStatus")
        footer.addWidget(self.status_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("AccountsRefreshProgress")
        self.progress.setFixedWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        footer.addWidget(self.progress)
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("StopRefreshButton")
        self.stop_button.setAutoDefault(False)
        self.stop_button.hide()
        footer.addWidget(self.stop_button)
        layout.addLayout(footer)

        self.filter_field.textChanged.connect(self._filter)
        self.filter_field.returnPressed.connect(self.switch_to_selected)
        self.table.doubleClicked.connect(lambda _index: self.switch_to_selected())
        self.refresh_all_button.clicked.connect(self.refresh_all)
        self.refresh_selected_button.clicked.connect(self.refresh_selected)
        self.recharge_button.clicked.connect(self.recharge_selected)
        self.stop_button.clicked.connect(self.stop)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.filter_field.installEventFilter(self)
        self.table.installEventFilter(self)

    # ------------------------------------------------------------ i18n, events

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_field.setPlaceholderText(self.tr("Search by e-mail or host"))
        self.filter_field.setAccessibleName(self.tr("Search accounts"))
        self.table.setAccessibleName(self.tr("Accounts"))
        self.refresh_all_button.setText(self.tr("Refresh all"))
        self.refresh_all_button.setToolTip(self.tr("Read the balance of every account"))
        self.refresh_selected_button.setText(self.tr("Refresh selected"))
        self.refresh_selected_button.setToolTip(self.tr("Read the balances of the selected rows"))
        self.recharge_button.setText(self.tr("Recharge…"))
        self.recharge_button.setToolTip(self.tr("Recharge the selected account (Ctrl+R)"))
        self.progress.setAccessibleName(self.tr("Reading balances"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Send no more balance requests"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._update_count()
        if self.refresh is not None:
            self._show_progress(self.refresh.progress)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+R recharges the selection (before the window's own Ctrl+R); in the
        table, Enter switches and typed text goes to the search field."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(
            event, QKeyEvent
        ):
            return super().eventFilter(watched, event)
        if event.keyCombination().toCombined() == _RECHARGE_KEY[0].toCombined():
            # Taken here, not by the window's action with the same keys.
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.recharge_selected()
            return True
        if kind != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched is self.filter_field and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        if watched is self.table:
            return self._table_key(event) or super().eventFilter(watched, event)
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        """Enter switches; text typed in the table goes to the search field."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.switch_to_selected()
            return True
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        typed = event.text()
        if key == Qt.Key.Key_Backspace:
            self.filter_field.setFocus()
            self.filter_field.backspace()
            return True
        if typed.isprintable() and typed.strip():
            self.filter_field.setFocus()
            self.filter_field.insert(typed)
            return True
        return False

    # ------------------------------------------------------------- selection

    def selected_key(self) -> str | None:
        """The account the actions apply to: the current row, or the only row."""
        index = self.table.currentIndex()
        if not index.isValid() and self.proxy.rowCount() == 1:
            index = self.proxy.index(0, 0)
        if not index.isValid():
            return None
        return index.data(KEY_ROLE)

    def selected_keys(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        keys = [index.data(KEY_ROLE) for index in rows]
        if not keys and (key := self.selected_key()) is not None:
            keys = [key]
        return keys

    def select_key(self, key: str) -> None:
        """Make ``key``'s row the current (and only selected) one, if it is shown."""
        row = self.model.row_of(key)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            first = self.proxy.index(0, 0)
            self.table.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_count()

    def _update_count(self, *_: object) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} accounts").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.refreshing()
        has = self.selected_key() is not None
        self.recharge_button.setEnabled(has)
        self.refresh_selected_button.setEnabled(has and not busy)
        self.refresh_all_button.setEnabled(self.model.rowCount() > 0 and not busy)

    # --------------------------------------------------------------- actions

    def switch_to_selected(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.switchRequested.emit(key)

    def recharge_selected(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.rechargeRequested.emit(key)

    def refresh_all(self) -> None:
        """Read every balance, in the order the table shows the accounts."""
        self._start_refresh(self.model.keys())

    def refresh_selected(self) -> None:
        self._start_refresh(self.selected_keys())

    def _start_refresh(self, keys: list[str]) -> None:
        if self.refreshing():
            return
        page = self

        def progress(state: BulkProgress) -> None:
            if isValid(page):  # replies may still land after the window closed
                page._show_progress(state)

        refresh = self.refresh = BulkRefresh(self.ctx.accounts, keys, on_progress=progress)
        self._refresh_op = Op(refresh.run).on_done(lambda: self._refresh_done(refresh)).start(self)
        self._show_progress(refresh.progress)
        self._update_buttons()

    def stop(self) -> None:
        """Send no more balance requests (those on the wire finish)."""
        if self.refresh is not None:
            self.refresh.stop()

    def cancel(self) -> None:
        """Stop, and stop waiting for the requests on the wire (the window closes)."""
        self.stop()
        if self._refresh_op is not None:
            self._refresh_op.cancel()

    def refreshing(self) -> bool:
        """Whether a bulk refresh started here is running."""
        return self._refresh_op is not None and self._refresh_op.running

    def _refresh_done(self, refresh: BulkRefresh) -> None:
        self._show_progress(refresh.progress)
        self._update_buttons()

    def _show_progress(self, progress: BulkProgress) -> None:
        running = not progress.finished
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running and not progress.stopped)
        self.progress.setRange(0, max(1, progress.total))
        self.progress.setValue(progress.done)
        if running:
            text = self.tr("Reading balances: {done} of {total}").format(
                done=progress.done, total=progress.total
            )
            if progress.stopped:
                text = self.tr("Stopping: {done} of {total} read").format(
                    done=progress.done, total=progress.total
                )
        elif progress.stopped:
            text = self.tr("Stopped: {done} of {total} read").format(
                done=progress.done, total=progress.total
            )
        else:
            text = self.tr("{done} of {total} read").format(
                done=progress.done, total=progress.total
            )
        if progress.failed:
            text = self.tr("{progress}, {failed} failed").format(
                progress=text, failed=progress.failed
            )
        self.status_label.setText(text)
