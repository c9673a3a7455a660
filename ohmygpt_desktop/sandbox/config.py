"""Configuration and seeded data of the local OhMyGPT stand-in.

Everything here is demo data: the client ids and secrets are fixed so a
developer can paste them into the app, and they are printed at start-up.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from ohmygpt_desktop.api.endpoints import Endpoints

#: Hosts treated as the same loopback host when checking a redirect URI.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})

#: The only scope the docs show (docs/api.md#tokens-and-scopes).
GENERAL_SCOPE = "general_api_access"

#: Permission level needed to create recharge orders (docs/api.md#checkout-order).
TRUSTED_LEVEL = "trusted_advanced_access"

#: The JSON API (the "API": global latency applies), named as the client's endpoint table.
API_ENDPOINTS = frozenset(Endpoints.names())

#: Counted endpoint names (``SandboxState.request_counts`` keys, fault targets): the
#: API's, the browser pages (the sandbox's own fake Stripe pages included), and the
#: update feed.
ENDPOINTS: tuple[str, ...] = (
    "authorize_page",
    "decide",
    "code_page",
    *Endpoints.names(),
    "checkout_page",
    "checkout_action",
    "update_feed",
)

STATUS_MODES = ("mirror", "always200")


@dataclass
class SandboxConfig:
    """Run-time knobs of the sandbox. Changeable while running (``POST /_sandbox/config``)."""

    #: Seconds (sandbox clock) between "Pay" on the fake checkout and the credit,
    #: as Stripe's webhook would. 0 credits at once.
    credit_delay: float = 3.0
    #: Lifetime of an authorization code, in seconds.
    code_ttl: float = 600
    #: Lifetime of a checkout session / invoice, in seconds.
    checkout_ttl: float = 86400
    #: "mirror": HTTP status = body statusCode; "always200": every JSON reply is HTTP 200.
    status_mode: str = "mirror"
    #: Seconds added to every API (JSON) endpoint.
    latency: float = 0.0
    #: Smallest and largest recharge amount, in USD.
    min_amount: Decimal = Decimal("1")
    max_amount: Decimal = Decimal("5000")
    #: Lifetime of an access token in seconds; None = never expires (the docs are silent).
    token_ttl: float | None = None

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ValueError if a value is out of range."""
        if self.status_mode not in STATUS_MODES:
            raise ValueError(f"status_mode must be one of {', '.join(STATUS_MODES)}")
        for name in ("credit_delay", "code_ttl", "checkout_ttl", "latency"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a number >= 0")
        if self.token_ttl is not None and (
            isinstance(self.token_ttl, bool)
            or not isinstance(self.token_ttl, int | float)
            or self.token_ttl < 0
        ):
            raise ValueError("token_ttl must be a number >= 0 or null")
        self.min_amount = Decimal(str(self.min_amount))
        self.max_amount = Decimal(str(self.max_amount))
        if not (self.min_amount.is_finite() and self.max_amount.is_finite()):
            raise ValueError("min_amount and max_amount must be finite")
        if self.min_amount <= 0 or self.max_amount < self.min_amount:
            raise ValueError("need 0 < min_amount <= max_amount")

    def copy(self) -> SandboxConfig:
        return dataclasses.replace(self)

    def as_dict(self) -> dict[str, object]:
        return {
            "credit_delay": self.credit_delay,
            "code_ttl": self.code_ttl,
            "checkout_ttl": self.checkout_ttl,
            "status_mode": self.status_mode,
            "latency": self.latency,
            "min_amount": str(self.min_amount),
            "max_amount": str(self.max_amount),
            "token_ttl": self.token_ttl,
        }


@dataclass(frozen=True)
class SeededApp:
    """A registered OAuth app of the sandbox."""

    name: str
    client_id: str
    client_secret: str
    domain: str = "127.0.0.1"
    scope: str = GENERAL_SCOPE
    permission_level: str = "general"

    def allows_redirect_host(self, host: str | None) -> bool:
        """True if a redirect URI with this host is allowed (loopback names are equal)."""
        if not host:
            return False
        host = host.lower()
        if host == self.domain.lower():
            return True
        return self.domain.lower() in LOOPBACK_HOSTS and host in LOOPBACK_HOSTS


@dataclass(frozen=True)
class SeededUser:
    """A user account of the sandbox (balances in API credits, see CREDITS_PER_USD)."""

    user_id: str
    email: str
    balance: Decimal
    free_balance: Decimal


DEFAULT_APP = SeededApp(
    name="OhMyGPT Desktop (sandbox)",
    client_id="66a1de5c0ffee5a2db0c0001",
    client_secret="SandboxDesktopSecret0000DemoOnly",  # noqa: S106 - public demo value
    permission_level=TRUSTED_LEVEL,
)

COMMUNITY_APP = SeededApp(
    name="Community Bot (sandbox)",
    client_id="66a1de5c0ffee5a2db0c0002",
    client_secret="SandboxCommunityBotSecretDemo002",  # noqa: S106 - public demo value
    permission_level="general",
)

SEEDED_APPS: tuple[SeededApp, ...] = (DEFAULT_APP, COMMUNITY_APP)

SEEDED_USERS: tuple[SeededUser, ...] = (
    SeededUser("888", "alice@example.com", Decimal("340000.00"), Decimal("1500.00")),
    SeededUser("1024", "bob@example.com", Decimal("8217.00"), Decimal("0.00")),
    SeededUser("2048", "carol@example.com", Decimal("1700000.00"), Decimal("0.00")),
    SeededUser("4096", "dave@example.com", Decimal("0.00"), Decimal("0.00")),
)
