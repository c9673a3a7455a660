"""Payment detection: watch a balance once an order is created, mark the order paid.

The watch starts when the order history says an order was created
(:meth:`PaymentWatcher.on_history_change`, wired by the composition root), and
again when the person opens a payment page or the app starts with open orders.

Stripe's success page is no proof of payment, and the OhMyGPT API has no
order-status endpoint, so the app watches the account's balance. An order is
marked paid (with the balance before and after) only when the balance rose by at
least the order's credits (its amount at the ``credits_per_usd`` setting's rate).
The balance cannot tell which payment link was used, so a rise pays the account's
open orders oldest first, each one it covers in full; what is left over stays
counted for the next orders. A rise too small for any open order is reported
(``shortRise``), never taken for a payment. Polling backs off and stops after a
bounded window; window activation (``poke``) checks at once. Orders nobody paid
become "expired" after Stripe's 24 h. A ``QObject`` only for its signals; no widgets.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ohmygpt_desktop.api import ApiError
from ohmygpt_desktop.api.models import usd_to_credits
from ohmygpt_desktop.core.accounts import AccountManager
from ohmygpt_desktop.core.orders import (
    HistoryChange,
    HistoryEvent,
    OrderHistory,
    OrderRecord,
    OrderStatus,
)

if TYPE_CHECKING:  # asyncio is imported where used (it is slow to import before the first paint)
    import asyncio

log = logging.getLogger(__name__)

#: Seconds between balance checks while waiting for a payment (then the last repeats).
DEFAULT_INTERVALS: tuple[float, ...] = (5, 5, 10, 10, 15, 20, 30, 60)


@dataclass(frozen=True)
class ShortRise:
    """The balance rose, but by less than the next open order needs: not a payment."""

    #: The oldest order still waiting for payment.
    order: OrderRecord
    #: Credits the balance rose by that no order has been paid with yet.
    rise: Decimal
    #: Credits ``order`` needs.
    needed: Decimal


class PaymentWatcher(QObject):
    orderPaid = Signal(object)  # OrderRecord
    shortRise = Signal(object)  # ShortRise
    watchingChanged = Signal(str, bool)  # account key, watching

    def __init__(
        self,
        accounts: AccountManager,
        history: OrderHistory,
        *,
        window_s: float = 1800,
        intervals: Sequence[float] = DEFAULT_INTERVALS,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.history = history
        self.window_s = window_s
        self.intervals = tuple(intervals) or DEFAULT_INTERVALS
        self._clock = clock
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._wake: dict[str, asyncio.Event] = {}
        self._deadline: dict[str, float] = {}
        #: The balance a payment is counted from: the last reading, except that credits
        #: not yet used to pay an order stay counted (the baseline is not raised past them).
        self._baseline: dict[str, Decimal] = {}
        #: The last balance read (to report each short rise once).
        self._last_seen: dict[str, Decimal] = {}

    def watching(self, account_key: str) -> bool:
        task = self._tasks.get(account_key)
        return task is not None and not task.done()

    def watch(self, account_key: str) -> None:
        """Start (or extend) watching an account's balance for a payment."""
        import asyncio

        self._deadline[account_key] = self._clock() + self.window_s
        account = self.accounts.get(account_key)
        if account is not None and account.balance is not None:
            # The baseline a payment must rise above. Never raise it here: a payment the
            # app has not noticed yet must still count. But lower it to the latest reading:
            # credits spent since the last watch would otherwise hide the next payment.
            current = account.balance.balance
            baseline = self._baseline.get(account_key)
            self._baseline[account_key] = current if baseline is None else min(baseline, current)
        if not self.watching(account_key):
            self._wake[account_key] = asyncio.Event()
            task = asyncio.ensure_future(self._run(account_key))
            self._tasks[account_key] = task
            self.watchingChanged.emit(account_key, True)

    def on_history_change(self, event: HistoryEvent) -> None:
        """An order was created, by the recharge dialog or any other way: watch for
        its payment (a listener of the order history)."""
        import asyncio

        if event.change is HistoryChange.COMPLETED:
            records = list(event.records)
        elif event.change is HistoryChange.CHANGED_ELSEWHERE:
            # Orders the command line created for accounts signed in here.
            records = [
                record
                for record in event.records
                if record.status is OrderStatus.AWAITING_PAYMENT
                and self.accounts.get(record.account_key) is not None
            ]
        else:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            # Written outside the event loop (nothing to poll with): the next start, or
            # opening the payment page again, watches the order.
            return
        for account_key in dict.fromkeys(record.account_key for record in records):
            self.watch(account_key)

    def resume(self) -> None:
        """At start-up: expire stale orders, watch accounts that still await a payment."""
        self.history.expire_stale()
        for account in self.accounts.accounts():
            if self.history.awaiting(account.key) and not account.needs_reauth:
                self.watch(account.key)

    def poke(self, account_key: str | None = None) -> None:
        """Check now (window activated, or the user clicked Refresh)."""
        for key, event in self._wake.items():
            if account_key is None or key == account_key:
                event.set()

    async def stop(self) -> None:
        import asyncio

        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    def credits_of(self, order: OrderRecord) -> Decimal:
        """The credits that pay ``order``, at the current ``credits_per_usd`` setting."""
        return usd_to_credits(order.amount, self.accounts.settings.credits_per_usd)

    async def check(self, account_key: str) -> list[OrderRecord]:
        """Read the balance once and mark the orders it paid for. Returns those paid."""
        self.history.expire_stale()
        # Oldest first: the order in which a rise pays them.
        awaiting = sorted(
            self.history.awaiting(account_key), key=lambda o: (o.created_at, o.local_id)
        )
        before = self._baseline.get(account_key)
        if before is None:
            account = self.accounts.get(account_key)
            if account is not None and account.balance is not None:
                before = account.balance.balance
            elif awaiting and awaiting[0].balance_before is not None:
                before = awaiting[0].balance_before
        balance = await self.accounts.refresh_balance(account_key)
        if balance is None:
            return []
        now = balance.balance
        previous = self._last_seen.get(account_key, before)
        self._last_seen[account_key] = now
        if before is None or now <= before:
            # Credits were spent (or nothing happened): count from the new reading.
            self._baseline[account_key] = now
            return []
        paid: list[OrderRecord] = []
        left: list[OrderRecord] = []
        baseline = before
        for order in awaiting:
            needed = self.credits_of(order)
            if now - baseline < needed:
                left.append(order)
                continue
            record = self.history.mark_paid(
                order.local_id, balance_before=baseline, balance_after=now
            )
            baseline += needed
            paid.append(record)
            log.info("Order %s is paid (balance rose by its credits)", order.order_no)
            self.orderPaid.emit(record)
        # Credits no order used stay counted only while an order still waits for them.
        self._baseline[account_key] = baseline if left else now
        if left and not paid and now > previous:
            short = ShortRise(order=left[0], rise=now - baseline, needed=self.credits_of(left[0]))
            log.info(
                "Balance of %s rose by %s credits, less than order %s needs (%s)",
                account_key,
                short.rise,
                short.order.order_no,
                short.needed,
            )
            self.shortRise.emit(short)
        return paid

    async def _run(self, account_key: str) -> None:
        import asyncio

        step = 0
        try:
            while self._clock() < self._deadline.get(account_key, 0):
                if not self.history.awaiting(account_key):
                    break
                interval = self.intervals[min(step, len(self.intervals) - 1)]
                step += 1
                wake = self._wake[account_key]
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), timeout=interval)
                wake.clear()
                if self.accounts.get(account_key) is None:
                    break
                try:
                    await self.check(account_key)
                except ApiError as exc:
                    log.info("Payment watch for %s: balance check failed (%r)", account_key, exc)
                    account = self.accounts.get(account_key)
                    if account is None or account.needs_reauth:
                        break
        finally:
            self._tasks.pop(account_key, None)
            self._wake.pop(account_key, None)
            self.watchingChanged.emit(account_key, False)
