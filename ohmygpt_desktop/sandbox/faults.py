"""Fault injection: what a misbehaving server, proxy or network looks like.

A :class:`Fault` is bound to one endpoint name (or ``"*"`` for all) and applies to
the next ``times`` requests (``None``: until cleared). See the package docstring
for the table of kinds and parameters.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from ohmygpt_desktop.sandbox.config import ENDPOINTS

#: Kinds that answer instead of the real handler.
PRE_KINDS = frozenset({"status", "error_in_200", "html", "non_json", "oversized", "redirect"})
FAULT_KINDS: tuple[str, ...] = (
    "latency",
    "status",
    "error_in_200",
    "html",
    "non_json",
    "drop",
    "missing_field",
    "wrong_type",
    "bad_url",
    "oversized",
    "redirect",
    "drip",
)

#: Marker for "parameter not given" (``None`` is a legal ``value`` for wrong_type).
MISSING: Any = object()
_MISSING = MISSING

# Allowed parameters per kind (besides ``seconds``, which every kind accepts as an
# extra delay before it applies) and their defaults.
_PARAMS: dict[str, dict[str, Any]] = {
    "latency": {},
    "status": {"status": 500, "retry_after": 7, "message": None, "error_type": None},
    "error_in_200": {"status": 401, "retry_after": 7, "message": None, "error_type": None},
    "html": {"status": 502},
    "non_json": {"variant": "text"},
    "drop": {},
    "missing_field": {"field": None},
    "wrong_type": {"field": None, "value": _MISSING},
    "bad_url": {"url": "javascript:alert(1)"},
    "oversized": {"size": 10 * 1024 * 1024},
    "redirect": {"status": 302, "location": "https://www.ohmygpt.com/login"},
    "drip": {"bytes_per_second": 1},
}


class SandboxConnectionDropped(Exception):
    """Raised on purpose after a partial reply so the server closes the connection."""


@dataclass
class Fault:
    endpoint: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    times: int | None = None
    #: Only requests made with this user's token misbehave (``None``: every request).
    user_id: str | None = None

    @property
    def seconds(self) -> float:
        return float(self.params.get("seconds", 0.0))

    def get(self, name: str) -> Any:
        value = self.params.get(name, _PARAMS[self.kind].get(name))
        return None if value is _MISSING else value

    def as_dict(self) -> dict[str, Any]:
        params = {k: v for k, v in self.params.items() if v is not _MISSING}
        head = {"endpoint": self.endpoint, "kind": self.kind, "times": self.times}
        if self.user_id is not None:
            head["user_id"] = self.user_id
        return {**head, **params}


def make_fault(
    endpoint: str, kind: str, times: int | None = None, user_id: str | None = None, **params: Any
) -> Fault:
    """Validate and build a fault. Raises ValueError with a readable reason."""
    if user_id is not None and (not isinstance(user_id, str) or not user_id.strip()):
        raise ValueError("user_id must be a non-empty string (or left out: every user)")
    if endpoint != "*" and endpoint not in ENDPOINTS:
        raise ValueError(f"unknown endpoint {endpoint!r}; use one of {', '.join(ENDPOINTS)} or *")
    if kind not in _PARAMS:
        raise ValueError(f"unknown fault kind {kind!r}; use one of {', '.join(FAULT_KINDS)}")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
        raise ValueError("times must be a positive integer or null")
    allowed = set(_PARAMS[kind]) | {"seconds"}
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise ValueError(
            f"fault kind {kind!r} takes no parameter {', '.join(unknown)}; "
            f"it takes: {', '.join(sorted(allowed))}"
        )
    if kind == "latency":
        params.setdefault("seconds", 1.0)
    if "seconds" in params:
        _number(params["seconds"], "seconds")
    if "status" in params:
        status = params["status"]
        if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
            raise ValueError("status must be an integer HTTP status (100-599)")
    if "retry_after" in params:
        value = params["retry_after"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("retry_after must be a whole number of seconds >= 0")
    if "size" in params:
        value = params["size"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("size must be a whole number of bytes >= 0")
    if kind == "redirect" and "status" in params and not 300 <= params["status"] <= 399:
        raise ValueError("a redirect's status must be 3xx")
    if "bytes_per_second" in params:
        _number(params["bytes_per_second"], "bytes_per_second")
        if params["bytes_per_second"] <= 0:
            raise ValueError("bytes_per_second must be more than 0")
    if "variant" in params and params["variant"] not in ("text", "broken_json"):
        raise ValueError("variant must be 'text' or 'broken_json'")
    for name in ("field", "url", "message", "error_type", "location"):
        if params.get(name) is not None and not isinstance(params[name], str):
            raise ValueError(f"{name} must be a string")
    return Fault(endpoint=endpoint, kind=kind, params=dict(params), times=times, user_id=user_id)


def fault_from(endpoint: str, kind: str, params: dict[str, Any]) -> Fault:
    """A validated fault from its endpoint, kind and the rest of its settings, ``times``
    and ``user_id`` among them (as :func:`parse_fault` and the control API give them).
    Raises ValueError with a readable reason."""
    rest = dict(params)
    times = rest.pop("times", None)
    user_id = rest.pop("user_id", None)
    return make_fault(endpoint, kind, times, user_id, **rest)


def _number(value: Any, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{name} must be a number >= 0")


# -- post-handler changes to a JSON body -----------------------------------------


def remove_field(body: dict[str, Any], name: str | None) -> None:
    data = body.get("data")
    if name is None:
        if isinstance(data, dict) and data:
            del data[next(iter(data))]
        return
    if isinstance(data, dict) and name in data:
        del data[name]
    else:
        body.pop(name, None)


def mistype_field(body: dict[str, Any], name: str | None, value: Any) -> None:
    data = body.get("data")
    target: dict[str, Any] = body
    if isinstance(data, dict) and (name is None or name in data):
        target = data
        if name is None:
            if not data:
                return
            name = next(iter(data))
    if name is None or name not in target:
        return
    target[name] = [target[name]] if value is MISSING else value


def replace_urls(body: dict[str, Any], url: str) -> None:
    data = body.get("data")
    if isinstance(data, dict):
        for key in list(data):
            if key.endswith("_url"):
                data[key] = url


# -- replies that do not come from the real handler ------------------------------

_CDN_TITLES = {
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway time-out",
    520: "Web server is returning an unknown error",
    521: "Web server is down",
    522: "Connection timed out",
    523: "Origin is unreachable",
    524: "A timeout occurred",
}


def cdn_error_page(status: int) -> Response:
    """An HTML error page of the kind a CDN in front of the API sends."""
    title = _CDN_TITLES.get(status, "Error")
    html = f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>cfcus02.opapi.win | {status}: {title}</title>
<style>body{{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#404040}}
header{{background:#f2f2f2;padding:40px 60px}}h1{{font-size:48px;font-weight:300;margin:0}}
.code{{color:#999;font-size:20px}}main{{padding:30px 60px}}footer{{padding:20px 60px;
border-top:1px solid #ddd;font-size:13px;color:#777}}</style></head>
<body><header><h1>{title}</h1><span class="code">Error code {status}</span></header>
<main><h2>What happened?</h2><p>The web server reported a {title.lower()} error.</p>
<h2>What can I do?</h2><p>Please try again in a few minutes.</p></main>
<footer>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong> &bull; Performance &amp;
security by Cloudflare (sandbox imitation)</footer></body></html>
"""
    return Response(
        html,
        status_code=status,
        media_type="text/html; charset=UTF-8",
        headers={"Server": "cloudflare", "CF-RAY": "8a1b2c3d4e5f6a7b-SJC"},
    )


def non_json_reply(variant: str) -> Response:
    if variant == "broken_json":
        return Response(
            b'{"statusCode": 200, "message": "ok", "data": {"bal',
            media_type="application/json",
        )
    return Response(
        "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        media_type="text/plain",
    )


def oversized_reply(size: int) -> Response:
    """A 200 JSON-looking body of exactly ``size`` bytes, streamed."""
    head = b'{"statusCode":200,"message":"ok","data":{"padding":"'
    tail = b'"}}'
    chunk = 64 * 1024

    async def body() -> AsyncIterator[bytes]:
        if size < len(head) + len(tail):
            yield b"x" * size
            return
        yield head
        left = size - len(head) - len(tail)
        block = b"x" * chunk
        while left > 0:
            piece = block if left >= chunk else block[:left]
            left -= len(piece)
            yield piece
        yield tail

    return StreamingResponse(
        body(), media_type="application/json", headers={"Content-Length": str(size)}
    )


def redirect_reply(status: int, location: str) -> Response:
    """A redirect instead of the API's reply (a captive portal, a misconfigured proxy)."""
    return RedirectResponse(location, status_code=status)


class DrippedResponse(Response):
    """Sends ``inner``'s headers at once, then its body a byte at a time, slowly.

    Every chunk is quick to arrive, so a per-read timeout never fires: only an
    overall deadline on the request ends it. Stops when the client goes away or
    the server stops.
    """

    def __init__(self, inner: Response, bytes_per_second: float) -> None:
        super().__init__(status_code=inner.status_code)
        self.inner = inner
        self.interval = 1.0 / bytes_per_second

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytes(getattr(self.inner, "body", b"") or b"")
        await send(
            {
                "type": "http.response.start",
                "status": self.inner.status_code,
                "headers": self.inner.raw_headers,
            }
        )

        async def client_gone() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        stopping: asyncio.Event | None = getattr(scope["app"].state, "shutdown", None)
        enders = {asyncio.ensure_future(client_gone())}
        if stopping is not None:
            enders.add(asyncio.ensure_future(stopping.wait()))
        try:
            for index in range(len(body)):
                await send(
                    {
                        "type": "http.response.body",
                        "body": body[index : index + 1],
                        "more_body": True,
                    }
                )
                done, _ = await asyncio.wait(enders, timeout=self.interval)
                if done:
                    return
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            for task in enders:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


class DroppedResponse(Response):
    """Sends the headers and part of ``inner``'s body, then breaks the connection."""

    def __init__(self, inner: Response) -> None:
        super().__init__(status_code=inner.status_code)
        self.inner = inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytes(getattr(self.inner, "body", b"") or b"")
        claimed = len(body) if body else 1024
        headers = [
            (name, value)
            for name, value in self.inner.raw_headers
            if name.lower() != b"content-length"
        ]
        headers.append((b"content-length", str(claimed).encode()))
        await send(
            {"type": "http.response.start", "status": self.inner.status_code, "headers": headers}
        )
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        raise SandboxConnectionDropped("sandbox fault 'drop': connection cut mid-body")


def dumps(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def parse_fault(spec: str) -> tuple[str, str, dict[str, Any]]:
    """``ENDPOINT=KIND[:k=v,...]`` -> (endpoint, kind, params). Values are JSON if they parse."""
    endpoint, sep, rest = spec.partition("=")
    if not sep or not endpoint or not rest:
        raise ValueError(f"expected ENDPOINT=KIND[:k=v,...], got {spec!r}")
    kind, _, raw_params = rest.partition(":")
    params: dict[str, Any] = {}
    for item in filter(None, raw_params.split(",")):
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ValueError(f"expected k=v in {spec!r}, got {item!r}")
        if key.strip() == "user_id":  # an id is text even when it is all digits
            params["user_id"] = value.strip()
            continue
        try:
            params[key.strip()] = json.loads(value)
        except ValueError:
            params[key.strip()] = value
    return endpoint.strip(), kind.strip(), params
