"""The Starlette application: OAuth pages, JSON API, fake checkout, control endpoints."""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import math
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE, CODE_PAGE, DEFAULT_ENDPOINTS, ORDERS_PAGE
from ohmygpt_desktop.api.models import DEFAULT_PRODUCT_ID
from ohmygpt_desktop.sandbox import pages
from ohmygpt_desktop.sandbox.config import API_ENDPOINTS, ENDPOINTS, TRUSTED_LEVEL, SeededApp
from ohmygpt_desktop.sandbox.faults import (
    MISSING,
    PRE_KINDS,
    DrippedResponse,
    DroppedResponse,
    Fault,
    cdn_error_page,
    fault_from,
    mistype_field,
    non_json_reply,
    oversized_reply,
    redirect_reply,
    remove_field,
    replace_urls,
)
from ohmygpt_desktop.sandbox.page_text import page_language
from ohmygpt_desktop.sandbox.replies import (
    JsonReply,
    SandboxError,
    error_reply,
    invalid_request,
    invalid_token,
    ok_reply,
    permission_denied,
    reply_for_status,
)
from ohmygpt_desktop.sandbox.state import SandboxState, TokenRecord, money, random_alnum

Handler = Callable[[Request, SandboxState], Awaitable[JsonReply | Response]]

# The sandbox serves the client's own endpoint table (docs/api.md#endpoint-table).
DECIDE_PATH = f"{AUTHORIZE_PAGE}/decide"
CHECKOUT_PREFIX = "/c/pay"
INVOICE_PREFIX = "/i/acct_sandbox"

_DENY_DESCRIPTION = "The user denied the authorization request."


# -- plumbing --------------------------------------------------------------------


def render(reply: JsonReply, state: SandboxState, *, force_200: bool = False) -> JSONResponse:
    """HTTP status = body statusCode ("mirror") or 200 ("always200")."""
    mirror = state.config.status_mode == "mirror" and not force_200
    return JSONResponse(
        reply.body, status_code=reply.status if mirror else 200, headers=reply.headers
    )


async def _pause(request: Request, seconds: float) -> bool:
    """Wait ``seconds`` without blocking the server; False if the client went away.

    Ends early (True) when the server is stopping, so ``stop()`` stays quick.
    """
    await request.body()  # keep the body (handlers read it later); next receive = disconnect

    async def disconnected() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass

    waiter = asyncio.ensure_future(disconnected())
    tasks = {waiter}
    shutdown: asyncio.Event | None = getattr(request.app.state, "shutdown", None)
    if shutdown is not None:
        tasks.add(asyncio.ensure_future(shutdown.wait()))
    try:
        done, _ = await asyncio.wait(tasks, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
    return waiter not in done


def _pre_fault(fault: Fault, state: SandboxState) -> Response:
    if fault.kind == "status":
        reply = reply_for_status(
            fault.get("status"),
            message=fault.get("message"),
            error_type=fault.get("error_type"),
            retry_after=fault.get("retry_after"),
        )
        return render(reply, state)
    if fault.kind == "error_in_200":
        reply = reply_for_status(
            fault.get("status"),
            message=fault.get("message"),
            error_type=fault.get("error_type"),
            retry_after=fault.get("retry_after"),
        )
        return render(reply, state, force_200=True)
    if fault.kind == "html":
        return cdn_error_page(fault.get("status"))
    if fault.kind == "non_json":
        return non_json_reply(fault.get("variant"))
    if fault.kind == "redirect":
        return redirect_reply(fault.get("status"), fault.get("location"))
    return oversized_reply(fault.get("size"))


def _post_fault(fault: Fault, reply: JsonReply) -> None:
    if fault.kind == "missing_field":
        remove_field(reply.body, fault.get("field"))
    elif fault.kind == "wrong_type":
        mistype_field(reply.body, fault.get("field"), fault.params.get("value", MISSING))
    elif fault.kind == "bad_url":
        replace_urls(reply.body, fault.get("url"))


def _token_user(request: Request, state: SandboxState) -> str | None:
    """The user whose valid bearer token came with the request, if any (for faults
    aimed at one user)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    record = state.token(value.strip())
    return record.user_id if record is not None else None


def counted(name: str, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a handler: count the request, apply latency and faults, render JSON."""
    is_api = name in API_ENDPOINTS

    async def endpoint(request: Request) -> Response:
        state: SandboxState = request.app.state.sandbox
        state.record_request(name)
        fault = state.take_fault(name, _token_user(request, state))
        delay = (state.config.latency if is_api else 0.0) + (fault.seconds if fault else 0.0)
        if delay > 0 and not await _pause(request, delay):
            return Response(status_code=499)  # the client is gone; nobody reads this
        if fault is not None and fault.kind in PRE_KINDS:
            return _pre_fault(fault, state)
        try:
            result = await handler(request, state)
        except SandboxError as exc:
            result = exc.reply()
        if isinstance(result, JsonReply):
            if fault is not None:
                _post_fault(fault, result)
            response: Response = render(result, state)
        else:
            response = result
        if fault is not None and fault.kind == "drop":
            return DroppedResponse(response)
        if fault is not None and fault.kind == "drip":
            return DrippedResponse(response, fault.get("bytes_per_second"))
        return response

    endpoint.__name__ = f"{name}_endpoint"
    return endpoint


async def read_params(request: Request) -> dict[str, str]:
    """Body parameters from a form (documented) or a JSON object (also accepted)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json" or content_type.endswith("+json"):
        raw = await request.body()
        if not raw.strip():
            return {}
        try:
            payload = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise invalid_request("The request body is not valid JSON.") from exc
        if not isinstance(payload, dict):
            raise invalid_request("The JSON request body must be an object.")
        result: dict[str, str] = {}
        for key, value in payload.items():
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise invalid_request(f"{key} must be a string.")
            result[key] = str(value)
        return result
    try:
        async with request.form() as form:
            return {k: v for k, v in form.multi_items() if not isinstance(v, UploadFile)}
    except SandboxError:
        raise
    except Exception as exc:
        raise invalid_request("The request body could not be read as a form.") from exc


async def form_fields(request: Request) -> dict[str, str]:
    """The text fields of a browser form; empty if the body is not a readable form."""
    try:
        async with request.form() as form:
            return {k: v for k, v in form.multi_items() if isinstance(v, str)}
    except Exception:  # a malformed body is just "no choice made"
        return {}


def bearer(request: Request, state: SandboxState) -> TokenRecord:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise invalid_token()
    record = state.token(value.strip())
    if record is None:
        raise invalid_token()
    return record


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


# -- OAuth request validation ----------------------------------------------------


@dataclass
class OAuthRequest:
    app: SeededApp
    redirect_uri: str
    scope: str
    state: str | None
    template: str | None  # decoded redirect_template
    raw_template: str | None

    def hidden_fields(self) -> dict[str, str]:
        fields = {
            "response_type": "code",
            "client_id": self.app.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": self.scope,
        }
        if self.state is not None:
            fields["state"] = self.state
        if self.raw_template is not None:
            fields["redirect_template"] = self.raw_template
        return fields


class OAuthProblem(Exception):
    def __init__(self, error: str, problem: str, detail: str) -> None:
        super().__init__(problem)
        self.error = error
        self.problem = problem
        self.detail = detail

    def page(self, request: Request) -> Response:
        return pages.oauth_error_page(
            self.error, self.problem, self.detail, lang=browser_language(request)
        )


def decode_template(raw: str) -> str:
    """Base64 (standard or URL-safe, padding optional) -> text. ValueError if invalid."""
    # A "+" in an unencoded query string arrives as a space.
    text = "".join(raw.replace(" ", "+").split())
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    text += "=" * (-len(text) % 4)
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError) as exc:
        raise ValueError(str(exc)) from exc


def check_oauth(state: SandboxState, params: Mapping[str, Any]) -> OAuthRequest:
    def get(name: str) -> str | None:
        value = params.get(name)
        return value if isinstance(value, str) else None

    client_id = get("client_id")
    if not client_id:
        raise OAuthProblem(
            "invalid_client",
            "The link does not say which app is asking (no client_id).",
            "Every sign-in link must carry the app's client_id.",
        )
    app = state.app(client_id)
    if app is None:
        raise OAuthProblem(
            "invalid_client",
            "Unknown app.",
            f"No app with client_id \u201c{client_id}\u201d is registered.",
        )
    redirect_uri = get("redirect_uri")
    if not redirect_uri:
        raise OAuthProblem(
            "invalid_redirect_uri",
            "The link does not say where to send you back (no redirect_uri).",
            f"{app.name} must give a redirect_uri.",
        )
    parts = urlsplit(redirect_uri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OAuthProblem(
            "invalid_redirect_uri",
            "The redirect_uri is not a web address.",
            f"\u201c{redirect_uri}\u201d is not an absolute http:// or https:// URL.",
        )
    if parts.fragment or "#" in redirect_uri:
        raise OAuthProblem(
            "invalid_redirect_uri",
            "The redirect_uri must not contain a #fragment.",
            f"\u201c{redirect_uri}\u201d has a fragment.",
        )
    if not app.allows_redirect_host(parts.hostname):
        raise OAuthProblem(
            "invalid_redirect_uri",
            "The redirect_uri is not allowed for this app.",
            f"{app.name} may only send you back to {app.domain}, but this link would send "
            f"you to {parts.hostname}. The redirect_uri's domain must equal the app's domain.",
        )
    response_type = get("response_type")
    if response_type != "code":
        raise OAuthProblem(
            "unsupported_response_type",
            "Unsupported response_type.",
            "Only response_type=code is supported; this link asks for "
            f"\u201c{response_type or '(nothing)'}\u201d.",
        )
    scope = get("scope")
    if scope != app.scope:
        raise OAuthProblem(
            "invalid_scope",
            "The requested permissions do not match the app (scope mismatch).",
            f"The link asks for scope \u201c{scope or '(nothing)'}\u201d, but {app.name} is "
            f"registered for \u201c{app.scope}\u201d. The scope must match exactly.",
        )
    raw_template = get("redirect_template")
    template = None
    if raw_template is not None:
        try:
            template = decode_template(raw_template)
        except ValueError as exc:
            raise OAuthProblem(
                "invalid_request",
                "The redirect_template is not valid.",
                "redirect_template must be Base64-encoded UTF-8 text "
                f"(standard or URL-safe alphabet): {exc}.",
            ) from exc
    return OAuthRequest(app, redirect_uri, scope, get("state"), template, raw_template)


def add_query(uri: str, pairs: list[tuple[str, str]]) -> str:
    parts = urlsplit(uri)
    extra = urlencode(pairs, quote_via=quote)
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def success_location(req: OAuthRequest, code: str) -> str:
    if req.template is not None:
        filled = req.template.replace("{code}", quote(code, safe=""))
        filled = filled.replace("{state}", quote(req.state or "", safe=""))
        return req.redirect_uri + filled  # plain concatenation, as documented
    pairs = [("code", code)]
    if req.state is not None:
        pairs.append(("state", req.state))
    return add_query(req.redirect_uri, pairs)


# -- OAuth pages -----------------------------------------------------------------


def browser_language(request: Request) -> str:
    """The language of a web page for this request: the browser's choice among the
    sandbox's page languages."""
    return page_language(request.headers.get("accept-language"))


async def authorize_page(request: Request, state: SandboxState) -> Response:
    try:
        req = check_oauth(state, request.query_params)
    except OAuthProblem as problem:
        return problem.page(request)
    return pages.authorize_page(
        req.app, req.hidden_fields(), state.accounts(), lang=browser_language(request)
    )


async def decide(request: Request, state: SandboxState) -> Response:
    params = await form_fields(request)
    try:
        req = check_oauth(state, params)
        action = params.get("action")
        if action not in ("authorize", "deny"):
            raise OAuthProblem(
                "invalid_request",
                "No choice was made.",
                "The form must be sent with the Authorize or the Deny button.",
            )
        user_id = params.get("user_id", "")
        if action == "authorize" and state.account(user_id) is None:
            raise OAuthProblem(
                "invalid_request",
                "No user was chosen.",
                f"\u201c{user_id}\u201d is not one of the sandbox users.",
            )
    except OAuthProblem as problem:
        return problem.page(request)
    if action == "deny":
        pairs = [("error", "access_denied"), ("error_description", _DENY_DESCRIPTION)]
        if req.state is not None:
            pairs.append(("state", req.state))
        return RedirectResponse(add_query(req.redirect_uri, pairs), status_code=303)
    code = state.issue_code(req.app.client_id, user_id, req.redirect_uri)
    return RedirectResponse(success_location(req, code), status_code=303)


async def code_page(request: Request, state: SandboxState) -> Response:
    params = request.query_params
    if params.get("error"):
        description = params.get("error_description") or (
            "The authorization was not granted" + f" ({params['error']})."
        )
        return pages.denied_page(description, params.get("state"), lang=browser_language(request))
    code = params.get("code")
    if not code:
        return pages.no_code_page(lang=browser_language(request))
    minutes = max(1, math.ceil(state.config.code_ttl / 60))
    return pages.code_page(code, params.get("state"), minutes, lang=browser_language(request))


# -- JSON API --------------------------------------------------------------------


async def issue_token(request: Request, state: SandboxState) -> JsonReply:
    params = await read_params(request)
    for name in ("client_id", "client_secret", "code"):
        if not params.get(name):
            raise invalid_request(f"Missing required parameter: {name}.")
    record = state.exchange_code(params["client_id"], params["client_secret"], params["code"])
    return ok_reply(
        "Issue OAuth Token success",
        {"user_id": record.user_id, "client_id": record.client_id, "token": record.token},
    )


async def user_info(request: Request, state: SandboxState) -> JsonReply:
    record = bearer(request, state)
    account = state.account(record.user_id)
    if account is None:  # pragma: no cover - tokens only exist for seeded users
        raise invalid_token()
    return ok_reply(
        "Query user basic info success", {"userId": account.user_id, "userEmail": account.email}
    )


async def balance(request: Request, state: SandboxState) -> JsonReply:
    record = bearer(request, state)
    total, free = state.balance(record.user_id)
    return ok_reply(
        "Query user balance info success", {"balance": money(total), "free_balance": money(free)}
    )


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def parse_amount(raw: str | None, low: Decimal, high: Decimal) -> Decimal:
    """A recharge amount in USD, or SandboxError(400) saying what is wrong."""
    example = "like 10 or 12.50"
    if raw is None or not raw.strip():
        raise invalid_request(f"amount is required: the recharge amount in US dollars, {example}.")
    text = raw.strip()
    if not _PLAIN_NUMBER.fullmatch(text):
        raise invalid_request(f"amount must be a number of US dollars, {example}; got {raw!r}.")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise invalid_request(f"amount must be a number of US dollars, {example}.") from exc
    if value <= 0:
        raise invalid_request(f"amount must be greater than 0; got {text}.")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise invalid_request(f"amount must have at most two decimal places (cents); got {text}.")
    if value < low:
        raise invalid_request(f"amount must be at least {money(low)} USD; got {text}.")
    if value > high:
        raise invalid_request(f"amount must be at most {money(high)} USD; got {text}.")
    return value


def _optional_url(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if not value:
        return None
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
    ):
        raise invalid_request(f"{name} must be an absolute http:// or https:// URL.")
    return value


async def _create(request: Request, state: SandboxState, kind: str) -> JsonReply:
    record = bearer(request, state)
    if record.permission_level != TRUSTED_LEVEL:
        raise permission_denied()
    params = await read_params(request)
    config = state.config
    amount = parse_amount(params.get("amount"), config.min_amount, config.max_amount)
    product_id = params.get("product_id") or DEFAULT_PRODUCT_ID
    if product_id != DEFAULT_PRODUCT_ID:
        raise invalid_request(
            f"Unknown product_id {product_id!r}: the only recharge product is {DEFAULT_PRODUCT_ID}."
        )
    success_url = _optional_url(params, "success_url")
    cancel_url = _optional_url(params, "cancel_url")
    email = None
    if kind == "invoice":
        email = params.get("email") or None
        if email is not None and (len(email) > 254 or not _EMAIL.fullmatch(email)):
            raise invalid_request(f"email is not a valid email address: {email!r}.")
    order = state.create_order(
        token=record,
        kind=kind,
        amount=amount,
        product_id=product_id,
        email=email,
        success_url=success_url,
        cancel_url=cancel_url,
        amount_sent=params.get("amount", ""),
    )
    if kind == "checkout":
        url = f"{base_url(request)}{CHECKOUT_PREFIX}/{order.session_id}#{_fragment()}"
        return ok_reply(
            "Stripe Order Create Success", {"checkout_url": url, "order_no": order.order_no}
        )
    url = f"{base_url(request)}{INVOICE_PREFIX}/{order.session_id}"
    return ok_reply(
        "Stripe Invoice Create Success", {"invoice_url": url, "order_no": order.order_no}
    )


def _fragment() -> str:
    return "fid" + random_alnum(8) + secrets.token_urlsafe(60)


async def checkout_order(request: Request, state: SandboxState) -> JsonReply:
    return await _create(request, state, "checkout")


async def invoice_order(request: Request, state: SandboxState) -> JsonReply:
    return await _create(request, state, "invoice")


# -- fake Stripe checkout / invoice ----------------------------------------------


def _kind_prefix(request: Request) -> tuple[str, str]:
    if request.url.path.startswith(INVOICE_PREFIX + "/"):
        return "invoice", INVOICE_PREFIX
    return "checkout", CHECKOUT_PREFIX


def _status_page(reason: str, order: Any, request: Request) -> Response:
    lang = browser_language(request)
    if reason == "already_paid":
        return pages.checkout_message_page(
            "already-paid",
            "This order has already been paid",
            "Nothing more to do: the payment went through. You can return to the app.",
            status=409,
            order=order,
            lang=lang,
        )
    if reason == "expired":
        return pages.checkout_message_page(
            "expired",
            "This checkout session has expired",
            "Nothing was charged. Go back to the app and start a new recharge.",
            status=410,
            order=order,
            lang=lang,
        )
    if reason == "cancelled":
        return pages.checkout_message_page(
            "cancelled",
            "This order was cancelled",
            "Nothing was charged. Go back to the app and start a new recharge.",
            status=410,
            order=order,
            lang=lang,
        )
    return pages.checkout_message_page(
        "not-found",
        "Checkout session not found",
        "This payment link is not valid. Go back to the app and start a new recharge.",
        status=404,
        lang=lang,
    )


async def checkout_get(request: Request, state: SandboxState) -> Response:
    kind, prefix = _kind_prefix(request)
    session = request.path_params["session"]
    order = state.find_order(kind, session)
    if order is None:
        return _status_page("not_found", None, request)
    if order.status != "open":
        reason = "already_paid" if order.status == "paid" else order.status
        page = _status_page(reason, order, request)
        if reason == "already_paid":
            page.status_code = 200  # just looking at a paid order is not an error
        return page
    return pages.checkout_page(order, f"{prefix}/{session}", lang=browser_language(request))


async def checkout_post(request: Request, state: SandboxState) -> Response:
    kind, prefix = _kind_prefix(request)
    session = request.path_params["session"]
    action = (await form_fields(request)).get("action")
    if action == "pay":
        outcome, order = state.pay_order(kind, session)
        if outcome != "paid" or order is None:
            return _status_page(outcome, order, request)
        target = order.success_url or f"{base_url(request)}{prefix}/{session}/complete"
        target = target.replace("{CHECKOUT_SESSION_ID}", session)
        return RedirectResponse(target, status_code=303)
    if action == "cancel":
        outcome, order = state.cancel_order(kind, session)
        if outcome != "cancelled" or order is None:
            return _status_page(outcome, order, request)
        target = order.cancel_url or f"{base_url(request)}{prefix}/{session}/cancelled"
        target = target.replace("{CHECKOUT_SESSION_ID}", session)
        return RedirectResponse(target, status_code=303)
    return pages.checkout_message_page(
        "bad-request",
        "Unknown action",
        "Use the Pay or the Cancel button.",
        status=400,
        lang=browser_language(request),
    )


async def checkout_result(request: Request, state: SandboxState) -> Response:
    kind, _ = _kind_prefix(request)
    order = state.find_order(kind, request.path_params["session"])
    if order is None:
        return _status_page("not_found", None, request)
    if request.url.path.endswith("/complete") and order.status == "paid":
        return pages.checkout_message_page(
            "paid",
            "Payment received",
            "Thank you. You can return to the app: your balance will be updated shortly.",
            order=order,
            lang=browser_language(request),
        )
    if request.url.path.endswith("/cancelled") and order.status == "cancelled":
        return pages.checkout_message_page(
            "cancelled",
            "Payment cancelled",
            "Nothing was charged. You can return to the app.",
            order=order,
            lang=browser_language(request),
        )
    return await checkout_get(request, state)


# -- control endpoints (not counted, not faulted) --------------------------------


def _control_ok(message: str, data: Any) -> JSONResponse:
    return JSONResponse({"statusCode": 200, "message": message, "data": data})


def _control_error(message: str, status: int = 400) -> JSONResponse:
    reply = error_reply(status, "invalid_request_error", message)
    return JSONResponse(reply.body, status_code=status)


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    payload = json.loads(raw)
    if not isinstance(payload, dict):
        raise ValueError("the body must be a JSON object")
    return payload


def control(
    handler: Callable[[Request, SandboxState, dict[str, Any]], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        state: SandboxState = request.app.state.sandbox
        try:
            payload = await _json_object(request)
            return await handler(request, state, payload)
        except (ValueError, KeyError, TypeError) as exc:
            text = str(exc) if not isinstance(exc, KeyError) else f"unknown {exc.args[0]!r}"
            return _control_error(text)

    endpoint.__name__ = f"control_{handler.__name__}"
    return endpoint


async def ctl_set_fault(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    params = dict(body)
    endpoint = params.pop("endpoint", None)
    kind = params.pop("kind", None)
    if not isinstance(endpoint, str) or not isinstance(kind, str):
        raise ValueError("give at least 'endpoint' and 'kind'")
    fault = state.add_fault(fault_from(endpoint, kind, params))
    return _control_ok("Fault set", fault.as_dict())


async def ctl_list_faults(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    return _control_ok("Faults", [f.as_dict() for f in state.faults])


async def ctl_clear_faults(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    state.clear_faults(request.query_params.get("endpoint") or body.get("endpoint"))
    return _control_ok("Faults cleared", [f.as_dict() for f in state.faults])


async def ctl_requests(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    counts = state.request_counts
    return _control_ok("Request counts", {name: counts[name] for name in ENDPOINTS})


async def ctl_orders(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    return _control_ok("Orders", state.orders())


async def ctl_revoke(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    revoked = 0
    if isinstance(body.get("user_id"), str):
        revoked += state.revoke_user_tokens(body["user_id"])
    if isinstance(body.get("token"), str):
        revoked += int(state.revoke_token(body["token"]))
    if "user_id" not in body and "token" not in body:
        raise ValueError("give 'user_id' or 'token'")
    return _control_ok("Tokens revoked", {"revoked": revoked})


async def ctl_clock(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    now = state.advance_clock(body.get("advance", 0))
    return _control_ok("Clock advanced", {"now": now})


async def ctl_config(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    if request.method == "POST" and body:
        state.update_config(**body)
    return _control_ok("Config", state.config.as_dict())


async def ctl_reset(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    state.reset()
    return _control_ok("Sandbox reset", None)


async def ctl_users(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    return _control_ok(
        "Users",
        [
            {
                "user_id": a.user_id,
                "email": a.email,
                "balance": money(a.balance),
                "free_balance": money(a.free_balance),
            }
            for a in state.accounts()
        ],
    )


async def ctl_add_user(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    user_id, email = body.get("user_id"), body.get("email")
    if not isinstance(user_id, str) or not isinstance(email, str):
        raise ValueError("give 'user_id' and 'email' (strings)")
    account = state.add_user(
        user_id, email, body.get("balance", "0"), body.get("free_balance", "0")
    )
    return _control_ok("User added", {"user_id": account.user_id, "email": account.email})


async def ctl_balance(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    user_id = body.get("user_id")
    if not isinstance(user_id, str):
        raise ValueError("give 'user_id'")
    state.set_balance(user_id, body.get("balance"), body.get("free_balance"))
    total, free = state.balance(user_id)
    return _control_ok("Balance set", {"balance": money(total), "free_balance": money(free)})


async def ctl_token(request: Request, state: SandboxState, body: dict[str, Any]) -> Response:
    token = state.issue_token(str(body.get("user_id", "888")), body.get("client_id"))
    return _control_ok("Token issued", {"token": token})


# -- misc ------------------------------------------------------------------------


UPDATE_FEED_PATH = "/_sandbox/update-feed"


async def update_feed(request: Request, state: SandboxState) -> Response:
    """The update feed set with ``PUT`` (served as it was given, signed or not)."""
    feed = state.update_feed
    if feed is None:
        raise HTTPException(404, "No update feed is set (PUT one here).")
    return Response(feed, media_type="application/json")


async def set_update_feed(request: Request) -> Response:
    """``PUT``: the body becomes the feed, byte for byte (tests also set garbage);
    ``DELETE``: no feed."""
    state: SandboxState = request.app.state.sandbox
    state.update_feed = await request.body() if request.method == "PUT" else None
    return _control_ok("Update feed set", {"bytes": len(state.update_feed or b"")})


async def index(request: Request) -> Response:
    state: SandboxState = request.app.state.sandbox
    return pages.index_page(base_url(request), state.apps.values(), state.accounts())


async def orders(request: Request) -> Response:
    """The service's orders page (its address in the real service is assumed): every
    order of the sandbox, in the browser's language."""
    state: SandboxState = request.app.state.sandbox
    return pages.orders_page(state.orders(), lang=browser_language(request))


async def favicon(request: Request) -> Response:
    return Response(status_code=204)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    path = request.url.path
    headers = dict(exc.headers or {})
    if path.startswith(("/api/", "/_sandbox/")):
        error_type = "not_found_error" if exc.status_code == 404 else "invalid_request_error"
        reply = error_reply(exc.status_code, error_type, exc.detail)
        reply.headers.update(headers)
        state: SandboxState = request.app.state.sandbox
        if path.startswith("/api/"):
            return render(reply, state)
        return JSONResponse(reply.body, status_code=exc.status_code, headers=reply.headers)
    page = pages.checkout_message_page(
        "http-error",
        exc.detail,
        "There is nothing at this address.",
        status=exc.status_code,
        lang=browser_language(request),
    )
    page.headers.update(headers)
    return page


def create_app(state: SandboxState) -> Starlette:
    """The ASGI application serving ``state``."""
    routes = [
        Route("/", index, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route(ORDERS_PAGE, orders, methods=["GET"]),
        Route(AUTHORIZE_PAGE, counted("authorize_page", authorize_page), methods=["GET"]),
        Route(DECIDE_PATH, counted("decide", decide), methods=["POST"]),
        Route(CODE_PAGE, counted("code_page", code_page), methods=["GET"]),
        *(
            Route(getattr(DEFAULT_ENDPOINTS, name), counted(name, handler), methods=["POST"])
            for name, handler in (
                ("issue_token", issue_token),
                ("user_info", user_info),
                ("balance", balance),
                ("checkout_order", checkout_order),
                ("invoice_order", invoice_order),
            )
        ),
        Route("/_sandbox/faults", control(ctl_set_fault), methods=["POST"]),
        Route("/_sandbox/faults", control(ctl_list_faults), methods=["GET"]),
        Route("/_sandbox/faults", control(ctl_clear_faults), methods=["DELETE"]),
        Route("/_sandbox/requests", control(ctl_requests), methods=["GET"]),
        Route("/_sandbox/orders", control(ctl_orders), methods=["GET"]),
        Route("/_sandbox/revoke", control(ctl_revoke), methods=["POST"]),
        Route("/_sandbox/clock", control(ctl_clock), methods=["POST"]),
        Route("/_sandbox/config", control(ctl_config), methods=["GET", "POST"]),
        Route("/_sandbox/reset", control(ctl_reset), methods=["POST"]),
        Route("/_sandbox/users", control(ctl_users), methods=["GET"]),
        Route("/_sandbox/users", control(ctl_add_user), methods=["POST"]),
        Route("/_sandbox/balance", control(ctl_balance), methods=["POST"]),
        Route("/_sandbox/token", control(ctl_token), methods=["POST"]),
        Route(UPDATE_FEED_PATH, counted("update_feed", update_feed), methods=["GET"]),
        Route(UPDATE_FEED_PATH, set_update_feed, methods=["PUT", "DELETE"]),
    ]
    for prefix in (CHECKOUT_PREFIX, INVOICE_PREFIX):
        routes += [
            Route(f"{prefix}/{{session}}", counted("checkout_page", checkout_get), methods=["GET"]),
            Route(
                f"{prefix}/{{session}}", counted("checkout_action", checkout_post), methods=["POST"]
            ),
            Route(
                f"{prefix}/{{session}}/complete",
                counted("checkout_page", checkout_result),
                methods=["GET"],
            ),
            Route(
                f"{prefix}/{{session}}/cancelled",
                counted("checkout_page", checkout_result),
                methods=["GET"],
            ),
        ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    app.state.sandbox = state
    return app
