"""Property tests: the amount, pasted-code and balance parsers never crash and only pass
valid values; money formatting never raises; server text is left with nothing hidden.

A few hundred examples here; ``bench/fuzz.py`` runs the same properties 10,000+ times.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from urllib.parse import parse_qs, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from ohmygpt_desktop.api import CREDITS_PER_USD, MalformedResponseError
from ohmygpt_desktop.api.client import MAX_CREDIT_DIGITS, _decimal_field
from ohmygpt_desktop.api.endpoints import CODE_PAGE
from ohmygpt_desktop.core.display import visible_text
from ohmygpt_desktop.core.oauth import (
    PasteRefused,
    RedirectVerdict,
    SignInAttempts,
    check_redirect,
    parse_paste,
)
from ohmygpt_desktop.core.recharge import AmountRefused, parse_amount
from ohmygpt_desktop.ui.formatting import (
    NOT_SHOWN,
    amount_for_input,
    format_credits,
    format_credits_as_usd,
    format_number,
    format_usd,
)

MIN, MAX = Decimal("1"), Decimal("1000")

amount_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.,-+ $e１２３．，\u00a0", max_size=16),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


def check_amount(text: str, decimal_point: str = ".") -> None:
    try:
        value = parse_amount(text, minimum=MIN, maximum=MAX, decimal_point=decimal_point)
    except AmountRefused as exc:
        assert exc.problem.value  # noqa: PT017 - a message for the user
        return
    assert isinstance(value, Decimal)
    assert value.is_finite()
    assert MIN <= value <= MAX
    assert value == value.quantize(Decimal("0.01"))


@settings(max_examples=300, deadline=None)
@given(amount_text, st.sampled_from([".", ","]))
def test_amount_parser_never_crashes_and_only_passes_valid(text: str, point: str) -> None:
    check_amount(text, point)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=MIN, max_value=MAX, places=2))
def test_amount_round_trips(value: Decimal) -> None:
    text = format(value, "f")
    assert parse_amount(text, minimum=MIN, maximum=MAX) == value
    assert (
        parse_amount(text.replace(".", ","), minimum=MIN, maximum=MAX, decimal_point=",") == value
    )


code_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
codes = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    min_size=16,
    max_size=16,
)


def check_paste(text: str) -> None:
    try:
        parsed = parse_paste(text)
    except PasteRefused as exc:
        assert exc.problem.value  # noqa: PT017
        return
    assert parsed.code
    assert parsed.code == parsed.code.strip()
    assert all(c.isascii() and c.isprintable() and not c.isspace() for c in parsed.code)


@settings(max_examples=300, deadline=None)
@given(code_text)
def test_paste_parser_never_crashes(text: str) -> None:
    check_paste(text)


@settings(max_examples=200, deadline=None)
@given(codes, st.text(alphabet="abcdefXYZ0123456789-_", min_size=1, max_size=32), st.booleans())
def test_paste_round_trips_bare_code_and_url(code: str, state: str, whole_url: bool) -> None:
    attempts = SignInAttempts()
    attempt = attempts.start()
    if whole_url:
        text = f"https://next.ohmygpt.com{CODE_PAGE}?" + urlencode(
            {"code": code, "state": attempt.state}
        )
    else:
        text = f"  {code}\n"
    got_attempt, got_code = attempts.accept(text)
    assert got_attempt is attempt
    assert got_code == code
    # A different state is always refused.
    other = "https://x.example/cb?" + urlencode({"code": code, "state": attempt.state + state})
    try:
        attempts.accept(other)
    except PasteRefused:
        pass
    else:
        raise AssertionError("a mismatched state was accepted")


#: Addresses the URL parser chokes on (unbalanced brackets, NFKC-special hosts).
address_text = st.builds(
    lambda scheme, host, rest: f"{scheme}{host}{rest}",
    st.sampled_from(["http://", "https://", "//", ""]),
    st.text(alphabet="[]:1a.\uff03\u2100%", max_size=8),
    st.text(alphabet="/?&=#[]codestaéx1234", max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(address_text)
def test_pasted_addresses_never_crash(text: str) -> None:
    check_paste(text)
    attempts = SignInAttempts()
    attempts.start()
    for redirect in (False, True):
        try:
            attempts.accept(text, redirect=redirect)
        except PasteRefused as exc:
            assert exc.problem.value  # noqa: PT017


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(alphabet="abcXYZ019-_", min_size=1, max_size=12))
def test_redirect_needs_exactly_the_pending_state(query: str, state: str) -> None:
    states = parse_qs(query, keep_blank_values=True).get("state", [])
    accepted = check_redirect(query, state) is not RedirectVerdict.FOREIGN
    assert accepted == (states == [state])
    assert check_redirect(query, None) is RedirectVerdict.FOREIGN  # nothing pending


# ------------------------------------------------- numbers and text from the server

any_decimal = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.builds(
        lambda sign, digits, exponent: Decimal((sign, digits, exponent)),
        st.sampled_from([0, 1]),
        st.lists(st.integers(0, 9), min_size=1, max_size=60).map(tuple),
        st.integers(-(10**9), 10**9),
    ),
    st.integers(-(10**40), 10**40).map(Decimal),
)
locales = st.sampled_from(["C", "en_US", "de_DE", "fr_CH", "ar_EG", "hi_IN", "zh_CN"]).map(QLocale)


def check_formatting(value: Decimal, locale: QLocale, drop_cents: bool) -> None:
    texts = [
        format_number(value, locale=locale),
        format_usd(value, locale=locale, drop_zero_cents=drop_cents),
        format_credits(value, locale=locale),
        format_credits_as_usd(value, CREDITS_PER_USD, locale=locale),
        amount_for_input(value, locale=locale),
    ]
    assert all(isinstance(text, str) and text for text in texts)
    if value.is_finite() and value.copy_abs() < 10**20:  # every real amount is shown
        assert NOT_SHOWN not in texts


@settings(max_examples=400, deadline=None)
@given(any_decimal, locales, st.booleans())
def test_formatting_never_raises(value: Decimal, locale: QLocale, drop_cents: bool) -> None:
    check_formatting(value, locale, drop_cents)


balance_values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.-+eE_ naNIfity", max_size=40),
    any_decimal,
    st.integers(-(10**30), 10**30),
    st.booleans(),
    st.none(),
)


def check_balance(value: object) -> None:
    try:
        number = _decimal_field({"balance": value}, "balance")
    except MalformedResponseError as exc:
        assert exc.message  # noqa: PT017 - a message for the user
        return
    assert number.is_finite()
    assert number.copy_abs() < Decimal(10) ** MAX_CREDIT_DIGITS
    assert format_credits(number) != NOT_SHOWN


@settings(max_examples=400, deadline=None)
@given(balance_values)
def test_balance_parser_only_passes_bounded_decimals(value: object) -> None:
    check_balance(value)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.booleans())
def test_visible_text_leaves_nothing_hidden(text: str, multiline: bool) -> None:
    shown = visible_text(text, multiline=multiline)
    kept = set("\n\t") if multiline else set()
    hidden = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
    assert all(c in kept or unicodedata.category(c) not in hidden for c in shown)
    assert visible_text(shown, multiline=multiline) == shown
