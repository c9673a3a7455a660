"""Balances in credits and dollars, saying how sure the dollar figure is.

OhMyGPT reports balances in credits. The dollar figure comes from the
``credits_per_usd`` setting, whose default (34,000) is not stated by OhMyGPT: it is
what other programs use. So unless a provisioning file sets the rate, the credits are
the figure shown first and the dollars are marked approximate ("≈ $10.00"), with a
tooltip saying where the rate comes from. A provisioned rate is taken as exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ohmygpt_desktop.core.settings import Origin
from ohmygpt_desktop.ui.formatting import (
    NOT_SHOWN,
    format_credits,
    format_credits_as_usd,
    format_number,
    shown,
)

if TYPE_CHECKING:
    from ohmygpt_desktop.core.settings import Settings

_CTX = "CreditRate"
_tr = QCoreApplication.translate

#: Where a provisioning file puts a value (the bundle's, the system's, the named one).
_PROVISIONED = frozenset({Origin.BUNDLE, Origin.SYSTEM, Origin.PROVISIONING_ENV})


@dataclass(frozen=True)
class CreditRate:
    """The rate in effect, whether it is exact (provisioned) and where it comes from."""

    credits_per_usd: Decimal
    exact: bool
    #: A sentence naming the rate and its source, in the user's language.
    source: str

    def usd(self, credits: Decimal) -> str:
        """``credits`` in dollars: "$10.00" at an exact rate, else "≈ $10.00"."""
        text = format_credits_as_usd(credits, self.credits_per_usd)
        if self.exact or text == NOT_SHOWN:
            return text
        return _tr(_CTX, "≈ {usd}").format(usd=text)

    def credits(self, credits: Decimal) -> str:
        """ "340,000 credits"."""
        return _tr(_CTX, "{credits} credits").format(credits=format_credits(credits))


def credit_rate(settings: Settings) -> CreditRate:
    """The ``credits_per_usd`` setting as it is to be shown, read now."""
    rate = settings.credits_per_usd
    origin = settings.origin("credits_per_usd")
    number = format_number(rate, 0 if rate == rate.to_integral_value() else 2)
    exact = origin.kind in _PROVISIONED
    if exact:
        organization = settings.organization
        source = (
            _tr(_CTX, "{rate} credits per US dollar: set by {organization}.").format(
                rate=number, organization=shown(organization)
            )
            if organization
            else _tr(_CTX, "{rate} credits per US dollar: set by your organisation.").format(
                rate=number
            )
        )
    elif origin.kind == Origin.SETTINGS_FILE:
        source = _tr(_CTX, "{rate} credits per US dollar: set in your settings.").format(
            rate=number
        )
    elif origin.kind == Origin.ENVIRONMENT:
        source = _tr(
            _CTX, "{rate} credits per US dollar: set by the environment variable {name}."
        ).format(rate=number, name=origin.where)
    elif origin.kind == Origin.FLAG:
        source = _tr(_CTX, "{rate} credits per US dollar: set on the command line.").format(
            rate=number
        )
    else:
        source = _tr(
            _CTX,
            "{rate} credits per US dollar: not stated by OhMyGPT; what other programs use.",
        ).format(rate=number)
    return CreditRate(rate, exact, source)


__all__ = ["CreditRate", "credit_rate"]
