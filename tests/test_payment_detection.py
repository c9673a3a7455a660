"""Payment detection: the balance rises → the right order is paid; expiry; the watch window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from ohmygpt_desktop.core.orders import OrderHistory, OrderStatus
from ohmygpt_desktop.core.payments import PaymentWatcher
from ohmygpt_desktop.core.recharge import RechargeKind, RechargeService
from ohmygpt_desktop.ui.balance_view import BalanceView
from ohmygpt_desktop.ui.history_model import Column
from ohmygpt_desktop.ui.history_view import FILTER_ALL, HistoryView
from tests.helpers import sandbox_browser
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    signed_in,
    type_amount,
    widget_scope,
)
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


def test_a_rise_pays_whole_orders_oldest_first(make_ctx, run, sandbox) -> None:
    """A rise pays the oldest orders it covers in full; the rest waits for the next rise."""
    ctx, alice = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    bob = run(sign_in(ctx, sandbox, "1024"))
    small = run(ctx.recharge.create_order(alice.key, Decimal("10")))
    large = run(ctx.recharge.create_order(alice.key, Decimal("25")))
    bobs = run(ctx.recharge.create_order(bob.key, Decimal("25")))
    paid_signals: list[object] = []
    ctx.watcher.orderPaid.connect(paid_signals.append)

    # $25 arrive: enough for the older $10 order, not for the $25 one as well.
    pay(run, large.checkout_url)
    paid = run(ctx.watcher.check(alice.key))

    assert [p.local_id for p in paid] == [small.local_id]
    assert paid_signals == paid
    record = ctx.history.get(small.local_id)
    assert record.status is OrderStatus.PAID
    assert record.balance_before == Decimal("340000.00")
    assert record.balance_after == Decimal("1190000.00")  # $10 + $25
    assert ctx.history.get(large.local_id).status is OrderStatus.AWAITING_PAYMENT
    assert ctx.history.get(bobs.local_id).status is OrderStatus.AWAITING_PAYMENT
    assert run(ctx.watcher.check(bob.key)) == []  # bob's balance did not move

    # The $15 left over count for the next order: with $10 more, the $25 one is paid.
    pay(run, small.checkout_url)
    paid = run(ctx.watcher.check(alice.key))
    assert [p.local_id for p in paid] == [large.local_id]
    record = ctx.history.get(large.local_id)
    assert (record.balance_before, record.balance_after) == (
        Decimal("680000.00"),  # where the leftover started: after the $10 order's credits
        Decimal("1530000.00"),
    )
    assert record.balance_after - record.balance_before == 25 * 34000


def test_one_payment_pays_only_the_oldest_of_two_orders(make_ctx, run, sandbox) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    older = run(ctx.recharge.create_order(account.key, Decimal("10")))
    newer = run(ctx.recharge.create_order(account.key, Decimal("10")))

    pay(run, newer.checkout_url)  # the balance cannot tell which link was used
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [older.local_id]
    assert ctx.history.get(newer.local_id).status is OrderStatus.AWAITING_PAYMENT
    assert run(ctx.watcher.check(account.key)) == []  # the same rise never pays twice

    pay(run, older.checkout_url)
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [newer.local_id]
    record = ctx.history.get(newer.local_id)
    assert (record.balance_before, record.balance_after) == (
        Decimal("680000.00"),
        Decimal("1020000.00"),
    )


def add_credits(sandbox, user_id: str, credits: Decimal) -> None:
    """Raise a sandbox user's balance through the sandbox's control API."""
    with httpx.Client(base_url=sandbox.base_url, trust_env=False) as http:
        users = http.get("/_sandbox/users").json()["data"]
        (user,) = [u for u in users if u["user_id"] == user_id]
        balance = Decimal(user["balance"]) + credits
        reply = http.post("/_sandbox/balance", json={"user_id": user_id, "balance": str(balance)})
        reply.raise_for_status()


def shown(ctx) -> list[tuple[str, str]]:
    return [(str(level), text) for level, text in ctx.messages.history]


def test_a_small_rise_is_reported_not_taken_for_the_payment(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    """Today's bug: one credit more marked a $10 order paid."""
    from ohmygpt_desktop.ui.main_window import MainWindow

    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = widgets.add(MainWindow(ctx))
    window.show()
    window.start()
    run(until(lambda: window._started))
    record = run(ctx.recharge.create_order(account.key, Decimal("10.00")))
    ctx.watcher.watch(account.key)
    rises: list[object] = []
    ctx.watcher.shortRise.connect(rises.append)

    add_credits(sandbox, "888", Decimal(1))  # a refund of one API call, say
    window.on_activated()
    note = (
        "The balance of alice@example.com went up, but only by 1 of the 340,000 credits "
        "that the $10.00 order needs. The order is still waiting for payment."
    )
    run(until(lambda: ("info", note) in shown(ctx)))
    assert window.banner.isVisible()
    assert window.banner.label.text() == note
    assert ctx.history.get(record.local_id).status is OrderStatus.AWAITING_PAYMENT
    (rise,) = rises
    assert (rise.order.local_id, rise.rise, rise.needed) == (
        record.local_id,
        Decimal(1),
        Decimal(340000),
    )
    assert ctx.watcher.watching(account.key)

    # Then the person really pays through the checkout page.
    pay(run, record.checkout_url)
    window.on_activated()
    run(until(lambda: ctx.history.get(record.local_id).status is OrderStatus.PAID))
    paid = ctx.history.get(record.local_id)
    assert (paid.balance_before, paid.balance_after) == (
        Decimal("340000.00"),
        Decimal("680001.00"),
    )
    run(until(lambda: window.banner.label.text().startswith("Payment received")))
    assert ("success", "Payment received: $10.00 was added to alice@example.com.") in shown(ctx)
    assert len(rises) == 1  # the payment is not also reported as a short rise


def test_the_credits_per_usd_setting_is_used_everywhere(
    qtbot, make_ctx, run, sandbox, widgets
) -> None:
    """The rate is not in the docs: a corrected rate changes every conversion."""
    ctx, account = signed_in(
        make_ctx,
        run,
        sandbox,
        payment_intervals=(3600,),
        env={"OHMYGPT_CREDITS_PER_USD": "50000"},
    )
    assert ctx.settings.credits_per_usd == Decimal(50000)
    view = widgets.add(BalanceView(ctx))
    view.show()
    assert view.usd_label.text() == "≈ $6.80"  # 340,000 credits at 50,000 a dollar
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    assert dialog.credits_hint.text() == "= 500,000 credits"
    click(qtbot, dialog.create_button)
    run(until(lambda: dialog.record() is not None))
    record = dialog.record()
    history = widgets.add(HistoryView(ctx))
    rises: list[object] = []
    ctx.watcher.shortRise.connect(rises.append)

    pay(run, record.checkout_url)  # the sandbox credits $10 at its own 34,000
    assert run(ctx.watcher.check(account.key)) == []
    assert [(r.rise, r.needed) for r in rises] == [(Decimal(340000), Decimal(500000))]
    assert ctx.history.get(record.local_id).status is OrderStatus.AWAITING_PAYMENT

    add_credits(sandbox, "888", Decimal(160000))
    assert [p.local_id for p in run(ctx.watcher.check(account.key))] == [record.local_id]
    run(until(lambda: history.model.rowCount() == 1))
    balance_cell = history.model.data(history.model.index(0, Column.BALANCE))
    assert balance_cell == "340,000 → 840,000"  # credits: the rate is an assumption


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
    run(until(lambda: view.amount_label.text() == "680,000 credits"))
    run(until(lambda: not ctx.watcher.watching(account.key)))
    assert not view.watch_strip.isVisible()


def test_an_order_created_without_a_window_is_watched(make_ctx, run, sandbox) -> None:
    """The watcher follows the order history: an order created by the service alone
    (no dialog, no explicit watch) is watched, and its payment found."""
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    changes: list[tuple[str, bool]] = []
    ctx.watcher.watchingChanged.connect(lambda key, on: changes.append((key, on)))

    record = run(ctx.recharge.create_order(account.key, Decimal("10")))
    assert ctx.watcher.watching(account.key)
    assert changes == [(account.key, True)]

    pay(run, record.checkout_url)
    ctx.watcher.poke(account.key)  # as activating the window does
    (paid,) = run(wait_signal(ctx.watcher.orderPaid))
    assert paid.local_id == record.local_id
    run(until(lambda: not ctx.watcher.watching(account.key)))


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
    run(until(lambda: window.balance_view.amount_label.text() == "680,000 credits"))
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
