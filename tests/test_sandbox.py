"""The local OhMyGPT stand-in, driven over real HTTP like the app and a person would."""

from __future__ import annotations

import base64
import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE, CODE_PAGE, DEFAULT_ENDPOINTS
from ohmygpt_desktop.api.models import CREDITS_PER_USD, TOKEN_PREFIX
from ohmygpt_desktop.sandbox import (
    COMMUNITY_APP,
    DEFAULT_APP,
    ENDPOINTS,
    SEEDED_APPS,
    SEEDED_USERS,
    SandboxConfig,
    SandboxServer,
)
from ohmygpt_desktop.sandbox.__main__ import main as cli_main
from ohmygpt_desktop.sandbox.__main__ import parse_fault
from ohmygpt_desktop.sandbox.app import DECIDE_PATH
from tests.helpers.sandbox_browser import (
    PageError,
    authorize,
    load,
    new_client,
    pay,
    read_code_page,
)

REPO = Path(__file__).resolve().parent.parent

# The app's own paths: the sandbox must serve what the client calls. The documented
# values are checked once, against docs/api.md (test_docs_name_endpoints_as_the_code_does).
ISSUE = DEFAULT_ENDPOINTS.issue_token
INFO = DEFAULT_ENDPOINTS.user_info
BALANCE = DEFAULT_ENDPOINTS.balance
ORDER = DEFAULT_ENDPOINTS.checkout_order
INVOICE = DEFAULT_ENDPOINTS.invoice_order
INVALID_TOKEN_TEXT = (
    "Incorrect OhMyGPT OAuth token provided. Please try to re-authenticate with the OAuth provider."
)
INSUFFICIENT_TEXT = (
    "User balance is insufficient, your request has been rejected, "
    "please recharge in time at https://www.ohmygpt.com/pay ."
)


# -- fixtures and helpers --------------------------------------------------------


@pytest.fixture(scope="module")
def _sandbox_module() -> Iterator[SandboxServer]:
    with SandboxServer(host="127.0.0.1", port=0, config=SandboxConfig(credit_delay=0)) as server:
        yield server


@pytest.fixture
def sandbox(_sandbox_module: SandboxServer) -> Iterator[SandboxServer]:
    """One server per module, back in its seeded state for every test."""
    _sandbox_module.state.reset()
    yield _sandbox_module
    _sandbox_module.state.reset()


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with new_client(sandbox.base_url, timeout=5.0) as client:
        yield client


def auth_url(base: str, **params: str | None) -> str:
    query: dict[str, str | None] = {
        "response_type": "code",
        "client_id": DEFAULT_APP.client_id,
        "redirect_uri": f"{base}{CODE_PAGE}",
        "scope": DEFAULT_APP.scope,
        "state": "xyz",
    }
    query.update(params)
    return f"{base}{AUTHORIZE_PAGE}?" + urlencode({k: v for k, v in query.items() if v is not None})


def code_from(location: str) -> str:
    return parse_qs(urlsplit(location).query)["code"][0]


def sign_in(base: str, http: httpx.Client, user_id: str = "888") -> str:
    """The whole browser dance; returns a token."""
    code, _ = read_code_page(authorize(auth_url(base), user_id=user_id))
    reply = http.post(
        ISSUE,
        data={
            "client_id": DEFAULT_APP.client_id,
            "client_secret": DEFAULT_APP.client_secret,
            "code": code,
        },
    )
    assert reply.status_code == 200, reply.text
    return reply.json()["data"]["token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_of(reply: httpx.Response) -> tuple[int, int, str]:
    body = reply.json()
    assert body["data"] is None
    return reply.status_code, body["statusCode"], body["errorType"]


# -- seeded data and lifecycle ---------------------------------------------------


def test_seeded_apps_and_users_look_like_the_real_ones() -> None:
    assert SEEDED_APPS[0] is DEFAULT_APP
    for app in SEEDED_APPS:
        assert re.fullmatch(r"[0-9a-f]{24}", app.client_id)
        assert re.fullmatch(r"[A-Za-z0-9]{32}", app.client_secret)
        assert (app.domain, app.scope) == ("127.0.0.1", "general_api_access")
    assert DEFAULT_APP.permission_level == "trusted_advanced_access"
    assert COMMUNITY_APP.permission_level != "trusted_advanced_access"
    users = {u.user_id: u for u in SEEDED_USERS}
    assert users["888"].email == "alice@example.com"
    assert (users["888"].balance, users["888"].free_balance) == (
        Decimal("340000.00"),
        Decimal("1500.00"),
    )
    assert users["888"].balance == 10 * CREDITS_PER_USD
    assert (users["1024"].email, users["1024"].balance) == ("bob@example.com", Decimal("8217.00"))
    assert (users["2048"].email, users["2048"].balance) == (
        "carol@example.com",
        Decimal("1700000.00"),
    )


def test_server_lifecycle() -> None:
    server = SandboxServer(port=0)
    with pytest.raises(RuntimeError):
        _ = server.base_url
    with server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        with new_client() as client:
            assert client.get(server.base_url + "/").status_code == 200
    assert not server.running
    server.stop()  # idempotent
    with pytest.raises(httpx.ConnectError), new_client() as client:
        client.get(server.base_url + "/")


def test_refuses_non_loopback_addresses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(host="0.0.0.0")  # noqa: S104 - what it must refuse
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--host", "0.0.0.0"])  # noqa: S104 - what it must refuse
    assert exit_info.value.code == 2
    assert "only loopback" in capsys.readouterr().err


# -- the happy path --------------------------------------------------------------


def test_authorize_pay_and_see_the_balance_grow(sandbox: SandboxServer, http: httpx.Client) -> None:
    base = sandbox.base_url
    location = authorize(auth_url(base))
    assert location.startswith(f"{base}{CODE_PAGE}?code=")
    code, state = read_code_page(location)
    assert re.fullmatch(r"[A-Za-z0-9]{16}", code)
    assert state == "xyz"

    reply = http.post(
        ISSUE,
        data={
            "client_id": DEFAULT_APP.client_id,
            "client_secret": DEFAULT_APP.client_secret,
            "code": code,
        },
    )
    body = reply.json()
    assert reply.status_code == 200
    assert body["statusCode"] == 200
    assert body["message"] == "Issue OAuth Token success"
    assert body["data"]["user_id"] == "888"
    assert body["data"]["client_id"] == DEFAULT_APP.client_id
    token = body["data"]["token"]
    assert re.fullmatch(re.escape(TOKEN_PREFIX) + r"[A-Za-z0-9]{24}", token)

    info = http.post(INFO, headers=bearer(token)).json()
    assert info["data"] == {"userId": "888", "userEmail": "alice@example.com"}
    balance = http.post(BALANCE, headers=bearer(token)).json()
    assert balance["data"] == {"balance": "340000.00", "free_balance": "1500.00"}

    success = "http://127.0.0.1:9/paid?session={CHECKOUT_SESSION_ID}"
    reply = http.post(
        ORDER,
        headers=bearer(token),
        data={
            "amount": "10",
            "product_id": "10001",
            "success_url": success,
            "cancel_url": "http://127.0.0.1:9/cancelled",
        },
    )
    order = reply.json()
    assert order["message"] == "Stripe Order Create Success"
    checkout_url = order["data"]["checkout_url"]
    assert re.fullmatch(re.escape(base) + r"/c/pay/cs_test_[A-Za-z0-9]+#\S+", checkout_url)
    assert re.fullmatch(r"[0-9a-f]{32}", order["data"]["order_no"])

    page = load(checkout_url)
    assert "$10.00" in page.by_id["amount"]
    assert page.by_id["email"] == "alice@example.com"
    assert order["data"]["order_no"] in page.by_id["order-no"]

    session = urlsplit(checkout_url).path.rsplit("/", 1)[1]
    assert pay(checkout_url) == f"http://127.0.0.1:9/paid?session={session}"
    balance = http.post(BALANCE, headers=bearer(token)).json()
    assert balance["data"]["balance"] == "680000.00"  # + 10 USD x 34000
    assert balance["data"]["free_balance"] == "1500.00"
    orders = http.get("/_sandbox/orders").json()["data"]
    assert [(o["order_no"], o["status"], o["amount"], o["credited"]) for o in orders] == [
        (order["data"]["order_no"], "paid", "10.00", True)
    ]


def test_issue_token_accepts_a_json_body(sandbox: SandboxServer, http: httpx.Client) -> None:
    code = code_from(authorize(auth_url(sandbox.base_url), user_id="1024"))
    reply = http.post(
        ISSUE,
        json={
            "client_id": DEFAULT_APP.client_id,
            "client_secret": DEFAULT_APP.client_secret,
            "code": code,
        },
    )
    assert reply.json()["data"]["user_id"] == "1024"
    token = reply.json()["data"]["token"]
    assert http.post(BALANCE, headers=bearer(token)).json()["data"] == {
        "balance": "8217.00",
        "free_balance": "0.00",
    }


def test_credit_waits_for_the_webhook_on_the_sandbox_clock(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    http.post("/_sandbox/config", json={"credit_delay": 60}).raise_for_status()
    token = sandbox.state.issue_token("2048")
    url = http.post(ORDER, headers=bearer(token), data={"amount": "2.50"}).json()["data"][
        "checkout_url"
    ]
    pay(url)
    assert http.post(BALANCE, headers=bearer(token)).json()["data"]["balance"] == "1700000.00"
    assert http.get("/_sandbox/orders").json()["data"][0]["status"] == "paid"
    http.post("/_sandbox/clock", json={"advance": 50}).raise_for_status()
    assert sandbox.state.balance("2048")[0] == Decimal("1700000.00")
    http.post("/_sandbox/clock", json={"advance": 10}).raise_for_status()
    assert http.post(BALANCE, headers=bearer(token)).json()["data"]["balance"] == "1785000.00"


def test_a_paid_order_is_never_credited_twice(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    url = http.post(ORDER, headers=bearer(token), data={"amount": "1"}).json()["data"][
        "checkout_url"
    ]
    location = pay(url)
    assert location.endswith("/complete")  # no success_url: the built-in page
    assert "Payment received" in load(location).text
    page = load(url)
    assert "already been paid" in page.text
    assert not page.forms
    again = http.post(urlsplit(url).path, data={"action": "pay"})
    assert again.status_code == 409
    assert "already been paid" in again.text
    assert sandbox.state.balance("888")[0] == Decimal("374000.00")


def test_cancel_and_expiry_on_the_checkout_page(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    first = http.post(
        ORDER, headers=bearer(token), data={"amount": "5", "cancel_url": "https://127.0.0.1/c"}
    ).json()["data"]["checkout_url"]
    assert pay(first, action="cancel") == "https://127.0.0.1/c"
    second = http.post(ORDER, headers=bearer(token), data={"amount": "5"}).json()["data"][
        "checkout_url"
    ]
    assert "cancelled" in load(pay(second, action="cancel")).text.lower()
    third = http.post(ORDER, headers=bearer(token), data={"amount": "5"}).json()["data"][
        "checkout_url"
    ]
    sandbox.state.advance_clock(86400)
    page = load(third)
    assert page.status == 410
    assert "expired" in page.text
    with pytest.raises(PageError):
        pay(third)
    statuses = [o["status"] for o in http.get("/_sandbox/orders").json()["data"]]
    assert statuses == ["cancelled", "cancelled", "expired"]
    assert sandbox.state.balance("888")[0] == Decimal("340000.00")
    assert load(f"{sandbox.base_url}/c/pay/cs_test_nope").status == 404


def test_invoice_flow(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    reply = http.post(
        INVOICE, headers=bearer(token), data={"amount": "20", "email": "billing@example.org"}
    )
    data = reply.json()["data"]
    assert re.fullmatch(
        re.escape(sandbox.base_url) + r"/i/acct_sandbox/in_test_[A-Za-z0-9]+", data["invoice_url"]
    )
    assert re.fullmatch(r"[0-9a-f]{32}", data["order_no"])
    assert load(data["invoice_url"]).by_id["email"] == "billing@example.org"
    pay(data["invoice_url"])
    assert sandbox.state.balance("888")[0] == Decimal("1020000.00")
    (order,) = http.get("/_sandbox/orders").json()["data"]
    assert (order["kind"], order["email"], order["status"]) == (
        "invoice",
        "billing@example.org",
        "paid",
    )
    bad = http.post(INVOICE, headers=bearer(token), data={"amount": "20", "email": "nope"})
    assert error_of(bad) == (400, 400, "invalid_request_error")
    assert "email" in bad.json()["message"]


# -- authorization page ----------------------------------------------------------


def test_the_authorization_page_says_who_asks_for_what(sandbox: SandboxServer) -> None:
    page = load(auth_url(sandbox.base_url))
    assert page.status == 200
    assert page.by_id["app-name"] == "OhMyGPT Desktop (sandbox)"
    assert "balance" in page.by_id["permissions"]
    assert "recharge orders" in page.by_id["permissions"]
    assert page.by_id["redirect-uri"] == f"{sandbox.base_url}{CODE_PAGE}"
    (form,) = page.forms
    assert (form.method, form.action) == ("post", DECIDE_PATH)
    assert form.hidden["state"] == "xyz"
    assert set(form.choices["user_id"]) >= {"888", "1024", "2048"}
    assert ("action", "authorize") in form.buttons
    assert ("action", "deny") in form.buttons
    community = load(
        auth_url(
            sandbox.base_url, client_id=COMMUNITY_APP.client_id, redirect_uri="http://localhost/x"
        )
    )
    assert community.by_id["app-name"] == "Community Bot (sandbox)"
    assert "recharge" not in community.by_id["permissions"]


def test_deny(sandbox: SandboxServer) -> None:
    location = authorize(auth_url(sandbox.base_url), action="deny")
    query = parse_qs(urlsplit(location).query)
    assert query["error"] == ["access_denied"]
    assert query["error_description"]
    assert query["state"] == ["xyz"]
    assert "code" not in query
    page = load(location)
    assert "denied" in page.text
    with pytest.raises(PageError):
        read_code_page(location)


def test_loopback_redirects_keep_their_query_and_omit_a_missing_state(
    sandbox: SandboxServer,
) -> None:
    location = authorize(
        auth_url(sandbox.base_url, redirect_uri="http://127.0.0.1:54321/callback?x=1", state=None)
    )
    assert location.startswith("http://127.0.0.1:54321/callback?x=1&code=")
    assert "state" not in parse_qs(urlsplit(location).query)
    location = authorize(auth_url(sandbox.base_url, redirect_uri="http://localhost:1/cb"))
    assert re.fullmatch(r"http://localhost:1/cb\?code=[A-Za-z0-9]{16}&state=xyz", location)


@pytest.mark.parametrize(
    "encode",
    [
        base64.b64encode,
        base64.urlsafe_b64encode,
        lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"="),
    ],
    ids=["standard", "urlsafe", "urlsafe-unpadded"],
)
def test_redirect_template(sandbox: SandboxServer, encode: Any) -> None:
    raw = b"?code={code}&state={state}&tgid=114514&x=~~~?"
    assert "+" in base64.b64encode(raw).decode()  # "+" and "/" must survive the query string
    assert "/" in base64.b64encode(raw).decode()
    template = encode(raw).decode()
    location = authorize(
        auth_url(
            sandbox.base_url,
            redirect_uri="http://127.0.0.1:8080/api/authorize",
            state="a b&c",
            redirect_template=template,
        )
    )
    match = re.fullmatch(
        r"http://127\.0\.0\.1:8080/api/authorize\?code=([A-Za-z0-9]{16})"
        r"&state=a%20b%26c&tgid=114514&x=~~~\?",
        location,
    )
    assert match, location


def test_documented_redirect_template_example(sandbox: SandboxServer) -> None:
    location = authorize(
        auth_url(
            sandbox.base_url,
            state="EXAMPLE_STATE",
            redirect_template="P2NvZGU9e2NvZGV9JnN0YXRlPXtzdGF0ZX0mdGdpZD0xMTQ1MTQ=",
        )
    )
    code, state = read_code_page(location)
    assert location.endswith(f"succeed?code={code}&state=EXAMPLE_STATE&tgid=114514")
    assert state == "EXAMPLE_STATE"


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"client_id": "0123456789abcdef01234567"}, "Unknown app"),
        ({"client_id": None}, "no client_id"),
        ({"redirect_uri": "https://evil.example/callback"}, "not allowed for this app"),
        ({"redirect_uri": "javascript:alert(1)"}, "not a web address"),
        ({"redirect_uri": CODE_PAGE}, "not a web address"),
        ({"scope": "general_api_access trusted_advanced_access"}, "scope mismatch"),
        ({"scope": None}, "scope mismatch"),
        ({"response_type": "token"}, "Unsupported response_type"),
        ({"redirect_template": "%%%not base64"}, "redirect_template is not valid"),
    ],
)
def test_invalid_authorization_requests_get_an_error_page_not_a_redirect(
    sandbox: SandboxServer, http: httpx.Client, params: dict[str, str | None], words: str
) -> None:
    url = auth_url(sandbox.base_url, **params)
    reply = http.get(url)
    assert reply.status_code == 400
    assert reply.headers["content-type"].startswith("text/html")
    assert "location" not in reply.headers
    assert words in reply.text
    with pytest.raises(PageError, match="shows an error"):
        authorize(url)


def test_the_decision_is_validated_again(sandbox: SandboxServer, http: httpx.Client) -> None:
    form = load(auth_url(sandbox.base_url)).forms[0]
    tampered = {
        **form.hidden,
        "redirect_uri": "https://evil.example/steal",
        "user_id": "888",
        "action": "authorize",
    }
    reply = http.post(DECIDE_PATH, data=tampered)
    assert reply.status_code == 400
    assert "location" not in reply.headers
    reply = http.post(DECIDE_PATH, data={**form.hidden, "user_id": "999", "action": "authorize"})
    assert reply.status_code == 400
    assert "not one of the sandbox users" in reply.text


def test_code_page_escapes_what_it_shows(sandbox: SandboxServer, http: httpx.Client) -> None:
    reply = http.get(CODE_PAGE, params={"code": "<b>x</b>", "state": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in reply.text
    assert "&lt;script&gt;" in reply.text
    assert "Copy this code and paste it into the app" in reply.text
    assert http.get(CODE_PAGE).status_code == 400


# -- issue-token errors ----------------------------------------------------------


def test_issue_token_errors(sandbox: SandboxServer, http: httpx.Client) -> None:
    base = sandbox.base_url
    good = {"client_id": DEFAULT_APP.client_id, "client_secret": DEFAULT_APP.client_secret}

    code = code_from(authorize(auth_url(base)))
    wrong_secret = http.post(ISSUE, data={**good, "client_secret": "x" * 32, "code": code})
    assert error_of(wrong_secret) == (401, 401, "oauth_invalid_client_error")
    unknown = http.post(ISSUE, data={**good, "client_id": "f" * 24, "code": code})
    assert error_of(unknown) == (401, 401, "oauth_invalid_client_error")
    for missing in ("client_id", "client_secret", "code"):
        data = {**good, "code": code}
        del data[missing]
        reply = http.post(ISSUE, data=data)
        assert error_of(reply) == (400, 400, "invalid_request_error")
        assert missing in reply.json()["message"]

    assert http.post(ISSUE, data={**good, "code": code}).status_code == 200  # still unused
    reused = http.post(ISSUE, data={**good, "code": code})
    assert error_of(reused) == (400, 400, "oauth_invalid_code_error")
    assert "already been used" in reused.json()["message"]

    assert error_of(http.post(ISSUE, data={**good, "code": "A" * 16}))[2] == (
        "oauth_invalid_code_error"
    )

    code = code_from(authorize(auth_url(base)))
    http.post("/_sandbox/clock", json={"advance": 601}).raise_for_status()
    expired = http.post(ISSUE, data={**good, "code": code})
    assert error_of(expired) == (400, 400, "oauth_invalid_code_error")
    assert "expired" in expired.json()["message"]

    community_code = code_from(
        authorize(auth_url(base, client_id=COMMUNITY_APP.client_id, redirect_uri=base + "/cb"))
    )
    stolen = http.post(ISSUE, data={**good, "code": community_code})
    assert error_of(stolen) == (400, 400, "oauth_invalid_code_error")
    assert "different client" in stolen.json()["message"]


# -- bearer endpoints ------------------------------------------------------------


@pytest.mark.parametrize("path", [INFO, BALANCE, ORDER, INVOICE])
def test_missing_unknown_and_revoked_tokens_get_401(
    sandbox: SandboxServer, http: httpx.Client, path: str
) -> None:
    token = sandbox.state.issue_token("888")
    assert http.post(path, headers=bearer(token), data={"amount": "1"}).status_code == 200
    http.post("/_sandbox/revoke", json={"user_id": "888"}).raise_for_status()
    for headers in (
        {},
        {"Authorization": "Basic abc"},
        bearer(TOKEN_PREFIX + "x" * 24),
        bearer(token),
    ):
        reply = http.post(path, headers=headers, data={"amount": "1"})
        assert error_of(reply) == (401, 401, "oauth_invalid_token_error")
        assert reply.json()["message"] == INVALID_TOKEN_TEXT


def test_recharge_needs_trusted_advanced_access(sandbox: SandboxServer, http: httpx.Client) -> None:
    code = code_from(
        authorize(
            auth_url(
                sandbox.base_url,
                client_id=COMMUNITY_APP.client_id,
                redirect_uri="http://127.0.0.1:5000/cb",
            )
        )
    )
    token = http.post(
        ISSUE,
        data={
            "client_id": COMMUNITY_APP.client_id,
            "client_secret": COMMUNITY_APP.client_secret,
            "code": code,
        },
    ).json()["data"]["token"]
    assert http.post(BALANCE, headers=bearer(token)).status_code == 200
    for path in (ORDER, INVOICE):
        reply = http.post(path, headers=bearer(token), data={"amount": "10"})
        assert error_of(reply) == (403, 403, "oauth_permission_denied_error")
        assert "trusted_advanced_access" in reply.json()["message"]
    assert http.get("/_sandbox/orders").json()["data"] == []


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"amount": "0"}, "greater than 0"),
        ({"amount": "-1"}, "greater than 0"),
        ({"amount": "1.234"}, "two decimal places"),
        ({"amount": "abc"}, "number of US dollars"),
        ({"amount": "1e3"}, "number of US dollars"),
        ({"amount": "NaN"}, "number of US dollars"),
        ({"amount": "999999"}, "at most 5000.00"),
        ({"amount": "0.99"}, "at least 1.00"),
        ({}, "amount is required"),
        ({"amount": "10", "product_id": "10002"}, "product_id"),
        ({"amount": "10", "success_url": "javascript:alert(1)"}, "success_url"),
        ({"amount": "10", "cancel_url": "ftp://127.0.0.1/x"}, "cancel_url"),
    ],
)
def test_order_parameters_are_validated(
    sandbox: SandboxServer, http: httpx.Client, params: dict[str, str], words: str
) -> None:
    token = sandbox.state.issue_token("888")
    reply = http.post(ORDER, headers=bearer(token), data=params)
    assert error_of(reply) == (400, 400, "invalid_request_error")
    assert words in reply.json()["message"]
    assert http.get("/_sandbox/orders").json()["data"] == []


def test_order_accepts_json_and_cents(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    reply = http.post(ORDER, headers=bearer(token), json={"amount": 12.5, "product_id": 10001})
    assert reply.status_code == 200
    (order,) = http.get("/_sandbox/orders").json()["data"]
    assert (order["amount"], order["product_id"], order["credits"]) == (
        "12.50",
        "10001",
        "425000.00",
    )


def test_always200_mode_keeps_the_real_code_in_the_body(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    http.post("/_sandbox/config", json={"status_mode": "always200"}).raise_for_status()
    reply = http.post(BALANCE, headers=bearer("nope"))
    assert reply.status_code == 200
    assert reply.json()["statusCode"] == 401
    assert reply.json()["errorType"] == "oauth_invalid_token_error"
    sandbox.state.reset()
    assert http.post(BALANCE, headers=bearer("nope")).status_code == 401


# -- faults ----------------------------------------------------------------------


def set_fault(http: httpx.Client, **spec: Any) -> dict[str, Any]:
    reply = http.post("/_sandbox/faults", json=spec)
    assert reply.status_code == 200, reply.text
    return reply.json()["data"]


@pytest.mark.parametrize(
    ("status", "error_type", "message"),
    [
        (401, "oauth_invalid_token_error", INVALID_TOKEN_TEXT),
        (402, "insufficient_balance_error", INSUFFICIENT_TEXT),
        (403, "oauth_permission_denied_error", None),
        (500, "server_error", None),
        (502, "server_error", None),
        (503, "server_error", None),
        (400, "invalid_request_error", None),
    ],
)
def test_status_fault(
    sandbox: SandboxServer, http: httpx.Client, status: int, error_type: str, message: str | None
) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="balance", kind="status", status=status, times=1)
    reply = http.post(BALANCE, headers=bearer(token))
    assert error_of(reply) == (status, status, error_type)
    if message:
        assert reply.json()["message"] == message
    if status == 403:
        assert "trusted_advanced_access" in reply.json()["message"]
    assert http.post(BALANCE, headers=bearer(token)).status_code == 200  # times=1 used up


def test_rate_limit_fault_has_retry_after(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    sandbox.state.set_fault("checkout_order", "status", status=429, retry_after=3, times=2)
    for _ in range(2):
        reply = http.post(ORDER, headers=bearer(token), data={"amount": "10"})
        assert error_of(reply) == (429, 429, "rate_limit_error")
        assert reply.headers["retry-after"] == "3"
    assert http.post(ORDER, headers=bearer(token), data={"amount": "10"}).status_code == 200
    sandbox.state.set_fault("balance", "status", status=429)
    assert http.post(BALANCE, headers=bearer(token)).headers["retry-after"] == "7"
    http.post("/_sandbox/config", json={"status_mode": "always200"}).raise_for_status()
    reply = http.post(BALANCE, headers=bearer(token))
    assert (reply.status_code, reply.json()["statusCode"]) == (200, 429)
    assert reply.headers["retry-after"] == "7"


def test_error_in_200_fault(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="user_info", kind="error_in_200")
    reply = http.post(INFO, headers=bearer(token))
    assert error_of(reply) == (200, 401, "oauth_invalid_token_error")
    set_fault(http, endpoint="user_info", kind="error_in_200", status=402)
    assert error_of(http.post(INFO, headers=bearer(token))) == (
        200,
        402,
        "insufficient_balance_error",
    )


def test_html_fault(sandbox: SandboxServer, http: httpx.Client) -> None:
    set_fault(http, endpoint="issue_token", kind="html")
    reply = http.post(ISSUE, data={"client_id": "x", "client_secret": "y", "code": "z"})
    assert reply.status_code == 502
    assert reply.headers["content-type"].startswith("text/html")
    assert "Bad gateway" in reply.text
    set_fault(http, endpoint="*", kind="html", status=524)
    assert http.get(AUTHORIZE_PAGE).status_code == 524  # pages can be faulted too


@pytest.mark.parametrize(
    ("variant", "media"), [("text", "text/plain"), ("broken_json", "application/json")]
)
def test_non_json_fault(
    sandbox: SandboxServer, http: httpx.Client, variant: str, media: str
) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="balance", kind="non_json", variant=variant)
    reply = http.post(BALANCE, headers=bearer(token))
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith(media)
    with pytest.raises(json.JSONDecodeError):
        json.loads(reply.text)


def test_drop_fault_cuts_the_reply_after_the_order_exists(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    token = sandbox.state.issue_token("888")
    sandbox.state.set_fault("checkout_order", "drop", times=1)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post(ORDER, headers=bearer(token), data={"amount": "10"})
    (order,) = http.get("/_sandbox/orders").json()["data"]  # created server-side
    assert order["status"] == "open"
    assert http.post(BALANCE, headers=bearer(token)).status_code == 200  # server fine


def test_missing_and_wrong_fields(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    sandbox.state.set_fault("balance", "missing_field", times=1)
    assert http.post(BALANCE, headers=bearer(token)).json()["data"] == {"free_balance": "1500.00"}
    sandbox.state.set_fault("balance", "missing_field", field="free_balance", times=1)
    assert http.post(BALANCE, headers=bearer(token)).json()["data"] == {"balance": "340000.00"}
    sandbox.state.set_fault("user_info", "wrong_type", field="userId", times=1)
    assert http.post(INFO, headers=bearer(token)).json()["data"]["userId"] == ["888"]
    set_fault(http, endpoint="balance", kind="wrong_type", field="balance", value={"n": 1})
    assert http.post(BALANCE, headers=bearer(token)).json()["data"]["balance"] == {"n": 1}


@pytest.mark.parametrize("url", ["http://evil.example/pay", "javascript:alert(1)"])
def test_bad_url_fault(sandbox: SandboxServer, http: httpx.Client, url: str) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="checkout_order", kind="bad_url", url=url)
    set_fault(http, endpoint="invoice_order", kind="bad_url", url=url)
    assert (
        http.post(ORDER, headers=bearer(token), data={"amount": "1"}).json()["data"]["checkout_url"]
        == url
    )
    assert (
        http.post(INVOICE, headers=bearer(token), data={"amount": "1"}).json()["data"][
            "invoice_url"
        ]
        == url
    )


def test_oversized_fault(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="balance", kind="oversized", times=1)
    with http.stream("POST", BALANCE, headers=bearer(token)) as reply:
        assert reply.status_code == 200
        assert int(reply.headers["content-length"]) == 10 * 1024 * 1024
        first = next(reply.iter_bytes())
        assert first.startswith(b'{"statusCode":200')
        # a careful client stops here; the server must cope with that
    sandbox.state.set_fault("balance", "oversized", size=300_000, times=1)
    reply = http.post(BALANCE, headers=bearer(token))
    assert len(reply.content) == 300_000
    assert len(reply.json()["data"]["padding"]) > 299_000
    assert http.post(BALANCE, headers=bearer(token)).status_code == 200


def test_latency_fault_keeps_the_server_responsive(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    token = sandbox.state.issue_token("888")
    sandbox.state.set_fault("balance", "latency", seconds=30)
    with pytest.raises(httpx.ReadTimeout):
        http.post(BALANCE, headers=bearer(token), timeout=0.2)
    reply = http.post(INFO, headers=bearer(token), timeout=1.0)  # not stuck behind it
    assert reply.status_code == 200
    sandbox.state.clear_faults()
    http.post("/_sandbox/config", json={"latency": 30}).raise_for_status()
    with pytest.raises(httpx.ReadTimeout):
        http.post(BALANCE, headers=bearer(token), timeout=0.2)
    assert http.get(f"{CODE_PAGE}?code=abc", timeout=1.0).status_code == 200  # a page


def test_redirect_and_drip_faults(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    set_fault(http, endpoint="balance", kind="redirect", times=1)
    reply = http.post(BALANCE, headers=bearer(token))
    assert (reply.status_code, reply.headers["location"]) == (302, "https://www.ohmygpt.com/login")
    set_fault(http, endpoint="balance", kind="drip", bytes_per_second=1000, times=1)
    with http.stream("POST", BALANCE, headers=bearer(token)) as reply:
        chunks = list(reply.iter_raw())
    assert len(chunks) > 10  # a byte at a time
    assert json.loads(b"".join(chunks))["data"]["balance"] == "340000.00"
    for bad in ({"kind": "redirect", "status": 200}, {"kind": "drip", "bytes_per_second": 0}):
        reply = http.post("/_sandbox/faults", json={"endpoint": "balance", **bad})
        assert reply.status_code == 400, bad


def test_fault_bookkeeping(sandbox: SandboxServer, http: httpx.Client) -> None:
    bad = http.post("/_sandbox/faults", json={"endpoint": "nope", "kind": "drop"})
    assert bad.status_code == 400
    assert "unknown endpoint" in bad.json()["message"]
    assert http.post("/_sandbox/faults", json={"endpoint": "*", "kind": "boom"}).status_code == 400
    typo = http.post("/_sandbox/faults", json={"endpoint": "*", "kind": "status", "code": 500})
    assert "takes no parameter code" in typo.json()["message"]
    with pytest.raises(ValueError, match="times"):
        sandbox.state.set_fault("balance", "drop", times=0)
    set_fault(http, endpoint="*", kind="status", status=503)
    set_fault(http, endpoint="user_info", kind="status", status=500, times=1)
    assert [f["endpoint"] for f in http.get("/_sandbox/faults").json()["data"]] == [
        "*",
        "user_info",
    ]
    token = sandbox.state.issue_token("888")
    assert http.post(INFO, headers=bearer(token)).status_code == 500  # specific wins
    assert http.post(INFO, headers=bearer(token)).status_code == 503  # then the wildcard
    assert http.delete("/_sandbox/faults").status_code == 200
    assert http.post(INFO, headers=bearer(token)).status_code == 200


def test_request_counts(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sign_in(sandbox.base_url, http)
    sandbox.state.set_fault("balance", "status", status=500, times=1)
    http.post(BALANCE, headers=bearer(token))
    http.post(BALANCE, headers=bearer(token))
    http.post(INFO, headers=bearer(token))
    url = http.post(ORDER, headers=bearer(token), data={"amount": "1"}).json()["data"][
        "checkout_url"
    ]
    pay(url)
    http.get("/_sandbox/orders")  # control endpoints are not counted
    counts = http.get("/_sandbox/requests").json()["data"]
    assert counts == {
        "authorize_page": 1,
        "decide": 1,
        "code_page": 1,
        "issue_token": 1,
        "user_info": 1,
        "balance": 2,
        "checkout_order": 1,
        "invoice_order": 0,
        "checkout_page": 1,
        "checkout_action": 1,
        "update_feed": 0,
    }
    assert set(counts) == set(ENDPOINTS)
    assert sandbox.state.request_counts["balance"] == 2
    http.post("/_sandbox/reset").raise_for_status()
    assert sum(sandbox.state.request_counts.values()) == 0


def test_reset_restores_the_seeded_state(sandbox: SandboxServer, http: httpx.Client) -> None:
    token = sandbox.state.issue_token("888")
    sandbox.state.set_balance("888", "1.00")
    http.post("/_sandbox/config", json={"status_mode": "always200", "credit_delay": 9})
    http.post("/_sandbox/reset").raise_for_status()
    assert sandbox.state.balance("888") == (Decimal("340000.00"), Decimal("1500.00"))
    assert sandbox.config.status_mode == "mirror"
    assert sandbox.config.credit_delay == 0
    assert error_of(http.post(BALANCE, headers=bearer(token)))[0] == 401
    bad = http.post("/_sandbox/config", json={"status_mode": "sometimes"})
    assert bad.status_code == 400


def test_a_test_can_add_a_user_with_any_email(sandbox: SandboxServer, http: httpx.Client) -> None:
    odd = "<b>eve</b>\u202e@example.com"
    reply = http.post("/_sandbox/users", json={"user_id": "31", "email": odd, "balance": "5"})
    assert reply.json()["data"] == {"user_id": "31", "email": odd}
    token = sandbox.state.issue_token("31")
    info = http.post(INFO, headers=bearer(token)).json()["data"]
    assert info["userEmail"] == odd
    assert sandbox.state.balance("31") == (Decimal("5.00"), Decimal("0.00"))
    again = http.post("/_sandbox/users", json={"user_id": "31", "email": "x@example.com"})
    assert again.status_code == 400
    assert http.post("/_sandbox/users", json={"user_id": 31, "email": odd}).status_code == 400
    http.post("/_sandbox/reset").raise_for_status()
    assert sandbox.state.account("31") is None


# -- standalone run --------------------------------------------------------------


def test_docs_name_endpoints_as_the_code_does() -> None:
    """Fault switches and control-API examples in the README and docs/ name endpoints
    the sandbox knows, and the docs' endpoint table is the code's (names and paths, and
    the two browser pages): the one place the paths meet what is documented, as every
    other test takes them from the code."""
    from ohmygpt_desktop.api import DEFAULT_ENDPOINTS, Endpoints

    texts = {path.name: path.read_text(encoding="utf-8") for path in [REPO / "README.md"]}
    texts.update((path.name, path.read_text(encoding="utf-8")) for path in REPO.glob("docs/*.md"))
    named = re.compile(r"--(?:sandbox-)?fault[ =]([a-z_*]+)=|\"endpoint\": \"([a-z_*]+)\"")
    found = {(name, a or b) for name, text in texts.items() for a, b in named.findall(text)}
    assert {spec for _, spec in found} >= {"balance"}, found  # the pattern still matches
    unknown = sorted((name, spec) for name, spec in found if spec not in {*ENDPOINTS, "*"})
    assert not unknown, f"not sandbox endpoint names: {unknown}"

    row = re.compile(r"^\| `(\w+)` \| `(/[^`]*)` \|", re.MULTILINE)
    table = dict(row.findall(texts["api.md"]))
    assert table == {name: getattr(DEFAULT_ENDPOINTS, name) for name in Endpoints.names()}
    pages = re.search(r"The two browser pages, `(/[^`]*)` and `(/[^`]*)`", texts["api.md"])
    assert pages is not None, "docs/api.md no longer names the two browser pages"
    assert pages.groups() == (AUTHORIZE_PAGE, CODE_PAGE)


def test_parse_fault() -> None:
    assert parse_fault("balance=status:status=429,retry_after=3,times=2") == (
        "balance",
        "status",
        {"status": 429, "retry_after": 3, "times": 2},
    )
    assert parse_fault("checkout_order=bad_url:url=javascript:alert(1)") == (
        "checkout_order",
        "bad_url",
        {"url": "javascript:alert(1)"},
    )
    assert parse_fault("*=drop") == ("*", "drop", {})
    with pytest.raises(ValueError, match="ENDPOINT=KIND"):
        parse_fault("balance")


@pytest.mark.slow
def test_standalone_server_prints_its_details_and_stops_on_ctrl_c() -> None:
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ohmygpt_desktop.sandbox",
            "--port",
            "0",
            "--fault",
            "balance=status:status=503",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        lines: list[str] = []
        try:
            for line in proc.stdout:
                lines.append(line)
                if "Ctrl+C" in line:
                    break
            banner = "".join(lines)
            match = re.search(r"Base URL \(API and pages\): (http://127\.0\.0\.1:\d+)", banner)
            assert match, banner
            base = match.group(1)
            for app in SEEDED_APPS:
                assert app.client_id in banner
                assert app.client_secret in banner
            assert f"{base}{CODE_PAGE}" in banner
            assert "alice@example.com" in banner
            with new_client(base, timeout=5) as http:
                token = http.post("/_sandbox/token", json={"user_id": "888"}).json()["data"][
                    "token"
                ]
                assert http.post(BALANCE, headers=bearer(token)).status_code == 503
        finally:
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Sandbox stopped." in out


def test_a_fault_can_be_aimed_at_one_user(sandbox: SandboxServer, http: httpx.Client) -> None:
    alice, bob = sandbox.state.issue_token("888"), sandbox.state.issue_token("1024")
    set_fault(http, endpoint="balance", kind="status", status=500, user_id="888")
    assert error_of(http.post(BALANCE, headers=bearer(alice)))[:2] == (500, 500)
    assert http.post(BALANCE, headers=bearer(bob)).status_code == 200  # others unharmed
    listed = http.get("/_sandbox/faults").json()["data"]
    assert [(f["endpoint"], f["user_id"]) for f in listed] == [("balance", "888")]
    # The user's fault goes first; an endpoint-wide one still reaches everyone else.
    sandbox.state.set_fault("balance", "status", status=503)
    assert error_of(http.post(BALANCE, headers=bearer(alice)))[:2] == (500, 500)
    assert error_of(http.post(BALANCE, headers=bearer(bob)))[:2] == (503, 503)
    assert parse_fault("balance=status:user_id=0042,status=502")[2] == {
        "user_id": "0042",
        "status": 502,
    }
