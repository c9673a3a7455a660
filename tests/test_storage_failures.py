"""Start-up and storage failures are explained, never silent.

A damaged order history is kept aside and replaced; a read-only one is shown but
no order is created; a settings file that cannot be parsed is backed up; an
unwritable log folder means logging to stderr; a full disk or any SQLite error
while recording an order is a plain message and no request; a settings save that
fails on an account switch is a message; a start-up failure says why.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from ohmygpt_desktop.app import profile_paths
from ohmygpt_desktop.core import orders
from ohmygpt_desktop.core.logs import setup_logging
from ohmygpt_desktop.core.orders import OrderHistory, OrderHistoryError, OrderStatus
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.settings import Settings
from ohmygpt_desktop.ui import tasks
from ohmygpt_desktop.ui.account_switcher import AccountSwitcher
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.startup_failure import startup_failure_box
from tests.helpers.asyncutil import until
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    signed_in,
    type_amount,
    wait_idle,
    widget_scope,
)
from tests.helpers.signed_in import sign_in

REPO = Path(__file__).resolve().parents[1]
GARBAGE = b"\x13\x37 not sqlite at all " * 64


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


@pytest.fixture
def crashes() -> Iterator[list[BaseException]]:
    """Failures that would reach the generic crash dialog."""
    seen: list[BaseException] = []
    tasks.set_unexpected_error_handler(lambda exc, _context: seen.append(exc))
    yield seen
    tasks.set_unexpected_error_handler(None)


def run_app(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.pop("OHMYGPT_DESKTOP_HOME", None)
    if env_home is not None:
        env["OHMYGPT_DESKTOP_HOME"] = str(env_home)
    return subprocess.run(
        [sys.executable, "-m", "ohmygpt_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=90,
    )


def damaged_copies(db: Path) -> list[Path]:
    """The kept copies of ``db`` (not their -wal/-shm companions)."""
    found = db.parent.glob(db.name + ".damaged-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm")))


# ------------------------------------------------------------ damaged history


def _truncated_database(db: Path) -> bytes:
    with OrderHistory(db) as history:
        for n in range(400):
            history.begin(
                account_key=f"u{n}@h",
                email="someone@example.com " * 4,
                host="h",
                kind="checkout",
                amount=Decimal(n + 1),
                product_id="10001",
                balance_before=None,
            )
    whole = db.read_bytes()
    return whole[: len(whole) // 2]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "directory", "header-only"])
def test_damaged_history_is_kept_aside_and_replaced(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "data" / "orders.sqlite3"
    db.parent.mkdir(parents=True)
    if damage == "garbage":
        original = GARBAGE
    elif damage == "truncated":
        original = _truncated_database(tmp_path / "full" / "orders.sqlite3")
    elif damage == "header-only":
        original = b"SQLite format 3\x00" + b"\xff" * 84
    if damage == "directory":
        db.mkdir()
        (db / "inside.txt").write_text("kept")
    else:
        db.write_bytes(original)
    Path(f"{db}-wal").write_bytes(b"stale write-ahead log")

    with OrderHistory(db) as history:
        copy = history.damaged_copy
        assert copy is not None
        assert copy.parent == db.parent
        assert ".damaged" in copy.name
        if damage == "directory":
            assert (copy / "inside.txt").read_text() == "kept"
        else:
            assert copy.read_bytes() == original, "the damaged file is kept as it was"
        assert Path(f"{copy}-wal").read_bytes() == b"stale write-ahead log"
        assert "was damaged" in str(history.open_problem)
        assert copy.name in str(history.open_problem)
        assert history.list() == []
        local_id = history.begin(
            account_key="u@h",
            email="u@example.com",
            host="h",
            kind="checkout",
            amount=Decimal(5),
            product_id="10001",
            balance_before=None,
        )
        assert history.get(local_id) is not None

    # The same damage again does not overwrite the first copy.
    shutil.rmtree(db) if db.is_dir() else db.unlink()
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    db.write_bytes(GARBAGE)
    with OrderHistory(db) as again:
        assert again.damaged_copy is not None
        assert again.damaged_copy != copy
    assert len(damaged_copies(db)) == 2


def test_damaged_history_banner_names_the_kept_file(make_ctx, home, widgets) -> None:
    db = profile_paths(AppPaths.under(home), demo=True).history_db  # the sandbox's profile
    db.parent.mkdir(parents=True)
    db.write_bytes(GARBAGE)
    ctx = make_ctx()
    window = widgets.add(MainWindow(ctx))
    window.show()
    [copy] = damaged_copies(db)
    assert window.banner.isVisible()
    assert window.banner.level == "warning"
    assert str(copy) in window.banner.label.text()
    assert copy.read_bytes() == GARBAGE


@pytest.mark.slow
def test_smoke_test_passes_with_a_damaged_history(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = AppPaths.under(home).data_dir / "sandbox" / "orders.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(GARBAGE)
    result = run_app("--smoke-test", "--sandbox-port", "0", env_home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: OK" in result.stdout
    [copy] = damaged_copies(db)
    assert copy.read_bytes() == GARBAGE
    assert str(copy) in result.stdout  # the smoke test reports what the banner says
    assert "Traceback" not in result.stderr


# ----------------------------------------------------------- read-only history


@contextmanager
def read_only(target: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``target`` (the file or its folder) read-only, even for root.

    Permissions first; root ignores them, so then the immutable attribute; where
    neither works (no chattr support), the history's own writability check says so.
    """
    mode = target.stat().st_mode
    target.chmod(0o500 if target.is_dir() else 0o400)
    immutable = False
    if os.access(target, os.W_OK) and shutil.which("chattr"):
        immutable = (
            subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode == 0
        )
    if os.access(target, os.W_OK):
        monkeypatch.setattr(orders, "_can_write", lambda _path: False)
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(target)], check=True)
        target.chmod(mode)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_history_is_shown_and_recharge_refuses(
    what, make_ctx, run, sandbox, home, widgets, monkeypatch, qtbot
) -> None:
    ctx0, account = signed_in(make_ctx, run, sandbox)
    local_id = ctx0.history.begin(
        account_key=account.key,
        email=account.email,
        host=account.host,
        kind="checkout",
        amount=Decimal(7),
        product_id="10001",
        balance_before=None,
    )
    ctx0.history.complete(
        local_id, order_no="ORD-KEPT", checkout_url="https://checkout.stripe.com/c/pay/x"
    )
    run(ctx0.aclose())
    db = ctx0.paths.history_db
    assert not Path(f"{db}-wal").exists()

    with read_only(db if what == "file" else db.parent, monkeypatch):
        ctx = make_ctx()
        assert ctx.history.read_only
        window = widgets.add(MainWindow(ctx))
        window.show()
        text = window.banner.label.text()
        assert "read-only" in text
        assert "cannot be created" in text
        run(ctx.start())  # recovery and expiry change nothing and raise nothing
        assert [r.order_no for r in ctx.history.list()] == ["ORD-KEPT"]

        before = sandbox.state.request_counts["checkout_order"]
        dialog = open_recharge(widgets, ctx, account.key)
        type_amount(qtbot, dialog, "10")
        assert dialog.problem_box.isVisible()
        assert "read-only" in dialog.problem_label.text()
        assert not dialog.create_button.isEnabled()
        dialog.submit()
        assert not dialog.busy
        assert sandbox.state.request_counts["checkout_order"] == before
        assert [r.order_no for r in ctx.history.list()] == ["ORD-KEPT"]
        run(ctx.aclose())


# -------------------------------------------------------- failed order writes


def _fill_until_full(history: OrderHistory) -> None:
    """sqlite's page cap on the app's own connection stands in for a full disk.

    Filler rows until no row fits, then filler notes until no row can grow either.
    """
    conn = history._conn
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for _ in range(10_000):  # filler rows no bigger than a real one, until nothing fits
        try:
            history.begin(
                account_key="f@h",
                email="f",
                host="h",
                kind="checkout",
                amount=Decimal(1),
                product_id="1",
                balance_before=None,
            )
        except (OrderHistoryError, sqlite3.Error):
            break
    else:
        raise AssertionError("the history never filled up")
    # Pack the pages: no row may grow either (a note, a link), down to the last byte.
    fillers = [row[0] for row in conn.execute("SELECT local_id FROM orders WHERE email = 'f'")]
    for pad in (256, 64, 16, 4, 1):
        for local_id in fillers:
            for _ in range(4096 // pad):
                try:
                    conn.execute(
                        "UPDATE orders SET note = COALESCE(note, '') || ? WHERE local_id = ?",
                        ("x" * pad, local_id),
                    )
                except sqlite3.Error:
                    break


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        ("disk full", "Your disk is full: the order was not sent."),
        ("sqlite error", "Could not write the order history: the order was not sent."),
    ],
)
def test_failed_order_write_is_a_plain_message_and_sends_nothing(
    failure, message, make_ctx, run, sandbox, widgets, crashes, qtbot
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    if failure == "disk full":
        _fill_until_full(ctx.history)
    else:
        other = sqlite3.connect(ctx.history.path)
        other.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON orders BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
        other.commit()
        other.close()
    rows = len(ctx.history.list())
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    assert dialog.problem_box.isVisible()
    assert dialog.problem_label.text() == message
    assert sandbox.state.request_counts["checkout_order"] == 0
    assert len(ctx.history.list()) == rows
    assert crashes == []


def _fill_while_in_flight(run, ctx, sandbox, endpoint: str = "checkout_order") -> None:
    """Once the order's request is out (its row written ahead), the disk fills up."""
    run(until(lambda: sandbox.state.request_counts[endpoint] == 1))
    _fill_until_full(ctx.history)


def test_order_created_but_not_recorded_can_still_be_paid(
    make_ctx, run, sandbox, browser, widgets, crashes, qtbot
) -> None:
    """The server created the order; only the history could not record it: pay it anyway."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=1.0)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    _fill_while_in_flight(run, ctx, sandbox)
    wait_idle(run, dialog)

    (order,) = sandbox.state.orders()
    assert sandbox.state.request_counts["checkout_order"] == 1
    assert dialog.pages.currentWidget() is dialog.result_page, dialog.problem_label.text()
    assert dialog.order_no_field.text() == order["order_no"]
    # The payment page opened as for any order, and the link is there to copy or scan.
    assert len(browser.opened) == 1
    link = browser.last
    assert order["session_id"] in link
    assert dialog.qr.text() == link
    click(qtbot, dialog.copy_link_button)
    assert QGuiApplication.clipboard().text() == link
    # …and the person is told plainly that the app did not record it.
    assert dialog.unsaved_box.isVisible()
    warning = dialog.unsaved_label.text()
    assert warning.startswith(
        "The order was created, but the app could not write it to the order history: "
        "The disk is full"
    ), warning
    assert f"Note the order number {order['order_no']}" in warning
    assert "cannot mark it paid" in warning
    assert not dialog.watch_note.isVisible()  # no promise the app cannot keep
    assert not ctx.watcher.watching(account.key)
    assert order["order_no"] not in {r.order_no for r in ctx.history.list()}
    assert crashes == []


@pytest.mark.parametrize(
    ("kind", "names_order"),
    [pytest.param("html", False, id="html-502"), pytest.param("missing_field", True, id="named")],
)
def test_unclear_outcome_that_cannot_be_recorded_says_so(
    kind, names_order, make_ctx, run, sandbox, browser, widgets, crashes, qtbot
) -> None:
    """An unusable reply and a full disk: never "not created", and check before paying again."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", kind, times=1, seconds=1.0)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    _fill_while_in_flight(run, ctx, sandbox)
    wait_idle(run, dialog)

    assert dialog.problem_box.isVisible()
    text = dialog.problem_label.text()
    assert "not created" not in text, text
    assert "cannot tell whether OhMyGPT created the order" in text, text
    assert "could not record it in the order history: The disk is full" in text, text
    assert text.endswith("Check your OhMyGPT orders before paying again."), text
    if names_order:
        (order,) = sandbox.state.orders()
        assert order["order_no"] in text
    else:
        assert sandbox.state.orders() == []
        assert "problem (error 502)" in text
    assert sandbox.state.request_counts["checkout_order"] == 1
    assert browser.opened == []
    assert dialog.pages.currentWidget() is dialog.entry_page
    # No blind retry: a new order only after the person says they checked.
    assert dialog.unknown_box.isVisible()
    assert not dialog.create_button.isEnabled()
    assert crashes == []


def test_refusal_stands_when_its_row_cannot_be_dropped(
    make_ctx, run, sandbox, browser, widgets, crashes, qtbot
) -> None:
    """A proven refusal is reported as one; the row left behind is "unknown" next start."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "status", times=1, status=403, seconds=1.0)
    dialog = open_recharge(widgets, ctx, account.key)
    type_amount(qtbot, dialog, "10")
    click(qtbot, dialog.create_button)
    run(until(lambda: sandbox.state.request_counts["checkout_order"] == 1))
    other = sqlite3.connect(ctx.history.path)  # a delete frees space: a full disk allows it
    other.execute(
        "CREATE TRIGGER refuse BEFORE DELETE ON orders BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    other.commit()
    other.close()
    wait_idle(run, dialog)

    text = dialog.problem_label.text()
    assert text.startswith("The order was not created. "), text
    assert "trusted_advanced_access" in text
    assert not dialog.unknown_box.isVisible()
    assert sandbox.state.orders() == []
    assert crashes == []
    (row,) = ctx.history.list(account.key)
    assert row.status is OrderStatus.CREATING
    run(ctx.aclose())
    with OrderHistory(ctx.history.path) as again:
        again.recover_interrupted()
        (row,) = again.list(account.key)
        assert row.status is OrderStatus.UNKNOWN


def test_cancel_in_flight_stays_a_cancel_when_the_row_cannot_be_marked(
    make_ctx, run, sandbox
) -> None:
    """The app closing mid-request: a failed history write must not hide the cancellation."""
    ctx, account = signed_in(make_ctx, run, sandbox)
    sandbox.state.set_fault("checkout_order", "latency", times=1, seconds=5.0)

    async def cancelled_mid_request() -> None:
        task = asyncio.ensure_future(ctx.recharge.create_order(account.key, Decimal("10")))
        await until(lambda: sandbox.state.request_counts["checkout_order"] == 1)
        _fill_until_full(ctx.history)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(cancelled_mid_request())
    (row,) = ctx.history.list(account.key)
    assert row.status is OrderStatus.CREATING  # "unknown" at the next start


# -------------------------------------------------------------------- settings


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 200_000,
        b'{"theme": "dark", "x": ' + _deep(100_000) + b"}",
        b'{"endpoints": {"balance": ' + _deep(900) + b"}}",
        b'{"refresh_interval_s": ' + b"9" * 5000 + b"}",
        b'{"theme": "\xff\xfe"}',
    ],
    ids=["unclosed-nesting", "deep-nesting", "deep-value", "huge-number", "invalid-utf8"],
)
def test_settings_that_cannot_be_parsed_are_backed_up(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    settings = Settings.load(path, env={})
    assert settings.load_problem is not None
    assert settings.backup_path is not None
    assert settings.backup_path.read_bytes() == content
    assert str(settings.backup_path) in settings.load_problem
    assert settings.theme == "system"
    assert settings.refresh_interval_s == 300
    settings.set("theme", "dark")
    settings.save()
    assert Settings.load(path, env={}).theme == "dark"


def test_settings_path_that_is_a_folder_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    path.mkdir(parents=True)
    (path / "note.txt").write_text("kept")
    settings = Settings.load(path, env={})
    assert settings.load_problem is not None
    assert settings.backup_path is not None
    assert (settings.backup_path / "note.txt").read_text() == "kept"
    assert str(settings.backup_path) in settings.load_problem
    settings.set("theme", "dark")
    settings.save()
    assert Settings.load(path, env={}).theme == "dark"


def test_failed_account_list_save_on_account_switch_is_a_message(
    make_ctx, run, sandbox, widgets, crashes
) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox)
    bob = run(sign_in(ctx, sandbox, "1024"))
    assert ctx.accounts.current().key == bob.key
    switcher = widgets.add(AccountSwitcher(ctx))
    path = ctx.account_store.path
    path.unlink()
    path.mkdir()  # the account list cannot be written any more
    switcher.switch_to(alice.key)
    assert ctx.accounts.current().key == alice.key  # the switch itself happened
    level, text = ctx.messages.history[-1]
    assert level == "warning"
    assert "Could not save the account list" in text
    assert str(path) in text
    assert crashes == []


# --------------------------------------------------------------------- logging


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_unwritable_log_folder_means_logging_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_root_logger: None
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the log folder should be")
    assert setup_logging(blocker / "ohmygpt-desktop.log") is None
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "cannot write the log file" in lines[0]
    assert "stderr" in lines[0]
    logging.getLogger("ohmygpt_desktop.test").warning("still logged")
    assert "still logged" in capsys.readouterr().err


# -------------------------------------------------------------------- start-up


def test_home_that_is_a_file_is_a_clear_startup_failure(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder")
    result = run_app(env_home=home)
    assert result.returncode != 0
    assert "cannot use the folder" in result.stderr
    assert str(home) in result.stderr
    assert "Traceback" not in result.stderr


def test_history_from_a_newer_version_is_a_clear_startup_failure(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = AppPaths.under(home).history_db
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    result = run_app("--home", str(home))
    assert result.returncode == 1
    assert "could not start" in result.stderr
    assert "newer version of OhMyGPT Desktop" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_startup_failure_dialog_shows_the_reason_as_plain_text(qtbot) -> None:
    reason = "<b>settings.json</b> cannot be read"
    box = startup_failure_box(reason)
    qtbot.addWidget(box)
    assert box.icon() is QMessageBox.Icon.Critical
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert reason in box.text()
    assert "could not start" in box.text()


def test_read_only_folder_without_a_history_yet(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with read_only(folder, monkeypatch), OrderHistory(folder / "orders.sqlite3") as history:
        assert history.read_only
        assert history.list() == []
        assert "read-only" in str(history.open_problem)
        with pytest.raises(OrderHistoryError, match="read-only"):
            history.begin(
                account_key="u@h",
                email="u@example.com",
                host="h",
                kind="checkout",
                amount=Decimal(5),
                product_id="10001",
                balance_before=None,
            )
