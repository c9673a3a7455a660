"""Typed, immutable results of the OhMyGPT API.

Money is always :class:`~decimal.Decimal`. Secrets (tokens) are wrapped in
:class:`Secret` so that no ``repr``, log line or exception text shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

#: Balance units per US dollar as public integrations use it. The balance endpoints
#: report an internal credit unit and the documentation does not give its rate; three
#: independent public integrations divide it by 34000 to get money
#: (docs/api.md#money-units). The app takes the rate from the ``credits_per_usd``
#: setting (this is its default); the sandbox credits payments at this rate.
CREDITS_PER_USD = Decimal(34000)

#: Product id of the documented recharge product (docs/api.md#checkout-order).
DEFAULT_PRODUCT_ID = "10001"

#: Prefix of OhMyGPT OAuth access tokens (docs/api.md#tokens-and-scopes).
TOKEN_PREFIX = "omg-oat-v1-"  # noqa: S105 - a prefix, not a secret


class Secret:
    """A string that never shows itself by accident.

    ``str()``, ``repr()`` and f-strings give a masked form; :meth:`reveal` gives
    the value. Equality compares values so tests and stores can match secrets.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        self._value = str(value)

    def reveal(self) -> str:
        return self._value

    def masked(self) -> str:
        value = self._value
        if not value:
            return ""
        if value.startswith(TOKEN_PREFIX):
            body = value[len(TOKEN_PREFIX) :]
            return f"{TOKEN_PREFIX}{body[:3]}…{body[-2:]}" if len(body) > 8 else f"{TOKEN_PREFIX}…"
        return f"{value[:2]}…" if len(value) > 8 else "…"

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Secret):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __repr__(self) -> str:
        return f"Secret({self.masked()!r})"

    __str__ = masked

    def __format__(self, spec: str) -> str:
        return format(self.masked(), spec)

    def __reduce__(self):
        raise TypeError("Secret values cannot be pickled")


@dataclass(frozen=True, slots=True)
class TokenGrant:
    """Result of exchanging an authorization code (``issue-token``)."""

    user_id: str
    client_id: str
    token: Secret


@dataclass(frozen=True, slots=True)
class UserInfo:
    user_id: str
    email: str


@dataclass(frozen=True, slots=True)
class Balance:
    """A user's balance in API credits (:func:`credits_to_usd` converts them)."""

    balance: Decimal
    free_balance: Decimal


@dataclass(frozen=True, slots=True)
class CheckoutOrder:
    """A Stripe Checkout recharge order: open ``checkout_url`` to pay."""

    order_no: str
    checkout_url: str


@dataclass(frozen=True, slots=True)
class InvoiceOrder:
    """A Stripe Invoice recharge order (ASSUMED endpoint, docs/api.md#invoice-order)."""

    order_no: str
    invoice_url: str

    @property
    def checkout_url(self) -> str:
        """Same name as :class:`CheckoutOrder` so callers can treat both alike."""
        return self.invoice_url


def credits_to_usd(credits: Decimal, credits_per_usd: Decimal) -> Decimal:
    return (credits / credits_per_usd).quantize(Decimal("0.01"))


def usd_to_credits(usd: Decimal, credits_per_usd: Decimal) -> Decimal:
    return (usd * credits_per_usd).quantize(Decimal("0.01"))
