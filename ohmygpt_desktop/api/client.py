"""The async OhMyGPT client: one long-lived ``httpx.AsyncClient``, typed results.

Rules this module keeps:

* Both the HTTP status and the body's ``statusCode`` are checked (docs/api.md#response-envelope).
* Every failure becomes an :class:`~ohmygpt_desktop.api.errors.ApiError`.
* Reads retry *connect* failures (nothing was sent) with backoff; order creation
  is never retried: it is not idempotent (docs/api.md#checkout-order).
* Replies larger than :data:`MAX_BODY_BYTES` are refused without reading them whole.
* Every call has an overall deadline (connect retries and the whole body included):
  httpx's timeouts are per step, so a reply trickling in a byte at a time would
  otherwise keep a call alive for as long as the server likes.
* Errors say whether they prove the server did nothing (``proves_not_created``):
  only the documented JSON error envelope, or a request that never left, does.
* Payment links are checked against an allow-list before they are returned.
* No token, secret or payment link is ever logged or put in an exception.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import re
import time
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import httpx

from ohmygpt_desktop import __version__
from ohmygpt_desktop.api import errors, token_exchange
from ohmygpt_desktop.api.endpoints import ASSUMED_ENDPOINTS, DEFAULT_ENDPOINTS, Endpoints
from ohmygpt_desktop.api.models import (
    DEFAULT_PRODUCT_ID,
    Balance,
    CheckoutOrder,
    InvoiceOrder,
    Secret,
    TokenGrant,
    UserInfo,
)
from ohmygpt_desktop.api.urls import PRODUCTION_PAYMENT_ORIGINS, validate_payment_url

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1 << 20  # 1 MiB: every documented reply is a few hundred bytes.
#: Integer digits a balance (in credits) may have: 10**15 credits is far beyond any real
#: account, and well inside what formatting handles exactly.
MAX_CREDIT_DIGITS = 15
#: Decimal places a balance may have (more is not a balance: it is noise or an attack).
MAX_CREDIT_PLACES = 20
#: A balance as text: a plain decimal in ASCII digits. No exponent, no NaN or Infinity,
#: no "_" or other scripts' digits (all of which ``Decimal()`` would accept).
_PLAIN_DECIMAL = re.compile(
    rf"-?[0-9]{{1,{MAX_CREDIT_DIGITS}}}(?:\.[0-9]{{1,{MAX_CREDIT_PLACES}}})?", re.ASCII
)
_CREDIT_LIMIT = Decimal(10) ** MAX_CREDIT_DIGITS
_CENT = Decimal("0.01")
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
#: Seconds a whole call may take (the ``request_deadline_s`` setting's default).
DEFAULT_DEADLINE_S = 60.0
USER_AGENT = f"OhMyGPT-Desktop/{__version__}"


def http_client(
    *,
    base_url: str = "",
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    proxy: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The HTTP set-up every request to an API line goes through.

    ``proxy``: ``None`` honours the environment (``HTTP(S)_PROXY``, ``NO_PROXY``);
    ``""`` disables proxies; any other value is a proxy URL (http, https, socks5).
    Redirects are not followed, and every request names the app (``User-Agent``).
    """
    kwargs: dict[str, Any] = {
        "base_url": base_url,
        "timeout": timeout,
        "headers": {"User-Agent": USER_AGENT, "Accept": "application/json"},
        "follow_redirects": False,
        "trust_env": proxy is None,
    }
    if transport is not None:
        kwargs["transport"] = transport
    if proxy:
        kwargs["proxy"] = proxy
    return httpx.AsyncClient(**kwargs)


class OhMyGPTClient:
    """Talks to one OhMyGPT API base URL.

    ``proxy``: ``None`` honours the environment (``HTTP(S)_PROXY``, ``NO_PROXY``);
    ``""`` disables proxies; any other value is a proxy URL (http, https, socks5).
    ``deadline``: seconds after which a call ends with :class:`RequestTimeout`,
    however its reply is arriving.
    """

    def __init__(
        self,
        base_url: str,
        *,
        endpoints: Endpoints = DEFAULT_ENDPOINTS,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE_S,
        proxy: str | None = None,
        payment_origins: Iterable[str] = PRODUCTION_PAYMENT_ORIGINS,
        connect_retries: int = 2,
        retry_backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.endpoints = endpoints
        self.payment_origins = frozenset(payment_origins)
        self.deadline = deadline
        self.connect_retries = connect_retries
        self.retry_backoff = retry_backoff
        self._http = http_client(
            base_url=self.base_url, timeout=timeout, proxy=proxy, transport=transport
        )

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> OhMyGPTClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ----------------------------------------------------------------- operations

    async def issue_token(self, *, client_id: str, client_secret: Secret, code: str) -> TokenGrant:
        """Exchange an authorization code for a token (form-encoded; docs/api.md#token-issue)."""
        data = await self._call(
            "issue_token",
            form={
                "client_id": client_id,
                "client_secret": Secret(client_secret).reveal(),
                "code": code,
            },
            retry_connect=True,
        )
        return _grant(data)

    async def issue_token_via_exchange(
        self,
        exchange_url: str,
        *,
        code: str,
        client_id: str | None = None,
        redirect_uri: str | None = None,
    ) -> TokenGrant:
        """Exchange an authorization code at the organisation's token-exchange service
        instead of at issue-token, so the app needs no client secret
        (api/token_exchange.py; docs/operations.md#token-exchange-service).

        ``exchange_url`` is the service's whole token address (``https://…/v1/token``).
        ``client_id`` lets the service refuse a code meant for another app. Same result
        as :meth:`issue_token`; its refusals map to the same errors (a refused code is an
        :class:`AuthorizationError`; a service that is not set up for this app, a
        :class:`TokenExchangeSetupError`).
        """
        payload = {"code": code}
        if client_id:
            payload["client_id"] = client_id
        if redirect_uri:
            payload["redirect_uri"] = redirect_uri
        status, headers, body = await self._request(
            "token_exchange", exchange_url, {}, json_body=payload, retry_connect=True
        )
        return _exchange_reply(status, headers, body)

    async def fetch_page(self, url: str) -> tuple[int, str | None, str]:
        """GET a browser page (a whole URL) as a browser would ask for it, within
        :attr:`deadline` seconds: its status, its ``Location`` (redirects are not
        followed) and its text (at most :data:`MAX_BODY_BYTES`). No retry."""
        try:
            async with asyncio.timeout(self.deadline):
                status, headers, body = await self._send(
                    url, {"Accept": "text/html,*/*;q=0.8"}, form=None, json_body=None, method="GET"
                )
        except TimeoutError:
            raise errors.RequestTimeout(error_type="deadline") from None
        return status, headers.get("location"), body.decode("utf-8", errors="replace")

    async def user_info(self, token: Secret) -> UserInfo:
        data = await self._call("user_info", token=token, retry_connect=True)
        return UserInfo(user_id=_id_field(data, "userId"), email=_str_field(data, "userEmail"))

    async def balance(self, token: Secret) -> Balance:
        data = await self._call("balance", token=token, retry_connect=True)
        return Balance(
            balance=_decimal_field(data, "balance"),
            free_balance=_decimal_field(data, "free_balance", default=Decimal("0")),
        )

    async def checkout_order(
        self,
        token: Secret,
        amount: Decimal,
        *,
        product_id: str = DEFAULT_PRODUCT_ID,
        success_url: str | None = None,
        cancel_url: str | None = None,
    ) -> CheckoutOrder:
        """Create a Stripe Checkout order. Never retried: each call is a new order."""
        data = await self._call(
            "checkout_order",
            token=token,
            form=_order_form(amount, product_id, success_url, cancel_url),
            retry_connect=False,
        )
        order_no, checkout_url = self._order_reply(data, "checkout_url")
        return CheckoutOrder(order_no=order_no, checkout_url=checkout_url)

    async def invoice_order(
        self,
        token: Secret,
        amount: Decimal,
        *,
        product_id: str = DEFAULT_PRODUCT_ID,
        email: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
    ) -> InvoiceOrder:
        """Create a Stripe Invoice order (assumed: docs/api.md#invoice-order). Never retried."""
        form = _order_form(amount, product_id, success_url, cancel_url)
        if email:
            form["email"] = email
        data = await self._call("invoice_order", token=token, form=form, retry_connect=False)
        order_no, invoice_url = self._order_reply(data, "invoice_url")
        return InvoiceOrder(order_no=order_no, invoice_url=invoice_url)

    # ------------------------------------------------------------------ plumbing

    def _order_reply(self, data: Mapping[str, Any], url_key: str) -> tuple[str, str]:
        """The order number and the checked payment link of a new order's reply.

        When the reply names the order but its link is unusable, the error keeps
        the number: the order probably exists, and the person can look it up.
        """
        order_no = _order_no(data)
        try:
            url = validate_payment_url(_str_field(data, url_key), self.payment_origins)
        except errors.ApiError as exc:
            exc.order_no = order_no
            raise
        return order_no, url

    async def _call(
        self,
        operation: str,
        *,
        token: Secret | None = None,
        form: Mapping[str, str] | None = None,
        retry_connect: bool,
    ) -> Mapping[str, Any]:
        """One documented operation: its ``data`` object, or the right ApiError."""
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {Secret(token).reveal()}"
        status, resp_headers, body = await self._request(
            operation,
            getattr(self.endpoints, operation),
            headers,
            form=form or {},
            retry_connect=retry_connect,
        )
        return _interpret(operation, status, resp_headers, body)

    async def _request(
        self,
        operation: str,
        url: str,
        headers: Mapping[str, str],
        *,
        form: Mapping[str, str] | None = None,
        json_body: Mapping[str, str] | None = None,
        retry_connect: bool,
    ) -> tuple[int, httpx.Headers, bytes]:
        """One POST (a path on the base URL, or a whole URL), retries included, within
        :attr:`deadline` seconds: the complete reply, whatever its status."""
        try:
            async with asyncio.timeout(self.deadline):
                return await self._attempts(
                    operation,
                    url,
                    headers,
                    form=form,
                    json_body=json_body,
                    retry_connect=retry_connect,
                )
        except TimeoutError:
            log.info("%s: no complete reply within %gs", operation, self.deadline)
            raise errors.RequestTimeout(error_type="deadline") from None

    async def _attempts(
        self,
        operation: str,
        url: str,
        headers: Mapping[str, str],
        *,
        form: Mapping[str, str] | None,
        json_body: Mapping[str, str] | None,
        retry_connect: bool,
    ) -> tuple[int, httpx.Headers, bytes]:
        attempts = 1 + (self.connect_retries if retry_connect else 0)
        for attempt in range(attempts):
            started = time.monotonic()
            try:
                status, resp_headers, body = await self._send(
                    url, headers, form=form, json_body=json_body
                )
            except errors.ConnectError:
                if attempt + 1 >= attempts:
                    raise
                delay = self.retry_backoff * (2**attempt)
                log.info("%s: connect failed, retrying in %.1fs", operation, delay)
                await asyncio.sleep(delay)
                continue
            log.debug(
                "%s -> HTTP %s, %d bytes, %.0f ms",
                operation,
                status,
                len(body),
                (time.monotonic() - started) * 1000,
            )
            return status, resp_headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        form: Mapping[str, str] | None,
        json_body: Mapping[str, str] | None,
        method: str = "POST",
    ) -> tuple[int, httpx.Headers, bytes]:
        if method != "POST":
            request = self._http.build_request(method, url, headers=headers)
        elif json_body is not None:
            request = self._http.build_request("POST", url, headers=headers, json=json_body)
        else:
            request = self._http.build_request("POST", url, headers=headers, data=dict(form or {}))
        try:
            response = await self._http.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol) as exc:
            raise errors.ConnectError(error_type=type(exc).__name__) from None
        except httpx.ProxyError as exc:
            raise errors.ConnectError(error_type=type(exc).__name__) from None
        except httpx.TimeoutException as exc:
            raise errors.RequestTimeout(error_type=type(exc).__name__) from None
        except (httpx.TransportError, OSError) as exc:
            raise errors.ConnectionLost(error_type=type(exc).__name__) from None
        try:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
                raise errors.MalformedResponseError(
                    status=response.status_code, error_type="reply_too_large"
                )
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise errors.MalformedResponseError(
                        status=response.status_code, error_type="reply_too_large"
                    )
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise errors.RequestTimeout(error_type=type(exc).__name__) from None
        except (httpx.TransportError, OSError) as exc:
            raise errors.ConnectionLost(error_type=type(exc).__name__) from None
        finally:
            await response.aclose()


# ---------------------------------------------------------------------- parsing


def _interpret(
    operation: str, status: int, headers: httpx.Headers, body: bytes
) -> Mapping[str, Any]:
    """Turn a complete reply into its ``data`` object or raise the right ApiError."""
    envelope = _decode_json(body)
    retry_after = _retry_after(headers.get("retry-after"))
    if envelope is None:
        if not 200 <= status < 300:
            raise _error_for(operation, status, None, None, retry_after, documented=False)
        raise _not_json(status, headers, body)

    body_status = envelope.get("statusCode")
    if isinstance(body_status, bool) or not isinstance(body_status, int):
        if not 200 <= status < 300:
            raise _error_for(operation, status, None, None, retry_after, documented=False)
        raise errors.MalformedResponseError(status=status, error_type="no_status_code")
    error_type = envelope.get("errorType")
    error_type = error_type if isinstance(error_type, str) and error_type.strip() else None
    message = envelope.get("message")
    message = message if isinstance(message, str) else None
    # The documented error envelope: the body itself says "error" and names its type.
    documented = body_status >= 400 and error_type is not None
    if not 200 <= status < 300:
        # An error envelope with a different code than the status line: trust the
        # more specific of the two (the body's, unless it claims success).
        effective = body_status if body_status >= 400 else status
        raise _error_for(
            operation, effective, error_type, message, retry_after, documented=documented
        )
    if body_status != 200 or error_type:
        raise _error_for(
            operation,
            body_status if body_status >= 400 else 500,
            error_type,
            message,
            retry_after,
            documented=documented,
        )
    data = envelope.get("data")
    if not isinstance(data, Mapping):
        raise errors.MalformedResponseError(status=status, error_type="no_data")
    return data


def _exchange_reply(status: int, headers: httpx.Headers, body: bytes) -> TokenGrant:
    """A token-exchange service's reply: the grant, or the error its envelope names."""
    value = _decode_json(body)
    if 200 <= status < 300:
        if value is None:
            raise _not_json(status, headers, body)
        return _grant(value)
    envelope = value.get("error") if value is not None else None
    code = message = None
    if isinstance(envelope, Mapping):
        code = envelope.get("code") if isinstance(envelope.get("code"), str) else None
        message = envelope.get("message") if isinstance(envelope.get("message"), str) else None
    raise token_exchange.error_for(status, code, message, _retry_after(headers.get("retry-after")))


def _grant(data: Mapping[str, Any]) -> TokenGrant:
    return TokenGrant(
        user_id=_id_field(data, "user_id"),
        client_id=_str_field(data, "client_id"),
        token=Secret(_str_field(data, "token")),
    )


def _not_json(status: int, headers: httpx.Headers, body: bytes) -> errors.MalformedResponseError:
    html = "html" in headers.get("content-type", "") or body.lstrip()[:1] == b"<"
    return errors.MalformedResponseError(
        status=status, error_type="html_reply" if html else "not_json"
    )


def _decode_json(body: bytes) -> Mapping[str, Any] | None:
    try:
        value = json.loads(body.decode("utf-8"), parse_float=Decimal, parse_int=int)
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: JSONDecodeError, and integers longer than Python converts.
        return None
    return value if isinstance(value, Mapping) else None


def _error_for(
    operation: str,
    status: int,
    error_type: str | None,
    message: str | None,
    retry_after: float | None,
    *,
    documented: bool,
) -> errors.ApiError:
    kw: dict[str, Any] = {
        "status": status,
        "error_type": error_type,
        "server_message": message,
        "documented_refusal": documented,
    }
    et = (error_type or "").lower()
    text = (message or "").lower()
    if (
        operation == "issue_token"
        and status in (400, 401, 403)
        and et != "oauth_invalid_token_error"
    ):
        if "client" in et or (status == 401 and "code" not in et):
            return errors.InvalidClientError(**kw)
        return errors.AuthorizationError(**kw)
    if et == "oauth_invalid_token_error" or status == 401:
        return errors.InvalidTokenError(**kw)
    if et == "insufficient_balance_error" or status == 402:
        return errors.InsufficientBalanceError(**kw)
    if status == 403 or "permission" in et or "trusted_advanced_access" in text:
        return errors.PermissionDeniedError(operation=operation, **kw)
    if status == 429 or "rate_limit" in et:
        return errors.RateLimitedError(retry_after=retry_after, **kw)
    if status in (404, 405) and operation in ASSUMED_ENDPOINTS:
        return errors.AssumedEndpointRefused(endpoint=operation, **kw)
    if status >= 500:
        return errors.ServerError(**kw)
    if 400 <= status < 500:
        return errors.BadRequestError(**kw)
    return errors.MalformedResponseError(**kw)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    if not math.isfinite(seconds):
        return None
    return max(0.0, min(seconds, 86400.0))


def _field(data: Mapping[str, Any], key: str) -> Any:
    if key not in data or data[key] is None:
        raise errors.MalformedResponseError(error_type=f"missing_field:{key}")
    return data[key]


def _str_field(data: Mapping[str, Any], key: str) -> str:
    value = _field(data, key)
    if not isinstance(value, str) or not value.strip():
        raise errors.MalformedResponseError(error_type=f"mistyped_field:{key}")
    return value.strip()


def _id_field(data: Mapping[str, Any], key: str) -> str:
    value = _field(data, key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _str_field(data, key)


def _decimal_field(data: Mapping[str, Any], key: str, *, default: Decimal | None = None) -> Decimal:
    """A balance: a decimal string (the documented form) or a JSON number, finite, with
    at most :data:`MAX_CREDIT_DIGITS` integer digits and :data:`MAX_CREDIT_PLACES`
    decimals. Negative values are kept (nothing says a balance cannot be overdrawn)."""
    if default is not None and data.get(key) is None:
        return default
    value = _field(data, key)
    # JSON numbers are decoded as ints and Decimals; its NaN/Infinity constants as floats.
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise errors.MalformedResponseError(error_type=f"mistyped_field:{key}")
    number: Decimal | None = None
    if not isinstance(value, str):
        number = Decimal(value)
    elif _PLAIN_DECIMAL.fullmatch(value.strip()):
        number = Decimal(value.strip())
    if (
        number is None
        or not number.is_finite()
        or number.copy_abs() >= _CREDIT_LIMIT
        or int(number.as_tuple().exponent) < -MAX_CREDIT_PLACES
    ):
        raise errors.UnusableBalanceError(
            error_type=f"unusable_number:{key}", digits=MAX_CREDIT_DIGITS
        )
    return number.copy_abs() if number.is_zero() else number


def _order_no(data: Mapping[str, Any]) -> str:
    value = _str_field(data, "order_no")
    if len(value) > 128 or not value.isascii() or not value.isprintable():
        raise errors.MalformedResponseError(error_type="mistyped_field:order_no")
    return value


def _amount_text(amount: Decimal) -> str:
    """An order's amount as the documented request spells it: whole dollars with no
    decimals (``10``), otherwise dollars and cents (``12.50``). More decimal places than
    cents are kept as they are, for the service to refuse: the amount is never rounded."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    cents = amount.quantize(_CENT)
    return format(cents if cents == amount else amount.normalize(), "f")


def _order_form(
    amount: Decimal, product_id: str, success_url: str | None, cancel_url: str | None
) -> dict[str, str]:
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValueError("amount must be a positive Decimal")
    form = {"amount": _amount_text(amount), "product_id": str(product_id)}
    if success_url:
        form["success_url"] = success_url
    if cancel_url:
        form["cancel_url"] = cancel_url
    return form
