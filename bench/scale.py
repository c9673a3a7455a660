"""Scale and memory: refresh the balances of 1…1,000 accounts.

    python3 bench/scale.py [--quick]

The sandbox runs in its own process with 100 ms latency per request. For each
account count, the app's bounded-concurrency refresh (what the app does) is timed
against one-at-a-time, with the main window shown and a stall monitor running.
Also prints RSS after start-up and after the 1,000-account refresh, vs a bare
PySide6 window. ``--quick`` skips the one-at-a-time run at 1,000 (≈100 s) and
extrapolates it from 100.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"

import qasync
from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from bench._common import (
    StallMonitor,
    bare_rss_mb,
    issue_token,
    rss_mb,
    sandbox_process,
)
from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.app import Options, build_context
from ohmygpt_desktop.core.bulk_refresh import DEFAULT_CONCURRENCY, BulkRefresh
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.main_window import MainWindow

COUNTS = (1, 10, 100, 1000)


async def session_only() -> TokenStorage:
    return TokenStorage.SESSION


async def bench(base: str, quick: bool, concurrency: int | None) -> None:
    home = Path(tempfile.mkdtemp(prefix="ohmygpt-scale-"))
    ctx = build_context(
        Options(overrides={"api_base_url": base, "auth_base_url": base, "client_id": "x" * 24}),
        paths=AppPaths.under(home),
        env={},
        keyring_backend=fail.Keyring(),
        open_url=lambda url: True,
    )
    window = MainWindow(ctx)
    window.show()
    await ctx.start()
    await asyncio.sleep(0.2)
    gc.freeze()  # as the app does after start-up (see ui/gc_guard.py)
    rss_start = rss_mb()
    token = Secret(issue_token(base))
    monitor = StallMonitor()
    concurrency = concurrency or DEFAULT_CONCURRENCY
    print(f"balance refresh, sandbox latency 100 ms, app concurrency {concurrency}:")
    columns = ("accounts", "bounded", "one-by-one", "speed-up", "max stall", "p99")
    print("".join(f"{c:>11}" for c in columns))
    made = 0
    sequential_100 = 0.0
    for count in COUNTS:
        while made < count:
            await ctx.accounts.add_signed_in(
                f"{10_000 + made}",
                f"user{made}@example.com",
                token,
                scope="general_api_access",
                choose_storage=session_only,
            )
            made += 1
        keys = [a.key for a in ctx.accounts.accounts()][:count]
        monitor.start()
        started = time.perf_counter()
        failures = await BulkRefresh(ctx.accounts, keys, concurrency=concurrency).run()
        bounded = time.perf_counter() - started
        stall_max, stall_p99 = monitor.stop()
        assert not failures, failures
        if quick and count == 1000:
            sequential = sequential_100 * 10
            note = " (extrapolated)"
        else:
            started = time.perf_counter()
            await BulkRefresh(ctx.accounts, keys, concurrency=1).run()
            sequential = time.perf_counter() - started
            note = ""
        if count == 100:
            sequential_100 = sequential
        print(
            f"{count:>11} {bounded:>9.2f}s {sequential:>9.2f}s {sequential / bounded:>9.1f}× "
            f"{stall_max:>8.1f}ms {stall_p99:>6.1f}ms{note}"
        )
    rss_end = rss_mb()
    bare = bare_rss_mb()
    print(
        f"RSS: bare PySide6 window {bare:.0f} MB; app after start-up {rss_start:.0f} MB "
        f"({rss_start / bare:.2f}×); after the 1,000-account refresh {rss_end:.0f} MB "
        f"({rss_end / bare:.2f}×)"
    )
    window.close()
    await ctx.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--concurrency", type=int, help="override the app's default (the Accounts page's, 4)"
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    with sandbox_process(latency=0.1) as base:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(bench(base, args.quick, args.concurrency))
    return 0


if __name__ == "__main__":
    sys.exit(main())
