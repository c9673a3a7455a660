"""Per-account order facts for the accounts table: open orders and the last top-up.

Read from the order history in one pass (all accounts at once), or for one
account again when the history reports a change to its orders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ohmygpt_desktop.core.orders import OrderRecord, OrderStatus


@dataclass(frozen=True)
class AccountOrders:
    """What the history says about one account's orders."""

    #: Orders that can still be paid (awaiting payment, link not run out).
    open_orders: int = 0
    #: The most recently paid order, if any.
    last_paid: OrderRecord | None = None


NO_ORDERS = AccountOrders()


def summarize(records: Iterable[OrderRecord], now: datetime) -> dict[str, AccountOrders]:
    """The facts for every account that has orders in ``records``."""
    open_counts: dict[str, int] = {}
    last_paid: dict[str, OrderRecord] = {}
    for record in records:
        key = record.account_key
        if record.open_at(now):
            open_counts[key] = open_counts.get(key, 0) + 1
        if record.status is OrderStatus.PAID:
            best = last_paid.get(key)
            if best is None or record.updated_at > best.updated_at:
                last_paid[key] = record
    return {
        key: AccountOrders(open_counts.get(key, 0), last_paid.get(key))
        for key in open_counts.keys() | last_paid.keys()
    }
