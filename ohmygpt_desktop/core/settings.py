"""User settings: declared once, validated everywhere, stored in one JSON file.

Plain Python (no Qt). Every setting is a :class:`SettingSpec` in :data:`SETTINGS`;
:class:`Settings` resolves values with the precedence

    command-line overrides > environment variables > settings file > defaults

and only ever writes the file-level values back. A damaged file never crashes
the app and is never silently reset: it is copied aside and
:attr:`Settings.load_problem` explains what happened in plain words (in English;
:attr:`Settings.load_problem_text` is the same, translatable). Every message is
a translatable template (context ``"Settings"``): :class:`SettingsError` carries
it with its params, and the UI shows it in the user's language.

Secrets (tokens, the OAuth client secret) are *not* settings; they live in the
keyring (see :mod:`ohmygpt_desktop.core.tokens`). Nor are the signed-in accounts:
they have a file of their own (:mod:`ohmygpt_desktop.core.account_store`).
"""

from __future__ import annotations

import copy
import ipaddress
import json
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ohmygpt_desktop.core.files import (
    FileLock,
    free_backup_name,
    keep_copy,
    nested_deeper_than,
    write_private,
)
from ohmygpt_desktop.core.translatable import QT_TRANSLATE_NOOP, Problem, Sentences, Text

log = logging.getLogger(__name__)

ENV_PREFIX = "OHMYGPT_"
OAUTH_SUCCEED_PATH = "/next/v1/oauth/succeed"
ENDPOINT_KEYS = ("issue_token", "user_info", "balance", "checkout_order", "invoice_order")

Listener = Callable[[str, Any], None]


_CTX = "Settings"

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


def _what(text: str) -> Text:
    """A setting's name as it starts a sentence ("The API base URL")."""
    return Text(_CTX, text)


# --------------------------------------------------------------------------- specs


@dataclass(frozen=True)
class SettingSpec:
    """One declared setting.

    ``validate`` receives a value already converted to ``type`` (see
    :func:`coerce`), raises :class:`SettingsError` (a :class:`ValueError`) with a
    human message when it is not acceptable, and returns the (possibly normalised)
    value.
    ``env`` is the environment variable; ``""`` means the default
    ``OHMYGPT_<NAME>``, ``None`` means the setting cannot come from the environment.
    """

    name: str
    type: type
    default: Any
    description: str
    validate: Callable[[Any], Any]
    env: str | None = ""

    def __post_init__(self) -> None:
        if self.env == "":
            object.__setattr__(self, "env", ENV_PREFIX + self.name.upper())

    def default_value(self) -> Any:
        return copy.deepcopy(self.default)


# ----------------------------------------------------------------- validators


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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


def _service_url(what: str) -> Callable[[Any], str]:
    name = _what(what)

    def validate(value: Any) -> str:
        value = _check_url(value, what=name, schemes=("https", "http"), https_unless_local=True)
        parts = urlsplit(value)
        if parts.query or parts.fragment:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must not have a query (?…) or fragment (#…)."),
                what=name,
            )
        return value.rstrip("/")

    return validate


def _redirect_uri(value: Any) -> str:
    value = value.strip()
    if not value:
        return ""
    return _check_url(
        value,
        what=_what(QT_TRANSLATE_NOOP(_CTX, "The redirect URI")),
        schemes=("https", "http"),
        https_unless_local=True,
    )


def _plain_text(what: str, *, allow_empty: bool, max_len: int = 200) -> Callable[[Any], str]:
    name = _what(what)

    def validate(value: Any) -> str:
        value = value.strip()
        if not value and not allow_empty:
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must not be empty."), what=name)
        if len(value) > max_len:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} is too long (at most {count} characters)."),
                what=name,
                count=max_len,
            )
        if any(not ch.isprintable() for ch in value):
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must not contain control characters."), what=name
            )
        return value

    return validate


def _endpoints(value: Any) -> dict[str, str]:
    result: dict[str, str] = {}
    for key, path in value.items():
        if key not in ENDPOINT_KEYS:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "Unknown endpoint {key}; known endpoints are {known}."),
                key=repr(key),
                known=", ".join(ENDPOINT_KEYS),
            )
        if not isinstance(path, str):
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "The path for endpoint {key} must be text."), key=repr(key)
            )
        if not path.startswith("/") or path.startswith("//"):
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    _CTX, "The path for endpoint {key} must start with a single '/'."
                ),
                key=repr(key),
            )
        if "://" in path or any(ch.isspace() for ch in path):
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "The path for endpoint {key} must be a path, not a URL."),
                key=repr(key),
            )
        result[key] = path
    return result


def _choice(what: str, choices: tuple[str, ...]) -> Callable[[Any], str]:
    name = _what(what)

    def validate(value: Any) -> str:
        if value not in choices:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must be one of {options} (got {value})."),
                what=name,
                options=", ".join(repr(c) for c in choices),
                value=repr(value),
            )
        return value

    return validate


def _proxy_url(value: Any) -> str:
    value = value.strip()
    if not value:
        return ""
    return _check_url(
        value,
        what=_what(QT_TRANSLATE_NOOP(_CTX, "The proxy URL")),
        schemes=("http", "https", "socks5", "socks5h"),
        https_unless_local=False,
    )


#: "between … and …" in each unit a range can have (whole sentences translate better).
_RANGE_MESSAGES = {
    "seconds": QT_TRANSLATE_NOOP(
        _CTX, "{what} must be between {low} and {high} seconds (got {value})."
    ),
    "minutes": QT_TRANSLATE_NOOP(
        _CTX, "{what} must be between {low} and {high} minutes (got {value})."
    ),
}


def _int_range(what: str, low: int, high: int, unit: str) -> Callable[[Any], int]:
    name, template = _what(what), _RANGE_MESSAGES[unit]

    def validate(value: Any) -> int:
        if not low <= value <= high:
            raise SettingsError(template, what=name, low=low, high=high, value=value)
        return value

    return validate


def _float_range(what: str, low: float, high: float, unit: str) -> Callable[[Any], float]:
    name, template = _what(what), _RANGE_MESSAGES[unit]

    def validate(value: Any) -> float:
        if not low <= value <= high:
            raise SettingsError(
                template, what=name, low=f"{low:g}", high=f"{high:g}", value=f"{value:g}"
            )
        return float(value)

    return validate


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


def _money(what: str, *, minimum: Decimal) -> Callable[[Any], Decimal]:
    name = _what(what)
    return lambda value: _check_money(value, name, minimum=minimum)


def _rate(what: str, *, maximum: Decimal) -> Callable[[Any], Decimal]:
    """A positive, finite number no larger than ``maximum``."""
    name = _what(what)

    def validate(value: Decimal) -> Decimal:
        if not value.is_finite():
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be a number."), what=name)
        if value <= 0:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} must be more than 0 (got {value})."),
                what=name,
                value=value,
            )
        if value > maximum:
            raise SettingsError(
                QT_TRANSLATE_NOOP(_CTX, "{what} is too large (got {value})."),
                what=name,
                value=value,
            )
        return value

    return validate


_MAX_PRESETS = 12


def _presets(value: Any) -> list[Decimal]:
    if len(value) > _MAX_PRESETS:
        raise SettingsError(
            QT_TRANSLATE_NOOP(_CTX, "At most {count} recharge presets are allowed."),
            count=_MAX_PRESETS,
        )
    result: list[Decimal] = []
    what = _what(QT_TRANSLATE_NOOP(_CTX, "A recharge preset"))
    for amount in value:
        amount = _check_money(amount, what, minimum=Decimal("0.01"))
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
        "Base URL of the OhMyGPT API.",
        _service_url(QT_TRANSLATE_NOOP(_CTX, "The API base URL")),
    ),
    SettingSpec(
        "auth_base_url",
        str,
        "https://next.ohmygpt.com",
        "Base URL of the OhMyGPT sign-in (OAuth) pages.",
        _service_url(QT_TRANSLATE_NOOP(_CTX, "The sign-in base URL")),
    ),
    SettingSpec(
        "client_id",
        str,
        "",
        "OAuth client id of this app.",
        _plain_text(QT_TRANSLATE_NOOP(_CTX, "The client id"), allow_empty=True),
    ),
    SettingSpec(
        "redirect_uri",
        str,
        "",
        "OAuth redirect URI; empty means {auth_base_url}" + OAUTH_SUCCEED_PATH + ".",
        _redirect_uri,
    ),
    SettingSpec(
        "scope",
        str,
        "general_api_access",
        "OAuth scope requested at sign-in.",
        _plain_text(QT_TRANSLATE_NOOP(_CTX, "The OAuth scope"), allow_empty=False),
    ),
    SettingSpec(
        "endpoints",
        dict,
        {},
        "Overrides of API paths (" + ", ".join(ENDPOINT_KEYS) + ").",
        _endpoints,
    ),
    SettingSpec(
        "proxy_mode",
        str,
        "system",
        "Network proxy: the system's, none, or a custom proxy URL.",
        _choice(QT_TRANSLATE_NOOP(_CTX, "The proxy mode"), ("system", "none", "custom")),
    ),
    SettingSpec(
        "proxy_url",
        str,
        "",
        "Custom proxy URL (http://, https:// or socks5://), used when proxy_mode is custom.",
        _proxy_url,
    ),
    SettingSpec(
        "language",
        str,
        "system",
        "User interface language.",
        _choice(QT_TRANSLATE_NOOP(_CTX, "The language"), ("system", "en", "zh_CN", "ja")),
    ),
    SettingSpec(
        "theme",
        str,
        "system",
        "Colour theme.",
        _choice(QT_TRANSLATE_NOOP(_CTX, "The theme"), ("system", "light", "dark")),
    ),
    SettingSpec(
        "refresh_interval_s",
        int,
        300,
        "Seconds between automatic balance refreshes.",
        _int_range(QT_TRANSLATE_NOOP(_CTX, "The refresh interval"), 30, 86400, "seconds"),
    ),
    SettingSpec(
        "payment_watch_minutes",
        int,
        30,
        "Minutes to watch the balance after opening a payment page.",
        _int_range(QT_TRANSLATE_NOOP(_CTX, "The payment watch time"), 1, 1440, "minutes"),
    ),
    SettingSpec(
        "recharge_min",
        Decimal,
        Decimal("1"),
        "Smallest recharge amount offered, in USD.",
        _money(QT_TRANSLATE_NOOP(_CTX, "The minimum recharge"), minimum=Decimal("0.01")),
    ),
    SettingSpec(
        "recharge_max",
        Decimal,
        Decimal("1000"),
        "Largest recharge amount offered, in USD.",
        _money(QT_TRANSLATE_NOOP(_CTX, "The maximum recharge"), minimum=Decimal("0.01")),
    ),
    SettingSpec(
        "recharge_presets",
        list,
        [Decimal(5), Decimal(10), Decimal(20), Decimal(50), Decimal(100)],
        "Quick-pick recharge amounts, in USD.",
        _presets,
    ),
    SettingSpec(
        "low_balance_usd",
        Decimal,
        Decimal("1.00"),
        "Warn when the balance falls below this many USD.",
        _money(QT_TRANSLATE_NOOP(_CTX, "The low-balance warning level"), minimum=Decimal(0)),
    ),
    SettingSpec(
        "credits_per_usd",
        Decimal,
        Decimal(34000),
        "API credits per US dollar, used to show balances in USD and to check that a "
        "payment arrived. The OhMyGPT documentation does not state this rate; 34000 is "
        "what public integrations use. Correct it if OhMyGPT tells you otherwise.",
        _rate(
            QT_TRANSLATE_NOOP(_CTX, "The number of credits per US dollar"), maximum=Decimal(10**9)
        ),
    ),
    SettingSpec(
        "request_deadline_s",
        float,
        60.0,
        "Seconds after which a request to the API is given up, however slowly its reply arrives.",
        _float_range(QT_TRANSLATE_NOOP(_CTX, "The request time limit"), 1.0, 600.0, "seconds"),
    ),
    SettingSpec(
        "keyring_timeout_s",
        float,
        3.0,
        "Seconds to wait for the system keyring before giving up.",
        _float_range(QT_TRANSLATE_NOOP(_CTX, "The keyring timeout"), 0.1, 60.0, "seconds"),
    ),
)

SPECS: dict[str, SettingSpec] = {spec.name: spec for spec in SETTINGS}

# ------------------------------------------------------- conversion and JSON

_DECIMAL_LISTS = {"recharge_presets"}


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


def coerce(spec: SettingSpec, value: Any, *, from_text: bool = False) -> Any:
    """Convert ``value`` (JSON, a Python value, or text when ``from_text``) to ``spec.type``.

    Raises :class:`SettingsError` (a :class:`ValueError`) with a human message.
    """
    what = f"'{spec.name}'"  # the key as written in the file: not translated
    if spec.type is str:
        if not isinstance(value, str):
            raise SettingsError(QT_TRANSLATE_NOOP(_CTX, "{what} must be text."), what=what)
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
            if spec.name in _DECIMAL_LISTS and not text.startswith("["):
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
        if spec.name in _DECIMAL_LISTS:
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


def _check(spec: SettingSpec, value: Any, *, from_text: bool = False) -> Any:
    """Coerce and validate; raises :class:`SettingsError` with a human message."""
    return spec.validate(coerce(spec, value, from_text=from_text))


# ------------------------------------------------------------------- Settings


class Settings:
    """Resolved settings with attribute access (``settings.api_base_url``)."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._file: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}
        self._env: dict[str, tuple[Any, str]] = {}
        self._overrides: dict[str, Any] = {}
        self._listeners: list[Listener] = []
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
    ) -> Settings:
        """Read ``path`` (missing is fine) and apply ``env`` and ``overrides``.

        ``env`` defaults to ``os.environ``; empty environment variables are
        ignored. A bad environment or override value raises :class:`SettingsError`
        naming where it came from. A damaged file does not raise: see
        :attr:`load_problem`.
        """
        settings = cls(path)
        settings._read_file()
        environ = os.environ if env is None else env
        for spec in SETTINGS:
            if spec.env is None:
                continue
            text = environ.get(spec.env)
            if text is None or text.strip() == "":
                continue
            try:
                settings._env[spec.name] = (_check(spec, text, from_text=True), spec.env)
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
            try:
                self._overrides[name] = _check(spec, value, from_text=isinstance(value, str))
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
                self._file[key] = _check(spec, value)
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
        """Effective value: override > environment > file > default (a copy)."""
        spec = self._spec(name)
        if name in self._overrides:
            value = self._overrides[name]
        elif name in self._env:
            value = self._env[name][0]
        elif name in self._file:
            value = self._file[name]
        else:
            return spec.default_value()
        return copy.deepcopy(value)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in SPECS:
            raise AttributeError(name)
        return self.get(name)

    def overridden(self, name: str) -> bool:
        """True when the environment or the command line decides this setting."""
        self._spec(name)
        return name in self._overrides or name in self._env

    def override_source(self, name: str) -> str | None:
        """``"command line"``, the environment variable name, or ``None``."""
        self._spec(name)
        if name in self._overrides:
            return "command line"
        if name in self._env:
            return self._env[name][1]
        return None

    def effective_redirect_uri(self) -> str:
        return self.get("redirect_uri") or self.get("auth_base_url").rstrip("/") + (
            OAUTH_SUCCEED_PATH
        )

    # ---- writing

    def set(self, name: str, value: Any) -> None:
        """Validate and store a file-level value (takes effect unless overridden)."""
        spec = self._spec(name)
        checked = _check(spec, value)
        before = self.get(name)
        self._changed.add(name)
        self._file[name] = checked
        after = self.get(name)
        if after != before:
            self._notify(name, after)

    def reset(self, name: str) -> None:
        """Forget the file-level value so the default applies again."""
        self._spec(name)
        before = self.get(name)
        self._changed.add(name)
        self._file.pop(name, None)
        after = self.get(name)
        if after != before:
            self._notify(name, after)

    def save(self) -> None:
        """Write this process's changes on top of the file as it is now, atomically.

        Read-merge-write under a lock file beside the settings file, so several
        processes saving at once lose nothing: this process's changes win and the
        file keeps the rest. Never writes environment or command-line values.
        Raises :class:`SettingsError`.
        """
        lock = FileLock(self._path.with_name(self._path.name + ".lock"))
        try:
            if not lock.acquire(timeout=_SAVE_LOCK_TIMEOUT_S):
                raise self._save_error("another program kept the settings file locked")
            try:
                data = self._merged(self._on_disk())
                text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
                write_private(self._path, text)
            finally:
                lock.release()
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
                _check(spec, value)
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

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(name, effective_value)`` after a change."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, name: str, value: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(name, copy.deepcopy(value))
            except Exception:
                log.exception("A settings listener failed for %s", name)

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
    "SETTINGS",
    "SPECS",
    "SettingSpec",
    "Settings",
    "SettingsError",
    "coerce",
    "redact_url",
]
