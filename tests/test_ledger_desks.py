"""Two desks (two app contexts, separate homes) on one team ledger (real PostgreSQL).

Through the widgets the person sees: the history's Team scope updates live on the
other desk, the double top-up guard sees the other desk's open order, and the quiet
status line speaks only while the ledger is away.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.history_view import HistoryView
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.team_history import (
    SCOPE_LOCAL,
    SCOPE_TEAM,
    HistoryScopes,
    LedgerStatusLine,
    TeamColumn,
    TeamHistoryView,
    with_team_scope,
)
from tests.helpers.asyncutil import until
from tests.helpers.postgres import PostgresCluster
from tests.helpers.recharging import Widgets, open_recharge, signed_in, widget_scope
from tests.test_a11y import unnamed

Runner = Callable[..., Any]
#: Both desks run on this computer: the ledger names it.
DESK = socket.gethostname()


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def desk(
    name: str,
    make_ctx: Callable[..., AppContext],
    run: Runner,
    sandbox: SandboxServer,
    tmp_path: Path,
    ledger_url: str,
    operator: str,
) -> tuple[AppContext, Any]:
    home = tmp_path / name
    env = {"XDG_CONFIG_DIRS": str(home / "no-system-config"), "OHMYGPT_OPERATOR": operator}
    ctx, account = signed_in(make_ctx, run, sandbox, paths=AppPaths.under(home), env=env)
    # In the sandbox's (demo) profile the ledger comes from its own settings file only.
    ctx.settings.set("ledger_url", ledger_url)
    ctx.settings.save()
    return ctx, account


def test_demo_orders_never_reach_a_ledger_named_in_the_environment(
    make_ctx: Callable[..., AppContext], tmp_path: Path, ledger_url: str
) -> None:
    home = tmp_path / "demo"
    env = {"XDG_CONFIG_DIRS": str(home / "no-system-config"), "OHMYGPT_LEDGER_URL": ledger_url}
    ctx = make_ctx(paths=AppPaths.under(home), env=env)
    assert ctx.demo_mode
    assert ctx.settings.ledger_url == ledger_url
    assert ctx.ledger is None


def team_texts(scopes: HistoryScopes) -> list[tuple[str, ...]]:
    return team_texts_of(scopes.team_view)


def test_two_desks_see_each_others_orders_live_and_the_guard_covers_the_team(
    make_ctx: Callable[..., AppContext],
    run: Runner,
    sandbox: SandboxServer,
    tmp_path: Path,
    ledger_url: str,
    postgres_cluster: PostgresCluster,
    widgets: Widgets,
) -> None:
    ctx_a, account_a = desk("a", make_ctx, run, sandbox, tmp_path, ledger_url, "Ann")
    ctx_b, account_b = desk("b", make_ctx, run, sandbox, tmp_path, ledger_url, "Bob")
    assert (account_a.email, account_a.host) == (account_b.email, account_b.host)
    assert ctx_a.ledger is not None
    assert ctx_b.ledger is not None

    # One coroutine from here on: the ledger's tasks run on the loop the whole time,
    # as they do in the app.
    async def scenario() -> None:
        await ctx_a.start()
        await ctx_b.start()
        views = {}
        for name, ctx in (("a", ctx_a), ("b", ctx_b)):
            local = HistoryView(ctx)
            scopes = widgets.add(with_team_scope(ctx, local, None))  # type: ignore[arg-type]
            assert isinstance(scopes, HistoryScopes)
            scopes.set_scope(SCOPE_TEAM)
            scopes.show()
            views[name] = scopes
        window_b = widgets.add(QWidget())  # the status line sits in B's window
        line_b = LedgerStatusLine(ctx_b.ledger, window_b)  # type: ignore[arg-type]
        QVBoxLayout(window_b).addWidget(line_b)
        window_b.show()
        assert views["b"].scope_combo.currentText() == "Team"
        assert views["b"].stack.currentWidget() is views["b"].team_view
        assert not line_b.isVisible()  # fine: the line says nothing

        await ctx_a.recharge.create_order(account_a.key, Decimal(10), reference="T-1")
        first = (f"Ann ({DESK})", "T-1", "$10.00", "Awaiting payment")
        await until(lambda: team_texts(views["b"]) == [first], timeout=15)

        # Desk B is about to top up the same customer: its recharge dialog names
        # A's open order, and the first click only asks.
        dialog = open_recharge(widgets, ctx_b, account_b.key)
        await until(lambda: dialog.duplicate_box.isVisible(), timeout=10)
        assert dialog.duplicate_label.text().splitlines()[1:] == [
            f"• Created 0 min ago by Ann ({DESK}): $10.00, not yet paid"
        ]
        dialog.amount_edit.setText("5")
        assert dialog.create_button.text() == "Create another order"
        dialog.create_button.click()
        assert dialog.create_button.text() == "Yes, create another order"
        assert len(sandbox.state.orders()) == 1  # nothing created by the first click
        dialog.reject()

        await ctx_b.recharge.create_order(account_b.key, Decimal(5), reference="T-2")
        second = (f"Bob ({DESK})", "T-2", "$5.00", "Awaiting payment")
        await until(lambda: team_texts(views["a"]) == [second, first], timeout=15)
        # A's own open order is in its local list; B's comes from the ledger.
        dialog_a = open_recharge(widgets, ctx_a, account_a.key)
        await until(lambda: len(dialog_a.duplicate_label.text().splitlines()) == 3, timeout=10)
        assert f"by Bob ({DESK}): $5.00" in dialog_a.duplicate_label.text()
        assert "by Ann: $10.00" in dialog_a.duplicate_label.text()
        dialog_a.reject()

        # The ledger goes away: B keeps working, queues, and says so quietly.
        await asyncio.to_thread(postgres_cluster.stop)
        try:
            await ctx_b.recharge.create_order(account_b.key, Decimal(7), reference="T-3")
            waiting = "Team ledger offline — 1 change waiting"
            await until(lambda: line_b.isVisible() and line_b.text() == waiting, timeout=15)
            await ctx_b.recharge.create_order(account_b.key, Decimal(8), reference="T-4")
            waiting = "Team ledger offline — 2 changes waiting"
            await until(lambda: line_b.text() == waiting, timeout=15)
        finally:
            await asyncio.to_thread(postgres_cluster.start)
        await until(lambda: not line_b.isVisible(), timeout=30)
        third = (f"Bob ({DESK})", "T-3", "$7.00", "Awaiting payment")
        fourth = (f"Bob ({DESK})", "T-4", "$8.00", "Awaiting payment")
        everything = [fourth, third, second, first]
        await until(lambda: team_texts(views["a"]) == everything, timeout=15)

    run(scenario(), timeout=120)


def test_the_main_window_shows_the_team_scope_and_a_status_line_only_when_offline(
    make_ctx: Callable[..., AppContext],
    run: Runner,
    sandbox: SandboxServer,
    tmp_path: Path,
    ledger_url: str,
    postgres_cluster: PostgresCluster,
    widgets: Widgets,
) -> None:
    ctx, _account = desk("a", make_ctx, run, sandbox, tmp_path, ledger_url, "Ann")
    assert ctx.ledger is not None
    ledger = ctx.ledger

    async def scenario() -> None:
        window = widgets.add(MainWindow(ctx))
        window.show()
        window.start()  # starts the ledger with the rest of the app
        await until(lambda: window._started and window._tabs is not None, timeout=15)
        scopes = window.findChild(HistoryScopes)
        assert scopes is not None
        assert scopes.local_view is window.history_view
        assert [scopes.scope_combo.itemText(i) for i in range(2)] == ["This computer", "Team"]
        assert scopes.stack.currentWidget() is window.history_view  # this computer first
        assert unnamed(window) == []
        # Ctrl+F searches the orders shown: this computer's, or the team's.
        window.search_orders()
        assert window.focusWidget() is window.history_view.search_edit
        scopes.set_scope(SCOPE_TEAM)
        window.search_orders()
        assert scopes.scope() == SCOPE_TEAM
        assert window.focusWidget() is scopes.team_view.search_edit
        scopes.set_scope(SCOPE_LOCAL)
        assert window.history_view.isVisible()
        await until(lambda: ledger.status.connected, timeout=15)
        assert not window.ledger_status.isVisible()

        await asyncio.to_thread(postgres_cluster.stop)
        try:
            await until(lambda: window.ledger_status.isVisible(), timeout=15)
            assert window.ledger_status.text().startswith("Team ledger offline")
        finally:
            await asyncio.to_thread(postgres_cluster.start)
        await until(lambda: not window.ledger_status.isVisible(), timeout=30)

    run(scenario(), 60)


def test_the_team_view_searches_narrows_to_open_orders_and_keeps_the_selection_live(
    make_ctx: Callable[..., AppContext],
    run: Runner,
    sandbox: SandboxServer,
    tmp_path: Path,
    ledger_url: str,
    widgets: Widgets,
) -> None:
    ctx, account = desk("a", make_ctx, run, sandbox, tmp_path, ledger_url, "Ann")
    assert ctx.ledger is not None
    ledger = ctx.ledger

    async def scenario() -> None:
        await ctx.start()
        view = widgets.add(TeamHistoryView(ledger))
        view.show()
        assert view.empty_label.text() == "No orders in the team ledger yet."
        assert view.count_label.text() == ""
        paid = await ctx.recharge.create_order(account.key, Decimal(10), reference="ZD-1 refund")
        await ctx.recharge.create_order(account.key, Decimal(20), reference="ZD-2")
        ctx.history.mark_paid(paid.local_id, balance_before=None, balance_after=Decimal(1))
        await until(lambda: len(team_texts_of(view)) == 2, timeout=15)
        await until(lambda: team_texts_of(view)[1][3] == "Paid", timeout=15)

        # Words in any order, any case, across operator, reference and e-mail.
        view.search_edit.setText("refund ann")
        assert [row[1] for row in team_texts_of(view)] == ["ZD-1 refund"]
        assert view.count_label.text() == "Showing 1 of 2"
        view.search_edit.setText("nobody")
        assert view.pages.currentWidget() is view.empty_label
        assert view.empty_label.text() == "No team orders match the search."
        view.search_edit.setText(account.email.upper())
        assert len(team_texts_of(view)) == 2
        view.search_edit.clear()
        assert view.count_label.text() == ""

        view.open_only.setChecked(True)
        assert [row[1] for row in team_texts_of(view)] == ["ZD-2"]
        view.open_only.setChecked(False)

        # A live update (another order) keeps the selected order selected.
        view.table.selectRow(1)
        assert view.selected_order() is not None
        chosen = view.selected_order()
        await ctx.recharge.create_order(account.key, Decimal(30), reference="ZD-3")
        await until(lambda: len(team_texts_of(view)) == 3, timeout=15)
        assert view.selected_order() == chosen
        assert team_texts_of(view)[2][1] == "ZD-1 refund"

    run(scenario(), 60)


def team_texts_of(view: TeamHistoryView) -> list[tuple[str, ...]]:
    model = view.model
    columns = (TeamColumn.OPERATOR, TeamColumn.REFERENCE, TeamColumn.AMOUNT, TeamColumn.STATUS)
    return [
        tuple(str(model.index(row, c).data()) for c in columns) for row in range(model.rowCount())
    ]
