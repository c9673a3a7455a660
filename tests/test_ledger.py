"""The team ledger against a real PostgreSQL: schema, publishing, outages, crashes.

The app-level tests (two desks, the Team view, the guard) are in test_ledger_desks.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.core import ledger as ledger_module
from ohmygpt_desktop.core.ledger import (
    LEDGER_SCHEMA_VERSION,
    Ledger,
    LedgerStatus,
    LocalOutbox,
    check_ledger,
    connect,
    format_check,
    migrate,
    schema_version,
)
from ohmygpt_desktop.core.orders import OrderHistory
from ohmygpt_desktop.core.provisioning import ProvisioningError, load_provisioning
from ohmygpt_desktop.core.settings import Settings, SettingsError
from tests.helpers.asyncutil import until
from tests.helpers.postgres import PostgresCluster

REPO = Path(__file__).resolve().parents[1]
Runner = Callable[..., Any]
URL = "https://checkout.stripe.com/c/pay/cs_test_ledger"


def begin(history: OrderHistory, amount: str = "10", email: str = "a@example.com") -> int:
    return history.begin(
        account_key=f"{email}@sandbox",
        email=email,
        host="sandbox",
        kind="checkout",
        amount=Decimal(amount),
        product_id="p1",
        balance_before=Decimal(100),
        operator="Ann",
        reference=f"T-{amount}",
    )


def drained(ledger: Ledger, path: Path) -> Callable[[], bool]:
    """Connected, and the local outbox is empty (read from the file, not the status)."""

    def check() -> bool:
        if not ledger.status.connected:
            return False
        outbox = LocalOutbox(path)
        try:
            return outbox.length() == 0
        finally:
            outbox.close()

    return check


def ledger_rows(cluster: PostgresCluster, url: str) -> list[tuple[Any, ...]]:
    database = url.rsplit("/", 1)[1]
    return cluster.sql(
        "SELECT local_id, status, amount_usd, checkout_url, version FROM ledger_orders "
        "ORDER BY local_id",
        database,
    )


@pytest.fixture
def history(tmp_path: Path) -> Iterator[OrderHistory]:
    h = OrderHistory(tmp_path / "desk" / "orders.sqlite3")
    yield h
    h.close()


@contextlib.asynccontextmanager
async def running(url: str, history: OrderHistory, **kwargs: Any) -> AsyncIterator[Ledger]:
    """A started ledger, closed at the end (the test runs as one coroutine, so its
    tasks run on the loop the whole time, as in the app)."""
    ledger = Ledger(url, history, desk="desk", **kwargs)
    await ledger.start()
    try:
        yield ledger
    finally:
        await ledger.aclose()


# ------------------------------------------------------------------ schema


def test_migrations_are_idempotent_and_one_desk_migrates_at_a_time(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster
) -> None:
    async def four_desks_at_once() -> list[int]:
        conns = [await connect(ledger_url, None) for _ in range(4)]
        try:
            return list(await asyncio.gather(*(migrate(c) for c in conns)))
        finally:
            for conn in conns:
                await conn.close()

    assert run(four_desks_at_once()) == [LEDGER_SCHEMA_VERSION] * 4

    async def again() -> tuple[int, int]:
        conn = await connect(ledger_url, None)
        try:
            return await migrate(conn), await schema_version(conn)
        finally:
            await conn.close()

    assert run(again()) == (LEDGER_SCHEMA_VERSION, LEDGER_SCHEMA_VERSION)
    database = ledger_url.rsplit("/", 1)[1]
    versions = postgres_cluster.sql("SELECT version FROM ledger_schema ORDER BY 1", database)
    assert versions == [(v,) for v in range(1, LEDGER_SCHEMA_VERSION + 1)]


# ------------------------------------------------------------------ publishing


def test_every_local_change_arrives_once_in_its_latest_state(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, history: OrderHistory
) -> None:
    written_before = begin(history, "5")  # queued before any ledger was configured

    async def scenario() -> tuple[int, Ledger]:
        async with running(ledger_url, history) as ledger:
            paid = begin(history, "10")
            history.complete(paid, order_no="o-1", checkout_url=URL)
            history.mark_paid(paid, balance_before=None, balance_after=Decimal(200))
            dropped = begin(history, "20")
            history.discard(dropped)
            await until(drained(ledger, history.path), timeout=15)
            return paid, ledger

    paid, ledger = run(scenario(), 20)
    assert ledger_rows(postgres_cluster, ledger_url) == [
        (written_before, "creating", Decimal(5), None, _any()),
        (paid, "paid", Decimal(10), None, _any()),
    ]
    assert ledger.status.connected
    assert ledger.status.problem is None
    database = ledger_url.rsplit("/", 1)[1]
    assert postgres_cluster.sql(
        "SELECT operator, reference, desk FROM ledger_orders ORDER BY local_id", database
    ) == [("Ann", "T-5", "desk"), ("Ann", "T-10", "desk")]
    # The checkout link stays on this computer unless links are shared.
    assert all(row[3] is None for row in ledger_rows(postgres_cluster, ledger_url))


def test_links_are_published_only_when_sharing_is_on(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, history: OrderHistory
) -> None:
    async def scenario() -> None:
        async with running(ledger_url, history, share_links=True) as ledger:
            local_id = begin(history)
            history.complete(local_id, order_no="o-1", checkout_url=URL)
            await until(drained(ledger, history.path), timeout=15)

    run(scenario(), 20)
    assert [r[3] for r in ledger_rows(postgres_cluster, ledger_url)] == [URL]


def test_a_replay_after_a_crash_between_commit_and_dequeue_changes_nothing(
    run: Runner,
    ledger_url: str,
    postgres_cluster: PostgresCluster,
    history: OrderHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = begin(history, "7")
    history.complete(first, order_no="o-7", checkout_url=URL)
    ledger = Ledger(ledger_url, history.path, desk="desk")
    crashed = RuntimeError("power cut after the server commit")

    def lose_power(_self: LocalOutbox, _seqs: object) -> None:
        raise crashed

    async def publish_then_crash() -> None:
        await ledger.start()
        for task in ledger._tasks:  # drive it by hand
            task.cancel()
        with monkeypatch.context() as patch:
            patch.setattr(LocalOutbox, "published", lose_power)
            with pytest.raises(RuntimeError):
                await ledger.publish_batch()
        await ledger.aclose()

    run(publish_then_crash())
    published = ledger_rows(postgres_cluster, ledger_url)
    assert [row[:2] for row in published] == [(first, "awaiting_payment")]
    outbox = LocalOutbox(history.path)
    assert outbox.length() == 1  # still queued: the dequeue never happened
    outbox.close()

    again = Ledger(ledger_url, history.path, desk="desk")

    async def replay() -> int:
        await again.start()
        try:
            await until(drained(again, history.path), timeout=15)
            return again.status.queued
        finally:
            await again.aclose()

    assert run(replay(), 20) == 0
    assert ledger_rows(postgres_cluster, ledger_url) == published  # same version, one row


def test_ledger_down_mid_stream_queues_says_so_and_catches_up_exactly_once(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, history: OrderHistory
) -> None:
    statuses: list[LedgerStatus] = []

    async def scenario() -> tuple[list[int], list[int]]:
        async with running(ledger_url, history) as ledger:
            before = [begin(history, "1") for _ in range(3)]
            await until(drained(ledger, history.path), timeout=15)
            ledger.add_status_listener(statuses.append)
            await asyncio.to_thread(postgres_cluster.stop)
            try:
                during = [begin(history, "2") for _ in range(3)]
                history.complete(before[0], order_no="o-b0", checkout_url=URL)
                await until(lambda: ledger.status.offline and ledger.status.queued == 4, timeout=15)
                assert ledger.status.problem is not None
            finally:
                await asyncio.to_thread(postgres_cluster.start)
            await until(drained(ledger, history.path), timeout=30)
            await until(lambda: ledger.status.queued == 0)
            return before, during

    before, during = run(scenario(), 60)
    rows = ledger_rows(postgres_cluster, ledger_url)
    assert [r[0] for r in rows] == before + during  # each once
    assert rows[0][1] == "awaiting_payment"
    assert any(s.offline and s.queued for s in statuses)


def test_the_team_view_recovers_when_its_connections_were_cut_while_a_change_landed(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, history: OrderHistory
) -> None:
    """A server restart (or an administrator) cuts every connection; another desk's
    order lands before this desk listens again. The team list must still show it: the
    first read after the cut meets the dead connection, and that is no reason to stop."""
    database = ledger_url.rsplit("/", 1)[1]
    # One statement: the row is written, and every other connection to the database is
    # cut (waiting until it is gone) before the commit sends the notification.
    other_desks_order_and_the_cut = (
        "WITH added AS (INSERT INTO ledger_orders (instance_id, local_id, version, desk, "
        "operator, reference, account_key, email, host, kind, amount_usd, product_id, "
        "status, created_at, updated_at) VALUES (gen_random_uuid(), 1, 1, 'desk-b', 'Bob', "
        "'T-B', 'a@example.com@sandbox', 'a@example.com', 'sandbox', 'checkout', 7, 'p1', "
        "'awaiting_payment', now(), now()) RETURNING 1) "
        "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity, added "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )

    async def scenario() -> list[str | None]:
        async with running(ledger_url, history) as ledger:
            begin(history, "3")
            await until(lambda: len(ledger.team_orders()) == 1, timeout=15)
            cut = await asyncio.to_thread(
                postgres_cluster.sql, other_desks_order_and_the_cut, database
            )
            assert cut == [(True,), (True,)]  # its listening and its working connection
            await until(lambda: len(ledger.team_orders()) == 2, timeout=15)
            return [order.reference for order in ledger.team_orders()]

    assert sorted(run(scenario(), 40)) == ["T-3", "T-B"]


def test_cut_connections_to_a_server_that_is_up_are_replaced_without_saying_offline(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, history: OrderHistory
) -> None:
    statuses: list[LedgerStatus] = []
    database = ledger_url.rsplit("/", 1)[1]
    cut_all = (
        "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )

    async def scenario() -> None:
        async with running(ledger_url, history) as ledger:
            begin(history, "1")
            await until(drained(ledger, history.path), timeout=15)
            ledger.add_status_listener(statuses.append)
            cut = await asyncio.to_thread(postgres_cluster.sql, cut_all, database)
            assert cut == [(True,), (True,)]
            begin(history, "2")
            await until(drained(ledger, history.path), timeout=15)
            await until(lambda: len(ledger.team_orders()) == 2, timeout=15)

    run(scenario(), 40)
    assert [r[2] for r in ledger_rows(postgres_cluster, ledger_url)] == [Decimal(1), Decimal(2)]
    assert [s for s in statuses if s.offline] == []


def test_killed_mid_publish_loses_and_duplicates_nothing(
    run: Runner, ledger_url: str, postgres_cluster: PostgresCluster, tmp_path: Path
) -> None:
    path = tmp_path / "child" / "orders.sqlite3"
    count = 3 * ledger_module.BATCH
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.ledger_child", ledger_url, str(path), str(count)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        lines = []
        for line in child.stdout:  # the child says when its first batch is in the ledger
            lines.append(line)
            if line.startswith("PUBLISHED"):
                break
        assert lines, child.communicate()
        assert lines[-1].startswith("PUBLISHED"), child.communicate()
        child.kill()  # SIGKILL, mid-stream
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)

    survivor = Ledger(ledger_url, path, desk="desk")

    async def restart() -> None:
        await survivor.start()
        try:
            await until(drained(survivor, path), timeout=30)
        finally:
            await survivor.aclose()

    run(restart(), timeout=40)
    database = ledger_url.rsplit("/", 1)[1]
    [(rows, distinct, low, high)] = postgres_cluster.sql(
        "SELECT count(*), count(DISTINCT local_id), min(local_id), max(local_id) "
        "FROM ledger_orders",
        database,
    )
    assert (rows, distinct, low, high) == (count, count, 1, count)


# ------------------------------------------------------------------ check and settings


def test_check_reports_connectivity_schema_and_queue(
    run: Runner, ledger_url: str, history: OrderHistory, postgres_cluster: PostgresCluster
) -> None:
    begin(history)
    report = run(check_ledger(ledger_url, history.path))
    assert (report.reachable, report.schema_version, report.queued) == (True, 0, 1)
    assert not report.ok
    assert "needs migration" in format_check(report)

    async def migrated() -> None:
        conn = await connect(ledger_url, None)
        await migrate(conn)
        await conn.close()

    run(migrated())
    report = run(check_ledger(ledger_url, history.path))
    assert report.ok
    text = format_check(report)
    assert "Connection: ok" in text
    assert f"Schema version: {LEDGER_SCHEMA_VERSION}" in text
    assert "Waiting to be published: 1" in text

    down = f"postgresql://postgres@127.0.0.1:{_closed_port()}/nothing"
    report = run(check_ledger(down, history.path))
    assert not report.reachable
    assert "Connection: FAILED" in format_check(report)


def test_a_password_never_reaches_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings.load(path, env={})
    with pytest.raises(SettingsError) as info:
        settings.set("ledger_url", "postgresql://team:hunter2@db.example.com/ledger")
    assert "hunter2" not in str(info.value)
    assert "Set ledger password" in str(info.value)
    with pytest.raises(SettingsError):
        settings.set("ledger_url", "postgresql://team@db.example.com/ledger?password=hunter2")
    with pytest.raises(SettingsError):
        settings.set("ledger_url", "https://db.example.com/ledger")
    settings.set("ledger_url", "postgresql://team@db.example.com:5432/ledger")
    settings.set("ledger_share_links", True)
    settings.save()
    saved = json.loads(path.read_text())
    assert saved["ledger_url"] == "postgresql://team@db.example.com:5432/ledger"
    assert "hunter2" not in path.read_text()
    # A file someone edited by hand with a password in it: refused, not used.
    path.write_text(json.dumps({"ledger_url": "postgresql://team:hunter2@db/ledger"}))
    loaded = Settings.load(path, env={})
    assert loaded.ledger_url == ""
    assert loaded.load_problem is not None
    assert "hunter2" not in loaded.load_problem
    env = Settings.load(tmp_path / "other.json", env={"OHMYGPT_LEDGER_SHARE_LINKS": "on"})
    assert env.ledger_share_links is True
    # A provisioning file (the usual way a team sets it): refused, saying why.
    provisioning = tmp_path / "provisioning.json"
    provisioning.write_text(json.dumps({"ledger_url": "postgresql://team:hunter2@db/ledger"}))
    where = {"OHMYGPT_PROVISIONING": str(provisioning), "XDG_CONFIG_DIRS": str(tmp_path / "n")}
    with pytest.raises(ProvisioningError) as refused:
        Settings.load(tmp_path / "p.json", env=where, provisioning=load_provisioning(where))
    assert "must not contain a password" in str(refused.value)
    assert "hunter2" not in str(refused.value)


class _any:
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


def _closed_port() -> int:
    from tests.helpers.signin import free_port

    return free_port()


def test_a_local_queue_that_cannot_be_used_is_said_not_raised(
    run: Runner, ledger_url: str, tmp_path: Path
) -> None:
    broken = tmp_path / "not-a-history.sqlite3"  # no outbox tables in it
    ledger = Ledger(ledger_url, broken, desk="desk")
    run(ledger.start())
    try:
        assert ledger.status.offline
        assert "the local queue failed" in str(ledger.status.problem)
    finally:
        run(ledger.aclose())
