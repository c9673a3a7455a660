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
   turns leftover ``creating`` rows into ``unknown`` ones — only rows whose owner
   (the run that began them, which holds a lock file while it lives) is gone.

Opening never fails silently: a damaged file is moved aside (``.damaged-<time>``,
kept, never deleted) and a fresh one started; a file that cannot be written is
opened read-only (:attr:`OrderHistory.read_only`); either is explained by
:attr:`OrderHistory.open_problem`. A failed write raises
:class:`OrderHistoryError` (:class:`OrderHistoryFull` when the disk is full).

Checkout links are stored (so the user can copy or open them again) but never logged.
Error messages are translatable templates (context ``"Orders"``) with their params.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from ohmygpt_desktop.core.files import DIR_MODE, FILE_MODE, FileLock, lock_is_held
from ohmygpt_desktop.core.sqlite_files import (
    DAMAGE_CODES,
    READ_ONLY_CODES,
    Damaged,
    check_intact,
    immediate,
    migrate,
    move_aside,
    sqlite_code,
)
from ohmygpt_desktop.core.sqlite_files import stored_decimal as _dec
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Text

log = logging.getLogger(__name__)

#: How long a Checkout link is taken to work: Stripe Checkout Sessions expire 24 hours
#: after they are created unless their creator sets another time, and OhMyGPT does not
#: say that it does (docs/api.md, "Assumptions").
CHECKOUT_LIFETIME = timedelta(hours=24)
KINDS = ("checkout", "invoice")
INTERRUPTED_NOTE = "The app stopped while this order was being created."
_CTX = "Orders"


class OrderStatus(StrEnum):
    CREATING = "creating"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    EXPIRED = "expired"
    #: The app does not know whether the server created the order.
    UNKNOWN = "unknown"


#: Statuses of orders someone may still pay.
OPEN_STATUSES = (OrderStatus.CREATING, OrderStatus.AWAITING_PAYMENT)
#: The double top-up guard looks this far back (this computer's orders and, with a
#: team ledger, the other desks').
RECENT_OPEN = timedelta(minutes=30)

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


class OrderHistoryFull(OrderHistoryError):
    """A write failed because the disk (or the file system) is full."""

    template = QT_TRANSLATE_NOOP(
        _CTX, "The disk is full, so the order history {path} could not be changed."
    )


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
    #: Who created it (the operator setting when it was created); ``None`` before it existed.
    operator: str | None = None
    #: What it was created for: free text such as a support ticket number.
    reference: str | None = None

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

    def open_at(self, now: datetime) -> bool:
        """:attr:`is_open`, and its link has not run out by ``now``."""
        expires = self.expires_at
        return self.is_open and (expires is None or expires > now)

    def __repr__(self) -> str:  # the checkout link is left out on purpose
        return (
            f"OrderRecord(local_id={self.local_id}, order_no={self.order_no!r}, "
            f"account_key={self.account_key!r}, kind={self.kind!r}, amount={self.amount}, "
            f"status={self.status.value!r}, created_at={self.created_at.isoformat()!r})"
        )


class HistoryChange(StrEnum):
    """What a write to the history did."""

    #: An order is about to be created (``creating``).
    BEGUN = "begun"
    #: The server created it: ``awaiting_payment``.
    COMPLETED = "completed"
    #: It is proven that no order exists: the row is gone.
    DISCARDED = "discarded"
    #: Whether the server created it is not known.
    MARKED_UNKNOWN = "marked_unknown"
    PAID = "paid"
    #: Unpaid checkout links ran out.
    EXPIRED = "expired"
    #: Rows of a run that died while creating them are now ``unknown``.
    RECOVERED = "recovered"
    #: Another process (the command line) changed these rows in the file.
    CHANGED_ELSEWHERE = "changed_elsewhere"


@dataclass(frozen=True)
class HistoryEvent:
    """One write, as :meth:`OrderHistory.add_listener`'s listeners hear it."""

    change: HistoryChange
    #: The rows it changed, as they are now (a discarded one as it was).
    records: tuple[OrderRecord, ...]


HistoryListener = Callable[[HistoryEvent], None]


@dataclass(frozen=True)
class OrderFilter:
    """Which orders to list or export; every part left empty matches everything.

    ``created_from`` is inclusive and ``created_before`` exclusive (so a day is
    ``[midnight, next midnight)``). ``text`` is searched, case-insensitively for
    Latin letters, in the order number, the reference and the account's e-mail.
    """

    statuses: frozenset[OrderStatus] = field(default_factory=frozenset)
    account_key: str | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None
    operator: str | None = None
    text: str = ""

    def where(self) -> tuple[str, tuple[Any, ...]]:
        """The SQL ``WHERE`` clause (or ``""``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.statuses:
            marks = ", ".join("?" for _ in self.statuses)
            clauses.append(f"status IN ({marks})")
            params.extend(sorted(status.value for status in self.statuses))
        if self.account_key is not None:
            clauses.append("account_key = ?")
            params.append(self.account_key)
        if self.created_from is not None:
            clauses.append("created_at >= ?")
            params.append(_ts(self.created_from))
        if self.created_before is not None:
            clauses.append("created_at < ?")
            params.append(_ts(self.created_before))
        if self.operator is not None:
            clauses.append("COALESCE(operator, '') = ?")
            params.append(self.operator)
        text = self.text.strip()
        if text:
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
            clauses.append(
                "(order_no LIKE ? ESCAPE '\\' OR reference LIKE ? ESCAPE '\\' "
                "OR email LIKE ? ESCAPE '\\')"
            )
            params.extend([pattern] * 3)
        if not clauses:
            return "", ()
        return "WHERE " + " AND ".join(clauses), tuple(params)


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
    # 3: the run that began the order (recovery leaves rows of runs still alive).
    """
    ALTER TABLE orders ADD COLUMN owner TEXT;
    """,
    # 4: who created the order (the operator setting) and for what (a ticket number...).
    """
    ALTER TABLE orders ADD COLUMN operator TEXT;
    ALTER TABLE orders ADD COLUMN reference TEXT;
    """,
    # 5: the team ledger's outbox (core/ledger.py). Triggers queue every change, so
    # whatever writes the file (the app, the command line) queues it in the same
    # transaction. One row per order: the newest change replaces an unpublished
    # older one, and its ``seq`` (never reused: AUTOINCREMENT) is the version the
    # ledger keeps, so a replay never overwrites a newer state. Orders written before
    # this version are queued once here. ``ledger_meta`` holds this history's stable
    # instance id (the ledger's key is instance id + local id), made at first use.
    """
    CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE ledger_outbox (
        seq      INTEGER PRIMARY KEY AUTOINCREMENT,
        local_id INTEGER NOT NULL UNIQUE,
        op       TEXT NOT NULL
    );
    CREATE TRIGGER ledger_queue_insert AFTER INSERT ON orders BEGIN
        DELETE FROM ledger_outbox WHERE local_id = NEW.local_id;
        INSERT INTO ledger_outbox (local_id, op) VALUES (NEW.local_id, 'upsert');
    END;
    CREATE TRIGGER ledger_queue_update AFTER UPDATE ON orders BEGIN
        DELETE FROM ledger_outbox WHERE local_id = NEW.local_id;
        INSERT INTO ledger_outbox (local_id, op) VALUES (NEW.local_id, 'upsert');
    END;
    CREATE TRIGGER ledger_queue_delete AFTER DELETE ON orders BEGIN
        DELETE FROM ledger_outbox WHERE local_id = OLD.local_id;
        INSERT INTO ledger_outbox (local_id, op) VALUES (OLD.local_id, 'delete');
    END;
    INSERT INTO ledger_outbox (local_id, op)
        SELECT local_id, 'upsert' FROM orders ORDER BY local_id;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

#: The columns an :class:`OrderRecord` is read from (:func:`record_from_row`), in order.
RECORD_COLUMNS = (
    "local_id, order_no, account_key, email, host, kind, amount, product_id, created_at, "
    "status, balance_before, balance_after, checkout_url, note, updated_at, operator, reference"
)


def apply_migrations(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring ``conn`` (autocommit mode) up to ``target``; returns the version reached."""
    version = _checked_version(conn)
    return migrate(conn, MIGRATIONS, version, target)


def _checked_version(conn: sqlite3.Connection) -> int:
    """The file's format version; an error when a newer app wrote it."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
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


def csv_text(value: str | None) -> str:
    """Free text for a spreadsheet: never let it start like a formula."""
    if not value:
        return ""
    return "'" + value if value[0] in "=+-@\t\r" else value


# ------------------------------------------------------------------ history


class _NotWritable(Exception):
    """The file or its folder cannot be written."""


_RUN_ID = re.compile(r"[0-9a-f]{32}")


def _empty_history() -> sqlite3.Connection:
    """An in-memory history with no orders (a read-only place with nothing to read)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    apply_migrations(conn)
    return conn


def _can_write(path: Path) -> bool:
    """Can this process change (or create) ``path`` and its journal files beside it?"""
    writable = not path.exists() or os.access(path, os.W_OK)
    return writable and os.access(path.parent, os.W_OK)


class OrderHistory:
    """The order history file. Thread-safe; every write commits and notifies listeners."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self._path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        self._listeners: list[HistoryListener] = []
        self._conn: sqlite3.Connection | None = None
        #: This run's id: the owner of the rows it begins (see :meth:`recover_interrupted`).
        self._run_id = uuid.uuid4().hex
        self._run_lock: FileLock | None = None
        #: The history can be read but not changed (the file or its folder is read-only).
        self.read_only = False
        #: Where a damaged history file was kept when a fresh one was started.
        self.damaged_copy: Path | None = None
        #: Rows changed since then may be news to this process (:meth:`changed_elsewhere`).
        self._seen_until = self._now()
        #: SQLite's count of other connections' commits, when :meth:`changed_elsewhere` last looked.
        self._data_version: int | None = None
        try:
            self._path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            raise self._open_error(exc.strerror or str(exc)) from None
        if self._path.exists() and not self._path.is_file():  # e.g. a folder in its place
            self._set_aside()
        if not _can_write(self._path):
            self._conn = self._open_read_only()
            return
        try:
            try:
                self._conn = self._open_writable()
            except Damaged:
                self._set_aside()
                self._conn = self._open_writable()
        except Damaged:
            raise self._open_error("file is not a database") from None
        except _NotWritable:
            self._conn = self._open_read_only()
            return
        self._hold_run_lock()

    # ---- opening

    def _open_error(self, reason: str) -> OrderHistoryError:
        return OrderHistoryError(
            QT_TRANSLATE_NOOP(_CTX, "The order history {path} could not be opened ({reason})."),
            path=str(self._path),
            reason=reason,
        )

    def _open_writable(self) -> sqlite3.Connection:
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            os.close(fd)
            if os.name == "posix":
                os.chmod(self._path, FILE_MODE)
        except PermissionError:
            raise _NotWritable from None
        except OSError as exc:
            raise self._open_error(exc.strerror or str(exc)) from None
        self._check_file()
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
            if sqlite_code(exc) in DAMAGE_CODES:
                raise Damaged from None
            if sqlite_code(exc) in READ_ONLY_CODES:
                raise _NotWritable from None
            raise self._open_error(str(exc)) from None
        return conn

    def _check_file(self) -> None:
        """Raise :class:`Damaged` if the file is not a sound database.

        Checked on a read-only connection: closing a writable one on a damaged
        file would delete its write-ahead log, which may hold the latest orders.
        """
        conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check_intact(conn)
        except sqlite3.Error:
            pass  # not damage: opening it for writing says what it is
        finally:
            conn.close()

    def _open_read_only(self) -> sqlite3.Connection:
        """Open for reading only; an empty history when there are no orders to read."""
        self.read_only = True
        log.warning("The order history %s is read-only", self._path)
        if not self._path.exists():  # a read-only folder, and no history yet
            return _empty_history()
        uri = self._path.resolve().as_uri()
        reason = ""
        # A read-only folder may hold no journal files to share: then read the file as is.
        for options in ("mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(
                f"{uri}?{options}", uri=True, isolation_level=None, check_same_thread=False
            )
            try:
                conn.execute("PRAGMA busy_timeout = 5000")
                check_intact(conn)
                version = _checked_version(conn)
            except Damaged:
                conn.close()
                raise OrderHistoryError(
                    QT_TRANSLATE_NOOP(
                        _CTX,
                        "The order history {path} is damaged, and it is read-only, so it "
                        "could not be moved aside. Move it away, then start the app again.",
                    ),
                    path=str(self._path),
                ) from None
            except OrderHistoryError:
                conn.close()
                raise
            except sqlite3.Error as exc:
                conn.close()
                reason = str(exc)
                continue
            if version == 0:  # no orders table: nothing to show
                conn.close()
                return _empty_history()
            return conn
        raise self._open_error(reason)

    def _set_aside(self) -> None:
        """Move the damaged file (and its journal files) to ``<name>.damaged-<time>``."""
        try:
            target = move_aside(self._path)
        except OSError as exc:
            raise OrderHistoryError(
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The order history {path} is damaged and could not be moved aside "
                    "({reason}). Move it away, then start the app again.",
                ),
                path=str(self._path),
                reason=exc.strerror or str(exc),
            ) from None
        self.damaged_copy = target
        log.warning("The order history was damaged; kept it as %s and started a new one", target)

    @property
    def open_problem(self) -> Text | OrderHistoryError | None:
        """What the user should know about how the history was opened, or ``None``."""
        if self.read_only:
            return self.write_problem
        if self.damaged_copy is not None:
            return Text(
                _CTX,
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The order history was damaged, so the app started a new, empty one. "
                    "The damaged file was kept as {copy}.",
                ),
                copy=str(self.damaged_copy),
            )
        return None

    @property
    def write_problem(self) -> OrderHistoryError | None:
        """Why no order can be recorded (the history is read-only), or ``None``."""
        if not self.read_only:
            return None
        return OrderHistoryError(
            QT_TRANSLATE_NOOP(
                _CTX,
                "The order history {path} is read-only, so new orders cannot be created. "
                "Past orders are shown. Make the file and its folder writable, then "
                "restart the app.",
            ),
            path=str(self._path),
        )

    # ---- run ownership

    def _runs_dir(self) -> Path:
        return self._path.with_name(self._path.name + ".runs")

    def _hold_run_lock(self) -> None:
        """Hold this run's lock while it lives, so others see its rows are not orphans."""
        lock = FileLock(self._runs_dir() / f"{self._run_id}.lock")
        try:
            lock.try_acquire()
        except OSError as exc:
            log.warning("Could not hold the order history's run lock: %s", exc.strerror)
            return
        self._run_lock = lock

    def _owner_alive(self, owner: str | None) -> bool:
        if owner == self._run_id:
            return True
        if not owner or not _RUN_ID.fullmatch(owner):
            return False  # written before owners were recorded, or not by this app
        return lock_is_held(self._runs_dir() / f"{owner}.lock")

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
            if self._run_lock is not None:
                self._run_lock.release()
                self._run_lock = None

    def __enter__(self) -> OrderHistory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- listeners

    def add_listener(self, listener: HistoryListener) -> None:
        """Call ``listener(event)`` after each write that changed rows, on the thread
        that wrote (the app writes on its event loop's)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: HistoryListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, change: HistoryChange, records: list[OrderRecord]) -> None:
        if not records:
            return
        event = HistoryEvent(change, tuple(records))
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("An order history listener failed")

    # ---- plumbing

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection()
            problem = self.write_problem
            if problem is not None:
                raise problem
            try:
                with immediate(conn):
                    yield conn
            except sqlite3.Error as exc:
                raise self._failed(exc) from None

    def _failed(self, exc: sqlite3.Error, *, reading: bool = False) -> OrderHistoryError:
        log.warning("The order history could not be %s: %s", "read" if reading else "changed", exc)
        if sqlite_code(exc) == sqlite3.SQLITE_FULL:
            return OrderHistoryFull(path=str(self._path))
        template = (
            QT_TRANSLATE_NOOP(_CTX, "The order history {path} could not be read ({reason}).")
            if reading
            else QT_TRANSLATE_NOOP(
                _CTX, "The order history {path} could not be changed ({reason})."
            )
        )
        return OrderHistoryError(template, path=str(self._path), reason=str(exc))

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise OrderHistoryError(QT_TRANSLATE_NOOP(_CTX, "The order history is closed."))
        return self._conn

    def _now(self) -> datetime:
        return _aware(self._clock())

    def _row(self, conn: sqlite3.Connection, local_id: int) -> OrderRecord:
        row = conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM orders WHERE local_id = ?",  # noqa: S608 - constant columns
            (local_id,),
        ).fetchone()
        if row is None:
            raise OrderNotFound(local_id=local_id)
        return record_from_row(row)

    def _select(
        self, where: str = "", params: tuple[Any, ...] = (), *, page: tuple[int, int] | None = None
    ) -> list[OrderRecord]:
        sql = f"SELECT {RECORD_COLUMNS} FROM orders {where} ORDER BY created_at DESC, local_id DESC"  # noqa: S608
        if page is not None:
            sql += " LIMIT ? OFFSET ?"
            params = (*params, *page)
        return [record_from_row(row) for row in self._fetch(sql, params)]

    def _fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """The rows of one read; a failure is an :class:`OrderHistoryError`."""
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._failed(exc, reading=True) from None

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
        operator: str | None = None,
        reference: str | None = None,
    ) -> int:
        """Record an order about to be created (status ``creating``); returns its local id.

        ``operator``: who creates it; ``reference``: what for (both free text, or ``None``).
        """
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
                "created_at, status, balance_before, updated_at, owner, operator, reference) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    self._run_id,
                    operator or None,
                    reference or None,
                ),
            )
            local_id = cursor.lastrowid
            assert local_id is not None
            record = self._row(conn, local_id)
        self._notify(HistoryChange.BEGUN, [record])
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
            record = self._row(conn, local_id)
        self._notify(HistoryChange.COMPLETED, [record])
        return record

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
        self._notify(HistoryChange.DISCARDED, [current])

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
            record = self._row(conn, local_id)
        self._notify(HistoryChange.MARKED_UNKNOWN, [record])

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
            record = self._row(conn, local_id)
        self._notify(HistoryChange.PAID, [record])
        return record

    def expire_stale(self) -> list[OrderRecord]:
        """Checkout orders awaiting payment for more than 24 h become ``expired``.

        A read-only history changes nothing.
        """
        if self.read_only:
            return []
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
            expired = [self._row(conn, i) for i in ids]
        self._notify(HistoryChange.EXPIRED, expired)
        return expired

    def recover_interrupted(self) -> list[OrderRecord]:
        """At start-up: rows still ``creating`` whose run died → ``unknown``.

        Each row records the run that began it, and every run holds a lock file
        while it lives, so the orders another running process is creating right
        now are left alone. A read-only history changes nothing.
        """
        if self.read_only:
            return []
        now = _ts(self._now())
        with self._write() as conn:
            rows = conn.execute(
                "SELECT local_id, owner FROM orders WHERE status = ?",
                (OrderStatus.CREATING.value,),
            ).fetchall()
            alive = {owner: self._owner_alive(owner) for owner in {row[1] for row in rows}}
            ids = [local_id for local_id, owner in rows if not alive[owner]]
            conn.executemany(
                "UPDATE orders SET status = ?, note = ?, updated_at = ? WHERE local_id = ?",
                [(OrderStatus.UNKNOWN.value, INTERRUPTED_NOTE, now, i) for i in ids],
            )
            recovered = [self._row(conn, i) for i in ids]
        self._notify(HistoryChange.RECOVERED, recovered)
        return recovered

    def changed_elsewhere(self) -> list[OrderRecord]:
        """Another process (the command line) may have written to the file: if it did
        since the last call (SQLite's ``data_version``; this process's own writes do not
        count), tell the listeners (:attr:`HistoryChange.CHANGED_ELSEWHERE`) about the
        rows changed since the last call or since the file was opened, and return them.
        Rows this process wrote meanwhile may be among them."""
        with self._lock:
            [(version,)] = self._fetch("PRAGMA data_version")
            if version == self._data_version:
                return []
            self._data_version = version
            since, self._seen_until = self._seen_until, self._now()
            records = self._select("WHERE updated_at >= ?", (_ts(since),))
        self._notify(HistoryChange.CHANGED_ELSEWHERE, records)
        return records

    # ---- reading

    def get(self, local_id: int) -> OrderRecord | None:
        with self._lock:
            try:
                return self._row(self._connection(), local_id)
            except OrderNotFound:
                return None
            except sqlite3.Error as exc:
                raise self._failed(exc, reading=True) from None

    def list(self, account_key: str | None = None) -> list[OrderRecord]:
        """All orders (or one account's), newest first."""
        if account_key is None:
            return self._select()
        return self._select("WHERE account_key = ?", (account_key,))

    def summary_rows(self, now: datetime, account_key: str | None = None) -> list[OrderRecord]:
        """The orders per-account facts come from (``core.account_orders.summarize``):
        those that may still be paid at ``now``, and each account's most recently
        updated paid order; everyone's, or one account's. Picked by SQLite: a long
        history is not read whole."""
        clause = (
            "(status = ? OR (status = ? AND COALESCE(checkout_url, '') != '')) "
            "AND (kind != 'checkout' OR created_at > ?) "
            "OR local_id IN (SELECT local_id FROM (SELECT local_id, MAX(updated_at) "
            "FROM orders WHERE status = ? GROUP BY account_key))"
        )
        params: tuple[Any, ...] = (
            OrderStatus.AWAITING_PAYMENT.value,
            OrderStatus.UNKNOWN.value,
            _ts(now - CHECKOUT_LIFETIME),
            OrderStatus.PAID.value,
        )
        if account_key is not None:
            clause, params = f"account_key = ? AND ({clause})", (account_key, *params)
        return self._select(f"WHERE {clause}", params)

    def find(
        self, where: OrderFilter, *, limit: int | None = None, offset: int = 0
    ) -> list[OrderRecord]:
        """The orders ``where`` matches, newest first (filtered by SQLite); a page of
        at most ``limit`` of them after the first ``offset``, if ``limit`` is given."""
        clause, params = where.where()
        if limit is not None:
            return self._select(clause, params, page=(limit, offset))
        return self._select(clause, params)

    def operators(self) -> list[str]:
        """Every operator name recorded, sorted (for a filter's choices)."""
        rows = self._fetch(
            "SELECT DISTINCT operator FROM orders WHERE operator IS NOT NULL ORDER BY operator"
        )
        return [row[0] for row in rows]

    def accounts(self) -> list[tuple[str, str]]:
        """(account key, e-mail) of every account that has orders, sorted by e-mail."""
        rows = self._fetch(
            "SELECT account_key, MAX(email) FROM orders GROUP BY account_key "
            "ORDER BY MAX(email), account_key"
        )
        return [(row[0], row[1]) for row in rows]

    def awaiting(self, account_key: str) -> list[OrderRecord]:
        """The account's orders awaiting payment, newest first."""
        return self._select(
            "WHERE account_key = ? AND status = ?",
            (account_key, OrderStatus.AWAITING_PAYMENT.value),
        )

    def recent_open_orders(
        self, account_key: str, within: timedelta = RECENT_OPEN
    ) -> list[OrderRecord]:
        """The account's orders created in the last ``within`` that may still be paid
        (being created or awaiting payment, link not run out), newest first.

        What the recharge dialog warns about before a second order is created.
        """
        now = self._now()
        return self._select(
            "WHERE account_key = ? AND status IN (?, ?) AND created_at >= ? "
            "AND (kind != 'checkout' OR created_at > ?)",
            (
                account_key,
                *(status.value for status in OPEN_STATUSES),
                _ts(now - within),
                _ts(now - CHECKOUT_LIFETIME),
            ),
        )

    def export_csv(self, path: Path, where: OrderFilter | None = None) -> int:
        """Write the orders ``where`` matches (newest first; all without it) as CSV;
        returns the number of rows written."""
        records = self.find(where or OrderFilter())
        header = [
            "Created (UTC)",
            "Account",
            "Email",
            "Host",
            "Kind",
            "Amount (USD)",
            "Status",
            "Order number",
            "Balance before (credits)",
            "Balance after (credits)",
            "Checkout link",
            "Note",
            "Last update (UTC)",
            "Local ID",
            "Operator",
            "Reference",
        ]
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                for rec in records:
                    writer.writerow(
                        [
                            rec.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                            csv_text(rec.account_key),
                            csv_text(rec.email),
                            csv_text(rec.host),
                            rec.kind.capitalize(),
                            str(rec.amount),
                            STATUS_TEXT[rec.status],
                            csv_text(rec.order_no),
                            "" if rec.balance_before is None else str(rec.balance_before),
                            "" if rec.balance_after is None else str(rec.balance_after),
                            csv_text(rec.checkout_url),
                            csv_text(rec.note),
                            rec.updated_at.strftime("%Y-%m-%d %H:%M:%S"),
                            rec.local_id,
                            csv_text(rec.operator),
                            csv_text(rec.reference),
                        ]
                    )
        except OSError as exc:
            raise _export_error(path, exc) from None
        return len(records)

    def export_jsonl(self, path: Path, where: OrderFilter | None = None) -> int:
        """Write the orders ``where`` matches (newest first) as JSON Lines, one object
        per order (:func:`record_json`); returns the number of lines written."""
        records = self.find(where or OrderFilter())
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                for rec in records:
                    handle.write(json.dumps(record_json(rec), ensure_ascii=False) + "\n")
        except OSError as exc:
            raise _export_error(path, exc) from None
        return len(records)


def _export_error(path: Path, exc: OSError) -> OrderHistoryError:
    return OrderHistoryError(
        QT_TRANSLATE_NOOP(_CTX, "Could not write {path}: {reason}."),
        path=str(path),
        reason=exc.strerror or str(exc),
    )


def record_json(rec: OrderRecord) -> dict[str, Any]:
    """An order as JSON for scripts: money as decimal strings, times in ISO 8601 (UTC)."""

    def money(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {
        "local_id": rec.local_id,
        "order_no": rec.order_no,
        "account": rec.account_key,
        "email": rec.email,
        "host": rec.host,
        "kind": rec.kind,
        "amount_usd": str(rec.amount),
        "product_id": rec.product_id,
        "status": rec.status.value,
        "created_at": rec.created_at.isoformat(),
        "updated_at": rec.updated_at.isoformat(),
        "expires_at": None if rec.expires_at is None else rec.expires_at.isoformat(),
        "balance_before_credits": money(rec.balance_before),
        "balance_after_credits": money(rec.balance_after),
        "checkout_url": rec.checkout_url,
        "note": rec.note,
        "operator": rec.operator,
        "reference": rec.reference,
    }


def record_from_row(row: Sequence[Any]) -> OrderRecord:
    """The record of a row of :data:`RECORD_COLUMNS`."""
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
        operator,
        reference,
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
        operator=operator,
        reference=reference,
    )


__all__ = [
    "INTERRUPTED_NOTE",
    "MIGRATIONS",
    "RECORD_COLUMNS",
    "SCHEMA_VERSION",
    "STATUS_TEXT",
    "HistoryChange",
    "HistoryEvent",
    "HistoryListener",
    "OrderFilter",
    "OrderHistory",
    "OrderHistoryError",
    "OrderHistoryFull",
    "OrderNotFound",
    "OrderRecord",
    "OrderStatus",
    "apply_migrations",
    "csv_text",
    "record_from_row",
    "record_json",
]
