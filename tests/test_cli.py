"""The command-line companion against the sandbox over loopback.

In-process runs go through ``cli.main([...])`` with the test's keyring, stdout and
stderr captured; the real-process runs (``python -m ohmygpt_desktop COMMAND``) share
the real Secret Service keyring the test session set up, and one of them creates an
order while the app runs on the same home: its history shows the row at once.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ohmygpt_desktop import cli
from ohmygpt_desktop.app import SANDBOX_URL_FILE, AppContext, Options, Shell, profile_paths
from ohmygpt_desktop.app import main as app_main
from ohmygpt_desktop.core.accounts import Account
from ohmygpt_desktop.core.instance import InstanceGuard, instance_lock_path
from ohmygpt_desktop.core.orders import HistoryChange, OrderStatus
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.recharge import AmountProblem
from ohmygpt_desktop.core.settings import operator_name
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring, RaisingKeyring
from tests.helpers.recharging import signed_in
from tests.helpers.signed_in import sign_in
from tests.helpers.signin import until_idle

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


CliRunner = Callable[..., Result]


@pytest.fixture
def ohmygpt(
    capsys: pytest.CaptureFixture[str],
    home: Path,
    sandbox: SandboxServer,
    keyring_backend: MemoryKeyring,
    browser: FakeBrowser,
    loop: asyncio.AbstractEventLoop,
) -> CliRunner:
    """``ohmygpt("balance", "--json")``: the CLI in this process, on the test's home,
    sandbox and keyring; its exit code and what it printed."""

    def invoke(*argv: str, **other_parts: Any) -> Result:
        capsys.readouterr()
        where = ["--home", str(home)]
        if "--sandbox" not in argv:
            where += ["--sandbox-url", sandbox.base_url]
        parts = {
            "keyring_backend": keyring_backend,
            "open_url": browser,
            "env": {"XDG_CONFIG_DIRS": str(home / "no-system-config")},
            **other_parts,
        }
        try:
            code = cli.main([*argv, *where], context_parts=parts)
        finally:
            asyncio.set_event_loop(loop)  # asyncio.run left none behind
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return Result(code, out, err)

    return invoke


def _alice_and_bob(make_ctx: Callable[..., AppContext], run: Any, sandbox: SandboxServer) -> Any:
    ctx, alice = signed_in(make_ctx, run, sandbox, "888")
    bob = run(sign_in(ctx, sandbox, "1024"))  # now the current account
    return ctx, alice, bob


# ---------------------------------------------------------------- accounts


def test_accounts_lists_every_signed_in_account(make_ctx, run, sandbox, ohmygpt) -> None:
    ctx, alice, bob = _alice_and_bob(make_ctx, run, sandbox)
    # The app read both balances when they signed in: that is what the list shows.
    seen = {key: ctx.usage.newest(key) for key in (alice.key, bob.key)}
    assert None not in seen.values()

    shown = ohmygpt("accounts")
    assert shown.code == 0, shown.err
    header, *lines = shown.out.splitlines()
    assert header.split() == ["EMAIL", "HOST", "KEY", "BALANCE", "READ", "SIGN-IN"]
    assert len(lines) == 2
    by_email = {line.lstrip("* ").split()[0]: line for line in lines}
    assert by_email["bob@example.com"].startswith("*")  # the current account
    alice_line = by_email["alice@example.com"].split()
    assert alice_line[:4] == ["alice@example.com", "sandbox", alice.key, "$10.00"]
    assert alice_line[-2:] == ["signed", "in"]
    columns = [line.index("sandbox") for line in [header.replace("HOST", "sandbox"), *lines]]
    assert len(set(columns)) == 1, "aligned columns"

    listed = ohmygpt("accounts", "--json")
    assert listed.code == 0
    assert listed.json() == [
        {
            "key": key,
            "email": email,
            "host": "sandbox",
            "current": key == bob.key,
            "state": "signed_in",
            "balance_usd": usd,
            "credits": str(seen[key].balance),
            "balance_read_at": seen[key].at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        for key, email, usd in [
            (alice.key, "alice@example.com", "10.00"),
            (bob.key, "bob@example.com", listed.json()[1]["balance_usd"]),
        ]
    ]


def test_accounts_with_nobody_signed_in(make_ctx, ohmygpt) -> None:
    make_ctx()
    shown = ohmygpt("accounts")
    assert (shown.code, shown.out) == (0, "")
    assert shown.err == "No account is signed in. Sign in with the app first.\n"
    assert ohmygpt("accounts", "--json").json() == []


# ----------------------------------------------------------------- balance


def test_balance_reads_now_and_accounts_lists_it(make_ctx, run, sandbox, ohmygpt) -> None:
    _ctx, alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    before = sandbox.state.request_counts["balance"]
    sandbox.state.set_balance("888", Decimal("680000"))

    read = ohmygpt("balance", "ali", "--json")
    assert read.code == 0, read.err
    reading = read.json()
    assert sandbox.state.request_counts["balance"] == before + 1
    assert reading["account"] == alice.key
    assert reading["email"] == "alice@example.com"
    assert reading["balance_usd"] == "20.00"  # 680000 credits at 34000 a dollar
    assert reading["credits"] == "680000.00"
    assert reading["read_at"].endswith("Z")

    listed = {item["key"]: item for item in ohmygpt("accounts", "--json").json()}
    assert listed[alice.key]["balance_usd"] == "20.00"
    # The balance history keeps whole seconds: the read, give or take that.
    listed_at = datetime.fromisoformat(listed[alice.key]["balance_read_at"])
    read_at = datetime.fromisoformat(reading["read_at"])
    assert abs((listed_at - read_at).total_seconds()) <= 1

    shown = ohmygpt("balance", "alice@EXAMPLE.com")
    header, line = shown.out.splitlines()
    assert header.split() == ["EMAIL", "HOST", "BALANCE", "CREDITS", "READ"]
    assert line.split()[:4] == ["alice@example.com", "sandbox", "$20.00", "680,000.00"]


def test_balance_of_the_current_account_by_default(make_ctx, run, sandbox, ohmygpt) -> None:
    _alice_and_bob(make_ctx, run, sandbox)
    assert ohmygpt("balance", "--json").json()["email"] == "bob@example.com"


def test_balance_account_errors(make_ctx, run, sandbox, ohmygpt) -> None:
    make_ctx()
    nobody = ohmygpt("balance")
    assert (nobody.code, nobody.out) == (3, "")
    assert nobody.err == "No account is signed in. Sign in with the app first.\n"

    _alice_and_bob(make_ctx, run, sandbox)
    unknown = ohmygpt("balance", "carol")
    assert (unknown.code, unknown.out) == (3, "")
    assert unknown.err.startswith("No signed-in account matches 'carol'.")

    blank = ohmygpt("balance", " ")
    assert (blank.code, blank.out) == (2, "")
    assert blank.err == "Name an account: its e-mail, its key or the start of one.\n"

    sandbox.state.add_user("777", "alfred@example.com")
    run(sign_in(make_ctx(), sandbox, "777"))
    ambiguous = ohmygpt("balance", "al")
    assert (ambiguous.code, ambiguous.out) == (2, "")
    assert ambiguous.err == (
        "'al' matches several accounts (888@sandbox, 777@sandbox): give more of it.\n"
    )
    assert ohmygpt("balance", "alf", "--json").json()["account"] == "777@sandbox"
    assert ohmygpt("balance", "1024@", "--json").json()["account"] == "1024@sandbox"


def test_balance_of_a_signed_out_account_exits_3(
    make_ctx, run, sandbox, ohmygpt, keyring_backend
) -> None:
    _ctx, alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    keyring_backend.entries.clear()  # the keyring lost the sign-ins

    gone = ohmygpt("balance", alice.key)
    assert (gone.code, gone.out) == (3, "")
    assert gone.err == (
        "alice@example.com (sandbox) is not signed in any more. Sign in to it again in the app.\n"
    )


def test_a_keyring_that_fails_exits_5(make_ctx, run, sandbox, ohmygpt) -> None:
    _alice_and_bob(make_ctx, run, sandbox)
    failed = ohmygpt("balance", "alice", keyring_backend=RaisingKeyring())
    assert (failed.code, failed.out) == (5, "")
    assert failed.err == (
        "The sign-in of alice@example.com could not be read: "
        "The system keyring reported an error. (KeyringError: backend exploded while reading)\n"
    )
    assert sandbox.state.request_counts["balance"] == 2  # the sign-ins' only


def test_balance_with_the_service_failing_exits_1(make_ctx, run, sandbox, ohmygpt) -> None:
    _alice_and_bob(make_ctx, run, sandbox)
    sandbox.state.set_fault("balance", "status", times=1, status=500)
    failed = ohmygpt("balance", "alice")
    assert (failed.code, failed.out) == (1, "")
    assert len(failed.err.splitlines()) == 1
    assert "error 500" in failed.err

    sandbox.state.set_fault("balance", "error_in_200", times=1, status=401)
    expired = ohmygpt("balance", "alice")
    assert expired.code == 3
    assert expired.err.rstrip().endswith("Sign in to alice@example.com again in the app.")


# ----------------------------------------------------------------- recharge


def test_recharge_creates_one_order_and_prints_its_link(
    make_ctx, run, sandbox, ohmygpt, browser, keyring_backend
) -> None:
    ctx, alice, _bob = _alice_and_bob(make_ctx, run, sandbox)

    made = ohmygpt("recharge", "alice", "12.5")
    assert made.code == 0, made.err
    (order,) = sandbox.state.orders()
    assert (order["user_id"], order["amount"]) == ("888", "12.50")
    assert sandbox.state.request_counts["checkout_order"] == 1
    (row,) = ctx.history.list()  # the app's own history sees the CLI's row
    assert row.status is OrderStatus.AWAITING_PAYMENT
    assert row.account_key == alice.key
    assert row.amount == Decimal("12.50")
    assert row.order_no == order["order_no"]
    assert row.balance_before == Decimal("340000.00")
    first, second, link = made.out.splitlines()
    assert first == f"Order {row.order_no} for alice@example.com (sandbox): $12.50, checkout."
    assert second.startswith("Payment link (works until about ")
    assert link == row.checkout_url
    assert browser.opened == []  # nothing opened without --open
    assert made.err == ""
    logged = ctx.paths.log_file.read_text(encoding="utf-8")
    assert f"Order {row.order_no} created" in logged
    assert row.checkout_url not in logged
    assert not any(token in logged for token in keyring_backend.entries.values())

    scripted = ohmygpt("recharge", "alice", "5", "--json")
    assert scripted.code == 0, scripted.err
    created = scripted.json()
    assert created["amount_usd"] == "5.00"
    assert created["status"] == "awaiting_payment"
    assert created["payment_url"] == ctx.history.get(created["local_id"]).checkout_url
    assert created["created_at"].endswith("Z")
    assert len(sandbox.state.orders()) == 2

    listed = ohmygpt("orders", "--json").json()
    assert [o["amount_usd"] for o in listed] == ["5.00", "12.50"]  # newest first
    assert ohmygpt("orders", "--limit", "1", "--json").json() == [created]
    assert ohmygpt("orders", "--account", "bob", "--json").json() == []
    assert len(ohmygpt("orders", "--status", "awaiting_payment", "--json").json()) == 2
    assert ohmygpt("orders", "--status", "paid", "--json").json() == []
    table = ohmygpt("orders", "--account", "alice@example.com").out.splitlines()
    assert table[0].split() == [
        "ID", "ORDER", "EMAIL", "AMOUNT", "KIND", "STATUS", "CREATED", "REFERENCE"
    ]  # fmt: skip
    assert table[1].split()[1:6] == [
        created["order_no"], "alice@example.com", "$5.00", "checkout", "awaiting_payment"
    ]  # fmt: skip
    assert table[1].split()[-1] == "—"  # no reference


def test_recharge_records_the_reference_and_the_operator(make_ctx, run, sandbox, ohmygpt) -> None:
    ctx, _alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    made = ohmygpt("recharge", "bob", "10", "--reference", "  TICKET-4711 ", "--json")
    assert made.code == 0, made.err
    assert made.json()["reference"] == "TICKET-4711"
    assert made.json()["operator"] == operator_name(ctx.settings)
    (row,) = ctx.history.list()
    assert (row.reference, row.operator) == ("TICKET-4711", operator_name(ctx.settings))
    line = ohmygpt("orders").out.splitlines()[1]
    assert line.split()[-1] == "TICKET-4711"

    for reference in ["x" * 201, "two\tparts"]:
        refused = ohmygpt("recharge", "bob", "10", "--reference", reference)
        assert (refused.code, refused.out) == (2, "")
        assert refused.err.startswith("The reference ")
    assert sandbox.state.request_counts["checkout_order"] == 1
    assert len(ctx.history.list()) == 1


def test_recharge_refuses_a_bad_amount_and_sends_nothing(make_ctx, run, sandbox, ohmygpt) -> None:
    ctx, _alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    for amount, problem in [
        ("ten", AmountProblem.NOT_A_NUMBER),
        ("0", AmountProblem.NOT_POSITIVE),
        ("10.123", AmountProblem.TOO_MANY_DECIMALS),
        ("1,000", AmountProblem.GROUPING),
    ]:
        refused = ohmygpt("recharge", "alice", amount)
        assert (refused.code, refused.out) == (2, "")
        assert refused.err == f"{problem.value} (got {amount!r})\n"
    too_big = ohmygpt("recharge", "alice", "1000000")
    assert too_big.code == 2
    assert too_big.err.startswith("The largest amount is $")
    mixed = ohmygpt("recharge", "alice", "10", "--email", "a@b.example")
    assert (mixed.code, mixed.err) == (2, "--email goes with --invoice.\n")
    assert sandbox.state.request_counts["checkout_order"] == 0
    assert ctx.history.list() == []


def test_recharge_refused_by_the_service_exits_1_and_keeps_no_row(
    make_ctx, run, sandbox, ohmygpt
) -> None:
    ctx, _alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "status", times=1, status=402)
    refused = ohmygpt("recharge", "alice", "10")
    assert (refused.code, refused.out) == (1, "")
    assert "balance is too low" in refused.err
    assert ctx.history.list() == []
    assert sandbox.state.orders() == []


def test_recharge_with_an_unknown_outcome_exits_4_and_keeps_the_row(
    make_ctx, run, sandbox, ohmygpt
) -> None:
    ctx, _alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "drop", times=1)
    lost = ohmygpt("recharge", "alice", "10", "--json")
    assert lost.code == 4
    assert lost.err.startswith("The connection was lost while the order was being created")
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.UNKNOWN
    assert lost.json()["status"] == "unknown"
    assert lost.json()["local_id"] == row.local_id


def test_recharge_an_invoice_and_open_it(make_ctx, run, sandbox, ohmygpt, browser) -> None:
    ctx, _alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    made = ohmygpt(
        "recharge", "bob", "7", "--invoice", "--email", "billing@example.com", "--open", "--json"
    )
    assert made.code == 0, made.err
    assert made.json()["kind"] == "invoice"
    assert made.json()["expires_at"] is None
    assert browser.opened == [made.json()["payment_url"]]
    assert sandbox.state.request_counts["invoice_order"] == 1
    assert [r.kind for r in ctx.history.list()] == ["invoice"]


# -------------------------------------------------------------------- demo


def test_sandbox_uses_the_sandbox_of_the_open_demo(make_ctx, run, sandbox, ohmygpt) -> None:
    """The demo is open on this home (its lock held, its sandbox's address noted)."""
    ctx, alice, _bob = _alice_and_bob(make_ctx, run, sandbox)
    (ctx.paths.data_dir / SANDBOX_URL_FILE).write_text(sandbox.base_url + "\n")
    guard = InstanceGuard(instance_lock_path(ctx.paths))
    assert guard.acquire()
    try:
        read = ohmygpt("balance", "alice", "--sandbox", "--json")
    finally:
        guard.close()
    assert read.code == 0, read.err
    assert read.json()["account"] == alice.key
    assert sandbox.state.request_counts["balance"] == 3  # two sign-ins, then this one

    (ctx.paths.data_dir / SANDBOX_URL_FILE).unlink()
    assert guard.acquire()
    try:
        lost = ohmygpt("balance", "alice", "--sandbox")
    finally:
        guard.close()
    assert (lost.code, lost.out) == (1, "")
    assert lost.err.startswith("The demo is open in the app, but the address of its sandbox")
    assert not (ctx.paths.data_dir / "sandbox-state.json").exists(), "no second demo sandbox"


def test_sandbox_starts_the_demo_sandbox_when_no_demo_is_open(home, ohmygpt) -> None:
    listed = ohmygpt("accounts", "--sandbox", "--json")
    assert (listed.code, listed.json()) == (0, [])
    demo = profile_paths(AppPaths.under(home), demo=True)
    assert (demo.data_dir / "sandbox-state.json").is_file(), "started, stopped, saved"
    assert (demo.data_dir / SANDBOX_URL_FILE).read_text().startswith("http://127.0.0.1:")
    with pytest.raises(SystemExit) as exited:
        ohmygpt("accounts", "--sandbox", "--sandbox-url", "http://127.0.0.1:1")
    assert exited.value.code == 2


# -------------------------------------------------------------------- help


@pytest.mark.parametrize("name", ["accounts", "balance", "orders", "recharge"])
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        app_main([name, "--help"])  # the app's main hands commands to the CLI
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: ohmygpt-desktop {name} ")
    assert "--home DIR" in text
    assert "--sandbox-url URL" in text


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["orders", "--limit", "0"])
    assert exited.value.code == 2
    assert "--limit: needs a whole number from 1 up (got '0')" in capsys.readouterr().err


def test_a_command_is_one_function_and_a_registration(
    make_ctx, run, sandbox, ohmygpt, monkeypatch
) -> None:
    """How ``ledger check`` and the next commands are added."""
    monkeypatch.setattr(cli, "COMMANDS", dict(cli.COMMANDS))

    @cli.command("hello", help="say hello to the current account")
    async def hello(run_: cli.CommandRun) -> int:
        run_.say(f"hello {cli.find_account(run_.ctx, None).email}")
        return 0

    _alice_and_bob(make_ctx, run, sandbox)
    assert cli.is_command(["hello"])
    said = ohmygpt("hello")
    assert (said.code, said.out) == (0, "hello bob@example.com\n")


def _start_app(run: Any, shell: Shell, ctx: AppContext, account: Account) -> None:
    """Start the app's window on ``ctx`` (as ``main`` does); return once it has started
    (sign-ins loaded, payment watches resumed, the balance read) and nothing runs."""
    window = shell.window
    started: list[bool] = []
    window.started.connect(lambda: started.append(True))
    shell.start(ctx)
    window.show()
    run(until_idle(lambda: started and not account.refreshing, message="the app never started"))


def test_the_app_notices_a_cli_order_without_the_message(
    qtbot, make_ctx, run, sandbox, home, ohmygpt, app_window
) -> None:
    """The app cannot be told (no socket: it did not listen), yet it shows the CLI's
    order: it watches the history file, and only others' writes count."""
    ctx, alice = signed_in(make_ctx, run, sandbox)
    window = MainWindow()
    app_window.append(window)
    shell = Shell(Options(), AppPaths.under(home), InstanceGuard(instance_lock_path(ctx.paths)))
    shell.window = window
    events: list[HistoryChange] = []
    ctx.history.add_listener(lambda event: events.append(event.change))
    try:
        _start_app(run, shell, ctx, alice)
        view = window.history_view
        assert ctx.history.changed_elsewhere() == []  # nothing new

        made = ohmygpt("recharge", "alice", "10", "--json")  # the loop stands still meanwhile
        assert made.code == 0, made.err
        run(until(lambda: view.model.rowCount() == 1, message="the app did not notice"))
        assert view.model.records()[0].order_no == made.json()["order_no"]
        assert events == [HistoryChange.CHANGED_ELSEWHERE]
        assert ctx.watcher.watching(alice.key)
    finally:
        window.close()
        run(shell.wait_closed(), timeout=30)


# ------------------------------------------------ real processes, real keyring


def _cli_process(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("OHMYGPT_DESKTOP_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "ohmygpt_desktop", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


@contextmanager
def creating_an_order_in_a_process(
    sandbox: SandboxServer, run: Any, argv: list[str]
) -> Iterator[subprocess.Popen[str]]:
    """``ohmygpt-desktop ARGV`` in a process, once the sandbox holds its create-order request."""
    sandbox.state.set_fault("checkout_order", "latency", seconds=60)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        [sys.executable, "-m", "ohmygpt_desktop", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        run(
            until(
                lambda: (
                    sandbox.state.request_counts["checkout_order"] >= 1
                    or process.poll() is not None
                ),
                timeout=60,
                message="the order request never came",
            ),
            timeout=61,
        )
        assert process.poll() is None, process.communicate()
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)
        sandbox.state.clear_faults()


@pytest.fixture
def app_window() -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        if isValid(window):
            window.close()
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.slow
@pytest.mark.keyring
def test_the_running_app_shows_an_order_the_cli_created(
    qtbot, make_ctx, run, sandbox, home, app_window
) -> None:
    """The app runs on the home (instance lock held, window open); ``ohmygpt-desktop
    recharge`` in another process, same keyring: the app's history shows the order at
    once, and the CLI was no second launch (the app kept its window and its lock)."""
    env = {"XDG_CONFIG_DIRS": str(home / "no-system-config")}
    ctx, alice = signed_in(make_ctx, run, sandbox, keyring_backend=None, env=env)
    guard = InstanceGuard(instance_lock_path(ctx.paths))
    assert guard.acquire()
    window = MainWindow()
    app_window.append(window)
    shell = Shell(Options(), AppPaths.under(home), guard, window)
    handed_over: list[list[str]] = []
    guard.handedOver.connect(handed_over.append)
    told: list[bool] = []
    guard.historyChanged.connect(lambda: told.append(True))
    try:
        assert guard.listen()
        _start_app(run, shell, ctx, alice)
        view = window.history_view
        assert view.model.rowCount() == 0

        where = ["--home", str(home), "--sandbox-url", sandbox.base_url]

        async def recharge() -> subprocess.CompletedProcess[str]:
            return await asyncio.to_thread(
                _cli_process, "recharge", "alice", "10", "--json", *where
            )

        done = run(recharge(), timeout=61)
        assert done.returncode == 0, done.stderr
        created = json.loads(done.stdout)
        run(until(lambda: view.model.rowCount() == 1, message="the app did not show the order"))
        assert told == [True], "the CLI told the app on its instance socket"
        (row,) = view.model.records()
        assert row.order_no == created["order_no"]
        assert row.status is OrderStatus.AWAITING_PAYMENT
        assert ctx.watcher.watching(alice.key), "the app watches for its payment"
        assert handed_over == []
        assert window.isVisible()
        assert shell.guard is guard

        listed = _cli_process("accounts", "--json", *where)
        assert listed.returncode == 0, listed.stderr
        assert [a["state"] for a in json.loads(listed.stdout)] == ["signed_in"]
    finally:
        window.close()
        run(shell.wait_closed(), timeout=30)


@pytest.mark.slow
@pytest.mark.keyring
def test_ctrl_c_while_the_order_is_created_keeps_it_as_unknown(
    make_ctx, run, sandbox, home
) -> None:
    env = {"XDG_CONFIG_DIRS": str(home / "no-system-config")}
    ctx, _alice = signed_in(make_ctx, run, sandbox, keyring_backend=None, env=env)
    argv = ["recharge", "alice", "10", "--home", str(home), "--sandbox-url", sandbox.base_url]
    with creating_an_order_in_a_process(sandbox, run, argv) as cli_run:
        cli_run.send_signal(signal.SIGINT)
        out, err = cli_run.communicate(timeout=30)
    assert (cli_run.returncode, out, err) == (130, "", "Interrupted.\n")
    (row,) = ctx.history.list()
    assert row.status is OrderStatus.UNKNOWN
