"""The OhMyGPT API client. Imports no Qt (checked by an import-linter contract).

The client (and so httpx) is imported on first use of ``OhMyGPTClient``: the
models, errors and URL helpers are cheap to import at start-up.
"""

import sys
from typing import TYPE_CHECKING, Any

from ohmygpt_desktop.api.endpoints import DEFAULT_ENDPOINTS, Endpoints
from ohmygpt_desktop.api.errors import (
    ApiError,
    AssumedEndpointRefused,
    AuthorizationError,
    BadRequestError,
    ConnectError,
    ConnectionLost,
    InsufficientBalanceError,
    InvalidClientError,
    InvalidTokenError,
    MalformedResponseError,
    NetworkError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeout,
    ServerError,
    TokenExchangeSetupError,
    UnsafeUrlError,
)
from ohmygpt_desktop.api.models import (
    CREDITS_PER_USD,
    DEFAULT_PRODUCT_ID,
    Balance,
    CheckoutOrder,
    InvoiceOrder,
    Secret,
    TokenGrant,
    UserInfo,
)
from ohmygpt_desktop.api.urls import (
    PRODUCTION_PAYMENT_ORIGINS,
    build_authorization_url,
    origin_of,
    validate_payment_url,
)

# Importing httpx also imports its command-line tool (click, ≈ 8 ms on the way to a
# returning user's first request); the app never runs it, so it is marked absent and
# httpx falls back to its stub, as it does when its CLI extras are not installed.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

if TYPE_CHECKING:
    from ohmygpt_desktop.api.client import OhMyGPTClient


def __getattr__(name: str) -> Any:
    if name == "OhMyGPTClient":
        from ohmygpt_desktop.api.client import OhMyGPTClient

        return OhMyGPTClient
    raise AttributeError(name)


__all__ = [
    "CREDITS_PER_USD",
    "DEFAULT_ENDPOINTS",
    "DEFAULT_PRODUCT_ID",
    "PRODUCTION_PAYMENT_ORIGINS",
    "ApiError",
    "AssumedEndpointRefused",
    "AuthorizationError",
    "BadRequestError",
    "Balance",
    "CheckoutOrder",
    "ConnectError",
    "ConnectionLost",
    "Endpoints",
    "InsufficientBalanceError",
    "InvalidClientError",
    "InvalidTokenError",
    "InvoiceOrder",
    "MalformedResponseError",
    "NetworkError",
    "OhMyGPTClient",
    "PermissionDeniedError",
    "RateLimitedError",
    "RequestTimeout",
    "Secret",
    "ServerError",
    "TokenExchangeSetupError",
    "TokenGrant",
    "UnsafeUrlError",
    "UserInfo",
    "build_authorization_url",
    "origin_of",
    "validate_payment_url",
]
