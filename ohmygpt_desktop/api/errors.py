"""One exception hierarchy for everything the API can do wrong.

Every error carries a human message fit for the UI: it is a
:class:`~ohmygpt_desktop.translatable.Problem` (context ``"ApiError"``), an English
template marked for translation plus its params, which the UI shows in the user's
language.

No error's text or repr ever contains a token, a client secret or a checkout
link: they are built only from status codes, error types and our own words.
"""

from __future__ import annotations

import re
from typing import Any

from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

_CTX = "ApiError"


class ApiError(Problem):
    """Base class. ``message`` is the English, user-facing text.

    ``documented_refusal`` is true when the server answered with its documented JSON
    error envelope (a JSON object whose ``statusCode`` is an error and that names an
    ``errorType``): the only reply that proves it refused the request.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The OhMyGPT service reported a problem.")

    #: The order number the reply named, when a reply about a new order was unusable
    #: for another reason (an untrusted payment link, a missing field).
    order_no: str | None = None

    def __init__(
        self,
        *,
        status: int | None = None,
        error_type: str | None = None,
        server_message: str | None = None,
        template: str | None = None,
        documented_refusal: bool = False,
        **params: Any,
    ) -> None:
        self.status = status
        self.error_type = error_type
        self.documented_refusal = documented_refusal
        # The server's own wording, kept for the details pane (it is the server's
        # text about our request: it contains no credentials we sent).
        self.server_message = _clip(server_message)
        super().__init__(template, **params)

    @property
    def proves_not_created(self) -> bool:
        """Did this failure prove that the server created nothing (e.g. no order)?

        Only the documented error envelope does, or a request that never left this
        computer (see :class:`NetworkError`). An HTML error page, a redirect, an
        unreadable or unusable reply, a timeout or a cut connection do not: the
        request reached something that may have acted on it.
        """
        return self.documented_refusal

    def details(self) -> str:
        parts = []
        if self.status is not None:
            parts.append(f"status {self.status}")
        if self.error_type:
            parts.append(f"errorType {self.error_type}")
        if self.server_message:
            parts.append(f"server says: {self.server_message}")
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, error_type={self.error_type!r})"


class NetworkError(ApiError):
    """The request did not complete: connect, read, timeout or reset."""

    template = QT_TRANSLATE_NOOP(
        _CTX, "Could not reach the OhMyGPT service. Check your internet connection or proxy."
    )

    #: True when the request may have reached the server (a reply was lost), so
    #: a non-idempotent operation's outcome is unknown.
    may_have_reached_server: bool = False

    @property
    def proves_not_created(self) -> bool:
        return not self.may_have_reached_server


class ConnectError(NetworkError):
    """No connection could be made (refused, DNS, proxy): nothing was sent."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "Could not connect to the OhMyGPT service. Check your internet connection, proxy "
        "or the API line in Settings.",
    )


class RequestTimeout(NetworkError):
    template = QT_TRANSLATE_NOOP(
        _CTX, "The OhMyGPT service did not answer in time. Please try again in a moment."
    )
    may_have_reached_server = True


class ConnectionLost(NetworkError):
    template = QT_TRANSLATE_NOOP(
        _CTX, "The connection to the OhMyGPT service was interrupted before the reply arrived."
    )
    may_have_reached_server = True


class InvalidTokenError(ApiError):
    """401 ``oauth_invalid_token_error``: sign in again."""

    template = QT_TRANSLATE_NOOP(
        _CTX, "Your sign-in has expired or was revoked. Please sign in to this account again."
    )


class AuthorizationError(ApiError):
    """The code or the OAuth app's credentials were refused (token exchange)."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The authorization code was not accepted. It may have expired or been used already: "
        "sign in again to get a new one.",
    )


class InvalidClientError(AuthorizationError):
    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The OAuth app's client id or secret was refused. Check them in Settings.",
    )


class TokenExchangeSetupError(InvalidClientError):
    """The organisation's token-exchange service cannot exchange codes for this app:
    it serves another client id, has no client secret, or OhMyGPT refused its secret."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "Your organisation's sign-in service is not set up correctly for this app (its "
        "client id or secret). Please tell your administrator.",
    )


class InsufficientBalanceError(ApiError):
    """402 ``insufficient_balance_error``."""

    template = QT_TRANSLATE_NOOP(
        _CTX, "The account's balance is too low for this request. Please recharge."
    )


class PermissionDeniedError(ApiError):
    """403, or a body saying the app lacks a permission level.

    ``operation`` (an endpoint's name) says what was refused: a read names the read,
    since the permission level recharge orders need says nothing about reads.
    """

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "This OAuth app is not allowed to do that. Creating recharge orders needs the "
        "“trusted_advanced_access” permission level for the app.",
    )

    def __init__(self, *, operation: str | None = None, **kwargs: Any) -> None:
        self.operation = operation
        if operation in _READ_REFUSED:
            kwargs.setdefault("template", _READ_REFUSED[operation])
        super().__init__(**kwargs)


#: What a 403 on each read says (the docs do not say which permission level a read needs).
_READ_REFUSED = {
    "balance": QT_TRANSLATE_NOOP(
        _CTX,
        "This OAuth app is not allowed to read the balance. Reading the balance needs a "
        "permission level the app does not have (OhMyGPT's documentation does not say "
        "which). Ask whoever manages the OAuth app to check its permissions.",
    ),
    "user_info": QT_TRANSLATE_NOOP(
        _CTX,
        "This OAuth app is not allowed to read your account. Reading your account needs a "
        "permission level the app does not have (OhMyGPT's documentation does not say "
        "which). Ask whoever manages the OAuth app to check its permissions.",
    ),
}


class RateLimitedError(ApiError):
    """429; ``retry_after`` in seconds when the server said."""

    template = QT_TRANSLATE_NOOP(
        _CTX, "Too many requests. Please wait {seconds} seconds and try again."
    )

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        if retry_after is None:
            kwargs.setdefault(
                "template",
                QT_TRANSLATE_NOOP(_CTX, "Too many requests. Please wait a moment and try again."),
            )
        super().__init__(seconds=int(retry_after) if retry_after is not None else 0, **kwargs)


class BadRequestError(ApiError):
    """400-class validation errors: the server names what it did not accept."""

    template = QT_TRANSLATE_NOOP(_CTX, "The OhMyGPT service did not accept the request.")


class AssumedEndpointRefused(ApiError):
    """404 or 405 from an endpoint whose path the app assumed because the docs give none
    (``endpoint`` names it): the path is probably wrong, and the setting
    ``endpoints.<endpoint>`` corrects it without a new release."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The OhMyGPT service did not accept the address the app used. That address is an "
        "assumption, because OhMyGPT's documentation does not give it: the setting "
        "endpoints.{endpoint} can correct it.",
    )

    def __init__(self, *, endpoint: str, **kwargs: Any) -> None:
        self.endpoint = endpoint
        if endpoint in _ASSUMED_REFUSED:
            kwargs.setdefault("template", _ASSUMED_REFUSED[endpoint])
        super().__init__(endpoint=endpoint, **kwargs)


_ASSUMED_REFUSED = {
    "balance": QT_TRANSLATE_NOOP(
        _CTX,
        "The OhMyGPT service did not accept the address the app reads the balance from. That "
        "address is an assumption, because OhMyGPT's documentation does not give it: the "
        "setting endpoints.{endpoint} can correct it.",
    ),
    "invoice_order": QT_TRANSLATE_NOOP(
        _CTX,
        "The OhMyGPT service did not accept the address the app creates invoice orders at. "
        "That address is an assumption, because OhMyGPT's documentation does not give it: "
        "the setting endpoints.{endpoint} can correct it.",
    ),
}


class ServerError(ApiError):
    template = QT_TRANSLATE_NOOP(
        _CTX, "The OhMyGPT service had a problem (error {status_text}). Please try again later."
    )

    def __init__(self, *, status: int | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("status_text", str(status) if status is not None else "?")
        super().__init__(status=status, **kwargs)


class MalformedResponseError(ApiError):
    """Not JSON, an HTML error page, missing or mistyped fields, an unsafe URL."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The OhMyGPT service sent a reply the app does not understand. Please try again "
        "later; if it keeps happening, check the API line in Settings.",
    )


class UnusableBalanceError(MalformedResponseError):
    """A balance that is not a plain decimal of at most ``digits`` integer digits."""

    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The OhMyGPT service sent a balance the app cannot use: it is not a plain number "
        "of at most {digits} digits. Please try again later.",
    )


class UnsafeUrlError(MalformedResponseError):
    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The payment link in the reply did not point to a trusted payment page, so the app "
        "did not open it.",
    )


_SECRETISH = re.compile(r"(omg-oat-v1-|sk-|Bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_URLISH = re.compile(r"https?://\S+", re.IGNORECASE)


def _clip(text: str | None, limit: int = 300) -> str | None:
    """Shorten the server's text and blank out anything shaped like a credential or link."""
    if text is None:
        return None
    text = _SECRETISH.sub(lambda m: m.group(1) + "…", str(text).strip())
    text = _URLISH.sub("<link>", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
