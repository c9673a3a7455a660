"""Signing in through the login panel, against the real sandbox over loopback.

Each test acts as the person would (click, approve in the sandbox's browser
pages, paste) and checks what they see and what the server received.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication

from ohmygpt_desktop.api import AuthorizationError
from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE, CODE_PAGE
from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.core.accounts import SignInError, SignInStep
from ohmygpt_desktop.core.loopback import LoopbackReceiver
from ohmygpt_desktop.core.oauth import PasteProblem, SignInAttempts
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.crash_dialog import install_crash_handler
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.asyncutil import recording, until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.sandbox_browser import authorize
from tests.helpers.signin import (
    FakeClock,
    approve_in_browser,
    click,
    free_port,
    paste,
    paste_and_settle,
    paste_refused,
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
    assert url.startswith(f"{sandbox.base_url}{AUTHORIZE_PAGE}?")
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
# A refused paste must not reach the server: each check of the request count runs
# once the panel has settled (``paste_refused``), so a request the paste had started
# would have been counted by then.


@pytest.mark.parametrize("action", ["authorize", "deny"])
def test_address_of_an_older_attempt_is_refused_without_a_token_request(
    action: str,
    qtbot: Any,
    run: Any,
    panel: LoginPanel,
    browser: FakeBrowser,
    sandbox: SandboxServer,
) -> None:
    click(qtbot, panel.sign_in_button)
    old_location = authorize(browser.last, action=action)
    click(qtbot, panel.stop_waiting_button)  # starting over: a newer attempt
    click(qtbot, panel.sign_in_button)
    assert len(browser.opened) == 2
    newest = panel.ctx.attempts.current
    refusal = paste_refused(qtbot, run, panel, old_location)
    assert refusal == problem_text(PasteProblem.STATE_MISMATCH)
    assert token_requests(sandbox) == 0
    assert panel.ctx.accounts.accounts() == []
    assert panel.ctx.attempts.current is newest

    # Editing the field clears the message; the newest attempt still works.
    panel.paste_field.clear()
    assert not panel.paste_error.isVisible()
    assert sign_in_pending(qtbot, run, panel, browser) == "888@sandbox"
    assert token_requests(sandbox) == 1


@pytest.mark.parametrize("pasted", ["code", "address"])
def test_expired_attempt_is_refused_without_a_token_request(
    pasted: str,
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    browser: FakeBrowser,
    sandbox: SandboxServer,
) -> None:
    ctx = make_ctx()
    clock = FakeClock()
    ctx.attempts = SignInAttempts(clock=clock)
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    click(qtbot, panel.sign_in_button)
    code, location = approve_in_browser(browser)
    clock.advance(10 * 60 + 1)
    refusal = paste_refused(qtbot, run, panel, code if pasted == "code" else location)
    assert refusal == problem_text(PasteProblem.EXPIRED)
    assert "10 minutes" in refusal
    assert token_requests(sandbox) == 0
    assert ctx.accounts.accounts() == []


def test_denied_authorization_is_explained(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    click(qtbot, panel.sign_in_button)
    location = authorize(browser.last, action="deny")
    assert "error=access_denied" in location
    assert paste_refused(qtbot, run, panel, location) == problem_text(PasteProblem.DENIED)
    assert token_requests(sandbox) == 0


def test_paste_before_starting_asks_to_start(
    qtbot: Any, run: Any, panel: LoginPanel, sandbox: SandboxServer
) -> None:
    refusal = paste_refused(qtbot, run, panel, "abcdEFGH1234abcd")
    assert refusal == problem_text(PasteProblem.NO_ATTEMPT)
    assert token_requests(sandbox) == 0


def test_replayed_code_is_refused(
    qtbot: Any,
    run: Any,
    panel: LoginPanel,
    browser: FakeBrowser,
    sandbox: SandboxServer,
    keyring_backend: MemoryKeyring,
) -> None:
    signed: list[str] = []
    panel.signedIn.connect(signed.append)
    click(qtbot, panel.sign_in_button)
    code, location = approve_in_browser(browser, "888")
    paste_and_settle(qtbot, run, panel, location)
    assert signed == ["888@sandbox"]
    stored = dict(keyring_backend.entries)
    assert token_requests(sandbox) == 1

    # "Add account…": the same address again, before and after starting a new
    # attempt, is refused here without asking the server.
    panel.prepare(can_cancel=True)
    assert panel.title_label.text() == "Add an OhMyGPT account"
    assert paste_refused(qtbot, run, panel, location) == problem_text(PasteProblem.NO_ATTEMPT)
    click(qtbot, panel.sign_in_button)
    refusal = paste_refused(qtbot, run, panel, location)
    assert refusal == problem_text(PasteProblem.STATE_MISMATCH)
    assert token_requests(sandbox) == 1

    # The bare code (no state to check): the server refuses it the second time.
    paste_and_settle(qtbot, run, panel, code)
    assert panel.error_box.isVisible()
    assert panel.error_label.text() == describe(
        SignInError(SignInStep.EXCHANGE_CODE, AuthorizationError())
    )
    assert panel.error_label.text().startswith(step_name(SignInStep.EXCHANGE_CODE))
    assert token_requests(sandbox) == 2
    assert signed == ["888@sandbox"]
    assert [a.key for a in panel.ctx.accounts.accounts()] == ["888@sandbox"]
    assert keyring_backend.entries == stored


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


def test_a_refused_user_info_read_names_the_read(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    """A 403 while reading the account says what was read, not "recharge orders"."""
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser)
    sandbox.state.set_fault("user_info", "status", status=403, times=1)
    paste(qtbot, panel, code)
    wait_idle(run, panel)
    text = panel.error_label.text()
    assert text.startswith(step_name(SignInStep.READ_USER)), text
    assert "Reading your account needs" in text, text
    assert "recharge orders" not in text, text
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
    assert url.startswith(f"{sandbox.base_url}{AUTHORIZE_PAGE}?")
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
    assert panel.waiting_label.text() == "Waiting for you to approve in your browser…"
    assert "finishes by itself" in panel.loopback_label.text()
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


#: What the browser shows for a redirect that is not for the pending attempt.
NOT_WAITING = "This sign-in link is not for a sign-in this app is waiting for."


def loopback_panel(qtbot: Any, run: Any, make_ctx: MakeCtx) -> tuple[LoginPanel, str]:
    """A login panel whose redirect URI is a free loopback port (the app listens there)."""
    redirect = f"http://127.0.0.1:{free_port()}/callback"
    panel = LoginPanel(make_ctx(options=Options(overrides={"redirect_uri": redirect})))
    show(qtbot, run, panel)
    return panel, redirect


async def browser_request(url: str, method: str = "GET") -> httpx.Response:
    """What a browser tab (or any other local program) sends to the loopback port."""
    async with httpx.AsyncClient(trust_env=False) as client:
        return await client.request(method, url)


def code_in(location: str) -> str:
    return parse_qs(urlsplit(location).query)["code"][0]


def assert_refused_page(response: httpx.Response) -> None:
    assert response.status_code == 400
    assert NOT_WAITING in response.text
    assert "signed in" not in response.text.lower()
    assert "cancelled" not in response.text.lower()
    assert "denied" not in response.text.lower()


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param("code={code}", id="no-state"),
        pytest.param("code={code}&state=forged", id="another-state"),
        pytest.param("code={code}&state=", id="empty-state"),
        pytest.param("code={code}&state={state}x", id="longer-state"),
        pytest.param("code={code}&state={state}&state={state}", id="two-states"),
        pytest.param("code={code}&state=%C3%A9", id="non-ascii-state"),
    ],
)
def test_loopback_redirect_not_for_the_pending_attempt_is_refused(
    forged: str,
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    browser: FakeBrowser,
    sandbox: SandboxServer,
) -> None:
    panel, redirect = loopback_panel(qtbot, run, make_ctx)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    click(qtbot, panel.sign_in_button)
    attempt = panel.ctx.attempts.current
    # Another local program holds a real code for the attacker's own account (bob) and
    # sends it to the port, without the state only the person's browser knows.
    attacker_code = code_in(authorize(browser.last, user_id="1024"))
    genuine = authorize(browser.last, user_id="888")  # the person approves as alice

    async def scenario() -> None:
        refused = await browser_request(
            f"{redirect}?{forged.format(code=attacker_code, state=attempt.state)}"
        )
        assert_refused_page(refused)
        assert panel.ctx.attempts.current is attempt  # still waiting
        assert not panel.busy()
        assert panel.loopback_label.isVisible()
        assert not panel.paste_error.isVisible()
        # The person's own browser comes back: that sign-in completes.
        assert (await browser_request(genuine)).status_code == 200
        await until_idle(lambda: keys)

    run(scenario())
    assert keys == ["888@sandbox"]
    assert [a.email for a in panel.ctx.accounts.accounts()] == ["alice@example.com"]
    assert token_requests(sandbox) == 1  # the attacker's code never reached the server


def test_redirect_without_state_is_not_taken_like_a_pasted_code(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    # Defence in depth: even if a redirect without state got past the listener, the
    # panel does not accept it the way it accepts a bare pasted code.
    panel, redirect = loopback_panel(qtbot, run, make_ctx)
    click(qtbot, panel.sign_in_button)
    attempt = panel.ctx.attempts.current
    code = code_in(authorize(browser.last, user_id="1024"))
    for sent in (f"{redirect}?code={code}", code):
        with recording(panel.settled) as settled:
            panel._on_redirect(sent)
            run(until_idle(lambda: settled, message="the login panel never settled"))
        assert not panel.busy()
        assert panel.paste_error.text() == problem_text(PasteProblem.STATE_MISMATCH), sent
        assert panel.ctx.attempts.current is attempt
    assert token_requests(sandbox) == 0
    assert panel.ctx.accounts.accounts() == []


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("error=access_denied", id="no-state"),
        pytest.param("error=access_denied&state=forged", id="another-state"),
        pytest.param("error=access_denied&state={state}&state={state}", id="two-states"),
    ],
)
def test_loopback_error_without_the_right_state_does_not_cancel(
    query: str,
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    browser: FakeBrowser,
    sandbox: SandboxServer,
) -> None:
    panel, redirect = loopback_panel(qtbot, run, make_ctx)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    click(qtbot, panel.sign_in_button)
    attempt = panel.ctx.attempts.current
    genuine = authorize(browser.last, user_id="888")

    async def scenario() -> None:
        assert_refused_page(
            await browser_request(f"{redirect}?{query.format(state=attempt.state)}")
        )
        assert panel.ctx.attempts.current is attempt
        assert (await browser_request(genuine)).status_code == 200
        await until_idle(lambda: keys)

    run(scenario())
    assert keys == ["888@sandbox"]
    assert not panel.paste_error.isVisible()
    assert token_requests(sandbox) == 1


def test_loopback_error_with_the_right_state_cancels(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    panel, _ = loopback_panel(qtbot, run, make_ctx)
    click(qtbot, panel.sign_in_button)
    denied = authorize(browser.last, action="deny")
    assert f"state={panel.ctx.attempts.current.state}" in denied

    async def scenario() -> httpx.Response:
        response = await browser_request(denied)
        await until_idle(panel.paste_error.isVisible)
        return response

    page = run(scenario())
    assert page.status_code == 200
    assert "Sign-in cancelled" in page.text
    assert panel.paste_error.text() == problem_text(PasteProblem.DENIED)
    assert token_requests(sandbox) == 0


def test_loopback_answers_only_get_on_its_path(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    panel, redirect = loopback_panel(qtbot, run, make_ctx)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    click(qtbot, panel.sign_in_button)
    genuine = authorize(browser.last, user_id="888")  # right state, real code
    query = urlsplit(genuine).query
    port = urlsplit(redirect).port

    async def scenario() -> None:
        for path in ("/", "/other", "/callback/", "/callback/x", "/CALLBACK"):
            response = await browser_request(f"http://127.0.0.1:{port}{path}?{query}")
            assert response.status_code == 404, path
        for method in ("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"):
            response = await browser_request(genuine, method)
            assert response.status_code == 405, method
            assert response.headers["allow"] == "GET"
        assert not panel.busy()
        assert (await browser_request(genuine)).status_code == 200
        await until_idle(lambda: keys)

    run(scenario())
    assert keys == ["888@sandbox"]
    assert token_requests(sandbox) == 1  # only the GET on the registered path counted


def test_loopback_receiver_refuses_all_when_no_attempt_is_pending(run: Any) -> None:
    redirect = f"http://127.0.0.1:{free_port()}/callback"
    received: list[str] = []
    receiver = LoopbackReceiver(
        redirect,
        received.append,
        loop=asyncio.get_event_loop(),
        translate=lambda context, text: f"[{context}] {text}",  # pages are translated
    )
    receiver.start()
    try:

        async def scenario() -> None:
            refused = await browser_request(f"{redirect}?code=abcd1234&state=S1")
            assert_refused_page(refused)
            assert f"[LoopbackPage] {NOT_WAITING}" in refused.text
            receiver.expect("S1")
            assert (await browser_request(f"{redirect}?code=abcd1234&state=S1")).status_code == 200
            await until(lambda: received)
            receiver.expect(None)  # the attempt ended
            assert_refused_page(await browser_request(f"{redirect}?code=efgh5678&state=S1"))

        run(scenario())
    finally:
        receiver.stop()
    assert received == [f"{redirect}?code=abcd1234&state=S1"]


def test_leaving_the_screen_stops_listening(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    panel, redirect = loopback_panel(qtbot, run, make_ctx)
    click(qtbot, panel.sign_in_button)
    assert panel._receiver is not None
    panel.hide()
    assert panel._receiver is None
    run(until(lambda: port_closed(urlsplit(redirect).port), timeout=3))


MALFORMED_ADDRESSES = [
    "http://[::1/?code=abcd1234",
    "http://]/?code=abcd1234&state={state}",
    "https://[abc]/callback?code=abcd1234",
    "http://a\uff03b/?code=abcd1234",
    "//[/?code=abcd1234",
    "http://[12345::1]/?code=abcd1234&state={state}",
    "http://[::1/?error=access_denied",
]


def test_malformed_pasted_address_is_a_field_error(
    qtbot: Any,
    run: Any,
    loop: Any,
    panel: LoginPanel,
    browser: FakeBrowser,
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    crash = install_crash_handler(None, lambda: panel, loop=loop, folder_opener=lambda _: True)
    reported: list[BaseException] = []
    monkeypatch.setattr(crash, "report", lambda exc, *args, **kwargs: reported.append(exc))
    try:
        click(qtbot, panel.sign_in_button)
        state = panel.ctx.attempts.current.state
        for text in MALFORMED_ADDRESSES:
            refusal = paste_refused(qtbot, run, panel, text.format(state=state))
            assert reported == [], text
            assert refusal == problem_text(PasteProblem.NOT_A_CODE), text
        # A state that cannot even be compared is a mismatch, not a crash.
        refusal = paste_refused(qtbot, run, panel, "http://127.0.0.1/cb?code=abcd1234&state=%C3%A9")
        assert reported == []
        assert refusal == problem_text(PasteProblem.STATE_MISMATCH)
        assert crash.dialog is None
    finally:
        crash.uninstall()
    assert token_requests(sandbox) == 0
    # The attempt still works with the real code.
    key = sign_in_pending(qtbot, run, panel, browser)
    assert key == "888@sandbox"


def sign_in_pending(qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser) -> str:
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))
    return keys[0]


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


def test_configured_real_service_has_no_demo_hint(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx(sandbox=None, options=Options(overrides={"client_id": "my-app"}))
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    assert panel.signin_page.isVisible()
    assert not panel.demo_hint.isVisible()
    click(qtbot, panel.sign_in_button)
    real = "https://next.ohmygpt.com"  # the service's own sign-in host, not the sandbox
    assert browser.last.startswith(f"{real}{AUTHORIZE_PAGE}?")
    query = parse_qs(urlsplit(browser.last).query)
    assert query["client_id"] == ["my-app"]
    assert query["redirect_uri"] == [f"{real}{CODE_PAGE}"]


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


# ------------------------------------------------------------------ waiting


def test_waiting_for_the_browser_says_so_and_offers_cancel_and_open_again(
    qtbot: Any, run: Any, panel: LoginPanel, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    """While the person is in the browser the panel says it is waiting; Sign in does
    not invite a second click: the page can be opened again (the same sign-in), or the
    sign-in cancelled."""
    click(qtbot, panel.sign_in_button)
    attempt = panel.ctx.attempts.current
    assert attempt is not None
    assert not panel.sign_in_button.isVisible()
    assert panel.waiting_label.isVisible()
    assert panel.waiting_label.text() == "Waiting for you to approve in your browser…"
    assert panel.open_again_button.text() == "Open the page again"

    click(qtbot, panel.open_again_button)
    assert browser.opened == [browser.opened[0]] * 2  # the same page, the same sign-in
    assert panel.ctx.attempts.current is attempt

    click(qtbot, panel.stop_waiting_button)
    assert panel.ctx.attempts.current is None
    assert not panel.waiting_label.isVisible()
    assert panel.sign_in_button.isVisible()
    assert panel.sign_in_button.isEnabled()
    # The page opened before cannot finish a sign-in any more.
    location = authorize(browser.last)
    refusal = paste_refused(qtbot, run, panel, location)
    assert refusal
    assert token_requests(sandbox) == 0
