"""Provisioning: an organisation sets the app up once, its people just sign in.

A ``provisioning.json`` holds settings under their own names (``client_id``,
``api_base_url``, ``scope``, ``organization``, ``support``, ``token_exchange_url``,
``permission_level``…), and may add ``client_secret`` (never written anywhere: it stays
in memory) and ``locked``, the keys people cannot change. Each value is checked by its
setting's own validation; a file with anything else is refused as a whole, naming the
file and the problem (:class:`ProvisioningError`).

The files are read lowest first, each overriding the ones before:

1. the bundle's (``python3 .ci/dev.py build --provisioning FILE`` bakes one in);
2. the system's: on Linux ``$XDG_CONFIG_DIRS`` (default ``/etc/xdg``), each entry +
   ``/ohmygpt-desktop/provisioning.json``, the first entry winning; on Windows and macOS
   the platform's site configuration folder (``%PROGRAMDATA%\\OhMyGPT\\ohmygpt-desktop``,
   ``/Library/Application Support/ohmygpt-desktop``);
3. the file named by the environment variable ``OHMYGPT_PROVISIONING``.

Then come the person's settings file, the environment and the flags
(:class:`~ohmygpt_desktop.core.settings.Settings`), except for locked keys. Plain
Python, no Qt.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ohmygpt_desktop.api.models import Secret
from ohmygpt_desktop.core.client_secret import ClientSecretRefused, check_secret_text
from ohmygpt_desktop.core.files import nested_deeper_than
from ohmygpt_desktop.core.paths import APP_AUTHOR, APP_DIR_NAME
from ohmygpt_desktop.core.settings import SECRETS, SPECS, Origin, SettingsError, check_setting
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Sentences, Text

_CTX = "Provisioning"

FILE_NAME = "provisioning.json"
#: Names a provisioning file to read after the bundle's and the system's.
ENV_VAR = "OHMYGPT_PROVISIONING"
#: The keys a provisioning file may hold besides the settings.
LOCKED_KEY = "locked"
SECRET_KEYS = frozenset(spec.provisioning_key for spec in SECRETS)
_MAX_DEPTH = 32


class ProvisioningError(Problem):
    """A provisioning file cannot be used; the app does not start with it (exit 2)."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The provisioning file {path} cannot be used: {problem}")

    def __init__(self, path: Path, problem: Text | Sentences) -> None:
        self.path = path
        super().__init__(path=path, problem=problem)


@dataclass(frozen=True)
class Provisioning:
    """What the provisioning files set, merged (later files win)."""

    #: Setting name → (checked value, the file it came from).
    values: Mapping[str, tuple[Any, Origin]] = field(default_factory=dict)
    #: Keys people cannot change (settings, or ``client_secret``).
    locked: frozenset[str] = frozenset()
    #: The OAuth app's client secret and its file (only ever in memory).
    client_secret: tuple[Secret, Origin] | None = None
    #: Every file looked for, lowest first, and whether it was there.
    searched: tuple[tuple[Origin, bool], ...] = ()

    def secret_for(self, client_id: str) -> Secret | None:
        """The provisioned client secret, when ``client_id`` is the provisioned app's."""
        if self.client_secret is None or not client_id:
            return None
        provisioned_id = self.values.get("client_id", ("", None))[0]
        return self.client_secret[0] if client_id == provisioned_id else None


def candidates(env: Mapping[str, str] | None = None, *, bundle: Path | None = None) -> list[Origin]:
    """Where provisioning files are looked for, lowest first (see the module doc).

    ``bundle``: the bundle's file (default: ``resources/provisioning.json``).
    """
    from ohmygpt_desktop.resources import resource_path

    environ = os.environ if env is None else env
    found = [Origin(Origin.BUNDLE, str(bundle or resource_path(FILE_NAME)))]
    found += [Origin(Origin.SYSTEM, str(path)) for path in reversed(system_files(environ))]
    named = environ.get(ENV_VAR, "").strip()
    if named:
        found.append(Origin(Origin.PROVISIONING_ENV, named))
    return found


def system_files(env: Mapping[str, str]) -> list[Path]:
    """The system's provisioning files, most important first."""
    if sys.platform.startswith(("win", "darwin")):
        import platformdirs

        folder = platformdirs.site_config_dir(APP_DIR_NAME, APP_AUTHOR)
        return [Path(folder) / FILE_NAME]
    dirs = [d for d in env.get("XDG_CONFIG_DIRS", "").split(os.pathsep) if d.strip()]
    return [Path(d) / APP_DIR_NAME / FILE_NAME for d in dirs or ["/etc/xdg"]]


def load_provisioning(
    env: Mapping[str, str] | None = None, *, bundle: Path | None = None
) -> Provisioning:
    """Read and merge the provisioning files; raises :class:`ProvisioningError`."""
    values: dict[str, tuple[Any, Origin]] = {}
    locked: set[str] = set()
    secret: tuple[Secret, Origin] | None = None
    searched: list[tuple[Origin, bool]] = []
    for origin in candidates(env, bundle=bundle):
        data = read_file(Path(origin.where), required=origin.kind == Origin.PROVISIONING_ENV)
        searched.append((origin, data is not None))
        if data is None:
            continue
        for key, value in data.items():
            if key == LOCKED_KEY:
                locked |= value
            elif key in SECRET_KEYS:
                secret = (value, origin)
            else:
                values[key] = (value, origin)
        if secret is not None and secret[1] is origin and "client_id" not in values:
            raise ProvisioningError(
                Path(origin.where),
                _text(QT_TRANSLATE_NOOP(_CTX, "client_secret needs a client_id as well.")),
            )
    return Provisioning(values, frozenset(locked), secret, tuple(searched))


def read_file(path: Path, *, required: bool = False) -> dict[str, Any] | None:
    """The checked values of one provisioning file (``locked`` as a set, the client
    secret as a :class:`Secret`); ``None`` when it does not exist and is not
    ``required``. Raises :class:`ProvisioningError` naming every problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not required:
            return None
        raise ProvisioningError(
            path, _text(QT_TRANSLATE_NOOP(_CTX, "it does not exist."))
        ) from None
    except OSError as exc:
        raise ProvisioningError(
            path,
            Text(
                _CTX,
                QT_TRANSLATE_NOOP(_CTX, "it could not be read ({reason})."),
                reason=exc.strerror or type(exc).__name__,
            ),
        ) from None
    data = _decode(path, raw)
    checked: dict[str, Any] = {}
    problems: list[Text] = []
    for key, value in data.items():
        try:
            checked[key] = _check_key(key, value)
        except SettingsError as exc:
            problems.append(
                Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "{key}: {problem}"), key=key, problem=exc)
            )
        except _Refused as refused:
            problems.append(refused.text)
    if checked.get("client_secret") and checked.get("token_exchange_url"):
        problems.append(
            _text(QT_TRANSLATE_NOOP(_CTX, "give client_secret or token_exchange_url, not both."))
        )
    if problems:
        raise ProvisioningError(path, Sentences(problems))
    return checked


class _Refused(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def _text(template: str, **params: Any) -> Text:
    return Text(_CTX, template, **params)


def _decode(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProvisioningError(
            path, _text(QT_TRANSLATE_NOOP(_CTX, "it is not a UTF-8 text file."))
        ) from None
    except json.JSONDecodeError as exc:
        raise ProvisioningError(
            path,
            _text(
                QT_TRANSLATE_NOOP(_CTX, "it is not valid JSON (line {line}, column {column})."),
                line=exc.lineno,
                column=exc.colno,
            ),
        ) from None
    except (ValueError, RecursionError):
        raise ProvisioningError(
            path, _text(QT_TRANSLATE_NOOP(_CTX, "it is not valid JSON."))
        ) from None
    if not isinstance(data, dict) or nested_deeper_than(data, _MAX_DEPTH):
        raise ProvisioningError(
            path, _text(QT_TRANSLATE_NOOP(_CTX, "it does not hold a JSON object of settings."))
        )
    return data


def _check_key(key: str, value: Any) -> Any:
    """One key's value, checked; raises :class:`SettingsError` or :class:`_Refused`."""
    spec = SPECS.get(key)
    if spec is not None:  # the setting's own validation, as for the settings file
        return check_setting(spec, value)
    if key == LOCKED_KEY:
        return _locked(value)
    if key in SECRET_KEYS:
        return _secret(value)
    raise _Refused(
        _text(
            QT_TRANSLATE_NOOP(_CTX, "{key} is not a setting a provisioning file can hold."),
            key=repr(key),
        )
    )


def _locked(value: Any) -> set[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Refused(_text(QT_TRANSLATE_NOOP(_CTX, "locked must be a list of setting names.")))
    unknown = [item for item in value if item not in SPECS and item not in SECRET_KEYS]
    if unknown:
        raise _Refused(
            _text(
                QT_TRANSLATE_NOOP(_CTX, "locked names {key}, which is not a setting."),
                key=repr(unknown[0]),
            )
        )
    return set(value)


def _secret(value: Any) -> Secret:
    """Text by the rule typed secrets follow (:func:`check_secret_text`), not empty."""
    refused = _Refused(
        _text(QT_TRANSLATE_NOOP(_CTX, "client_secret must be text without spaces or line breaks."))
    )
    if not isinstance(value, str) or not value:
        raise refused
    try:
        check_secret_text(value)
    except ClientSecretRefused:
        raise refused from None
    return Secret(value)


__all__ = [
    "ENV_VAR",
    "FILE_NAME",
    "Provisioning",
    "ProvisioningError",
    "candidates",
    "load_provisioning",
    "read_file",
    "system_files",
]
