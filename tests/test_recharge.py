"""The recharge dialog against the sandbox: one click one order, cancel, faults, QR, kill."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.app import Options
from ohmygpt_desktop.core.orders import INTERRUPTED_NOTE, OrderHistory, OrderStatus
from ohmygpt_desktop.core.recharge import OrderOutcomeUnknown
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.balance_view import BalanceView
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import format_local_datetime
from ohmygpt_desktop.ui.history_model import Column
from ohmygpt_desktop.ui.history_view import HistoryView
from ohmygpt_desktop.ui.qr import QUIET_ZONE, QrCodeWidget, qr_matrix
from ohmygpt_desktop.ui.tasks import set_unexpected_error_handler
from tests.helpers import sandbox_browser
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.order_child import creating_an_order
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    signed_in,
    type_amount,
    type_text,
    wait_idle,
    wait_requests_done,
    widget_scope,
)
from tests.helpers.signin import free_port


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def statuses(ctx: Any) -> list[OrderStatus]:
    return [record.status for record in ctx.history.list()]


# ------------------------------------------------------------------ end to end


def test_recharge_end_to_end(qtbot, make_ctx, run, sandbox, browser, widgets) -> None:
    """Sign in → 340,000 credits → recharge $10 → pay in the browser → 680,000, order paid."""
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    balance = widgets.add(BalanceView(ctx))
    history = widgets.add(HistoryView(ctx))
    balance.show()
    history.show()
    assert balance.amount_label.text() == "340,000 credits"
    assert balance.usd_label.text() == "≈ $10.00"
    assert not balance.is_stale()

    requested: list[str] = []
    balance.rechargeRequested.connect(requested.append)
    click(qtbot, balance.recharge_button)
    assert requested == [account.key]

    dialog = open_recharge(widgets, ctx, account.key)
    assert "alice@example.com" in dialog.windowTitle()
    assert "sandbox" in dialog.windowTitle()
    type_amount(qtbot, dialog, "10")
    assert dialog.pays_for_label.text() == "Adds $10.00 to alice@example.com (sandbox)"
    click(qtbot, dialog.create_button)
    assert dialog.busy
    assert dialog.busy_row.isVisible()
    wait_idle(run, dialog)

    record = dialog.record()
    assert record is not None, dialog.problem_label.text()
    assert record.status is OrderStatus.AWAITING_PAYMENT
    assert record.amount == Decimal("10.00")
    assert record.balance_before == Decimal("340000.00")
    assert browser.opened == [record.checkout_url]
    assert ctx.watcher.watching(account.key)
    assert dialog.pages.currentWidget() is dialog.result_page
    assert dialog.order_no_field.text() == record.order_no
    assert dialog.qr.text() == record.checkout_url
    run(until(lambda: balance.watch_strip.isVisible()))
    assert balance.watch_label.text() == "Waiting for your payment… (checking the balance)"
    run(until(lambda: history.model.rowCount() == 1))
    status_index = history.model.index(0, Column.STATUS)
    assert history.model.data(status_index) == "Awaiting payment"

    # The person pays on the (fake) Stripe page; then the app window is activated.
    run(asyncio.to_thread(sandbox_browser.pay, browser.last))
    ctx.watcher.poke()
    paid = run(wait_signal(ctx.watcher.orderPaid))[0]
    assert paid.local_id == record.local_id

    run(until(lambda: balance.amount_label.text() == "680,000 credits"))
    assert not balance.is_stale()
    stored = ctx.history.get(record.local_id)
    assert stored is not None
    assert stored.status is OrderStatus.PAID
    assert (stored.balance_before, stored.balance_after) == (
        Decimal("340000.00"),
        Decimal("680000.00"),
    )
    run(until(lambda: history.model.data(status_index) == "Paid"))
    assert history.model.data(history.model.index(0, Column.BALANCE)) == "340,000 → 680,000"
    # Nothing is left to wait for: the watcher stops and the strip goes away.
    run(until(lambda: not ctx.watcher.watching(account.key)))
    run(until(lambda: not balance.watch_strip.isVisible()))

    click(qtbot, dialog.done_button)
    run(until(lambda: not isValid(dialog)))  # closed and deleted (WA_DeleteOnClose)


# --------------------------------------------------------- one click, one order


def test_double_click_creates_one_order(qtbot, make_ctx, run, sandbox, browser, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=0.3)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")

    qtbot.mouseDClick(dialog.create_button, Qt.MouseButton.LeftButton)
    # Everything else a hurried person could do while the first request runs:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    dialog.create_button.click()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    dialog.submit()
    assert dialog.busy
    assert not dialog.create_button.isEnabled()
    assert dialog.create_button.text() == "Creating…"

    wait_idle(run, dialog)
    wait_requests_done(run, ctx)
    assert sandbox.state.request_counts["checkout_order"] == 1
    assert len(sandbox.state.orders()) == 1
    assert len(ctx.history.list()) == 1
    assert browser.opened == [dialog.record().checkout_url]


# ------------------------------------------------------------- cancel in flight


def test_cancel_in_flight_keeps_the_request(qtbot, make_ctx, run, sandbox, browser, widgets):
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=1.5)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    run(until(lambda: sandbox.state.request_counts["checkout_order"] == 1))
    assert statuses(ctx) == [OrderStatus.CREATING]  # written ahead of the request
    assert dialog.cancel_button.text() == "Stop waiting"

    click(qtbot, dialog.cancel_button)
    # Usable at once, still open, and saying what happens to the request.
    assert not dialog.busy
    assert dialog.isVisible()
    assert dialog.amount_edit.isEnabled()
    assert dialog.create_button.isEnabled()
    assert not dialog.busy_row.isVisible()
    assert dialog.info_box.isVisible()
    assert "Awaiting payment" in dialog.info_label.text()
    assert dialog.cancel_button.text() == "Cancel"

    # The reply still arrives and is recorded; nothing is opened behind the user's back.
    run(until(lambda: statuses(ctx) == [OrderStatus.AWAITING_PAYMENT], timeout=8), timeout=9)
    wait_requests_done(run, ctx)
    assert OrderStatus.CREATING not in statuses(ctx)
    assert browser.opened == []
    # Created all the same: it awaits payment, so it is watched like any open order
    # (the watcher follows the history, whoever waited for the reply).
    assert ctx.watcher.watching(account.key)
    assert dialog.pages.currentWidget() is dialog.entry_page
    assert len(sandbox.state.orders()) == 1


def test_escape_in_flight_closes_and_records(qtbot, make_ctx, run, sandbox, browser, widgets):
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=1.0)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "15")
    click(qtbot, dialog.create_button)
    run(until(lambda: sandbox.state.request_counts["checkout_order"] == 1))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    run(until(lambda: statuses(ctx) == [OrderStatus.AWAITING_PAYMENT], timeout=8), timeout=9)
    assert browser.opened == []


def test_closing_the_app_mid_request_still_records_the_order(
    qtbot, make_ctx, run, sandbox, browser, widgets
):
    """The window closes while the order is being created: shutting down lets the
    request finish, and its outcome is in the history at the next start."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=1.0)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "15")
    click(qtbot, dialog.create_button)
    run(until(lambda: sandbox.state.request_counts["checkout_order"] == 1))
    dialog.close()  # as the main window closing does
    run(ctx.aclose())

    (order,) = sandbox.state.orders()
    with OrderHistory(ctx.history.path) as again:
        again.recover_interrupted()  # what the next start does first
        (row,) = again.list(account.key)
    assert (row.status, row.order_no) == (OrderStatus.AWAITING_PAYMENT, order["order_no"])
    assert browser.opened == []


def test_a_request_that_outlasts_the_shutdown_grace_is_marked_unknown(make_ctx, run, sandbox):
    """Shutting down waits a bounded time only: a request still running then is stopped,
    and its order is listed as unknown (it may exist)."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=30.0)
    waiting = ctx.background.keep(ctx.recharge.create_order(account.key, Decimal("10")))
    run(until(lambda: sandbox.state.request_counts["checkout_order"] == 1))
    waiting.cancel()  # the window stopped waiting: the request goes on
    assert ctx.background.pending()

    run(ctx.background.drain(0.2))
    assert not ctx.background.pending()
    (row,) = ctx.history.list(account.key)
    assert row.status is OrderStatus.UNKNOWN
    assert row.note == "The app closed while this order was being created."


# ---------------------------------------------------------------------- faults

#: The server refused in its documented JSON error envelope: no order exists.
REFUSALS = [
    pytest.param("status", {"status": 403}, "trusted_advanced_access", id="403"),
    pytest.param("status", {"status": 429, "retry_after": 0}, "Too many requests", id="429"),
    pytest.param("status", {"status": 500}, "problem (error 500)", id="500"),
    pytest.param("status", {"status": 502}, "problem (error 502)", id="502"),
    pytest.param("status", {"status": 402}, "balance is too low", id="402-insufficient"),
]


@pytest.mark.parametrize(("kind", "params", "expected"), REFUSALS)
def test_create_order_refused(
    qtbot, make_ctx, run, sandbox, browser, widgets, kind, params, expected
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", kind, times=1, **params)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    assert dialog.problem_box.isVisible()
    text = dialog.problem_label.text()
    assert text.startswith("The order was not created. "), text
    assert expected in text, text
    assert "Traceback" not in text
    assert "Error(" not in text
    assert ctx.history.list() == []  # no phantom order row
    assert sandbox.state.orders() == []
    assert browser.opened == []
    assert sandbox.state.request_counts["checkout_order"] == 1
    # Usable again: same amount, button enabled, entry page.
    assert dialog.pages.currentWidget() is dialog.entry_page
    assert dialog.amount_edit.isEnabled()
    assert dialog.amount_edit.text() == "10"
    assert dialog.create_button.isEnabled()
    assert not dialog.unknown_box.isVisible()
    assert not ctx.watcher.watching(account.key)

    # …and the next try works (the fault was for one request).
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.record() is not None
    assert statuses(ctx) == [OrderStatus.AWAITING_PAYMENT]


#: Replies that prove nothing: the order may exist. The last field: the reply named it.
AMBIGUOUS = [
    pytest.param("html", {}, "problem (error 502)", False, id="html-502"),
    pytest.param("html", {"status": 504}, "problem (error 504)", False, id="html-504"),
    pytest.param("html", {"status": 200}, "does not understand", False, id="html-200"),
    pytest.param("non_json", {}, "does not understand", False, id="non_json"),
    pytest.param("non_json", {"variant": "broken_json"}, "does not understand", False, id="json"),
    pytest.param("redirect", {}, "does not understand", False, id="redirect"),
    pytest.param("missing_field", {}, "does not understand", True, id="missing_field"),
    pytest.param("wrong_type", {}, "does not understand", True, id="wrong_type"),
    pytest.param(
        "bad_url", {"url": "http://evil.example/x"}, "trusted payment page", True, id="bad_url"
    ),
    pytest.param("oversized", {"size": 2 * 1024 * 1024}, "does not understand", False, id="big"),
]


@pytest.mark.parametrize(("kind", "params", "expected", "names_order"), AMBIGUOUS)
def test_an_unusable_reply_keeps_the_order_as_unknown(
    qtbot, make_ctx, run, sandbox, browser, widgets, kind, params, expected, names_order
) -> None:
    """Today's bug: these dropped the history row although the order may exist."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", kind, times=1, **params)
    history = widgets.add(HistoryView(ctx))
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    text = dialog.problem_label.text()
    assert dialog.problem_box.isVisible()
    assert not text.startswith("The order was not created"), text
    assert text.startswith("The app could not use OhMyGPT's reply"), text
    assert expected in text, text
    assert "“unknown”" in text
    assert "check your OhMyGPT orders" in text.replace("Check", "check")
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.UNKNOWN
    assert row.checkout_url is None  # an unusable link is never kept
    if names_order:
        (order,) = sandbox.state.orders()
        assert row.order_no == order["order_no"]
        assert order["order_no"] in text
    else:
        assert row.order_no is None
    run(until(lambda: history.model.rowCount() == 1))
    status = history.model.data(history.model.index(0, Column.STATUS))
    assert status == "Unknown — check your OhMyGPT orders"
    assert browser.opened == []
    assert sandbox.state.request_counts["checkout_order"] == 1
    # No blind retry: a new order only after the person confirms they checked.
    assert dialog.unknown_box.isVisible()
    assert not dialog.create_button.isEnabled()
    click(qtbot, dialog.unknown_confirm)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.record() is not None
    assert sorted(statuses(ctx)) == sorted([OrderStatus.AWAITING_PAYMENT, OrderStatus.UNKNOWN])


def test_invalid_token_asks_to_sign_in_again(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "error_in_200", times=1, status=401)
    dialog = open_recharge(widgets, ctx, account.key)
    reauth: list[str] = []
    dialog.reauthRequested.connect(reauth.append)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    assert "sign in to this account again" in dialog.problem_label.text()
    assert ctx.history.list() == []
    assert browser.opened == []
    assert account.needs_reauth
    assert not dialog.create_button.isEnabled()  # no order on a dead sign-in
    assert dialog.reauth_button.isVisible()
    click(qtbot, dialog.reauth_button)
    assert reauth == [account.key]


def test_network_failure_before_sending(
    qtbot, make_ctx, run, sandbox, browser, widgets, keyring_backend
) -> None:
    """Nothing listens at the API address: nothing was sent, so no order row either."""
    dead = f"http://127.0.0.1:{free_port()}"
    ctx = make_ctx(options=Options(overrides={"api_base_url": dead}))
    account = run(
        ctx.accounts.add_signed_in(
            "888",
            "alice@example.com",
            Secret(sandbox.state.issue_token("888")),
            scope="general_api_access",
            choose_storage=_session,
        )
    )
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert "Could not connect to the OhMyGPT service" in dialog.problem_label.text()
    assert ctx.history.list() == []
    assert browser.opened == []
    assert dialog.create_button.isEnabled()


async def _session() -> TokenStorage:
    return TokenStorage.SESSION


def test_lost_reply_is_unknown_and_no_blind_retry(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "drop", times=1)
    history = widgets.add(HistoryView(ctx))
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    assert statuses(ctx) == [OrderStatus.UNKNOWN]
    assert len(sandbox.state.orders()) == 1  # the server did create it
    assert browser.opened == []
    text = dialog.problem_label.text()
    assert "“unknown”" in text
    assert "check your OhMyGPT orders" in text
    assert not text.startswith("The order was not created")
    # No immediate blind retry: the button waits for an explicit confirmation.
    assert dialog.unknown_box.isVisible()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    assert sandbox.state.request_counts["checkout_order"] == 1
    click(qtbot, dialog.unknown_confirm)
    assert dialog.create_button.isEnabled()
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert sandbox.state.request_counts["checkout_order"] == 2
    run(until(lambda: history.model.rowCount() == 2))
    texts = [history.model.data(history.model.index(row, Column.STATUS)) for row in range(2)]
    assert texts == ["Awaiting payment", "Unknown — check your OhMyGPT orders"]


def test_a_slow_drip_ends_at_the_deadline_setting(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    """A reply sent a byte a second cannot keep the dialog waiting past the deadline."""
    deadline = 1.0
    ctx, account = signed_in(make_ctx, run, sandbox, env={"OHMYGPT_REQUEST_DEADLINE_S": "1"})
    assert ctx.client.deadline == deadline
    sandbox.state.set_fault("checkout_order", "drip", times=1, bytes_per_second=1)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    started = time.monotonic()
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog, timeout=deadline + 10)
    assert time.monotonic() - started < deadline + 3  # a bound generous to slow CI

    assert len(sandbox.state.orders()) == 1  # the server did create it…
    assert statuses(ctx) == [OrderStatus.UNKNOWN]  # …so the row stays
    text = dialog.problem_label.text()
    assert "“unknown”" in text
    assert not text.startswith("The order was not created")
    assert dialog.unknown_box.isVisible()
    ctx.clients.rebuild()  # a rebuilt client keeps the setting's deadline
    assert ctx.client.deadline == deadline


def test_an_unexpected_failure_keeps_the_order_as_unknown(
    make_ctx, run, sandbox, monkeypatch
) -> None:
    """A bug while the request is out is no proof either: the row stays, and says so."""
    ctx, account = signed_in(make_ctx, run, sandbox)

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug after the request went out")

    monkeypatch.setattr(ctx.client, "checkout_order", broken)
    with pytest.raises(OrderOutcomeUnknown) as info:
        run(ctx.recharge.create_order(account.key, Decimal("10")))
    assert statuses(ctx) == [OrderStatus.UNKNOWN]
    assert describe(info.value).startswith("Something went wrong inside the app while the order")
    assert "“unknown”" in describe(info.value)


def test_account_signed_out_as_the_order_starts(
    qtbot, make_ctx, run, loop, sandbox, widgets
) -> None:
    """Signed out (in another window) between the click and the request: the dialog says
    so in words, not "Something went wrong"; nothing is sent and nothing recorded."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    signing_out = loop.create_task(ctx.accounts.sign_out(account.key))  # runs first
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    run(signing_out)

    assert dialog.problem_label.text() == (
        "The order was not created. This account is no longer signed in to the app. "
        "Sign in to it again to recharge."
    )
    assert dialog.problem_box.isVisible()
    assert sandbox.state.request_counts["checkout_order"] == 0
    assert statuses(ctx) == []


def test_an_unforeseen_failure_goes_to_the_crash_handler(
    qtbot, make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    """A failure that is no known problem is a bug: the crash handler reports it (with
    its details); the dialog claims nothing about the order in generic words."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise LookupError("a bug in the order service")

    monkeypatch.setattr(ctx.recharge, "create_order", broken)
    reported: list[BaseException] = []
    set_unexpected_error_handler(lambda exc, where: reported.append(exc))
    try:
        click(qtbot, dialog.create_button)
        wait_idle(run, dialog)
    finally:
        set_unexpected_error_handler(None)

    assert [type(exc) for exc in reported] == [LookupError]
    assert "Something went wrong" not in dialog.problem_label.text()
    assert not dialog.problem_box.isVisible()
    assert dialog.create_button.isEnabled()  # the person may try again


# ------------------------------------------------------------- the amount as sent


@pytest.mark.parametrize(("typed", "sent"), [("10", "10"), ("10.00", "10"), ("12.5", "12.50")])
def test_the_amount_is_sent_as_the_docs_show(
    qtbot, make_ctx, run, sandbox, browser, widgets, typed, sent
) -> None:
    """Whole dollars go as ``10`` (the documented request); cents only when there are some."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, typed)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    assert dialog.record() is not None, dialog.problem_label.text()
    (order,) = sandbox.state.orders()
    assert order["amount_sent"] == sent


# ---------------------------------------------------------------------- invoice


def test_invoice_path(qtbot, make_ctx, run, sandbox, browser, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "25")
    assert not dialog.email_edit.isEnabled()  # only for invoices
    click(qtbot, dialog.invoice_radio)
    assert dialog.email_edit.isEnabled()
    type_text(qtbot, dialog.email_edit, "billing@")
    assert dialog.email_error.isVisible()
    assert not dialog.create_button.isEnabled()
    type_text(qtbot, dialog.email_edit, "example.org")
    assert not dialog.email_error.isVisible()
    assert dialog.create_button.isEnabled()
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    record = dialog.record()
    assert record is not None, dialog.problem_label.text()
    assert record.kind == "invoice"
    assert "/i/acct_sandbox/" in browser.last
    assert browser.opened == [record.checkout_url]
    assert sandbox.state.request_counts["invoice_order"] == 1
    assert sandbox.state.request_counts["checkout_order"] == 0
    (order,) = sandbox.state.orders()
    assert (order["kind"], order["amount"], order["email"]) == (
        "invoice",
        "25.00",
        "billing@example.org",
    )
    assert order["order_no"] == record.order_no
    assert "Stripe Invoice" in dialog.details_label.text()
    assert "invoice page opened" in dialog.result_text.text()


@pytest.mark.parametrize(
    ("kind", "params", "refused"),
    [
        pytest.param("status", {"status": 405}, True, id="405-envelope"),
        pytest.param("status", {"status": 404}, True, id="404-envelope"),
        pytest.param("html", {"status": 404}, False, id="404-html"),
    ],
)
def test_a_refused_assumed_invoice_path_names_its_setting(
    qtbot, make_ctx, run, sandbox, browser, widgets, kind, params, refused
) -> None:
    """The invoice path is our assumption: 404/405 name the setting and the support contact.

    The documented error envelope proves no order exists; an HTML page does not, so that
    row stays "unknown" while the message still names the endpoint.
    """
    ctx, account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("support", "help@example.org")
    sandbox.state.set_fault("invoice_order", kind, times=1, **params)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "25")
    click(qtbot, dialog.invoice_radio)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)

    text = dialog.problem_label.text()
    assert dialog.problem_box.isVisible()
    assert "endpoints.invoice_order" in text, text
    assert "assumption" in text, text
    assert "did not accept the request" not in text, text
    assert "Need help? Contact help@example.org" in text, text
    assert browser.opened == []
    if refused:
        assert text.startswith("The order was not created. "), text
        assert ctx.history.list() == []
    else:
        (row,) = ctx.history.list()
        assert row.status is OrderStatus.UNKNOWN
        assert "“unknown”" in text


def test_invoice_without_email_uses_the_account(qtbot, make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "5")
    click(qtbot, dialog.invoice_radio)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    (order,) = sandbox.state.orders()
    assert order["kind"] == "invoice"
    assert order["email"] == "alice@example.com"


# ------------------------------------------------------------------ result page


def test_result_page_copy_open_again(qtbot, make_ctx, run, sandbox, browser, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    record = dialog.record()
    assert record is not None
    assert "payment page opened" in dialog.result_text.text()
    assert "app checks the balance" in dialog.watch_note.text()
    # The link's lifetime is Stripe's usual one, and the page says so.
    until_text = format_local_datetime(record.created_at + timedelta(hours=24))
    assert dialog.details_label.text().splitlines()[-1] == (
        f"The link is usually valid until {until_text}."
    )
    assert dialog.details_label.toolTip() == (
        "Stripe Checkout links expire 24 hours after they are made unless their maker "
        "sets another time; OhMyGPT does not say which it does."
    )

    click(qtbot, dialog.copy_link_button)
    assert QApplication.clipboard().text() == record.checkout_url
    assert dialog.copy_link_button.text() == "Copied"
    click(qtbot, dialog.open_again_button)
    assert browser.opened == [record.checkout_url, record.checkout_url]

    # A browser that cannot start: say so, keep the link reachable.
    browser.works = False
    click(qtbot, dialog.open_again_button)
    assert "could not open your browser" in dialog.result_text.text()


def test_no_browser_still_shows_the_link(qtbot, make_ctx, run, sandbox, browser, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    browser.works = False
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.record() is not None
    assert "could not open your browser" in dialog.result_text.text()
    assert dialog.qr.text() == dialog.record().checkout_url
    assert ctx.watcher.watching(account.key)


# --------------------------------------------------------------------- QR code


def _segno_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    return tuple(tuple(bool(v) for v in row) for row in segno.make(text).matrix)


def _zbar(path: Path) -> str:
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.rstrip("\n")


def test_qr_matrix_matches_segno() -> None:
    link = "https://checkout.stripe.com/c/pay/cs_test_a1b2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0"
    assert qr_matrix(link) == _segno_matrix(link)


def test_qr_widget_draws_crisp_modules(qtbot) -> None:
    link = "https://checkout.stripe.com/c/pay/cs_test_a1b2c3#fragment"
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_text(link)
    widget.resize(300, 300)
    widget.show()
    image = widget.grab().toImage()
    scale = widget.scale()
    assert scale >= 3
    side = widget.modules() * scale
    left = (image.width() - side) // 2
    top = (image.height() - side) // 2
    matrix = widget.matrix()
    # Each module is a whole square of one colour; the quiet zone is white.
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            px = left + (QUIET_ZONE + x) * scale
            py = top + (QUIET_ZONE + y) * scale
            for dx, dy in ((0, 0), (scale - 1, scale - 1)):
                colour = image.pixelColor(px + dx, py + dy)
                assert (colour.lightness() < 128) is dark, (x, y)
    for i in range(QUIET_ZONE * scale):
        assert image.pixelColor(left + i, top + i).lightness() > 200


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is missing")
def test_result_qr_decodes_to_the_link(qtbot, make_ctx, run, sandbox, widgets, tmp_path) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    link = dialog.record().checkout_url
    assert "#" in link  # Stripe-like fragment survives
    assert dialog.qr.matrix() == _segno_matrix(link)

    on_screen = tmp_path / "qr-widget.png"
    assert dialog.qr.grab().save(str(on_screen))
    assert _zbar(on_screen) == link
    rendered = tmp_path / "qr-image.png"
    assert dialog.qr.to_image(4).save(str(rendered))
    assert _zbar(rendered) == link


# ---------------------------------------------------------- killed mid-request


@pytest.mark.slow
def test_killed_during_order_creation_leaves_unknown_row(
    qtbot, make_ctx, run, sandbox, home, widgets
) -> None:
    with creating_an_order(sandbox, home, run, "10") as child:
        child.kill()
    assert "ORDERING" in child.out
    assert "CREATED" not in child.out

    ctx = make_ctx()  # the next start, on the same home
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.CREATING  # as the killed process left it
    run(ctx.start())
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.UNKNOWN
    assert row.note == INTERRUPTED_NOTE
    assert row.account_key == "888@sandbox"
    assert row.amount == Decimal("10.00")
    view = widgets.add(HistoryView(ctx))
    view.set_filter("all")
    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, Column.STATUS)) == (
        "Unknown — check your OhMyGPT orders"
    )


def test_an_unknown_outcome_links_to_the_services_orders_and_shows_the_order_here(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "missing_field", times=1)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.unknown_box.isVisible()
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.UNKNOWN
    details = dialog.unknown_details.text()
    assert "$10.00" in details
    assert format_local_datetime(row.created_at) in details
    assert row.order_no
    assert row.order_no in details

    click(qtbot, dialog.orders_link)
    assert browser.opened == [f"{sandbox.base_url}/pay"]
    # The sandbox (the demo's service) lists the order there.
    page = sandbox_browser.load(browser.last)
    assert page.status == 200
    assert row.order_no in page.text


def test_too_many_requests_keeps_create_order_disabled_with_a_countdown(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "status", times=1, status=429, retry_after=2)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert ctx.history.list() == []
    assert not dialog.create_button.isEnabled()
    text = dialog.problem_label.text()
    assert text.startswith("The order was not created"), text
    assert "try again in 2 seconds" in text or "try again in 1 second." in text, text
    # The countdown runs down by itself, then the button is usable again.
    run(until(lambda: "try again in 1 second." in dialog.problem_label.text(), timeout=3))
    assert not dialog.create_button.isEnabled()
    run(until(dialog.create_button.isEnabled, timeout=3))
    assert "try again now" in dialog.problem_label.text()
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.record() is not None
    assert sandbox.state.request_counts["checkout_order"] == 2


def test_in_demo_mode_the_qr_note_says_the_link_is_a_demo_link(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    assert ctx.demo_mode
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.pages.currentWidget() is dialog.result_page
    caption = dialog.qr_caption.text()
    assert "demo link" in caption, caption
    assert "on your phone" not in caption
