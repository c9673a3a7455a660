"""User settings: declared once, validated everywhere, stored in one JSON file.

Plain Python (no Qt). Every setting is a :class:`SettingSpec` in :data:`SETTINGS`;
:class:`Settings` resolves values with the precedence

    command-line overrides > environment variables > settings file > provisioning > defaults

(a setting the provisioning locks takes its provisioned value whatever comes after;
see :mod:`ohmygpt_desktop.core.provisioning`) and only ever writes the file-level
values back; :meth:`Settings.origin` says where each effective value came from.
A damaged file never crashes the app and is never silently reset: it is copied aside and
:attr:`Settings.load_problem` explains what happened in plain words (in English;
:attr:`Settings.load_problem_text` is the same, translatable). Every message is
a translatable template (context ``"Settings"``): :class:`SettingsError` carries
it with its params, and the UI shows it in the user's language.

Secrets (tokens, the OAuth client secret) are *not* settings; they live in the
keyring (see :mod:`ohmygpt_desktop.core.tokens`), a provisioned client secret only in
memory (:mod:`ohmygpt_desktop.core.provisioning`). Nor are the signed-in accounts:
they have a file of their own (:mod:`ohmygpt_desktop.core.account_store`).
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import ipaddress
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from ohmygpt_desktop.api.endpoints import CODE_PAGE, EndpointPathError, Endpoints, check_override
from ohmygpt_desktop.core.files import (
    LockBusy,
    free_backup_name,
    keep_copy,
    nested_deeper_than,
    write_merged_json,
)
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Sentences, Text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.provisioning import Provisioning

log = logging.getLogger(__name__)

ENV_PREFIX = "OHMYGPT_"
ENDPOINT_KEYS = Endpoints.names()

#: Called with the names (of those it listens to) whose effective value changed.
Listener = Callable[[frozenset[str]], None]


_CTX = "Settings"
#: The context of the words the Settings dialog shows for a setting (labels, help,
#: choices, tab titles): the dialog's own, so a label reads like the rest of it.
_FORM = "SettingsDialog"
FORM_CONTEXT = _FORM

#: How long a save waits for another process to finish saving.
_SAVE_LOCK_TIMEOUT_S = 5.0


class SettingsError(Problem, ValueError):
    """A setting value was rejected, or the settings could not be saved.

    ``str(exc)`` is the English message; the UI shows it translated
    (:func:`ohmygpt_desktop.ui.errors.describe`). Raised with a template and its
    params: ``SettingsError(template, what=...)``, the template marked for lupdate.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The setting is not valid.")


# --------------------------------------------------------------------------- specs


class Applies(Enum):
    """When a changed value takes effect."""

    #: At once: the components that use it follow it.
    LIVE = "live"
    #: At once, with a new API client (requests in flight finish on the old one).
    NETWORK = "network"
    #: The next time the app starts.
    RESTART = "restart"


class Tab(Enum):
    """The tabs of the Settings dialog, in order; the value is the tab's title."""

    SERVICE = QT_TRANSLATE_NOOP(_FORM, "Service")
    OAUTH = QT_TRANSLATE_NOOP(_FORM, "OAuth app")
    NETWORK = QT_TRANSLATE_NOOP(_FORM, "Network")
    APPEARANCE = QT_TRANSLATE_NOOP(_FORM, "Appearance")
    BALANCE = QT_TRANSLATE_NOOP(_FORM, "Balance && recharge")


class Widget(Enum):
    """How the Settings dialog edits a setting."""

    #: A line edit (text).
    TEXT = "text"
    #: A spin box within ``range`` (whole numbers for ``int``, tenths for ``float``).
    SPIN = "spin"
    #: A drop-down list of ``choices``.
    COMBO = "combo"
    #: One radio button per choice.
    RADIO = "radio"
    #: A drop-down list of ``suggestions`` and "Custom…" with a line edit for any other URL.
    URL_CHOICE = "url_choice"
    #: A line edit for an amount of money, its unit beside it.
    AMOUNT = "amount"
    #: A line edit for amounts separated by commas.
    AMOUNTS = "amounts"
    #: A line edit for a decimal number.
    NUMBER = "number"


class Unit(Enum):
    """The unit of a number; the value is how a spin box or an amount shows it."""

    SECONDS = QT_TRANSLATE_NOOP(_FORM, " seconds")
    MINUTES = QT_TRANSLATE_NOOP(_FORM, " minutes")
    DAYS = QT_TRANSLATE_NOOP(_FORM, " days")
    USD = "USD"  # not translated: the currency code reads the same everywhere


#: "between … and …" in each unit a range can have (whole sentences translate better).
_RANGE_MESSAGES = {
    Unit.SECONDS: QT_TRANSLATE_NOOP(
        _CTX, "{what} must be between {low} and {high} seconds (got {value})."
    ),
    Unit.MINUTES: QT_TRANSLATE_NOOP(
        _CTX, "{what} must be between {low} and {high} minutes (got {value})."
    ),
    Unit.DAYS: QT_TRANSLATE_NOOP(
        _CTX, "{what} must be between {low} and {high} days (got {value})."
    ),
}


@dataclass(frozen=True)
class Choice:
    """A value a setting can take and what the dialog calls it.

    ``label`` is marked with ``QT_TRANSLATE_NOOP(FORM_CONTEXT, …)``; ``native`` labels
    (a language's own name) are shown as they are in every language.
    """

    value: str
    label: str
    native: bool = False


#: Checks a value of the right type (see :func:`coerce`) beyond its choices and
#: range: ``check(value, what)`` returns the (normalised) value or raises
#: :class:`SettingsError` naming ``what``.
Check = Callable[[Any, Text], Any]


@dataclass(frozen=True)
class SettingSpec:
    """One setting, declared once: everything else (the settings file, environment
    variables, command-line flags, the Settings dialog's rows, the documentation's
    tables, provisioning) is derived from it.

    * ``description``: English, for the documentation and ``--help``.
    * ``what``: the setting as it starts a sentence of an error message, marked with
      ``QT_TRANSLATE_NOOP("Settings", …)`` ("The refresh interval").
    * ``env``: the environment variable; ``""`` means ``OHMYGPT_<NAME>``, ``None``
      means the setting cannot come from the environment. ``flag``: also a
      command-line flag, ``--<name-with-dashes>``.
    * ``choices`` (the only values allowed), ``range`` (inclusive) and ``unit`` are
      checked by :meth:`validate`, then ``check``, if any.
    * ``tab``, ``widget``, ``label``, ``help``, ``placeholder`` and ``suggestions``
      (listed URLs; others allowed) make its row in the Settings dialog: no ``tab``,
      no row. ``label`` and ``help`` are marked with
      ``QT_TRANSLATE_NOOP(FORM_CONTEXT, …)``.
    * ``applies``: when a change takes effect (see :class:`Applies`).
    * ``item_type``: the type of each item of a list.
    """

    name: str
    type: type
    default: Any
    description: str
    what: str
    check: Check | None = None
    env: str | None = ""
    flag: bool = False
    choices: tuple[Choice, ...] = ()
    range: tuple[int, int] | tuple[float, float] | None = None
    unit: Unit | None = None
    item_type: type | None = None
    tab: Tab | None = None
    widget: Widget | None = None
    label: str = ""
    help: str = ""
    placeholder: str = ""
    suggestions: tuple[Choice, ...] = ()
    applies: Applies = Applies.LIVE

    #: Never provisioned or stored as a plain value (see :data:`SECRETS`).
    secret: ClassVar[bool] = False

    def __post_init__(self) -> None:
        if self.env == "":
            object.__setattr__(self, "env", ENV_PREFIX + self.name.upper())
        if self.range is not None and self.unit not in _RANGE_MESSAGES:
            raise TypeError(f"{self.name}: a range needs a unit of time")
        if self.tab is not None and (self.widget is None or not self.label):
            raise TypeError(f"{self.name}: a setting on a tab needs a widget and a label")
        if self.widget in (Widget.COMBO, Widget.RADIO) and not self.choices:
            raise TypeError(f"{self.name}: a {self.widget.value} needs choices")

    @property
    def provisioning_key(self) -> str:
        """The key that sets it in a provisioning file (its name)."""
        return self.name

    @property
    def flag_name(self) -> str | None:
        """``--api-base-url`` for ``api_base_url`` (``None``: no flag)."""
        return "--" + self.name.replace("_", "-") if self.flag else None

    @property
    def subject(self) -> Text:
        """:attr:`what`, translatable."""
        return Text(_CTX, self.what)

    def default_value(self) -> Any:
        return copy.deepcopy(self.default)

    def validate(self, value: Any) -> Any:
        """Check a value already converted to ``type`` (see :func:`coerce`); the
        (possibly normalised) value, or :class:`SettingsError` with a human message."""
        if self.choices and value not in {choice.value for choice in self.choices}:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must be one of {options} (got {value})."),
                what=self.subject,
                options=", ".join(repr(choice.value) for choice in self.choices),
                value=repr(value),
            )
        if self.range is not None:
            low, high = self.range
            if not low <= value <= high:
                shown = (lambda number: f"{number:g}") if self.type is float else str
                raise SettingsError(
                    _RANGE_MESSAGES[self.unit],  # type: ignore[index]  # checked at declaration
                    what=self.subject,
                    low=shown(low),
                    high=shown(high),
                    value=shown(value),
                )
        return value if self.check is None else self.check(value, self.subject)


@dataclass(frozen=True)
class SecretSpec:
    """A value the app needs that is never a setting: it lives in the system keyring,
    never in a file, an environment variable or a flag. The Settings dialog shows it on
    ``tab`` right after the setting ``follows``."""

    name: str
    tab: Tab
    follows: str
    label: str

    secret: ClassVar[bool] = True

    @property
    def provisioning_key(self) -> str:
        return self.name


# ----------------------------------------------------------------- validators


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """Does ``url`` point at this computer (127.0.0.1, ::1, localhost)?"""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    return bool(host) and _is_loopback(host or "")


def default_redirect_uri(auth_base_url: str) -> str:
    """The redirect URI sign-in uses when none is set: the code page of the sign-in
    page host (the person pastes the code shown there into the app)."""
    return auth_base_url.rstrip("/") + CODE_PAGE


def redact_url(url: str) -> str:
    """``url`` with any ``user:password@`` part masked, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


def _check_url(value: str, *, what: Text, schemes: Iterable[str], https_unless_local: bool) -> str:
    value = value.strip()
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} is not a valid URL."), what=what
        ) from None
    schemes = tuple(schemes)
    shown = repr(redact_url(value))
    if parts.scheme.lower() not in schemes:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} must start with {schemes} (got {value})."),
            what=what,
            schemes=", ".join(f"{s}://" for s in schemes),
            value=shown,
        )
    if not parts.hostname:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} has no host name (got {value})."),
            what=what,
            value=shown,
        )
    if any(ch.isspace() for ch in value):
        raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must not contain spaces."), what=what)
    if https_unless_local and parts.scheme.lower() == "http" and not _is_loopback(parts.hostname):
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                _CTX,
                "{what} must use https:// (plain http:// is only allowed for this computer, "
                "e.g. http://127.0.0.1:{port}).",
            ),
            what=what,
            port=port or 8000,
        )
    return value


def _service_url(value: str, what: Text) -> str:
    value = _check_url(value, what=what, schemes=("https", "http"), https_unless_local=True)
    parts = urlsplit(value)
    if parts.query or parts.fragment:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} must not have a query (?…) or fragment (#…)."),
            what=what,
        )
    return value.rstrip("/")


def _optional_url(value: str, what: Text) -> str:
    """Empty (the redirect URI's default, no update notices), or an https:// address
    (http:// only on this computer)."""
    value = value.strip()
    if not value:
        return ""
    return _check_url(value, what=what, schemes=("https", "http"), https_unless_local=True)


def _exchange_url(value: str, what: Text) -> str:
    """Empty (no token-exchange service), or a service address like the API line's."""
    value = value.strip()
    return _service_url(value, what) if value else ""


def _public_key(value: str, what: Text) -> str:
    """Empty (the app's own key), or an Ed25519 public key: base64 of its 32 bytes."""
    value = value.strip()
    if not value:
        return ""
    from ohmygpt_desktop.core.updates import decode_public_key

    try:
        decode_public_key(value)
    except ValueError:
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                _CTX, "{what} must be an Ed25519 public key: 32 bytes written in base64."
            ),
            what=what,
        ) from None
    return value


_EMAIL = re.compile(r"[^@\s:/]+@[^@\s/]+\.[^@\s./]+")


def _support_contact(value: str, what: Text) -> str:
    """Empty, an e-mail address, or an https:// address."""
    value = _plain_text(allow_empty=True)(value, what)
    if not value or _EMAIL.fullmatch(value):
        return value
    if "://" not in value:
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                _CTX, "{what} must be an e-mail address or an https:// address (got {value})."
            ),
            what=what,
            value=repr(value[:80]),
        )
    return _check_url(value, what=what, schemes=("https",), https_unless_local=False)


#: The OAuth app permission level that creating recharge orders needs (docs/api.md).
RECHARGE_PERMISSION_LEVEL = "trusted_advanced_access"
#: The permission levels a deployment may declare (empty: not declared).
PERMISSION_LEVELS = ("general_api_access", RECHARGE_PERMISSION_LEVEL)


def _permission_level(value: str, what: Text) -> str:
    value = value.strip()
    if value and value not in PERMISSION_LEVELS:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} must be one of {options} (got {value})."),
            what=what,
            options=", ".join(repr(level) for level in PERMISSION_LEVELS),
            value=repr(value),
        )
    return value


def _plain_text(*, allow_empty: bool, max_len: int = 200) -> Check:
    def check(value: str, what: Text) -> str:
        value = value.strip()
        if not value and not allow_empty:
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must not be empty."), what=what)
        if len(value) > max_len:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} is too long (at most {count} characters)."),
                what=what,
                count=max_len,
            )
        if any(not ch.isprintable() for ch in value):
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must not contain control characters."), what=what
            )
        return value

    return check


def _ledger_url(value: str, what: Text) -> str:
    """Empty (no team ledger), or a ``postgresql://`` URL without a password.

    The password belongs in the keyring (Settings, "Set ledger password…") or in a
    PGPASSFILE, never in the settings file: a URL that carries one is refused.
    """
    value = value.strip()
    if not value:
        return ""
    value = _check_url(
        value, what=what, schemes=("postgresql", "postgres"), https_unless_local=False
    )
    parts = urlsplit(value)
    in_query = any(
        part.split("=", 1)[0].strip().lower() == "password" for part in parts.query.split("&")
    )
    if parts.password is not None or in_query:
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                _CTX,
                "{what} must not contain a password (got {value}). Remove it from the "
                "address and store it with “Set ledger password…” in Settings, or in a "
                "PGPASSFILE.",
            ),
            what=what,
            value=repr(redact_url(value) if not in_query else redact_url(value.split("?")[0])),
        )
    if parts.fragment:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} must not have a fragment (#…)."), what=what
        )
    return value


def _endpoints(value: dict[str, Any], _what: Text) -> dict[str, str]:
    try:
        return {key: check_override(key, path) for key, path in value.items()}
    except EndpointPathError as exc:
        raise SettingsError(exc.template, **exc.params) from None


def _proxy_url(value: str, what: Text) -> str:
    value = value.strip()
    if not value:
        return ""
    return _check_url(
        value,
        what=what,
        schemes=("http", "https", "socks5", "socks5h"),
        https_unless_local=False,
    )


def _check_money(value: Decimal, what: Text, *, minimum: Decimal) -> Decimal:
    if not value.is_finite():
        raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be a number."), what=what)
    if value < minimum:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} must be at least {minimum} USD (got {value})."),
            what=what,
            minimum=minimum,
            value=value,
        )
    if value > Decimal(1_000_000):
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} is too large (got {value})."), what=what, value=value
        )
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "{what} can have at most 2 decimal places (got {value})."),
            what=what,
            value=value,
        )
    return value


def _money(*, minimum: Decimal) -> Check:
    return lambda value, what: _check_money(value, what, minimum=minimum)


def _rate(*, maximum: Decimal) -> Check:
    """A positive, finite number no larger than ``maximum``."""

    def check(value: Decimal, what: Text) -> Decimal:
        if not value.is_finite():
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be a number."), what=what)
        if value <= 0:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must be more than 0 (got {value})."),
                what=what,
                value=value,
            )
        if value > maximum:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} is too large (got {value})."),
                what=what,
                value=value,
            )
        return value

    return check


_MAX_PRESETS = 12


def _presets(value: list[Decimal], _what: Text) -> list[Decimal]:
    if len(value) > _MAX_PRESETS:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "At most {count} recharge presets are allowed."),
            count=_MAX_PRESETS,
        )
    result: list[Decimal] = []
    each = Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "A recharge preset"))
    for amount in value:
        amount = _check_money(amount, each, minimum=Decimal("0.01"))
        if amount in result:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "The recharge preset {amount} is listed twice."),
                amount=amount,
            )
        result.append(amount)
    return result


# ---------------------------------------------------------------- the table

SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "api_base_url",
        str,
        "https://api.ohmygpt.com",
        "Base URL of the OhMyGPT API (the API line). Must be https://, except for a "
        "loopback address.",
        QT_TRANSLATE_NOOP(_CTX, "The API base URL"),
        _service_url,
        flag=True,
        tab=Tab.SERVICE,
        widget=Widget.URL_CHOICE,
        label=QT_TRANSLATE_NOOP(_FORM, "API line:"),
        placeholder="https://",
        suggestions=(
            Choice("https://api.ohmygpt.com", QT_TRANSLATE_NOOP(_FORM, "US main site, direct")),
            Choice("https://cfcus02.opapi.win", QT_TRANSLATE_NOOP(_FORM, "Cloudflare CDN")),
            Choice("https://cfwus02.opapi.win", QT_TRANSLATE_NOOP(_FORM, "Cloudflare Worker")),
            Choice("https://c-z0-api-01.hash070.com", QT_TRANSLATE_NOOP(_FORM, "Optimized CDN")),
            Choice("https://www.aigptx.top", QT_TRANSLATE_NOOP(_FORM, "Premium reverse proxy 1")),
            Choice(
                "https://cn2us02.opapi.win", QT_TRANSLATE_NOOP(_FORM, "Premium reverse proxy 2")
            ),
        ),
        applies=Applies.NETWORK,
    ),
    SettingSpec(
        "auth_base_url",
        str,
        "https://next.ohmygpt.com",
        "Base URL of the OhMyGPT sign-in (OAuth) pages: the authorization page host.",
        QT_TRANSLATE_NOOP(_CTX, "The sign-in base URL"),
        _service_url,
        flag=True,
        tab=Tab.SERVICE,
        widget=Widget.URL_CHOICE,
        label=QT_TRANSLATE_NOOP(_FORM, "Sign-in page:"),
        placeholder="https://",
        suggestions=(
            Choice("https://next.ohmygpt.com", QT_TRANSLATE_NOOP(_FORM, "Main")),
            Choice(
                "https://next.aigptx.top", QT_TRANSLATE_NOOP(_FORM, "Alternative for some regions")
            ),
        ),
    ),
    SettingSpec(
        "client_id",
        str,
        "",
        "OAuth client id of this app. Sign-in needs it.",
        QT_TRANSLATE_NOOP(_CTX, "The client id"),
        _plain_text(allow_empty=True),
        flag=True,
        tab=Tab.OAUTH,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Client id:"),
    ),
    SettingSpec(
        "redirect_uri",
        str,
        "",
        "OAuth redirect URI; empty means {auth_base_url}" + CODE_PAGE + ". A "
        "loopback URI such as http://127.0.0.1:8765/callback makes the app finish sign-in "
        "by itself.",
        QT_TRANSLATE_NOOP(_CTX, "The redirect URI"),
        _optional_url,
        flag=True,
        tab=Tab.OAUTH,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Redirect URI:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "Leave empty to use the provider's code page ({url}): you paste the code "
            "shown there into the app. A loopback address such as "
            "http://127.0.0.1:8765/callback lets the app finish sign-in by itself.",
        ),
    ),
    SettingSpec(
        "scope",
        str,
        "general_api_access",
        "OAuth scope requested at sign-in; must match the OAuth app exactly.",
        QT_TRANSLATE_NOOP(_CTX, "The OAuth scope"),
        _plain_text(allow_empty=False),
        tab=Tab.OAUTH,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Scope:"),
    ),
    SettingSpec(
        "token_exchange_url",
        str,
        "",
        "Address of the organisation's token-exchange service (https://…/v1/token; "
        "docs/operations.md#token-exchange-service). When set, sign-in sends the code "
        "there instead of to issue-token, and the app needs no client secret.",
        QT_TRANSLATE_NOOP(_CTX, "The token-exchange service address"),
        _exchange_url,
        tab=Tab.OAUTH,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Token-exchange service:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "Only if your organisation runs one: the app then sends the sign-in code there "
            "and needs no client secret.",
        ),
        placeholder="https://",
    ),
    SettingSpec(
        "update_feed_url",
        str,
        "",
        "Address of the signed update feed (https://; docs/operations.md#update-notices). "
        "When set, the app checks it at most once a day and says when a newer or a fixed "
        "version is out; it never downloads anything. Empty: no update notices.",
        QT_TRANSLATE_NOOP(_CTX, "The update feed address"),
        _optional_url,
    ),
    SettingSpec(
        "update_public_key",
        str,
        "",
        "The Ed25519 public key (base64) the update feed must be signed with, instead of "
        "the one shipped in the app. Usually provisioned, with update_feed_url.",
        QT_TRANSLATE_NOOP(_CTX, "The update feed key"),
        _public_key,
    ),
    SettingSpec(
        "permission_level",
        str,
        "",
        "The OAuth app's permission level, if known: general_api_access or "
        "trusted_advanced_access. Recharge orders need trusted_advanced_access: with "
        "another level the app says so instead of trying. Empty: not declared.",
        QT_TRANSLATE_NOOP(_CTX, "The permission level"),
        _permission_level,
    ),
    SettingSpec(
        "organization",
        str,
        "",
        "The name of the organisation that set the app up, shown in About and next to "
        "the settings it locked. Usually provisioned.",
        QT_TRANSLATE_NOOP(_CTX, "The organisation name"),
        _plain_text(allow_empty=True, max_len=100),
    ),
    SettingSpec(
        "support",
        str,
        "",
        "Where people get help: an e-mail address or an https:// address, shown in About, "
        "the crash dialog and sign-in and balance errors. Usually provisioned.",
        QT_TRANSLATE_NOOP(_CTX, "The support contact"),
        _support_contact,
    ),
    SettingSpec(
        "endpoints",
        dict,
        {},
        "A JSON object that overrides API paths (" + ", ".join(ENDPOINT_KEYS) + "), e.g. "
        '{"balance": "/api/v1/…"}.',
        QT_TRANSLATE_NOOP(_CTX, "The API paths"),
        _endpoints,
        applies=Applies.NETWORK,
    ),
    SettingSpec(
        "proxy_mode",
        str,
        "system",
        "Network proxy: the system's (the HTTP_PROXY, HTTPS_PROXY and NO_PROXY variables), "
        "none, or the custom proxy_url.",
        QT_TRANSLATE_NOOP(_CTX, "The proxy mode"),
        choices=(
            Choice("system", QT_TRANSLATE_NOOP(_FORM, "Use the system proxy settings")),
            Choice("none", QT_TRANSLATE_NOOP(_FORM, "No proxy")),
            Choice("custom", QT_TRANSLATE_NOOP(_FORM, "Custom proxy")),
        ),
        tab=Tab.NETWORK,
        widget=Widget.RADIO,
        label=QT_TRANSLATE_NOOP(_FORM, "Proxy:"),
        applies=Applies.NETWORK,
    ),
    SettingSpec(
        "proxy_url",
        str,
        "",
        "Custom proxy URL (http://, https://, socks5:// or socks5h://), used when "
        "proxy_mode is custom.",
        QT_TRANSLATE_NOOP(_CTX, "The proxy URL"),
        _proxy_url,
        tab=Tab.NETWORK,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Proxy address:"),
        help=QT_TRANSLATE_NOOP(
            _FORM, "An http://, https:// or socks5:// address, e.g. socks5://127.0.0.1:1080."
        ),
        placeholder="socks5://127.0.0.1:1080",
        applies=Applies.NETWORK,
    ),
    SettingSpec(
        "language",
        str,
        "system",
        "User interface language.",
        QT_TRANSLATE_NOOP(_CTX, "The language"),
        flag=True,
        choices=(
            Choice("system", QT_TRANSLATE_NOOP(_FORM, "System default")),
            Choice("en", "English", native=True),
            Choice("zh_CN", "中文 (简体)", native=True),
            Choice("ja", "日本語", native=True),
        ),
        tab=Tab.APPEARANCE,
        widget=Widget.COMBO,
        label=QT_TRANSLATE_NOOP(_FORM, "Language:"),
    ),
    SettingSpec(
        "theme",
        str,
        "system",
        "Colour theme.",
        QT_TRANSLATE_NOOP(_CTX, "The theme"),
        choices=(
            Choice("system", QT_TRANSLATE_NOOP(_FORM, "System")),
            Choice("light", QT_TRANSLATE_NOOP(_FORM, "Light")),
            Choice("dark", QT_TRANSLATE_NOOP(_FORM, "Dark")),
        ),
        tab=Tab.APPEARANCE,
        widget=Widget.COMBO,
        label=QT_TRANSLATE_NOOP(_FORM, "Theme:"),
    ),
    SettingSpec(
        "tray",
        str,
        "watching",
        "Keep running in the system tray when the window is closed: while a payment is "
        "being watched, always, or never. Where there is no system tray, closing the window "
        "quits.",
        QT_TRANSLATE_NOOP(_CTX, "The tray setting"),
        choices=(
            Choice("watching", QT_TRANSLATE_NOOP(_FORM, "While a payment is being watched")),
            Choice("always", QT_TRANSLATE_NOOP(_FORM, "Always")),
            Choice("never", QT_TRANSLATE_NOOP(_FORM, "Never")),
        ),
        tab=Tab.APPEARANCE,
        widget=Widget.COMBO,
        label=QT_TRANSLATE_NOOP(_FORM, "Keep running in the tray:"),
    ),
    SettingSpec(
        "refresh_interval_s",
        int,
        300,
        "Seconds between automatic balance refreshes.",
        QT_TRANSLATE_NOOP(_CTX, "The refresh interval"),
        range=(30, 86400),
        unit=Unit.SECONDS,
        tab=Tab.BALANCE,
        widget=Widget.SPIN,
        label=QT_TRANSLATE_NOOP(_FORM, "Refresh the balance every:"),
    ),
    SettingSpec(
        "payment_watch_minutes",
        int,
        30,
        "Minutes to watch the balance after a payment page opens.",
        QT_TRANSLATE_NOOP(_CTX, "The payment watch time"),
        range=(1, 1440),
        unit=Unit.MINUTES,
        tab=Tab.BALANCE,
        widget=Widget.SPIN,
        label=QT_TRANSLATE_NOOP(_FORM, "Watch for a payment for:"),
    ),
    SettingSpec(
        "recharge_min",
        Decimal,
        Decimal("1"),
        "Smallest recharge amount offered, in USD (at most two decimals).",
        QT_TRANSLATE_NOOP(_CTX, "The minimum recharge"),
        _money(minimum=Decimal("0.01")),
        unit=Unit.USD,
        tab=Tab.BALANCE,
        widget=Widget.AMOUNT,
        label=QT_TRANSLATE_NOOP(_FORM, "Smallest recharge:"),
    ),
    SettingSpec(
        "recharge_max",
        Decimal,
        Decimal("1000"),
        "Largest recharge amount offered, in USD (at most two decimals).",
        QT_TRANSLATE_NOOP(_CTX, "The maximum recharge"),
        _money(minimum=Decimal("0.01")),
        unit=Unit.USD,
        tab=Tab.BALANCE,
        widget=Widget.AMOUNT,
        label=QT_TRANSLATE_NOOP(_FORM, "Largest recharge:"),
    ),
    SettingSpec(
        "recharge_presets",
        list,
        [Decimal(5), Decimal(10), Decimal(20), Decimal(50), Decimal(100)],
        f"Quick-pick recharge amounts in USD (a comma list or a JSON list, at most "
        f"{_MAX_PRESETS}).",
        QT_TRANSLATE_NOOP(_CTX, "The recharge presets"),
        _presets,
        unit=Unit.USD,
        item_type=Decimal,
        tab=Tab.BALANCE,
        widget=Widget.AMOUNTS,
        label=QT_TRANSLATE_NOOP(_FORM, "Quick amounts:"),
        help=QT_TRANSLATE_NOOP(_FORM, "USD amounts separated by commas, e.g. 5, 10, 20."),
    ),
    SettingSpec(
        "low_balance_usd",
        Decimal,
        Decimal("1.00"),
        "Warn when the balance falls below this many USD.",
        QT_TRANSLATE_NOOP(_CTX, "The low-balance warning level"),
        _money(minimum=Decimal(0)),
        unit=Unit.USD,
        tab=Tab.BALANCE,
        widget=Widget.AMOUNT,
        label=QT_TRANSLATE_NOOP(_FORM, "Low-balance warning below:"),
    ),
    SettingSpec(
        "runs_out_warning_days",
        int,
        3,
        "Warn (a tray notification) when an account's balance is forecast to run out "
        "within this many days; 0 turns the warning off.",
        QT_TRANSLATE_NOOP(_CTX, "The runs-out warning"),
        range=(0, 90),
        unit=Unit.DAYS,
        tab=Tab.BALANCE,
        widget=Widget.SPIN,
        label=QT_TRANSLATE_NOOP(_FORM, "Warn when forecast to run out within:"),
    ),
    SettingSpec(
        "credits_per_usd",
        Decimal,
        Decimal(34000),
        "API credits per US dollar, used to show balances in USD and to check that a "
        "payment arrived. The OhMyGPT documentation does not state this rate; 34000 is "
        "what public integrations use. Correct it if OhMyGPT tells you otherwise.",
        QT_TRANSLATE_NOOP(_CTX, "The number of credits per US dollar"),
        _rate(maximum=Decimal(10**9)),
        tab=Tab.BALANCE,
        widget=Widget.NUMBER,
        label=QT_TRANSLATE_NOOP(_FORM, "Credits per US dollar:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "The OhMyGPT documentation does not state this rate; 34000 is what other "
            "programs use. The app shows balances in dollars and checks that a payment "
            "arrived with it: change it only if OhMyGPT tells you otherwise.",
        ),
    ),
    SettingSpec(
        "request_deadline_s",
        float,
        60.0,
        "Seconds after which a request to the API is given up, however slowly its reply arrives.",
        QT_TRANSLATE_NOOP(_CTX, "The request time limit"),
        range=(1.0, 600.0),
        unit=Unit.SECONDS,
        tab=Tab.NETWORK,
        widget=Widget.SPIN,
        label=QT_TRANSLATE_NOOP(_FORM, "Give up a request after:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "However slowly the reply arrives. An order whose reply does not arrive in time "
            "is kept as “unknown”, never as “not created”.",
        ),
        applies=Applies.NETWORK,
    ),
    SettingSpec(
        "operator",
        str,
        "",
        "Who creates recharge orders on this computer, recorded with each order (support "
        "desks: the agent's name). Empty: the operating system's user name.",
        QT_TRANSLATE_NOOP(_CTX, "The operator name"),
        _plain_text(allow_empty=True, max_len=100),
        tab=Tab.BALANCE,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Operator name:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "Recorded with each order you create. Leave empty to use your user name on this "
            "computer.",
        ),
    ),
    SettingSpec(
        "ledger_url",
        str,
        "",
        "The team ledger: a postgresql://user@host:port/database URL of a PostgreSQL "
        "database the team shares (README, For teams). Every order is published there "
        "and the order history gets a Team scope. No password here: it comes from the "
        "keyring (Settings, “Set ledger password…”) or a PGPASSFILE. Empty: no ledger.",
        QT_TRANSLATE_NOOP(_CTX, "The team ledger address"),
        _ledger_url,
        tab=Tab.SERVICE,
        widget=Widget.TEXT,
        label=QT_TRANSLATE_NOOP(_FORM, "Team ledger:"),
        help=QT_TRANSLATE_NOOP(
            _FORM,
            "Only for a team sharing one PostgreSQL database: postgresql://user@host/db. "
            "Leave empty to keep the order history on this computer only.",
        ),
        placeholder="postgresql://",
        applies=Applies.RESTART,
    ),
    SettingSpec(
        "ledger_share_links",
        bool,
        False,
        "Also publish each order's payment (checkout) link to the team ledger, so "
        "colleagues can send it again. Off by default: links stay on this computer.",
        QT_TRANSLATE_NOOP(_CTX, "Sharing payment links with the team"),
        applies=Applies.RESTART,
    ),
    SettingSpec(
        "keyring_timeout_s",
        float,
        3.0,
        "Seconds to wait for the system keyring before giving up.",
        QT_TRANSLATE_NOOP(_CTX, "The keyring timeout"),
        range=(0.1, 60.0),
        unit=Unit.SECONDS,
    ),
)

SPECS: dict[str, SettingSpec] = {spec.name: spec for spec in SETTINGS}

#: Values the app needs that are never settings (provisioned into the keyring only).
SECRETS: tuple[SecretSpec, ...] = (
    # The OAuth app's client secret.
    SecretSpec(
        "client_secret",
        tab=Tab.OAUTH,
        follows="client_id",
        label=QT_TRANSLATE_NOOP(_FORM, "Client secret:"),
    ),
)


def os_user_name() -> str:
    """The operating system's name for the person using the app; ``""`` when it has none."""
    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment nor in the password database
        return ""
    return "".join(ch for ch in name if ch.isprintable()).strip()[:100]


def operator_name(settings: Settings) -> str:
    """Who creates orders: the ``operator`` setting, else the OS user name."""
    return settings.get("operator") or os_user_name()


def names_applying(applies: Applies) -> frozenset[str]:
    """The settings whose change takes effect that way."""
    return frozenset(spec.name for spec in SETTINGS if spec.applies is applies)


# ------------------------------------------------------- conversion and JSON

_MUST_BE_A_NUMBER = QT_TRANSLATE_NOOP(_CTX, "{what} must be a number.")
_MUST_BE_A_NUMBER_GOT = QT_TRANSLATE_NOOP(_CTX, "{what} must be a number (got {value}).")
_MUST_BE_WHOLE = QT_TRANSLATE_NOOP(_CTX, "{what} must be a whole number.")


def _to_decimal(value: Any, what: Text | str) -> Decimal:
    if isinstance(value, bool):
        raise SettingsError(_MUST_BE_A_NUMBER, what=what)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float | str):
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise SettingsError(_MUST_BE_A_NUMBER_GOT, what=what, value=repr(value)) from None
    raise SettingsError(_MUST_BE_A_NUMBER, what=what)


#: How a yes/no setting may be written as text (an environment variable, a flag).
_TRUE_TEXT = frozenset({"1", "true", "yes", "on"})
_FALSE_TEXT = frozenset({"0", "false", "no", "off"})


def coerce(spec: SettingSpec, value: Any, *, from_text: bool = False) -> Any:
    """Convert ``value`` (JSON, a Python value, or text when ``from_text``) to ``spec.type``.

    Raises :class:`SettingsError` (a :class:`ValueError`) with a human message.
    """
    what = f"'{spec.name}'"  # the key as written in the file: not translated
    if spec.type is str:
        if not isinstance(value, str):
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be text."), what=what)
        return value
    if spec.type is bool:
        if from_text and isinstance(value, str):
            text = value.strip().lower()
            if text in _TRUE_TEXT or text in _FALSE_TEXT:
                return text in _TRUE_TEXT
        if not isinstance(value, bool):
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must be true or false (got {value})."),
                what=what,
                value=repr(value),
            )
        return value
    if spec.type is int:
        if from_text and isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                raise SettingsError(
                    QT_TRANSLATE_NOOP(_CTX, "{what} must be a whole number (got {value})."),
                    what=what,
                    value=repr(value),
                ) from None
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                return int(value)
            raise SettingsError(_MUST_BE_WHOLE, what=what)
        return value
    if spec.type is float:
        if from_text and isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                raise SettingsError(_MUST_BE_A_NUMBER_GOT, what=what, value=repr(value)) from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingsError(_MUST_BE_A_NUMBER, what=what)
        return float(value)
    if spec.type is Decimal:
        return _to_decimal(value, what)
    if spec.type in (list, dict):
        if from_text and isinstance(value, str):
            text = value.strip()
            if spec.item_type is Decimal and not text.startswith("["):
                value = [part for part in (p.strip() for p in text.split(",")) if part]
            else:
                try:
                    value = json.loads(text)
                except json.JSONDecodeError:
                    raise SettingsError(
                        QT_TRANSLATE_NOOP(_CTX, "{what} must be JSON ({kind})."),
                        what=what,
                        kind=spec.type.__name__,
                    ) from None
        if not isinstance(value, spec.type):
            if spec.type is list:
                raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be a list."), what=what)
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be an object."), what=what)
        if spec.item_type is Decimal:
            each = Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "Each value of {what}"), what=what)
            return [_to_decimal(item, each) for item in value]
        return copy.deepcopy(value)
    raise TypeError(f"unsupported setting type {spec.type!r}")  # pragma: no cover


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


#: Settings nest two levels (endpoints → path); far deeper is damage,
#: and would overflow the stack when copied or written back.
_MAX_DEPTH = 32


def check_setting(spec: SettingSpec, value: Any, *, from_text: bool = False) -> Any:
    """Coerce (see :func:`coerce`) and validate (see :meth:`SettingSpec.validate`): the
    value to use, or :class:`SettingsError` with a human message. Wherever a value comes
    from (the file, the environment, a flag, provisioning, a form), it is checked so."""
    return spec.validate(coerce(spec, value, from_text=from_text))


# ------------------------------------------------------------------- origins


@dataclass(frozen=True)
class Origin:
    """Where an effective value comes from: ``kind`` (one of the names below) and, for
    a file or a variable, ``where`` (its path or name). ``str()``: ``"system (/etc/…)"``."""

    kind: str
    where: str = ""

    DEFAULT: ClassVar[str] = "default"
    BUNDLE: ClassVar[str] = "bundle"
    SYSTEM: ClassVar[str] = "system"
    PROVISIONING_ENV: ClassVar[str] = "OHMYGPT_PROVISIONING"
    SETTINGS_FILE: ClassVar[str] = "settings file"
    ENVIRONMENT: ClassVar[str] = "environment"
    FLAG: ClassVar[str] = "flag"

    def __str__(self) -> str:
        return f"{self.kind} ({self.where})" if self.where else self.kind


_DEFAULT_ORIGIN = Origin(Origin.DEFAULT)
_FLAG_ORIGIN = Origin(Origin.FLAG)


# ------------------------------------------------------------------- Settings


class Settings:
    """Resolved settings with attribute access (``settings.api_base_url``)."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._file: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}
        self._env: dict[str, tuple[Any, str]] = {}
        self._overrides: dict[str, Any] = {}
        #: What the provisioning files set (below the settings file, unless locked).
        self._provisioned: dict[str, tuple[Any, Origin]] = {}
        self._locked: frozenset[str] = frozenset()
        #: The provisioning the values came from (its client secret too), or ``None``.
        self.provisioning: Provisioning | None = None
        self._listeners: list[tuple[frozenset[str], Listener]] = []
        #: Changed names not announced yet (inside :meth:`batch`), or ``None``.
        self._pending: set[str] | None = None
        #: What this process changed since the last save (applied on top of the file).
        self._changed: set[str] = set()
        #: Why the settings file was not (fully) used, or ``None``: translatable
        #: sentences (:func:`ohmygpt_desktop.ui.errors.describe` shows them).
        self.load_problem_text: Sentences | None = None
        self.backup_path: Path | None = None

    @property
    def load_problem(self) -> str | None:
        """:attr:`load_problem_text` in English (for the log), or ``None``."""
        return str(self.load_problem_text) if self.load_problem_text else None

    # ---- loading

    @classmethod
    def load(
        cls,
        path: Path,
        *,
        env: Mapping[str, str] | None = None,
        overrides: Mapping[str, object] | None = None,
        provisioning: Provisioning | None = None,
    ) -> Settings:
        """Read ``path`` (missing is fine) and apply ``provisioning``, ``env`` and
        ``overrides``.

        ``env`` defaults to ``os.environ``; empty environment variables are
        ignored. A bad environment or override value raises :class:`SettingsError`
        naming where it came from. A damaged file does not raise: see
        :attr:`load_problem`. The settings ``provisioning`` locks ignore the file, the
        environment and the overrides (which are not even checked for them).
        """
        settings = cls(path)
        if provisioning is not None:
            settings.provisioning = provisioning
            settings._provisioned = dict(provisioning.values)
            settings._locked = provisioning.locked
        settings._read_file()
        environ = os.environ if env is None else env
        for spec in SETTINGS:
            if spec.env is None or spec.name in settings._locked:
                continue
            text = environ.get(spec.env)
            if text is None or text.strip() == "":
                continue
            try:
                settings._env[spec.name] = (check_setting(spec, text, from_text=True), spec.env)
            except SettingsError as exc:
                raise SettingsError(
                    QT_TRANSLATE_NOOP(_CTX, "Environment variable {variable}: {problem}"),
                    variable=spec.env,
                    problem=exc,
                ) from None
        settings.add_overrides(overrides or {})
        return settings

    def add_overrides(self, overrides: Mapping[str, object]) -> None:
        """Apply command-line-level values (validated; never saved to the file)."""
        for name, value in overrides.items():
            spec = SPECS.get(name)
            if spec is None:
                raise SettingsError(
                    QT_TRANSLATE_NOOP(_CTX, "Unknown setting {name} given on the command line."),
                    name=repr(name),
                )
            if name in self._locked:
                continue  # the provisioning decides it
            try:
                self._overrides[name] = check_setting(spec, value, from_text=isinstance(value, str))
            except SettingsError as exc:
                raise SettingsError(
                    QT_TRANSLATE_NOOP(_CTX, "Command-line setting {name}: {problem}"),
                    name=name,
                    problem=exc,
                ) from None

    def _read_file(self) -> None:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return
        except IsADirectoryError:
            self._folder_in_the_way()
            return
        except OSError as exc:
            self.load_problem_text = Sentences(
                [
                    Text(
                        _CTX,
                        QT_TRANSLATE_NOOP(
                            _CTX,
                            "The settings file {path} could not be read ({reason}). "
                            "Default settings are used for now.",
                        ),
                        path=self._path,
                        reason=exc.strerror or str(exc),
                    )
                ]
            )
            return
        data, damage = self._decode(raw)
        if data is None:
            assert damage is not None
            self._damaged(raw, damage)
            return
        problems: list[Text] = []
        for key, value in data.items():
            spec = SPECS.get(key)
            if spec is None:
                self._unknown[key] = value
                continue
            try:
                self._file[key] = check_setting(spec, value)
            except SettingsError as exc:
                problems.append(
                    Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "{name}: {problem}"), name=key, problem=exc)
                )
            except (ValueError, TypeError, ArithmeticError, RecursionError):
                problems.append(
                    Text(
                        _CTX, QT_TRANSLATE_NOOP(_CTX, "{name}: the value cannot be used."), name=key
                    )
                )
        if problems:
            backup = self._backup(raw)
            self.load_problem_text = Sentences(
                [
                    Text(
                        _CTX,
                        QT_TRANSLATE_NOOP(
                            _CTX,
                            "Some settings in {path} were not valid, so their defaults are used.",
                        ),
                        path=self._path,
                    ),
                    Text(
                        _CTX,
                        QT_TRANSLATE_NOOP(_CTX, "A copy of the file was saved as {backup}."),
                        backup=backup,
                    )
                    if backup
                    else Text(
                        _CTX, QT_TRANSLATE_NOOP(_CTX, "A copy of the file could not be saved.")
                    ),
                    Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "The rejected value was:"))
                    if len(problems) == 1
                    else Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "The rejected values were:")),
                    *problems,
                ]
            )

    def _decode(self, raw: bytes) -> tuple[dict[str, Any] | None, Text | None]:
        """The file's JSON object, or ``None`` and why it cannot be used (any reason)."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return None, Text(
                _CTX,
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The settings file {path} is not a text file, so default settings are used.",
                ),
                path=self._path,
            )
        except json.JSONDecodeError as exc:
            return None, Text(
                _CTX,
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The settings file {path} is not valid JSON (line {line}, column "
                    "{column}), so default settings are used.",
                ),
                path=self._path,
                line=exc.lineno,
                column=exc.colno,
            )
        except (ValueError, RecursionError):  # numbers too long, nesting too deep
            return None, self._unreadable()
        if not isinstance(data, dict):
            return None, Text(
                _CTX,
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "The settings file {path} does not contain a JSON object, so default "
                    "settings are used.",
                ),
                path=self._path,
            )
        if nested_deeper_than(data, _MAX_DEPTH):
            return None, self._unreadable()
        return data, None

    def _unreadable(self) -> Text:
        return Text(
            _CTX,
            QT_TRANSLATE_NOOP(
                _CTX,
                "The settings file {path} could not be read as settings, so default "
                "settings are used.",
            ),
            path=self._path,
        )

    def _folder_in_the_way(self) -> None:
        """A folder where the settings file belongs: move it aside so settings can be saved."""
        moved = free_backup_name(self._path)
        what = Text(
            _CTX,
            QT_TRANSLATE_NOOP(
                _CTX, "The settings file {path} is a folder, so default settings are used."
            ),
            path=self._path,
        )
        try:
            if moved is not None:
                os.rename(self._path, moved)
        except OSError as exc:
            log.warning("Could not move the folder in place of the settings file: %s", exc)
            moved = None
        if moved is None:
            where = Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "It could not be moved aside."))
        else:
            self.backup_path = moved
            where = Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "It was moved to {backup}."), backup=moved)
        self.load_problem_text = Sentences([what, where])

    def _damaged(self, raw: bytes, what: Text) -> None:
        backup = self._backup(raw)
        where = (
            Text(
                _CTX, QT_TRANSLATE_NOOP(_CTX, "A copy of it was saved as {backup}."), backup=backup
            )
            if backup
            else Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "A copy of it could not be saved."))
        )
        self.load_problem_text = Sentences([what, where])

    def _backup(self, raw: bytes) -> Path | None:
        """Keep the damaged bytes beside the file (owner-only); reuse an identical copy."""
        backup = keep_copy(self._path, raw)
        if backup is not None:
            self.backup_path = backup
        return backup

    # ---- reading

    @property
    def path(self) -> Path:
        return self._path

    def get(self, name: str) -> Any:
        """Effective value: override > environment > file > provisioning > default (a
        copy); a locked setting's is the provisioning's (or the default)."""
        return copy.deepcopy(self._decided(name)[0])

    def origin(self, name: str) -> Origin:
        """Where the effective value of ``name`` comes from."""
        return self._decided(name)[1]

    def _decided(self, name: str) -> tuple[Any, Origin]:
        spec = self._spec(name)
        if name in self._locked:
            return self._provisioned.get(name, (spec.default, _DEFAULT_ORIGIN))
        if name in self._overrides:
            return self._overrides[name], _FLAG_ORIGIN
        if name in self._env:
            value, variable = self._env[name]
            return value, Origin(Origin.ENVIRONMENT, variable)
        if name in self._file:
            return self._file[name], Origin(Origin.SETTINGS_FILE, str(self._path))
        return self._provisioned.get(name, (spec.default, _DEFAULT_ORIGIN))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in SPECS:
            raise AttributeError(name)
        return self.get(name)

    def overridden(self, name: str) -> bool:
        """True when the environment, the command line or a provisioning lock decides
        this setting (so the Settings dialog cannot change it)."""
        self._spec(name)
        return name in self._locked or name in self._overrides or name in self._env

    def locked(self, name: str) -> bool:
        """True when the provisioning locks this setting."""
        self._spec(name)
        return name in self._locked

    def override_source(self, name: str) -> str | None:
        """``"command line"``, the environment variable name, or ``None`` (also when
        locked: see :meth:`locked`)."""
        self._spec(name)
        if name in self._locked:
            return None
        if name in self._overrides:
            return "command line"
        if name in self._env:
            return self._env[name][1]
        return None

    def effective_redirect_uri(self) -> str:
        return self.get("redirect_uri") or default_redirect_uri(self.get("auth_base_url"))

    # ---- writing

    def set(self, name: str, value: Any) -> None:
        """Validate and store a file-level value (takes effect unless overridden)."""
        spec = self._spec(name)
        checked = check_setting(spec, value)
        before = self.get(name)
        self._changed.add(name)
        self._file[name] = checked
        if self.get(name) != before:
            self._notify(name)

    def reset(self, name: str) -> None:
        """Forget the file-level value so the default applies again."""
        self._spec(name)
        before = self.get(name)
        self._changed.add(name)
        self._file.pop(name, None)
        if self.get(name) != before:
            self._notify(name)

    def save(self) -> None:
        """Write this process's changes on top of the file as it is now, atomically.

        Read-merge-write under a lock file beside the settings file, so several
        processes saving at once lose nothing: this process's changes win and the
        file keeps the rest. Never writes environment or command-line values.
        Raises :class:`SettingsError`.
        """
        try:
            write_merged_json(
                self._path, lambda: self._merged(self._on_disk()), timeout=_SAVE_LOCK_TIMEOUT_S
            )
        except LockBusy:
            raise self._save_error("another program kept the settings file locked") from None
        except OSError as exc:
            raise self._save_error(exc.strerror or str(exc)) from None
        self._changed.clear()

    def _save_error(self, reason: str) -> SettingsError:
        return SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "Could not save settings to {path}: {reason}."),
            path=self._path,
            reason=reason,
        )

    def _on_disk(self) -> dict[str, Any] | None:
        """The file's valid values as JSON now (``None``: missing). Raises OSError."""
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None
        data, _damage = self._decode(raw)
        if data is None:
            self._backup(raw)  # damaged since it was read: keep a copy, write ours
            return None
        valid: dict[str, Any] = {}
        for key, value in data.items():
            spec = SPECS.get(key)
            if spec is None:
                valid[key] = value
                continue
            try:
                check_setting(spec, value)
            except (ValueError, TypeError, ArithmeticError, RecursionError):
                continue  # backed up when read; saving repairs the file
            valid[key] = value
        return valid

    def _merged(self, disk: dict[str, Any] | None) -> dict[str, Any]:
        if disk is None:  # nothing (valid) on disk: this process's whole view
            base = {name: _to_json(value) for name, value in self._file.items()}
            base.update({k: v for k, v in self._unknown.items() if k not in base})
        else:
            base = dict(disk)
            for name in self._changed:
                if name in self._file:
                    base[name] = _to_json(self._file[name])
                else:
                    base.pop(name, None)
        known = [spec.name for spec in SETTINGS if spec.name in base]
        return {name: base[name] for name in [*known, *(k for k in base if k not in SPECS)]}

    # ---- keys that are no longer settings

    def legacy(self, key: str) -> Any:
        """What the file holds under ``key``, which is not a setting (any more); ``None``
        when it holds nothing there."""
        return copy.deepcopy(self._unknown.get(key))

    def drop_legacy(self, key: str) -> None:
        """Remove ``key`` (not a setting) from the file at the next :meth:`save`."""
        self._unknown.pop(key, None)
        self._changed.add(key)

    # ---- listeners

    def add_listener(self, names: Iterable[str], listener: Listener) -> Callable[[], None]:
        """Call ``listener(changed)`` after the effective value of any of ``names``
        changed; ``changed`` holds those of ``names`` that did. Returns a function
        that removes the listener. A listener that fails is logged, never stops a change.
        """
        wanted = frozenset(names)
        for name in wanted:
            self._spec(name)
        entry = (wanted, listener)
        self._listeners.append(entry)

        def remove() -> None:
            if entry in self._listeners:
                self._listeners.remove(entry)

        return remove

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Announce the changes made inside the block together, when it ends: each
        listener is called once (e.g. one new API client for a new line and proxy)."""
        if self._pending is not None:  # already inside a batch
            yield
            return
        self._pending = set()
        try:
            yield
        finally:
            changed, self._pending = self._pending, None
            self._announce(changed)

    def _notify(self, name: str) -> None:
        if self._pending is not None:
            self._pending.add(name)
        else:
            self._announce({name})

    def _announce(self, changed: set[str]) -> None:
        for wanted, listener in list(self._listeners):
            hits = wanted & changed
            if not hits:
                continue
            try:
                listener(hits)
            except Exception:
                log.exception("A settings listener failed for %s", ", ".join(sorted(hits)))

    # ---- misc

    @staticmethod
    def _spec(name: str) -> SettingSpec:
        try:
            return SPECS[name]
        except KeyError:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "Unknown setting {name}."), name=repr(name)
            ) from None

    def __repr__(self) -> str:
        return f"Settings({str(self._path)!r})"


__all__ = [
    "ENDPOINT_KEYS",
    "FORM_CONTEXT",
    "PERMISSION_LEVELS",
    "RECHARGE_PERMISSION_LEVEL",
    "SECRETS",
    "SETTINGS",
    "SPECS",
    "Applies",
    "Choice",
    "Origin",
    "SecretSpec",
    "SettingSpec",
    "Settings",
    "SettingsError",
    "Tab",
    "Unit",
    "Widget",
    "check_setting",
    "coerce",
    "default_redirect_uri",
    "is_loopback_url",
    "names_applying",
    "operator_name",
    "os_user_name",
    "redact_url",
]
