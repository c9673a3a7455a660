"""``--show-config``: every effective setting, its value and where it comes from.

For administrators checking a provisioned installation: which provisioning files
were found, then one line per setting (and the client secret, only ever as "set
(hidden)" or "not set"). No window, no Qt, nothing written; exit 0, or 2 with the
reason when a provisioning file, an environment variable or a flag cannot be used.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from ohmygpt_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from ohmygpt_desktop.app import Options
    from ohmygpt_desktop.core.settings import Settings

#: Exit status for a configuration that cannot be used (as for a bad flag).
BAD_CONFIGURATION = 2


def show_config(options: Options, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from ohmygpt_desktop.app import load_settings, profile_paths
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.provisioning import ProvisioningError
    from ohmygpt_desktop.core.settings import SettingsError

    out = out or sys.stdout
    err = err or sys.stderr
    base = AppPaths.under(options.home) if options.home else AppPaths.default()
    paths = profile_paths(base, demo=options.sandbox)
    try:
        settings = load_settings(
            paths.settings_file, demo=options.sandbox, overrides=options.overrides
        )
    except (ProvisioningError, SettingsError) as exc:
        print(f"{APP_NAME}: {exc}", file=err)
        return BAD_CONFIGURATION
    out.write(report(settings))
    return 0


def report(settings: Settings) -> str:
    """The text ``--show-config`` prints."""
    from ohmygpt_desktop.core.settings import SECRETS, SETTINGS, redact_url

    lines = [f"{APP_NAME} {__version__}: effective settings", ""]
    provisioning = settings.provisioning
    if provisioning is None:
        lines.append("Provisioning: not used (demo mode)")
    else:
        lines.append("Provisioning files, lowest first:")
        for origin, found in provisioning.searched:
            lines.append(f"  {origin.kind}: {origin.where} ({'read' if found else 'not found'})")
    lines.append(f"Settings file: {settings.path}")
    if settings.load_problem:
        lines.append(f"  {settings.load_problem}")
    lines.append("")

    rows: list[tuple[str, str, str]] = []
    for spec in SETTINGS:
        origin = str(settings.origin(spec.name))
        if settings.locked(spec.name):
            origin += ", locked"
        rows.append((spec.name, _shown(settings.get(spec.name), redact_url), origin))
        rows += [_secret_row(settings, s.name) for s in SECRETS if s.follows == spec.name]
    width = max(len(name) for name, _value, _origin in rows) + 2
    value_width = min(48, max(len(value) for _name, value, _origin in rows)) + 2
    lines.append(f"{'setting':<{width}}{'value':<{value_width}}from")
    for name, value, origin in rows:
        lines.append(f"{name:<{width}}{value:<{value_width}}{origin}".rstrip())
    if provisioning is not None and provisioning.locked:
        lines += ["", "Locked by the provisioning: " + ", ".join(sorted(provisioning.locked))]
    lines += [
        "",
        "client_secret: only a provisioned one is shown. One entered in Settings stays in "
        "the system keyring, which this command does not read.",
    ]
    return "\n".join(lines) + "\n"


def _secret_row(settings: Settings, name: str) -> tuple[str, str, str]:
    """A secret's row (the client secret: the only one), never its value."""
    from ohmygpt_desktop.core.settings import Origin

    provisioning = settings.provisioning
    secret = provisioning.client_secret if provisioning is not None else None
    locked = ", locked" if provisioning is not None and name in provisioning.locked else ""
    if secret is None:
        return (name, "not set", Origin.DEFAULT + locked)
    return (name, "set (hidden)", str(secret[1]) + locked)


def _shown(value: Any, redact_url: Any) -> str:
    """A value as the settings file would hold it; "(empty)" for empty text."""
    if isinstance(value, str):
        return redact_url(value) if "@" in value and "://" in value else (value or "(empty)")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list):
        return ", ".join(
            format(item, "f") if isinstance(item, Decimal) else str(item) for item in value
        )
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else "{}"
    return str(value)
