"""Balance history per account, spending per day and "runs out in ~N days".

Plain Python (no Qt). :class:`UsageHistory` keeps one *sample* (time, balance,
free balance) per balance read in a local SQLite file, and keeps that file small:

* **dedup** — a read that shows the same figures as the account's newest sample
  adds no row, unless that sample is an hour old or more (so flat stretches
  still have points);
* **thinning with age** — every sample of the last 2 days, the last one of each
  hour up to 30 days back, the last one of each day up to a year back, nothing
  older; top-ups and clock breaks are kept for the year;
* **a size cap** — at most :data:`MAX_SAMPLES_PER_ACCOUNT` samples per account and
  :data:`MAX_SAMPLES` in all (the oldest go first).

A rise of the balance is marked as a *top-up* (with the rise), and with the
order number of a paid order of that account around that time when the order
history has one. The clock can go backwards (the user corrects it): a sample is
never stored before the account's newest one; it is stored just after it and
marked as a *break*, which the forecast never draws a rate across.

:func:`forecast` turns samples into a :class:`Forecast` (docs/forecast.md says how);
:meth:`UsageHistory.forecast` caches it per account until a new sample comes.

The file opens like the order history's: a damaged file is moved aside (kept)
and a fresh one started; when none can be written, the history lives in memory
for this run. :attr:`UsageHistory.open_problem` says so.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import IntEnum, StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any

from ohmygpt_desktop.core.files import DIR_MODE, FILE_MODE
from ohmygpt_desktop.core.orders import (
    OrderFilter,
    OrderHistory,
    OrderHistoryError,
    OrderStatus,
    csv_text,
)
from ohmygpt_desktop.core.sqlite_files import (
    DAMAGE_CODES,
    Damaged,
    immediate,
    migrate,
    move_aside,
    sqlite_code,
)
from ohmygpt_desktop.core.sqlite_files import stored_decimal as _dec
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Text

log = logging.getLogger(__name__)

_CTX = "Usage"

HOUR = 3600
DAY = 86400
#: An unchanged balance adds a sample at most this often (seconds).
DEDUP_S = HOUR
#: Every sample younger than this is kept (seconds).
KEEP_ALL_S = 2 * DAY
#: Up to this age the last sample of each hour is kept; beyond it, of each day.
HOURLY_UNTIL_S = 30 * DAY
#: Nothing older is kept.
KEEP_AT_MOST_S = 365 * DAY
MAX_SAMPLES_PER_ACCOUNT = 5000
MAX_SAMPLES = 12_000_000
#: How often one account's samples are thinned (seconds of its own clock).
_THIN_EVERY_S = HOUR
#: After how many new samples the whole file is checked against :data:`MAX_SAMPLES`.
_CAP_CHECK_EVERY = 10_000

#: The forecast looks at this many days of samples.
WINDOW_DAYS = 7
#: ... and needs at least this much time between first and last sample of a stretch.
MIN_SPAN_DAYS = 0.5
#: ... and at least this many pairs of samples to take rates from.
MIN_PAIRS = 3
#: At most this many points of the window go into the slope (the rest are thinned).
_MAX_POINTS = 28
_STEP_S = WINDOW_DAYS * DAY // _MAX_POINTS
#: SQLite's default: the write-ahead log is folded into the file at this many pages.
_AUTO_CHECKPOINT_PAGES = 1000
#: Cached forecasts are worked out again after this long (seconds), new samples or not.
FORECAST_TTL_S = HOUR
#: A forecast range whose ends differ by more than this factor is shown as a range.
NOISY_RATIO = 1.25


class SampleKind(IntEnum):
    """What a sample is (stored as a number)."""

    READ = 0
    #: The balance rose: money came in.
    TOPUP = 1
    #: The clock went back: no rate is taken across this sample.
    BREAK = 2


@dataclass(frozen=True, slots=True)
class Sample:
    """One balance read of one account (money in credits)."""

    at: datetime
    balance: Decimal
    free_balance: Decimal | None = None
    kind: SampleKind = SampleKind.READ
    #: How much the balance rose (a top-up).
    topup: Decimal | None = None
    #: The paid order the rise belongs to, when the order history has one.
    order_no: str | None = None


class ForecastState(StrEnum):
    #: Too few samples, or too short a stretch, to tell a rate.
    NOT_ENOUGH_DATA = "not_enough_data"
    #: The balance is flat or rising: nothing runs out.
    NOT_FALLING = "not_falling"
    FALLING = "falling"
    #: The balance is zero or below.
    RAN_OUT = "ran_out"


@dataclass(frozen=True, slots=True)
class Forecast:
    """How fast an account spends and when its balance runs out."""

    state: ForecastState
    #: Credits spent per day, top-ups left out (``None`` without enough data).
    spent_per_day: Decimal | None = None
    #: Days until the balance runs out, counted from ``now`` of the forecast: the
    #: soonest and the latest estimate (``math.inf`` when it may not run out at all).
    runs_out_in: tuple[float, float] | None = None
    #: The middle estimate, in days.
    days: float | None = None
    #: The newest balance and when it was read.
    balance: Decimal | None = None
    at: datetime | None = None

    @property
    def noisy(self) -> bool:
        """Whether the estimate is spread enough to be shown as a range."""
        if self.runs_out_in is None:
            return False
        low, high = self.runs_out_in
        return high > max(low, 0.5) * NOISY_RATIO

    @property
    def sort_key(self) -> tuple[int, float]:
        """Sorts soonest first: ran out, then by days left, then not falling, then
        not enough data."""
        if self.state is ForecastState.RAN_OUT:
            return (0, 0.0)
        if self.state is ForecastState.FALLING and self.days is not None:
            return (0, self.days)
        return (1, 0.0) if self.state is ForecastState.NOT_FALLING else (2, 0.0)


NOT_ENOUGH = Forecast(ForecastState.NOT_ENOUGH_DATA)


# ------------------------------------------------------------------ forecasting


#: A reading as the forecast sees it: (UTC seconds, balance, kind).
_Point = tuple[float, float, int]


def _segments(points: Iterable[_Point]) -> list[list[tuple[float, float]]]:
    """Stretches of (days, balance) with no top-up, rise, break or clock going back."""
    segments: list[list[tuple[float, float]]] = []
    previous: _Point | None = None
    for point in points:
        at, value, kind = point
        if previous is None or kind != SampleKind.READ or at <= previous[0] or value > previous[1]:
            segments.append([(at / DAY, value)])
        else:
            segments[-1].append((at / DAY, value))
        previous = point
    return segments


def _thinned(segment: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    """The last point of each ``step``-long stretch (the first point kept too)."""
    if len(segment) <= 2:
        return segment
    kept = [segment[0]]
    bucket = math.floor(segment[0][0] / step)
    for point in segment[1:]:
        here = math.floor(point[0] / step)
        if here == bucket and len(kept) > 1:
            kept[-1] = point
        else:
            kept.append(point)
            bucket = here
    return kept


def _quantile(values: list[float], q: float) -> float:
    position = (len(values) - 1) * q
    low = math.floor(position)
    high = math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)


def forecast(samples: Sequence[Sample], now: datetime) -> Forecast:
    """The forecast from one account's samples in the order they were read.

    A Theil–Sen slope: the median of the rates between pairs of samples of the
    last :data:`WINDOW_DAYS` days that lie in the same stretch without top-ups
    and at least a day apart (half the longest stretch when that is shorter), so
    that spending in bursts within a day does not swing it. The quartiles of those
    rates give the range. See docs/forecast.md.
    """
    if not samples:
        return NOT_ENOUGH
    points = [(s.at.timestamp(), float(s.balance), int(s.kind)) for s in samples]
    return _forecast(points, samples[-1].balance, samples[-1].at, now)


def _forecast(points: Sequence[_Point], balance: Decimal, at: datetime, now: datetime) -> Forecast:
    """:func:`forecast` on plain points; ``balance`` and ``at``: the newest reading."""
    if balance <= 0:
        return Forecast(
            ForecastState.RAN_OUT, runs_out_in=(0.0, 0.0), days=0.0, balance=balance, at=at
        )
    start = (now - timedelta(days=WINDOW_DAYS)).timestamp()
    segments = _segments(p for p in points if p[0] >= start)
    longest = max((seg[-1][0] - seg[0][0] for seg in segments), default=0.0)
    if longest < MIN_SPAN_DAYS:
        return Forecast(ForecastState.NOT_ENOUGH_DATA, balance=balance, at=at)
    step = WINDOW_DAYS / _MAX_POINTS
    min_gap = min(1.0, longest / 2)
    slopes: list[float] = []
    for segment in segments:
        thinned = _thinned(segment, step)
        for i, (t0, b0) in enumerate(thinned):
            for t1, b1 in thinned[i + 1 :]:
                if t1 - t0 >= min_gap:
                    slopes.append((b1 - b0) / (t1 - t0))
    if len(slopes) < MIN_PAIRS:
        return Forecast(ForecastState.NOT_ENOUGH_DATA, balance=balance, at=at)
    slopes.sort()
    spend = -_quantile(slopes, 0.5)
    if spend <= 0:
        return Forecast(ForecastState.NOT_FALLING, spent_per_day=Decimal(0), balance=balance, at=at)
    # Days already gone since the newest read count against what is left.
    gone = max(0.0, (now - at).total_seconds() / DAY)
    left = float(balance)
    spend_high = -_quantile(slopes, 0.25)
    spend_low = -_quantile(slopes, 0.75)
    days = max(0.0, left / spend - gone)
    soonest = max(0.0, left / max(spend_high, spend) - gone)
    latest = max(0.0, left / spend_low - gone) if spend_low > 0 else math.inf
    return Forecast(
        ForecastState.FALLING,
        spent_per_day=Decimal(repr(spend)).quantize(Decimal("0.01")),
        runs_out_in=(soonest, max(latest, days)),
        days=days,
        balance=balance,
        at=at,
    )


def daily_spending(
    samples: Sequence[Sample], days: int, now: datetime, tz: tzinfo | None = None
) -> list[tuple[date, Decimal]]:
    """Credits spent on each of the last ``days`` calendar days (in ``tz``, default
    local time), oldest first: the falls between successive samples (rises are
    money coming in, not spending), counted on the day of the later sample."""
    zone = tz or now.astimezone().tzinfo
    today = now.astimezone(zone).date()
    first = today - timedelta(days=days - 1)
    spent = {first + timedelta(days=i): Decimal(0) for i in range(days)}
    for before, after in pairwise(samples):
        day = after.at.astimezone(zone).date()
        if day in spent and after.balance < before.balance:
            spent[day] += before.balance - after.balance
    return sorted(spent.items())


# ------------------------------------------------------------------ storage

#: ``MIGRATIONS[i]`` takes a file from ``user_version`` *i* to *i + 1*.
MIGRATIONS: list[str] = [
    # 1: accounts by number (short rows), and their samples (time in UTC seconds).
    """
    CREATE TABLE accounts (
        id  INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE
    );
    CREATE TABLE samples (
        account      INTEGER NOT NULL,
        at           INTEGER NOT NULL,
        balance      TEXT NOT NULL,
        free_balance TEXT,
        kind         INTEGER NOT NULL DEFAULT 0,
        topup        TEXT,
        order_no     TEXT,
        PRIMARY KEY (account, at)
    ) WITHOUT ROWID;
    CREATE INDEX samples_by_time ON samples (at);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class UsageHistoryError(Problem):
    """The balance history could not be read, changed or exported."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The balance history could not be read or changed.")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Bring ``conn`` (autocommit mode) up to :data:`SCHEMA_VERSION`."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UsageHistoryError(
            QT_TRANSLATE_NOOP(
                _CTX,
                "The balance history was written by a newer version of OhMyGPT Desktop "
                "(format {version}; this version understands up to {supported}).",
            ),
            version=version,
            supported=SCHEMA_VERSION,
        )
    migrate(conn, MIGRATIONS, version, SCHEMA_VERSION)


#: Finds the paid order behind a rise: (account key, since, until) -> order number.
OrderMatcher = Callable[[str, datetime, datetime], str | None]


#: How far from a rise a paid order may be marked paid and still be taken for it.
ORDER_MATCH_SLACK = timedelta(minutes=30)


def paid_order_matcher(history: OrderHistory) -> OrderMatcher:
    """Matches a rise with the newest order of the account marked paid between the
    read before the rise and the rise (give or take :data:`ORDER_MATCH_SLACK`)."""

    def match(key: str, since: datetime, until: datetime) -> str | None:
        try:
            orders = history.find(OrderFilter(frozenset({OrderStatus.PAID}), account_key=key))
        except OrderHistoryError as exc:
            log.warning("Could not read the order history to match a top-up: %s", exc)
            return None
        for order in orders:  # newest first
            paid_within = since - ORDER_MATCH_SLACK <= order.updated_at <= until + ORDER_MATCH_SLACK
            if order.order_no and paid_within:
                return order.order_no
        return None

    return match


@dataclass
class _Newest:
    at: int
    balance: Decimal
    free_balance: Decimal | None


class UsageHistory:
    """The balance history file. Thread-safe; see the module's description."""

    def __init__(
        self,
        path: Path | None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        match_order: OrderMatcher | None = None,
    ) -> None:
        """``path`` ``None``: kept in memory only (tests, benches)."""
        self._path = path
        self.clock = clock
        self.match_order = match_order
        self._lock = threading.RLock()
        self._ids: dict[str, int] = {}
        self._newest: dict[str, _Newest | None] = {}
        self._thinned_at: dict[str, int] = {}
        #: Per account: its forecast and when it was worked out (UTC seconds of ``clock``).
        self._forecasts: dict[str, tuple[Forecast, float]] = {}
        #: Per account: bumped by each new sample (a forecast worked out meanwhile is
        #: not cached).
        self._generations: dict[str, int] = {}
        self._added = 0
        #: Why the history is kept in memory only / was started afresh, if so.
        self.open_problem: Text | UsageHistoryError | None = None
        #: Why the last sample could not be stored, if it could not.
        self.write_problem: UsageHistoryError | None = None
        #: Whether the history is in its file (not in memory): then big reads
        #: (:meth:`forecast_all`) go through a reader of their own, outside the lock.
        self._on_file = False
        self._reader: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        self._conn = self._open()

    # ---- opening

    def _memory(self) -> sqlite3.Connection:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        apply_migrations(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        path = self._path
        if path is None:
            return self._memory()
        try:
            path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            if path.exists() and not path.is_file():
                self._set_aside(path)
            try:
                conn = self._open_file(path)
            except Damaged:
                self._set_aside(path)
                conn = self._open_file(path)
            self._on_file = True
            return conn
        except (OSError, sqlite3.Error, Damaged) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or "damaged"
            log.warning("The balance history %s could not be opened: %s", path, reason)
            self.open_problem = UsageHistoryError(
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The balance history {path} could not be opened ({reason}), so balances "
                    "read now are kept only until the app closes.",
                ),
                path=str(path),
                reason=reason,
            )
        except UsageHistoryError as exc:
            self.open_problem = exc
        return self._memory()

    def _open_file(self, path: Path) -> sqlite3.Connection:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        os.close(fd)
        if os.name == "posix":
            os.chmod(path, FILE_MODE)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            # No whole-file check here (the order history's quick_check): at support-desk
            # size it would read hundreds of MB before the first paint. A file that is not
            # a database fails on the next line; damage deeper in fails that one write.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # a lost last sample is no harm
            apply_migrations(conn)
        except sqlite3.Error as exc:
            conn.close()
            if sqlite_code(exc) in DAMAGE_CODES:
                raise Damaged from None
            raise
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self, path: Path) -> None:
        copy = move_aside(path)
        log.warning("The balance history was damaged; kept it as %s", copy)
        self.open_problem = Text(
            _CTX,
            QT_TRANSLATE_NOOP(
                _CTX,
                "The balance history was damaged, so the app started a new, empty one. "
                "The damaged file was kept as {copy}.",
            ),
            copy=str(copy),
        )

    @property
    def path(self) -> Path | None:
        return self._path

    def close(self) -> None:
        with self._lock, self._read_lock:
            self._conn.close()
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def _auto_checkpoint(self, pages: int) -> None:
        with self._lock:
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")

    def _reading_connection(self) -> sqlite3.Connection:
        """A second connection to the file for big reads in a worker thread (the file
        is in write-ahead mode: it reads while the main one writes). It only reads,
        and checkpoints."""
        if self._reader is None:
            assert self._path is not None
            self._reader = sqlite3.connect(
                self._path, isolation_level=None, check_same_thread=False
            )
            self._reader.execute("PRAGMA busy_timeout = 5000")
            # The window query sorts in memory, not in temporary files that compete
            # for the disk with the main connection's writes.
            self._reader.execute("PRAGMA temp_store = MEMORY")
        return self._reader

    def __repr__(self) -> str:
        return f"UsageHistory({str(self._path)!r})"

    # ---- plumbing

    def _account_id(self, conn: sqlite3.Connection, key: str, *, create: bool) -> int | None:
        known = self._ids.get(key)
        if known is not None:
            return known
        row = conn.execute("SELECT id FROM accounts WHERE key = ?", (key,)).fetchone()
        if row is None:
            if not create:
                return None
            row = (conn.execute("INSERT INTO accounts (key) VALUES (?)", (key,)).lastrowid,)
        self._ids[key] = row[0]
        return int(row[0])

    def _load_newest(self, conn: sqlite3.Connection, key: str, account: int) -> _Newest | None:
        if key not in self._newest:
            row = conn.execute(
                "SELECT at, balance, free_balance FROM samples WHERE account = ? "
                "ORDER BY at DESC LIMIT 1",
                (account,),
            ).fetchone()
            self._newest[key] = (
                None if row is None else _Newest(row[0], _dec(row[1]) or Decimal(0), _dec(row[2]))
            )
        return self._newest[key]

    # ---- recording

    def record(
        self, key: str, balance: Decimal, free_balance: Decimal | None = None
    ) -> Sample | None:
        """Store a balance read now (when it adds anything); returns the new sample.

        Never raises for a storage failure: the balance read matters more than
        its history (:attr:`write_problem` says what went wrong)."""
        now = int(self.clock().timestamp())
        with self._lock:
            try:
                with immediate(self._conn) as conn:
                    sample = self._record(conn, key, now, balance, free_balance)
                    if sample is not None and now - self._thinned_at.get(key, 0) >= _THIN_EVERY_S:
                        self._thin(conn, self._ids[key], now)
                        self._thinned_at[key] = now
                if sample is not None:
                    self._added += 1
                    if self._added % _CAP_CHECK_EVERY == 0:
                        self.enforce_cap()
                self.write_problem = None
            except sqlite3.Error as exc:
                self._newest.pop(key, None)
                log.warning("Could not store a balance sample: %s", exc)
                self.write_problem = UsageHistoryError(
                    QT_TRANSLATE_NOOP(_CTX, "The balance history could not be changed ({reason})."),
                    reason=str(exc),
                )
                return None
        return sample

    def _record(
        self,
        conn: sqlite3.Connection,
        key: str,
        now: int,
        balance: Decimal,
        free: Decimal | None,
    ) -> Sample | None:
        account = self._account_id(conn, key, create=True)
        assert account is not None
        newest = self._load_newest(conn, key, account)
        kind = SampleKind.READ
        topup: Decimal | None = None
        order_no: str | None = None
        at = now
        if newest is not None:
            same = newest.balance == balance and newest.free_balance == free
            if now <= newest.at:  # the clock went back (or two reads in one second)
                if same:
                    return None
                at = newest.at + 1
                kind = SampleKind.BREAK
            elif same and now - newest.at < DEDUP_S:
                return None
            if balance > newest.balance:
                kind = SampleKind.TOPUP
                topup = balance - newest.balance
                if self.match_order is not None:
                    order_no = self.match_order(
                        key,
                        datetime.fromtimestamp(newest.at, UTC),
                        datetime.fromtimestamp(at, UTC),
                    )
                if (
                    order_no is not None
                    and conn.execute(  # one rise per order
                        "SELECT 1 FROM samples WHERE account = ? AND order_no = ?",
                        (account, order_no),
                    ).fetchone()
                ):
                    order_no = None
        conn.execute(
            "INSERT OR REPLACE INTO samples "
            "(account, at, balance, free_balance, kind, topup, order_no) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                account,
                at,
                str(balance),
                None if free is None else str(free),
                int(kind),
                None if topup is None else str(topup),
                order_no,
            ),
        )
        self._newest[key] = _Newest(at, balance, free)
        self._forecasts.pop(key, None)
        self._generations[key] = self._generations.get(key, 0) + 1
        return Sample(datetime.fromtimestamp(at, UTC), balance, free, kind, topup, order_no)

    def _thin(self, conn: sqlite3.Connection, account: int, now: int) -> None:
        """Thin one account's samples by age, and hold it to its cap."""
        conn.execute(
            "DELETE FROM samples WHERE account = ? AND at < ?", (account, now - KEEP_AT_MOST_S)
        )
        for older, newer, bucket in (
            (now - HOURLY_UNTIL_S, now - KEEP_ALL_S, HOUR),
            (now - KEEP_AT_MOST_S, now - HOURLY_UNTIL_S, DAY),
        ):
            conn.execute(
                "DELETE FROM samples WHERE account = ?1 AND kind = 0 AND at >= ?2 AND at < ?3 "
                "AND at NOT IN (SELECT MAX(at) FROM samples WHERE account = ?1 AND kind = 0 "
                "AND at >= ?2 AND at < ?3 GROUP BY at / ?4)",
                (account, older, newer, bucket),
            )
        conn.execute(
            "DELETE FROM samples WHERE account = ?1 AND at <= (SELECT at FROM samples "
            "WHERE account = ?1 ORDER BY at DESC LIMIT 1 OFFSET ?2)",
            (account, MAX_SAMPLES_PER_ACCOUNT),
        )

    def thin(self, now: datetime | None = None) -> None:
        """Thin every account's samples and hold the file to :data:`MAX_SAMPLES`."""
        moment = int((now or self.clock()).timestamp())
        with self._lock, immediate(self._conn) as conn:
            for (account,) in conn.execute("SELECT id FROM accounts").fetchall():
                self._thin(conn, account, moment)
        self.enforce_cap()
        self._forecasts.clear()

    def enforce_cap(self) -> int:
        """Drop the oldest samples beyond :data:`MAX_SAMPLES`; returns how many went."""
        with self._lock, immediate(self._conn) as conn:
            (count,) = conn.execute("SELECT COUNT(*) FROM samples").fetchone()
            excess = count - MAX_SAMPLES
            if excess <= 0:
                return 0
            (cut,) = conn.execute(
                "SELECT at FROM samples ORDER BY at LIMIT 1 OFFSET ?", (excess - 1,)
            ).fetchone()
            conn.execute("DELETE FROM samples WHERE at <= ?", (cut,))
        self._newest.clear()
        self._forecasts.clear()
        return int(excess)

    # ---- reading

    def samples(self, key: str, since: datetime | None = None) -> list[Sample]:
        """The account's samples (since ``since``), oldest first."""
        with self._lock:
            account = self._account_id(self._conn, key, create=False)
            if account is None:
                return []
            lower = int(since.timestamp()) if since is not None else -(2**62)
            rows = self._conn.execute(
                "SELECT at, balance, free_balance, kind, topup, order_no FROM samples "
                "WHERE account = ? AND at >= ? ORDER BY at",
                (account, lower),
            ).fetchall()
        return [_sample(row) for row in rows]

    def newest(self, key: str) -> Sample | None:
        """The account's newest sample (an unchanged balance is stored at most hourly,
        so a later read may have found the same figure)."""
        with self._lock:
            account = self._account_id(self._conn, key, create=False)
            if account is None:
                return None
            row = self._conn.execute(
                "SELECT at, balance, free_balance, kind, topup, order_no FROM samples "
                "WHERE account = ? ORDER BY at DESC LIMIT 1",
                (account,),
            ).fetchone()
        return None if row is None else _sample(row)

    def count(self, key: str | None = None) -> int:
        with self._lock:
            if key is None:
                return int(self._conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0])
            account = self._account_id(self._conn, key, create=False)
            if account is None:
                return 0
            row = self._conn.execute(
                "SELECT COUNT(*) FROM samples WHERE account = ?", (account,)
            ).fetchone()
            return int(row[0])

    def forecast(self, key: str) -> Forecast:
        """The account's forecast, computed once per new sample."""
        return self.forecast_all([key])[key]

    def forecast_all(self, keys: Iterable[str]) -> dict[str, Forecast]:
        """Forecasts of many accounts.

        Those not cached (or cached an hour ago or more: time counts against what
        is left even without new samples) come from one query over the window,
        thinned in SQL to the last reading of each account's 6-hour stretches (the
        points the slope takes). Only the query holds the lock: a worker thread can
        work out thousands while the GUI thread goes on recording samples."""
        now = self.clock()
        stamp = now.timestamp()
        with self._lock:
            wanted = list(keys)
            known: dict[str, Forecast] = {}
            for key in wanted:
                entry = self._forecasts.get(key)
                if entry is not None and 0 <= stamp - entry[1] < FORECAST_TTL_S:
                    known[key] = entry[0]
            missing = [k for k in wanted if k not in known]
            if not missing:
                return known
            generations = {k: self._generations.get(k, 0) for k in missing}
            alone = len(missing) == 1 or not self._on_file
            if alone:  # one account (a cell, the tray): quick, on the main connection
                names, rows = self._window_rows(self._conn, missing, now)
        if not alone:
            with self._read_lock:
                reader = self._reading_connection()
                # A checkpoint cannot finish while this read runs, but would still make
                # the GUI thread's next write wait on the disk: none meanwhile; the log is
                # folded into the file here, in this thread, once the read is done.
                self._auto_checkpoint(0)
                try:
                    names, rows = self._window_rows(reader, missing, now)
                    reader.execute("PRAGMA wal_checkpoint(PASSIVE)")
                finally:
                    self._auto_checkpoint(_AUTO_CHECKPOINT_PAGES)
        by_id: dict[int, list[tuple[int, str, int]]] = {}
        for account, at, balance, kind in rows:
            if account in names:
                by_id.setdefault(account, []).append((at, balance, kind))
        for account, key in names.items():
            known[key] = _forecast_rows(by_id.get(account, []), now)
        with self._lock:
            for key in missing:
                result = known.setdefault(key, NOT_ENOUGH)
                if self._generations.get(key, 0) == generations[key]:  # no sample since
                    self._forecasts[key] = (result, stamp)
        return {k: known[k] for k in wanted}

    def _window_rows(
        self, conn: sqlite3.Connection, keys: list[str], now: datetime
    ) -> tuple[dict[int, str], list[tuple[int, int, str, int]]]:
        """The accounts' ids and their forecast window's rows."""
        since = int((now - timedelta(days=WINDOW_DAYS)).timestamp())
        if len(keys) == 1:
            account = self._account_id(conn, keys[0], create=False)
            if account is None:
                return {}, []
            names = {account: keys[0]}
            where, params = "at >= ? AND account = ?", (since, account)
        else:
            wanted = set(keys)
            names = {i: k for k, i in conn.execute("SELECT key, id FROM accounts") if k in wanted}
            where, params = "at >= ?", (since,)
        rows = conn.execute(
            # SQLite takes the other columns from the row holding MAX(at).
            f"SELECT account, MAX(at), balance, kind FROM samples WHERE {where} "  # noqa: S608
            "GROUP BY account, at / ?, CASE kind WHEN 0 THEN 0 ELSE at END "
            "ORDER BY account, 2",
            (*params, _STEP_S),
        ).fetchall()
        return names, rows

    # ---- export

    def export_csv(self, path: Path, key: str) -> int:
        """Write the account's samples (oldest first) as CSV; returns the row count."""
        import csv

        rows = self.samples(key)
        header = [
            "Time (UTC)",
            "Account",
            "Balance (credits)",
            "Free balance (credits)",
            "Kind",
            "Top-up (credits)",
            "Order number",
        ]

        def write(handle: Any) -> None:
            writer = csv.writer(handle)
            writer.writerow(header)
            for s in rows:
                writer.writerow(
                    [
                        s.at.strftime("%Y-%m-%d %H:%M:%S"),
                        csv_text(key),
                        str(s.balance),
                        "" if s.free_balance is None else str(s.free_balance),
                        _KIND_TEXT[s.kind],
                        "" if s.topup is None else str(s.topup),
                        csv_text(s.order_no),
                    ]
                )

        self._write_file(path, write)
        return len(rows)

    def export_jsonl(self, path: Path, key: str) -> int:
        """Write the account's samples as JSON Lines (money as decimal strings)."""
        import json

        rows = self.samples(key)

        def write(handle: Any) -> None:
            for s in rows:
                record = {
                    "time": s.at.isoformat(),
                    "account": key,
                    "balance": str(s.balance),
                    "free_balance": None if s.free_balance is None else str(s.free_balance),
                    "kind": s.kind.name.lower(),
                    "topup": None if s.topup is None else str(s.topup),
                    "order_no": s.order_no,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")

        self._write_file(path, write)
        return len(rows)

    @staticmethod
    def _write_file(path: Path, write: Callable[[Any], None]) -> None:
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                write(handle)
        except OSError as exc:
            raise UsageHistoryError(
                QT_TRANSLATE_NOOP(_CTX, "Could not write {path}: {reason}."),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from None


def _forecast_rows(rows: list[tuple[int, str, int]], now: datetime) -> Forecast:
    """:func:`forecast` on stored rows (at, balance text, kind), oldest first."""
    if not rows:
        return NOT_ENOUGH
    points = []
    for at, balance, kind in rows:
        try:
            points.append((float(at), float(balance), kind))
        except (TypeError, ValueError):  # not a number: written by something else
            continue
    at, balance, _kind = rows[-1]
    return _forecast(points, _dec(balance) or Decimal(0), datetime.fromtimestamp(at, UTC), now)


_KIND_TEXT = {SampleKind.READ: "Read", SampleKind.TOPUP: "Top-up", SampleKind.BREAK: "Clock break"}


def _sample(row: Sequence[Any]) -> Sample:
    at, balance, free, kind, topup, order_no = row
    try:
        kind_value = SampleKind(kind)
    except ValueError:
        kind_value = SampleKind.READ
    return Sample(
        datetime.fromtimestamp(at, UTC),
        _dec(balance) or Decimal(0),
        _dec(free),
        kind_value,
        _dec(topup),
        order_no,
    )


__all__ = [
    "DEDUP_S",
    "FORECAST_TTL_S",
    "HOURLY_UNTIL_S",
    "KEEP_ALL_S",
    "KEEP_AT_MOST_S",
    "MAX_SAMPLES",
    "MAX_SAMPLES_PER_ACCOUNT",
    "MIGRATIONS",
    "NOT_ENOUGH",
    "SCHEMA_VERSION",
    "WINDOW_DAYS",
    "Forecast",
    "ForecastState",
    "OrderMatcher",
    "Sample",
    "SampleKind",
    "UsageHistory",
    "UsageHistoryError",
    "daily_spending",
    "forecast",
    "paid_order_matcher",
]
