"""The team ledger: every desk's orders in one PostgreSQL database (optional).

Plain Python (no Qt), on the app's asyncio loop, with psycopg 3 (see
docs/architecture.md, "Team ledger", for why psycopg and why no ORM).

* The local SQLite history stays the write-ahead source of truth. Triggers in it
  (``core/orders.py``, migration 4) queue every change in ``ledger_outbox`` in the
  same transaction as the change itself, whoever writes the file.
* :class:`Ledger` drains that outbox in order: each order is upserted keyed by
  (instance id, local id) with the outbox row's ``seq`` as its version, so a replay
  never overwrites a newer state; the outbox rows are deleted only after the
  server committed. When the server is away it retries with a growing pause,
  reconnects, and its :class:`LedgerStatus` says how many changes wait.
* The ledger's table NOTIFYs on every change; one connection LISTENs and the team's
  orders are read again then (no polling loop): :meth:`Ledger.team_orders`.
* The schema is versioned (``ledger_schema``); the app applies what is missing under
  an advisory lock, so two desks starting together never both migrate.

Tokens never go to the ledger; checkout links only when ``share_links`` is on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sqlite3
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote, urlsplit

from ohmygpt_desktop.core.orders import OPEN_STATUSES as OPEN_ORDER_STATUSES
from ohmygpt_desktop.core.orders import (
    RECENT_OPEN,
    RECORD_COLUMNS,
    OrderRecord,
    record_from_row,
)
from ohmygpt_desktop.core.settings import redact_url
from ohmygpt_desktop.core.sqlite_files import immediate
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    import psycopg

    from ohmygpt_desktop.core.orders import HistoryEvent, OrderHistory

log = logging.getLogger(__name__)
T = TypeVar("T")

_CTX = "Ledger"
#: The NOTIFY channel of the ledger's table.
CHANNEL = "ledger_orders"
#: pg_advisory_xact_lock key held while the schema is migrated ("omgl").
_MIGRATION_LOCK = 0x6F6D676C
#: How many outbox rows one transaction publishes.
BATCH = 500
#: How many of the team's orders the Team view shows (newest first).
TEAM_ROWS = 1000
#: Statuses of orders someone may still pay, as the ledger stores them.
OPEN_STATUSES = tuple(status.value for status in OPEN_ORDER_STATUSES)
#: Status the ledger keeps for an order the desk discarded (proven never created).
DISCARDED = "discarded"
_CONNECT_TIMEOUT_S = 5
_FIRST_RETRY_S = 0.25
_LAST_RETRY_S = 15.0
#: The publisher looks at the outbox this often even without a local write (rows
#: written by another process, e.g. the command line).
_IDLE_CHECK_S = 30.0

#: ``LEDGER_MIGRATIONS[i]`` takes the ledger from schema version *i* to *i + 1*.
LEDGER_MIGRATIONS: list[str] = [
    # 1: the orders of every desk, and the NOTIFY that keeps the Team views live.
    """
    CREATE TABLE ledger_orders (
        instance_id    uuid        NOT NULL,
        local_id       bigint      NOT NULL,
        version        bigint      NOT NULL,
        desk           text        NOT NULL,
        operator       text,
        reference      text,
        account_key    text        NOT NULL,
        email          text        NOT NULL,
        host           text        NOT NULL,
        kind           text        NOT NULL,
        amount_usd     numeric     NOT NULL,
        product_id     text        NOT NULL,
        status         text        NOT NULL,
        order_no       text,
        balance_before numeric,
        balance_after  numeric,
        checkout_url   text,
        note           text,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        published_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (instance_id, local_id)
    );
    CREATE INDEX ledger_orders_by_account ON ledger_orders (email, host, created_at DESC);
    CREATE INDEX ledger_orders_by_time ON ledger_orders (created_at DESC);
    CREATE FUNCTION ledger_orders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('ledger_orders', '');
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER ledger_orders_notify
        AFTER INSERT OR UPDATE OR DELETE ON ledger_orders
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_orders_changed();
    """,
]
LEDGER_SCHEMA_VERSION = len(LEDGER_MIGRATIONS)

#: Reads an order's local row with its outbox entry (one statement: one snapshot):
#: seq, op, the queued local id, then the order's columns (NULL when the row is gone).
_PENDING = f"""
    SELECT b.seq, b.op, b.local_id, {", ".join(f"o.{c.strip()}" for c in RECORD_COLUMNS.split(","))}
    FROM ledger_outbox b LEFT JOIN orders o ON o.local_id = b.local_id
    ORDER BY b.seq LIMIT ?
"""  # noqa: S608 - constant columns

_UPSERT = """
    INSERT INTO ledger_orders (
        instance_id, local_id, version, desk, account_key, email, host, kind, amount_usd,
        product_id, status, order_no, balance_before, balance_after, checkout_url, note,
        created_at, updated_at, operator, reference)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
    ON CONFLICT (instance_id, local_id) DO UPDATE SET
        version = EXCLUDED.version, desk = EXCLUDED.desk,
        account_key = EXCLUDED.account_key, email = EXCLUDED.email, host = EXCLUDED.host,
        kind = EXCLUDED.kind, amount_usd = EXCLUDED.amount_usd,
        product_id = EXCLUDED.product_id, status = EXCLUDED.status,
        order_no = EXCLUDED.order_no, balance_before = EXCLUDED.balance_before,
        balance_after = EXCLUDED.balance_after, checkout_url = EXCLUDED.checkout_url,
        note = EXCLUDED.note, created_at = EXCLUDED.created_at,
        updated_at = EXCLUDED.updated_at, operator = EXCLUDED.operator,
        reference = EXCLUDED.reference, published_at = now()
    WHERE ledger_orders.version < EXCLUDED.version
"""

_DISCARD = """
    UPDATE ledger_orders SET status = %s, version = %s, published_at = now()
    WHERE instance_id = %s AND local_id = %s AND version < %s
"""

_TEAM_COLUMNS = (
    "instance_id, local_id, desk, operator, reference, email, host, amount_usd, status, "
    "order_no, checkout_url, created_at, updated_at"
)


# ------------------------------------------------------------------ values


@dataclass(frozen=True)
class TeamOrder:
    """One order as the ledger has it (any desk's)."""

    instance_id: str
    local_id: int
    desk: str
    operator: str | None
    reference: str | None
    email: str
    host: str
    amount: Decimal
    status: str
    order_no: str | None
    #: Only when the desk that made it shares links.
    checkout_url: str | None
    created_at: datetime
    updated_at: datetime
    #: Made on this computer (this history's instance id).
    mine: bool = False

    def __repr__(self) -> str:  # the checkout link is left out on purpose
        return (
            f"TeamOrder(desk={self.desk!r}, local_id={self.local_id}, email={self.email!r}, "
            f"amount={self.amount}, status={self.status!r})"
        )


@dataclass(frozen=True)
class LedgerStatus:
    """What the status line says: nothing while ``connected``."""

    connected: bool = False
    #: Local changes not yet in the ledger.
    queued: int = 0
    #: Why the ledger cannot be reached (translatable), when it cannot.
    problem: Text | None = None
    #: The first connection has not been tried yet.
    starting: bool = True

    @property
    def offline(self) -> bool:
        return not self.connected and not self.starting


@dataclass(frozen=True)
class LedgerCheck:
    """What ``ohmygpt-desktop ledger check`` reports."""

    url: str
    reachable: bool
    schema_version: int | None
    expected_version: int
    queued: int | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.reachable and self.schema_version == self.expected_version


StatusListener = Callable[[LedgerStatus], None]
TeamListener = Callable[[Sequence[TeamOrder]], None]
PasswordSource = Callable[[], Awaitable[str | None]]


def unreachable(reason: str) -> Text:
    return Text(
        _CTX,
        QT_TRANSLATE_NOOP(_CTX, "The team ledger cannot be reached ({reason})."),
        reason=reason,
    )


def queue_unusable(reason: str) -> Text:
    return Text(
        _CTX,
        QT_TRANSLATE_NOOP(
            _CTX, "Orders cannot be sent to the team ledger: the local queue failed ({reason})."
        ),
        reason=reason,
    )


def _reason(exc: BaseException) -> str:
    """The first line of a driver error (libpq never puts the password in it)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# ------------------------------------------------------------------ the local outbox


class LocalOutbox:
    """The outbox and instance id in the local history file (its own connection).

    Blocking (``sqlite3``): :class:`Ledger` calls it in a worker thread.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self._path = Path(path)
        if read_only:
            self._conn = sqlite3.connect(
                f"{self._path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            self._conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 5000")
        self._instance_id: str | None = None

    def close(self) -> None:
        self._conn.close()

    def instance_id(self) -> str:
        """This history's stable id (made once, kept in the file)."""
        if self._instance_id is None:
            self._conn.execute(
                "INSERT OR IGNORE INTO ledger_meta (key, value) VALUES ('instance_id', ?)",
                (str(uuid.uuid4()),),
            )
            row = self._conn.execute(
                "SELECT value FROM ledger_meta WHERE key = 'instance_id'"
            ).fetchone()
            self._instance_id = str(row[0])
        return self._instance_id

    def pending(self, limit: int = BATCH) -> list[tuple[Any, ...]]:
        """The oldest queued changes with their orders' current rows."""
        return self._conn.execute(_PENDING, (limit,)).fetchall()

    def published(self, seqs: Iterable[int]) -> None:
        """Forget these outbox rows (a newer change of the same order has another seq)."""
        with immediate(self._conn):  # one transaction (one sync to disk) per batch
            self._conn.executemany("DELETE FROM ledger_outbox WHERE seq = ?", [(s,) for s in seqs])

    def length(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM ledger_outbox").fetchone()[0])


# ------------------------------------------------------------------ schema


async def migrate(conn: psycopg.AsyncConnection[Any]) -> int:
    """Apply the missing ledger migrations (one desk at a time); the version reached."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS ledger_schema ("
            " version integer PRIMARY KEY,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM ledger_schema")
        row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > LEDGER_SCHEMA_VERSION:
            raise _SchemaTooNew(version)
        while version < LEDGER_SCHEMA_VERSION:
            await conn.execute(LEDGER_MIGRATIONS[version])  # type: ignore[arg-type]
            version += 1
            await conn.execute("INSERT INTO ledger_schema (version) VALUES (%s)", (version,))
    return version


async def schema_version(conn: psycopg.AsyncConnection[Any]) -> int:
    """The ledger's schema version (0: never migrated)."""
    cursor = await conn.execute("SELECT to_regclass('ledger_schema') IS NOT NULL")
    row = await cursor.fetchone()
    if not row or not row[0]:
        return 0
    cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM ledger_schema")
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


class _SchemaTooNew(Exception):
    """The ledger was migrated by a newer app."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"the ledger's schema is version {version}; this app knows up to "
            f"{LEDGER_SCHEMA_VERSION}: update the app"
        )


async def connect(url: str, password: str | None) -> psycopg.AsyncConnection[Any]:
    """An autocommit connection (the password, if any, from the keyring; else libpq
    reads PGPASSFILE / ~/.pgpass itself)."""
    import psycopg

    extra: dict[str, Any] = {
        "autocommit": True,
        "connect_timeout": _CONNECT_TIMEOUT_S,
        "application_name": "ohmygpt-desktop",
    }
    if password:
        extra["password"] = password
    return await psycopg.AsyncConnection.connect(url, **extra)


async def check_ledger(url: str, history_path: Path, password: str | None = None) -> LedgerCheck:
    """Connectivity, schema version and the local queue's length (changes nothing)."""
    queued, problem = await asyncio.to_thread(_queue_of, history_path)
    import psycopg

    try:
        conn = await connect(url, password)
    except (psycopg.Error, OSError) as exc:
        return LedgerCheck(
            redact_url(url), False, None, LEDGER_SCHEMA_VERSION, queued, _reason(exc)
        )
    try:
        version = await schema_version(conn)
    except psycopg.Error as exc:
        return LedgerCheck(redact_url(url), True, None, LEDGER_SCHEMA_VERSION, queued, _reason(exc))
    finally:
        await conn.close()
    return LedgerCheck(redact_url(url), True, version, LEDGER_SCHEMA_VERSION, queued, problem)


def _queue_of(history_path: Path) -> tuple[int | None, str | None]:
    """The local queue's length (0 without a history yet), or why it could not be read."""
    if not history_path.exists():
        return 0, None
    try:
        outbox = LocalOutbox(history_path, read_only=True)
        try:
            return outbox.length(), None
        finally:
            outbox.close()
    except sqlite3.Error as exc:
        return None, f"the local queue could not be read: {exc}"


def format_check(report: LedgerCheck) -> str:
    """The check as a few lines for a terminal (English, like the other CLI reports)."""
    lines = [f"Ledger: {report.url}"]
    lines.append("Connection: " + ("ok" if report.reachable else "FAILED"))
    if report.schema_version is not None:
        state = "ok" if report.schema_version == report.expected_version else "needs migration"
        if report.schema_version > report.expected_version:
            state = "newer than this app"
        lines.append(
            f"Schema version: {report.schema_version} "
            f"(this app: {report.expected_version}; {state})"
        )
    lines.append(
        "Waiting to be published: " + ("unknown" if report.queued is None else str(report.queued))
    )
    if report.problem:
        lines.append(f"Problem: {report.problem}")
    return "\n".join(lines)


# ------------------------------------------------------------------ the ledger


def _team_order(row: Sequence[Any], mine: str | None) -> TeamOrder:
    (
        instance_id,
        local_id,
        desk,
        operator,
        reference,
        email,
        host,
        amount,
        status,
        order_no,
        checkout_url,
        created_at,
        updated_at,
    ) = row
    return TeamOrder(
        instance_id=str(instance_id),
        local_id=int(local_id),
        desk=desk,
        operator=operator,
        reference=reference,
        email=email,
        host=host,
        amount=Decimal(amount),
        status=status,
        order_no=order_no,
        checkout_url=checkout_url,
        created_at=created_at,
        updated_at=updated_at,
        mine=str(instance_id) == mine,
    )


def _open_outbox(path: Path) -> LocalOutbox:
    """The local outbox, its instance id read (in a worker thread, with the driver's
    import: psycopg takes tens of milliseconds to load, not on the GUI thread)."""
    with contextlib.suppress(ImportError):  # a missing driver is said on connecting
        import psycopg  # noqa: F401 - loaded here, used by the connections later

    outbox = LocalOutbox(path)
    try:
        outbox.instance_id()
    except BaseException:
        outbox.close()
        raise
    return outbox


class Ledger:
    """Publishes the local history to the ledger and keeps the team's orders live."""

    def __init__(
        self,
        url: str,
        history: OrderHistory | Path,
        *,
        password: PasswordSource | None = None,
        share_links: bool = False,
        desk: str | None = None,
    ) -> None:
        self.url = url
        self._history = None if isinstance(history, Path) else history
        self._path = history if isinstance(history, Path) else history.path
        self._password = password
        self.share_links = share_links
        self.desk = desk or socket.gethostname() or "?"
        self._status = LedgerStatus()
        self._team: list[TeamOrder] = []
        self._status_listeners: list[StatusListener] = []
        self._team_listeners: list[TeamListener] = []
        self._outbox: LocalOutbox | None = None
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._conn_lock = asyncio.Lock()
        self._wake: asyncio.Event | None = None
        self._team_dirty: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._migrated = False
        self._closed = False

    # ---- observing

    @property
    def status(self) -> LedgerStatus:
        return self._status

    def team_orders(self) -> list[TeamOrder]:
        """The team's newest orders (every desk's, this one's too), newest first."""
        return list(self._team)

    def add_status_listener(self, listener: StatusListener) -> None:
        self._status_listeners.append(listener)

    def remove_status_listener(self, listener: StatusListener) -> None:
        if listener in self._status_listeners:
            self._status_listeners.remove(listener)

    def add_team_listener(self, listener: TeamListener) -> None:
        self._team_listeners.append(listener)

    def remove_team_listener(self, listener: TeamListener) -> None:
        if listener in self._team_listeners:
            self._team_listeners.remove(listener)

    def _set_status(self, **changes: Any) -> None:
        status = replace(self._status, starting=False, **changes)
        if status == self._status:
            return
        self._status = status
        for listener in list(self._status_listeners):
            try:
                listener(status)
            except Exception:
                log.exception("A ledger status listener failed")

    @property
    def instance_id(self) -> str | None:
        return self._outbox.instance_id() if self._outbox is not None else None

    # ---- lifecycle

    async def start(self) -> None:
        """Open the local outbox and start publishing and listening (returns at once)."""
        if self._tasks:
            return
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._team_dirty = asyncio.Event()
        try:
            self._outbox = await asyncio.to_thread(_open_outbox, self._path)
        except sqlite3.Error as exc:  # the history itself says what is wrong with it
            log.warning("The team ledger's local queue could not be opened: %s", exc)
            self._outbox = None
            self._set_status(connected=False, problem=queue_unusable(str(exc)))
            return
        if self._history is not None:
            self._history.add_listener(self._on_history)
        # The team's orders are first read once the change feed listens (it says so):
        # a read before that could miss a change, and would be made twice.
        for work in (self._publish_forever, self._listen_forever, self._load_team_forever):
            self._tasks.append(asyncio.create_task(work(), name=f"ledger {work.__name__}"))

    async def aclose(self) -> None:
        self._closed = True
        if self._history is not None:
            self._history.remove_listener(self._on_history)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._conn is not None:
            with contextlib.suppress(Exception):
                await self._conn.close()
            self._conn = None
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None

    def _on_history(self, _event: HistoryEvent) -> None:
        """A local write queued a change (any thread): publish soon."""
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is closing
            loop.call_soon_threadsafe(wake.set)

    def publish_soon(self) -> None:
        """Look at the outbox now (e.g. after another process wrote to it)."""
        if self._wake is not None:
            self._wake.set()

    # ---- connections

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        password = await self._password() if self._password is not None else None
        conn = await connect(self.url, password)
        if not self._migrated:
            try:
                await migrate(conn)
            except BaseException:
                await conn.close()
                raise
            self._migrated = True
        return conn

    async def _main_conn(self) -> psycopg.AsyncConnection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = await self._connect()
        return self._conn

    async def _drop_main_conn(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close()

    async def _on_conn(self, work: Callable[[psycopg.AsyncConnection[Any]], Awaitable[T]]) -> T:
        """``work`` on the shared connection (one at a time).

        A connection kept from before a server restart (or cut by an administrator)
        only says so when next used: then ``work`` runs once more on a new one. Every
        ``work`` here may run twice: reads, and publishing (whose versions make a replay
        change nothing).
        """
        import psycopg

        async with self._conn_lock:
            reused = self._conn is not None and not self._conn.closed
            conn = await self._main_conn()
            try:
                return await work(conn)
            except psycopg.OperationalError:
                if not reused or not conn.closed:
                    raise
                log.info("The team ledger's connection was cut; connecting again")
                await self._drop_main_conn()
                return await work(await self._main_conn())

    async def _read(self, query: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """The rows of one read on the shared connection."""

        async def read(conn: psycopg.AsyncConnection[Any]) -> list[tuple[Any, ...]]:
            cursor = await conn.execute(query, params)  # type: ignore[arg-type]
            return await cursor.fetchall()

        return await self._on_conn(read)

    # ---- publishing

    async def _publish_forever(self) -> None:

        assert self._wake is not None
        pause = _FIRST_RETRY_S
        while not self._closed:
            self._wake.clear()
            try:
                sent = await self.publish_batch()
            except Exception as exc:  # a background task never dies: retry
                await self._offline(exc)
                await self._wait_wake(pause, count_while_waiting=True)
                pause = min(pause * 2, _LAST_RETRY_S)
                continue
            pause = _FIRST_RETRY_S
            if not sent:
                await self._wait_wake(_IDLE_CHECK_S)

    async def _offline(self, exc: BaseException) -> None:
        log.warning("The team ledger cannot be reached: %s", _reason(exc))
        async with self._conn_lock:
            await self._drop_main_conn()
        queued = await self._queue_length()
        self._set_status(connected=False, queued=queued, problem=unreachable(_reason(exc)))

    async def _queue_length(self) -> int:
        outbox = self._outbox
        if outbox is None:
            return 0
        try:
            return await asyncio.to_thread(outbox.length)
        except sqlite3.Error:
            return self._status.queued

    async def _wait_wake(self, seconds: float, *, count_while_waiting: bool = False) -> None:
        """Until a local write or ``seconds`` pass; offline, each write updates the count."""
        assert self._wake is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (left := deadline - loop.time()) > 0:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(left):
                    await self._wake.wait()
            if not self._wake.is_set():
                return
            if not count_while_waiting:
                return
            self._wake.clear()
            self._set_status(queued=await self._queue_length())

    async def publish_batch(self) -> int:
        """Publish the oldest queued changes (one transaction); how many were sent."""
        outbox = self._outbox
        assert outbox is not None, "start() first"
        rows = await asyncio.to_thread(outbox.pending, BATCH)
        if not rows:
            if not self._status.connected:  # reachable? (a quiet start says so too)
                await self._read("SELECT 1", ())
                self._set_status(connected=True, queued=0, problem=None)
            return 0
        instance = outbox.instance_id()
        upserts: list[tuple[Any, ...]] = []
        discards: list[tuple[Any, ...]] = []
        for row in rows:
            seq, op, local_id, *order = row
            if op == "upsert" and order[0] is not None:  # the row is still there
                upserts.append(self._upsert_params(instance, seq, record_from_row(order)))
            else:
                discards.append((DISCARDED, seq, instance, local_id, seq))

        async def publish(conn: psycopg.AsyncConnection[Any]) -> None:
            async with conn.transaction(), conn.cursor() as cursor:
                if upserts:
                    await cursor.executemany(_UPSERT, upserts)  # type: ignore[arg-type]
                if discards:
                    await cursor.executemany(_DISCARD, discards)  # type: ignore[arg-type]

        await self._on_conn(publish)
        # Only now that the server has them: a crash before this line publishes them
        # again, and the versions make that replay change nothing.
        await asyncio.to_thread(outbox.published, [row[0] for row in rows])
        queued = await self._queue_length()
        self._set_status(connected=True, queued=queued, problem=None)
        return len(rows)

    def _upsert_params(self, instance: str, seq: int, order: OrderRecord) -> tuple[Any, ...]:
        return (
            instance,
            order.local_id,
            seq,
            self.desk,
            order.account_key,
            order.email,
            order.host,
            order.kind,
            order.amount,
            order.product_id,
            order.status.value,
            order.order_no,
            order.balance_before,
            order.balance_after,
            order.checkout_url if self.share_links else None,
            order.note,
            order.created_at,
            order.updated_at,
            order.operator,
            order.reference,
        )

    # ---- listening

    async def _listen_forever(self) -> None:

        assert self._team_dirty is not None
        pause = _FIRST_RETRY_S
        while not self._closed:
            try:
                conn = await self._connect()
            except Exception as exc:  # a background task never dies: retry
                log.info("The ledger's change feed is away: %s", _reason(exc))
                self._set_status(
                    connected=False,
                    queued=await self._queue_length(),
                    problem=unreachable(_reason(exc)),
                )
                await asyncio.sleep(pause)
                pause = min(pause * 2, _LAST_RETRY_S)
                continue
            pause = _FIRST_RETRY_S
            try:
                await conn.execute(f"LISTEN {CHANNEL}")
                self._team_dirty.set()  # changes made while nobody listened
                self.publish_soon()  # the server is back: publish what waits
                async for _note in conn.notifies():
                    self._team_dirty.set()
            except Exception as exc:  # a background task never dies: reconnect
                # Offline only if that fails: a cut connection to a server that is up
                # is nobody's business.
                log.info("The ledger's change feed stopped: %s", _reason(exc))
            finally:
                with contextlib.suppress(Exception):
                    await conn.close()

    async def _load_team_forever(self) -> None:

        dirty = self._team_dirty
        assert dirty is not None
        pause = _FIRST_RETRY_S
        while not self._closed:
            await dirty.wait()
            dirty.clear()
            try:
                team = await self._query_team()
            except Exception as exc:  # a background task never dies: retry
                log.info("The team's orders could not be read: %s", _reason(exc))
                # Read again later, or sooner on the listener's word. Not only on its
                # word: the reconnect it announces may be the one this read just missed.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(pause):
                        await dirty.wait()
                pause = min(pause * 2, _LAST_RETRY_S)
                dirty.set()
                continue
            pause = _FIRST_RETRY_S
            self._team = team
            for listener in list(self._team_listeners):
                try:
                    listener(team)
                except Exception:
                    log.exception("A team listener failed")

    async def _query_team(self) -> list[TeamOrder]:
        rows = await self._read(
            f"SELECT {_TEAM_COLUMNS} FROM ledger_orders WHERE status <> %s "  # noqa: S608
            "ORDER BY created_at DESC, local_id DESC LIMIT %s",
            (DISCARDED, TEAM_ROWS),
        )
        mine = self.instance_id
        return [_team_order(row, mine) for row in rows]

    # ---- the double top-up guard

    async def other_desks_open_orders(self, email: str, host: str) -> list[TeamOrder]:
        """Other desks' open orders of the same account (e-mail and host) from the last
        :data:`RECENT_OPEN`, newest first; none when the ledger cannot be read."""
        import psycopg

        since = datetime.now(UTC) - RECENT_OPEN
        try:
            rows = await self._read(
                f"SELECT {_TEAM_COLUMNS} FROM ledger_orders "  # noqa: S608
                "WHERE email = %s AND host = %s AND created_at >= %s AND status = ANY(%s) "
                "ORDER BY created_at DESC",
                (email, host, since, list(OPEN_STATUSES)),
            )
        except (psycopg.Error, OSError, _SchemaTooNew) as exc:
            log.info("The team's open orders could not be read: %s", _reason(exc))
            return []
        mine = self.instance_id
        return [order for row in rows if not (order := _team_order(row, mine)).mine]


def password_key(url: str) -> tuple[str, str]:
    """(database host, user name): where the ledger's password is kept in the keyring."""
    import getpass

    parts = urlsplit(url)
    user = unquote(parts.username or "") or getpass.getuser()
    return parts.hostname or "localhost", user


__all__ = [
    "CHANNEL",
    "LEDGER_MIGRATIONS",
    "LEDGER_SCHEMA_VERSION",
    "Ledger",
    "LedgerCheck",
    "LedgerStatus",
    "LocalOutbox",
    "TeamOrder",
    "check_ledger",
    "connect",
    "format_check",
    "migrate",
    "schema_version",
]
