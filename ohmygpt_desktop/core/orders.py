"""Local history of recharge orders (stdlib ``sqlite3``, write-ahead).

Plain Python (no Qt). The flow for a new order:

1. :meth:`OrderHistory.begin` writes a ``creating`` row and commits it *before*
   the network request is sent;
2. the server answers → :meth:`~OrderHistory.complete` (``awaiting_payment``) or,
   on a documented error answer (or when the request never left), :meth:`~OrderHistory.discard`
   (no order exists);
3. anything else leaves it open whether the server created the order (a lost or
   unusable reply) → :meth:`~OrderHistory.mark_unknown`, with the order number when
   the reply named one;
4. the app died in between → at the next start :meth:`~OrderHistory.recover_interrupted`
   turns leftover ``creating`` rows into ``unknown`` ones.

Checkout links are stored (so the user can copy or open them again) but never logged.
Error messages are translatable templates (context ``"Orders"``) with their params.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from ohmygpt_desktop.core.translatable import QT_TRANSLATE_NOOP, Problem

log = logging.getLogger(__name__)

CHECKOUT_LIFETIME = timedelta(hours=24)
KINDS = ("checkout", "invoice")
INTERRUPTED_NOTE = "The app stopped while this order was being created."
_FILE_MODE = 0o600
_DIR_MODE = 0o700
_CTX = "Orders"


class OrderStatus(StrEnum):
    CREATING = "creating"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    EXPIRED = "expired"
    #: The app does not know whether the server created the order.
    UNKNOWN = "unknown"


#: Plain-English status texts (CSV export; the UI translates its own).
STATUS_TEXT: dict[OrderStatus, str] = {
    OrderStatus.CREATING: "Creating",
    OrderStatus.AWAITING_PAYMENT: "Awaiting payment",
    OrderStatus.PAID: "Paid",
    OrderStatus.EXPIRED: "Expired",
    OrderStatus.UNKNOWN: "Unknown — check your OhMyGPT orders",
}


class OrderHistoryError(Problem):
    """The order history could not be opened or changed. The message is for people.

    ``str(exc)`` is English; the UI shows ``template`` + ``params`` translated.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The order history could not be read or changed.")


class OrderNotFound(OrderHistoryError, LookupError):
    """No order with that local id."""

    template = QT_TRANSLATE_NOOP(_CTX, "There is no order with local id {local_id}.")


@dataclass(frozen=True)
class OrderRecord:
    local_id: int
    order_no: str | None
    account_key: str
    email: str
    host: str
    kind: str
    amount: Decimal
    product_id: str
    created_at: datetime
    status: OrderStatus
    balance_before: Decimal | None
    balance_after: Decimal | None
    checkout_url: str | None
    note: str | None
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        """Can the user still pay it (awaiting payment, or unknown but with a link)?"""
        if self.status is OrderStatus.AWAITING_PAYMENT:
            return True
        return self.status is OrderStatus.UNKNOWN and bool(self.checkout_url)

    @property
    def expires_at(self) -> datetime | None:
        """When a checkout link stops working (24 h); ``None`` for invoices."""
        if self.kind == "checkout":
            return self.created_at + CHECKOUT_LIFETIME
        return None

    def __repr__(self) -> str:  # the checkout link is left out on purpose
        return (
            f"OrderRecord(local_id={self.local_id}, order_no={self.order_no!r}, "
            f"account_key={self.account_key!r}, kind={self.kind!r}, amount={self.amount}, "
            f"status={self.status.value!r}, created_at={self.created_at.isoformat()!r})"
        )


# ------------------------------------------------------------------ migrations

#: ``MIGRATIONS[i]`` takes a file from ``user_version`` *i* to *i + 1*.
MIGRATIONS: list[str] = [
    # 1: the orders table.
    """
    CREATE TABLE orders (
        local_id       INTEGER PRIMARY KEY AUTOINCREMENT,
        order_no       TEXT,
        account_key    TEXT NOT NULL,
        email          TEXT NOT NULL,
        host           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        amount         TEXT NOT NULL,
        product_id     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        status         TEXT NOT NULL,
        balance_before TEXT,
        balance_after  TEXT,
        checkout_url   TEXT,
        note           TEXT,
        updated_at     TEXT NOT NULL
    );
    """,
    # 2: indexes for the per-account list and the start-up status sweeps.
    """
    CREATE INDEX orders_by_account ON orders (account_key, created_at);
    CREATE INDEX orders_by_status ON orders (status);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "local_id, order_no, account_key, email, host, kind, amount, product_id, created_at, "
    "status, balance_before, balance_after, checkout_url, note, updated_at"
)


def apply_migrations(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring ``conn`` (autocommit mode) up to ``target``; returns the version reached."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise OrderHistoryError(
            QT_TRANSLATE_NOOP(
                _CTX,
                "The order history was written by a newer version of OhMyGPT Desktop "
                "(format {version}; this version understands up to {supported}). "
                "Update the app to see it.",
            ),
            version=version,
            supported=SCHEMA_VERSION,
        )
    while version < target:
        script = MIGRATIONS[version]
        version += 1
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version


# ------------------------------------------------------------------ helpers


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _ts(moment: datetime) -> str:
    # Fixed-width ISO text so that string order is time order.
    return _aware(moment).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _money(value: Decimal | None, what: str, *, allow_none: bool = True) -> str | None:
    if value is None:
        if allow_none:
            return None
        raise ValueError(f"{what} is required.")
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(f"{what} must be a finite Decimal.")
    return str(value)


def _dec(text: str | None) -> Decimal | None:
    """A stored number; ``None`` when there is none or it is not a finite number."""
    if text is None:
        return None
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError):  # TypeError: a blob where text was written
        return None
    return value if value.is_finite() else None


def _csv_text(value: str | None) -> str:
    """Free text for a spreadsheet: never let it start like a formula."""
    if not value:
        return ""
    return "'" + value if value[0] in "=+-@\t\r" else value


# ------------------------------------------------------------------ history


class OrderHistory:
    """The order history file. Thread-safe; every write commits and notifies listeners."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self._path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        self._conn: sqlite3.Connection | None = None
        try:
            self._path.parent.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, _FILE_MODE)
            os.close(fd)
            if os.name == "posix":
                os.chmod(self._path, _FILE_MODE)
        except OSError as exc:
            raise OrderHistoryError(
                QT_TRANSLATE_NOOP(_CTX, "Could not open the order history {path}: {reason}."),
                path=str(self._path),
                reason=exc.strerror or str(exc),
            ) from None
        conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            apply_migrations(conn)
        except OrderHistoryError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise OrderHistoryError(
                QT_TRANSLATE_NOOP(_CTX, "The order history {path} could not be opened ({reason})."),
                path=str(self._path),
                reason=str(exc),
            ) from None
        self._conn = conn

    @property
    def path(self) -> Path:
        return self._path

    def __repr__(self) -> str:
        return f"OrderHistory({str(self._path)!r})"

    # ---- lifecycle

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> OrderHistory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- listeners

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after each write."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("An order history listener failed")

    # ---- plumbing

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        self._notify()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise OrderHistoryError(QT_TRANSLATE_NOOP(_CTX, "The order history is closed."))
        return self._conn

    def _now(self) -> datetime:
        return _aware(self._clock())

    def _row(self, conn: sqlite3.Connection, local_id: int) -> OrderRecord:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM orders WHERE local_id = ?",  # noqa: S608 - constant columns
            (local_id,),
        ).fetchone()
        if row is None:
            raise OrderNotFound(local_id=local_id)
        return _record(row)

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[OrderRecord]:
        sql = f"SELECT {_COLUMNS} FROM orders {where} ORDER BY created_at DESC, local_id DESC"  # noqa: S608
        with self._lock:
            rows = self._connection().execute(sql, params).fetchall()
        return [_record(row) for row in rows]

    # ---- the write-ahead lifecycle

    def begin(
        self,
        *,
        account_key: str,
        email: str,
        host: str,
        kind: str,
        amount: Decimal,
        product_id: str,
        balance_before: Decimal | None,
    ) -> int:
        """Record an order about to be created (status ``creating``); returns its local id."""
        if kind not in KINDS:
            raise ValueError(f"Unknown order kind {kind!r}.")
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
            raise ValueError("The amount must be a positive Decimal.")
        if not account_key:
            raise ValueError("The account key must not be empty.")
        now = _ts(self._now())
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO orders (account_key, email, host, kind, amount, product_id, "
                "created_at, status, balance_before, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    account_key,
                    email,
                    host,
                    kind,
                    str(amount),
                    str(product_id),
                    now,
                    OrderStatus.CREATING.value,
                    _money(balance_before, "balance_before"),
                    now,
                ),
            )
            local_id = cursor.lastrowid
        assert local_id is not None
        return local_id

    def complete(self, local_id: int, *, order_no: str, checkout_url: str) -> OrderRecord:
        """The server created the order: ``awaiting_payment``."""
        with self._write() as conn:
            current = self._row(conn, local_id)
            if current.status not in (OrderStatus.CREATING, OrderStatus.UNKNOWN):
                raise OrderHistoryError(
                    QT_TRANSLATE_NOOP(
                        _CTX, "Order {local_id} is already {status}; it cannot be completed."
                    ),
                    local_id=local_id,
                    status=current.status.value,
                )
            conn.execute(
                "UPDATE orders SET status = ?, order_no = ?, checkout_url = ?, note = NULL, "
                "updated_at = ? WHERE local_id = ?",
                (
                    OrderStatus.AWAITING_PAYMENT.value,
                    order_no,
                    checkout_url,
                    _ts(self._now()),
                    local_id,
                ),
            )
            return self._row(conn, local_id)

    def discard(self, local_id: int) -> None:
        """It is proven that no order exists (the server refused, or nothing was sent):
        drop the write-ahead row."""
        with self._write() as conn:
            current = self._row(conn, local_id)
            if current.status is not OrderStatus.CREATING:
                raise OrderHistoryError(
                    QT_TRANSLATE_NOOP(
                        _CTX,
                        "Order {local_id} is {status}; only an order still being created can "
                        "be discarded.",
                    ),
                    local_id=local_id,
                    status=current.status.value,
                )
            conn.execute("DELETE FROM orders WHERE local_id = ?", (local_id,))

    def mark_unknown(self, local_id: int, note: str, *, order_no: str | None = None) -> None:
        """It is not known whether the server created the order.

        ``order_no``: the number an unusable reply named (kept so the person can look
        the order up); ``None`` keeps the row's number.
        """
        with self._write() as conn:
            current = self._row(conn, local_id)
            if current.status is OrderStatus.PAID:
                raise OrderHistoryError(
                    QT_TRANSLATE_NOOP(_CTX, "Order {local_id} is already paid."), local_id=local_id
                )
            conn.execute(
                "UPDATE orders SET status = ?, note = ?, order_no = COALESCE(?, order_no), "
                "updated_at = ? WHERE local_id = ?",
                (OrderStatus.UNKNOWN.value, note, order_no, _ts(self._now()), local_id),
            )

    def mark_paid(
        self,
        local_id: int,
        *,
        balance_before: Decimal | None,
        balance_after: Decimal | None,
    ) -> OrderRecord:
        """The payment arrived. ``balance_before=None`` keeps the value recorded at begin."""
        before = _money(balance_before, "balance_before")
        after = _money(balance_after, "balance_after")
        with self._write() as conn:
            self._row(conn, local_id)
            conn.execute(
                "UPDATE orders SET status = ?, balance_before = COALESCE(?, balance_before), "
                "balance_after = ?, updated_at = ? WHERE local_id = ?",
                (OrderStatus.PAID.value, before, after, _ts(self._now()), local_id),
            )
            return self._row(conn, local_id)

    def expire_stale(self) -> list[OrderRecord]:
        """Checkout orders awaiting payment for more than 24 h become ``expired``."""
        now = self._now()
        cutoff = _ts(now - CHECKOUT_LIFETIME)
        with self._write() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT local_id FROM orders WHERE status = ? AND kind = 'checkout' "
                    "AND created_at <= ?",
                    (OrderStatus.AWAITING_PAYMENT.value, cutoff),
                )
            ]
            conn.executemany(
                "UPDATE orders SET status = ?, updated_at = ? WHERE local_id = ?",
                [(OrderStatus.EXPIRED.value, _ts(now), i) for i in ids],
            )
            return [self._row(conn, i) for i in ids]

    def recover_interrupted(self) -> list[OrderRecord]:
        """At start-up: rows still ``creating`` belong to a run that died → ``unknown``.

        Call it once at start-up, before this process begins any order (the app
        runs as a single instance).
        """
        now = _ts(self._now())
        with self._write() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT local_id FROM orders WHERE status = ?", (OrderStatus.CREATING.value,)
                )
            ]
            conn.executemany(
                "UPDATE orders SET status = ?, note = ?, updated_at = ? WHERE local_id = ?",
                [(OrderStatus.UNKNOWN.value, INTERRUPTED_NOTE, now, i) for i in ids],
            )
            return [self._row(conn, i) for i in ids]

    # ---- reading

    def get(self, local_id: int) -> OrderRecord | None:
        with self._lock:
            try:
                return self._row(self._connection(), local_id)
            except OrderNotFound:
                return None

    def list(self, account_key: str | None = None) -> list[OrderRecord]:
        """All orders (or one account's), newest first."""
        if account_key is None:
            return self._select()
        return self._select("WHERE account_key = ?", (account_key,))

    def awaiting(self, account_key: str) -> list[OrderRecord]:
        """The account's orders awaiting payment, newest first."""
        return self._select(
            "WHERE account_key = ? AND status = ?",
            (account_key, OrderStatus.AWAITING_PAYMENT.value),
        )

    def export_csv(self, path: Path, account_key: str | None = None) -> int:
        """Write the orders (newest first) as CSV; returns the number of rows written."""
        records = self.list(account_key)
        header = [
            "Created (UTC)",
            "Account",
            "Email",
            "Host",
            "Kind",
            "Amount (USD)",
            "Status",
            "Order number",
            "Balance before (USD)",
            "Balance after (USD)",
            "Checkout link",
            "Note",
            "Last update (UTC)",
            "Local ID",
        ]
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                for rec in records:
                    writer.writerow(
                        [
                            rec.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                            _csv_text(rec.account_key),
                            _csv_text(rec.email),
                            _csv_text(rec.host),
                            rec.kind.capitalize(),
                            str(rec.amount),
                            STATUS_TEXT[rec.status],
                            _csv_text(rec.order_no),
                            "" if rec.balance_before is None else str(rec.balance_before),
                            "" if rec.balance_after is None else str(rec.balance_after),
                            _csv_text(rec.checkout_url),
                            _csv_text(rec.note),
                            rec.updated_at.strftime("%Y-%m-%d %H:%M:%S"),
                            rec.local_id,
                        ]
                    )
        except OSError as exc:
            raise OrderHistoryError(
                QT_TRANSLATE_NOOP(_CTX, "Could not write {path}: {reason}."),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from None
        return len(records)


def _record(row: tuple[Any, ...]) -> OrderRecord:
    (
        local_id,
        order_no,
        account_key,
        email,
        host,
        kind,
        amount,
        product_id,
        created_at,
        status,
        balance_before,
        balance_after,
        checkout_url,
        note,
        updated_at,
    ) = row
    try:
        status_value = OrderStatus(status)
    except ValueError:
        status_value = OrderStatus.UNKNOWN
    return OrderRecord(
        local_id=local_id,
        order_no=order_no,
        account_key=account_key,
        email=email,
        host=host,
        kind=kind,
        amount=_dec(amount) or Decimal(0),
        product_id=product_id,
        created_at=_aware(datetime.fromisoformat(created_at)),
        status=status_value,
        balance_before=_dec(balance_before),
        balance_after=_dec(balance_after),
        checkout_url=checkout_url,
        note=note,
        updated_at=_aware(datetime.fromisoformat(updated_at)),
    )


__all__ = [
    "INTERRUPTED_NOTE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STATUS_TEXT",
    "OrderHistory",
    "OrderHistoryError",
    "OrderNotFound",
    "OrderRecord",
    "OrderStatus",
    "apply_migrations",
]
