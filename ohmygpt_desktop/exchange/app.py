"""The token-exchange service as a Starlette app: ``POST /v1/token`` and ``GET /healthz``.

What it promises (docs/operations.md#token-exchange-service):

* It exchanges codes for its one configured OAuth app only, with the secret that never
  leaves it; the wire format is in ``ohmygpt_desktop/api/token_exchange.py``.
* Every refusal is one JSON envelope ``{"error": {"code": …, "message": …}}``.
* Each client address gets ``rate_per_minute`` token requests a minute; bodies over
  ``max_body_bytes`` are refused before they are read whole.
* Its log says which request got which status, from which address, and why OhMyGPT
  refused: never a code, a token or the secret (requests are logged by path alone,
  upstream replies by status and error type alone).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ohmygpt_desktop.api import errors
from ohmygpt_desktop.api.client import OhMyGPTClient
from ohmygpt_desktop.api.token_exchange import (
    MAX_CODE_LENGTH,
    MAX_REDIRECT_URI_LENGTH,
    ErrorCode,
    grant_body,
)
from ohmygpt_desktop.exchange.config import ExchangeConfig
from ohmygpt_desktop.exchange.ratelimit import RateLimiter

log = logging.getLogger(__name__)

TOKEN_PATH = "/v1/token"  # noqa: S105 - a path
HEALTH_PATH = "/healthz"
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class Refusal(Exception):
    """A request the service answers with its error envelope."""

    def __init__(
        self, status: int, code: ErrorCode, message: str, *, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after

    def response(self) -> JSONResponse:
        headers = dict(_NO_STORE)
        if self.retry_after is not None:
            headers["Retry-After"] = str(max(1, math.ceil(self.retry_after)))
        body = {"error": {"code": str(self.code), "message": self.message}}
        return JSONResponse(body, status_code=self.status, headers=headers)


class _Service:
    def __init__(self, config: ExchangeConfig, clock: Callable[[], float]) -> None:
        self.config = config
        self.limiter = RateLimiter(
            config.rate_per_minute, clock=clock, max_clients=config.max_tracked_clients
        )
        self.upstream: OhMyGPTClient | None = None

    @asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        config = self.config
        async with OhMyGPTClient(
            config.api_base_url,
            endpoints=config.endpoints,
            deadline=config.upstream_deadline,
            proxy=config.upstream_proxy,
            connect_retries=config.upstream_connect_retries,
            retry_backoff=config.upstream_retry_backoff,
        ) as upstream:
            self.upstream = upstream
            yield
        self.upstream = None

    # -- endpoints -------------------------------------------------------------------

    async def healthz(self, request: Request) -> Response:
        configured = self.config.client_secret.current() is not None
        body = {
            "status": "ok" if configured else "not_configured",
            "client_id": self.config.client_id,
            "client_secret_configured": configured,
        }
        return JSONResponse(body, status_code=200 if configured else 503, headers=_NO_STORE)

    async def token(self, request: Request) -> Response:
        try:
            return await self._token(request)
        except Refusal as refusal:
            return refusal.response()

    async def _token(self, request: Request) -> Response:
        wait = self.limiter.take(request.client.host if request.client else "?")
        if wait is not None:
            raise Refusal(
                429,
                ErrorCode.RATE_LIMITED,
                "Too many requests from this address. Wait before trying again.",
                retry_after=wait,
            )
        secret = self.config.client_secret.current()
        if secret is None:
            raise Refusal(
                503,
                ErrorCode.NOT_CONFIGURED,
                "The service has no client secret. Its administrator needs to configure one.",
            )
        code = self._code(await self._read_body(request))
        assert self.upstream is not None, "the lifespan start-up runs before any request"
        try:
            grant = await self.upstream.issue_token(
                client_id=self.config.client_id, client_secret=secret, code=code
            )
        except errors.ApiError as exc:
            raise _upstream_refusal(exc) from None
        log.info("Issued a token for user %s.", grant.user_id)
        return JSONResponse(grant_body(grant), headers=_NO_STORE)

    # -- the request -------------------------------------------------------------------

    async def _read_body(self, request: Request) -> bytes:
        limit = self.config.max_body_bytes
        too_large = Refusal(
            413, ErrorCode.BODY_TOO_LARGE, f"The request body is larger than {limit} bytes."
        )
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)

    def _code(self, body: bytes) -> str:
        """The code of a valid request; refuses anything else (without echoing it)."""
        try:
            request = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            request = None
        if not isinstance(request, dict):
            raise _invalid('The body must be a JSON object such as {"code": "…"}.')
        code = request.get("code")
        if not isinstance(code, str) or not code.strip():
            raise _invalid('"code" must be the authorization code, as text.')
        if len(code) > MAX_CODE_LENGTH:
            raise _invalid(f'"code" is longer than {MAX_CODE_LENGTH} characters.')
        client_id = request.get("client_id")
        if client_id is not None and not isinstance(client_id, str):
            raise _invalid('"client_id" must be text.')
        if client_id is not None and client_id.strip() != self.config.client_id:
            raise Refusal(
                400,
                ErrorCode.INVALID_CLIENT,
                "This service exchanges codes for another OAuth app (client id).",
            )
        redirect_uri = request.get("redirect_uri")
        if redirect_uri is not None and (
            not isinstance(redirect_uri, str) or len(redirect_uri) > MAX_REDIRECT_URI_LENGTH
        ):
            raise _invalid(
                f'"redirect_uri" must be text of at most {MAX_REDIRECT_URI_LENGTH} characters.'
            )
        # issue-token takes no redirect URI (docs/api.md#token-issue): it is accepted, not sent.
        return code.strip()


def _invalid(message: str) -> Refusal:
    return Refusal(400, ErrorCode.INVALID_REQUEST, message)


def _upstream_refusal(exc: errors.ApiError) -> Refusal:
    """The envelope for an issue-token failure; logs what an operator needs (no secrets:
    the status, the error type and the class say what happened)."""
    where = f"status {exc.status}, errorType {exc.error_type}, {type(exc).__name__}"
    if isinstance(exc, errors.InvalidClientError):
        log.error("OhMyGPT refused this service's client id or secret (%s).", where)
        return Refusal(
            502,
            ErrorCode.UPSTREAM_CLIENT_REFUSED,
            "OhMyGPT refused this service's client id or secret.",
        )
    if isinstance(exc, errors.AuthorizationError):
        log.info("OhMyGPT refused the code (%s).", where)
        return Refusal(
            400,
            ErrorCode.INVALID_CODE,
            "OhMyGPT did not accept the code: it may have expired or been used already.",
        )
    if isinstance(exc, errors.RequestTimeout):
        log.warning("OhMyGPT did not answer in time (%s).", where)
        return Refusal(504, ErrorCode.UPSTREAM_TIMEOUT, "OhMyGPT did not answer in time.")
    if isinstance(exc, errors.NetworkError):
        log.warning("OhMyGPT could not be reached (%s).", where)
        return Refusal(502, ErrorCode.UPSTREAM_UNREACHABLE, "OhMyGPT could not be reached.")
    if isinstance(exc, errors.RateLimitedError):
        log.warning("OhMyGPT asked to slow down (%s).", where)
        return Refusal(
            429,
            ErrorCode.UPSTREAM_RATE_LIMITED,
            "OhMyGPT asked the service to slow down. Wait before trying again.",
            retry_after=exc.retry_after if exc.retry_after is not None else 30,
        )
    log.warning("issue-token failed (%s).", where)
    return Refusal(502, ErrorCode.UPSTREAM_ERROR, "OhMyGPT could not issue a token.")


# -- the envelope for everything else -------------------------------------------------------


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        return Refusal(
            405, ErrorCode.METHOD_NOT_ALLOWED, "This address does not take that method."
        ).response()
    if exc.status_code == 404:
        return Refusal(404, ErrorCode.NOT_FOUND, "There is nothing at this address.").response()
    return Refusal(exc.status_code, ErrorCode.INVALID_REQUEST, "Bad request.").response()


class AccessLog:
    """One line per request: method, path (never the query), status, time, client.

    A path that is not one of the service's is logged as ``(other path)``: whatever a
    client puts in an address, a code or token included, stays out of the log. An
    exception that escapes a handler is answered with the envelope and logged by its
    type alone.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        answered = False

        async def send_logged(message: Message) -> None:
            nonlocal answered
            if message["type"] == "http.response.start":
                answered = True  # logged before the client can see the reply
                self._log(scope, message["status"], time.monotonic() - started)
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        except Exception as exc:
            log.error("The request failed: %s.", type(exc).__name__)
            if not answered:
                reply = Refusal(500, ErrorCode.INTERNAL_ERROR, "The service had a problem.")
                await reply.response()(scope, receive, send_logged)

    @staticmethod
    def _log(scope: Scope, status: int, seconds: float) -> None:
        path = scope["path"] if scope["path"] in (TOKEN_PATH, HEALTH_PATH) else "(other path)"
        client = scope.get("client")
        log.info(
            "%s %s %d %.0fms client=%s",
            scope["method"],
            path,
            status,
            seconds * 1000,
            client[0] if client else "-",
        )


def create_app(config: ExchangeConfig, *, clock: Callable[[], float] = time.monotonic) -> Starlette:
    """The service for ``config``. Its lifespan opens (and closes) the OhMyGPT client,
    so serve it with the lifespan on (as :class:`~ohmygpt_desktop.exchange.server.
    ExchangeServer` does)."""
    service = _Service(config, clock)
    handlers: dict[Any, Any] = {HTTPException: _http_error}
    return Starlette(
        routes=[
            Route(TOKEN_PATH, service.token, methods=["POST"]),
            Route(HEALTH_PATH, service.healthz, methods=["GET"]),
        ],
        middleware=[Middleware(AccessLog)],
        exception_handlers=handlers,
        lifespan=service.lifespan,
    )
