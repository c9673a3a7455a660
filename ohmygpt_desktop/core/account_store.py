"""The signed-in accounts the app remembers: their own file, not settings.

Plain Python (no Qt). ``accounts.json`` sits in the data folder next to the token
file; it holds what the app knows about each account (never a token) and which
account is shown::

    {"version": 1, "current": "888@api.ohmygpt.com", "accounts": [{...}, ...]}

It is written like the settings file: owner-only, atomically, read-merge-write
under a lock file, so several processes saving at once lose no account. A damaged
file never crashes the app: a copy is kept beside it and :attr:`AccountStore.load_problem_text`
says what happened. Accounts used to live in ``settings.json``;
:meth:`AccountStore.load` moves them out of it once.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from ohmygpt_desktop.core.files import (
    LockBusy,
    keep_copy,
    nested_deeper_than,
    write_merged_json,
)
from ohmygpt_desktop.core.settings import Settings, SettingsError
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Sentences, Text

log = logging.getLogger(__name__)

_CTX = "Accounts"
_FORMAT = 1
#: Records nest two levels (file → list → record); deeper values are kept as they are,
#: but a file nested far deeper is damage (and would overflow the stack when written).
_MAX_DEPTH = 32
#: How long a save waits for another process to finish saving.
_SAVE_LOCK_TIMEOUT_S = 5.0
#: The keys under which settings.json held the accounts before they had a file of their own.
LEGACY_KEYS = ("accounts", "current_account")


class AccountStoreError(Problem, ValueError):
    """An account record was rejected, or the account list could not be saved."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The account is not valid.")


def _the_account() -> Text:
    return Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "The account"))


@dataclass
class AccountRecord:
    """What the app remembers about a signed-in account. Never the token."""

    user_id: str
    email: str
    host: str
    added_at: str
    last_used_at: str
    token_storage: str
    scope: str
    needs_reauth: bool = False

    @property
    def key(self) -> str:
        return f"{self.user_id}@{self.host}"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, where: Text | str | None = None
    ) -> AccountRecord:
        """Build and validate a record; raises :class:`AccountStoreError` with a human message.

        ``where`` names the record in messages (default: "The account").
        """
        where = _the_account() if where is None else where
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                if f.name == "needs_reauth":
                    continue
                raise AccountStoreError(
                    QT_TRANSLATE_NOOP(_CTX, "{where} has no {field}."),
                    where=where,
                    field=repr(f.name),
                )
            values[f.name] = data[f.name]
        record = cls(**values)
        record.check(where)
        return record

    def check(self, where: Text | str | None = None) -> None:
        """Raise :class:`AccountStoreError` when a field is not acceptable."""
        where = _the_account() if where is None else where
        for name in ("user_id", "email", "host", "added_at", "last_used_at", "scope"):
            if not isinstance(getattr(self, name), str):
                raise AccountStoreError(
                    QT_TRANSLATE_NOOP(_CTX, "{where}: {field} must be text."),
                    where=where,
                    field=repr(name),
                )
        if not self.user_id.strip():
            raise AccountStoreError(
                QT_TRANSLATE_NOOP(_CTX, "{where} has an empty user id."), where=where
            )
        if not self.host or any(ch.isspace() or ch in "/@" for ch in self.host):
            raise AccountStoreError(
                QT_TRANSLATE_NOOP(_CTX, "{where} has an invalid host {host}."),
                where=where,
                host=repr(self.host),
            )
        for name in ("added_at", "last_used_at"):
            try:
                datetime.fromisoformat(getattr(self, name))
            except ValueError:
                raise AccountStoreError(
                    QT_TRANSLATE_NOOP(_CTX, "{where}: {field} is not an ISO date and time."),
                    where=where,
                    field=repr(name),
                ) from None
        from ohmygpt_desktop.core.tokens import TokenStorage  # asyncio: not needed at start-up

        if self.token_storage not in {s.value for s in TokenStorage}:
            raise AccountStoreError(
                QT_TRANSLATE_NOOP(_CTX, "{where}: 'token_storage' must be one of {options}."),
                where=where,
                options=", ".join(repr(s.value) for s in TokenStorage),
            )
        if not isinstance(self.needs_reauth, bool):
            raise AccountStoreError(
                QT_TRANSLATE_NOOP(_CTX, "{where}: 'needs_reauth' must be true or false."),
                where=where,
            )


def _item_key(item: Any) -> str | None:
    """The key of a stored account object (``user_id@host``), ``None`` when it has none."""
    if isinstance(item, dict):
        user_id, host = item.get("user_id"), item.get("host")
        if isinstance(user_id, str) and isinstance(host, str):
            return f"{user_id}@{host}"
    return None


def _parse(items: Any) -> tuple[dict[str, dict[str, Any]], list[Text]]:
    """The valid account objects by key (unknown fields kept), and why others were left out."""
    valid: dict[str, dict[str, Any]] = {}
    problems: list[Text] = []
    for index, item in enumerate(items if isinstance(items, list) else [], start=1):
        where = Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "Account #{index}"), index=index)
        if not isinstance(item, dict):
            problems.append(
                Text(
                    _CTX, QT_TRANSLATE_NOOP(_CTX, "Account #{index} is not an object."), index=index
                )
            )
            continue
        try:
            record = AccountRecord.from_dict(item, where=where)
        except AccountStoreError as exc:
            problems.append(exc.text)
            continue
        if record.key in valid:
            problems.append(
                Text(
                    _CTX,
                    QT_TRANSLATE_NOOP(_CTX, "The account {key} is listed twice."),
                    key=record.key,
                )
            )
            continue
        # Keep fields written by newer versions next to the ones we know.
        valid[record.key] = {**item, **record.to_dict()}
    return valid, problems


class AccountStore:
    """The accounts (in order) and the current one; every change is kept until :meth:`save`."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._items: dict[str, dict[str, Any]] = {}
        self._current = ""
        #: This process's changes since the last save, applied on top of the file:
        #: an account object, or ``None`` for a removal.
        self._changes: dict[str, dict[str, Any] | None] = {}
        self._current_changed = False
        #: Why the file was not (fully) used, or ``None``: translatable sentences.
        self.load_problem_text: Sentences | None = None
        self.backup_path: Path | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def load_problem(self) -> str | None:
        """:attr:`load_problem_text` in English (for the log), or ``None``."""
        return str(self.load_problem_text) if self.load_problem_text else None

    # ---- loading

    @classmethod
    def load(cls, path: Path, *, migrate_from: Settings | None = None) -> AccountStore:
        """Read ``path`` (missing is fine); then move the accounts still kept in
        ``migrate_from``'s file (older versions) into this store, once."""
        store = cls(path)
        data, raw = store._read()
        if data is not None:
            store._items, problems = _parse(data.get("accounts", []))
            current = data.get("current", "")
            store._current = current if isinstance(current, str) else ""
            if problems:
                store._report(problems, store._keep(raw))
        if migrate_from is not None:
            store._migrate(migrate_from)
        if store._current not in store._items:
            store._current = ""
        return store

    def _read(self) -> tuple[dict[str, Any] | None, bytes]:
        """The file's JSON object (``None`` when missing or damaged: then said why) and bytes."""
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None, b""
        except OSError as exc:
            self.load_problem_text = Sentences(
                [
                    Text(
                        _CTX,
                        QT_TRANSLATE_NOOP(
                            _CTX,
                            "The account list {path} could not be read ({reason}). "
                            "Sign in again to use your accounts.",
                        ),
                        path=self._path,
                        reason=exc.strerror or str(exc),
                    )
                ]
            )
            return None, b""
        data = _decode(raw)
        if data is None:
            backup = self._keep(raw)
            self.load_problem_text = Sentences(
                [
                    Text(
                        _CTX,
                        QT_TRANSLATE_NOOP(
                            _CTX,
                            "The account list {path} is damaged, so no account is shown. "
                            "Sign in again to use your accounts.",
                        ),
                        path=self._path,
                    ),
                    _copy_sentence(backup),
                ]
            )
        return data, raw

    def _keep(self, raw: bytes) -> Path | None:
        self.backup_path = keep_copy(self._path, raw)
        return self.backup_path

    def _report(self, problems: list[Text], backup: Path | None) -> None:
        self.load_problem_text = Sentences(
            [
                Text(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        _CTX, "Some accounts in {path} were not valid, so they are not shown."
                    ),
                    path=self._path,
                ),
                _copy_sentence(backup),
                *problems,
            ]
        )

    def _migrate(self, settings: Settings) -> None:
        """Accounts an older version kept in the settings file move here (nothing is lost:
        settings.json lets go of them only once this file has them)."""
        legacy = {key: settings.legacy(key) for key in LEGACY_KEYS}
        if all(value is None for value in legacy.values()):
            return
        items, problems = _parse(legacy["accounts"])
        for key, item in items.items():
            if key not in self._items:
                self._items[key] = item
                self._changes[key] = copy.deepcopy(item)
        current = legacy["current_account"]
        if not self._current and isinstance(current, str) and current in self._items:
            self._current = current
            self._current_changed = True
        if problems:
            self.backup_path = keep_copy(settings.path, json.dumps(legacy, indent=2).encode())
            self._report(problems, self.backup_path)
        try:
            self.save()
        except AccountStoreError as exc:
            log.warning("Accounts stay in the settings file for now: %s", exc)
            return
        log.info("Moved %d account(s) from %s to %s", len(items), settings.path, self._path)
        for key in LEGACY_KEYS:
            settings.drop_legacy(key)
        try:
            settings.save()
        except SettingsError as exc:  # harmless: the next start finds them here already
            log.warning("Could not remove the accounts from the settings file: %s", exc)

    # ---- reading

    def records(self) -> list[AccountRecord]:
        return [AccountRecord.from_dict(item) for item in self._items.values()]

    def get(self, key: str) -> AccountRecord | None:
        item = self._items.get(key)
        return AccountRecord.from_dict(item) if item is not None else None

    @property
    def current(self) -> str:
        """The key of the account shown, or ``""``."""
        return self._current

    # ---- changing

    def upsert(self, record: AccountRecord) -> None:
        """Add ``record``, or replace the account with the same key in place."""
        record.check()
        item = {**self._items.get(record.key, {}), **record.to_dict()}
        self._items[record.key] = item
        self._changes[record.key] = copy.deepcopy(item)

    def remove(self, key: str) -> None:
        """Forget an account (unknown keys are ignored). If it was the current one,
        the first remaining account becomes current (or none is)."""
        if self._items.pop(key, None) is None:
            return
        self._changes[key] = None
        if self._current == key:
            self.set_current(next(iter(self._items), ""))

    def set_current(self, key: str) -> None:
        if key and key not in self._items:
            raise AccountStoreError(
                QT_TRANSLATE_NOOP(_CTX, "There is no account {key}."), key=repr(key)
            )
        self._current = key
        self._current_changed = True

    def save(self) -> None:
        """Write this process's changes on top of the file as it is now, atomically.

        Read-merge-write under a lock file: accounts merge by key (this process's
        additions, updates and removals applied to the file's list), so several
        processes saving at once lose nothing. Raises :class:`AccountStoreError`.
        """
        try:
            write_merged_json(
                self._path, lambda: self._merged(self._on_disk()), timeout=_SAVE_LOCK_TIMEOUT_S
            )
        except LockBusy:
            raise self._save_error("another program kept the account list locked") from None
        except OSError as exc:
            raise self._save_error(exc.strerror or str(exc)) from None
        self._changes.clear()
        self._current_changed = False

    def _save_error(self, reason: str) -> AccountStoreError:
        return AccountStoreError(
            QT_TRANSLATE_NOOP(_CTX, "Could not save the account list to {path}: {reason}."),
            path=self._path,
            reason=reason,
        )

    def _on_disk(self) -> dict[str, Any] | None:
        """The file's object now (``None``: missing or damaged). Raises OSError."""
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None
        data = _decode(raw)
        if data is None:
            self._keep(raw)  # damaged since it was read: keep a copy, write ours
        return data

    def _merged(self, disk: dict[str, Any] | None) -> dict[str, Any]:
        if disk is None:  # nothing (usable) on disk: this process's whole view
            accounts = list(self._items.values())
            return {"version": _FORMAT, "current": self._current, "accounts": accounts}
        merged = dict(disk)
        on_disk = disk.get("accounts")
        accounts: list[Any] = []
        applied: set[str] = set()
        for item in on_disk if isinstance(on_disk, list) else []:
            key = _item_key(item)
            if key is None or key not in self._changes:
                accounts.append(item)
                continue
            applied.add(key)
            change = self._changes[key]
            if change is not None:
                accounts.append({**item, **change})
        accounts.extend(
            change
            for key, change in self._changes.items()
            if key not in applied and change is not None
        )
        merged["version"] = _FORMAT
        merged["accounts"] = accounts
        if self._current_changed or not isinstance(disk.get("current"), str):
            merged["current"] = self._current
        return merged

    def __repr__(self) -> str:
        return f"AccountStore({str(self._path)!r})"


def _decode(raw: bytes) -> dict[str, Any] | None:
    """The file's JSON object, or ``None`` when it is not one (any reason)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, numbers too long, too deep
        return None
    if not isinstance(data, dict) or nested_deeper_than(data, _MAX_DEPTH):
        return None
    return data


def _copy_sentence(backup: Path | None) -> Text:
    if backup is None:
        return Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "A copy of it could not be saved."))
    return Text(_CTX, QT_TRANSLATE_NOOP(_CTX, "A copy of it was saved as {backup}."), backup=backup)


__all__ = ["LEGACY_KEYS", "AccountRecord", "AccountStore", "AccountStoreError"]
