"""The one table of API paths (docs/api.md#endpoint-table).

Where the docs give no path the default is a project choice; every path can be
overridden from the settings file, so a wrong guess is a config change, not a
new release.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


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

    #: Browser-facing pages on the auth host (docs/api.md#authorization-page).
    authorize_page: str = "/next/v1/oauth"
    code_page: str = "/next/v1/oauth/succeed"

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_overrides(self, overrides: Mapping[str, str] | None) -> Endpoints:
        """Return a copy with ``overrides`` applied; unknown names or bad paths raise ValueError."""
        if not overrides:
            return self
        known = set(self.names())
        changes: dict[str, str] = {}
        for name, path in overrides.items():
            if name not in known:
                raise ValueError(
                    f"Unknown endpoint name {name!r}; known: {', '.join(sorted(known))}"
                )
            if not isinstance(path, str) or not path.startswith("/") or "//" in path:
                raise ValueError(
                    f"Endpoint {name!r} must be a path starting with '/', got {path!r}"
                )
            changes[name] = path
        return replace(self, **changes)


DEFAULT_ENDPOINTS = Endpoints()
