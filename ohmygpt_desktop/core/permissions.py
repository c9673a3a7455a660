"""Whether this app may create recharge orders, known before anyone tries.

Creating a recharge order needs the OAuth app's ``trusted_advanced_access``
permission level (docs/api.md#checkout-order). The app knows it lacks that level
when the deployment declares another one (the ``permission_level`` setting, usually
provisioned), or when OhMyGPT already refused an order for lack of permission for
this app: that is remembered per (API host, client id) in a small file in the data
folder, so the Recharge dialog can say so instead of sending a request that gets
a 403. Plain Python, no Qt.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ohmygpt_desktop.core.files import write_private
from ohmygpt_desktop.core.settings import RECHARGE_PERMISSION_LEVEL
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

if TYPE_CHECKING:
    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)

_CTX = "Recharge"
FILE_NAME = "app-permissions.json"


class RechargeNotAllowed(Problem):
    """This app's OAuth app is known to lack the level recharge orders need.

    :attr:`learned` tells the two reasons apart: a refusal seen before (the person
    may try again, the level may have changed since), or the declared level.
    """

    context = _CTX

    def __init__(self, *, declared: str = "") -> None:
        self.learned = not declared
        if declared:
            template = QT_TRANSLATE_NOOP(
                _CTX,
                "This app cannot create recharge orders: its OhMyGPT app has the permission "
                "level “{level}”, and recharge orders need “{needed}”. Recharge on the "
                "OhMyGPT website instead.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                _CTX,
                "This app cannot create recharge orders: OhMyGPT refused one before because "
                "its OhMyGPT app does not have the “{needed}” permission level. Recharge on "
                "the OhMyGPT website instead.",
            )
        super().__init__(template, level=declared, needed=RECHARGE_PERMISSION_LEVEL)


class AppPermissions:
    """What is known of the OAuth app's permission level (see the module doc)."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self.settings = settings
        self._refused: dict[str, str] = self._read()

    @staticmethod
    def _key(host: str, client_id: str) -> str:
        return f"{client_id}@{host}"

    def recharge_refusal(self, host: str, client_id: str) -> RechargeNotAllowed | None:
        """Why recharge orders cannot work for this app on ``host``, or ``None``."""
        declared = self.settings.permission_level
        if declared and declared != RECHARGE_PERMISSION_LEVEL:
            return RechargeNotAllowed(declared=declared)
        if self._key(host, client_id) in self._refused:
            return RechargeNotAllowed()
        return None

    def learn_refused(self, host: str, client_id: str) -> None:
        """OhMyGPT refused a recharge order of this app for lack of permission."""
        key = self._key(host, client_id)
        if key in self._refused:
            return
        log.info("Remembering that the app %s may not create recharge orders", key)
        self._refused[key] = datetime.now(UTC).isoformat(timespec="seconds")
        self._write()

    def forget(self, host: str, client_id: str) -> None:
        """Try again: the app's level may have changed since the refusal."""
        if self._refused.pop(self._key(host, client_id), None) is not None:
            self._write()

    def _read(self) -> dict[str, str]:
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # only a cache of what was seen: start afresh
            log.warning("Ignoring %s (%s)", self.path, type(exc).__name__)
            return {}
        refused = data.get("recharge_refused") if isinstance(data, dict) else None
        if not isinstance(refused, dict):
            return {}
        return {k: v for k, v in refused.items() if isinstance(k, str) and isinstance(v, str)}

    def _write(self) -> None:
        text = json.dumps({"recharge_refused": self._refused}, indent=2) + "\n"
        try:
            write_private(self.path, text)
        except OSError as exc:  # still known for this run
            log.warning("Could not save %s: %s", self.path, exc.strerror or exc)


__all__ = ["FILE_NAME", "AppPermissions", "RechargeNotAllowed"]
