"""Numbers from the server cannot crash the app.

Balances are parsed with bounds (plain decimals, at most 15 integer digits of
credits, finite): anything else is a malformed reply with a clear message. A value
that got stored anyway (an old order row) is painted as "—", never raised on.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.api import CREDITS_PER_USD, MalformedResponseError, OhMyGPTClient, Secret
from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.orders import OrderStatus
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.balance_view import BalanceView
from ohmygpt_desktop.ui.crash_dialog import CrashHandler, install_crash_handler
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import (
    format_credits,
    format_credits_as_usd,
    format_number,
    format_usd,
)
from ohmygpt_desktop.ui.history_model import Column
from ohmygpt_desktop.ui.history_view import FILTER_ALL, HistoryView
from tests.helpers.asyncutil import until
from tests.helpers.recharging import Widgets, click, signed_in, widget_scope


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


@pytest.fixture
def crash(loop: Any, tmp_path: Path) -> Iterator[CrashHandler]:
    """Every unexpected error ends up here (as in the app), so a test sees it."""
    handler = install_crash_handler(
        tmp_path / "app.log", lambda: None, loop=loop, folder_opener=lambda _: True
    )
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()


def no_crash(crash: CrashHandler) -> None:
    QApplication.processEvents()  # a report is delivered through a queued signal
    dialog = crash.dialog
    assert dialog is None, dialog.details_text() if dialog else ""


# ------------------------------------------------------------ the API client

TOKEN = Secret("omg-oat-v1-" + "x" * 40)


def balance_from(raw_balance: str) -> Decimal:
    """The client's reading of a balance reply whose ``balance`` is ``raw_balance``
    (raw JSON text: the sandbox cannot send every shape a server could)."""
    body = (
        '{"statusCode": 200, "message": "ok", "data": {"balance": '
        + raw_balance
        + ', "free_balance": "0"}}'
    ).encode()

    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    async def read() -> Decimal:
        transport = httpx.MockTransport(handler)
        async with OhMyGPTClient("https://api.example.invalid", transport=transport) as client:
            return (await client.balance(TOKEN)).balance

    return asyncio.run(read())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"8217.00"', Decimal("8217.00")),
        ('"0"', Decimal("0")),
        ('"-0"', Decimal("0")),
        ('"-12.50"', Decimal("-12.50")),  # an overdrawn account: shown, not refused
        ('" 340000.00 "', Decimal("340000.00")),
        ('"999999999999999.99"', Decimal("999999999999999.99")),
        ("8217", Decimal("8217")),
        ("8217.5", Decimal("8217.5")),
        ("1e3", Decimal("1000")),  # a JSON number may use an exponent; its value is in range
    ],
)
def test_balances_within_bounds_are_read(raw: str, expected: Decimal) -> None:
    value = balance_from(raw)
    assert value == expected
    assert not value.is_signed() or value < 0


@pytest.mark.parametrize(
    "raw",
    [
        '"1e31"',
        '"1E+3"',
        '"NaN"',
        '"Infinity"',
        '"-Infinity"',
        '"sNaN"',
        '"1234567890123456"',  # 16 integer digits
        '"-1234567890123456"',
        '"1_000"',
        '"\\u0663\\u0660"',  # Arabic-Indic digits
        '"12,50"',
        '"0x10"',
        '""',
        '"."',
        '"1.0000000000000000000001"',  # more decimals than any balance has
        "1e31",
        "1e999999999999",
        "-1e16",
        "1e-999999",
        "1" + "0" * 5000,  # more digits than Python turns into an int
        "true",
        "[1]",
        "NaN",  # a JSON constant Python's decoder accepts
        "-Infinity",
    ],
)
def test_balances_out_of_bounds_are_a_malformed_reply(raw: str) -> None:
    with pytest.raises(MalformedResponseError) as info:
        balance_from(raw)
    assert info.value.message  # a sentence for people


def test_the_message_says_what_was_wrong() -> None:
    with pytest.raises(MalformedResponseError) as info:
        balance_from('"1e31"')
    assert describe(info.value) == (
        "The OhMyGPT service sent a balance the app cannot use: it is not a plain number "
        "of at most 15 digits. Please try again later."
    )


# ------------------------------------------------------------ the balance card


@pytest.mark.parametrize("value", ["1e31", 1e31, "NaN", "9" * 40])
def test_a_huge_balance_is_a_clear_message_not_a_crash(
    make_ctx: Callable[..., AppContext],
    run: Any,
    sandbox: SandboxServer,
    widgets: Widgets,
    qtbot: Any,
    crash: CrashHandler,
    value: Any,
) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = widgets.add(BalanceView(ctx))
    view.show()
    assert view.amount_label.text() == "340,000 credits"
    sandbox.state.set_fault("balance", "wrong_type", field="balance", value=value)
    click(qtbot, view.refresh_button)
    run(until(lambda: view.notice.isVisible(), message="no message on the card"))
    assert view.notice_label.text() == (
        "Could not update the balance (the figure shown is from just now): The OhMyGPT "
        "service sent a balance the app cannot use: it is not a plain number of at most "
        "15 digits. Please try again later."
    )
    assert view.amount_label.text() == "340,000 credits"  # the last good figure, marked not current
    assert view.is_stale()
    view.grab()  # painted
    no_crash(crash)


# ------------------------------------------------------------ stored values


def test_unshowable_stored_balances_are_painted_as_a_dash_after_a_restart(
    make_ctx: Callable[..., AppContext],
    run: Any,
    sandbox: SandboxServer,
    widgets: Widgets,
    home: Path,
    crash: CrashHandler,
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    stored = ["1e31", "garbage", "NaN", "-Infinity", "1e999999"]
    for _ in stored:
        local_id = ctx.history.begin(
            account_key=account.key,
            email=account.email,
            host=account.host,
            kind="checkout",
            amount=Decimal("10"),
            product_id="10001",
            balance_before=Decimal("340000"),
        )
        ctx.history.complete(
            local_id,
            order_no=f"{local_id:032x}",
            checkout_url="https://checkout.stripe.com/c/pay/cs_test_x",
        )
    run(ctx.aclose())
    # Written behind the app's back (an old version, another tool, a damaged file).
    with sqlite3.connect(ctx.paths.history_db) as db:
        for local_id, value in enumerate(stored, start=1):
            db.execute(
                "UPDATE orders SET balance_before = ?, balance_after = ? WHERE local_id = ?",
                (value, value if local_id % 2 else None, local_id),
            )
    db.close()

    restarted = make_ctx()  # the same home: a restart
    view = widgets.add(HistoryView(restarted))
    view.set_filter(FILTER_ALL)
    view.resize(980, 320)
    view.show()
    assert view.model.rowCount() == len(stored)
    for row in range(len(stored)):
        record = view.model.record(row)
        assert record is not None
        assert record.status is OrderStatus.AWAITING_PAYMENT
        assert view.model.data(view.model.index(row, Column.BALANCE)) == "—"
        assert view.model.data(view.model.index(row, Column.AMOUNT)) == "$10.00"
    view.table.grab()  # every cell painted
    no_crash(crash)


# ------------------------------------------------------------ formatting


@pytest.mark.parametrize(
    "value",
    [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("1e31")],
)
def test_formatting_shows_what_it_cannot_format_as_a_dash(value: Decimal) -> None:
    assert format_number(value) == "—"
    assert format_usd(value) == "—"
    assert format_credits(value) == "—"
    assert format_credits_as_usd(value, CREDITS_PER_USD) == "—"


def test_formatting_within_range_is_unchanged() -> None:
    assert format_usd(Decimal("-12.5")) == "-$12.50"
    assert format_credits(Decimal("999999999999999.99")) == "999,999,999,999,999.99"
    assert format_credits_as_usd(Decimal("340000"), CREDITS_PER_USD) == "$10.00"
