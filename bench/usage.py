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
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
        account = conn.execute(
            "INSERT INTO accounts (key) VALUES (?)", (f"{n}@api.ohmygpt.com",)
        ).lastrowid
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

    folder = Path(tempfile.mkdtemp(prefix="usage-bench-"))
    path = folder / "usage.sqlite3"
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
    keys = [f"{n}@api.ohmygpt.com" for n in range(args.accounts)]

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
    thin_s = timed(history.thin)
    print(f"one thinning pass over every account: {thin_s:.1f} s, {history.count():,} samples left")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    del app
    if args.keep:
        print(f"kept {path}")
    else:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
