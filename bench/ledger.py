"""The team ledger: publish latency between two desks, and a 10,000-order catch-up.

    .venv/bin/python bench/ledger.py [--samples 50] [--orders 10000]

Starts a throwaway PostgreSQL cluster (like the tests: initdb + pg_ctl on a free
loopback port; the Debian ``postgresql`` package must be installed) and two desks,
each a local SQLite history with its :class:`~ohmygpt_desktop.core.ledger.Ledger`
on one asyncio loop (no Qt).

* latency: desk A writes an order (the write-ahead ``begin``) → desk B's team list
  has it (publisher → upsert → NOTIFY → B's LISTEN → B reads the team again).
  Baseline in the same run: one PostgreSQL round trip (``SELECT 1``).
* catch-up: N orders written while no ledger ran, then the ledger starts: time until
  the outbox is empty, and until desk B's team list shows the newest. Baseline in the
  same run: the same N rows sent by a bare ``executemany`` in one transaction.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ohmygpt_desktop.core.ledger import Ledger, LocalOutbox, connect  # noqa: E402
from ohmygpt_desktop.core.orders import OrderHistory  # noqa: E402
from tests.helpers.postgres import PostgresCluster  # noqa: E402


def _begin(history: OrderHistory, number: int) -> int:
    return history.begin(
        account_key="bench@sandbox",
        email="bench@example.com",
        host="sandbox",
        kind="checkout",
        amount=Decimal(number % 500 + 1),
        product_id="p1",
        balance_before=None,
        operator="bench",
        reference=f"B-{number}",
    )


async def _until(predicate: object, within: float = 120.0) -> None:
    deadline = time.perf_counter() + within
    while not predicate():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.002)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def latency(url: str, folder: Path, samples: int) -> None:
    a, b = OrderHistory(folder / "a.sqlite3"), OrderHistory(folder / "b.sqlite3")
    desk_a, desk_b = Ledger(url, a, desk="a"), Ledger(url, b, desk="b")
    await desk_a.start()
    await desk_b.start()
    await _until(lambda: desk_a.status.connected and desk_b.status.connected)
    seen: dict[int, float] = {}

    def on_team(orders: object) -> None:
        now = time.perf_counter()
        for order in orders:  # type: ignore[attr-defined]
            seen.setdefault(order.local_id, now)

    desk_b.add_team_listener(on_team)
    conn = await connect(url, None)
    trips, writes, visible = [], [], []
    for number in range(samples):
        started = time.perf_counter()
        await conn.execute("SELECT 1")
        trips.append(time.perf_counter() - started)
        started = time.perf_counter()
        local_id = _begin(a, number)
        writes.append(time.perf_counter() - started)
        await _until(lambda local_id=local_id: local_id in seen)
        visible.append(seen[local_id] - started)
    await conn.close()
    await desk_a.aclose()
    await desk_b.aclose()
    a.close()
    b.close()
    trip = statistics.median(trips)
    print(f"latency over {samples} orders (medians; p95 of the latency in brackets)")
    print(f"  baseline: PostgreSQL round trip     {_ms(trip)}")
    print(f"  local write-ahead row (SQLite)      {_ms(statistics.median(writes))}")
    lat = statistics.median(visible)
    p95 = statistics.quantiles(visible, n=20)[-1]
    ratio = f"{lat / trip:.0f}× a round trip"
    print(f"  local write → on the other desk     {_ms(lat)} ({_ms(p95)}), {ratio}")


async def catch_up(url: str, folder: Path, orders: int) -> None:
    history = OrderHistory(folder / "offline.sqlite3")
    started = time.perf_counter()
    for number in range(orders):
        _begin(history, number)
    written = time.perf_counter() - started

    rows = [(number, f"B-{number}", Decimal(number % 500 + 1)) for number in range(orders)]
    conn = await connect(url, None)
    await conn.execute("CREATE TABLE bench_floor (n bigint, ref text, amount numeric)")
    started = time.perf_counter()
    async with conn.transaction(), conn.cursor() as cursor:
        await cursor.executemany("INSERT INTO bench_floor VALUES (%s, %s, %s)", rows)
    floor = time.perf_counter() - started
    await conn.close()

    watcher = Ledger(url, OrderHistory(folder / "watcher.sqlite3"), desk="w")
    await watcher.start()
    await _until(lambda: watcher.status.connected)
    desk = Ledger(url, history, desk="offline")
    outbox = LocalOutbox(history.path)
    started = time.perf_counter()
    await desk.start()
    await _until(lambda: outbox.length() == 0, within=600)
    drained = time.perf_counter() - started
    newest = f"B-{orders - 1}"
    await _until(lambda: any(o.reference == newest for o in watcher.team_orders()), within=600)
    shown = time.perf_counter() - started
    outbox.close()
    await desk.aclose()
    await watcher.aclose()
    history.close()
    print(f"catch-up of {orders:,} orders written while the ledger was away")
    print(f"  writing them locally (for scale)    {_ms(written)}")
    print(f"  baseline: bare executemany, 1 tx    {_ms(floor)}")
    print(
        f"  outbox empty (all in the ledger)    {_ms(drained)}, {drained / floor:.1f}× the baseline"
    )
    print(f"  newest on another desk's Team list  {_ms(shown)}, {shown / floor:.1f}× the baseline")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    cluster = PostgresCluster()
    try:
        cluster.start()
        with tempfile.TemporaryDirectory() as tmp:
            asyncio.run(latency(cluster.new_database(), Path(tmp), args.samples))
            asyncio.run(catch_up(cluster.new_database(), Path(tmp), args.orders))
        cluster.stop()
    finally:
        cluster.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
