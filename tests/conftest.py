"""Shared fixtures: a qasync loop, the sandbox over loopback, app contexts.

Tests drive async work with ``run(coro)`` (the qasync loop runs Qt events
while it waits) and wait on signals/conditions with ``tests.helpers.asyncutil``.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop.app import AppContext, Options, build_context
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.sandbox import SandboxConfig, SandboxServer
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring, secret_service_missing
from tests.helpers.postgres import PostgresCluster

T = TypeVar("T")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``keyring`` runs only where a real Secret Service answers."""
    if item.get_closest_marker("keyring") is not None:
        reason = secret_service_missing()
        if reason is not None:
            pytest.skip(f"no real Secret Service keyring: {reason}")


@pytest.fixture(scope="session", autouse=True)
def _gc_on_the_gui_thread() -> Iterator[None]:
    """Python's collector may otherwise run in a worker thread (sandbox, keyring,
    loopback) and destroy Qt objects there, which crashes Qt. As in the app
    (ui/gc_guard.py), collect only on the GUI thread: here, between tests."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def _app_keeps_running(qapp: QApplication) -> None:
    """As in the app: closing the last window must not quit (it would stop the loop)."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    server = SandboxServer(config=SandboxConfig(credit_delay=0))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster for the whole run (the team ledger's tests)."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
        cluster.stop()
    finally:
        cluster.remove()


@pytest.fixture
def ledger_url(postgres_cluster: PostgresCluster) -> str:
    """A fresh, empty ledger database for one test."""
    return postgres_cluster.new_database()


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> Iterator[SandboxServer]:
    """The shared sandbox, back in its seeded state for each test."""
    sandbox_server.state.reset()
    yield sandbox_server
    sandbox_server.state.reset()


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    try:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.wait(pending, timeout=5))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


Runner = Callable[..., Any]


@pytest.fixture
def run(loop: qasync.QEventLoop) -> Runner:
    """``run(coro, timeout=10)``: run a coroutine on the qasync loop and return its result."""

    def runner(coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        return loop.run_until_complete(asyncio.wait_for(coro, timeout))

    return runner


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def browser() -> FakeBrowser:
    return FakeBrowser()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def make_ctx(
    sandbox: SandboxServer,
    home: Path,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
    run: Runner,
) -> Iterator[Callable[..., AppContext]]:
    """Build app contexts on the shared sandbox, a temp home and a memory keyring."""
    made: list[AppContext] = []

    def make(**kwargs: Any) -> AppContext:
        kwargs.setdefault("paths", AppPaths.under(home))
        # Never this machine's system provisioning (/etc/xdg/ohmygpt-desktop/).
        kwargs.setdefault("env", {"XDG_CONFIG_DIRS": str(home / "no-system-config")})
        kwargs.setdefault("open_url", browser)
        kwargs.setdefault("keyring_backend", keyring_backend)
        kwargs.setdefault("sandbox", sandbox)
        options = kwargs.pop("options", Options())
        ctx = build_context(options, **kwargs)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        if not ctx.clients.closed:
            run(ctx.aclose())
