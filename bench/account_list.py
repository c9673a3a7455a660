"""The account list with 10,000 accounts stays smooth (model/view).

    python3 bench/account_list.py

Builds a profile with N accounts, then times (offscreen, main window shown):
opening the "All accounts" list, one filter keystroke, scrolling the whole list
page by page (worst single step), and re-rendering the header switcher after an
account update. Each is compared with the same operation at 10 accounts.
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

from ohmygpt_desktop.app import Options, build_context
from ohmygpt_desktop.core.account_store import AccountRecord
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.ui.accounts_dialog import AccountsDialog
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

    t = time.perf_counter()
    dialog = AccountsDialog(ctx, window)
    dialog.show()
    app.processEvents()
    out["open list"] = ms(t)

    t = time.perf_counter()
    dialog.filter_field.setText("customer0")
    app.processEvents()
    out["filter keystroke"] = ms(t)
    dialog.filter_field.clear()
    app.processEvents()

    bar = dialog.list.verticalScrollBar()
    worst = 0.0
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        t = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        worst = max(worst, ms(t))
        if count > 1000 and value > bar.pageStep() * 200:
            break  # 200 pages are plenty to find the worst step
    out["worst scroll step"] = worst

    key = ctx.accounts.accounts()[count // 2].key
    t = time.perf_counter()
    ctx.accounts.accountUpdated.emit(key)
    app.processEvents()
    out["account update (switcher + list)"] = ms(t)

    t = time.perf_counter()
    ctx.accounts.accountsChanged.emit()
    app.processEvents()
    out["account added/removed (full re-render)"] = ms(t)
    dialog.close()
    window.close()
    ctx.history.close()
    return out


def main() -> int:
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    small = measure(app, 10)
    big = measure(app, 10_000)
    print("account list, offscreen, main window shown (ms):")
    print(f"{'operation':<42}{'10 accounts':>12}{'10,000':>10}{'ratio':>8}")
    for name in small:
        a, b = small[name], big[name]
        print(f"{name:<42}{a:>12.1f}{b:>10.1f}{b / a if a else float('nan'):>7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
