"""Order history: write-ahead lifecycle, recovery, expiry, export, migrations."""

from __future__ import annotations

import csv
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ohmygpt_desktop.core.account_orders import summarize
from ohmygpt_desktop.core.orders import (
    INTERRUPTED_NOTE,
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryChange,
    HistoryEvent,
    OrderFilter,
    OrderHistory,
    OrderHistoryError,
    OrderNotFound,
    OrderStatus,
    apply_migrations,
)

START = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
ACCOUNT = "u1@api.ohmygpt.com"
URL = "https://checkout.stripe.com/c/pay/cs_test_abc#secretfragment"


class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "orders.sqlite3"


@pytest.fixture
def history(db_path: Path, clock: Clock) -> Iterator[OrderHistory]:
    h = OrderHistory(db_path, clock=clock)
    yield h
    h.close()


def begin(
    h: OrderHistory,
    amount: str = "10.10",
    account_key: str = ACCOUNT,
    kind: str = "checkout",
    balance_before: Decimal | None = Decimal("3.50"),
) -> int:
    return h.begin(
        account_key=account_key,
        email=account_key.split("@")[0] + "@example.com",
        host="api.ohmygpt.com",
        kind=kind,
        amount=Decimal(amount),
        product_id="10001",
        balance_before=balance_before,
    )


# ---------------------------------------------------------------- lifecycle


def test_write_ahead_lifecycle(history: OrderHistory, db_path: Path, clock: Clock) -> None:
    changes: list[HistoryEvent] = []
    history.add_listener(changes.append)
    local_id = begin(history)

    # The creating row is committed before any network request: another
    # connection already sees it.
    with sqlite3.connect(db_path) as other:
        status = other.execute(
            "SELECT status FROM orders WHERE local_id = ?", (local_id,)
        ).fetchone()
    other.close()
    assert status == ("creating",)
    rec = history.get(local_id)
    assert rec is not None
    assert rec.status is OrderStatus.CREATING
    assert rec.order_no is None
    assert rec.created_at == START
    assert rec.created_at.tzinfo is not None
    assert not rec.is_open

    clock.advance(seconds=2)
    done = history.complete(local_id, order_no="ORD-1", checkout_url=URL)
    assert done.status is OrderStatus.AWAITING_PAYMENT
    assert done.order_no == "ORD-1"
    assert done.checkout_url == URL
    assert done.is_open
    assert done.expires_at == START + timedelta(hours=24)
    assert done.updated_at == START + timedelta(seconds=2)
    assert URL not in repr(done)  # links are never in reprs (and so not in logs)

    paid = history.mark_paid(local_id, balance_before=None, balance_after=Decimal("13.60"))
    assert paid.status is OrderStatus.PAID
    assert paid.balance_before == Decimal("3.50")  # kept from begin
    assert paid.balance_after == Decimal("13.60")
    assert not paid.is_open
    # Each write is heard with what it did and the row as it is now.
    assert [(e.change, e.records) for e in changes] == [
        (HistoryChange.BEGUN, (rec,)),
        (HistoryChange.COMPLETED, (done,)),
        (HistoryChange.PAID, (paid,)),
    ]

    other_paid = history.mark_paid(
        begin(history), balance_before=Decimal("1"), balance_after=Decimal("2")
    )
    assert other_paid.balance_before == Decimal("1")


def test_errors_are_translatable(history: OrderHistory, tmp_path: Path) -> None:
    with pytest.raises(OrderNotFound) as missing:
        history.discard(999)
    assert (missing.value.context, missing.value.template) == (
        "Orders",
        "There is no order with local id {local_id}.",
    )
    assert missing.value.params == {"local_id": 999}
    assert str(missing.value) == "There is no order with local id 999."
    target = tmp_path / "missing-folder" / "orders.csv"
    with pytest.raises(OrderHistoryError) as export:
        history.export_csv(target)
    assert export.value.template == "Could not write {path}: {reason}."
    assert export.value.params["path"] == str(target)


def test_discard(history: OrderHistory) -> None:
    local_id = begin(history)
    history.discard(local_id)
    assert history.get(local_id) is None
    assert history.list() == []
    with pytest.raises(OrderNotFound):
        history.discard(local_id)
    # A created order is never discarded.
    other = begin(history)
    history.complete(other, order_no="ORD-2", checkout_url=URL)
    with pytest.raises(OrderHistoryError, match="awaiting_payment"):
        history.discard(other)
    assert history.get(other) is not None


def test_mark_unknown_keeps_the_order_number_a_reply_named(history: OrderHistory) -> None:
    local_id = begin(history)
    history.mark_unknown(local_id, "The payment link was not trusted.", order_no="ORD-7")
    record = history.get(local_id)
    assert (record.status, record.order_no, record.checkout_url) == (
        OrderStatus.UNKNOWN,
        "ORD-7",
        None,
    )
    history.mark_unknown(local_id, "Later: the app stopped.")  # no number: keeps the one known
    assert history.get(local_id).order_no == "ORD-7"


def test_mark_unknown(history: OrderHistory) -> None:
    local_id = begin(history)
    history.mark_unknown(local_id, "The connection dropped before the server answered.")
    rec = history.get(local_id)
    assert rec is not None
    assert rec.status is OrderStatus.UNKNOWN
    assert rec.note == "The connection dropped before the server answered."
    assert not rec.is_open  # unknown without a link cannot be paid from here
    # A late answer can still complete it.
    rec = history.complete(local_id, order_no="ORD-9", checkout_url=URL)
    assert rec.status is OrderStatus.AWAITING_PAYMENT
    assert rec.note is None


def test_unknown_with_link_is_open(history: OrderHistory) -> None:
    local_id = begin(history)
    history.complete(local_id, order_no="ORD-1", checkout_url=URL)
    history.mark_unknown(local_id, "Could not confirm the order.")
    rec = history.get(local_id)
    assert rec is not None
    assert rec.is_open


def test_missing_ids(history: OrderHistory) -> None:
    assert history.get(999) is None
    with pytest.raises(OrderNotFound):
        history.complete(999, order_no="x", checkout_url=URL)
    with pytest.raises(OrderNotFound):
        history.mark_paid(999, balance_before=None, balance_after=None)


def test_begin_validates(history: OrderHistory) -> None:
    with pytest.raises(ValueError, match="kind"):
        begin(history, kind="cash")
    with pytest.raises(ValueError, match="positive"):
        begin(history, amount="0")
    assert history.list() == []


def test_recover_interrupted(db_path: Path, clock: Clock) -> None:
    first = OrderHistory(db_path, clock=clock)
    crashed = begin(first)
    finished = begin(first)
    first.complete(finished, order_no="ORD-1", checkout_url=URL)
    # Another run opens the same file while the first is alive: its row is left alone.
    second = OrderHistory(db_path, clock=clock)
    try:
        assert second.recover_interrupted() == []
        first.close()  # the first run is gone (as when its process died)
        recovered = second.recover_interrupted()
        assert [r.local_id for r in recovered] == [crashed]
        assert recovered[0].status is OrderStatus.UNKNOWN
        assert recovered[0].note == INTERRUPTED_NOTE
        rec = second.get(finished)
        assert rec is not None
        assert rec.status is OrderStatus.AWAITING_PAYMENT
        assert second.recover_interrupted() == []
    finally:
        second.close()
        first.close()


def test_expire_stale(history: OrderHistory, clock: Clock) -> None:
    old = begin(history)
    history.complete(old, order_no="ORD-OLD", checkout_url=URL)
    invoice = begin(history, kind="invoice")
    history.complete(invoice, order_no="INV-1", checkout_url="https://invoice.stripe.com/i/x")
    clock.advance(hours=12)
    fresh = begin(history)
    history.complete(fresh, order_no="ORD-NEW", checkout_url=URL)

    clock.advance(hours=11, minutes=59)
    assert history.expire_stale() == []

    clock.advance(minutes=1)  # exactly 24 h after the first order
    expired = history.expire_stale()
    assert [r.local_id for r in expired] == [old]
    assert expired[0].status is OrderStatus.EXPIRED
    assert not expired[0].is_open
    statuses = {r.local_id: r.status for r in history.list()}
    assert statuses[fresh] is OrderStatus.AWAITING_PAYMENT
    assert statuses[invoice] is OrderStatus.AWAITING_PAYMENT  # invoices do not expire in 24 h
    got = history.get(invoice)
    assert got is not None
    assert got.expires_at is None

    # A payment noticed late still counts.
    assert history.mark_paid(old, balance_before=None, balance_after=Decimal(20)).status is (
        OrderStatus.PAID
    )


def test_list_order_and_filter(history: OrderHistory, clock: Clock) -> None:
    ids = []
    for account in (ACCOUNT, "u2@api.ohmygpt.com", ACCOUNT):
        clock.advance(minutes=1)
        ids.append(begin(history, account_key=account))
    same_time = begin(history)  # same created_at as ids[2]: the later one comes first
    assert [r.local_id for r in history.list()] == [same_time, ids[2], ids[1], ids[0]]
    assert [r.local_id for r in history.list(ACCOUNT)] == [same_time, ids[2], ids[0]]
    assert [r.local_id for r in history.list("u2@api.ohmygpt.com")] == [ids[1]]
    assert history.list("nobody@x") == []

    history.complete(ids[0], order_no="A", checkout_url=URL)
    history.complete(ids[2], order_no="C", checkout_url=URL)
    history.complete(ids[1], order_no="B", checkout_url=URL)
    assert [r.order_no for r in history.awaiting(ACCOUNT)] == ["C", "A"]


def test_decimal_round_trip_exact(history: OrderHistory, db_path: Path, clock: Clock) -> None:
    local_id = begin(history, amount="10.10", balance_before=Decimal("0.10"))
    history.mark_paid(local_id, balance_before=None, balance_after=Decimal("10.20"))
    with OrderHistory(db_path, clock=clock) as again:
        rec = again.get(local_id)
    assert rec is not None
    assert rec.amount == Decimal("10.10")
    assert str(rec.amount) == "10.10"
    assert str(rec.balance_before) == "0.10"
    assert str(rec.balance_after) == "10.20"


# ---------------------------------------------------------------- export


def test_export_csv(history: OrderHistory, tmp_path: Path, clock: Clock) -> None:
    a = begin(history)
    history.complete(a, order_no="ORD-1", checkout_url=URL)
    clock.advance(minutes=5)
    b = begin(history, amount="5")
    history.mark_unknown(b, '=HYPERLINK("http://evil")')
    begin(history, account_key="u2@api.ohmygpt.com")

    out = tmp_path / "orders.csv"
    assert history.export_csv(out, OrderFilter(account_key=ACCOUNT)) == 2
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["Order number"] for row in rows] == ["", "ORD-1"]
    newest, oldest = rows
    assert oldest["Checkout link"] == URL
    assert oldest["Amount (USD)"] == "10.10"
    assert oldest["Status"] == "Awaiting payment"
    assert oldest["Kind"] == "Checkout"
    assert oldest["Created (UTC)"] == "2026-03-01 12:00:00"
    assert oldest["Balance before (credits)"] == "3.50"  # as OhMyGPT reported it
    assert oldest["Email"] == "u1@example.com"
    assert newest["Status"] == "Unknown — check your OhMyGPT orders"
    assert newest["Note"].startswith("'=")  # no formula injection in spreadsheets

    everything = tmp_path / "all.csv"
    assert history.export_csv(everything) == 3


def test_operator_and_reference_are_stored_and_exported(
    history: OrderHistory, tmp_path: Path
) -> None:
    local_id = history.begin(
        account_key=ACCOUNT,
        email="u1@example.com",
        host="api.ohmygpt.com",
        kind="checkout",
        amount=Decimal("25"),
        product_id="10001",
        balance_before=None,
        operator="alice",
        reference="=cmd|' /C calc'!A0",
    )
    record = history.complete(local_id, order_no="ORD-7", checkout_url=URL)
    assert (record.operator, record.reference) == ("alice", "=cmd|' /C calc'!A0")
    begin(history)  # no operator, no reference
    out = tmp_path / "orders.csv"
    history.export_csv(out)
    with out.open(encoding="utf-8", newline="") as handle:
        newest, oldest = list(csv.DictReader(handle))
    assert (oldest["Operator"], oldest["Reference"]) == ("alice", "'=cmd|' /C calc'!A0")
    assert (newest["Operator"], newest["Reference"]) == ("", "")


def test_recent_open_orders(history: OrderHistory, clock: Clock) -> None:
    old = begin(history, amount="1")
    history.complete(old, order_no="ORD-OLD", checkout_url=URL)
    clock.advance(minutes=31)
    paid = begin(history, amount="2")
    history.complete(paid, order_no="ORD-PAID", checkout_url=URL)
    history.mark_paid(paid, balance_before=None, balance_after=Decimal(9))
    refused = begin(history, amount="3")
    history.discard(refused)
    other = begin(history, amount="4", account_key="u2@api.ohmygpt.com")
    history.complete(other, order_no="ORD-OTHER", checkout_url=URL)
    clock.advance(minutes=10)
    open_one = begin(history, amount="5")
    history.complete(open_one, order_no="ORD-OPEN", checkout_url=URL)
    clock.advance(minutes=1)
    in_flight = begin(history, amount="6")

    recent = history.recent_open_orders(ACCOUNT)
    assert [r.local_id for r in recent] == [in_flight, open_one]
    assert [r.order_no for r in history.recent_open_orders(ACCOUNT, timedelta(hours=1))] == [
        None,
        "ORD-OPEN",
        "ORD-OLD",
    ]
    clock.advance(minutes=31)
    assert history.recent_open_orders(ACCOUNT) == []


def test_summary_rows_give_the_accounts_table_the_same_facts_as_the_whole_history(
    history: OrderHistory, clock: Clock
) -> None:
    other = "u2@api.ohmygpt.com"
    expired = begin(history, amount="1")  # a checkout link that has run out
    history.complete(expired, order_no="ORD-EXPIRED", checkout_url=URL)
    invoice = begin(history, amount="2", kind="invoice")  # no link to run out
    history.complete(invoice, order_no="ORD-INVOICE", checkout_url=URL)
    for amount in ("3", "4"):  # two paid: the later counts
        paid = begin(history, amount=amount, account_key=other)
        history.complete(paid, order_no=f"ORD-PAID-{amount}", checkout_url=URL)
        clock.advance(minutes=5)
        history.mark_paid(paid, balance_before=None, balance_after=Decimal(9))
    clock.advance(hours=25)
    lost = begin(history, amount="5")  # unknown, no link: cannot be paid
    history.mark_unknown(lost, "no reply")
    linked = begin(history, amount="6", account_key=other)  # unknown with a link: open
    history.complete(linked, order_no="ORD-LINKED", checkout_url=URL)
    history.mark_unknown(linked, "no reply")
    fresh = begin(history, amount="7")
    history.complete(fresh, order_no="ORD-FRESH", checkout_url=URL)
    begin(history, amount="8")  # being created

    now = clock()
    whole = summarize(history.list(), now)
    assert summarize(history.summary_rows(now), now) == whole
    for key in (ACCOUNT, other, "nobody@x"):
        assert summarize(history.summary_rows(now, key), now) == {
            k: v for k, v in whole.items() if k == key
        }
    assert whole[ACCOUNT].open_orders == 2  # the invoice and the fresh checkout
    assert whole[other].open_orders == 1
    assert whole[other].last_paid is not None
    assert whole[other].last_paid.order_no == "ORD-PAID-4"
    assert len(history.summary_rows(now)) < len(history.list())


def test_v3_file_gains_operator_and_reference(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert apply_migrations(conn, target=3) == 3
    conn.close()
    with OrderHistory(db_path, clock=clock) as h:
        rec = h.get(begin(h))
        assert rec is not None
        assert (rec.operator, rec.reference) == (None, None)


# ---------------------------------------------------------------- the file


def test_file_mode(history: OrderHistory, db_path: Path) -> None:
    begin(history)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    for sidecar in db_path.parent.glob("orders.sqlite3-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) & 0o077 == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_user_version(history: OrderHistory, db_path: Path) -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()


def test_v1_file_migrates(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert apply_migrations(conn, target=1) == 1
    conn.execute(
        "INSERT INTO orders (account_key, email, host, kind, amount, product_id, created_at, "
        "status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            ACCOUNT,
            "u1@example.com",
            "api.ohmygpt.com",
            "checkout",
            "7.70",
            "10001",
            "2026-01-01T00:00:00.000000+00:00",
            "awaiting_payment",
            "2026-01-01T00:00:00.000000+00:00",
        ),
    )
    conn.close()

    with OrderHistory(db_path, clock=clock) as h:
        [rec] = h.list()
        assert rec.amount == Decimal("7.70")
        assert rec.status is OrderStatus.AWAITING_PAYMENT
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(orders)")}
        assert {"orders_by_account", "orders_by_status"} <= indexes
    finally:
        conn.close()


def test_future_version_is_a_clear_error(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(OrderHistoryError, match="newer version of OhMyGPT Desktop"):
        OrderHistory(db_path, clock=clock)


def test_not_a_database_is_kept_aside(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite at all, just some text " * 50)
    with OrderHistory(db_path, clock=clock) as history:
        assert history.damaged_copy is not None
        assert history.list() == []


def test_closed_history(db_path: Path, clock: Clock) -> None:
    h = OrderHistory(db_path, clock=clock)
    h.close()
    h.close()  # idempotent
    with pytest.raises(OrderHistoryError, match="closed"):
        h.list()


def test_listener_errors_are_contained(history: OrderHistory) -> None:
    def broken(_event: HistoryEvent) -> None:
        raise RuntimeError("ui bug")

    history.add_listener(broken)
    local_id = begin(history)
    assert history.get(local_id) is not None


@settings(max_examples=60, deadline=None)
@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2),
    balance=st.decimals(min_value=Decimal(-1000), max_value=Decimal(10**9), places=2),
)
def test_money_round_trips_exactly(amount: Decimal, balance: Decimal) -> None:
    with tempfile.TemporaryDirectory() as folder, OrderHistory(Path(folder) / "o.db") as h:
        local_id = h.begin(
            account_key=ACCOUNT,
            email="u1@example.com",
            host="api.ohmygpt.com",
            kind="checkout",
            amount=amount,
            product_id="10001",
            balance_before=balance,
        )
        rec = h.get(local_id)
        assert rec is not None
        assert (str(rec.amount), str(rec.balance_before)) == (str(amount), str(balance))
