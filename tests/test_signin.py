"""Signing in through the login panel, against the real sandbox over loopback.

Each test acts as the person would (click, approve in the sandbox's browser
pages, paste) and checks what they see and what the server received.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication

from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.core.accounts import SignInStep
from ohmygpt_desktop.core.oauth import PasteProblem, SignInAttempts
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.login_panel import SANDBOX_COMMAND, LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.sandbox_browser import authorize
from tests.helpers.signin import (
    FakeClock,
    approve_in_browser,
    click,
    free_port,
    paste,
    show,
    sign_in,
    until_idle,
    wait_idle,
)

MakeCtx = Callable[..., AppContext]


def problem_text(problem: PasteProblem) -> str:
    return QCoreApplication.translate("SignIn", problem.value)


def step_name(step: SignInStep) -> str:
    return QCoreApplication.translate("SignIn", step.value)


def token_requests(sandbox: SandboxServer) -> int:
    return sandbox.state.request_counts["issue_token"]


@pytest.fixture
def panel(qtbot: Any, run: Any, make_ctx: MakeCtx) -> LoginPanel:
    widget = LoginPanel(make_ctx())
    show(qtbot, run, widget)
    return widget


# ----------------------------------------------------------------- happy paths


def test_full_sign_in_shows_the_account(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    ctx = make_ctx()
    window = MainWindow(ctx)
    show(qtbot, run, window)
    panel = window.login_panel
    assert window.pages.currentWidget() is panel
    assert panel.title_label.text() == "Sign in to OhMyGPT"
    assert not window.switcher.isVisible()  # no accounts yet

    click(qtbot, panel.sign_in_button)
    url = browser.last
    assert url.startswith(sandbox.base_url + "/next/v1/oauth?")
    assert f"state={ctx.attempts.current.state}" in url
    assert not panel.browser_box.isVisible()

    code, _ = approve_in_browser(browser, "888")
    assert not panel.continue_button.isEnabled()
    qtbot.keyClicks(panel.paste_field, code)
    assert panel.continue_button.isEnabled()
    click(qtbot, panel.continue_button)

    # The exchange runs in the background: progress shown, inputs locked.
    assert panel.busy()
    assert panel.progress_row.isVisible()
    assert panel.progress_label.text() == "Signing in…"
    assert not panel.paste_field.isEnabled()
    assert not panel.sign_in_button.isEnabled()

    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    assert not panel.busy()
    assert window.switcher.isVisible()
    assert "alice@example.com" in window.switcher.button.text()
    account = ctx.accounts.current()
    assert account is not None
    assert account.key == "888@sandbox"
    assert account.record.token_storage == "keyring"
    assert token_requests(sandbox) == 1
    assert sandbox.state.request_counts["user_info"] == 1
    assert ctx.attempts.current is None  # the attempt is finished
    assert ("success", "Signed in as alice@example.com.") in [
        (level.value, text) for level, text in ctx.messages.history
    ]


def test_whole_redirect_address_can_be_pasted(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    click(qtbot, panel.sign_in_button)
    _, location = approve_in_browser(browser, "1024")
    assert "code=" in location
    assert "state=" in location
    paste(qtbot, panel, location)
    run(until_idle(lambda: keys))
    assert keys == ["1024@sandbox"]
    assert panel.ctx.accounts.current().email == "bob@example.com"


def test_enter_submits_only_non_empty_text(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    qtbot.keyClicks(panel.paste_field, "   ")
    assert not panel.continue_button.isEnabled()
    qtbot.keyClick(panel.paste_field, "\r")
    assert not panel.busy()
    assert not panel.paste_error.isVisible()
    key = sign_in(qtbot, run, panel, browser, "2048")
    assert key == "2048@sandbox"


# ------------------------------------------------------------------ refusals


def test_code_of_an_older_attempt_is_refused_without_a_token_request(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    _, old_location = approve_in_browser(browser)
    click(qtbot, panel.sign_in_button)  # a new attempt replaces the old one
    assert len(browser.opened) == 2
    paste(qtbot, panel, old_location)
    assert panel.paste_error.isVisible()
    assert panel.paste_error.text() == problem_text(PasteProblem.STATE_MISMATCH)
    assert not panel.busy()
    run(asyncio.sleep(0.05))
    assert token_requests(sandbox) == 0
    assert panel.ctx.accounts.accounts() == []

    # Editing the field clears the message; the newest attempt still works.
    panel.paste_field.clear()
    assert not panel.paste_error.isVisible()
    _, location = approve_in_browser(browser)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    paste(qtbot, panel, location)
    run(until_idle(lambda: keys))
    assert token_requests(sandbox) == 1


def test_expired_attempt_is_refused(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    ctx = make_ctx()
    clock = FakeClock()
    ctx.attempts = SignInAttempts(clock=clock)
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser)
    clock.advance(10 * 60 + 1)
    paste(qtbot, panel, code)
    assert panel.paste_error.text() == problem_text(PasteProblem.EXPIRED)
    assert "10 minutes" in panel.paste_error.text()
    assert not panel.busy()
    assert token_requests(sandbox) == 0


def test_denied_authorization_is_explained(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    location = authorize(browser.last, action="deny")
    assert "error=access_denied" in location
    paste(qtbot, panel, location)
    assert panel.paste_error.isVisible()
    assert panel.paste_error.text() == problem_text(PasteProblem.DENIED)
    run(asyncio.sleep(0.05))
    assert token_requests(sandbox) == 0


def test_paste_before_starting_asks_to_start(
    qtbot: Any, panel: LoginPanel, sandbox: SandboxServer
) -> None:
    paste(qtbot, panel, "abcdEFGH1234abcd")
    assert panel.paste_error.text() == problem_text(PasteProblem.NO_ATTEMPT)
    assert token_requests(sandbox) == 0


# ------------------------------------------------------------------ failures


def test_wrong_code_names_the_exchange_step_and_retry_starts_again(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    first_state = panel.ctx.attempts.current.state
    paste(qtbot, panel, "WRONGcode1234567")
    wait_idle(run, panel)
    assert panel.error_box.isVisible()
    message = panel.error_label.text()
    assert message.startswith(step_name(SignInStep.EXCHANGE_CODE))
    assert "Traceback" not in message
    assert token_requests(sandbox) == 1
    assert panel.retry_button.isVisible()
    assert "only once" in panel.retry_note.text()
    assert panel.paste_field.isEnabled()

    click(qtbot, panel.retry_button)  # a new attempt: codes are single-use
    assert len(browser.opened) == 2
    assert panel.ctx.attempts.current.state != first_state
    assert not panel.error_box.isVisible()
    assert panel.paste_field.text() == ""
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))
    assert keys == ["888@sandbox"]


def test_reused_code_is_refused_by_the_server(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))

    panel.prepare(can_cancel=True)  # "Add account…"
    assert panel.title_label.text() == "Add an OhMyGPT account"
    click(qtbot, panel.sign_in_button)
    paste(qtbot, panel, code)
    wait_idle(run, panel)
    assert panel.error_label.text().startswith(step_name(SignInStep.EXCHANGE_CODE))
    assert token_requests(sandbox) == 2
    assert len(panel.ctx.accounts.accounts()) == 1
    assert keys == ["888@sandbox"]


def test_unreachable_service_names_the_step(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser)
    sandbox.state.set_fault("user_info", "status", status=500, times=1)
    paste(qtbot, panel, code)
    wait_idle(run, panel)
    assert panel.error_label.text().startswith(step_name(SignInStep.READ_USER))
    assert panel.ctx.accounts.accounts() == []


# ------------------------------------------------------------------ browser


def test_browser_that_fails_to_open_shows_the_address_to_copy(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    browser.works = False
    click(qtbot, panel.sign_in_button)
    assert panel.browser_box.isVisible()
    assert step_name(SignInStep.OPEN_BROWSER) in panel.browser_message.text()
    assert "Copy this address into your browser." in panel.browser_message.text()
    url = panel.url_field.text()
    assert url.startswith(sandbox.base_url + "/next/v1/oauth?")
    assert f"state={panel.ctx.attempts.current.state}" in url
    assert panel.url_field.isReadOnly()

    QGuiApplication.clipboard().clear()
    click(qtbot, panel.copy_url_button)
    assert QGuiApplication.clipboard().text() == url
    assert panel.copied_label.isVisible()

    # The person pastes the address into a browser by hand and finishes.
    browser.opened.append(url)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))
    assert keys == ["888@sandbox"]


def test_browser_opener_that_raises_is_handled(
    qtbot: Any, run: Any, make_ctx: MakeCtx, sandbox: SandboxServer
) -> None:
    def broken(url: str) -> bool:
        raise OSError("no browser here")

    panel = LoginPanel(make_ctx(open_url=broken))
    show(qtbot, run, panel)
    click(qtbot, panel.sign_in_button)
    assert panel.browser_box.isVisible()
    assert panel.url_field.text().startswith(sandbox.base_url)
    assert "Traceback" not in panel.browser_message.text()


def test_address_can_be_shown_after_the_browser_opened(
    qtbot: Any, panel: LoginPanel, browser: FakeBrowser
) -> None:
    click(qtbot, panel.sign_in_button)
    assert not panel.browser_box.isVisible()
    click(qtbot, panel.show_url_button)
    assert panel.browser_box.isVisible()
    assert panel.url_field.text() == browser.last


# ------------------------------------------------------------------ loopback


def test_loopback_redirect_signs_in_without_pasting(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    port = free_port()
    redirect = f"http://127.0.0.1:{port}/callback"
    ctx = make_ctx(options=Options(overrides={"redirect_uri": redirect}))
    assert ctx.settings.effective_redirect_uri() == redirect
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)

    click(qtbot, panel.sign_in_button)
    assert panel.loopback_label.isVisible()
    assert "Waiting for your browser" in panel.loopback_label.text()
    assert panel.paste_field.isEnabled()  # pasting stays possible
    location = authorize(browser.last, user_id="888")
    assert location.startswith(redirect + "?code=")

    async def browser_follows_redirect() -> int:
        async with httpx.AsyncClient(trust_env=False) as client:
            response = await client.get(location)
        await until_idle(lambda: keys)  # in the same run: the sign-in is not cut short
        return response.status_code

    assert run(browser_follows_redirect()) == 200
    assert keys == ["888@sandbox"]
    assert panel.paste_field.text() == ""
    assert token_requests(sandbox) == 1
    assert panel._receiver is None  # stopped once done

    # A stale redirect after the sign-in is not served any more.
    run(until(lambda: port_closed(port), timeout=3))


def port_closed(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def test_loopback_receiver_checks_the_state(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    port = free_port()
    redirect = f"http://127.0.0.1:{port}/callback"
    panel = LoginPanel(make_ctx(options=Options(overrides={"redirect_uri": redirect})))
    show(qtbot, run, panel)
    click(qtbot, panel.sign_in_button)

    async def forged() -> None:
        async with httpx.AsyncClient(trust_env=False) as client:
            await client.get(f"{redirect}?code=abcdEFGH12345678&state=forged")
        await until_idle(panel.paste_error.isVisible)

    run(forged())
    assert panel.paste_error.text() == problem_text(PasteProblem.STATE_MISMATCH)
    assert token_requests(sandbox) == 0
    panel.hide()  # leaving the screen stops listening
    assert panel._receiver is None
    run(until(lambda: port_closed(port), timeout=3))


def test_demo_mode_uses_the_code_page_not_a_listener(
    qtbot: Any, panel: LoginPanel, sandbox: SandboxServer
) -> None:
    # In demo mode the redirect URI is the sandbox's own code page on 127.0.0.1.
    assert panel.ctx.settings.effective_redirect_uri().startswith(sandbox.base_url)
    click(qtbot, panel.sign_in_button)
    assert panel._receiver is None
    assert not panel.loopback_label.isVisible()
    assert panel.demo_hint.isVisible()
    assert "demo user" in panel.demo_label.text()


# ------------------------------------------------------------- other screens


def test_no_oauth_app_offers_settings_and_the_sandbox(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx(sandbox=None)
    assert not ctx.oauth_configured()
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    assert panel.setup_page.isVisible()
    assert not panel.sign_in_button.isVisible()
    assert "No OhMyGPT app is set up yet" in panel.setup_text.text()
    assert "--sandbox" in panel.sandbox_text.text() or panel.command_field.text() == (
        SANDBOX_COMMAND
    )
    requested: list[bool] = []
    panel.settingsRequested.connect(lambda: requested.append(True))
    click(qtbot, panel.open_settings_button)
    assert requested == [True]
    click(qtbot, panel.copy_command_button)
    assert QGuiApplication.clipboard().text() == "ohmygpt-desktop --sandbox"
    assert browser.opened == []


def test_configured_real_service_has_no_demo_hint(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx(sandbox=None, options=Options(overrides={"client_id": "my-app"}))
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    assert panel.signin_page.isVisible()
    assert not panel.demo_hint.isVisible()
    click(qtbot, panel.sign_in_button)
    assert browser.last.startswith("https://next.ohmygpt.com/next/v1/oauth?")
    assert "client_id=my-app" in browser.last
    assert "redirect_uri=https%3A%2F%2Fnext.ohmygpt.com%2Fnext%2Fv1%2Foauth%2Fsucceed" in (
        browser.last
    )


def test_cancel_link_only_when_allowed(qtbot: Any, panel: LoginPanel, browser: FakeBrowser) -> None:
    assert not panel.cancel_button.isVisible()
    panel.prepare(can_cancel=True)
    assert panel.cancel_button.isVisible()
    click(qtbot, panel.sign_in_button)
    assert panel.ctx.attempts.current is not None
    cancelled: list[bool] = []
    panel.cancelRequested.connect(lambda: cancelled.append(True))
    click(qtbot, panel.cancel_button)
    assert cancelled == [True]
    assert panel.ctx.attempts.current is None


def test_prepare_keeps_a_pending_attempt(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser
) -> None:
    click(qtbot, panel.sign_in_button)
    attempt = panel.ctx.attempts.current
    panel.prepare(can_cancel=False)  # e.g. the window re-renders at start-up
    assert panel.ctx.attempts.current is attempt
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))


def test_texts_are_retranslated_on_language_change(qtbot: Any, panel: LoginPanel) -> None:
    panel.title_label.setText("")
    panel.sign_in_button.setText("")
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.title_label.text() == "Sign in to OhMyGPT"
    assert panel.sign_in_button.text() == "Sign in with OhMyGPT"


def test_keyring_backend_fixture_is_used(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, keyring_backend: MemoryKeyring
) -> None:
    key = sign_in(qtbot, run, panel, browser, "888")
    token = panel.ctx.accounts.get(key).token
    assert keyring_backend.entries[("ohmygpt-desktop:sandbox", "888")] == token.reveal()
    assert "MainThread" not in keyring_backend.threads  # never on the GUI thread
