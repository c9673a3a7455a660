"""Balance history at support-desk scale: 10,000 accounts × a year of samples.

Builds the balance history file as thinning leaves it after a year of reads every
30 minutes (every read of the last 2 days, hourly for 30 days, daily for the rest
of the year, a top-up a month), then measures, each against a baseline in the same run:

* file size — against the same year unthinned (extrapolated per row from this file);
* forecast of every account, sorted by "runs out in" — against reading every
  account's newest balance and sorting by it (the cheapest sort a table could offer);
  and the same again from the cache;
* one thinning pass over every account;
* drawing the 90-day chart of one account (offscreen) — against drawing the chart
  with no samples.

    .venv/bin/python bench/usage.py [--accounts 10000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ohmygpt_desktop.core import usage  # noqa: E402

NOW = datetime(2026, 12, 1, tzinfo=UTC)
READ_EVERY_S = 1800


def sample_times(now: int) -> list[int]:
    """The sample times thinning keeps after a year of reads every 30 minutes."""
    times = set()
    for age in range(0, usage.KEEP_AT_MOST_S, READ_EVERY_S):
        at = now - age
        if age < usage.KEEP_ALL_S:
            times.add(at)
        elif age < usage.HOURLY_UNTIL_S:
            times.add(at - at % 3600 + 3600 - READ_EVERY_S)
        else:
            times.add(at - at % 86400 + 86400 - READ_EVERY_S)
    return sorted(t for t in times if now - usage.KEEP_AT_MOST_S <= t <= now)


def key_of(n: int) -> str:
    """The key of the n-th account of ``bench.account_list.profile_with``."""
    return f"{100_000 + n}@api.ohmygpt.com"


def build(path: Path, accounts: int) -> tuple[int, float]:
    """Write the file; returns (rows, seconds)."""
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    usage.apply_migrations(conn)
    now = int(NOW.timestamp())
    times = sample_times(now)
    rng = random.Random(17)
    rows = 0
    conn.execute("BEGIN")
    for n in range(accounts):
        account = conn.execute("INSERT INTO accounts (key) VALUES (?)", (key_of(n),)).lastrowid
        per_second = rng.uniform(0.05, 3.0)  # 4,000 .. 260,000 credits a day
        balance = rng.uniform(0.5, 20) * 1_000_000
        previous = times[0]
        batch = []
        for i, at in enumerate(times):
            balance -= per_second * (at - previous) * rng.uniform(0.5, 1.5)
            kind, topup = 0, None
            if balance < 0 or (i % 300 == 299):
                rise = 5_000_000.0
                balance += rise
                kind, topup = 1, f"{rise:.2f}"
            batch.append((account, at, f"{balance:.2f}", "0", kind, topup, None))
            previous = at
        conn.executemany("INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
        rows += len(batch)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return rows, time.perf_counter() - started


def timed(fn, runs: int = 1) -> float:
    best = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best.append(time.perf_counter() - started)
    return min(best)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the file (printed)")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    from bench.account_list import profile_with

    paths = profile_with(args.accounts)  # the accounts, for the table at the end
    path = paths.usage_db
    rows, build_s = build(path, args.accounts)
    size = path.stat().st_size
    per_row = size / rows
    unthinned_rows = args.accounts * usage.KEEP_AT_MOST_S // READ_EVERY_S
    print(f"accounts {args.accounts:,}, samples {rows:,} ({rows / args.accounts:.0f} each)")
    print(f"built in {build_s:.1f} s")
    print(
        f"file size {size / 1e6:.0f} MB ({per_row:.1f} B/sample); unthinned year "
        f"≈ {unthinned_rows * per_row / 1e6:.0f} MB → {size / (unthinned_rows * per_row):.2f}×"
    )

    history = usage.UsageHistory(path, clock=lambda: NOW)
    keys = [key_of(n) for n in range(args.accounts)]

    def baseline_sort() -> None:
        newest = history._conn.execute(
            "SELECT a.key, (SELECT balance FROM samples WHERE account = a.id "
            "ORDER BY at DESC LIMIT 1) FROM accounts a"
        ).fetchall()
        newest.sort(key=lambda row: float(row[1]))

    def forecast_sort() -> None:
        forecasts = history.forecast_all(keys)
        sorted(keys, key=lambda k: forecasts[k].sort_key)

    base_s = timed(baseline_sort)
    cold_s = timed(forecast_sort)
    warm_s = timed(forecast_sort, runs=3)
    states = statistics.multimode(f.state.value for f in history.forecast_all(keys).values())
    print(f"baseline: newest balance of every account, sorted: {base_s * 1000:.0f} ms")
    print(
        f"forecast every account + sort by runs-out: {cold_s * 1000:.0f} ms "
        f"({cold_s / base_s:.2f}×), cached {warm_s * 1000:.1f} ms ({warm_s / base_s:.3f}×); "
        f"most common state {states}"
    )
    # The table works out many forecasts in a worker thread: does the GUI thread,
    # recording samples meanwhile, wait for it?
    quiet_ms = record_stalls(path, keys, in_thread=False)
    busy_ms = record_stalls(path, keys, in_thread=True)
    print(
        f"recording a sample (GUI thread), worst of the run: {quiet_ms:.1f} ms alone, "
        f"{busy_ms:.1f} ms while a worker thread forecasts every account "
        f"({busy_ms / quiet_ms:.1f}×)"
    )
    thin_s = timed(history.thin)
    print(f"one thinning pass over every account: {thin_s:.1f} s, {history.count():,} samples left")

    from PySide6.QtWidgets import QApplication

    from ohmygpt_desktop.ui.usage_chart import ChartData, UsageChart

    app = QApplication.instance() or QApplication([])
    chart = UsageChart()
    chart.resize(760, 280)
    start, end = NOW - timedelta(days=90), NOW + timedelta(days=15)
    samples = history.samples(keys[0], start)
    spending = usage.daily_spending(samples, 90, NOW, UTC)
    full = ChartData(start, end, samples, history.forecast(keys[0]), spending)
    empty = ChartData(start, end)

    def draw(data: ChartData) -> None:
        chart.set_data(data)
        chart.grab()

    draw(full)  # warm up fonts and the backing store
    empty_s = timed(lambda: draw(empty), runs=20)
    full_s = timed(lambda: draw(full), runs=20)
    print(
        f"90-day chart ({len(samples)} samples, 90 bars): {full_s * 1000:.1f} ms, "
        f"empty chart {empty_s * 1000:.1f} ms → {full_s / empty_s:.2f}×"
    )
    history.close()

    table = table_sorts(app, paths)
    base = table["balance"]
    print(f"accounts table, sort by balance (baseline): {base * 1000:.0f} ms")
    for name in ("runs out in, first", "runs out in, again", "spent/day"):
        print(f"accounts table, sort by {name}: {table[name] * 1000:.0f} ms "
              f"({table[name] / base:.2f}×)")  # fmt: skip
    del app
    if args.keep:
        print(f"kept {path}")
    else:
        shutil.rmtree(paths.data_dir.parent)
    return 0


def record_stalls(path: Path, keys: list[str], *, in_thread: bool) -> float:
    """The slowest ``record`` (ms): over the time a cold ``forecast_all`` takes in a
    worker thread (``in_thread``), else over :data:`QUIET_RECORDS` records."""
    history = usage.UsageHistory(path, clock=lambda: NOW)
    worker = threading.Thread(target=history.forecast_all, args=(keys,))
    if in_thread:
        worker.start()
    worst, count = 0.0, 0
    while worker.is_alive() or (not in_thread and count < QUIET_RECORDS):
        started = time.perf_counter()
        history.record(keys[count % len(keys)], Decimal(count))
        worst = max(worst, time.perf_counter() - started)
        count += 1
        time.sleep(0.001)  # a GUI records a sample now and then, not in a tight loop
    if in_thread:
        worker.join()
    history.close()
    return worst * 1000


#: How many records the quiet baseline of :func:`record_stalls` times.
QUIET_RECORDS = 300


def table_sorts(app: Any, paths: Any) -> dict[str, float]:
    """The support desk's table over the same file: header sorts, timed."""
    from keyring.backends import fail
    from PySide6.QtCore import Qt

    from ohmygpt_desktop.api.models import Balance
    from ohmygpt_desktop.app import Options, build_context
    from ohmygpt_desktop.ui import accounts_table
    from ohmygpt_desktop.ui.accounts_table import AccountsTableModel, column_index

    # No event loop runs here for the table's background warm-up: measure the sorts cold.
    accounts_table.WARM_FORECASTS_AT = 10**9

    ctx = build_context(
        Options(), paths=paths, env={}, keyring_backend=fail.Keyring(), usage_clock=lambda: NOW
    )
    for i, account in enumerate(ctx.accounts.accounts()):
        account.balance = Balance(
            balance=Decimal((i * 7919) % 100_000 * 34), free_balance=Decimal(0)
        )
        account.loading_token = False
    model = AccountsTableModel(ctx)
    out = {}
    steps = (
        ("balance", "balance", Qt.SortOrder.AscendingOrder),
        ("runs out in, first", "runs_out", Qt.SortOrder.AscendingOrder),
        ("runs out in, again", "runs_out", Qt.SortOrder.DescendingOrder),
        ("spent/day", "spent_per_day", Qt.SortOrder.AscendingOrder),
    )
    for name, column, order in steps:
        model._revision += 1  # as after a balance arrived: the sort is done again
        out[name] = timed(lambda c=column, o=order: model.sort(column_index(c), o))
        app.processEvents()
    ctx.history.close()
    ctx.usage.close()
    return out


if __name__ == "__main__":
    raise SystemExit(main())
