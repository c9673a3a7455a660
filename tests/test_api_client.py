"""The API client against the real sandbox over loopback.

Each exception class comes from a real sandbox fault; only the "no statusCode in
a JSON 200" case uses a mock transport (the sandbox cannot produce it).
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from ohmygpt_desktop.api import (
    CREDITS_PER_USD,
    ApiError,
    AuthorizationError,
    BadRequestError,
    ConnectError,
    ConnectionLost,
    Endpoints,
    InsufficientBalanceError,
    InvalidClientError,
    InvalidTokenError,
    MalformedResponseError,
    OhMyGPTClient,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeout,
    Secret,
    ServerError,
    UnsafeUrlError,
    build_authorization_url,
    origin_of,
    validate_payment_url,
)
from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE, CODE_PAGE, DEFAULT_ENDPOINTS
from ohmygpt_desktop.sandbox import COMMUNITY_APP, DEFAULT_APP, SandboxServer
from tests.helpers import sandbox_browser
from tests.helpers.sandbox_browser import authorize_code

T = TypeVar("T")


def arun(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def make_client(sandbox: SandboxServer, **kwargs: Any) -> OhMyGPTClient:
    kwargs.setdefault("payment_origins", {origin_of(sandbox.base_url)})
    kwargs.setdefault("retry_backoff", 0.01)
    kwargs.setdefault("proxy", "")
    return OhMyGPTClient(sandbox.base_url, **kwargs)


def token_for(sandbox: SandboxServer, user_id: str = "888", client_id: str | None = None) -> Secret:
    return Secret(sandbox.state.issue_token(user_id, client_id))


# ------------------------------------------------------------------ success paths


def test_full_flow_authorize_token_info_balance_order(sandbox: SandboxServer) -> None:
    code = authorize_code(sandbox)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            grant = await client.issue_token(
                client_id=DEFAULT_APP.client_id,
                client_secret=Secret(DEFAULT_APP.client_secret),
                code=code,
            )
            assert grant.user_id == "888"
            assert grant.client_id == DEFAULT_APP.client_id
            assert grant.token.reveal().startswith("omg-oat-v1-")
            info = await client.user_info(grant.token)
            assert (info.user_id, info.email) == ("888", "alice@example.com")
            balance = await client.balance(grant.token)
            assert balance.balance == Decimal("340000.00")
            order = await client.checkout_order(grant.token, Decimal("10"))
            assert len(order.order_no) == 32
            assert order.checkout_url.startswith(f"{sandbox.base_url}/c/pay/cs_test_")
            sandbox_browser.pay(order.checkout_url)
            after = await client.balance(grant.token)
            assert after.balance - balance.balance == Decimal(10) * CREDITS_PER_USD
            invoice = await client.invoice_order(
                grant.token, Decimal("12.50"), email="billing@example.com"
            )
            assert invoice.invoice_url.startswith(f"{sandbox.base_url}/i/")

    arun(scenario())
    orders = sandbox.state.orders()
    assert [(o["kind"], o["amount"], o["status"]) for o in orders] == [
        ("checkout", "10.00", "paid"),
        ("invoice", "12.50", "open"),
    ]
    assert orders[1]["email"] == "billing@example.com"


def test_always200_mode_still_maps_errors(sandbox: SandboxServer) -> None:
    sandbox.state.update_config(status_mode="always200")

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            with pytest.raises(InvalidTokenError):
                await client.balance(Secret("omg-oat-v1-not-a-real-token"))
            token = token_for(sandbox, client_id=COMMUNITY_APP.client_id)
            with pytest.raises(PermissionDeniedError):
                await client.checkout_order(token, Decimal("5"))

    arun(scenario())


# ------------------------------------------------------------ OAuth exchange errors


def test_wrong_secret_is_invalid_client(sandbox: SandboxServer) -> None:
    code = authorize_code(sandbox)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            await client.issue_token(
                client_id=DEFAULT_APP.client_id, client_secret=Secret("x" * 32), code=code
            )

    with pytest.raises(InvalidClientError) as info:
        arun(scenario())
    assert "x" * 32 not in repr(info.value) + str(info.value)


def test_reused_code_is_refused(sandbox: SandboxServer) -> None:
    code = authorize_code(sandbox)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            secret = Secret(DEFAULT_APP.client_secret)
            await client.issue_token(
                client_id=DEFAULT_APP.client_id, client_secret=secret, code=code
            )
            with pytest.raises(AuthorizationError) as info:
                await client.issue_token(
                    client_id=DEFAULT_APP.client_id, client_secret=secret, code=code
                )
            assert not isinstance(info.value, InvalidClientError)

    arun(scenario())


# -------------------------------------------------------------- fault → exception

FAULT_TABLE: list[tuple[str, dict[str, Any], type[ApiError]]] = [
    ("status", {"status": 401}, InvalidTokenError),
    ("status", {"status": 402}, InsufficientBalanceError),
    ("status", {"status": 403}, PermissionDeniedError),
    ("status", {"status": 429, "retry_after": 7}, RateLimitedError),
    ("status", {"status": 400}, BadRequestError),
    ("status", {"status": 500}, ServerError),
    ("status", {"status": 503}, ServerError),
    ("html", {"status": 502}, ServerError),
    ("html", {"status": 200}, MalformedResponseError),
    ("non_json", {}, MalformedResponseError),
    ("non_json", {"variant": "broken_json"}, MalformedResponseError),
    ("error_in_200", {"status": 401}, InvalidTokenError),
    ("error_in_200", {"status": 402}, InsufficientBalanceError),
    ("missing_field", {"field": "balance"}, MalformedResponseError),
    ("wrong_type", {"field": "balance"}, MalformedResponseError),
    ("oversized", {}, MalformedResponseError),
    ("drop", {}, ConnectionLost),
]


@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    FAULT_TABLE,
    ids=[f"{k}-{p.get('status', p.get('variant', p.get('field', '')))}" for k, p, _ in FAULT_TABLE],
)
def test_balance_fault_maps_to_exception(
    sandbox: SandboxServer, kind: str, params: dict[str, Any], expected: type[ApiError]
) -> None:
    token = token_for(sandbox)
    sandbox.state.set_fault("balance", kind, **params)

    async def scenario() -> ApiError:
        async with make_client(sandbox) as client:
            with pytest.raises(ApiError) as info:
                await client.balance(token)
            return info.value

    error = arun(scenario())
    assert type(error) is expected or isinstance(error, expected)
    assert error.message  # a human sentence for the UI
    text = f"{error} {error!r} {error.details()}"
    assert token.reveal() not in text
    if expected is RateLimitedError:
        assert error.retry_after == 7
        assert "7 seconds" in error.message


def test_timeout_is_request_timeout(sandbox: SandboxServer) -> None:
    token = token_for(sandbox)
    sandbox.state.set_fault("balance", "latency", seconds=1.0)

    async def scenario() -> None:
        async with make_client(sandbox, timeout=httpx.Timeout(0.3)) as client:
            await client.balance(token)

    with pytest.raises(RequestTimeout):
        arun(scenario())


def test_slow_drip_cannot_outlast_the_deadline(sandbox: SandboxServer) -> None:
    """One byte a second keeps every read short: only the overall deadline ends it."""
    token = token_for(sandbox)
    sandbox.state.set_fault("balance", "drip", bytes_per_second=1)
    deadline = 1.0

    async def scenario() -> float:
        async with make_client(sandbox, deadline=deadline) as client:
            started = time.monotonic()
            with pytest.raises(RequestTimeout):
                # The outer bound only keeps a broken client from hanging the test.
                await asyncio.wait_for(client.balance(token), deadline + 10)
            return time.monotonic() - started

    elapsed = arun(scenario())
    assert elapsed < deadline + 3  # a bound generous to slow CI, not a benchmark
    assert sandbox.state.request_counts["balance"] == 1  # a timed-out read is not retried


def test_the_deadline_covers_connect_retries_too() -> None:
    """Retrying reads on connect failures never stretches a call past the deadline."""

    class SlowToRefuse(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(0.4)
            raise httpx.ConnectError("refused")

    async def scenario() -> float:
        async with OhMyGPTClient(
            "https://api.example.invalid",
            transport=SlowToRefuse(),
            deadline=1.0,
            connect_retries=10,
            retry_backoff=0.1,
        ) as client:
            started = time.monotonic()
            with pytest.raises(RequestTimeout):
                await asyncio.wait_for(client.balance(Secret("omg-oat-v1-abc")), 10)
            return time.monotonic() - started

    assert arun(scenario()) < 1.0 + 3


# The reply proves that no order was created only when it is the documented JSON error
# envelope, or when the request never left this computer.
PROOF_TABLE: list[tuple[str, dict[str, Any], type[ApiError], bool, bool]] = [
    # kind, params, error, proves_not_created, reply names the order
    ("status", {"status": 402}, InsufficientBalanceError, True, False),
    ("status", {"status": 500}, ServerError, True, False),
    ("error_in_200", {"status": 401}, InvalidTokenError, True, False),
    ("html", {"status": 502}, ServerError, False, False),
    ("html", {"status": 504}, ServerError, False, False),
    ("html", {"status": 401}, InvalidTokenError, False, False),
    ("non_json", {}, MalformedResponseError, False, False),
    ("oversized", {}, MalformedResponseError, False, False),
    ("redirect", {}, MalformedResponseError, False, False),
    ("redirect", {"status": 307, "location": "/elsewhere"}, MalformedResponseError, False, False),
    ("bad_url", {"url": "http://evil.example/pay"}, UnsafeUrlError, False, True),
    ("missing_field", {"field": "checkout_url"}, MalformedResponseError, False, True),
    ("wrong_type", {"field": "checkout_url", "value": 7}, MalformedResponseError, False, True),
    ("missing_field", {"field": "order_no"}, MalformedResponseError, False, False),
    ("drop", {}, ConnectionLost, False, False),
]


@pytest.mark.parametrize(
    ("kind", "params", "expected", "proves", "names_order"),
    PROOF_TABLE,
    ids=[f"{k}-{'-'.join(map(str, p.values()))}" for k, p, *_ in PROOF_TABLE],
)
def test_only_a_documented_refusal_proves_no_order_exists(
    sandbox: SandboxServer,
    kind: str,
    params: dict[str, Any],
    expected: type[ApiError],
    proves: bool,
    names_order: bool,
) -> None:
    token = token_for(sandbox)
    sandbox.state.set_fault("checkout_order", kind, **params)

    async def scenario() -> ApiError:
        async with make_client(sandbox) as client:
            with pytest.raises(ApiError) as info:
                await client.checkout_order(token, Decimal("10"))
            return info.value

    error = arun(scenario())
    assert isinstance(error, expected), repr(error)
    assert error.proves_not_created is proves
    orders = sandbox.state.orders()
    if proves:
        assert orders == []
    if names_order:
        (order,) = orders
        assert error.order_no == order["order_no"]
    else:
        assert error.order_no is None


def test_a_connection_refused_proves_nothing_was_sent() -> None:
    async def scenario() -> ApiError:
        base = f"http://127.0.0.1:{_closed_port()}"
        async with OhMyGPTClient(base, proxy="") as client:
            with pytest.raises(ConnectError) as info:
                await client.checkout_order(Secret("omg-oat-v1-abc"), Decimal(10))
            return info.value

    assert arun(scenario()).proves_not_created
    for lost in (ConnectionLost(), RequestTimeout()):
        assert not lost.proves_not_created


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CountingTransport(httpx.AsyncHTTPTransport):
    """The real transport, counting attempts (not a mock: requests really go out)."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return await super().handle_async_request(request)


def test_reads_retry_connect_failures_but_orders_never(sandbox: SandboxServer) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"

    async def scenario() -> tuple[int, int]:
        reads = CountingTransport()
        async with OhMyGPTClient(base, transport=reads, retry_backoff=0.01) as client:
            with pytest.raises(ConnectError):
                await client.balance(Secret("omg-oat-v1-abc"))
        orders = CountingTransport()
        async with OhMyGPTClient(base, transport=orders, retry_backoff=0.01) as client:
            with pytest.raises(ConnectError):
                await client.checkout_order(Secret("omg-oat-v1-abc"), Decimal(10))
        return reads.attempts, orders.attempts

    assert arun(scenario()) == (3, 1)


def test_order_not_retried_after_dropped_connection(sandbox: SandboxServer) -> None:
    token = token_for(sandbox)
    sandbox.state.set_fault("checkout_order", "drop")

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            with pytest.raises(ConnectionLost) as info:
                await client.checkout_order(token, Decimal("10"))
            assert info.value.may_have_reached_server

    arun(scenario())
    assert sandbox.state.request_counts["checkout_order"] == 1
    # The server did create the order: this is why the app keeps an "unknown" row.
    assert len(sandbox.state.orders()) == 1


def test_permission_level_missing_on_create_order(sandbox: SandboxServer) -> None:
    token = token_for(sandbox, client_id=COMMUNITY_APP.client_id)

    async def scenario() -> PermissionDeniedError:
        async with make_client(sandbox) as client:
            with pytest.raises(PermissionDeniedError) as info:
                await client.checkout_order(token, Decimal("10"))
            return info.value

    error = arun(scenario())
    assert "trusted_advanced_access" in error.message
    assert sandbox.state.orders() == []


def test_server_validation_error_on_amount(sandbox: SandboxServer) -> None:
    token = token_for(sandbox)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            await client.checkout_order(token, Decimal("1.234"))

    with pytest.raises(BadRequestError):
        arun(scenario())


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/pay",
        "javascript:alert(1)",
        "https://checkout.stripe.com.evil.example/c/pay/cs_1",
    ],
)
def test_bad_checkout_url_from_server_is_refused(sandbox: SandboxServer, url: str) -> None:
    token = token_for(sandbox)
    sandbox.state.set_fault("checkout_order", "bad_url", url=url)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            await client.checkout_order(token, Decimal("10"))

    with pytest.raises(UnsafeUrlError) as info:
        arun(scenario())
    assert url not in str(info.value) + repr(info.value)


def test_proxy_settings_reach_the_http_client(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dead proxy makes requests fail although the sandbox is up: the proxy is used."""
    dead_proxy = f"http://127.0.0.1:{_closed_port()}"
    token = token_for(sandbox)

    async def explicit() -> None:
        async with make_client(sandbox, proxy=dead_proxy, connect_retries=0) as client:
            await client.balance(token)

    with pytest.raises(ConnectError):
        arun(explicit())

    monkeypatch.setenv("HTTP_PROXY", dead_proxy)
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.delenv("no_proxy", raising=False)

    async def from_env(proxy: str | None) -> None:
        async with make_client(sandbox, proxy=proxy, connect_retries=0) as client:
            await client.balance(token)

    with pytest.raises(ConnectError):
        arun(from_env(None))  # "system": honours HTTP_PROXY
    arun(from_env(""))  # "none": ignores it


def test_json_reply_without_status_code_is_malformed() -> None:
    """The one case the sandbox cannot produce: a JSON 200 with no envelope."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"balance": "1.00"})

    async def scenario() -> None:
        async with OhMyGPTClient(
            "https://api.example.invalid", transport=httpx.MockTransport(handler)
        ) as client:
            await client.balance(Secret("omg-oat-v1-abc"))

    with pytest.raises(MalformedResponseError):
        arun(scenario())


# ------------------------------------------------------------------ pure helpers


def test_authorization_url_has_documented_parameters() -> None:
    url = build_authorization_url(
        "https://next.ohmygpt.com/",
        client_id="6681463833ebdbb2566d1def",
        redirect_uri=f"https://next.ohmygpt.com{CODE_PAGE}",
        scope="general_api_access",
        state="abc",
        redirect_template="?code={code}&state={state}&tgid=114514",
    )
    parsed = httpx.URL(url)
    assert parsed.path == AUTHORIZE_PAGE
    params = dict(parsed.params)
    assert params["response_type"] == "code"
    assert params["client_id"] == "6681463833ebdbb2566d1def"
    assert params["scope"] == "general_api_access"
    assert params["state"] == "abc"
    # The documented example value (docs/api.md#authorization-page).
    assert params["redirect_template"] == "P2NvZGU9e2NvZGV9JnN0YXRlPXtzdGF0ZX0mdGdpZD0xMTQ1MTQ="


PROD = {"https://checkout.stripe.com", "https://invoice.stripe.com"}


@pytest.mark.parametrize(
    "url",
    [
        "http://checkout.stripe.com/c/pay/cs_1",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "https://checkout.stripe.com.evil.example/c/pay/cs_1",
        "https://evil.example/checkout.stripe.com",
        "https://checkout.stripe.com@evil.example/c/pay",
        "https://user:pw@checkout.stripe.com/c/pay",
        "https://xn--checkout-stripe-xyz.com/c/pay",
        "https://checkout.strіpe.com/c/pay",  # Cyrillic і
        "https://checkout.stripe.com:8443/c/pay",
        "https://checkout.stripe.com/c/pay/" + "a" * 5000,
        " https://checkout.stripe.com/c/pay",
        "https://checkout.stripe.com/c/pay\nx",
        "",
        "https:///c/pay",
    ],
)
def test_payment_url_allow_list_refuses(url: str) -> None:
    with pytest.raises(UnsafeUrlError):
        validate_payment_url(url, PROD)


@pytest.mark.parametrize(
    "url",
    [
        "https://checkout.stripe.com/c/pay/cs_test_a1#fidkdWxOYHwnPyd1blpxYHZxWjA0",
        "https://CHECKOUT.stripe.com/c/pay/cs_live_b2",
        "https://invoice.stripe.com/i/acct_1/test_abc",
    ],
)
def test_payment_url_allow_list_accepts(url: str) -> None:
    assert validate_payment_url(url, PROD) == url


def test_secret_never_shows_itself() -> None:
    token = Secret("omg-oat-v1-VVfxxxx4BG6xaxxxxrnS")
    for text in (str(token), repr(token), f"{token}", f"{token!r}"):
        assert "VVfxxxx4BG6xaxxxxrnS" not in text
    assert token.reveal() == "omg-oat-v1-VVfxxxx4BG6xaxxxxrnS"
    assert token == Secret("omg-oat-v1-VVfxxxx4BG6xaxxxxrnS")


def test_endpoint_table_overrides() -> None:
    endpoints = Endpoints().with_overrides({"balance": "/api/v2/balance"})
    assert endpoints.balance == "/api/v2/balance"
    assert endpoints.issue_token == DEFAULT_ENDPOINTS.issue_token
    with pytest.raises(ValueError, match="Unknown endpoint"):
        Endpoints().with_overrides({"nope": "/x"})
    with pytest.raises(ValueError, match="single '/'"):
        Endpoints().with_overrides({"balance": "https://evil.example/x"})
    with pytest.raises(ValueError, match="must be a path"):
        Endpoints().with_overrides({"balance": "/x/https://evil.example"})


def test_one_name_per_endpoint(sandbox: SandboxServer) -> None:
    """An endpoint has one name: the ``Endpoints`` field, the settings key of its
    override, the client's method and the sandbox's counter and fault target. A fault
    set under that name in the sandbox makes that very method fail, once."""
    from ohmygpt_desktop.core.settings import ENDPOINT_KEYS
    from ohmygpt_desktop.sandbox.config import API_ENDPOINTS, ENDPOINTS

    names = Endpoints.names()
    assert names == ENDPOINT_KEYS
    assert frozenset(names) == API_ENDPOINTS
    assert set(names) <= set(ENDPOINTS)

    token = Secret("omg-oat-v1-abc")
    arguments: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
        "issue_token": (
            (),
            {
                "client_id": DEFAULT_APP.client_id,
                "client_secret": Secret(DEFAULT_APP.client_secret),
                "code": "abcd1234",
            },
        ),
        "user_info": ((token,), {}),
        "balance": ((token,), {}),
        "checkout_order": ((token, Decimal("10")), {}),
        "invoice_order": ((token, Decimal("10")), {}),
    }
    assert set(arguments) == set(names)

    async def scenario() -> None:
        async with make_client(sandbox) as client:
            for name in names:
                sandbox.state.set_fault(name, "status", status=503, times=1)
                args, kwargs = arguments[name]
                with pytest.raises(ServerError):
                    await getattr(client, name)(*args, **kwargs)
                assert sandbox.state.request_counts[name] == 1, name

    arun(scenario())


def test_settings_and_client_accept_the_same_endpoint_paths(tmp_path: Path) -> None:
    """One check for an endpoint path: what the settings accept, the client accepts."""
    from ohmygpt_desktop.core.settings import Settings, SettingsError

    settings = Settings.load(tmp_path / "settings.json", env={})
    for path in (
        "/api/v2/balance",
        "/api//balance",
        "/api/balance?x=1",
        "api/balance",
        "//evil.example/x",
        "/x/https://evil.example",
        "/api/bal ance",
        "/api/balance\n",
        "https://evil.example/x",
        "",
    ):
        try:
            settings.set("endpoints", {"balance": path})
        except SettingsError:
            accepted = False
        else:
            accepted = True
        try:
            Endpoints().with_overrides({"balance": path})
        except ValueError:
            assert not accepted, f"the settings accept {path!r} but the client refuses it"
        else:
            assert accepted, f"the client accepts {path!r} but the settings refuse it"


def test_endpoint_override_reaches_requests(sandbox: SandboxServer) -> None:
    token = token_for(sandbox)

    async def scenario() -> None:
        endpoints = Endpoints().with_overrides({"balance": "/api/v1/does-not-exist"})
        async with make_client(sandbox, endpoints=endpoints) as client:
            await client.balance(token)

    with pytest.raises(ApiError):
        arun(scenario())
    assert sandbox.state.request_counts["balance"] == 0
