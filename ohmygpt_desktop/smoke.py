"""``--smoke-test``: prove a build works end to end against the embedded sandbox.

Starts the real main window (offscreen is fine), then signs in through the
sandbox's authorization page over HTTP (standing in for the person at the
browser), reads the balance, creates one order, and exits 0. On failure it
prints the step that failed and exits 1. Used on the frozen bundle in CI.

``--smoke-test --configured --code CODE`` checks a provisioned build against the
service it is configured for (a staging service, say) instead: it signs in with
the authorization code a person got from that service's page (through the
token-exchange service when one is configured), reads the user and the balance,
and with ``--create-order AMOUNT`` creates one order and checks its payment link
(the link is never opened). It then lists the endpoints whose paths are assumptions
(the docs do not give them) and whether each answered, was not accepted, or was not
tried (the invoice order: trying it would create an order). Same exit codes.
"""

from __future__ import annotations

import asyncio
import sys
import time
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import httpx

from ohmygpt_desktop.core.tokens import TokenStorage

if TYPE_CHECKING:
    from ohmygpt_desktop.app import AppContext, Options
    from ohmygpt_desktop.core.accounts import Account


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


async def _session_only() -> TokenStorage:
    return TokenStorage.SESSION


def _report_assumed(ctx: AppContext, outcomes: dict[str, BaseException | None]) -> None:
    """One line per assumed endpoint: answered, not accepted (and why), or not tried."""
    from ohmygpt_desktop.api.endpoints import ASSUMED_ENDPOINTS

    for name in sorted(ASSUMED_ENDPOINTS):
        where = f"assumed endpoint {name} ({getattr(ctx.accounts.client.endpoints, name)})"
        if name not in outcomes:
            _say(f"{where}: not tried")
        elif (problem := outcomes[name]) is None:
            _say(f"{where}: answered")
        else:
            _say(f"{where}: NOT accepted: {problem}")


class _Steps:
    """The step running now, for the failure message."""

    name = "starting"


async def _sign_in_to_sandbox(ctx: AppContext, steps: _Steps) -> Account:
    """As a person would: the sandbox's authorization page, then paste what it shows."""
    from ohmygpt_desktop.api import build_authorization_url

    steps.name = "opening the authorization page"
    attempt = ctx.attempts.start()
    auth_url = build_authorization_url(
        ctx.settings.auth_base_url,
        client_id=ctx.settings.client_id,
        redirect_uri=ctx.settings.effective_redirect_uri(),
        scope=ctx.settings.scope,
        state=attempt.state,
    )
    location = await _browser_authorizes(auth_url)

    steps.name = "pasting the code"
    attempt, code = ctx.attempts.accept(location)

    steps.name = "signing in"
    account = await ctx.sign_in(code, choose_storage=_session_only)
    ctx.attempts.finish(attempt)
    return account


async def _sign_in_with_code(ctx: AppContext, given: str, steps: _Steps) -> Account:
    """``--configured``: the code a person got from the configured service's page."""
    from ohmygpt_desktop.core.oauth import parse_paste
    from ohmygpt_desktop.core.settings import redact_url

    steps.name = "checking the configuration"
    if not ctx.settings.client_id:
        raise SmokeFailure("no client id is configured")
    via = ctx.exchange_url()
    if not via and not await ctx.client_secret():
        raise SmokeFailure("neither a client secret nor a token-exchange service is configured")
    _say(f"service {ctx.settings.api_base_url}, client id {ctx.settings.client_id}")
    _say(
        f"exchanging the code at {redact_url(via)}" if via else "exchanging the code at issue-token"
    )

    steps.name = "reading the code"
    text = await asyncio.to_thread(sys.stdin.readline) if given == "-" else given
    code = parse_paste(text).code

    steps.name = "signing in"
    return await ctx.sign_in(code, choose_storage=_session_only)


async def run_smoke_test(ctx: AppContext, options: Options) -> int:
    """Run the smoke test on ``ctx``; the exit status (see the module doc)."""
    from ohmygpt_desktop.api import origin_of
    from ohmygpt_desktop.api.models import credits_to_usd
    from ohmygpt_desktop.ui.main_window import MainWindow

    configured = options if options.configured else None
    steps = _Steps()
    #: Assumed endpoint -> its failure, or None when it answered (see _report_assumed).
    assumed: dict[str, BaseException | None] = {}
    started = time.monotonic()
    window = None
    try:
        steps.name = "showing the main window"
        window = MainWindow(ctx)
        window.show()
        await ctx.start()
        _say(f"window shown ({window.width()}x{window.height()})")
        for problem in ctx.startup_problems:  # what the banner tells the user, in English
            _say(f"note: {problem}")

        if configured is not None:
            account = await _sign_in_with_code(ctx, configured.code, steps)
        else:
            account = await _sign_in_to_sandbox(ctx, steps)
        _say(f"signed in as {account.email} (user {account.record.user_id})")

        steps.name = "reading the balance"
        try:
            balance = await ctx.accounts.refresh_balance(account.key)
        except Exception as exc:
            assumed["balance"] = exc
            raise
        assumed["balance"] = None
        if balance is None:
            raise SmokeFailure("no balance")
        rate = ctx.settings.credits_per_usd
        usd = credits_to_usd(balance.balance, rate)
        _say(f"balance {balance.balance} credits (≈ ${usd} at {rate} credits per US dollar)")

        amount = configured.create_order if configured is not None else Decimal("10")
        if amount is not None:
            steps.name = "creating an order"
            record = await ctx.recharge.create_order(account.key, amount)
            steps.name = "checking the order's payment link"
            if not record.order_no or not record.checkout_url:
                raise SmokeFailure("the order has no number or link")
            # The client accepted the link only on a trusted payment page (allow-list).
            _say(
                f"order {record.order_no} created, status {record.status.value}, "
                f"payment page on {origin_of(record.checkout_url)}"
            )

        steps.name = "signing out"
        await ctx.accounts.sign_out(account.key)
    except Exception as exc:  # report the step, never a bare traceback
        print(f"smoke test FAILED while {steps.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if configured is not None:
            _report_assumed(ctx, assumed)
        if window is not None:
            window.close()
        await asyncio.sleep(0)
        await ctx.aclose()
    _say(f"OK in {time.monotonic() - started:.2f}s")
    return 0
