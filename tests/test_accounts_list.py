"""Many accounts (support staff): a short menu that leads to the Accounts page
(tests/test_accounts_table.py drives the page itself)."""

from __future__ import annotations

from typing import Any

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.account_switcher import MENU_LIMIT, AccountSwitcher


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


def test_the_menu_entry_leads_to_the_accounts_page(
    qtbot: Any, make_ctx: Any, run: Any, sandbox: Any
) -> None:
    ctx = make_ctx()
    add_accounts(ctx, run, sandbox, MENU_LIMIT + 1)
    switcher = AccountSwitcher(ctx)
    qtbot.addWidget(switcher)
    switcher.render()
    requested: list[bool] = []
    switcher.allAccountsRequested.connect(lambda: requested.append(True))
    switcher.all_action.trigger()
    assert requested == [True]
