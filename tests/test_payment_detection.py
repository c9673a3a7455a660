"""Payment detection: the balance rises → the right order is paid; expiry; the watch window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ohmygpt_desktop.core.orders import OrderHistory, OrderStatus
from ohmygpt_desktop.core.payments import PaymentWatcher
from ohmygpt_desktop.core.recharge import RechargeKind, RechargeService
from ohmygpt_desktop.ui.balance_view import BalanceView
from ohmygpt_desktop.ui.history_model import Column
from ohmygpt_desktop.ui.history_view import FILTER_ALL, HistoryView
from tests.helpers import sandbox_browser
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.recharging import Widgets, signed_in, widget_scope
from tests.helpers.signed_in import sign_in


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


class WallClock:
    """The order history's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class Monotonic:
    """The watcher's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def pay(run, url: str, action: str = "pay") -> None:
    run(asyncio.to_thread(sandbox_browser.pay, url, action))


def test_balance_rise_marks_the_right_order(make_ctx, run, sandbox) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    bob = run(sign_in(ctx, sandbox, "1024"))
    small = run(ctx.recharge.create_order(alice.key, Decimal("10")))
    large = run(ctx.recharge.create_order(alice.key, Decimal("25")))
    bobs = run(ctx.recharge.create_order(bob.key, Decimal("25")))
    paid_signals: list[object] = []
    ctx.watcher.orderPaid.connect(paid_signals.append)

    pay(run, large.checkout_url)
    paid = run(ctx.watcher.check(alice.key))

    assert [p.local_id for p in paid] == [large.local_id]
    assert paid_signals == paid
    record = ctx.history.get(large.local_id)
    assert record.status is OrderStatus.PAID
    assert record.balance_before == Decimal("340000.00")
    assert record.balance_after == Decimal("1190000.00")  # $10 + $25
    assert ctx.history.get(small.local_id).status is OrderStatus.AWAITING_PAYMENT
    assert ctx.history.get(bobs.local_id).status is OrderStatus.AWAITING_PAYMENT
    assert run(ctx.watcher.check(bob.key)) == []  # bob's balance did not move

    # Then the small one is paid too: the next rise goes to it.
    pay(run, small.checkout_url)
    paid = run(ctx.watcher.check(alice.key))
    assert [p.local_id for p in paid] == [small.local_id]
    record = ctx.history.get(small.local_id)
    assert (record.balance_before, record.balance_after) == (
        Decimal("1190000.00"),
        Decimal("1530000.00"),
    )


def test_the_watcher_polls_by_itself(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(0.05,))
    view = widgets.add(BalanceView(ctx))
    view.show()
    record = run(ctx.recharge.create_order(account.key, Decimal("10")))
    ctx.watcher.watch(account.key)
    assert view.watch_strip.isVisible()
    pay(run, record.checkout_url)
    (paid,) = run(wait_signal(ctx.watcher.orderPaid, timeout=5), timeout=6)
    assert paid.local_id == record.local_id
    run(until(lambda: view.amount_label.text() == "$20.00"))
    run(until(lambda: not ctx.watcher.watching(account.key)))
    assert not view.watch_strip.isVisible()


def test_invoice_payment_is_detected(make_ctx, run, sandbox) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    record = run(
        ctx.recharge.create_order(
            account.key, Decimal("5"), kind=RechargeKind.INVOICE, email="b@example.org"
        )
    )
    ctx.watcher.watch(account.key)
    pay(run, record.checkout_url)
    ctx.watcher.poke(account.key)
    run(until(lambda: ctx.history.get(record.local_id).status is OrderStatus.PAID))
    run(until(lambda: not ctx.watcher.watching(account.key)))


def test_unpaid_checkout_expires_after_24_hours(make_ctx, run, sandbox, widgets, tmp_path: Path):
    ctx, account = signed_in(make_ctx, run, sandbox)
    clock = WallClock()
    history = OrderHistory(tmp_path / "orders.sqlite3", clock=clock)
    try:
        recharge = RechargeService(ctx.accounts, history)
        watcher = PaymentWatcher(ctx.accounts, history, intervals=(3600,))
        record = run(recharge.create_order(account.key, Decimal("10")))
        pay(run, record.checkout_url, action="cancel")  # the person gave up

        assert run(watcher.check(account.key)) == []
        assert history.get(record.local_id).status is OrderStatus.AWAITING_PAYMENT
        clock.advance(hours=23, minutes=59)
        assert run(watcher.check(account.key)) == []
        assert history.get(record.local_id).status is OrderStatus.AWAITING_PAYMENT
        clock.advance(minutes=2)
        assert run(watcher.check(account.key)) == []
        assert history.get(record.local_id).status is OrderStatus.EXPIRED

        # A later rise (a recharge on the website, say) is not this order's.
        sandbox.state.set_balance("888", "680000")
        assert run(watcher.check(account.key)) == []
        expired = history.get(record.local_id)
        assert expired.status is OrderStatus.EXPIRED
        assert expired.balance_after is None
        assert not expired.is_open
    finally:
        history.close()


def test_expired_rows_show_as_expired(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    clock = WallClock()
    clock.advance(hours=-30)
    old = OrderHistory(ctx.paths.history_db, clock=clock)
    try:
        old_record = run(RechargeService(ctx.accounts, old).create_order(account.key, Decimal(7)))
    finally:
        old.close()
    view = widgets.add(HistoryView(ctx))
    view.set_filter(FILTER_ALL)
    assert view.model.data(view.model.index(0, Column.STATUS)) == "Awaiting payment"
    run(ctx.start())  # start-up: stale orders expire, nothing left to watch
    run(until(lambda: view.model.data(view.model.index(0, Column.STATUS)) == "Expired"))
    assert ctx.history.get(old_record.local_id).status is OrderStatus.EXPIRED
    assert not ctx.watcher.watching(account.key)


def test_watch_stops_after_its_window(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    mono = Monotonic()
    watcher = PaymentWatcher(ctx.accounts, ctx.history, window_s=60, intervals=(3600,), clock=mono)
    run(ctx.recharge.create_order(account.key, Decimal("10")))
    changes: list[tuple[str, bool]] = []
    watcher.watchingChanged.connect(lambda key, on: changes.append((key, on)))

    watcher.watch(account.key)
    assert watcher.watching(account.key)
    mono.now += 30
    watcher.poke(account.key)  # inside the window: checks and keeps watching
    run(until(lambda: sandbox.state.request_counts["balance"] == 2))
    assert watcher.watching(account.key)

    mono.now += 31  # the window is over
    watcher.poke(account.key)
    run(until(lambda: not watcher.watching(account.key)))
    assert changes == [(account.key, True), (account.key, False)]
    # The order is still open: a later activation or "Open again" can watch again.
    assert [r.status for r in ctx.history.list()] == [OrderStatus.AWAITING_PAYMENT]
    watcher.watch(account.key)
    assert watcher.watching(account.key)
    run(watcher.stop())


def test_window_activation_pokes_and_reports(qtbot, make_ctx, run, sandbox, browser, widgets):
    """MainWindow: activation checks the balance at once; the payment is announced."""
    from ohmygpt_desktop.ui.main_window import MainWindow

    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = widgets.add(MainWindow(ctx))
    window.show()
    window.start()
    run(until(lambda: window._started))
    # As the dialog does: the parsed amount (two places).
    record = run(ctx.recharge.create_order(account.key, Decimal("10.00")))
    ctx.watcher.watch(account.key)
    pay(run, record.checkout_url)
    assert ctx.history.get(record.local_id).status is OrderStatus.AWAITING_PAYMENT

    window.on_activated()  # what changeEvent(ActivationChange) does
    run(until(lambda: ctx.history.get(record.local_id).status is OrderStatus.PAID))
    run(until(lambda: window.balance_view.amount_label.text() == "$20.00"))
    assert ("success", "Payment received: $10.00 was added to alice@example.com.") in [
        (str(level), text) for level, text in ctx.messages.history
    ]


def test_spending_between_recharges_does_not_hide_a_payment(make_ctx, run, sandbox) -> None:
    """Second recharge of a session after API usage lowered the balance."""
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    first = run(ctx.recharge.create_order(account.key, Decimal("10.00")))
    ctx.watcher.watch(account.key)
    pay(run, first.checkout_url)
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [first.local_id]
    run(ctx.watcher.stop())  # balance now $20

    sandbox.state.set_balance("888", "612000")  # $2 of API usage: $18 left
    run(ctx.accounts.refresh_balance(account.key))  # the regular refresh sees it
    second = run(ctx.recharge.create_order(account.key, Decimal("1.00")))
    ctx.watcher.watch(account.key)
    pay(run, second.checkout_url)  # $19: still below the $20 seen last time
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [second.local_id]
    record = ctx.history.get(second.local_id)
    assert (record.balance_before, record.balance_after) == (
        Decimal("612000.00"),
        Decimal("646000.00"),
    )
    run(ctx.watcher.stop())


def test_a_payment_noticed_late_still_counts(make_ctx, run, sandbox) -> None:
    """Paid after the watch window; the next watch (e.g. “Open again”) still finds it."""
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    record = run(ctx.recharge.create_order(account.key, Decimal("10.00")))
    ctx.watcher.watch(account.key)
    run(ctx.watcher.stop())  # the window ended unpaid
    pay(run, record.checkout_url)
    run(ctx.accounts.refresh_balance(account.key))  # a regular refresh shows $20
    ctx.watcher.watch(account.key)
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [record.local_id]
    run(ctx.watcher.stop())
