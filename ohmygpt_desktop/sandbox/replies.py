"""The documented JSON envelope and its error bodies (docs/api.md#error-envelope)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ohmygpt_desktop.sandbox.config import TRUSTED_LEVEL

#: Exact texts from the docs (docs/api.md#error-envelope).
INVALID_TOKEN_MESSAGE = (
    "Incorrect OhMyGPT OAuth token provided. "  # noqa: S105 - an error text, not a secret
    "Please try to re-authenticate with the OAuth provider."
)
INSUFFICIENT_BALANCE_MESSAGE = (
    "User balance is insufficient, your request has been rejected, "
    "please recharge in time at https://www.ohmygpt.com/pay ."
)
PERMISSION_DENIED_MESSAGE = (
    f"This OAuth app does not have the {TRUSTED_LEVEL} permission level "
    "that this operation requires."
)


@dataclass
class JsonReply:
    """A JSON envelope plus extra headers, before the HTTP status is chosen."""

    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return int(self.body.get("statusCode", 200))

    @property
    def data(self) -> Any:
        return self.body.get("data")


class SandboxError(Exception):
    """An API error that becomes an error envelope."""

    def __init__(self, status: int, error_type: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error_type = error_type
        self.message = message

    def reply(self) -> JsonReply:
        return error_reply(self.status, self.error_type, self.message)


def ok_reply(message: str, data: dict[str, Any]) -> JsonReply:
    return JsonReply({"statusCode": 200, "message": message, "data": data})


def error_reply(status: int, error_type: str, message: str) -> JsonReply:
    return JsonReply(
        {"statusCode": status, "message": message, "errorType": error_type, "data": None}
    )


def invalid_request(message: str) -> SandboxError:
    return SandboxError(400, "invalid_request_error", message)


def invalid_token() -> SandboxError:
    return SandboxError(401, "oauth_invalid_token_error", INVALID_TOKEN_MESSAGE)


def permission_denied() -> SandboxError:
    return SandboxError(403, "oauth_permission_denied_error", PERMISSION_DENIED_MESSAGE)


def reply_for_status(
    status: int,
    *,
    message: str | None = None,
    error_type: str | None = None,
    retry_after: int | None = None,
) -> JsonReply:
    """The error envelope the real service would plausibly send for ``status``."""
    if status == 401:
        kind, text = "oauth_invalid_token_error", INVALID_TOKEN_MESSAGE
    elif status == 402:
        kind, text = "insufficient_balance_error", INSUFFICIENT_BALANCE_MESSAGE
    elif status == 403:
        kind, text = "oauth_permission_denied_error", PERMISSION_DENIED_MESSAGE
    elif status == 404:
        kind, text = "not_found_error", "Not Found"
    elif status == 429:
        wait = 7 if retry_after is None else retry_after
        kind = "rate_limit_error"
        text = f"Rate limit reached, please try again in {wait} seconds."
    elif status >= 500:
        kind, text = "server_error", "The server had an error while processing your request."
    else:
        kind, text = "invalid_request_error", "Bad request."
    reply = error_reply(status, error_type or kind, message or text)
    if status == 429:
        reply.headers["Retry-After"] = str(7 if retry_after is None else retry_after)
    return reply
