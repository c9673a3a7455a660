"""The Accounts page stays smooth with 10,000 accounts.

    python3 bench/accounts_table.py

Builds a profile with N accounts (balances known, so sorting by balance compares
numbers), then times, offscreen with the main window shown: building the Accounts
page, sorting by balance (both ways), one filter keystroke, clearing the filter,
scrolling page by page (worst step), one account's balance arriving (one row), and
a full reload (an account added).
Each is compared with the same operation at 10 accounts, in the same run.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"

from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench._common import compare_counts
from bench.account_list import profile_with
from ohmygpt_desktop.api.models import Balance
from ohmygpt_desktop.app import Options, build_context
from ohmygpt_desktop.ui.accounts_page import AccountsPage
from ohmygpt_desktop.ui.accounts_table import column_index
from ohmygpt_desktop.ui.main_window import MainWindow


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, count: int) -> dict[str, float]:
    ctx = build_context(
        Options(), paths=profile_with(count), env={}, keyring_backend=fail.Keyring()
    )
    now = datetime.now(UTC)
    for i, account in enumerate(ctx.accounts.accounts()):
        credits = Decimal((i * 7919) % 100_000 * 34)
        account.balance = Balance(balance=credits, free_balance=Decimal(0))
        account.balance_updated = now
        account.loading_token = False
    window = MainWindow(ctx)
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    out: dict[str, float] = {}

    t = time.perf_counter()
    page = AccountsPage(ctx, window)
    page.resize(1100, 600)
    page.show()
    app.processEvents()
    out["build and show the page"] = ms(t)

    balance = column_index("balance")
    for order, name in (
        (Qt.SortOrder.AscendingOrder, "sort by balance ↑"),
        (Qt.SortOrder.DescendingOrder, "sort by balance ↓"),
    ):
        t = time.perf_counter()
        page.table.sortByColumn(balance, order)
        app.processEvents()
        out[name] = ms(t)

    t = time.perf_counter()
    page.filter_field.setText("customer0")
    app.processEvents()
    out["filter keystroke"] = ms(t)
    t = time.perf_counter()
    page.filter_field.clear()
    app.processEvents()
    out["clear the filter"] = ms(t)

    bar = page.table.verticalScrollBar()
    worst = 0.0
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        t = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        worst = max(worst, ms(t))
        if value > bar.pageStep() * 200:
            break  # 200 pages are plenty to find the worst step
    out["worst scroll step (page)"] = worst

    account = ctx.accounts.accounts()[count // 2]
    account.balance = Balance(balance=Decimal(1234), free_balance=Decimal(0))
    t = time.perf_counter()
    ctx.accounts.accountUpdated.emit(account.key)
    app.processEvents()
    out["one balance arrives (one row)"] = ms(t)

    t = time.perf_counter()
    ctx.accounts.accountsChanged.emit()
    app.processEvents()
    out["account added (full reload, sorted)"] = ms(t)

    page.close()
    window.close()
    ctx.history.close()
    return out


def main() -> int:
    return compare_counts(measure, "accounts table, offscreen, main window shown")


if __name__ == "__main__":
    sys.exit(main())
