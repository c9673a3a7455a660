"""Authorization URLs and the payment-link allow-list."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from urllib.parse import urlencode, urlsplit

from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE
from ohmygpt_desktop.api.errors import UnsafeUrlError

#: Hosted payment pages that production replies may point to (docs/api.md#payment-link-allow-list).
PRODUCTION_PAYMENT_ORIGINS: frozenset[str] = frozenset(
    {"https://checkout.stripe.com", "https://invoice.stripe.com"}
)

MAX_PAYMENT_URL_LENGTH = 4096


def build_authorization_url(
    auth_base_url: str,
    *,
    client_id: str,
    redirect_uri: str,
    scope: str,
    state: str | None = None,
    redirect_template: str | None = None,
) -> str:
    """The URL of the provider's authorization page (docs/api.md#authorization-page).

    ``redirect_template`` is the plain template (e.g. ``"?code={code}&state={state}"``);
    it is Base64-encoded here as the page expects.
    """
    params: dict[str, str] = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
    }
    if state is not None:
        params["state"] = state
    if redirect_template is not None:
        params["redirect_template"] = base64.b64encode(redirect_template.encode()).decode()
    return f"{auth_base_url.rstrip('/')}{AUTHORIZE_PAGE}?{urlencode(params)}"


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an http(s) URL, lower-cased, default ports dropped."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is None or (scheme, port) in {("https", 443), ("http", 80)}:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def validate_payment_url(url: object, allowed_origins: Iterable[str]) -> str:
    """Return ``url`` if it is safe to open as a payment page, else raise UnsafeUrlError.

    Safe means: a string of sane length, no whitespace or control characters,
    scheme and host (and port) exactly one of ``allowed_origins``, no user-info,
    an ASCII host (no IDN look-alikes). Only ``https`` origins are allowed unless
    an ``http`` origin is listed explicitly (the local sandbox).
    """
    allowed = {o.lower().rstrip("/") for o in allowed_origins}
    if not isinstance(url, str) or not url or len(url) > MAX_PAYMENT_URL_LENGTH:
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url) or not url.isascii():
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UnsafeUrlError(error_type="unsafe_payment_url") from None
    if parts.scheme.lower() not in {"https", "http"} or not parts.netloc:
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    host = parts.hostname or ""
    if not host or host.startswith("xn--") or ".xn--" in host:
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    if origin_of(url) not in allowed:
        raise UnsafeUrlError(error_type="unsafe_payment_url")
    return url
