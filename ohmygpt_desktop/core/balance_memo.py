"""The last balance read for each account, kept between runs. Plain Python (no Qt).

The command line's ``accounts`` lists it without asking the server, and ``balance``
writes each reading to it. ``balances.json`` in the profile's cache folder::

    {"version": 1, "balances": {"888@api.ohmygpt.com":
        {"credits": "340000", "free_credits": "0", "read_at": "2026-12-01T16:00:00+00:00"}}}

Written read-merge-write under a lock file (``core/files.py``), so processes saving at
once lose nothing. It is a cache: a missing, damaged or unreadable file only means
"not read yet", and a reading that cannot be saved is logged and forgotten.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ohmygpt_desktop.api import Balance
from ohmygpt_desktop.core.files import write_merged_json

log = logging.getLogger(__name__)

FILE_NAME = "balances.json"
_FORMAT = 1
_SAVE_LOCK_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Reading:
    """One account's balance, and when it was read."""

    balance: Balance
    read_at: datetime


class BalanceMemo:
    """The file of last readings (see the module's description)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _raw(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        balances = data.get("balances") if isinstance(data, dict) else None
        return balances if isinstance(balances, dict) else {}

    def load(self) -> dict[str, Reading]:
        """The readings by account key; entries that make no sense are left out."""
        readings: dict[str, Reading] = {}
        for key, entry in self._raw().items():
            try:
                readings[str(key)] = Reading(
                    Balance(Decimal(entry["credits"]), Decimal(entry["free_credits"])),
                    datetime.fromisoformat(entry["read_at"]),
                )
            except (KeyError, TypeError, ValueError, InvalidOperation):
                continue
        return readings

    def save(self, key: str, balance: Balance, read_at: datetime) -> None:
        """Keep ``key``'s reading (a failure is logged: it is only a cache)."""
        entry = {
            "credits": str(balance.balance),
            "free_credits": str(balance.free_balance),
            "read_at": read_at.isoformat(timespec="seconds"),
        }

        def merged() -> dict[str, Any]:
            return {"version": _FORMAT, "balances": {**self._raw(), key: entry}}

        try:
            write_merged_json(self.path, merged, timeout=_SAVE_LOCK_TIMEOUT_S)
        except OSError as exc:
            log.warning("Could not keep the balance just read: %s", exc)


__all__ = ["FILE_NAME", "BalanceMemo", "Reading"]
