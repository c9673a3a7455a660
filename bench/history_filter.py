"""The order history with 10,000 orders stays quick (filtering in SQLite).

    .venv/bin/python bench/history_filter.py

Fills a history with N orders (a dozen accounts, several operators, every status),
then times (offscreen, the history view shown, "All accounts"): the first load, one
search keystroke, a status filter, an operator filter, a date range, selecting a row
(the details pane) and a CSV and a JSON Lines export of everything (written off the
GUI thread: the time until the file is written, and the longest stall of the window's
event loop meanwhile). Each is compared with the same operation at 10 orders.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"

import qasync
from keyring.backends import fail
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from bench._common import StallMonitor
from ohmygpt_desktop.app import Options, build_context
from ohmygpt_desktop.core.orders import OrderHistory
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.ui.history_view import FILTER_ALL, HistoryView

START = datetime(2026, 1, 1, tzinfo=UTC)


def fill(path: Path, count: int) -> None:
    moment = [START]
    with OrderHistory(path, clock=lambda: moment[0]) as history:
        for i in range(count):
            moment[0] = START + timedelta(minutes=37 * i)
            account = i % 12
            local_id = history.begin(
                account_key=f"{1000 + account}@api.ohmygpt.com",
                email=f"customer{account:02d}@example.com",
                host="api.ohmygpt.com",
                kind="checkout",
                amount=Decimal(5 + i % 50),
                product_id="10001",
                balance_before=Decimal(340000),
                operator=("ann", "ben", "cho")[i % 3],
                reference=f"ZD-{i:06d}",
            )
            history.complete(local_id, order_no=f"ORD{i:08d}", checkout_url="https://x.test/")
            if i % 4 == 0:
                history.mark_paid(local_id, balance_before=None, balance_after=Decimal(680000))


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, loop: asyncio.AbstractEventLoop, count: int) -> dict[str, float]:
    paths = AppPaths.under(Path(tempfile.mkdtemp(prefix="ohmygpt-history-")))
    paths.ensure()
    fill(paths.history_db, count)
    ctx = build_context(Options(), paths=paths, env={}, keyring_backend=fail.Keyring())
    out: dict[str, float] = {}
    t = time.perf_counter()
    view = HistoryView(ctx)
    view.set_filter(FILTER_ALL)
    view.resize(1100, 500)
    view.show()
    app.processEvents()
    out["first load (all accounts)"] = ms(t)

    steps = [
        ("search keystroke", lambda: view.search_edit.setText("ZD-0001")),
        ("clear search", lambda: view.search_edit.clear()),
        ("status filter", lambda: view.status_combo.setCurrentIndex(2)),
        ("operator filter", lambda: view.operator_combo.setCurrentIndex(1)),
        ("date range", lambda: view.from_edit.setDate(QDate(2026, 3, 1))),
        ("select a row (details)", lambda: view.select_row(0)),
    ]
    for name, step in steps:
        t = time.perf_counter()
        step()
        app.processEvents()
        out[name] = ms(t)
    view.status_combo.setCurrentIndex(0)
    view.operator_combo.setCurrentIndex(0)
    view.from_edit.setDate(view.from_edit.minimumDate())
    app.processEvents()
    folder = Path(tempfile.mkdtemp(prefix="ohmygpt-export-"))
    monitor = StallMonitor()
    for name, suffix in (("export CSV (all)", "csv"), ("export JSON Lines (all)", "jsonl")):
        t = time.perf_counter()
        monitor.start()
        op = view.export_to(str(folder / f"orders.{suffix}"))
        assert op is not None
        assert op.task is not None
        loop.run_until_complete(op.task)
        out[f"{name}: file written"] = ms(t)
        out[f"{name}: longest GUI stall"] = monitor.stop()[0]
    view.close()
    ctx.history.close()
    return out


def main() -> int:
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        small = measure(app, loop, 10)
        big = measure(app, loop, 10_000)
    finally:
        loop.close()  # and its worker threads
    print("order history, offscreen, view shown (ms):")
    print(f"{'operation':<44}{'10 orders':>10}{'10,000':>10}{'ratio':>8}")
    for name in small:
        a, b = small[name], big[name]
        print(f"{name:<44}{a:>10.1f}{b:>10.1f}{b / a if a else float('nan'):>7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
