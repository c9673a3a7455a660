"""The order history view: statuses, filter, live updates, actions, CSV export."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.core.orders import OrderHistory, OrderStatus
from ohmygpt_desktop.sandbox import DEFAULT_APP
from ohmygpt_desktop.ui.formatting import format_local_datetime
from ohmygpt_desktop.ui.history_model import Column, status_color
from ohmygpt_desktop.ui.history_view import FILTER_ALL, FILTER_CURRENT, HistoryView
from tests.helpers.asyncutil import outcome, until
from tests.helpers.recharging import Widgets, click, signed_in, widget_scope
from tests.helpers.signed_in import sign_in
from tests.test_provisioning import provisioned_ctx, service

LINK = "https://checkout.stripe.com/c/pay/cs_test_abc#fragment"


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def add_order(
    history: OrderHistory,
    account,
    amount: str,
    status: OrderStatus,
    *,
    kind: str = "checkout",
    order_no: str | None = None,
    link: str = LINK,
) -> int:
    local_id = history.begin(
        account_key=account.key,
        email=account.email,
        host=account.host,
        kind=kind,
        amount=Decimal(amount),
        product_id="10001",
        balance_before=Decimal("340000"),
    )
    if status is OrderStatus.CREATING:
        return local_id
    if status is OrderStatus.UNKNOWN:
        history.mark_unknown(local_id, "reply lost")
        return local_id
    history.complete(local_id, order_no=order_no or f"{local_id:032x}", checkout_url=link)
    if status is OrderStatus.PAID:
        history.mark_paid(
            local_id, balance_before=Decimal("340000"), balance_after=Decimal("680000")
        )
    return local_id


def cell(view: HistoryView, row: int, column: Column, role=Qt.ItemDataRole.DisplayRole):
    return view.model.data(view.model.index(row, column), role)


def make_view(widgets: Widgets, ctx) -> HistoryView:
    view = widgets.add(HistoryView(ctx))
    view.resize(980, 320)
    view.show()
    return view


def test_empty_state(make_ctx, run, sandbox, widgets) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "No orders yet. Recharges you make appear here."
    assert not view.export_button.isEnabled()
    assert not view.copy_link_button.isEnabled()
    # One line of text: no filters, no disabled buttons.
    shown = [w for w in view.findChildren(QWidget) if w.isVisibleTo(view)]
    assert not [w for w in shown if isinstance(w, (QPushButton, QComboBox, QLineEdit))]


def test_every_status_newest_first(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    clock_now = datetime.now(UTC)
    old = OrderHistory(ctx.paths.history_db, clock=lambda: clock_now - timedelta(hours=25))
    try:
        add_order(old, account, "100", OrderStatus.AWAITING_PAYMENT, order_no="e" * 32)
    finally:
        old.close()
    assert [r.status for r in ctx.history.expire_stale()] == [OrderStatus.EXPIRED]
    add_order(ctx.history, account, "10", OrderStatus.PAID, order_no="p" * 32)
    add_order(ctx.history, account, "20", OrderStatus.UNKNOWN)
    add_order(ctx.history, account, "50", OrderStatus.AWAITING_PAYMENT, kind="invoice")
    add_order(ctx.history, account, "5", OrderStatus.CREATING)

    view = make_view(widgets, ctx)
    assert view.stack.currentWidget() is view.splitter
    rows = view.model.rowCount()
    assert rows == 5
    statuses = [cell(view, row, Column.STATUS) for row in range(rows)]
    assert statuses == [
        "Creating…",
        "Awaiting payment",
        "Unknown — check your OhMyGPT orders",
        "Paid",
        "Expired",
    ]
    assert [cell(view, row, Column.AMOUNT) for row in range(rows)] == [
        "$5.00",
        "$50.00",
        "$20.00",
        "$10.00",
        "$100.00",
    ]
    assert [cell(view, row, Column.KIND) for row in range(rows)] == [
        "Checkout",
        "Invoice",
        "Checkout",
        "Checkout",
        "Checkout",
    ]
    assert cell(view, 0, Column.ACCOUNT) == "alice@example.com"
    assert cell(view, 0, Column.ORDER_NO) == "—"
    assert cell(view, 3, Column.ORDER_NO) == "p" * 32
    # The credits OhMyGPT reported (the rate is an assumption: test_balance_column_*).
    assert cell(view, 3, Column.BALANCE) == "340,000 → 680,000"
    assert cell(view, 1, Column.BALANCE) == "340,000"  # not paid: no dangling arrow
    # Created: local time, minutes precision.
    assert cell(view, 0, Column.CREATED).count(":") == 1
    # Colour + text: each status its own colour, shown as text colour and a swatch.
    colours = {
        cell(view, row, Column.STATUS, Qt.ItemDataRole.ForegroundRole).name() for row in range(rows)
    }
    assert len(colours) == 5
    paid_swatch = cell(view, 3, Column.STATUS, Qt.ItemDataRole.DecorationRole)
    assert paid_swatch == status_color(OrderStatus.PAID)
    unknown_tip = cell(view, 2, Column.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "before paying again" in unknown_tip
    invoice_tip = cell(view, 1, Column.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert invoice_tip.startswith("Not paid yet.")  # invoices do not expire after 24 h
    assert "valid until" not in invoice_tip
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(Column))]
    assert headers == [
        "Created",
        "Account",
        "Kind",
        "Amount",
        "Status",
        "Order number",
        "Credits before → after",
    ]


def test_filter_this_account_or_all(make_ctx, run, sandbox, widgets) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox)
    add_order(ctx.history, alice, "10", OrderStatus.AWAITING_PAYMENT)
    bob = run(sign_in(ctx, sandbox, "1024"))  # bob is now the current account
    view = make_view(widgets, ctx)
    assert view.filter_mode() == FILTER_CURRENT
    assert view.model.rowCount() == 0
    assert "All accounts" in view.empty_label.text()  # says where the others are

    view.set_filter(FILTER_ALL)
    assert view.model.rowCount() == 1
    add_order(ctx.history, bob, "7", OrderStatus.AWAITING_PAYMENT)
    run(until(lambda: view.model.rowCount() == 2))
    assert {cell(view, row, Column.ACCOUNT) for row in range(2)} == {
        "alice@example.com",
        "bob@example.com",
    }
    view.set_filter(FILTER_CURRENT)
    assert view.model.rowCount() == 1
    assert cell(view, 0, Column.ACCOUNT) == "bob@example.com"
    ctx.accounts.switch(alice.key)
    run(until(lambda: cell(view, 0, Column.ACCOUNT) == "alice@example.com"))
    assert view.model.rowCount() == 1


def test_live_updates_from_any_thread(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    local_id = add_order(ctx.history, account, "10", OrderStatus.CREATING)
    run(until(lambda: view.model.rowCount() == 1))
    assert cell(view, 0, Column.STATUS) == "Creating…"
    view.select_row(0)

    # A write from a worker thread reaches the table too, selection kept.
    run(asyncio.to_thread(ctx.history.complete, local_id, order_no="f" * 32, checkout_url=LINK))
    run(until(lambda: cell(view, 0, Column.STATUS) == "Awaiting payment"))
    assert view.selected_record() is not None
    assert view.selected_record().local_id == local_id
    assert view.copy_link_button.isEnabled()


def test_actions_follow_the_selection(make_ctx, run, sandbox, browser, widgets, qtbot) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    paid = add_order(ctx.history, account, "10", OrderStatus.PAID, order_no="p" * 32)
    awaiting = add_order(
        ctx.history, account, "20", OrderStatus.AWAITING_PAYMENT, order_no="a" * 32
    )
    view = make_view(widgets, ctx)
    assert view.model.row_of(awaiting) == 0
    assert view.model.row_of(paid) == 1

    # Nothing selected: nothing to act on.
    assert not view.copy_link_button.isEnabled()
    assert not view.open_again_button.isEnabled()
    assert not view.copy_order_button.isEnabled()

    view.select_row(0)  # awaiting payment: all actions
    assert view.copy_link_button.isEnabled()
    assert view.open_again_button.isEnabled()
    click(qtbot, view.copy_link_button)
    assert QApplication.clipboard().text() == LINK
    click(qtbot, view.copy_order_button)
    assert QApplication.clipboard().text() == "a" * 32
    click(qtbot, view.open_again_button)
    assert browser.opened == [LINK]
    assert ctx.watcher.watching(account.key)  # a payment may follow: watch again

    view.select_row(1)  # paid: no link actions
    assert not view.copy_link_button.isEnabled()
    assert not view.open_again_button.isEnabled()
    assert view.copy_order_button.isEnabled()
    view.open_again()  # ignored
    assert browser.opened == [LINK]

    view.select_row(0)
    browser.works = False
    view.open_again()
    assert "could not open your browser" in ctx.messages.history[-1][1]
    run(ctx.watcher.stop())


def test_unknown_row_with_a_link_can_be_opened(make_ctx, run, sandbox, browser, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    local_id = add_order(ctx.history, account, "10", OrderStatus.AWAITING_PAYMENT)
    ctx.history.mark_unknown(local_id, "app closed")
    view = make_view(widgets, ctx)
    view.select_row(0)
    assert cell(view, 0, Column.STATUS) == "Unknown — check your OhMyGPT orders"
    assert view.open_again_button.isEnabled()  # it has a link: still payable


def test_export_csv(make_ctx, run, sandbox, widgets, qtbot, tmp_path: Path) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    add_order(ctx.history, account, "10", OrderStatus.PAID, order_no="p" * 32)
    add_order(ctx.history, account, "20", OrderStatus.AWAITING_PAYMENT, order_no="a" * 32)
    view = make_view(widgets, ctx)
    assert view.export_button.isEnabled()

    click(qtbot, view.export_button)
    dialog = view.export_dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()  # opened with open(): nothing blocks
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith(".csv")
    target = tmp_path / "orders.csv"
    dialog.fileSelected.emit(str(target))  # the person picked a file
    dialog.close()
    # Written off the GUI thread; one export at a time.
    export = view.export_op
    assert export is not None
    assert not view.export_button.isEnabled()
    assert view.export_to(str(tmp_path / "second.csv")) is None
    assert run(outcome(export)) == 2
    assert view.export_button.isEnabled()
    assert not (tmp_path / "second.csv").exists()

    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 3  # header + two orders
    assert rows[1][6] == "Awaiting payment"
    assert rows[2][6] == "Paid"
    level, text = ctx.messages.history[-1]
    assert level == "success"
    assert text == f"Exported 2 orders to {target}."
    # A place that cannot be written: a message, not a crash.
    assert run(outcome(view.export_to(str(tmp_path / "missing" / "dir" / "x.csv")))) is None
    level, text = ctx.messages.history[-1]
    assert level == "error"
    assert text.startswith("Could not export the orders: ")


def test_listener_removed_with_the_view(make_ctx, run, sandbox, widgets, caplog) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = HistoryView(ctx)
    listeners = len(ctx.history._listeners)
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(view)
    assert len(ctx.history._listeners) == listeners - 1
    add_order(ctx.history, account, "10", OrderStatus.CREATING)
    assert "listener failed" not in caplog.text


def test_balance_column_in_credits_with_dollars_approximately(
    make_ctx, run, sandbox, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    add_order(ctx.history, account, "10", OrderStatus.PAID)
    view = make_view(widgets, ctx)
    header = view.model.headerData(Column.BALANCE, Qt.Orientation.Horizontal)
    assert header == "Credits before → after"
    assert cell(view, 0, Column.BALANCE) == "340,000 → 680,000"
    assert cell(view, 0, Column.BALANCE, Qt.ItemDataRole.ToolTipRole) == (
        "≈ $10.00 → ≈ $20.00\n"
        "34,000 credits per US dollar: not stated by OhMyGPT; what other programs use."
    )


def test_balance_column_in_exact_dollars_at_a_provisioned_rate(
    make_ctx, run, sandbox, widgets, tmp_path
) -> None:
    data = service(sandbox, client_secret=DEFAULT_APP.client_secret, credits_per_usd="34000")
    ctx = provisioned_ctx(make_ctx, tmp_path, {"XDG_CONFIG_DIRS": str(tmp_path / "none")}, data)
    account = run(sign_in(ctx, sandbox))
    add_order(ctx.history, account, "10", OrderStatus.PAID)
    view = make_view(widgets, ctx)
    header = view.model.headerData(Column.BALANCE, Qt.Orientation.Horizontal)
    assert header == "Balance before → after"
    assert cell(view, 0, Column.BALANCE) == "$10.00 → $20.00"
    assert cell(view, 0, Column.BALANCE, Qt.ItemDataRole.ToolTipRole) == (
        "340,000 → 680,000 credits\n34,000 credits per US dollar: set by Acme IT."
    )


def test_awaiting_payment_says_the_link_is_usually_valid_for_24_hours(
    make_ctx, run, sandbox, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    add_order(ctx.history, account, "10", OrderStatus.AWAITING_PAYMENT)
    record = ctx.history.list()[0]
    view = make_view(widgets, ctx)
    tip = cell(view, 0, Column.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        f"Not paid yet. The payment link is usually valid until "
        f"{format_local_datetime(record.created_at + timedelta(hours=24))} (Stripe "
        "Checkout links expire 24 hours after they are made unless their maker sets "
        "another time). The app marks the order paid when the balance rises."
    )
