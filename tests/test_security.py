"""Secrets stay secret, payment links are checked, OAuth refuses what is not its own.

* A whole debug-logged session (two sign-ins, a paid recharge, the token revealed
  and hidden, errors with the token in use, a crash, a sign-out, close) leaves no
  token and no client secret in any file the app writes, in the crash dialog, or
  in any exception the app made along the way.
* Payment links in order replies must be https on an allowed origin: everything
  else is refused in the recharge dialog, nothing is opened, nothing recorded.
* (The sign-in's refusals of a code of another attempt, a replayed code and an
  expired attempt are in test_signin.py.)
* The files the app keeps are owner-only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox

from ohmygpt_desktop.api import (
    ApiError,
    AuthorizationError,
    InvalidTokenError,
    Secret,
    ServerError,
    UnsafeUrlError,
)
from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.accounts import SignInError, SignInStep
from ohmygpt_desktop.core.logs import setup_logging
from ohmygpt_desktop.core.orders import OrderStatus
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.recharge import OrderOutcomeUnknown
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.sandbox import DEFAULT_APP, SandboxServer
from ohmygpt_desktop.ui.crash_dialog import install_crash_handler
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from ohmygpt_desktop.ui.tasks import Op
from tests.helpers import sandbox_browser
from tests.helpers.asyncutil import until, wait_signal
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.recharging import (
    Widgets,
    open_recharge,
    type_amount,
    wait_idle,
    wait_requests_done,
    widget_scope,
)
from tests.helpers.recharging import click as click_widget
from tests.helpers.signin import (
    approve_in_browser,
    click,
    paste,
    show,
    sign_in,
    until_idle,
)
from tests.helpers.signin import wait_idle as wait_panel_idle

# The offscreen platform cannot raise windows or take size hints; real ones can.

CLIENT_SECRET = DEFAULT_APP.client_secret
#: Loggers setup_logging() quietens; put back as they were afterwards.
_QUIETENED = ("httpx", "httpcore", "uvicorn.access", "asyncio", "keyring")


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


@pytest.fixture
def debug_log(home: Path) -> Iterator[Path]:
    """``--debug`` logging into the temporary home, as ``main()`` sets it up; undone after."""
    root = logging.getLogger()
    level = root.level
    handlers = list(root.handlers)
    quiet = {name: logging.getLogger(name).level for name in _QUIETENED}
    log_file = AppPaths.under(home).log_file
    setup_logging(log_file, debug=True)
    yield log_file
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, value in quiet.items():
        logging.getLogger(name).setLevel(value)


@pytest.fixture
def made_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Every ApiError, SignInError and OrderOutcomeUnknown the app creates in the test."""
    made: list[BaseException] = []
    for cls in (ApiError, SignInError, OrderOutcomeUnknown):
        original = cls.__init__

        def recording(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> None:
            __original(self, *args, **kwargs)
            made.append(self)

        monkeypatch.setattr(cls, "__init__", recording)
    return made


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def files_under(*folders: Path) -> list[Path]:
    found: set[Path] = set()
    for folder in folders:
        if folder.exists():
            found.update(p for p in folder.rglob("*") if p.is_file())
    return sorted(found)


def leaks(text: bytes | str, secrets: set[str]) -> list[str]:
    """The secrets found in ``text`` (shortened, so a failure message leaks nothing)."""
    if isinstance(text, bytes):
        found = [s for s in secrets if s.encode() in text]
    else:
        found = [s for s in secrets if s in text]
    return [f"{s[:14]}…({len(s)} chars)" for s in found]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------- a whole session


def test_debug_session_leaves_no_secret_anywhere(
    qtbot: Any,
    run: Any,
    loop: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
    home: Path,
    debug_log: Path,
    made_errors: list[BaseException],
) -> None:
    ctx = make_ctx(payment_intervals=(3600,))
    window = MainWindow(ctx)
    show(qtbot, run, window, width=900, height=680)
    window.start()
    run(until_idle())
    switcher = window.switcher
    panel = window.login_panel
    tokens: set[str] = set()

    # Two accounts through the login panel ("Add account…" for the second).
    alice = sign_in(qtbot, run, panel, browser, "888")
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    switcher.add_action.trigger()
    assert window.pages.currentWidget() is panel
    bob = sign_in(qtbot, run, panel, browser, "1024")
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    assert {a.key for a in ctx.accounts.accounts()} == {alice, bob}
    tokens.update(a.token.reveal() for a in ctx.accounts.accounts() if a.token is not None)
    assert len(tokens) == 2

    # A replayed code on "Add account…": refused by the server (a SignInError made).
    switcher.add_action.trigger()
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser, "2048")
    paste(qtbot, panel, code)
    run(until_idle(lambda: ctx.accounts.get("2048@sandbox") is not None))
    tokens.update(a.token.reveal() for a in ctx.accounts.accounts() if a.token is not None)
    switcher.add_action.trigger()
    click(qtbot, panel.sign_in_button)
    paste(qtbot, panel, code)
    wait_panel_idle(run, panel)
    assert panel.error_label.text().startswith(tr("SignIn", SignInStep.EXCHANGE_CODE.value))
    click(qtbot, panel.cancel_button)
    switcher.switch_to(bob)

    # Recharge bob through the switcher's menu action, pay on the sandbox's page.
    switcher.recharge_action.trigger()
    dialogs = [d for d in window.findChildren(RechargeDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    type_amount(qtbot, dialog, "10")
    click_widget(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    wait_requests_done(run, ctx)
    record = dialog.record()
    assert record is not None, dialog.problem_label.text()
    assert browser.last == record.checkout_url
    run(asyncio.to_thread(sandbox_browser.pay, browser.last))
    ctx.watcher.poke()
    paid = run(wait_signal(ctx.watcher.orderPaid))[0]
    assert paid.local_id == record.local_id
    click_widget(qtbot, dialog.done_button)
    run(until_idle())

    # Account status: the token is masked, can be revealed and hidden again.
    bob_token = ctx.accounts.get(bob).token.reveal()
    switcher.status_action.trigger()
    status = switcher.status_dialog
    assert status is not None
    run(until(status.isVisible))
    assert status.token_field.text() != bob_token
    assert bob_token[-6:-2] not in status.token_field.text()
    click(qtbot, status.reveal_button)
    assert status.token_field.text() == bob_token
    click(qtbot, status.reveal_button)
    assert status.token_field.text() == Secret(bob_token).masked()
    status.close()
    run(until_idle())

    # Errors with the token in use: a 500 whose text echoes the token, then a 401.
    sandbox.state.set_fault(
        "balance",
        "status",
        times=1,
        status=500,
        message=f"upstream failed for Authorization: Bearer {bob_token} ({bob_token})",
    )
    click(qtbot, window.balance_view.refresh_button)
    run(until_idle(lambda: window.balance_view.notice.isVisible()))
    assert not leaks(window.balance_view.notice_label.text(), tokens)
    sandbox.state.revoke_token(bob_token)
    click(qtbot, window.balance_view.retry_button)
    run(until_idle(lambda: window.balance_view.reauth_button.isVisible()))
    kinds = {type(e) for e in made_errors}
    assert {ServerError, InvalidTokenError, AuthorizationError, SignInError} <= kinds, kinds
    server_error = next(e for e in made_errors if isinstance(e, ServerError))
    assert "Bearer" in (server_error.server_message or "")  # the server's words are kept …
    # … but not the token in them (checked for every error below).

    # An unexpected error whose message holds a token ends up in the crash dialog.
    crash = install_crash_handler(ctx, lambda: window, loop=loop, folder_opener=lambda _: True)
    try:

        async def work() -> str:
            return bob_token

        def explode(token: str) -> None:
            raise RuntimeError(f"could not use token {token} (Authorization: Bearer {token})")

        Op(work).on_success(explode).start(window)
        run(until(lambda: crash.dialog is not None, message="no crash dialog"))
        crash_dialog = crash.dialog
        assert crash_dialog is not None
        crash_dialog.set_details_visible(True)
        crash_text = "\n".join(
            [
                crash_dialog.details_text(),
                crash_dialog.details.toPlainText(),
                crash_dialog.windowTitle(),
                *(label.text() for label in crash_dialog.findChildren(QLabel)),
            ]
        )
        assert "RuntimeError" in crash_text
        assert "omg-oat-v1-[REDACTED]" in crash_text
    finally:
        crash.uninstall()
        if crash.dialog is not None:
            crash.dialog.close()

    # Sign out of alice through the switcher's confirmation.
    switcher.switch_to(alice)
    switcher.sign_out_action.trigger()
    box = switcher.sign_out_box
    assert isinstance(box, QMessageBox)
    run(until(box.isVisible))
    click_widget(qtbot, switcher.sign_out_button)
    run(until_idle(lambda: ctx.accounts.get(alice) is None))

    # Close the app.
    window.close()
    run(until_idle())
    run(ctx.aclose())
    for handler in logging.getLogger().handlers:
        handler.flush()

    secrets = tokens | {record.token for record in sandbox.state.tokens()} | {CLIENT_SECRET}
    assert len(secrets) >= 4

    # 1. No file the app wrote holds a secret.
    paths = ctx.paths
    base = AppPaths.under(home)
    files = files_under(
        paths.config_dir,
        paths.data_dir,
        paths.log_dir,
        paths.cache_dir,
        base.config_dir,
        base.data_dir,
        base.cache_dir,
    )
    assert paths.accounts_file in files  # the signed-in accounts (sign-in writes it)
    assert paths.history_db in files
    assert debug_log in files
    log_text = debug_log.read_text(encoding="utf-8")
    assert " DEBUG " in log_text  # really a debug log …
    assert "Signed in account 888@sandbox" in log_text  # … of this session
    assert "Unexpected error" in log_text  # with the crash in it
    for path in files:
        found = leaks(path.read_bytes(), secrets)
        assert not found, f"{path.relative_to(home)} holds {found}"

    # 2. Nor the crash dialog.
    assert not leaks(crash_text, secrets), "the crash dialog shows a secret"

    # 3. Nor any error the app made along the way (text, repr, details, message shown).
    assert made_errors
    for error in made_errors:
        texts = [str(error), repr(error), describe(error), *map(str, error.args)]
        if isinstance(error, ApiError):
            texts.append(error.details())
        found = leaks("\n".join(texts), secrets)
        assert not found, f"{type(error).__name__} carries {found}"

    # 4. The files are owner-only, in owner-only folders.
    if os.name == "posix":
        for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
            assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"
        assert mode(paths.accounts_file) == 0o600
        assert mode(paths.history_db) == 0o600
        for path in files:
            if path.is_relative_to(paths.config_dir) or path.is_relative_to(paths.data_dir):
                assert mode(path) & 0o077 == 0, f"{path} is {oct(mode(path))}"


# ------------------------------------------------------- payment link allow-list

UNSAFE_URLS = [
    pytest.param("http:", id="bare_http_scheme"),
    pytest.param("javascript:alert(1)", id="javascript"),
    pytest.param("file:///etc/passwd", id="file"),
    pytest.param("data:text/html,x", id="data"),
    pytest.param("https://checkout.stripe.com.evil.example/c/pay/x", id="suffix_host"),
    pytest.param("https://evil.example/checkout.stripe.com", id="host_in_path"),
    pytest.param("https://checkout.stripe.com@evil.example/c/pay", id="userinfo"),
    pytest.param("https://checkout.str\u0456pe.com/c/pay", id="idn_cyrillic_i"),
    pytest.param("https://xn--checkout-xyz.com/c/pay", id="idn_punycode"),
    pytest.param("https://checkout.stripe.com/c/pay/" + "x" * 5000, id="5000_chars"),
]


@pytest.mark.parametrize("kind", ["checkout", "invoice"])
@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_payment_link_is_refused(
    kind: str,
    url: str,
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    widgets: Widgets,
) -> None:
    ctx = make_ctx(payment_intervals=(3600,))
    token = Secret(sandbox.state.issue_token("888"))

    async def session_only() -> TokenStorage:
        return TokenStorage.SESSION

    account = run(
        ctx.accounts.add_signed_in(
            "888", "alice@example.com", token, scope=ctx.settings.scope, choose_storage=session_only
        )
    )
    endpoint = "checkout_order" if kind == "checkout" else "invoice_order"
    sandbox.state.set_fault(endpoint, "bad_url", url=url)
    dialog = open_recharge(widgets, ctx, account.key)
    if kind == "invoice":
        click_widget(qtbot, dialog.invoice_radio)
    type_amount(qtbot, dialog, "10")
    click_widget(qtbot, dialog.create_button)
    wait_idle(run, dialog)
    wait_requests_done(run, ctx)

    assert sandbox.state.request_counts[endpoint] == 1
    assert dialog.problem_box.isVisible()
    assert dialog.problem_label.text().startswith("The app could not use OhMyGPT's reply")
    assert describe(UnsafeUrlError()) in dialog.problem_label.text()
    assert url not in dialog.problem_label.text()
    assert browser.opened == []
    assert dialog.record() is None
    assert dialog.pages.currentWidget() is dialog.entry_page
    assert dialog.qr.text() == ""
    # The reply named an order that probably exists: kept as unknown, without the link.
    (row,) = ctx.history.list()
    (order,) = sandbox.state.orders()
    assert (row.status, row.order_no, row.checkout_url) == (
        OrderStatus.UNKNOWN,
        order["order_no"],
        None,
    )
    assert order["order_no"] in dialog.problem_label.text()
    assert dialog.unknown_box.isVisible()
    assert not ctx.watcher.watching(account.key)


# ------------------------------------------------------------------ file modes


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_settings_and_history_are_owner_only(
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    widgets: Widgets,
) -> None:
    old_umask = os.umask(0o022)  # a typical, permissive default
    try:
        ctx = make_ctx(payment_intervals=(3600,))
        panel = LoginPanel(ctx)
        show(qtbot, run, panel)
        key = sign_in(qtbot, run, panel, browser, "888")
        dialog = open_recharge(widgets, ctx, key)
        type_amount(qtbot, dialog, "5")
        click_widget(qtbot, dialog.create_button)
        wait_idle(run, dialog)
        wait_requests_done(run, ctx)
        assert [r.status for r in ctx.history.list()] == [OrderStatus.AWAITING_PAYMENT]
    finally:
        os.umask(old_umask)
    paths = ctx.paths
    assert mode(paths.config_dir) == 0o700
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.accounts_file) == 0o600
    assert mode(paths.history_db) == 0o600
    for path in files_under(paths.config_dir, paths.data_dir):
        assert mode(path) & 0o077 == 0, f"{path.name} is {oct(mode(path))}"
