"""The header's account switcher with 10,000 accounts stays quick.

    python3 bench/account_list.py

Builds a profile with N accounts, then times (offscreen, main window shown)
re-rendering the header switcher after one account's update and after the list
changed. Each is compared with the same operation at 10 accounts. The Accounts
page (the table of every account) has its own: bench/accounts_table.py.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"

from keyring.backends import fail
from PySide6.QtWidgets import QApplication

from bench._common import compare_counts
from ohmygpt_desktop.app import Options, build_context
from ohmygpt_desktop.core.account_store import AccountRecord
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.ui.main_window import MainWindow


def profile_with(count: int) -> AppPaths:
    paths = AppPaths.under(Path(tempfile.mkdtemp(prefix="ohmygpt-list-")))
    paths.ensure()
    records = [
        AccountRecord(
            user_id=str(100_000 + i),
            email=f"customer{i:05d}@example.com",
            host="api.ohmygpt.com",
            added_at="2026-11-01T00:00:00+00:00",
            last_used_at=f"2026-11-01T00:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
            token_storage="session",
            scope="general_api_access",
        ).to_dict()
        for i in range(count)
    ]
    paths.accounts_file.write_text(
        json.dumps({"version": 1, "current": f"{100_000}@api.ohmygpt.com", "accounts": records})
    )
    return paths


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, count: int) -> dict[str, float]:
    ctx = build_context(
        Options(), paths=profile_with(count), env={}, keyring_backend=fail.Keyring()
    )
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    out: dict[str, float] = {}

    _ = window.switcher  # the header is built after the first paint
    app.processEvents()

    key = ctx.accounts.accounts()[count // 2].key
    t = time.perf_counter()
    ctx.accounts.accountUpdated.emit(key)
    app.processEvents()
    out["account update (switcher)"] = ms(t)

    t = time.perf_counter()
    ctx.accounts.accountsChanged.emit()
    app.processEvents()
    out["account added/removed (full re-render)"] = ms(t)
    window.close()
    ctx.history.close()
    return out


def main() -> int:
    return compare_counts(measure, "account list, offscreen, main window shown")


if __name__ == "__main__":
    sys.exit(main())
