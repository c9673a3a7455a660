"""Demo mode (``--sandbox``): its own profile, and sign-ins that survive a restart."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.app import Options, build_context, start_demo_sandbox
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.sandbox import SandboxServer
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.signed_in import sign_in


def test_sandbox_state_survives_a_restart_without_keeping_tokens(tmp_path: Path) -> None:
    state_file = tmp_path / "sandbox-state.json"
    first = SandboxServer(state_file=state_file).start()
    token = first.state.issue_token("888")
    first.state.set_balance("888", "123.00")
    first.stop()
    saved = state_file.read_text()
    assert token not in saved
    assert oct(state_file.stat().st_mode & 0o777) == "0o600"

    second = SandboxServer(state_file=state_file).start()
    try:
        assert second.state.token(token) is not None
        assert second.state.balance("888")[0] == 123
    finally:
        second.stop()


def test_demo_restart_keeps_both_accounts_signed_in(home: Path, run: Any) -> None:
    keyring = MemoryKeyring()

    def start() -> Any:
        return build_context(
            Options(sandbox=True, sandbox_port=0),
            paths=AppPaths.under(home),
            env={},
            open_url=FakeBrowser(),
            keyring_backend=keyring,
        )

    ctx = start()
    assert ctx.owns_sandbox
    assert ctx.paths.config_dir == home / "config" / "sandbox"
    run(ctx.start())
    alice = run(sign_in(ctx, ctx.sandbox, "888"))
    bob = run(sign_in(ctx, ctx.sandbox, "1024"))
    assert {a.record.token_storage for a in ctx.accounts.accounts()} == {"keyring"}
    run(ctx.aclose())

    again = start()
    try:
        run(again.start())
        keys = [a.key for a in again.accounts.accounts()]
        assert keys == [alice.key, bob.key]
        for key in keys:
            balance = run(again.accounts.refresh_balance(key))
            assert balance is not None
    finally:
        run(again.aclose())


def test_new_api_line_takes_effect_without_restart(make_ctx: Any, run: Any, sandbox: Any) -> None:
    """Settings → API line: the next request goes to the new line (no restart)."""
    from ohmygpt_desktop.api import ConnectError, Secret
    from ohmygpt_desktop.core.tokens import TokenStorage
    from tests.helpers.signin import free_port

    async def session_only() -> TokenStorage:
        return TokenStorage.SESSION

    ctx = make_ctx(sandbox=None)  # a real-service profile: the API line is the user's
    run(ctx.start())
    ctx.settings.set("api_base_url", sandbox.base_url)  # the context follows: a new client
    assert ctx.client.base_url == sandbox.base_url
    token = Secret(sandbox.state.issue_token("888"))
    account = run(
        ctx.accounts.add_signed_in(
            "888",
            "alice@example.com",
            token,
            scope="general_api_access",
            choose_storage=session_only,
        )
    )
    assert run(ctx.accounts.refresh_balance(account.key)) is not None
    before = sandbox.state.request_counts["balance"]

    dead_line = f"http://127.0.0.1:{free_port()}"
    ctx.settings.set("api_base_url", dead_line)
    assert ctx.accounts.client.base_url == dead_line
    try:
        run(ctx.accounts.refresh_balance(account.key))
    except ConnectError:
        pass
    else:
        raise AssertionError("the request did not go to the new API line")
    assert sandbox.state.request_counts["balance"] == before


def test_demo_flags_switch_sandbox_faults_and_latency(home: Path, run: Any) -> None:
    from ohmygpt_desktop.app import parse_args

    options = parse_args(
        [
            "--sandbox",
            "--sandbox-port",
            "0",
            "--sandbox-latency",
            "0.01",
            "--sandbox-fault",
            "checkout_order=status:status=429,retry_after=5,times=1",
        ]
    )
    ctx = build_context(
        options,
        paths=AppPaths.under(home),
        env={},
        open_url=FakeBrowser(),
        keyring_backend=MemoryKeyring(),
    )
    try:
        assert ctx.sandbox is not None
        assert ctx.sandbox.config.latency == 0.01
        faults = ctx.sandbox.state.faults
        assert [(f.endpoint, f.kind) for f in faults] == [("checkout_order", "status")]
    finally:
        run(ctx.aclose())


def test_a_bad_sandbox_fault_is_refused_before_the_sandbox_starts(home: Path) -> None:
    """``--sandbox-fault`` naming no endpoint or kind: refused, and nothing is left
    listening (no sandbox thread, its port free again)."""
    with socket.socket() as probe:  # a free port for the sandbox to prefer
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = {t.ident for t in threading.enumerate()}
    for spec, reason in [
        ("nosuch=drop", "unknown endpoint"),
        ("balance=nosuch", "unknown fault kind"),
        ("balance=status:nosuch=1", "takes no parameter"),
    ]:
        options = Options(sandbox=True, sandbox_port=port, sandbox_faults=[spec])
        with pytest.raises(ValueError, match=reason):
            start_demo_sandbox(options, AppPaths.under(home))
        left = [
            t.name
            for t in threading.enumerate()
            if t.ident not in before and t.name.startswith("sandbox")
        ]
        assert not left, f"{spec}: the sandbox kept running ({left})"
        with socket.socket() as again:  # its port is free
            again.bind(("127.0.0.1", port))
