"""The Accounts page (support desk): many sandbox accounts in one sortable table.

Driven like a person: header clicks, typing, Enter, Ctrl+R, the Refresh all / Stop
buttons; checked on what the table shows and on what the sandbox received.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from ohmygpt_desktop.core.accounts import Account
from ohmygpt_desktop.ui.accounts_page import AccountsPage
from ohmygpt_desktop.ui.accounts_table import column_index
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from tests.helpers.asyncutil import recording, until
from tests.helpers.recharging import Widgets, widget_scope
from tests.helpers.signed_in import sign_in
from tests.helpers.signin import click, show, until_idle

# (user id, e-mail, credits). 34,000 credits make a dollar; below $1.00 is low.
DANA = ("7001", "dana@desk.test", "17000")  # $0.50: low
BEA = ("7002", "bea@desk.test", "3400000")  # $100
CY = ("7003", "cy@desk.test", "680000")  # $20
AL = ("7004", "al@desk.test", "340000")  # never read, must sign in again
HOST = "sandbox"


def key(user: tuple[str, str, str]) -> str:
    return f"{user[0]}@{HOST}"


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def desk_window(
    qtbot: Any,
    make_ctx: Any,
    run: Any,
    sandbox: Any,
    widgets: Widgets,
    users: list[tuple[str, str, str]],
) -> tuple[Any, MainWindow, AccountsPage]:
    """The users signed in (through the sandbox's pages; balances not read), the window
    started, the Accounts page open. The last user is the current account."""
    for user_id, email, credits in users:
        sandbox.state.add_user(user_id, email, credits)
    ctx = make_ctx(payment_intervals=(3600,))
    for user_id, _email, _credits in users:
        run(sign_in(ctx, sandbox, user_id, refresh=False))
    window = widgets.add(MainWindow(ctx))
    show(qtbot, run, window, width=1400, height=760)
    window.start()
    run(until_idle(lambda: window._started and window._tabs is not None))
    window.show_accounts()
    page = window.accounts_page
    run(until(page.isVisible, message="the Accounts page is not shown"))
    return ctx, window, page


def emails(page: AccountsPage) -> list[str]:
    """The e-mail column, top to bottom, as the table shows it."""
    proxy = page.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def cell(page: AccountsPage, user: tuple[str, str, str], column: str, role: Any = None) -> Any:
    row = emails(page).index(user[1])
    index = page.proxy.index(row, column_index(column))
    return index.data() if role is None else index.data(role)


def click_header(qtbot: Any, page: AccountsPage, column: str) -> Qt.SortOrder:
    """Click a column's header as a person does; returns the order it now sorts in."""
    header = page.table.horizontalHeader()
    section = column_index(column)
    page.table.scrollTo(page.proxy.index(0, section))
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    assert 0 <= x < header.viewport().width(), f"the {column} header is not on screen"
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert header.sortIndicatorSection() == section
    return header.sortIndicatorOrder()


def both_orders(qtbot: Any, page: AccountsPage, column: str) -> dict[Qt.SortOrder, list[str]]:
    """The rows after one header click and after a second one (both directions)."""
    seen = {}
    for _ in range(2):
        order = click_header(qtbot, page, column)
        seen[order] = emails(page)
    assert len(seen) == 2, "a second click did not reverse the order"
    return seen


ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


# --------------------------------------------------------------- sorting


def test_every_column_sorts_the_way_it_reads(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [AL, DANA, BEA, CY])
    # Balances read one after another (cy first, bea last); al's never read.
    for user in (CY, DANA, BEA):
        run(ctx.accounts.refresh_balance(key(user)))
    ctx.accounts.mark_needs_reauth(key(AL))
    run(until_idle())

    assert cell(page, BEA, "balance") == "≈ $100.00"
    assert cell(page, BEA, "credits") == "3,400,000"
    assert cell(page, AL, "balance") == "—"
    assert cell(page, AL, "updated") == "Never read"
    assert cell(page, DANA, "low") == "⚠ Low"
    assert cell(page, BEA, "low") == ""
    assert cell(page, AL, "sign_in") == "Sign in again"
    assert cell(page, CY, "sign_in") == "Signed in · current"

    a, b, c, d = AL[1], BEA[1], CY[1], DANA[1]
    assert both_orders(qtbot, page, "email") == {ASC: [a, b, c, d], DESC: [d, c, b, a]}
    # Numbers as numbers (3,400,000 > 680,000 > 17,000), never read last both ways.
    for money in ("balance", "credits"):
        assert both_orders(qtbot, page, money) == {ASC: [d, c, b, a], DESC: [b, c, d, a]}
    assert both_orders(qtbot, page, "updated") == {ASC: [c, d, b, a], DESC: [b, d, c, a]}
    low = both_orders(qtbot, page, "low")
    assert low[ASC][0] == d
    assert low[ASC][-1] == a
    assert low[DESC][-2:] == [d, a]
    sign_in_state = both_orders(qtbot, page, "sign_in")
    assert sign_in_state[ASC][-1] == a
    assert sign_in_state[DESC][0] == a
    hosts = both_orders(qtbot, page, "host")  # one host here: every row stays
    assert sorted(hosts[ASC]) == sorted(hosts[DESC]) == [a, b, c, d]


def _paid_order(ctx: Any, user: tuple[str, str, str], amount: str, *, paid: bool) -> None:
    history = ctx.history
    local_id = history.begin(
        account_key=key(user),
        email=user[1],
        host=HOST,
        kind="checkout",
        amount=Decimal(amount),
        product_id="pay-as-you-go",
        balance_before=Decimal(user[2]),
    )
    history.complete(local_id, order_no=f"ord-{local_id}", checkout_url="https://pay.test/x")
    if paid:
        history.mark_paid(local_id, balance_before=None, balance_after=Decimal(user[2]))


def test_open_orders_and_last_top_up_come_from_the_history(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [AL, DANA, BEA, CY])
    _paid_order(ctx, DANA, "5", paid=True)  # the older top-up
    _paid_order(ctx, DANA, "10", paid=False)
    _paid_order(ctx, DANA, "20", paid=False)
    _paid_order(ctx, CY, "7", paid=False)
    _paid_order(ctx, BEA, "50", paid=True)  # the newest top-up
    run(until(lambda: cell(page, BEA, "last_top_up").startswith("$50.00")))
    assert cell(page, DANA, "open_orders") == "2"
    assert cell(page, CY, "open_orders") == "1"
    assert cell(page, AL, "open_orders") == ""
    assert cell(page, DANA, "last_top_up").startswith("$5.00 · ")

    a, b, c, d = AL[1], BEA[1], CY[1], DANA[1]
    opened = both_orders(qtbot, page, "open_orders")
    assert opened[ASC][-2:] == [c, d]
    assert opened[DESC][:2] == [d, c]
    top_up = both_orders(qtbot, page, "last_top_up")
    assert top_up[ASC][:2] == [d, b]
    assert top_up[DESC][:2] == [b, d]
    assert set(top_up[ASC][2:]) == set(top_up[DESC][2:]) == {a, c}  # none: last
    run(until_idle())


# --------------------------------------------------------- the keyboard


def test_typing_filters_enter_switches_ctrl_r_recharges(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [DANA, BEA, CY])
    assert "3 of 3 accounts" in page.count_label.text()
    page.table.setFocus()
    qtbot.keyClicks(page.table, "be")  # typed in the table: goes to the search field
    assert page.filter_field.text() == "be"
    assert page.filter_field.hasFocus()
    assert emails(page) == [BEA[1]]
    assert "1 of 3 accounts" in page.count_label.text()

    qtbot.keyClick(page.filter_field, Qt.Key.Key_Return)
    assert ctx.accounts.current().key == key(BEA)
    assert window.switcher.button.text().startswith(BEA[1])

    page.filter_field.clear()
    assert len(emails(page)) == 3
    qtbot.keyClick(page.filter_field, Qt.Key.Key_Down)  # into the table
    assert page.table.hasFocus()
    page.select_key(key(DANA))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert ctx.accounts.current().key == key(DANA)

    page.select_key(key(CY))
    with recording(page.rechargeRequested) as asked:
        qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(key(CY),)]
    dialogs = [d for d in window.findChildren(RechargeDialog) if d.isVisible()]
    assert [d.account_key for d in dialogs] == [key(CY)]
    dialogs[0].reject()
    run(until_idle())


def test_rows_follow_sign_out_and_sign_in_state(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [DANA, BEA, CY])
    ctx.accounts.mark_needs_reauth(key(DANA))
    assert cell(page, DANA, "sign_in") == "Sign in again"
    run(ctx.accounts.sign_out(key(BEA)))
    assert emails(page) == [CY[1], DANA[1]]
    assert "2 of 2 accounts" in page.count_label.text()
    run(until_idle())


# ------------------------------------------------------ refreshing many


def test_refresh_all_updates_each_row_and_shows_failures_on_theirs(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [AL, DANA, BEA, CY])
    ctx.accounts.mark_needs_reauth(key(AL))  # nothing to send for it
    sandbox.state.set_balance(BEA[0], "6800000")
    sandbox.state.set_fault("balance", "status", user_id=DANA[0], status=500)
    sandbox.state.set_fault("balance", "drop", user_id=CY[0])
    before = sandbox.state.request_counts["balance"]

    rows: list[tuple[int, int]] = []
    page.model.dataChanged.connect(lambda top, bottom, *_: rows.append((top.row(), bottom.row())))
    click(qtbot, page.refresh_all_button)
    assert page.progress.isVisible()
    assert page.stop_button.isVisible()
    run(until_idle(lambda: page.refresh is not None and page.refresh.progress.finished))

    assert cell(page, BEA, "balance") == "≈ $200.00"  # the new figure
    assert cell(page, BEA, "updated") == "just now"
    assert cell(page, DANA, "updated") == "⚠ Server error"
    tip = cell(page, DANA, "updated", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Could not update the balance: ")
    assert cell(page, CY, "updated") == "⚠ Network error"
    assert cell(page, AL, "updated") == "Never read"
    assert page.status_label.text() == "3 of 3 read, 2 failed"
    assert not page.progress.isVisible()
    assert not page.stop_button.isVisible()
    assert page.refresh_all_button.isEnabled()
    # One request per signed-in account (a dropped reply may be tried again).
    assert sandbox.state.request_counts["balance"] - before >= 3
    # Each reply redrew its own row, never the whole table.
    assert rows
    assert all(top == bottom for top, bottom in rows)


def test_stop_sends_no_more_requests(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    users = [(str(7100 + i), f"shop{i}@desk.test", "340000") for i in range(9)]
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, users)
    sandbox.state.set_fault("balance", "latency", seconds=0.5)
    before = sandbox.state.request_counts["balance"]

    click(qtbot, page.refresh_all_button)
    refresh = page.refresh
    assert refresh is not None
    assert refresh.total == 9

    async def stop_once_the_first_are_sent() -> None:
        # One coroutine: the loop keeps running while requests are on the wire.
        await until(lambda: refresh.in_flight == 4, message="the first requests were not sent")
        click(qtbot, page.stop_button)
        assert page.status_label.text().startswith("Stopping")
        await until_idle(lambda: refresh.progress.finished, within=10)

    run(stop_once_the_first_are_sent(), timeout=15)
    assert (refresh.done, refresh.total) == (4, 9)
    assert page.status_label.text() == "Stopped: 4 of 9 read"
    assert sandbox.state.request_counts["balance"] - before == 4
    # The first four rows were read (the last user, current, was read at start-up).
    read = [u for u in users[:-1] if ctx.accounts.get(key(u)).balance is not None]
    assert read == users[:4]


def test_refresh_selected_reads_only_those(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    _ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [DANA, BEA, CY])
    run(until_idle())
    before = sandbox.state.request_counts["balance"]
    page.select_key(key(DANA))
    click(qtbot, page.refresh_selected_button)
    run(until_idle(lambda: page.refresh is not None and page.refresh.progress.finished))
    assert sandbox.state.request_counts["balance"] - before == 1
    assert cell(page, DANA, "balance") == "≈ $0.50"
    assert cell(page, BEA, "balance") == "—"


# ---------------------------------------------------- switching reads


def _card_texts(window: MainWindow) -> tuple[str, bool]:
    view = window.balance_view
    return view.updated_label.text(), view.refreshing()


def test_switching_reads_a_never_read_or_stale_balance(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [DANA, BEA, CY])
    run(until_idle())
    card = window.balance_view
    assert card.updated_label.text() == "Updated just now"  # the current one (cy) was read

    # Never read: the switch sends the request at once, the card says it is reading.
    before = sandbox.state.request_counts["balance"]
    page.select_key(key(DANA))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert ctx.accounts.current().key == key(DANA)
    assert _card_texts(window) == ("Reading the balance…", True)
    run(until_idle())
    assert sandbox.state.request_counts["balance"] - before == 1
    assert card.updated_label.text() == "Updated just now"
    assert card.amount_label.text() == "17,000 credits"

    # Back to cy, read a moment ago: nothing to send.
    before = sandbox.state.request_counts["balance"]
    page.select_key(key(CY))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert _card_texts(window) == ("Updated just now", False)
    run(until_idle())
    assert sandbox.state.request_counts["balance"] == before

    # Dana's figure is now older than the refresh interval: switching reads it again.
    interval = int(ctx.settings.refresh_interval_s)
    account: Account = ctx.accounts.get(key(DANA))
    moment = account.balance_updated + timedelta(seconds=interval + 1)
    card.now = lambda: moment
    page.select_key(key(DANA))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert card.refreshing()
    run(until_idle())
    assert sandbox.state.request_counts["balance"] == before + 1
    assert "Not read yet" not in card.updated_label.text()


def test_updated_ago_moves_on_with_the_clock(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any, widgets: Widgets
) -> None:
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [DANA, BEA])
    run(until_idle())
    assert cell(page, BEA, "updated") == "just now"  # the current one, read at start
    read = ctx.accounts.get(key(BEA)).balance_updated
    page.model.now = lambda: read + timedelta(minutes=5, seconds=1)
    with recording(page.model.dataChanged) as changed:
        page.model._age_timer.timeout.emit()  # the half-minute tick
    assert cell(page, BEA, "updated") == "5 min ago"
    # Only the columns that depend on the clock are redrawn.
    ticking = {column_index("updated"), column_index("last_top_up")}
    assert {top.column() for top, *_ in changed} == ticking
