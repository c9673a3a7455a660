"""Accounts as the person sees them: several accounts, switching, sign-out,
where the sign-in is kept (and what happens when the keyring misbehaves),
restarts, and “sign in again” after the service stops accepting a token.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError
from PySide6.QtCore import QCoreApplication

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.accounts import SignInStep
from ohmygpt_desktop.core.tokens import KeyringFailure, TokenStorage, token_service
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.account_status import AccountStatusDialog
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.storage_choice import StorageChoiceDialog
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import (
    BlockingKeyring,
    FailKeyring,
    MemoryKeyring,
    RaisingKeyring,
)
from tests.helpers.signin import approve_in_browser, paste, show, sign_in, until_idle, wait_idle

MakeCtx = Callable[..., AppContext]
SERVICE = token_service("sandbox")
ALICE = "888@sandbox"
BOB = "1024@sandbox"


class DeleteFailsKeyring(MemoryKeyring):
    """Stores and reads fine, but cannot delete (an unreachable keyring at sign-out)."""

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("backend exploded while deleting")


KeyringBackend._classes.discard(DeleteFailsKeyring)  # type: ignore[attr-defined]


def step_name(step: SignInStep) -> str:
    return QCoreApplication.translate("SignIn", step.value)


def messages(ctx: AppContext) -> list[tuple[str, str]]:
    return [(level.value, text) for level, text in ctx.messages.history]


def open_window(qtbot: Any, run: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    show(qtbot, run, window, width=880, height=640)
    return window


def sign_in_window(
    qtbot: Any, run: Any, window: MainWindow, browser: FakeBrowser, user_id: str
) -> str:
    key = sign_in(qtbot, run, window.login_panel, browser, user_id)
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    return key


def panel_for(qtbot: Any, run: Any, ctx: AppContext) -> LoginPanel:
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    return panel


# ------------------------------------------------------- several accounts


def test_second_account_and_switching(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    switcher = window.switcher
    assert sign_in_window(qtbot, run, window, browser, "888") == ALICE
    assert "alice@example.com" in switcher.button.text()
    assert "sandbox" in switcher.button.text()

    switcher.add_action.trigger()  # "Add account…"
    panel = window.login_panel
    assert window.pages.currentWidget() is panel
    assert panel.title_label.text() == "Add an OhMyGPT account"
    assert panel.cancel_button.isVisible()
    assert sign_in_window(qtbot, run, window, browser, "1024") == BOB

    assert set(switcher.account_actions) == {ALICE, BOB}
    assert switcher.account_actions[ALICE].text() == "alice@example.com — sandbox"
    assert switcher.account_actions[BOB].text() == "bob@example.com — sandbox"
    assert switcher.account_actions[BOB].isChecked()
    assert "bob@example.com" in switcher.button.text()
    menu_texts = [a.text() for a in switcher.menu.actions() if a.isVisible()]
    for wanted in ("Add account…", "Recharge this account…", "Account status…", "Sign out…"):
        assert wanted in menu_texts

    # Switching is instant: no network round trip before the header changes.
    switcher.account_actions[ALICE].trigger()
    assert ctx.accounts.current().key == ALICE
    assert "alice@example.com" in switcher.button.text()
    assert ctx.account_store.current == ALICE
    run(until_idle())

    recharge: list[str] = []
    switcher.rechargeRequested.connect(recharge.append)
    switcher.recharge_action.trigger()
    assert recharge == [ALICE]


def test_cancel_add_account_returns_to_the_account(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    sign_in_window(qtbot, run, window, browser, "888")
    window.switcher.add_action.trigger()
    panel = window.login_panel
    panel.sign_in_button.click()
    assert ctx.attempts.current is not None
    panel.cancel_button.click()
    assert window.pages.currentWidget() is window.account_page
    assert ctx.attempts.current is None


# ---------------------------------------------------------------- sign-out


def test_sign_out_asks_first_then_removes_the_account_and_its_keyring_entry(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
) -> None:
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    switcher = window.switcher
    sign_in_window(qtbot, run, window, browser, "888")
    window.add_account()
    sign_in_window(qtbot, run, window, browser, "1024")
    assert set(keyring_backend.entries) == {(SERVICE, "888"), (SERVICE, "1024")}

    # Cancel: nothing happens.
    switcher.sign_out_action.trigger()
    box = switcher.sign_out_box
    assert box is not None
    assert box.isVisible()
    assert box.text() == "Sign out of bob@example.com?"
    box.button(box.StandardButton.Cancel).click()
    run(until_idle())
    assert switcher.sign_out_box is None
    assert ctx.accounts.get(BOB) is not None
    assert (SERVICE, "1024") in keyring_backend.entries

    # Confirm: the account and its stored token are gone; Alice becomes current.
    switcher.sign_out_action.trigger()
    switcher.sign_out_button.click()
    run(until_idle(lambda: ctx.accounts.get(BOB) is None))
    assert (SERVICE, "1024") not in keyring_backend.entries
    assert (SERVICE, "888") in keyring_backend.entries
    assert [a.key for a in ctx.accounts.accounts()] == [ALICE]
    assert ctx.accounts.current().key == ALICE
    assert "alice@example.com" in switcher.button.text()
    assert set(switcher.account_actions) == {ALICE}
    assert ("info", "Signed out of bob@example.com.") in messages(ctx)

    # Signing out of the last account shows the sign-in screen.
    switcher.sign_out_action.trigger()
    switcher.sign_out_button.click()
    run(until_idle(lambda: not ctx.accounts.accounts()))
    assert keyring_backend.entries == {}
    assert window.pages.currentWidget() is window.login_panel
    assert not switcher.isVisible()
    assert ctx.account_store.records() == []


def test_sign_out_with_an_unreachable_keyring_warns(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    keyring = DeleteFailsKeyring()
    ctx = make_ctx(keyring_backend=keyring)
    window = open_window(qtbot, run, ctx)
    sign_in_window(qtbot, run, window, browser, "888")
    window.switcher.confirm_sign_out()
    window.switcher.sign_out_button.click()
    run(until_idle(lambda: not ctx.accounts.accounts()))
    level, text = messages(ctx)[-1]
    assert level == "warning"
    assert "Signed out of alice@example.com" in text
    assert "may remain" in text
    assert "The system keyring reported an error." in text  # describe(warning)
    assert (SERVICE, "888") in keyring.entries  # really still there


# ------------------------------------------------- where the token is kept


def test_keyring_failure_names_the_save_step(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    ctx = make_ctx(keyring_backend=RaisingKeyring(echo_password=True))
    panel = panel_for(qtbot, run, ctx)
    panel.sign_in_button.click()
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    wait_idle(run, panel)
    text = panel.error_label.text()
    assert text.startswith(step_name(SignInStep.SAVE_TOKEN))
    assert "The system keyring reported an error." in text
    assert "omg-oat" not in text
    assert panel.retry_button.isVisible()
    assert panel.storage_dialog is None  # a failing keyring is not "no keyring"
    assert ctx.accounts.accounts() == []
    assert sandbox.state.request_counts["issue_token"] == 1


def test_keyring_timeout_names_the_save_step_and_the_window_stays_responsive(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    keyring = BlockingKeyring()
    try:
        ctx = make_ctx(keyring_backend=keyring, env={"OHMYGPT_KEYRING_TIMEOUT_S": "0.3"})
        assert ctx.tokens.timeout == pytest.approx(0.3)
        panel = panel_for(qtbot, run, ctx)
        panel.sign_in_button.click()
        code, _ = approve_in_browser(browser)
        paste(qtbot, panel, code)
        run(until(keyring.entered.is_set))  # the keyring hangs now...
        assert panel.busy()
        assert panel.progress_row.isVisible()
        run(until_idle(lambda: not panel.busy()))  # ...and the loop kept turning
        text = panel.error_label.text()
        assert text.startswith(step_name(SignInStep.SAVE_TOKEN))
        assert "did not answer in time" in text
        assert ctx.accounts.accounts() == []
    finally:
        keyring.release()


def _sign_in_without_keyring(
    qtbot: Any, run: Any, ctx: AppContext, browser: FakeBrowser
) -> tuple[LoginPanel, StorageChoiceDialog, list[str]]:
    panel = panel_for(qtbot, run, ctx)
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    panel.sign_in_button.click()
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until(lambda: panel.storage_dialog is not None, message="no storage choice"))
    dialog = panel.storage_dialog
    assert isinstance(dialog, StorageChoiceDialog)
    assert dialog.isVisible()
    assert panel.busy()
    return panel, dialog, keys


def test_no_keyring_asks_and_session_only_works(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, home: Path
) -> None:
    ctx = make_ctx(keyring_backend=FailKeyring())
    _panel, dialog, keys = _sign_in_without_keyring(qtbot, run, ctx, browser)
    assert dialog.session_radio.text() == "Keep me signed in for this session only"
    assert dialog.session_radio.isChecked()  # the default
    assert dialog.file_radio.text() == (
        "Store the sign-in in a file on this computer (not encrypted)"
    )
    assert "unencrypted" in dialog.file_warning.text()
    dialog.continue_button.click()
    run(until_idle(lambda: keys))
    assert keys == [ALICE]
    account = ctx.accounts.get(ALICE)
    assert account.record.token_storage == TokenStorage.SESSION.value
    assert account.token is not None
    assert not ctx.tokens.insecure_file.exists()

    status = AccountStatusDialog(ctx, ALICE)
    qtbot.addWidget(status)
    assert status.storage_value.text() == "This session only (forgotten when the app quits)"
    assert not status.storage_warning.isVisibleTo(status)

    # After a restart the session sign-in is gone: the account asks to sign in again.
    run(ctx.aclose())
    again = make_ctx(keyring_backend=FailKeyring())
    run(again.start())
    assert again.accounts.get(ALICE).needs_reauth


def test_no_keyring_file_choice_is_shown_with_a_warning(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx(keyring_backend=FailKeyring())
    _panel, dialog, keys = _sign_in_without_keyring(qtbot, run, ctx, browser)
    dialog.file_radio.click()
    dialog.continue_button.click()
    run(until_idle(lambda: keys))
    account = ctx.accounts.get(ALICE)
    assert account.record.token_storage == TokenStorage.FILE.value
    path = ctx.tokens.insecure_file
    assert path.exists()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    status = AccountStatusDialog(ctx, ALICE)
    qtbot.addWidget(status)
    assert status.storage_value.text() == "A file on this computer (not encrypted)"
    assert status.storage_warning.isVisibleTo(status)
    assert str(path) in status.storage_warning.text()


def test_no_keyring_choice_can_be_cancelled(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx(keyring_backend=FailKeyring())
    panel, dialog, keys = _sign_in_without_keyring(qtbot, run, ctx, browser)
    dialog.cancel_button.click()
    wait_idle(run, panel)
    assert keys == []
    assert "Nothing was saved" in panel.error_label.text()
    assert ctx.accounts.accounts() == []
    assert not ctx.tokens.insecure_file.exists()


# ------------------------------------------------------------------ status


def test_account_status_dialog(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    sign_in_window(qtbot, run, window, browser, "888")
    token = ctx.accounts.get(ALICE).token
    window.switcher.status_action.trigger()
    status = window.switcher.status_dialog
    assert status is not None
    assert status.isVisible()
    assert status.user_id_value.text() == "888"
    assert status.email_value.text() == "alice@example.com"
    assert status.host_value.text() == "sandbox"
    assert status.storage_value.text() == "The system keyring"
    assert status.scope_value.text() == "general_api_access"
    assert status.state_value.text() == "Signed in"
    assert not status.reauth_button.isVisibleTo(status)
    assert status.added_value.text()
    assert status.used_value.text()

    # The token is masked until revealed.
    assert status.token_field.text() == token.masked()
    assert token.reveal() not in status.token_field.text()
    status.reveal_button.click()
    assert status.token_field.text() == token.reveal()
    assert status.reveal_button.text() == "Hide"
    status.reveal_button.click()
    assert status.token_field.text() == token.masked()

    # Needing to sign in again shows, with a one-click way to do it.
    ctx.accounts.mark_needs_reauth(ALICE)
    assert "sign in again" in status.state_value.text().lower()
    assert status.reauth_button.isVisibleTo(status)
    status.reauth_button.click()
    assert not status.isVisible()
    assert window.pages.currentWidget() is window.login_panel
    assert window.login_panel.title_label.text() == "Sign in again to alice@example.com"


# --------------------------------------------------------- restart, 401


def test_accounts_and_tokens_come_back_after_a_restart(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    first = make_ctx()
    panel = panel_for(qtbot, run, first)
    sign_in(qtbot, run, panel, browser, "888")
    panel.prepare(can_cancel=True)
    sign_in(qtbot, run, panel, browser, "1024")
    tokens = {a.key: a.token for a in first.accounts.accounts()}
    panel.close()
    run(first.aclose())

    second = make_ctx()  # same home, same keyring
    assert [a.key for a in second.accounts.accounts()] == [ALICE, BOB]
    assert all(a.token is None for a in second.accounts.accounts())
    window = open_window(qtbot, run, second)
    assert window.pages.currentWidget() is window.account_page
    window.start()
    run(until_idle(lambda: all(a.token for a in second.accounts.accounts())))
    assert {a.key: a.token for a in second.accounts.accounts()} == tokens
    assert second.accounts.current().key == BOB
    assert "bob@example.com" in window.switcher.button.text()
    assert not any(a.needs_reauth for a in second.accounts.accounts())
    balance = run(second.accounts.refresh_balance(ALICE))
    assert balance is not None


def test_an_unreadable_keyring_at_restart_is_kept_as_the_error(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    first = make_ctx()
    panel = panel_for(qtbot, run, first)
    sign_in(qtbot, run, panel, browser, "888")
    panel.close()
    run(first.aclose())

    second = make_ctx(keyring_backend=RaisingKeyring())  # reading now fails
    run(second.accounts.load_tokens())
    account = second.accounts.get(ALICE)
    assert account is not None
    assert isinstance(account.token_problem, KeyringFailure)  # not a bare English str
    assert account.token_problem.__traceback__ is None
    assert account.needs_reauth
    status = AccountStatusDialog(second, ALICE)
    qtbot.addWidget(status)
    assert status.state_value.text().endswith(
        "The stored sign-in could not be read: The system keyring reported an error."
    )


@pytest.mark.keyring
def test_restart_with_the_real_secret_service(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser
) -> None:
    first = make_ctx(keyring_backend=None, env={"OHMYGPT_KEYRING_TIMEOUT_S": "10"})
    assert run(first.tokens.secure_backend_available())  # it is there (the marker checked)
    second: AppContext | None = None
    try:
        panel = panel_for(qtbot, run, first)
        sign_in(qtbot, run, panel, browser, "888")
        panel.prepare(can_cancel=True)
        sign_in(qtbot, run, panel, browser, "1024")
        tokens = {a.key: a.token for a in first.accounts.accounts()}
        assert {a.record.token_storage for a in first.accounts.accounts()} == {"keyring"}
        panel.close()
        run(first.aclose())

        second = make_ctx(keyring_backend=None, env={"OHMYGPT_KEYRING_TIMEOUT_S": "10"})
        run(second.start())
        assert {a.key: a.token for a in second.accounts.accounts()} == tokens
    finally:
        cleanup = second or first
        for account in cleanup.accounts.accounts():
            run(cleanup.accounts.sign_out(account.key))


def test_401_marks_sign_in_again_and_reauthorization_keeps_the_account(
    qtbot: Any, run: Any, make_ctx: MakeCtx, browser: FakeBrowser, sandbox: SandboxServer
) -> None:
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    switcher = window.switcher
    sign_in_window(qtbot, run, window, browser, "888")
    added_at = ctx.accounts.get(ALICE).record.added_at
    old_token = ctx.accounts.get(ALICE).token

    assert sandbox.state.revoke_user_tokens("888") == 1
    window.refresh_current()  # the balance request now gets a 401
    run(until_idle(lambda: ctx.accounts.get(ALICE).needs_reauth))
    assert "sign in again" in switcher.button.text()
    assert switcher.account_actions[ALICE].text() == "alice@example.com — sandbox (sign in again)"
    assert switcher.reauth_action.isVisible()

    switcher.reauth_action.trigger()  # one click
    panel = window.login_panel
    assert window.pages.currentWidget() is panel
    assert panel.title_label.text() == "Sign in again to alice@example.com"
    assert panel.cancel_button.isVisible()
    key = sign_in(qtbot, run, panel, browser, "888")
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))

    assert key == ALICE
    account = ctx.accounts.get(ALICE)
    assert [a.key for a in ctx.accounts.accounts()] == [ALICE]
    assert not account.needs_reauth
    assert account.token != old_token
    assert account.record.added_at == added_at  # same account, same place
    assert "sign in again" not in switcher.button.text()
    assert not switcher.reauth_action.isVisible()


# ------------------------------------------------------------- no leaks


def test_no_file_under_home_and_no_log_line_holds_the_token(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    browser: FakeBrowser,
    home: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    ctx = make_ctx()
    window = open_window(qtbot, run, ctx)
    panel = window.login_panel
    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    panel.sign_in_button.click()
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys))
    token = ctx.accounts.get(ALICE).token.reveal()
    window.close()
    run(ctx.aclose())

    files = [p for p in home.rglob("*") if p.is_file()]
    assert files, "the app wrote nothing under its home?"
    for path in files:
        assert token.encode() not in path.read_bytes(), f"the token is in {path}"
    for record in caplog.records:
        message = record.getMessage()
        assert token not in message
        if record.name.startswith("ohmygpt_desktop"):
            assert code not in message
