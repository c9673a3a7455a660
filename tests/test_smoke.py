"""The command line and ``--smoke-test`` from the source tree (CI also runs it frozen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ohmygpt_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent


def run_app(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the app from the source tree; ``env`` adds to (or replaces) variables."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        OHMYGPT_DESKTOP_HOME=str(home),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        **(env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "ohmygpt_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=90,
    )


def test_version_and_help(tmp_path: Path) -> None:
    version = run_app("--version", home=tmp_path)
    assert version.returncode == 0
    assert __version__ in version.stdout
    usage = run_app("--help", home=tmp_path)
    assert usage.returncode == 0
    assert "--sandbox" in usage.stdout
    assert "--smoke-test" in usage.stdout


@pytest.mark.slow
def test_smoke_test_passes_from_source(tmp_path: Path) -> None:
    result = run_app("--smoke-test", "--sandbox-port", "0", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "signed in as alice@example.com" in result.stdout
    assert "smoke: OK" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_smoke_test_names_the_failed_step(tmp_path: Path) -> None:
    result = run_app("--smoke-test", "--sandbox-port", "0", "--client-id", "0" * 24, home=tmp_path)
    assert result.returncode == 1
    assert "smoke test FAILED while opening the authorization page" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_command_line_value_is_a_clear_message(tmp_path: Path) -> None:
    result = run_app("--api-base-url", "ftp://example.com", home=tmp_path)
    assert result.returncode == 2
    assert "api_base_url" in result.stderr or "API" in result.stderr
    assert "Traceback" not in result.stderr


def _demo_orders(home: Path) -> int:
    import sqlite3

    db = sqlite3.connect(home / "data" / "sandbox" / "orders.sqlite3")
    try:
        return db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_sandbox_reset_starts_the_demo_from_its_seeded_state(tmp_path: Path) -> None:
    """Each smoke test leaves an order in the demo profile; --sandbox-reset forgets the
    orders, the sandbox's own state and the demo accounts (other demo settings stay),
    then runs the demo."""
    import json

    from ohmygpt_desktop.core.account_store import AccountStore
    from ohmygpt_desktop.core.settings import Settings
    from tests.test_account_store import account

    first = run_app("--smoke-test", "--sandbox-port", "0", home=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_app("--smoke-test", "--sandbox-port", "0", home=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert _demo_orders(tmp_path) == 2
    settings_file = tmp_path / "config" / "sandbox" / "settings.json"
    demo_settings = Settings.load(settings_file, env={})
    demo_settings.set("theme", "dark")
    demo_settings.save()
    accounts_file = tmp_path / "data" / "sandbox" / "accounts.json"
    demo_accounts = AccountStore.load(accounts_file)
    demo_accounts.upsert(account("1024", host="sandbox"))
    demo_accounts.save()

    reset = run_app("--smoke-test", "--sandbox-reset", "--sandbox-port", "0", home=tmp_path)
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert f"demo reset: {tmp_path / 'data' / 'sandbox'}" in reset.stdout.lower()
    assert "smoke: OK" in reset.stdout
    assert _demo_orders(tmp_path) == 1  # only the order of this run
    state = json.loads((tmp_path / "data" / "sandbox" / "sandbox-state.json").read_text())
    assert len(state["orders"]) == 1
    kept = json.loads(settings_file.read_text())
    assert kept["theme"] == "dark"
    remaining = {r.user_id for r in AccountStore.load(accounts_file).records()}
    assert "1024" not in remaining  # the demo accounts from before the reset are gone
