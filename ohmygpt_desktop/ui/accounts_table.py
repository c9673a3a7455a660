"""Every signed-in account as a table row: the model, its columns, its filter.

The columns are declared once, as data (:data:`COLUMNS`): header, cell text, sort
key, alignment, tooltip. Adding a column is adding one :class:`ColumnSpec`.

Built for support staff with thousands of accounts:

- one account's change (a balance read, a failure) redraws that row only;
- sorting happens in the model (Python's sort over the column's keys), not in the
  proxy's per-comparison callbacks; a row does not jump while a refresh runs, the
  table is sorted again when the person asks (a header click);
- a sort key of ``None`` (never read, no top-up) sorts last in either order;
- the proxy only filters, on one text per row (e-mail and host).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont

from ohmygpt_desktop.api import (
    InvalidTokenError,
    MalformedResponseError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from ohmygpt_desktop.core.account_orders import NO_ORDERS, AccountOrders, summarize
from ohmygpt_desktop.core.orders import OrderHistoryError
from ohmygpt_desktop.core.usage import FORECAST_TTL_S, Forecast, ForecastState
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP
from ohmygpt_desktop.ui.balance_view import AGE_TICK_MS, age_text
from ohmygpt_desktop.ui.credit_rate import CreditRate, credit_rate
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.follow import follow_history, follow_settings
from ohmygpt_desktop.ui.formatting import (
    format_credits,
    format_local_datetime,
    format_usd,
    shown,
)
from ohmygpt_desktop.ui.plain import tooltip_text
from ohmygpt_desktop.ui.styles import colours
from ohmygpt_desktop.ui.tasks import Op
from ohmygpt_desktop.ui.usage_chart import runs_out_short, runs_out_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.orders import HistoryEvent

log = logging.getLogger(__name__)

_CTX = "AccountsTable"
_tr = QCoreApplication.translate
_Index = QModelIndex | QPersistentModelIndex

#: The account key of a row (any column).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
#: The text the filter matches (column 0): e-mail and host.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
#: From this many accounts on, the forecasts are worked out in a worker thread.
WARM_FORECASTS_AT = 200

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        KEY_ROLE,
        FILTER_ROLE,
    }
)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowFacts(NamedTuple):
    """What a cell needs besides the account itself (a tuple: made for every cell drawn)."""

    rate: CreditRate
    low_usd: Decimal
    now: datetime
    orders: AccountOrders
    current: bool
    #: The account's spending forecast (``UsageHistory.forecast``: cached per sample).
    forecast: Callable[[str], Forecast]
    #: The runs-out warning level, in days (0: off).
    warn_days: int


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the table."""

    #: A stable name (tests, saved layouts, the neighbours' columns).
    name: str
    #: The header, translated in the ``AccountsTable`` context.
    header: str
    text: Callable[[Account, RowFacts], str]
    #: Numbers as numbers, times as times; ``None`` (unknown) sorts last either way.
    sort_key: Callable[[Account, RowFacts], Any]
    align: Qt.AlignmentFlag = _LEFT
    tooltip: Callable[[Account, RowFacts], str] | None = None
    #: The colour role (``"warning_text"``, ``"error_text"``) of the cell's text, if any.
    colour: Callable[[Account, RowFacts], str | None] | None = None
    #: The starting width, in average characters.
    chars: int = 12
    #: The text depends on the clock ("2 min ago"): redrawn every :data:`AGE_TICK_MS`.
    ticks: bool = False


# ------------------------------------------------------------------ the cells


def _credits(account: Account) -> Decimal | None:
    return account.balance.balance if account.balance is not None else None


def _balance_text(account: Account, facts: RowFacts) -> str:
    credits = _credits(account)
    return facts.rate.usd(credits) if credits is not None else "—"


def _credits_text(account: Account, facts: RowFacts) -> str:
    credits = _credits(account)
    return format_credits(credits) if credits is not None else "—"


def _is_low(account: Account, facts: RowFacts) -> bool | None:
    return account.is_low(facts.low_usd, facts.rate.credits_per_usd)


def short_failure(error: BaseException) -> str:
    """A few words for a failed read (the whole description goes in the tooltip)."""
    if isinstance(error, InvalidTokenError):
        return _tr(_CTX, "Sign-in expired")
    if isinstance(error, RateLimitedError):
        return _tr(_CTX, "Too many requests")
    if isinstance(error, NetworkError):
        return _tr(_CTX, "Network error")
    if isinstance(error, ServerError):
        return _tr(_CTX, "Server error")
    if isinstance(error, MalformedResponseError):
        return _tr(_CTX, "Unexpected reply")
    return _tr(_CTX, "Not updated")


def _updated_text(account: Account, facts: RowFacts) -> str:
    if account.refreshing or account.loading_token:
        return _tr(_CTX, "Reading…")
    if account.error is not None and not account.needs_reauth:
        return "⚠ " + short_failure(account.error)
    if account.balance_updated is None:
        return _tr(_CTX, "Never read")
    return age_text(account.balance_updated, facts.now)


def _updated_tooltip(account: Account, facts: RowFacts) -> str:
    lines = []
    if account.error is not None and not account.needs_reauth:
        lines.append(
            _tr(_CTX, "Could not update the balance: {reason}").format(
                reason=describe(account.error)
            )
        )
    if account.balance_updated is not None:
        lines.append(
            _tr(_CTX, "Last read {when}").format(
                when=format_local_datetime(account.balance_updated)
            )
        )
    return "\n".join(lines)


def _updated_colour(account: Account, facts: RowFacts) -> str | None:
    if account.error is not None and not account.needs_reauth and not account.refreshing:
        return "error_text"
    return None


def _low_text(account: Account, facts: RowFacts) -> str:
    return "⚠ " + _tr(_CTX, "Low") if _is_low(account, facts) else ""


def _low_key(account: Account, facts: RowFacts) -> int | None:
    low = _is_low(account, facts)
    return None if low is None else (0 if low else 1)


def _low_tooltip(account: Account, facts: RowFacts) -> str:
    if not _is_low(account, facts):
        return ""
    return _tr(_CTX, "The balance is below {threshold}.").format(
        threshold=format_usd(facts.low_usd)
    )


def _open_text(account: Account, facts: RowFacts) -> str:
    count = facts.orders.open_orders
    return str(count) if count else ""


def _top_up_text(account: Account, facts: RowFacts) -> str:
    paid = facts.orders.last_paid
    if paid is None:
        return ""
    return _tr(_CTX, "{amount} · {when}").format(
        amount=format_usd(paid.amount), when=age_text(paid.updated_at, facts.now)
    )


def _top_up_tooltip(account: Account, facts: RowFacts) -> str:
    paid = facts.orders.last_paid
    if paid is None:
        return _tr(_CTX, "No paid order in the history on this computer.")
    return _tr(_CTX, "{amount} paid {when} (order {order_no})").format(
        amount=format_usd(paid.amount),
        when=format_local_datetime(paid.updated_at),
        order_no=shown(paid.order_no) or "—",
    )


_SIGN_IN_STATES = (
    QT_TRANSLATE_NOOP(_CTX, "Signed in"),
    QT_TRANSLATE_NOOP(_CTX, "Loading sign-in…"),
    QT_TRANSLATE_NOOP(_CTX, "Sign in again"),
)


def _sign_in_rank(account: Account, facts: RowFacts) -> int:
    if account.needs_reauth:
        return 2
    return 1 if account.loading_token else 0


def _sign_in_text(account: Account, facts: RowFacts) -> str:
    text = _tr(_CTX, _SIGN_IN_STATES[_sign_in_rank(account, facts)])
    if facts.current:
        text = _tr(_CTX, "{state} · current").format(state=text)
    return text


def _sign_in_tooltip(account: Account, facts: RowFacts) -> str:
    if account.token_problem is not None:
        return describe(account.token_problem)
    return _tr(_CTX, "User id {user_id}").format(user_id=shown(account.record.user_id))


def _sign_in_colour(account: Account, facts: RowFacts) -> str | None:
    return "warning_text" if account.needs_reauth else None


def _spent_text(account: Account, facts: RowFacts) -> str:
    spent = facts.forecast(account.key).spent_per_day
    return facts.rate.usd(spent) if spent is not None else "—"


def _spent_tooltip(account: Account, facts: RowFacts) -> str:
    spent = facts.forecast(account.key).spent_per_day
    if spent is None:
        return runs_out_text(facts.forecast(account.key))
    return _tr(_CTX, "{credits} a day over the last 7 days, top-ups left out").format(
        credits=facts.rate.credits(spent)
    )


def _runs_out_key(account: Account, facts: RowFacts) -> float | None:
    """Days left: ran out 0, falling by days, not falling last but one, no data last."""
    forecast = facts.forecast(account.key)
    if forecast.state is ForecastState.NOT_ENOUGH_DATA:
        return None
    if forecast.state is ForecastState.NOT_FALLING or forecast.days is None:
        return math.inf
    return forecast.days


def _runs_out_soon(account: Account, facts: RowFacts) -> bool:
    forecast = facts.forecast(account.key)
    days = forecast.days
    return facts.warn_days > 0 and days is not None and days <= facts.warn_days


def _runs_out_tooltip(account: Account, facts: RowFacts) -> str:
    return runs_out_text(facts.forecast(account.key)) or _tr(_CTX, "The balance is not falling.")


#: The columns that read forecasts (a sort by one reads them all at once first).
FORECAST_COLUMNS = frozenset({"spent_per_day", "runs_out"})

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        "email",
        QT_TRANSLATE_NOOP(_CTX, "E-mail"),
        lambda a, f: shown(a.email),
        lambda a, f: a.email.casefold(),
        tooltip=lambda a, f: _tr(_CTX, "User id {user_id}").format(user_id=shown(a.record.user_id)),
        chars=26,
    ),
    ColumnSpec(
        "host",
        QT_TRANSLATE_NOOP(_CTX, "Host"),
        lambda a, f: shown(a.host),
        lambda a, f: a.host.casefold(),
        chars=14,
    ),
    ColumnSpec(
        "balance",
        QT_TRANSLATE_NOOP(_CTX, "Balance"),
        _balance_text,
        lambda a, f: _credits(a),
        _RIGHT,
        tooltip=lambda a, f: f.rate.source,
        chars=11,
    ),
    ColumnSpec(
        "credits",
        QT_TRANSLATE_NOOP(_CTX, "Credits"),
        _credits_text,
        lambda a, f: _credits(a),
        _RIGHT,
        tooltip=lambda a, f: f.rate.source,
        chars=11,
    ),
    ColumnSpec(
        "updated",
        QT_TRANSLATE_NOOP(_CTX, "Updated"),
        _updated_text,
        lambda a, f: a.balance_updated,
        tooltip=_updated_tooltip,
        colour=_updated_colour,
        chars=14,
        ticks=True,
    ),
    ColumnSpec(
        "low",
        QT_TRANSLATE_NOOP(_CTX, "Low balance"),
        _low_text,
        _low_key,
        tooltip=_low_tooltip,
        colour=lambda a, f: "warning_text" if _is_low(a, f) else None,
        chars=9,
    ),
    ColumnSpec(
        "spent_per_day",
        QT_TRANSLATE_NOOP(_CTX, "Spent/day"),
        _spent_text,
        lambda a, f: f.forecast(a.key).spent_per_day,
        _RIGHT,
        tooltip=_spent_tooltip,
        chars=10,
    ),
    ColumnSpec(
        "runs_out",
        QT_TRANSLATE_NOOP(_CTX, "Runs out in"),
        lambda a, f: runs_out_short(f.forecast(a.key)),
        _runs_out_key,
        _RIGHT,
        tooltip=_runs_out_tooltip,
        colour=lambda a, f: "warning_text" if _runs_out_soon(a, f) else None,
        chars=10,
    ),
    ColumnSpec(
        "open_orders",
        QT_TRANSLATE_NOOP(_CTX, "Open orders"),
        _open_text,
        lambda a, f: f.orders.open_orders,
        _RIGHT,
        chars=8,
    ),
    ColumnSpec(
        "last_top_up",
        QT_TRANSLATE_NOOP(_CTX, "Last top-up"),
        _top_up_text,
        lambda a, f: f.orders.last_paid.updated_at if f.orders.last_paid else None,
        tooltip=_top_up_tooltip,
        chars=16,
        ticks=True,
    ),
    ColumnSpec(
        "sign_in",
        QT_TRANSLATE_NOOP(_CTX, "Sign-in"),
        _sign_in_text,
        _sign_in_rank,
        tooltip=_sign_in_tooltip,
        colour=_sign_in_colour,
        chars=16,
    ),
)


def column_index(name: str) -> int:
    """The position of the column called ``name``."""
    return next(i for i, spec in enumerate(COLUMNS) if spec.name == name)


# ------------------------------------------------------------------ the model


class AccountsTableModel(QAbstractTableModel):
    """One row per account, one column per :data:`COLUMNS` entry."""

    #: Accounts whose orders changed in the history (bridged from its listener).

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = COLUMNS
        #: The clock for ages and open orders (tests replace it).
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._keys: list[str] = []
        self._rows: dict[str, int] = {}
        self._orders: dict[str, AccountOrders] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        #: A sort by a forecast column waiting for the forecasts (worked out in a thread).
        self._pending_sort: tuple[int, Qt.SortOrder] | None = None
        self._forecast_op: Op[Any] | None = None
        #: Bumped by every change a sort may depend on; a sort of the same column,
        #: order and revision is skipped.
        self._revision = 0
        self._sorted_revision = -1
        self._current = ""
        self._rate = credit_rate(ctx.settings)
        self._low_usd = ctx.settings.low_balance_usd
        self._warn_days = ctx.settings.runs_out_warning_days
        self._bold = QFont()
        self._bold.setBold(True)

        accounts = ctx.accounts
        accounts.accountsChanged.connect(self.reload)
        accounts.accountUpdated.connect(self.row_changed)
        accounts.currentChanged.connect(self._on_current_changed)
        follow_settings(
            self,
            ctx.settings,
            ["credits_per_usd", "low_balance_usd", "runs_out_warning_days"],
            self._rates,
        )

        follow_history(self, ctx.history, self._history_changed)

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_TICK_MS)
        self._age_timer.timeout.connect(self._ages_changed)
        self._age_timer.start()
        # Forecasts are cached for an hour: worked out again in the background.
        self._forecast_timer = QTimer(self)
        self._forecast_timer.setInterval(FORECAST_TTL_S * 1000)
        self._forecast_timer.timeout.connect(self._warm_forecasts)
        self._forecast_timer.start()
        self.reload()

    # ---------------------------------------------------------------- updates

    def reload(self) -> None:
        """Every row again (accounts were added or removed)."""
        self.beginResetModel()
        self._keys = [a.key for a in self.ctx.accounts.accounts()]
        try:
            now = self.now()
            self._orders = summarize(self.ctx.history.summary_rows(now), now)
        except OrderHistoryError as exc:
            log.warning("The accounts table could not read the order history: %s", exc)
            self._orders = {}
        current = self.ctx.accounts.current()
        self._current = current.key if current is not None else ""
        self._revision += 1
        if self._sort is not None:
            self._keys = self._sorted(self._keys, *self._sort)
            self._sorted_revision = self._revision
        self._rows = {key: row for row, key in enumerate(self._keys)}
        self.endResetModel()
        self._warm_forecasts()

    def _warm_forecasts(self) -> None:
        """With many accounts, work out their forecasts in a worker thread (one run at a
        time), so that a sort by a forecast column takes no seconds on the GUI thread;
        a sort asked for meanwhile is applied when the run ends."""
        if len(self._keys) < WARM_FORECASTS_AT:
            return  # a few: cheap enough when first drawn
        if self._forecast_op is not None and self._forecast_op.running:
            return
        import asyncio

        def done(_: object) -> None:
            self._all_changed()
            pending, self._pending_sort = self._pending_sort, None
            if pending is not None:
                self._apply_sort(*pending)

        def failed(exc: Exception) -> None:
            self._pending_sort = None
            log.warning("Could not work out the spending forecasts: %s", exc)

        self._forecast_op = (
            Op(asyncio.to_thread, self.ctx.usage.forecast_all, list(self._keys))
            .on_success(done)
            .on_failure(failed)
            .start(self)
        )

    def row_changed(self, key: str) -> None:
        """Redraw one account's row."""
        self._revision += 1
        row = self._rows.get(key)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _on_current_changed(self, key: str) -> None:
        previous, self._current = self._current, key
        self.row_changed(previous)
        self.row_changed(key)

    def _history_changed(self, event: HistoryEvent) -> None:
        """Re-read the order facts of the accounts whose orders changed."""
        for key in sorted({r.account_key for r in event.records}):
            try:
                now = self.now()
                facts = summarize(self.ctx.history.summary_rows(now, key), now).get(key, NO_ORDERS)
            except OrderHistoryError as exc:
                log.warning("The accounts table could not read the order history: %s", exc)
                continue
            self._orders[key] = facts
            self.row_changed(key)

    def _rates(self) -> None:
        self._rate = credit_rate(self.ctx.settings)
        self._low_usd = self.ctx.settings.low_balance_usd
        self._warn_days = self.ctx.settings.runs_out_warning_days
        self._all_changed()

    def _ages_changed(self) -> None:
        """The "… ago" texts move on: only their columns are redrawn."""
        if not self._keys:
            return
        last = len(self._keys) - 1
        for column, spec in enumerate(self.columns):
            if spec.ticks:
                self.dataChanged.emit(self.index(0, column), self.index(last, column))

    def _all_changed(self) -> None:
        self._revision += 1
        if self._keys:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._keys) - 1, len(self.columns) - 1)
            )

    # ---------------------------------------------------------------- queries

    def keys(self) -> list[str]:
        """Every account's key, in the table's order."""
        return list(self._keys)

    def row_of(self, key: str) -> int | None:
        return self._rows.get(key)

    def facts(self, account: Account, now: datetime | None = None) -> RowFacts:
        key = account.key
        return RowFacts(
            self._rate,
            self._low_usd,
            now or self.now(),
            self._orders.get(key, NO_ORDERS),
            key == self._current,
            self.ctx.usage.forecast,
            self._warn_days,
        )

    # ------------------------------------------------------------ Qt's model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(_CTX, self.columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[section].align
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for many roles per painted cell: the unused ones cost nothing.
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._keys):
            return None
        key = self._keys[row]
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if key == self._current else None
        account = self.ctx.accounts.get(key)
        if account is None:
            return None
        if role == FILTER_ROLE:
            return f"{account.email}\n{account.host}"
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(account, self.facts(account))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return spec.align
        if role == Qt.ItemDataRole.ToolTipRole:
            # The cell's text whole (a narrow column cuts it), then the column's own note.
            facts = self.facts(account)
            text = spec.text(account, facts)
            note = spec.tooltip(account, facts) if spec.tooltip is not None else ""
            if note and text not in note:
                text = f"{text}\n{note}" if text else note
            elif note:
                text = note
            return tooltip_text(text) if text else None
        if role == Qt.ItemDataRole.ForegroundRole and spec.colour is not None:
            name = spec.colour(account, self.facts(account))
            return QColor(colours()[name]) if name else None
        return None

    # --------------------------------------------------------------- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        if self._sort == (column, order) and self._sorted_revision == self._revision:
            return  # the view asks twice per header click (indicator, then sort)
        if self.columns[column].name in FORECAST_COLUMNS and len(self._keys) >= WARM_FORECASTS_AT:
            # Forecasts not yet worked out would take seconds here: in a worker thread
            # first; the rows take their new order when it is done.
            self._pending_sort = (column, order)
            self._warm_forecasts()
            return
        self._apply_sort(column, order)

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        self._sorted_revision = self._revision
        self.layoutAboutToBeChanged.emit()
        old_keys = self._keys
        persistent = self.persistentIndexList()
        self._keys = self._sorted(self._keys, column, order)
        self._rows = {key: row for row, key in enumerate(self._keys)}
        self.changePersistentIndexList(
            persistent,
            [self.index(self._rows[old_keys[i.row()]], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def _sorted(self, keys: list[str], column: int, order: Qt.SortOrder) -> list[str]:
        spec = self.columns[column]
        if spec.name in FORECAST_COLUMNS:
            self.ctx.usage.forecast_all(keys)  # one query for every forecast not cached
        known: list[tuple[Any, str]] = []
        unknown: list[str] = []
        get = self.ctx.accounts.get
        now = self.now()
        for key in keys:
            account = get(key)
            value = spec.sort_key(account, self.facts(account, now)) if account else None
            if value is None:
                unknown.append(key)
            else:
                known.append((value, key))
        known.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [key for _value, key in known] + unknown


class AccountsFilter(QSortFilterProxyModel):
    """Filters by e-mail and host as the person types; sorting is the model's own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
