"""Money, credits, times and server text for people: exact Decimals, the user's locale.

Amounts stay :class:`~decimal.Decimal` until the last step; only the digits
and separators come from :class:`QLocale` (no float ever rounds money). A number
that cannot be shown exactly (NaN, infinite, too many digits: a damaged stored
value) is shown as :data:`NOT_SHOWN`: formatting never raises.
Server and user values (email, user id, order number, host) go through :func:`shown`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import ParamSpec

from PySide6.QtCore import QDate, QDateTime, QLocale

from ohmygpt_desktop.api.models import credits_to_usd
from ohmygpt_desktop.core.display import visible_text

_CENT = Decimal("0.01")
_INT64 = 2**63
#: What a number that cannot be shown is shown as.
NOT_SHOWN = "—"

_P = ParamSpec("_P")


def _never_raises(fmt: Callable[_P, str]) -> Callable[_P, str]:
    """``fmt``, but :data:`NOT_SHOWN` for a value it cannot format (not finite, more
    digits than exact decimal arithmetic holds)."""

    @functools.wraps(fmt)
    def safe(*args: _P.args, **kwargs: _P.kwargs) -> str:
        try:
            return fmt(*args, **kwargs)
        except (ArithmeticError, ValueError):  # decimal.InvalidOperation is one
            return NOT_SHOWN

    return safe


def _locale(locale: QLocale | None) -> QLocale:
    """The locale to format with, always grouping digits (the "C" locale omits it)."""
    loc = QLocale(locale) if locale is not None else QLocale()
    loc.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return loc


def _digits(text: str, locale: QLocale) -> str:
    """ASCII digits in the locale's digits (most locales: unchanged)."""
    zero = locale.zeroDigit()
    if zero == "0" or len(zero) != 1:
        return text
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in text)


@_never_raises
def format_number(value: Decimal, places: int = 2, *, locale: QLocale | None = None) -> str:
    """``value`` with exactly ``places`` decimals, grouped the locale's way."""
    if not value.is_finite():
        return NOT_SHOWN
    loc = _locale(locale)
    quantum = Decimal(1).scaleb(-places) if places > 0 else Decimal(1)
    exact = value.quantize(quantum)
    sign = "-" if exact < 0 else ""
    whole_text, _, frac = format(abs(exact), "f").partition(".")
    number = int(whole_text)
    if number < _INT64:
        whole = loc.toString(number)
    else:  # beyond 64 bits: group it ourselves
        whole = _digits(f"{number:,}".replace(",", loc.groupSeparator()), loc)
    if places > 0:
        return f"{sign}{whole}{loc.decimalPoint()}{_digits(frac, loc)}"
    return f"{sign}{whole}"


@_never_raises
def format_usd(
    value: Decimal, *, locale: QLocale | None = None, drop_zero_cents: bool = False
) -> str:
    """``$10.00`` (``$10`` with ``drop_zero_cents`` when there are no cents)."""
    places = 0 if drop_zero_cents and value == value.to_integral_value() else 2
    text = format_number(abs(value), places, locale=locale)
    if text == NOT_SHOWN:
        return text
    return f"-${text}" if value < 0 else f"${text}"


@_never_raises
def format_credits(value: Decimal, *, locale: QLocale | None = None) -> str:
    """Credits as a grouped number: ``340,000`` (decimals only when there are some)."""
    exact = value.quantize(_CENT)
    places = 0 if exact == exact.to_integral_value() else 2
    return format_number(exact, places, locale=locale)


@_never_raises
def format_credits_as_usd(
    credits: Decimal, credits_per_usd: Decimal, *, locale: QLocale | None = None
) -> str:
    """Credits in dollars at the given rate (the ``credits_per_usd`` setting)."""
    return format_usd(credits_to_usd(credits, credits_per_usd), locale=locale)


@_never_raises
def amount_for_input(value: Decimal, *, locale: QLocale | None = None) -> str:
    """An amount as a person would type it: no grouping, the locale's decimal point
    (when it is one the amount field accepts: ``.`` or ``,``)."""
    point = _locale(locale).decimalPoint()
    exact = value.quantize(_CENT)
    if exact == exact.to_integral_value():
        return format(exact.to_integral_value(), "f")
    return format(exact, "f").replace(".", point if point in ".," else ".")


def shown(value: str | None) -> str:
    """A server or user value (email, user id, order number, host, server message) as
    it is shown: every character visible, none that hides or reorders the others."""
    return visible_text(value) if value else ""


def to_qdatetime(moment: datetime) -> QDateTime:
    """A timezone-aware (or UTC-naive) datetime as a local-time QDateTime."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()


def format_local_datetime(moment: datetime, *, locale: QLocale | None = None) -> str:
    """Date and time in the user's time zone and the locale's short format."""
    loc = _locale(locale)
    if loc.language() == QLocale.Language.C:  # no real locale: unambiguous ISO-like
        return to_qdatetime(moment).toString("yyyy-MM-dd HH:mm")
    return loc.toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def format_local_date(moment: datetime | date, *, locale: QLocale | None = None) -> str:
    """The day in the user's time zone (a ``date`` as it is), the locale's short format."""
    loc = _locale(locale)
    day = (
        to_qdatetime(moment).date()
        if isinstance(moment, datetime)
        else QDate(moment.year, moment.month, moment.day)
    )
    if loc.language() == QLocale.Language.C:
        return day.toString("yyyy-MM-dd")
    return loc.toString(day, QLocale.FormatType.ShortFormat)


def format_local_time(moment: datetime, *, locale: QLocale | None = None) -> str:
    loc = _locale(locale)
    if loc.language() == QLocale.Language.C:
        return to_qdatetime(moment).toString("HH:mm")
    return loc.toString(to_qdatetime(moment).time(), QLocale.FormatType.ShortFormat)


def sentence_gap() -> str:
    """What goes between two sentences: a space, or nothing after CJK “。”."""
    from PySide6.QtCore import QLocale

    language = QLocale().language()
    return "" if language in (QLocale.Language.Chinese, QLocale.Language.Japanese) else " "
