"""``ohmygpt-desktop ledger check`` against a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.ledger import LEDGER_SCHEMA_VERSION, connect, migrate
from tests.helpers.signin import free_port
from tests.test_cli import CliRunner, ohmygpt  # noqa: F401 - the CLI fixture

Runner = Callable[..., Any]


def test_ledger_check_reports_connection_schema_and_queue(
    ohmygpt: CliRunner,  # noqa: F811
    run: Runner,
    make_ctx: Callable[..., AppContext],
    home: Path,
    ledger_url: str,
) -> None:
    env = {"XDG_CONFIG_DIRS": str(home / "no-system-config")}
    result = ohmygpt("ledger", "check", env=env)
    assert result.code == 2
    assert "ledger_url setting is empty" in result.err

    history = make_ctx().history  # the CLI's history: one order waits
    history.begin(
        account_key="a@sandbox",
        email="a@example.com",
        host="sandbox",
        kind="checkout",
        amount=Decimal(3),
        product_id="p1",
        balance_before=None,
    )
    env["OHMYGPT_LEDGER_URL"] = ledger_url
    result = ohmygpt("ledger", "check", env=env)
    assert result.code == 1  # reachable, but no desk has set the schema up yet
    assert "Connection: ok" in result.out
    assert "needs migration" in result.out
    assert "Waiting to be published: 1" in result.out

    async def migrated() -> None:
        conn = await connect(ledger_url, None)
        await migrate(conn)
        await conn.close()

    run(migrated())
    result = ohmygpt("ledger", "check", "--json", env=env)
    assert result.code == 0
    report = result.json()
    assert report["reachable"] is True
    assert report["schema_version"] == LEDGER_SCHEMA_VERSION
    assert report["queued"] == 1
    assert report["ok"] is True

    env["OHMYGPT_LEDGER_URL"] = f"postgresql://postgres@127.0.0.1:{free_port()}/none"
    result = ohmygpt("ledger", "check", env=env)
    assert result.code == 1
    assert "Connection: FAILED" in result.out
    assert "Problem: " in result.out
