"""One app per home: a second launch hands over; concurrent writers lose nothing.

* the account list is saved read-merge-write under a lock, so accounts added by
  several processes (here: threads with their own ``AccountStore``) all survive;
* start-up recovery only touches order rows whose owner process is gone;
* a second launch on the same home hands its arguments to the running app and
  exits 0; a lock held by a process that does not answer is reported, never
  joined by a second writer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QLocalServer

from ohmygpt_desktop.app import profile_paths
from ohmygpt_desktop.core.account_store import AccountRecord, AccountStore
from ohmygpt_desktop.core.files import FileLock
from ohmygpt_desktop.core.instance import (
    InstanceGuard,
    hand_over,
    instance_lock_path,
    server_name,
)
from ohmygpt_desktop.core.orders import INTERRUPTED_NOTE, OrderHistory, OrderStatus
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.settings import Settings
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.asyncutil import until
from tests.helpers.order_child import creating_an_order
from tests.helpers.recharging import Widgets, widget_scope
from tests.helpers.signed_in import sign_in

REPO = Path(__file__).resolve().parents[1]


def record(user_id: str) -> AccountRecord:
    return AccountRecord(
        user_id=user_id,
        email=f"{user_id}@example.com",
        host="api.ohmygpt.com",
        added_at="2026-01-01T10:00:00+00:00",
        last_used_at="2026-01-01T10:00:00+00:00",
        token_storage="keyring",
        scope="general_api_access",
    )


def file_accounts(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(f"{item['user_id']}@{item['host']}" for item in data.get("accounts", []))


# ------------------------------------------------------------------ file merges


def test_concurrent_account_writers_keep_every_account(tmp_path: Path) -> None:
    """Three writers, each with its own AccountStore loaded before the others saved."""
    path = tmp_path / "data" / "accounts.json"
    writers = [AccountStore.load(path) for _ in range(3)]
    start = threading.Barrier(len(writers))
    failures: list[BaseException] = []

    def sign_ins(index: int, store: AccountStore) -> None:
        try:
            start.wait(timeout=10)
            for n in range(5):
                rec = record(f"w{index}-{n}")
                store.upsert(rec)
                store.set_current(rec.key)
                store.save()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=sign_ins, args=(i, s)) for i, s in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not failures
    expected = sorted(f"w{i}-{n}@api.ohmygpt.com" for i in range(3) for n in range(5))
    assert file_accounts(path) == expected
    assert not list(path.parent.glob("*.tmp")), "no temporary file is left behind"


def test_save_applies_this_process_changes_on_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    accounts_path = tmp_path / "data" / "accounts.json"
    seed, seed_accounts = Settings.load(path, env={}), AccountStore.load(accounts_path)
    for user in ("a", "b"):
        seed_accounts.upsert(record(user))
    seed_accounts.save()
    seed.set("theme", "dark")
    seed.save()

    first, first_accounts = Settings.load(path, env={}), AccountStore.load(accounts_path)
    second, second_accounts = Settings.load(path, env={}), AccountStore.load(accounts_path)
    first_accounts.upsert(record("c"))
    first_accounts.save()
    first.set("refresh_interval_s", 120)
    first.save()
    second_accounts.remove("a@api.ohmygpt.com")
    changed_b = record("b")
    changed_b.email = "new-b@example.com"
    second_accounts.upsert(changed_b)
    second_accounts.save()
    second.set("theme", "light")
    second.save()

    assert file_accounts(accounts_path) == ["b@api.ohmygpt.com", "c@api.ohmygpt.com"]
    assert AccountStore.load(accounts_path).get("b@api.ohmygpt.com").email == "new-b@example.com"
    again = Settings.load(path, env={})
    assert again.theme == "light"  # the second writer's change
    assert again.refresh_interval_s == 120  # the first writer's change survives
    assert again.load_problem is None


def test_two_windows_on_one_home_keep_both_sign_ins(make_ctx, run, sandbox) -> None:
    """Two app contexts on one home sign in different people: both accounts survive."""
    first = make_ctx()
    second = make_ctx()
    alice = run(sign_in(first, sandbox, "888"))
    bob = run(sign_in(second, sandbox, "1024"))
    assert file_accounts(first.paths.accounts_file) == sorted([alice.key, bob.key])


# ------------------------------------------------------------- recovery ownership


@pytest.mark.slow
def test_recovery_leaves_the_in_flight_order_of_a_running_process(
    make_ctx, run, sandbox, home
) -> None:
    with creating_an_order(sandbox, home, run, "10") as child:
        ctx = make_ctx()  # a second app on the same home starts while A is creating
        run(ctx.start())
        (row,) = ctx.history.list()
        assert row.status is OrderStatus.CREATING, "the running process's order was touched"

        child.kill()
        later = OrderHistory(ctx.paths.history_db)
        try:
            (recovered,) = later.recover_interrupted()
        finally:
            later.close()
        assert recovered.local_id == row.local_id
        assert recovered.status is OrderStatus.UNKNOWN
        assert recovered.note == INTERRUPTED_NOTE


# ----------------------------------------------------------------- second launch


def app_env(**extra: str) -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.pop("OHMYGPT_DESKTOP_HOME", None)
    env.update(extra)
    return env


def launch(*args: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ohmygpt_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=timeout,
    )


def test_demo_and_real_mode_are_separate_instances(tmp_path: Path) -> None:
    base = AppPaths.under(tmp_path)
    real = instance_lock_path(profile_paths(base, demo=False))
    demo = instance_lock_path(profile_paths(base, demo=True))
    assert real != demo
    assert real.parent == base.config_dir


@pytest.mark.slow
def test_second_launch_hands_over_and_exits_0(tmp_path: Path, run: Any) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    log_file = paths.log_file
    first = subprocess.Popen(
        [sys.executable, "-m", "ohmygpt_desktop", "--sandbox", "--sandbox-port", "0"],
        cwd=REPO,
        env=app_env(OHMYGPT_DESKTOP_HOME=str(home)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:

        def logged(text: str) -> bool:
            assert first.poll() is None, first.communicate()
            return log_file.exists() and text in log_file.read_text(encoding="utf-8")

        run(until(lambda: logged("ready for other launches"), timeout=60), timeout=61)
        started = time.monotonic()
        # The same home named by --home this time; the flag is not passed on.
        second = launch("--sandbox", "--home", str(home), "--debug", env=app_env(), timeout=30)
        assert second.returncode == 0, second.stdout + second.stderr
        assert time.monotonic() - started < 5
        assert "already running" in second.stdout
        assert "Traceback" not in second.stderr
        run(until(lambda: logged("Another launch was handed over"), timeout=10), timeout=11)
        assert "--debug" in log_file.read_text(encoding="utf-8")
        assert first.poll() is None, "the running app keeps running"
    finally:
        first.terminate()
        first.communicate(timeout=30)
        # Killed, it could not remove its socket (the next run on this home would).
        QLocalServer.removeServer(server_name(instance_lock_path(profile_paths(paths, demo=True))))


@pytest.mark.slow
def test_second_launch_raises_the_running_window(tmp_path: Path, qtbot, run: Any) -> None:
    """The running app here, the second launch a real process: the window comes back."""
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    paths.ensure()
    guard = InstanceGuard(instance_lock_path(paths))
    assert guard.acquire()
    widgets = Widgets()
    try:
        window = widgets.add(MainWindow())
        window.show()
        window.showMinimized()
        received: list[list[str]] = []
        guard.handedOver.connect(received.append)
        guard.handedOver.connect(window.on_other_launch)
        guard.listen()

        async def second_launch() -> subprocess.CompletedProcess[str]:
            import asyncio

            return await asyncio.to_thread(
                launch, "--home", str(home), "--language", "ja", env=app_env(), timeout=30
            )

        result = run(second_launch(), timeout=31)
        assert result.returncode == 0, result.stdout + result.stderr
        assert received == [["--home", str(home), "--language", "ja"]]
        assert not window.isMinimized()
        assert window.isVisible()
        assert not window.windowState() & Qt.WindowState.WindowMinimized
    finally:
        guard.close()
        widgets.close_all()


def test_lock_held_by_a_silent_process_is_reported(tmp_path: Path) -> None:
    """Someone holds the home's lock but answers nothing: say so, start no second writer."""
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    paths.ensure()
    silent = FileLock(instance_lock_path(paths))
    assert silent.try_acquire()
    silent.write(str(os.getpid()))
    try:
        started = time.monotonic()
        result = launch("--home", str(home), env=app_env(), timeout=30)
        assert time.monotonic() - started < 10
    finally:
        silent.release()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "already running" in result.stderr
    assert "does not answer" in result.stderr
    assert str(os.getpid()) in result.stderr
    assert "Traceback" not in result.stderr
    assert not paths.history_db.exists(), "no second writer opened the order history"
    assert not hand_over(instance_lock_path(paths), ["--home", str(home)], timeout=0.2)


def test_smoke_test_never_hands_over(tmp_path: Path) -> None:
    """A smoke test that handed over would pass without testing anything."""
    home = tmp_path / "home"
    paths = profile_paths(AppPaths.under(home), demo=True)
    paths.ensure()
    held = FileLock(instance_lock_path(paths))
    assert held.try_acquire()
    try:
        result = launch("--smoke-test", env=app_env(OHMYGPT_DESKTOP_HOME=str(home)), timeout=60)
    finally:
        held.release()
    assert result.returncode == 1
    assert "already running" in result.stderr
    assert "smoke: OK" not in result.stdout
    assert "Traceback" not in result.stderr


def test_instance_guard_excludes_a_second_guard(tmp_path: Path) -> None:
    lock = tmp_path / "instance.lock"
    first = InstanceGuard(lock)
    second = InstanceGuard(lock)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.holder_pid() == os.getpid()
    finally:
        first.close()
    assert second.acquire(), "a released lock can be taken"
    second.close()


def test_bring_to_front_restores_a_minimised_window(qtbot) -> None:
    with widget_scope() as widgets:
        window = widgets.add(MainWindow())
        window.show()
        window.showMinimized()
        window.bring_to_front()
        assert not window.isMinimized()
