"""The first run without an OAuth app never dead-ends: three paths, through the real widgets.

1. "Try the demo" starts the embedded sandbox in this process and the app switches to
   the demo profile (its own instance lock, a new context, a new window), no restart;
   "Leave the demo" switches back.
2. "I have an OAuth app": a short form whose Check loads the authorization page from the
   configured host and says what it found; Save keeps the client id in the settings and
   the secret in the keyring, and the sign-in screen follows.
3. "Ask your administrator": what to ask for, with a ready-made request to copy.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE
from ohmygpt_desktop.app import AppContext, Options, Shell, build_context, profile_paths
from ohmygpt_desktop.core.app_check import PageVerdict, read_authorization_reply
from ohmygpt_desktop.core.files import lock_is_held
from ohmygpt_desktop.core.instance import InstanceGuard, instance_lock_path
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.tokens import client_secret_service
from ohmygpt_desktop.sandbox import DEFAULT_APP, SandboxServer
from ohmygpt_desktop.ui.first_run import FirstRunPage
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.recharging import type_text
from tests.helpers.signin import click, free_port, show, sign_in, until_idle

MakeCtx = Callable[..., AppContext]


# ------------------------------------------------------------------- the app


@dataclass
class RunningApp:
    shell: Shell
    base: AppPaths
    first_window: MainWindow
    first_ctx: AppContext

    @property
    def page(self) -> FirstRunPage:
        return self.shell.window.login_panel.first_run

    def lock(self, *, demo: bool) -> Path:
        return instance_lock_path(profile_paths(self.base, demo=demo))


@pytest.fixture
def qasync_policy(loop: qasync.QEventLoop) -> Iterator[None]:
    """As under ``qasync.run`` on Python 3.11: new event loops are Qt's, in any thread."""
    policy = getattr(qasync, "DefaultQEventLoopPolicy", None)
    if policy is None:  # newer Pythons: qasync.run passes a loop factory instead
        yield
        return
    before = asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(policy())
    asyncio.set_event_loop(loop)
    try:
        yield
    finally:
        asyncio.set_event_loop_policy(before)
        asyncio.set_event_loop(loop)


@pytest.fixture
def running_app(
    qtbot: Any,
    run: Any,
    home: Path,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
    qasync_policy: None,
) -> Iterator[RunningApp]:
    """The app as ``main`` runs it on a fresh home (no OAuth app), with test parts."""
    base = AppPaths.under(home)
    real = profile_paths(base, demo=False)
    real.ensure()
    guard = InstanceGuard(instance_lock_path(real))
    assert guard.acquire()
    options = Options(sandbox_port=free_port())
    parts = {"env": {}, "open_url": browser, "keyring_backend": keyring_backend}
    ctx = build_context(options, paths=base, **parts)
    window = MainWindow()
    shell = Shell(options, base, guard, window, context_parts=parts)
    shell.start(ctx)
    window.resize(760, 640)
    window.show()  # not handed to qtbot: the switch deletes this window
    run(until(lambda: window.login_panel.first_run.isVisible(), message="never shown"))
    try:
        yield RunningApp(shell, base, window, ctx)
    finally:
        last = shell.window
        if isValid(last):
            last.close()
        run(shell.wait_closed(), timeout=30)
        guard.close()
        if last is not window and isValid(last):
            last.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


async def switched(app: RunningApp, *, demo: bool) -> None:
    """Until the app runs on the other profile, its new window shown and laid out."""

    def done() -> bool:
        window = app.shell.window
        return (
            app.shell.ctx.demo_mode == demo
            and window.isVisible()
            and window.login_panel.isVisible()
        )

    await until_idle(done, within=30, message="the app did not switch")


def test_try_the_demo_switches_this_app_to_the_demo_without_a_restart(
    qtbot: Any, run: Any, running_app: RunningApp, browser: FakeBrowser
) -> None:
    app = running_app
    first = app.first_window
    page = app.page
    assert page.isVisible()
    assert page.demo_button.objectName() == "PrimaryButton"
    assert page.demo_button.text() == "Try the demo"

    click(qtbot, page.demo_button)
    assert page.demo_progress.isVisible(), "starting the sandbox shows progress at once"
    assert not page.demo_button.isEnabled()
    run(switched(app, demo=True), timeout=35)

    ctx = app.shell.ctx
    window = app.shell.window
    assert window is not first
    assert ctx.demo_mode
    assert ctx.owns_sandbox
    assert ctx.paths.config_dir == app.base.config_dir / "sandbox"
    assert ctx.settings.client_id == DEFAULT_APP.client_id
    panel = window.login_panel
    # Signed out, on the demo's sign-in screen.
    assert ctx.accounts.current() is None
    assert panel.signin_page.isVisible()
    assert not panel.first_run.isVisible()
    assert panel.sign_in_button.isVisible()
    assert panel.demo_hint.isVisible()
    assert window.demo_badge.isVisible()
    assert "Leave the demo" in panel.demo_label.text()
    # The sandbox runs in this process and answers over loopback.
    assert ctx.sandbox is not None
    reply = httpx.get(ctx.sandbox.base_url + AUTHORIZE_PAGE, timeout=5)
    assert reply.status_code == 400
    assert 'data-error="invalid_client"' in reply.text
    # This process is now the demo instance; the real profile is free for another launch.
    assert lock_is_held(app.lock(demo=True))
    assert not lock_is_held(app.lock(demo=False))
    # The old context is closed in the background, the old window is gone.
    run(until(lambda: app.first_ctx.clients.closed, message="the old context stays open"))
    run(until(lambda: not isValid(first), message="the old window was not deleted"))

    # And the demo works: a demo user signs in.
    key = sign_in(qtbot, run, panel, browser)
    assert key.startswith("888@")


def test_leave_the_demo_switches_back_to_the_own_profile(
    qtbot: Any, run: Any, running_app: RunningApp
) -> None:
    app = running_app
    click(qtbot, app.page.demo_button)
    run(switched(app, demo=True), timeout=35)
    demo = app.shell.ctx
    sandbox = demo.sandbox
    assert sandbox is not None
    action = app.shell.window.leave_demo_action
    assert action.isVisible()

    action.trigger()
    run(switched(app, demo=False), timeout=35)

    ctx = app.shell.ctx
    assert not ctx.demo_mode
    assert ctx.paths.config_dir == app.base.config_dir
    assert not app.shell.window.leave_demo_action.isVisible()
    assert app.page.isVisible(), "back on the first-run screen of the own profile"
    assert lock_is_held(app.lock(demo=False))
    assert not lock_is_held(app.lock(demo=True))
    run(until(lambda: not sandbox.running, timeout=15, message="the demo's sandbox runs on"))
    # The demo kept its state for next time (written once its server has stopped).
    state = profile_paths(app.base, demo=True).data_dir / "sandbox-state.json"
    run(until(state.is_file, timeout=15, message="the demo's state was not saved"))


def test_try_the_demo_hands_over_to_a_demo_already_running(
    qtbot: Any, run: Any, running_app: RunningApp
) -> None:
    """Demo and real mode are separate instances: a running demo gets the hand-over."""
    app = running_app
    running_demo = InstanceGuard(app.lock(demo=True))
    assert running_demo.acquire()
    received: list[list[str]] = []
    running_demo.handedOver.connect(received.append)
    running_demo.listen()
    try:
        page = app.page
        click(qtbot, page.demo_button)
        run(until_idle(lambda: received and page.demo_button.isEnabled(), within=15))
    finally:
        running_demo.close()
    assert received == [[]]
    assert app.shell.window is app.first_window
    assert not app.shell.ctx.demo_mode
    assert page.demo_status.isVisible()
    assert "already open" in page.demo_status.text()
    assert not page.demo_progress.isVisible()
    assert lock_is_held(app.lock(demo=False)), "this app keeps its own profile"


def test_try_the_demo_says_when_the_running_demo_does_not_answer(
    qtbot: Any, run: Any, running_app: RunningApp
) -> None:
    app = running_app
    silent = InstanceGuard(app.lock(demo=True))
    assert silent.acquire()  # held, but nobody listens
    try:
        page = app.page
        click(qtbot, page.demo_button)
        run(until_idle(lambda: page.demo_button.isEnabled(), within=15), timeout=20)
    finally:
        silent.close()
    assert "does not answer" in page.demo_status.text()
    assert str(os.getpid()) in page.demo_status.text()
    assert app.shell.window is app.first_window
    assert not app.shell.ctx.demo_mode


# ------------------------------------------------------------- own OAuth app


@pytest.fixture
def own_app_panel(qtbot: Any, run: Any, make_ctx: MakeCtx, sandbox: SandboxServer) -> LoginPanel:
    """A fresh real profile whose service (API line and sign-in page host) is the sandbox."""
    ctx = make_ctx(sandbox=None)
    ctx.settings.set("api_base_url", sandbox.base_url)
    ctx.settings.set("auth_base_url", sandbox.base_url)
    panel = LoginPanel(ctx)
    show(qtbot, run, panel, height=900)
    assert panel.first_run.isVisible()
    click(qtbot, panel.first_run.own_app_button)
    assert panel.first_run.app_form.isVisible()
    return panel


def fill_form(
    qtbot: Any,
    panel: LoginPanel,
    *,
    client_id: str = DEFAULT_APP.client_id,
    secret: str = DEFAULT_APP.client_secret,
    redirect_uri: str = "",
) -> None:
    form = panel.first_run.app_form
    for edit, text in (
        (form.client_id.input, client_id),
        (form.secret_edit, secret),
        (form.redirect.input, redirect_uri),
    ):
        edit.clear()
        type_text(qtbot, edit, text)


def check(qtbot: Any, run: Any, panel: LoginPanel) -> str:
    form = panel.first_run.app_form
    click(qtbot, form.check_button)
    run(until_idle(lambda: form.check_result.isVisible() and form.check_button.isEnabled()))
    return str(form.check_result.text())


@pytest.mark.parametrize(
    ("client_id", "redirect_uri", "expected", "says"),
    [
        (DEFAULT_APP.client_id, "", PageVerdict.FOUND, "OhMyGPT Desktop (sandbox)"),
        ("0123456789abcdef01234567", "", PageVerdict.UNKNOWN_CLIENT, "does not know this client"),
        (
            DEFAULT_APP.client_id,
            "https://elsewhere.example/callback",
            PageVerdict.BAD_REDIRECT,
            "does not allow this redirect URI",
        ),
    ],
    ids=["good-client", "unknown-client", "bad-redirect"],
)
def test_check_reports_what_the_authorization_page_says(
    qtbot: Any,
    run: Any,
    own_app_panel: LoginPanel,
    sandbox: SandboxServer,
    client_id: str,
    redirect_uri: str,
    expected: PageVerdict,
    says: str,
) -> None:
    fill_form(qtbot, own_app_panel, client_id=client_id, redirect_uri=redirect_uri)
    text = check(qtbot, run, own_app_panel)
    form = own_app_panel.first_run.app_form
    assert form.last_check is not None
    assert form.last_check.verdict is expected
    assert says in text
    assert sandbox.state.request_counts["authorize_page"] == 1  # the page was really asked
    assert not own_app_panel.ctx.settings.client_id, "checking saves nothing"


def test_check_says_when_nothing_listens(qtbot: Any, run: Any, own_app_panel: LoginPanel) -> None:
    host = f"http://127.0.0.1:{free_port()}"
    own_app_panel.ctx.settings.set("auth_base_url", host)
    fill_form(qtbot, own_app_panel)
    text = check(qtbot, run, own_app_panel)
    form = own_app_panel.first_run.app_form
    assert form.last_check is not None
    assert form.last_check.verdict is PageVerdict.UNREACHABLE
    assert "Could not connect" in text
    assert "127.0.0.1" in text


def test_saving_the_own_app_shows_the_sign_in_button(
    qtbot: Any,
    run: Any,
    own_app_panel: LoginPanel,
    keyring_backend: MemoryKeyring,
    browser: FakeBrowser,
) -> None:
    panel = own_app_panel
    ctx = panel.ctx
    form = panel.first_run.app_form
    # Bad input: said plainly, and nothing typed is lost.
    fill_form(qtbot, panel, secret="")
    click(qtbot, form.save_button)
    assert form.secret_error.isVisible()
    assert "secret" in form.secret_error.text()
    assert form.client_id.input.text() == DEFAULT_APP.client_id
    assert not ctx.settings.client_id

    fill_form(qtbot, panel)
    click(qtbot, form.save_button)
    run(until_idle(lambda: panel.sign_in_button.isVisible(), message="no sign-in screen"))
    assert ctx.settings.client_id == DEFAULT_APP.client_id
    saved = json.loads(ctx.settings.path.read_text(encoding="utf-8"))
    assert saved["client_id"] == DEFAULT_APP.client_id
    assert DEFAULT_APP.client_secret not in ctx.settings.path.read_text(encoding="utf-8")
    service = client_secret_service(ctx.accounts.host)
    assert keyring_backend.entries[(service, DEFAULT_APP.client_id)] == DEFAULT_APP.client_secret

    # The secret that was saved is the one the sign-in uses.
    assert sign_in(qtbot, run, panel, browser).startswith("888@")


def test_the_own_app_form_refuses_a_secret_too_long_and_stores_nothing(
    qtbot: Any, run: Any, own_app_panel: LoginPanel, keyring_backend: MemoryKeyring
) -> None:
    """The same text rule as Settings and provisioning: a paste gone wrong is refused."""
    panel = own_app_panel
    ctx = panel.ctx
    form = panel.first_run.app_form
    fill_form(qtbot, panel, secret="s" * 601)
    click(qtbot, form.save_button)
    run(until_idle())
    assert form.secret_error.isVisible()
    assert "The client secret is too long." in form.secret_error.text()
    assert not ctx.settings.client_id
    assert not ctx.settings.path.exists()
    assert not keyring_backend.entries
    assert form.secret_edit.text() == "s" * 601, "what was typed is kept to correct"


# ---------------------------------------------------------- administrator


def test_ask_your_administrator_copies_a_ready_request(
    qtbot: Any, run: Any, make_ctx: MakeCtx
) -> None:
    panel = LoginPanel(make_ctx(sandbox=None))
    show(qtbot, run, panel, height=900)
    page = panel.first_run
    click(qtbot, page.admin_button)
    admin = page.admin_page
    assert admin.isVisible()
    text = admin.request_text.toPlainText()
    for needed in ("provisioning.json", "/etc/xdg/ohmygpt-desktop/", "OHMYGPT_PROVISIONING"):
        assert needed in admin.explanation.text() or needed in text, needed
    assert "client ID" in text
    assert "provisioning.json" in text
    QGuiApplication.clipboard().clear()
    click(qtbot, admin.copy_button)
    assert QGuiApplication.clipboard().text() == text
    assert admin.copied_label.isVisible()
    click(qtbot, admin.back_button)
    assert page.demo_button.isVisible() or page.own_app_button.isVisible()
    assert not admin.isVisible()


# ------------------------------------------------------- honest heuristic


SPA_PAGE = (
    "<!doctype html><html><head><title>OhMyGPT</title>"
    '<script src="/_next/static/chunks/main.js"></script></head>'
    '<body><div id="__next"></div></body></html>'
)


@pytest.mark.parametrize(
    ("status", "location", "body", "expected"),
    [
        (200, None, SPA_PAGE, PageVerdict.UNSURE),  # drawn by scripts: cannot tell
        (302, "https://www.ohmygpt.com/login?next=/next/v1/oauth", "", PageVerdict.REDIRECTED),
        (302, "https://app.example/cb?error=invalid_scope", "", PageVerdict.BAD_SCOPE),
        (400, None, '{"error": "invalid_client"}', PageVerdict.UNKNOWN_CLIENT),
        (400, None, "<p>redirect_uri_mismatch</p>", PageVerdict.BAD_REDIRECT),
        (400, None, "<p>Bad request</p>", PageVerdict.REFUSED),
        (404, None, "Not found", PageVerdict.NO_PAGE),
        (502, None, "<h1>Bad gateway</h1>", PageVerdict.SERVICE_ERROR),
    ],
    ids=["spa", "login", "error-redirect", "json-error", "text-error", "refused", "404", "502"],
)
def test_check_reads_replies_it_cannot_be_sure_of_honestly(
    status: int, location: str | None, body: str, expected: PageVerdict
) -> None:
    result = read_authorization_reply(
        status,
        location,
        body,
        client_id=DEFAULT_APP.client_id,
        redirect_uri="https://app.example/cb",
    )
    assert result.verdict is expected
