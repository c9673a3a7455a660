"""``--smoke-test``: prove a build works end to end against the embedded sandbox.

Starts the real main window (offscreen is fine), then signs in through the
sandbox's authorization page over HTTP (standing in for the person at the
browser), reads the balance, creates one order, and exits 0. On failure it
prints the step that failed and exits 1. Used on the frozen bundle in CI.
"""

from __future__ import annotations

import asyncio
import sys
import time
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import httpx

if TYPE_CHECKING:
    from ohmygpt_desktop.app import AppContext


class SmokeFailure(Exception):
    pass


def _say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


async def _browser_authorizes(auth_url: str, user_id: str = "888") -> str:
    """Load the authorization page and submit "Authorize" as a person would."""
    from ohmygpt_desktop.sandbox.app import DECIDE_PATH

    async with httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=10) as http:
        page = await http.get(auth_url)
        if page.status_code != 200 or "Authorize" not in page.text:
            raise SmokeFailure(f"authorization page answered {page.status_code}")
        query = {k: v[0] for k, v in parse_qs(urlsplit(auth_url).query).items()}
        origin = f"{urlsplit(auth_url).scheme}://{urlsplit(auth_url).netloc}"
        reply = await http.post(
            f"{origin}{DECIDE_PATH}",
            data={**query, "user_id": user_id, "action": "authorize"},
        )
        location = reply.headers.get("location", "")
        if reply.status_code not in (302, 303) or "code=" not in location:
            raise SmokeFailure(f"authorize did not redirect with a code ({reply.status_code})")
        return location


async def run_smoke_test(ctx: AppContext) -> int:
    from ohmygpt_desktop.api import build_authorization_url
    from ohmygpt_desktop.api.models import credits_to_usd
    from ohmygpt_desktop.core.tokens import TokenStorage
    from ohmygpt_desktop.ui.main_window import MainWindow

    step = "starting"
    started = time.monotonic()
    window = None
    try:
        step = "showing the main window"
        window = MainWindow(ctx)
        window.show()
        await ctx.start()
        _say(f"window shown ({window.width()}x{window.height()})")
        for problem in ctx.startup_problems:  # what the banner tells the user, in English
            _say(f"note: {problem}")

        step = "opening the authorization page"
        attempt = ctx.attempts.start()
        auth_url = build_authorization_url(
            ctx.settings.auth_base_url,
            client_id=ctx.settings.client_id,
            redirect_uri=ctx.settings.effective_redirect_uri(),
            scope=ctx.settings.scope,
            state=attempt.state,
        )
        location = await _browser_authorizes(auth_url)

        step = "pasting the code"
        attempt, code = ctx.attempts.accept(location)

        step = "signing in"

        async def session_only() -> TokenStorage:
            return TokenStorage.SESSION

        account = await ctx.accounts.sign_in(
            code,
            client_id=ctx.settings.client_id,
            client_secret=await ctx.client_secret(),
            choose_storage=session_only,
        )
        ctx.attempts.finish(attempt)
        _say(f"signed in as {account.email}")

        step = "reading the balance"
        balance = await ctx.accounts.refresh_balance(account.key)
        if balance is None:
            raise SmokeFailure("no balance")
        _say(f"balance ${credits_to_usd(balance.balance, ctx.settings.credits_per_usd)}")

        step = "creating an order"
        record = await ctx.recharge.create_order(account.key, Decimal("10"))
        if not record.order_no or not record.checkout_url:
            raise SmokeFailure("the order has no number or link")
        _say(f"order {record.order_no} created, status {record.status.value}")

        step = "signing out"
        await ctx.accounts.sign_out(account.key)
    except Exception as exc:  # report the step, never a bare traceback
        print(f"smoke test FAILED while {step}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if window is not None:
            window.close()
        await asyncio.sleep(0)
        await ctx.aclose()
    _say(f"OK in {time.monotonic() - started:.2f}s")
    return 0
