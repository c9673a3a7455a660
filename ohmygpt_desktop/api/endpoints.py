"""The one table of API paths (docs/api.md#endpoint-table).

Where the docs give no path the default is a project choice; every path can be
overridden from the settings file, so a wrong guess is a config change, not a
new release. A field's name is the endpoint's one name: the settings key of its
override, the client's method, the sandbox's counter and fault target.

The two browser pages on the authorization host are fixed by the docs and are
not overridable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

#: The authorization page (docs/api.md#authorization-page).
AUTHORIZE_PAGE = "/next/v1/oauth"
#: The page that shows the code after approval (docs/api.md#code-display-page).
CODE_PAGE = "/next/v1/oauth/succeed"
#: Where a person sees their recharge orders on the service's web host. ASSUMED: not
#: documented; ``/pay`` is the documented recharge page, expected to list the orders.
ORDERS_PAGE = "/pay"

# An override is set, and its problems are shown, in the settings.
_CTX = "Settings"


@dataclass(frozen=True, slots=True)
class Endpoints:
    #: documented (docs/api.md#token-issue)
    issue_token: str = "/api/v1/user/oauth/issue-token"  # noqa: S105 - a path
    #: seen in public code (docs/api.md#user-info)
    user_info: str = "/api/v1/user/oauth/app/query-user-basic-info"
    #: ASSUMED (docs/api.md#balance)
    balance: str = "/api/v1/user/oauth/app/query-user-balance-info"
    #: documented (docs/api.md#checkout-order)
    checkout_order: str = "/api/v1/pay/oa/stripe/create-order"
    #: ASSUMED (docs/api.md#invoice-order)
    invoice_order: str = "/api/v1/pay/oa/stripe/create-invoice"

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> Endpoints:
        """Return a copy with ``overrides`` applied; raises :class:`EndpointPathError`."""
        if not overrides:
            return self
        return replace(
            self, **{name: check_override(name, path) for name, path in overrides.items()}
        )


class EndpointPathError(Problem, ValueError):
    """An endpoint override names no endpoint, or its path is not a plain path."""

    context = _CTX


def check_override(name: str, path: Any) -> str:
    """``path`` if it may replace endpoint ``name``'s path, else :class:`EndpointPathError`.

    A path is text that starts with a single ``/`` (``//host`` would name another
    server) and holds no scheme and no white space.
    """
    if name not in Endpoints.names():
        raise EndpointPathError(
            QT_TRANSLATE_NOOP(_CTX, "Unknown endpoint {key}; known endpoints are {known}."),
            key=repr(name),
            known=", ".join(Endpoints.names()),
        )
    if not isinstance(path, str):
        raise EndpointPathError(
            QT_TRANSLATE_NOOP(_CTX, "The path for endpoint {key} must be text."), key=repr(name)
        )
    if not path.startswith("/") or path.startswith("//"):
        raise EndpointPathError(
            QT_TRANSLATE_NOOP(_CTX, "The path for endpoint {key} must start with a single '/'."),
            key=repr(name),
        )
    if "://" in path or any(ch.isspace() for ch in path):
        raise EndpointPathError(
            QT_TRANSLATE_NOOP(_CTX, "The path for endpoint {key} must be a path, not a URL."),
            key=repr(name),
        )
    return path


DEFAULT_ENDPOINTS = Endpoints()
#: The endpoints whose default path is our assumption (the docs give only their titles).
ASSUMED_ENDPOINTS = frozenset({"balance", "invoice_order"})
