"""What a token-exchange service and the app say to each other (one definition for both).

An organisation that does not want its OAuth client secret in every copy of the app
runs ``python -m ohmygpt_desktop.exchange`` (docs/operations.md#token-exchange-service).
The app POSTs the authorization code there as JSON::

    {"code": "…", "client_id": "…", "redirect_uri": "…"}      (only "code" is required)

and gets back the ``data`` object of issue-token (docs/api.md#token-issue)::

    {"user_id": "888", "client_id": "…", "token": "omg-oat-v1-…"}

or, with a 4xx/5xx status, one error envelope: ``{"error": {"code": …, "message": …}}``
(429 adds ``Retry-After``). :func:`error_for` turns that into the app's error family.
"""

from __future__ import annotations

from enum import StrEnum

from ohmygpt_desktop.api import errors
from ohmygpt_desktop.api.models import TokenGrant

#: Longest code either side accepts (the app's paste parser allows up to 256 characters).
MAX_CODE_LENGTH = 256
#: Longest ``redirect_uri`` the service accepts.
MAX_REDIRECT_URI_LENGTH = 2048


class ErrorCode(StrEnum):
    """``error.code`` values of the envelope, with the HTTP status each comes with."""

    INVALID_REQUEST = "invalid_request"  # 400: not a JSON object with a usable code
    INVALID_CLIENT = "invalid_client"  # 400: the request names another client id
    INVALID_CODE = "invalid_code"  # 400: OhMyGPT refused the code (unknown, used, expired)
    NOT_FOUND = "not_found"  # 404
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    BODY_TOO_LARGE = "body_too_large"  # 413
    RATE_LIMITED = "rate_limited"  # 429: this client address asked too often
    UPSTREAM_RATE_LIMITED = "upstream_rate_limited"  # 429: OhMyGPT asked the service to wait
    INTERNAL_ERROR = "internal_error"  # 500
    UPSTREAM_CLIENT_REFUSED = "upstream_client_refused"  # 502: OhMyGPT refused id or secret
    UPSTREAM_UNREACHABLE = "upstream_unreachable"  # 502: no connection to OhMyGPT
    UPSTREAM_ERROR = "upstream_error"  # 502: any other failure of issue-token
    NOT_CONFIGURED = "not_configured"  # 503: the service has no client secret
    UPSTREAM_TIMEOUT = "upstream_timeout"  # 504: OhMyGPT did not answer in time


_SETUP = frozenset(
    {ErrorCode.INVALID_CLIENT, ErrorCode.UPSTREAM_CLIENT_REFUSED, ErrorCode.NOT_CONFIGURED}
)


def grant_body(grant: TokenGrant) -> dict[str, str]:
    """The service's success reply (reveals the token: only ever the reply body)."""
    return {"user_id": grant.user_id, "client_id": grant.client_id, "token": grant.token.reveal()}


def error_for(
    status: int, code: str | None, message: str | None, retry_after: float | None
) -> errors.ApiError:
    """The app's error for a reply that is not a grant.

    ``code`` is ``None`` when the reply was not the service's envelope (a proxy's HTML
    page, say): the status alone decides then. ``message`` is the service's own wording,
    kept for the details pane.
    """
    kw = {
        "status": status,
        "error_type": code,
        "server_message": message,
        "documented_refusal": code is not None,
    }
    if code == ErrorCode.INVALID_CODE:
        return errors.AuthorizationError(**kw)
    if code in _SETUP:
        return errors.TokenExchangeSetupError(**kw)
    if code == ErrorCode.UPSTREAM_TIMEOUT:
        return errors.RequestTimeout(**kw)
    if status == 429:
        return errors.RateLimitedError(retry_after=retry_after, **kw)
    if status >= 500:
        return errors.ServerError(**kw)
    if 400 <= status < 500:
        return errors.BadRequestError(**kw)
    return errors.MalformedResponseError(**kw)
