"""Top-ups on behalf of someone: operator, reference, duplicate-order guard, customer
message, and the history that answers support questions."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.core.customer_message import customer_message
from ohmygpt_desktop.core.orders import OrderFilter, OrderHistory, OrderStatus
from ohmygpt_desktop.core.recharge import (
    REFERENCE_MAX,
    ReferenceProblem,
    ReferenceRefused,
    check_reference,
)
from ohmygpt_desktop.core.settings import operator_name, os_user_name
from ohmygpt_desktop.ui import history_model
from ohmygpt_desktop.ui.accounts_page import AccountsPage
from ohmygpt_desktop.ui.customer_message_box import agent_zone
from ohmygpt_desktop.ui.formatting import format_local_datetime
from ohmygpt_desktop.ui.history_view import ACCOUNT_PREFIX, FILTER_ALL, HistoryView
from tests.helpers.asyncutil import outcome, until
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    signed_in,
    type_amount,
    type_text,
    wait_idle,
    widget_scope,
)
from tests.helpers.signed_in import sign_in
from tests.test_a11y import _key, _open_window

# ------------------------------------------------------------------ core


def test_check_reference() -> None:
    assert check_reference(None) is None
    assert check_reference("   ") is None
    assert check_reference("  TICKET-42 ") == "TICKET-42"
    assert check_reference("x" * REFERENCE_MAX) == "x" * REFERENCE_MAX
    with pytest.raises(ReferenceRefused) as too_long:
        check_reference("x" * (REFERENCE_MAX + 1))
    assert too_long.value.problem is ReferenceProblem.TOO_LONG
    assert str(too_long.value) == "The reference is too long: at most 200 characters (it has 201)."
    for bad in ("a\nb", "a\tb", "a\x00b", "a\u202eb"):
        with pytest.raises(ReferenceRefused) as control:
            check_reference(bad)
        assert control.value.problem is ReferenceProblem.CONTROL


def test_operator_defaults_to_the_os_user(make_ctx, home) -> None:
    ctx = make_ctx()
    assert ctx.settings.operator == ""
    assert operator_name(ctx.settings) == os_user_name() != ""
    ctx.settings.set("operator", "  Alice Agent ")
    assert operator_name(ctx.settings) == "Alice Agent"
    env = {"XDG_CONFIG_DIRS": str(home / "none"), "OHMYGPT_OPERATOR": "bob"}
    assert operator_name(make_ctx(env=env).settings) == "bob"


def test_create_order_records_operator_and_reference(make_ctx, run, sandbox) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("operator", "alice")
    record = run(ctx.recharge.create_order(account.key, Decimal(25), reference=" T-1 "))
    assert (record.operator, record.reference) == ("alice", "T-1")
    assert ctx.history.get(record.local_id) == record
    with pytest.raises(ReferenceRefused):
        run(ctx.recharge.create_order(account.key, Decimal(25), reference="a\nb"))
    assert len(sandbox.state.orders()) == 1  # a refused reference sends nothing
    assert len(ctx.history.list()) == 1


def _order(history, *, email="alice@example.com", key="alice", amount="25", **kwargs):
    local_id = history.begin(
        account_key=key,
        email=email,
        host="api.ohmygpt.com",
        kind="checkout",
        amount=Decimal(amount),
        product_id="10001",
        balance_before=Decimal("340000"),
        **kwargs,
    )
    return local_id


def test_filter_in_sql_and_jsonl_export(tmp_path) -> None:
    clock = [datetime(2026, 3, 1, 12, tzinfo=UTC)]
    with OrderHistory(tmp_path / "orders.sqlite3", clock=lambda: clock[0]) as history:
        a = _order(history, operator="alice", reference="TICKET-100")
        history.complete(a, order_no="ORD-AAA", checkout_url=LINK)
        clock[0] += timedelta(days=1)
        b = _order(history, key="bob", email="bob@example.com", operator="bob", reference="50%_off")
        history.complete(b, order_no="ORD-BBB", checkout_url=LINK)
        history.mark_paid(b, balance_before=None, balance_after=Decimal("1190000"))
        clock[0] += timedelta(days=1)
        c = _order(history)  # no operator, no reference: still creating

        def ids(**kwargs) -> list[int]:
            return [r.local_id for r in history.find(OrderFilter(**kwargs))]

        assert ids() == [c, b, a]
        assert ids(statuses=frozenset({OrderStatus.PAID, OrderStatus.CREATING})) == [c, b]
        assert ids(account_key="alice") == [c, a]
        assert ids(operator="bob") == [b]
        assert ids(operator="") == [c]
        day2 = datetime(2026, 3, 2, tzinfo=UTC)
        assert ids(created_from=day2, created_before=day2 + timedelta(days=1)) == [b]
        assert ids(text="ticket-1") == [a]  # the reference, any case
        assert ids(text="ord-bbb") == [b]  # the order number
        assert ids(text="bob@") == [b]  # the e-mail
        assert ids(text="50%") == [b]  # wildcards are searched as they are
        assert ids(text="0%_") == [b]
        assert ids(text="%") == [b]
        assert ids(text="_") == [b]
        assert history.operators() == ["alice", "bob"]
        assert history.accounts() == [("alice", "alice@example.com"), ("bob", "bob@example.com")]

        out = tmp_path / "orders.jsonl"
        assert history.export_jsonl(out, OrderFilter(account_key="alice")) == 2
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [line["local_id"] for line in lines] == [c, a]
        assert lines[1] == {
            "local_id": a,
            "order_no": "ORD-AAA",
            "account": "alice",
            "email": "alice@example.com",
            "host": "api.ohmygpt.com",
            "kind": "checkout",
            "amount_usd": "25",
            "product_id": "10001",
            "status": "awaiting_payment",
            "created_at": "2026-03-01T12:00:00+00:00",
            "updated_at": "2026-03-01T12:00:00+00:00",
            "expires_at": "2026-03-02T12:00:00+00:00",
            "balance_before_credits": "340000",
            "balance_after_credits": None,
            "checkout_url": LINK,
            "note": None,
            "operator": "alice",
            "reference": "TICKET-100",
        }
        csv_out = tmp_path / "orders.csv"
        assert history.export_csv(csv_out, where=OrderFilter(operator="bob")) == 1
        with csv_out.open(encoding="utf-8", newline="") as handle:
            [row] = list(csv.DictReader(handle))
        assert (row["Order number"], row["Reference"]) == ("ORD-BBB", "50%_off")


# ------------------------------------------------------------------ the customer message


def _message_record(tmp_path, kind: str = "checkout"):
    with OrderHistory(tmp_path / "m.sqlite3", clock=lambda: CREATED) as history:
        local_id = _order(history, amount="1234.5")
        return history.complete(local_id, order_no="ORD-42", checkout_url=LINK)


CREATED = datetime(2026, 12, 1, 16, 5, tzinfo=UTC)
LINK = "https://checkout.stripe.com/c/pay/cs_test_abc#frag"


def test_customer_message_in_english(tmp_path) -> None:
    message = customer_message(_message_record(tmp_path), "en", ZoneInfo("Europe/Berlin"))
    assert message.subject == "Your OhMyGPT top-up of $1,234.50: payment link"
    assert message.body == (
        "Hello,\n"
        "\n"
        "Here is the link to pay $1,234.50 into your OhMyGPT account alice@example.com:\n"
        "\n"
        f"{LINK}\n"
        "\n"
        "Order number: ORD-42\n"
        "The link works until 2 December 2026, 17:05 (CET, UTC+01:00).\n"
        "\n"
        "If you have any questions, just reply to this message."
    )


def test_customer_message_in_chinese(tmp_path) -> None:
    message = customer_message(_message_record(tmp_path), "zh_CN", ZoneInfo("Asia/Shanghai"))
    assert message.subject == "您的 OhMyGPT 充值（1,234.50 美元）付款链接"
    assert message.body == (
        "您好，\n"
        "\n"
        "请通过以下链接为您的 OhMyGPT 账户 alice@example.com 充值 1,234.50 美元：\n"
        "\n"
        f"{LINK}\n"
        "\n"
        "订单号：ORD-42\n"
        "该链接的有效期至 2026年12月3日 00:05（CST，UTC+08:00）。\n"
        "\n"
        "如有任何问题，请直接回复此邮件。"
    )


def test_customer_message_in_japanese(tmp_path) -> None:
    message = customer_message(_message_record(tmp_path), "ja", ZoneInfo("UTC"))
    assert message.subject == "OhMyGPT へのチャージ（1,234.50 米ドル）のお支払いリンク"
    assert message.body == (
        "こんにちは。\n"
        "\n"
        "OhMyGPT アカウント alice@example.com に 1,234.50 米ドル "
        "をチャージするためのお支払いリンクです：\n"
        "\n"
        f"{LINK}\n"
        "\n"
        "注文番号：ORD-42\n"
        "このリンクの有効期限：2026年12月2日 16:05（UTC）\n"
        "\n"
        "ご不明な点がございましたら、このメールにそのままご返信ください。"
    )


def test_mailto_is_percent_encoded(tmp_path) -> None:
    message = customer_message(_message_record(tmp_path), "ja", ZoneInfo("Asia/Tokyo"))
    url = message.mailto("alice@example.com")
    head, _, query = url.partition("?")
    assert head == "mailto:alice@example.com"
    parts = dict(part.split("=", 1) for part in query.split("&"))
    assert set(parts) == {"subject", "body"}
    assert all(" " not in v and "\n" not in v and "#" not in v for v in parts.values())
    assert unquote(parts["subject"]) == message.subject
    assert unquote(parts["body"]) == message.body.replace("\n", "\r\n")
    assert "%E3%83%81%E3%83%A3%E3%83%BC%E3%82%B8" in parts["subject"]  # チャージ, UTF-8


# ------------------------------------------------------------------ the recharge dialog


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def create_in_dialog(qtbot, run, widgets, ctx, key, amount: str = "25", reference: str = ""):
    dialog = open_recharge(widgets, ctx, key)
    type_amount(qtbot, dialog, amount)
    if reference:
        type_text(qtbot, dialog.reference_edit, reference)
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.record() is not None, dialog.problem_label.text()
    return dialog


def test_reference_and_operator_flow_to_history_and_exports(
    qtbot, make_ctx, run, sandbox, browser, widgets, tmp_path
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("operator", "alice")
    history = widgets.add(HistoryView(ctx))
    history.show()
    dialog = open_recharge(widgets, ctx, account.key)
    assert dialog.operator_label.text() == "Created by alice"
    assert dialog.reference_label.buddy() is dialog.reference_edit
    type_amount(qtbot, dialog, "25")

    # Too long: said inline, nothing cut, nothing sent.
    too_long = "T" * 201
    dialog.reference_edit.setText(too_long)
    assert dialog.reference_error.isVisible()
    assert dialog.reference_error.text() == (
        "The reference is too long: at most 200 characters (it has 201)."
    )
    assert dialog.reference_edit.text() == too_long
    assert not dialog.create_button.isEnabled()
    dialog.reference_edit.clear()
    type_text(qtbot, dialog.reference_edit, "  ZD-4711 refund ")
    assert not dialog.reference_error.isVisible()
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    record = dialog.record()
    assert record is not None
    assert (record.operator, record.reference) == ("alice", "ZD-4711 refund")
    [server_order] = sandbox.state.orders()
    assert server_order["order_no"] == record.order_no

    # The history row, found by the reference; its details name operator and reference.
    run(until(lambda: history.model.rowCount() == 1))
    other = run(ctx.recharge.create_order(account.key, Decimal(5), reference="other"))
    run(until(lambda: history.model.rowCount() == 2))
    history.search_edit.setText("zd-4711")
    run(until(lambda: history.model.rowCount() == 1))
    history.select_row(0)
    details = history.details_text()
    assert "Operator: alice" in details
    assert "Reference: ZD-4711 refund" in details
    assert f"Order number: {record.order_no}" in details

    # Exports: the current filter only.
    csv_path = tmp_path / "support.csv"
    assert run(outcome(history.export_to(str(csv_path)))) == 1
    with csv_path.open(encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["Order number"], row["Operator"], row["Reference"]) == (
        record.order_no,
        "alice",
        "ZD-4711 refund",
    )
    jsonl_path = tmp_path / "support.jsonl"
    assert run(outcome(history.export_to(str(jsonl_path)))) == 1
    [line] = [json.loads(x) for x in jsonl_path.read_text(encoding="utf-8").splitlines()]
    assert (line["order_no"], line["operator"], line["reference"]) == (
        record.order_no,
        "alice",
        "ZD-4711 refund",
    )
    assert other.order_no not in jsonl_path.read_text(encoding="utf-8")


def test_duplicate_order_needs_a_second_click(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("operator", "alice")
    first = create_in_dialog(qtbot, run, widgets, ctx, account.key)
    first.accept()
    assert len(sandbox.state.orders()) == 1

    dialog = open_recharge(widgets, ctx, account.key)
    assert dialog.duplicate_box.isVisible()
    assert dialog.duplicate_label.text().splitlines() == [
        "This account already has an open order from the last 30 minutes. Make sure it was "
        "not paid before you create another one:",
        "• Created 0 min ago by alice: $25.00, not yet paid",
    ]
    type_amount(qtbot, dialog, "10")
    assert dialog.create_button.text() == "Create another order"
    click(qtbot, dialog.create_button)  # the first click asks, creates nothing
    assert not dialog.busy
    assert dialog.create_button.text() == "Yes, create another order"
    assert len(sandbox.state.orders()) == 1
    click(qtbot, dialog.create_button)  # the second creates it
    wait_idle(run, dialog)
    assert dialog.record() is not None
    assert len(sandbox.state.orders()) == 2

    # Another account has no open order: no warning, one click.
    bob = run(sign_in(ctx, sandbox, "1024"))
    other = open_recharge(widgets, ctx, bob.key)
    assert not other.duplicate_box.isVisible()
    assert other.create_button.text() == "Create order"


def test_customer_message_on_the_result_page(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    dialog = create_in_dialog(qtbot, run, widgets, ctx, account.key)
    record = dialog.record()
    box = dialog.customer_message
    assert box.isVisible()
    assert dialog.qr.isVisible()  # the QR code stays
    assert box.language() == "en"  # the UI language
    assert [box.language_combo.itemText(i) for i in range(3)] == ["English", "中文", "日本語"]

    box.set_language("ja")
    click(qtbot, box.copy_button)
    expected = customer_message(record, "ja", agent_zone())
    assert QApplication.clipboard().text() == f"{expected.subject}\n\n{expected.body}"
    assert "注文番号：" + record.order_no in QApplication.clipboard().text()

    click(qtbot, box.email_button)
    url = browser.last
    assert url == expected.mailto("alice@example.com")
    query = dict(part.split("=", 1) for part in url.partition("?")[2].split("&"))
    assert unquote(query["subject"]) == expected.subject
    assert record.checkout_url in unquote(query["body"])
    assert box.status_label.text() == "The draft opened in your e-mail program."

    browser.works = False
    click(qtbot, box.email_button)
    assert "Copy message" in box.status_label.text()


# ------------------------------------------------------------------ the history


def _add(ctx, account, amount, *, status=OrderStatus.AWAITING_PAYMENT, operator=None,
         reference=None, order_no=None):  # fmt: skip
    history = ctx.history
    local_id = history.begin(
        account_key=account.key,
        email=account.email,
        host=account.host,
        kind="checkout",
        amount=Decimal(amount),
        product_id="10001",
        balance_before=Decimal("340000"),
        operator=operator,
        reference=reference,
    )
    history.complete(local_id, order_no=order_no or f"ORD-{local_id}", checkout_url=LINK)
    if status is OrderStatus.PAID:
        history.mark_paid(local_id, balance_before=None, balance_after=Decimal("680000"))
    return local_id


def _history_view(widgets, ctx) -> HistoryView:
    view = widgets.add(HistoryView(ctx))
    view.resize(1100, 420)
    view.show()
    return view


def _emails_and_amounts(view) -> list[tuple[str, str]]:
    return [
        (view.model.record(row).email, str(view.model.record(row).amount))
        for row in range(view.model.rowCount())
    ]


def test_history_filters(make_ctx, run, sandbox, widgets) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox)
    bob = run(sign_in(ctx, sandbox, "1024"))
    _add(ctx, alice, "10", operator="ann", reference="ZD-1")
    _add(ctx, alice, "20", status=OrderStatus.PAID, operator="ben")
    _add(ctx, bob, "30", operator="ann", reference="ZD-2")
    view = _history_view(widgets, ctx)
    assert view.filters.isVisible()
    view.set_filter(FILTER_ALL)
    assert view.model.rowCount() == 3

    # One account (the accounts with orders are listed by e-mail).
    names = [view.filter_combo.itemText(i) for i in range(view.filter_combo.count())]
    assert names == ["This account", "All accounts", "alice@example.com", "bob@example.com"]
    view.set_filter(ACCOUNT_PREFIX + alice.key)
    assert _emails_and_amounts(view) == [("alice@example.com", "20"), ("alice@example.com", "10")]

    # Status.
    view.set_filter(FILTER_ALL)
    view.status_combo.setCurrentIndex(view.status_combo.findData(OrderStatus.PAID.value))
    assert view.status_combo.currentText() == "Paid"
    assert _emails_and_amounts(view) == [("alice@example.com", "20")]
    view.status_combo.setCurrentIndex(0)

    # Operator.
    ops = [view.operator_combo.itemText(i) for i in range(view.operator_combo.count())]
    assert ops == ["Anyone", "ann", "ben"]
    view.operator_combo.setCurrentIndex(view.operator_combo.findData("ann"))
    assert _emails_and_amounts(view) == [("bob@example.com", "30"), ("alice@example.com", "10")]

    # Search within that: reference, e-mail.
    view.search_edit.setText("zd-2")
    assert _emails_and_amounts(view) == [("bob@example.com", "30")]
    view.search_edit.setText("alice@")
    assert _emails_and_amounts(view) == [("alice@example.com", "10")]
    view.search_edit.setText("nothing like this")
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "No orders match. Change the filters or clear the search."
    assert view.filters.isVisible()  # the filters stay to be changed
    view.search_edit.clear()
    view.operator_combo.setCurrentIndex(0)

    # Dates: every order is from today; yesterday's range has none.
    today = QDate.currentDate()
    view.from_edit.setDate(today)
    view.to_edit.setDate(today)
    assert view.model.rowCount() == 3
    view.from_edit.setDate(today.addDays(-3))
    view.to_edit.setDate(today.addDays(-1))
    assert view.model.rowCount() == 0
    view.from_edit.setDate(today.addDays(1))
    view.to_edit.setDate(view.to_edit.minimumDate())  # "Any day"
    assert view.to_edit.text() == "Any day"
    assert view.model.rowCount() == 0
    view.from_edit.setDate(view.from_edit.minimumDate())
    assert view.model.rowCount() == 3


def test_history_details_and_payable_orders(
    qtbot, make_ctx, run, sandbox, browser, widgets
) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox)
    paid = _add(ctx, alice, "20", status=OrderStatus.PAID, operator="ben", reference="ZD-9")
    view = _history_view(widgets, ctx)
    assert view.details_hint.isVisible()
    assert not view.open_again_button.isVisible()  # no order chosen: no buttons

    view.select_row(view.model.row_of(paid))
    record = view.selected_record()
    assert view.details_text().splitlines() == [
        f"Order number: ORD-{paid}",
        "Status: Paid",
        "Account: alice@example.com on sandbox",
        "Kind: Checkout",
        "Amount: $20.00",
        f"Created: {format_local_datetime(record.created_at)}",
        f"Link valid until: {format_local_datetime(record.expires_at)}",
        f"Last change: {format_local_datetime(record.updated_at)}",
        "Balance before: 340,000 credits (≈ $10.00)",
        "Balance after: 680,000 credits (≈ $20.00)",
        "Operator: ben",
        "Reference: ZD-9",
        f"Local ID: {paid}",
    ]
    assert view.open_again_button.text() == "Open payment page"
    assert not view.open_again_button.isEnabled()  # paid
    assert not view.copy_link_button.isEnabled()

    # Double-click no longer reopens a payment page behind the person's back.
    rect = view.table.visualRect(view.model.index(view.model.row_of(paid), 0))
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert browser.opened == []

    # Unpaid but more than 24 hours old: the link has run out.
    stale = _add(ctx, alice, "5")
    with sqlite3.connect(ctx.history.path) as conn:
        old = (datetime.now(UTC) - timedelta(hours=25)).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
        conn.execute("UPDATE orders SET created_at = ? WHERE local_id = ?", (old, stale))
    conn.close()
    fresh = _add(ctx, alice, "7")
    run(until(lambda: view.model.rowCount() == 3))
    view.reload()
    view.select_row(view.model.row_of(stale))
    assert view.selected_record().status is OrderStatus.AWAITING_PAYMENT
    assert not view.open_again_button.isEnabled()
    view.open_again()
    assert browser.opened == []
    view.select_row(view.model.row_of(fresh))
    assert view.open_again_button.isEnabled()
    click(qtbot, view.open_again_button)
    assert browser.opened == [LINK]
    run(ctx.watcher.stop())


def test_main_window_tabs_for_one_account_and_ctrl_f_searches(
    qtbot, make_ctx, run, sandbox, widgets
) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    _add(ctx, alice, "10", reference="ZD-5")
    window = _open_window(run, ctx, widgets)
    run(until(lambda: window.history_view.isVisible()))
    # One account: Orders and Usage (no Accounts tab); the tab names the history.
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Orders", "Usage"]
    assert window.findChild(AccountsPage) is None  # not built for one account
    assert not window.history_view.title_label.isVisible()
    _key(qtbot, window, "Ctrl+F")
    run(until(lambda: window.focusWidget() is window.history_view.search_edit))
    qtbot.keyClicks(window.history_view.search_edit, "zd-5")
    assert window.history_view.model.rowCount() == 1


def test_long_history_is_read_a_page_at_a_time(make_ctx, run, sandbox, widgets, monkeypatch):
    monkeypatch.setattr(history_model, "PAGE", 5)
    ctx, alice = signed_in(make_ctx, run, sandbox)
    ids = [_add(ctx, alice, str(n + 1), reference=f"R{n}") for n in range(12)]
    view = _history_view(widgets, ctx)
    assert view.model.rowCount() == 5  # the first page only
    assert view.model.canFetchMore()
    view.table.scrollToBottom()
    run(until(lambda: view.model.rowCount() == 10))
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert [view.model.record(r).local_id for r in range(12)] == ids[::-1]
    view.search_edit.setText("R0")  # the oldest, beyond the first page: found by SQLite
    assert [view.model.record(r).local_id for r in range(view.model.rowCount())] == [ids[0]]
