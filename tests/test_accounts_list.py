"""Many accounts (support staff): a short menu and a searchable, model/view list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.account_switcher import MENU_LIMIT, AccountSwitcher
from ohmygpt_desktop.ui.accounts_dialog import AccountsDialog
from tests.helpers.asyncutil import recording, until


async def _session_only() -> TokenStorage:
    return TokenStorage.SESSION


def add_accounts(ctx: Any, run: Any, sandbox: Any, count: int) -> list[str]:
    token = Secret(sandbox.state.issue_token("888"))

    async def add() -> list[str]:
        keys = []
        for i in range(count):
            account = await ctx.accounts.add_signed_in(
                str(5000 + i),
                f"customer{i:02d}@example.com",
                token,
                scope="general_api_access",
                choose_storage=_session_only,
            )
            keys.append(account.key)
        return keys

    return run(add())


def test_menu_lists_recent_accounts_and_links_to_all(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any
) -> None:
    ctx = make_ctx()
    keys = add_accounts(ctx, run, sandbox, MENU_LIMIT + 8)
    switcher = AccountSwitcher(ctx)
    qtbot.addWidget(switcher)
    switcher.render()
    assert len(switcher.account_actions) == MENU_LIMIT
    assert keys[-1] in switcher.account_actions  # the most recently used is listed
    texts = [a.text() for a in switcher.menu.actions()]
    assert f"All accounts ({MENU_LIMIT + 8})…" in texts


def test_search_and_switch_from_the_list(qtbot: Any, make_ctx: Any, run: Any, sandbox: Any) -> None:
    ctx = make_ctx()
    keys = add_accounts(ctx, run, sandbox, 30)
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proxy.rowCount() == 30
    assert "30 of 30" in dialog.count_label.text()
    qtbot.keyClicks(dialog.filter_field, "customer07")
    assert dialog.proxy.rowCount() == 1
    assert "1 of 30" in dialog.count_label.text()
    qtbot.keyClick(dialog.filter_field, Qt.Key.Key_Return)
    assert ctx.accounts.current().key == keys[7]
    assert not dialog.isVisible()


def test_recharge_from_the_list(qtbot: Any, make_ctx: Any, run: Any, sandbox: Any) -> None:
    ctx = make_ctx()
    keys = add_accounts(ctx, run, sandbox, 3)
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter_field, "customer01")

    with recording(dialog.rechargeRequested) as requested:
        qtbot.mouseClick(dialog.recharge_button, Qt.MouseButton.LeftButton)
        run(until(lambda: requested, message="no recharge requested"))
    assert requested == [(keys[1],)]


def test_list_rows_follow_account_updates(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any
) -> None:
    ctx = make_ctx()
    keys = add_accounts(ctx, run, sandbox, 2)
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    ctx.accounts.mark_needs_reauth(keys[0])
    row = dialog.model.index(0).data()
    assert "sign in again" in row
    run(ctx.accounts.sign_out(keys[1]))
    assert dialog.model.rowCount() == 1
