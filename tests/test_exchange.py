"""The token-exchange service (``python -m ohmygpt_desktop.exchange``) and the client
method that calls it, end to end over loopback: a real code from the sandbox's
authorization page, the real service in a thread (or a process), the sandbox's
real issue-token endpoint behind it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from ohmygpt_desktop.api import (
    ApiError,
    AuthorizationError,
    BadRequestError,
    InvalidClientError,
    MalformedResponseError,
    OhMyGPTClient,
    RateLimitedError,
    RequestTimeout,
    Secret,
    ServerError,
    TokenExchangeSetupError,
    TokenGrant,
)
from ohmygpt_desktop.exchange import (
    ExchangeConfig,
    ExchangeServer,
    RateLimiter,
    SecretSource,
)
from ohmygpt_desktop.exchange.__main__ import main as exchange_main
from ohmygpt_desktop.exchange.__main__ import read_command_line
from ohmygpt_desktop.sandbox import COMMUNITY_APP, DEFAULT_APP, SandboxServer
from tests.helpers.sandbox_browser import authorize_code, new_client
from tests.helpers.signin import free_port

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
TOKEN_PATH = "/v1/token"

StartExchange = Callable[..., ExchangeServer]


def arun(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def start_exchange(sandbox: SandboxServer) -> Iterator[StartExchange]:
    """Start exchange services in front of the sandbox; all stopped after the test."""
    started: list[ExchangeServer] = []

    def start(
        *,
        secret: str = DEFAULT_APP.client_secret,
        source: SecretSource | None = None,
        forwarded_allow_ips: str | None = None,
        **config: Any,
    ) -> ExchangeServer:
        config.setdefault("client_id", DEFAULT_APP.client_id)
        config.setdefault("api_base_url", sandbox.base_url)
        config.setdefault("upstream_proxy", "")
        config.setdefault("upstream_retry_backoff", 0.01)
        server = ExchangeServer(
            ExchangeConfig(client_secret=source or SecretSource.from_value(secret), **config),
            forwarded_allow_ips=forwarded_allow_ips,
        )
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with new_client(timeout=10) as client:
        yield client


def exchange_via(
    server: ExchangeServer, code: str, *, client_id: str | None = DEFAULT_APP.client_id
) -> TokenGrant:
    """What the app will do: its client sends the code to the service."""

    async def go() -> TokenGrant:
        async with OhMyGPTClient("http://127.0.0.1:1", proxy="") as client:  # base unused
            return await client.issue_token_via_exchange(
                server.base_url + TOKEN_PATH, code=code, client_id=client_id
            )

    return arun(go())


def user_email(sandbox: SandboxServer, token: Secret) -> str:
    async def go() -> str:
        async with OhMyGPTClient(sandbox.base_url, proxy="") as client:
            return (await client.user_info(token)).email

    return arun(go())


def error_of(reply: httpx.Response) -> tuple[int, str]:
    body = reply.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"], body
    return reply.status_code, body["error"]["code"]


# ------------------------------------------------------------------ the happy path


def test_code_exchanged_through_the_service_signs_in(
    sandbox: SandboxServer, start_exchange: StartExchange
) -> None:
    server = start_exchange()
    code = authorize_code(sandbox, user_id="1024")

    grant = exchange_via(server, code)

    assert grant.user_id == "1024"
    assert grant.client_id == DEFAULT_APP.client_id
    assert grant.token.reveal().startswith("omg-oat-v1-")
    assert user_email(sandbox, grant.token) == "bob@example.com"
    assert sandbox.state.request_counts["issue_token"] == 1


def test_reply_is_the_grant_and_is_never_cached(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    reply = http.post(server.base_url + TOKEN_PATH, json={"code": authorize_code(sandbox)})

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert set(body) == {"user_id", "client_id", "token"}
    assert (body["user_id"], body["client_id"]) == ("888", DEFAULT_APP.client_id)
    assert user_email(sandbox, Secret(body["token"])) == "alice@example.com"
    assert reply.headers["cache-control"] == "no-store"
    assert reply.headers["content-type"].startswith("application/json")


def test_redirect_uri_may_be_named_but_must_be_text(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    redirect = f"{sandbox.base_url}/next/v1/oauth/succeed"
    ok = http.post(
        server.base_url + TOKEN_PATH,
        json={"code": authorize_code(sandbox), "redirect_uri": redirect},
    )
    assert ok.status_code == 200, ok.text
    bad = http.post(
        server.base_url + TOKEN_PATH, json={"code": authorize_code(sandbox), "redirect_uri": 7}
    )
    assert error_of(bad) == (400, "invalid_request")


# ------------------------------------------------------------------ refusals


def test_another_client_id_is_refused_without_asking_upstream(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    code = authorize_code(sandbox)

    reply = http.post(
        server.base_url + TOKEN_PATH, json={"code": code, "client_id": COMMUNITY_APP.client_id}
    )
    assert error_of(reply) == (400, "invalid_client")
    with pytest.raises(TokenExchangeSetupError) as refused:
        exchange_via(server, code, client_id=COMMUNITY_APP.client_id)
    assert isinstance(refused.value, InvalidClientError)
    assert "administrator" in refused.value.message
    assert sandbox.state.request_counts["issue_token"] == 0
    # The code was not spent: it still signs in.
    assert exchange_via(server, code).user_id == "888"


def test_used_and_unknown_codes_are_invalid_code(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    code = authorize_code(sandbox)
    exchange_via(server, code)

    again = http.post(server.base_url + TOKEN_PATH, json={"code": code})
    assert error_of(again) == (400, "invalid_code")
    for bad in (code, "NoSuchCode0000000"):
        with pytest.raises(AuthorizationError) as refused:
            exchange_via(server, bad)
        assert not isinstance(refused.value, InvalidClientError)
        assert "sign in again" in refused.value.message
    # A code issued to another OAuth app is no better.
    foreign = authorize_code(sandbox, client_id=COMMUNITY_APP.client_id)
    with pytest.raises(AuthorizationError):
        exchange_via(server, foreign, client_id=None)


def test_upstream_refusing_the_secret_is_a_setup_error(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange(secret="NotTheSecretOfThisApp0000")
    code = authorize_code(sandbox)

    reply = http.post(server.base_url + TOKEN_PATH, json={"code": code})
    assert error_of(reply) == (502, "upstream_client_refused")
    with pytest.raises(TokenExchangeSetupError):
        exchange_via(server, code)


def test_upstream_unreachable_or_slow(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    closed = start_exchange(api_base_url=nobody, upstream_connect_retries=0)
    reply = http.post(closed.base_url + TOKEN_PATH, json={"code": "SomeCode1234"})
    assert error_of(reply) == (502, "upstream_unreachable")
    with pytest.raises(ServerError) as unreachable:
        exchange_via(closed, "SomeCode1234")
    assert unreachable.value.status == 502

    slow = start_exchange(upstream_deadline=0.3)
    sandbox.state.set_fault("issue_token", "latency", seconds=5)
    reply = http.post(slow.base_url + TOKEN_PATH, json={"code": "SomeCode1234"})
    assert error_of(reply) == (504, "upstream_timeout")
    with pytest.raises(RequestTimeout):
        exchange_via(slow, "SomeCode1234")


def test_upstream_server_trouble_is_upstream_error(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    sandbox.state.set_fault("issue_token", "html", status=502, times=1)
    reply = http.post(server.base_url + TOKEN_PATH, json={"code": authorize_code(sandbox)})
    assert error_of(reply) == (502, "upstream_error")

    sandbox.state.set_fault("issue_token", "status", status=429, retry_after=9, times=1)
    reply = http.post(server.base_url + TOKEN_PATH, json={"code": authorize_code(sandbox)})
    assert error_of(reply) == (429, "upstream_rate_limited")
    assert reply.headers["retry-after"] == "9"


def test_oversized_bodies_are_refused_unread(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange(max_body_bytes=4096)
    url = server.base_url + TOKEN_PATH
    padding = "x" * 5000

    declared = http.post(url, json={"code": authorize_code(sandbox), "pad": padding})
    assert error_of(declared) == (413, "body_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer
        yield b'{"code": "abcd1234", "pad": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    chunked = http.post(url, content=chunks(), headers={"Content-Type": "application/json"})
    assert error_of(chunked) == (413, "body_too_large")
    with pytest.raises(BadRequestError):
        exchange_via(server, "c" * 5000)
    assert sandbox.state.request_counts["issue_token"] == 0


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"code=abcd1234", {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"{not json", {"Content-Type": "application/json"}),
        (b'["abcd1234"]', {"Content-Type": "application/json"}),
        (b"{}", {"Content-Type": "application/json"}),
        (b'{"code": ""}', {"Content-Type": "application/json"}),
        (b'{"code": 12345678}', {"Content-Type": "application/json"}),
        (b'{"code": "abcd1234", "client_id": ["x"]}', {"Content-Type": "application/json"}),
        (b'{"code": "' + b"a" * 300 + b'"}', {"Content-Type": "application/json"}),
        (b'{"code": "\xff\xfe"}', {"Content-Type": "application/json"}),
    ],
    ids=["form", "broken", "array", "no-code", "empty", "number", "list-id", "long", "bytes"],
)
def test_malformed_requests_get_invalid_request(
    start_exchange: StartExchange,
    http: httpx.Client,
    sandbox: SandboxServer,
    content: bytes,
    headers: dict[str, str],
) -> None:
    server = start_exchange()
    reply = http.post(server.base_url + TOKEN_PATH, content=content, headers=headers)
    assert error_of(reply) == (400, "invalid_request")
    assert sandbox.state.request_counts["issue_token"] == 0


def test_other_paths_and_methods_answer_in_the_envelope(
    start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange()
    assert error_of(http.get(server.base_url + TOKEN_PATH)) == (405, "method_not_allowed")
    assert error_of(http.get(server.base_url + "/v1/nothing")) == (404, "not_found")


# ------------------------------------------------------------------ rate limit


def test_rate_limit_per_client_address(
    sandbox: SandboxServer, start_exchange: StartExchange, http: httpx.Client
) -> None:
    server = start_exchange(rate_per_minute=3)
    url = server.base_url + TOKEN_PATH
    statuses = []
    for _ in range(10):  # bounded: the fourth request must already be refused
        reply = http.post(url, json={})
        statuses.append(reply.status_code)
        if reply.status_code == 429:
            break
    assert statuses == [400, 400, 400, 429]
    assert error_of(reply) == (429, "rate_limited")
    assert 1 <= int(reply.headers["retry-after"]) <= 20
    with pytest.raises(RateLimitedError) as limited:
        exchange_via(server, "abcd1234")
    assert limited.value.retry_after is not None
    assert limited.value.retry_after >= 1
    # /healthz is not limited.
    assert http.get(server.base_url + "/healthz").status_code == 200


def test_rate_limit_uses_the_address_a_trusted_proxy_names(
    start_exchange: StartExchange, http: httpx.Client
) -> None:
    behind_proxy = start_exchange(rate_per_minute=2, forwarded_allow_ips="127.0.0.1")
    url = behind_proxy.base_url + TOKEN_PATH

    def post(client_address: str) -> int:
        return http.post(url, json={}, headers={"X-Forwarded-For": client_address}).status_code

    assert [post("203.0.113.7") for _ in range(3)] == [400, 400, 429]
    assert post("203.0.113.8") == 400  # another person behind the same proxy

    direct = start_exchange(rate_per_minute=2)  # proxy headers not trusted: ignored
    url = direct.base_url + TOKEN_PATH
    assert [post("203.0.113.7"), post("203.0.113.8"), post("203.0.113.9")] == [400, 400, 429]


def test_token_bucket_refills_and_forgets_idle_clients() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=6, clock=lambda: now[0], max_clients=2)
    assert [limiter.take("a") for _ in range(6)] == [None] * 6
    assert limiter.take("a") == pytest.approx(10.0)
    now[0] += 10
    assert limiter.take("a") is None
    assert limiter.take("a") == pytest.approx(10.0)
    limiter.take("b")
    limiter.take("c")  # a third address: the longest-idle one is forgotten
    assert len(limiter) == 2


# ------------------------------------------------------------------ health, secret


def test_healthz_says_whether_a_secret_is_configured_never_which(
    tmp_path: Path, start_exchange: StartExchange, http: httpx.Client
) -> None:
    secret_file = tmp_path / "client-secret"
    secret_file.write_text(DEFAULT_APP.client_secret + "\n")
    secret_file.chmod(0o600)
    server = start_exchange(source=SecretSource.from_file(secret_file))

    healthy = http.get(server.base_url + "/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {
        "status": "ok",
        "client_id": DEFAULT_APP.client_id,
        "client_secret_configured": True,
    }
    assert DEFAULT_APP.client_secret not in healthy.text

    secret_file.unlink()  # e.g. a secret mount that went away
    missing = http.get(server.base_url + "/healthz")
    assert missing.status_code == 503
    assert missing.json()["client_secret_configured"] is False
    refused = http.post(server.base_url + TOKEN_PATH, json={"code": "abcd1234"})
    assert error_of(refused) == (503, "not_configured")
    with pytest.raises(TokenExchangeSetupError):
        exchange_via(server, "abcd1234")


def test_secret_file_is_read_again_when_it_changes(
    tmp_path: Path, sandbox: SandboxServer, start_exchange: StartExchange
) -> None:
    secret_file = tmp_path / "client-secret"
    secret_file.write_text("OldRotatedAwaySecret000")
    secret_file.chmod(0o600)
    server = start_exchange(source=SecretSource.from_file(secret_file))
    with pytest.raises(TokenExchangeSetupError):
        exchange_via(server, authorize_code(sandbox))

    replacement = tmp_path / "client-secret.new"
    replacement.write_text(DEFAULT_APP.client_secret)
    replacement.chmod(0o600)
    replacement.replace(secret_file)  # how secret mounts are updated: a new file
    assert exchange_via(server, authorize_code(sandbox)).user_id == "888"


def test_no_code_token_or_secret_in_the_logs(
    sandbox: SandboxServer,
    start_exchange: StartExchange,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server = start_exchange()
    wrong_secret = start_exchange(secret="NotTheSecretOfThisApp0000")
    codes = [authorize_code(sandbox) for _ in range(3)]
    url = server.base_url + TOKEN_PATH

    grant = exchange_via(server, codes[0])
    http.post(url, json={"code": codes[0]})  # used again
    http.post(url, json={"code": codes[1], "client_id": COMMUNITY_APP.client_id})
    http.post(url + f"?code={codes[1]}", json={"code": codes[1]})
    http.post(wrong_secret.base_url + TOKEN_PATH, json={"code": codes[2]})
    http.post(server.base_url + f"/v1/token/{codes[2]}")

    # Everything the services logged (the test's own client logs its URLs: not theirs).
    text = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.threadName.startswith("token-exchange-")
    )
    assert "POST /v1/token 200" in text  # the service does log its requests...
    assert "POST /v1/token 400" in text
    assert "502" in text
    forbidden = [DEFAULT_APP.client_secret, "NotTheSecretOfThisApp0000", grant.token.reveal()]
    for value in forbidden + codes:  # ...but nothing that lets anyone sign in
        assert value not in text


def test_a_failure_inside_the_service_is_an_envelope_and_a_short_log_line(
    start_exchange: StartExchange,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(self: RateLimiter, address: str) -> float | None:
        raise KeyError("abcd1234")

    monkeypatch.setattr(RateLimiter, "take", broken)
    server = start_exchange()
    reply = http.post(server.base_url + TOKEN_PATH, json={"code": "abcd1234"})
    assert error_of(reply) == (500, "internal_error")
    assert "The request failed: KeyError." in caplog.text
    assert "abcd1234" not in caplog.text


def test_secret_from_environment_or_file_never_a_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--client-id", DEFAULT_APP.client_id, "--api-base-url", "https://api.ohmygpt.com"]
    launch = read_command_line(base, {"OHMYGPT_EXCHANGE_CLIENT_SECRET": "FromTheEnvironment01"})
    assert launch.config.client_secret.current() == Secret("FromTheEnvironment01")
    assert (launch.host, launch.port) == ("127.0.0.1", 8780)
    assert launch.forwarded_allow_ips == "127.0.0.1"
    assert launch.config.endpoints.issue_token == "/api/v1/user/oauth/issue-token"
    moved = read_command_line(
        [*base, "--issue-token-path", "/v2/issue"],
        {"OHMYGPT_EXCHANGE_CLIENT_SECRET": "FromTheEnvironment01"},
    )
    assert moved.config.endpoints.issue_token == "/v2/issue"

    secret_file = tmp_path / "secret"
    secret_file.write_text("FromAFileOnDisk00002\n")
    secret_file.chmod(0o600)
    from_flag = read_command_line([*base, "--client-secret-file", str(secret_file)], {})
    assert from_flag.config.client_secret.current() == Secret("FromAFileOnDisk00002")
    from_env = read_command_line(
        base[2:],
        {
            "OHMYGPT_EXCHANGE_CLIENT_SECRET_FILE": str(secret_file),
            "OHMYGPT_EXCHANGE_CLIENT_ID": DEFAULT_APP.client_id,
        },
    )
    assert from_env.config.client_secret.current() == Secret("FromAFileOnDisk00002")
    assert from_env.config.client_id == DEFAULT_APP.client_id

    for argv, says in (
        ([*base, "--client-secret", "OnTheCommandLine0003"], "OHMYGPT_EXCHANGE_CLIENT_SECRET"),
        ([*base, "--client-secret=OnTheCommandLine0003"], "OHMYGPT_EXCHANGE_CLIENT_SECRET"),
        ([*base, "--secret", "OnTheCommandLine0003"], "unknown --secret (values not shown)"),
        ([*base, "--client-sec", "OnTheCommandLine0003"], "unknown --client-sec"),
        ([*base, "OnTheCommandLine0003"], "unknown arguments"),
    ):
        with pytest.raises(SystemExit) as refused:
            read_command_line(argv, {"OHMYGPT_EXCHANGE_CLIENT_SECRET": "FromTheEnvironment01"})
        assert refused.value.code == 2
        err = capsys.readouterr().err
        assert says in err
        assert "OnTheCommandLine0003" not in err

    problems = {
        "no secret": ({}, "OHMYGPT_EXCHANGE_CLIENT_SECRET"),
        "both": (
            {
                "OHMYGPT_EXCHANGE_CLIENT_SECRET": "FromTheEnvironment01",
                "OHMYGPT_EXCHANGE_CLIENT_SECRET_FILE": str(secret_file),
            },
            "not both",
        ),
        "missing file": (
            {"OHMYGPT_EXCHANGE_CLIENT_SECRET_FILE": str(tmp_path / "nope")},
            str(tmp_path / "nope"),
        ),
    }
    for env, expected in problems.values():
        with pytest.raises(SystemExit):
            read_command_line(base, env)
        err = capsys.readouterr().err
        assert expected in err
        assert "FromTheEnvironment01" not in err
        assert "FromAFileOnDisk00002" not in err
    with pytest.raises(SystemExit):
        read_command_line(
            ["--client-id", "x", "--api-base-url", "http://api.example.com"],
            {"OHMYGPT_EXCHANGE_CLIENT_SECRET": "FromTheEnvironment01"},
        )
    assert "https://" in capsys.readouterr().err


def test_main_refuses_a_secret_flag_before_anything_else(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as refused:
        exchange_main(["--client-secret", "OnTheCommandLine0003"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "OnTheCommandLine0003" not in err
    assert "OHMYGPT_EXCHANGE_CLIENT_SECRET" in err


@pytest.mark.slow
def test_command_serves_until_ctrl_c_and_logs_no_secrets(sandbox: SandboxServer) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["OHMYGPT_EXCHANGE_CLIENT_SECRET"] = DEFAULT_APP.client_secret
    argv = [sys.executable, "-m", "ohmygpt_desktop.exchange", "--port", "0"]
    argv += ["--client-id", DEFAULT_APP.client_id, "--api-base-url", sandbox.base_url]
    code = authorize_code(sandbox)
    with subprocess.Popen(
        argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        try:
            first = proc.stdout.readline()
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", first)
            assert match, first + (proc.stderr.read() if proc.poll() is not None else "")
            base = match.group(1)
            with new_client(base, timeout=10) as http:
                assert http.get("/healthz").json()["client_secret_configured"] is True
                reply = http.post(TOKEN_PATH, json={"code": code})
                assert reply.status_code == 200, reply.text
                token = reply.json()["token"]
        finally:
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "POST /v1/token 200" in out + err
    for value in (DEFAULT_APP.client_secret, code, token):
        assert value not in out + err


# ------------------------------------------------------------------ the client method


def _client_with(handler: Callable[[httpx.Request], httpx.Response]) -> OhMyGPTClient:
    return OhMyGPTClient(
        "https://api.example.invalid", transport=httpx.MockTransport(handler), proxy=""
    )


def _envelope(status: int, code: str, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, json={"error": {"code": code, "message": "words"}}, headers=headers
    )


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (_envelope(400, "invalid_code"), AuthorizationError),
        (_envelope(400, "invalid_client"), TokenExchangeSetupError),
        (_envelope(502, "upstream_client_refused"), TokenExchangeSetupError),
        (_envelope(503, "not_configured"), TokenExchangeSetupError),
        (_envelope(400, "invalid_request"), BadRequestError),
        (_envelope(413, "body_too_large"), BadRequestError),
        (_envelope(429, "rate_limited", **{"Retry-After": "12"}), RateLimitedError),
        (_envelope(429, "upstream_rate_limited"), RateLimitedError),
        (_envelope(502, "upstream_unreachable"), ServerError),
        (_envelope(502, "upstream_error"), ServerError),
        (_envelope(504, "upstream_timeout"), RequestTimeout),
        (_envelope(500, "something_new"), ServerError),
        (_envelope(418, "something_new"), BadRequestError),
        (httpx.Response(502, text="<html>Bad Gateway</html>"), ServerError),
        (httpx.Response(404, text="<html>Not Found</html>"), BadRequestError),
        (httpx.Response(200, text="<html>a login page</html>"), MalformedResponseError),
        (httpx.Response(200, json={"user_id": "888", "client_id": "x"}), MalformedResponseError),
        (httpx.Response(302, headers={"Location": "https://sso.example.com/"}), ApiError),
    ],
    ids=lambda value: getattr(value, "__name__", None) or "",
)
def test_client_maps_the_service_replies_to_the_error_family(
    reply: httpx.Response, expected: type[ApiError]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return reply

    async def go() -> None:
        async with _client_with(handler) as client:
            await client.issue_token_via_exchange(
                "https://exchange.example.com/v1/token", code="abcd1234"
            )

    with pytest.raises(expected) as raised:
        arun(go())
    if expected is AuthorizationError:
        assert not isinstance(raised.value, InvalidClientError)
    if isinstance(raised.value, RateLimitedError) and "Retry-After" in reply.headers:
        assert raised.value.retry_after == 12
    assert "abcd1234" not in str(raised.value) + raised.value.details()


def test_client_sends_the_code_as_json_to_exactly_that_url() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"user_id": 888, "client_id": "cid", "token": "omg-oat-v1-abcdefghijkl"}
        return httpx.Response(200, json=body)

    async def go() -> TokenGrant:
        async with _client_with(handler) as client:
            return await client.issue_token_via_exchange(
                "https://exchange.example.com/org/v1/token",
                code="abcd1234",
                client_id="cid",
                redirect_uri="https://next.ohmygpt.com/next/v1/oauth/succeed",
            )

    grant = arun(go())
    assert grant == TokenGrant("888", "cid", Secret("omg-oat-v1-abcdefghijkl"))
    (request,) = seen
    assert request.method == "POST"
    assert str(request.url) == "https://exchange.example.com/org/v1/token"
    assert request.headers["content-type"] == "application/json"
    assert "authorization" not in request.headers
    assert json.loads(request.content) == {
        "code": "abcd1234",
        "client_id": "cid",
        "redirect_uri": "https://next.ohmygpt.com/next/v1/oauth/succeed",
    }
