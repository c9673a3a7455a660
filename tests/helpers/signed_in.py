"""Sign a context in to the sandbox without the login UI.

Does what a person does: start an attempt, open the authorization page (the
sandbox browser picks the user and presses Authorize), read the code shown on
the code page, paste it; then the app exchanges it, reads the user, stores the
token and reads the balance once. (``tests.helpers.signin`` drives the login
panel instead.)
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ohmygpt_desktop.api import build_authorization_url
from ohmygpt_desktop.core.tokens import TokenStorage
from tests.helpers import sandbox_browser

if TYPE_CHECKING:
    from ohmygpt_desktop.app import AppContext
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.sandbox import SandboxServer


async def _session_only() -> TokenStorage:
    return TokenStorage.SESSION


async def sign_in(
    ctx: AppContext,
    sandbox: SandboxServer | None = None,
    user_id: str = "888",
    *,
    refresh: bool = True,
) -> Account:
    """Sign ``user_id`` in on ``ctx`` (the sandbox the context talks to); returns the account.

    ``sandbox`` is only used to check that the context really talks to it; a
    subprocess without the server object passes ``None``.
    """
    settings = ctx.settings
    if sandbox is not None:
        assert settings.auth_base_url == sandbox.base_url, "the context is not on this sandbox"
    attempt = ctx.attempts.start()
    auth_url = build_authorization_url(
        settings.auth_base_url,
        client_id=settings.client_id,
        redirect_uri=settings.effective_redirect_uri(),
        scope=settings.scope,
        state=attempt.state,
    )
    location = await asyncio.to_thread(sandbox_browser.authorize, auth_url, user_id=user_id)
    code, state = await asyncio.to_thread(sandbox_browser.read_code_page, location)
    assert state == attempt.state
    # The same check the login panel makes on pasted text.
    accepted, code = ctx.attempts.accept(location)
    assert accepted is attempt
    secret = await ctx.client_secret()
    assert secret is not None, "no client secret for the sandbox app"
    account = await ctx.accounts.sign_in(
        code,
        client_id=settings.client_id,
        client_secret=secret,
        choose_storage=_session_only,
    )
    ctx.attempts.finish(attempt)
    if refresh:
        await ctx.accounts.refresh_balance(account.key)
    return account
