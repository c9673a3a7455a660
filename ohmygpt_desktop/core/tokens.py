"""Where access tokens (and the OAuth client secret) are kept.

Plain Python with asyncio (no Qt). Three storages, chosen explicitly:

* ``KEYRING`` – the system keyring (the default). Every keyring call runs in its
  own daemon thread and is awaited with a timeout, so a hung keyring neither
  freezes the GUI thread nor blocks interpreter exit. The backend that worked is
  remembered (its class path only, see :class:`TokenStore`), so the next start
  skips keyring's discovery of every installed backend.
* ``SESSION`` – memory only; gone when the app quits.
* ``FILE`` – a JSON file readable only by the user (mode 0o600). Only used when
  the user explicitly chooses it; it is the one place a token may touch disk
  outside the keyring.

No token ever appears in a log line, exception message or ``repr``. The errors'
messages are translatable templates (context ``"TokenStore"``) whose params are
file names, numbers and error names only.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ohmygpt_desktop.api.models import Secret
from ohmygpt_desktop.core.files import FILE_MODE, write_private
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

if TYPE_CHECKING:  # keyring is slow to import; only load it when a keyring is used
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

T = TypeVar("T")

# Keyring service names (not secrets).
TOKEN_SERVICE_PREFIX = "ohmygpt-desktop"  # noqa: S105
CLIENT_SECRET_SERVICE_PREFIX = "ohmygpt-desktop-client"  # noqa: S105
LEDGER_SERVICE_PREFIX = "ohmygpt-desktop-ledger"
#: More keyring threads than this still waiting on a hung backend → fail fast.
MAX_PENDING_KEYRING_CALLS = 4
_FILE_FORMAT = 1
_CTX = "TokenStore"
#: keyring's own setting naming the backend to use; set, it wins over the memo.
_KEYRING_ENV = "PYTHON_KEYRING_BACKEND"
#: What a remembered backend may look like: a dotted ``module.Class`` path.
_CLASS_PATH = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


class TokenStorage(StrEnum):
    KEYRING = "keyring"
    FILE = "file"
    SESSION = "session"


class TokenStoreError(Problem):
    """A token could not be stored or read. The message is for people and never has the token.

    ``template`` + ``params`` is the translatable message; ``detail`` (English, for
    the log and a Details pane) may name the keyring's own error.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "The saved sign-in could not be read or written.")

    def scrubbed(self, secret: str | None) -> TokenStoreError:
        """A fresh copy (no traceback, no context) with ``secret`` blanked out of it."""
        params = {
            name: _scrub(value, secret) if isinstance(value, str) else value
            for name, value in self.params.items()
        }
        detail = _scrub(self.detail, secret) if self.detail else self.detail
        return type(self)(self.template, detail=detail, **params)


class KeyringUnavailable(TokenStoreError):
    """There is no secure keyring on this system."""

    template = QT_TRANSLATE_NOOP(_CTX, "No secure system keyring is available on this computer.")


class KeyringTimeout(TokenStoreError):
    """The keyring did not answer in time."""

    template = QT_TRANSLATE_NOOP(_CTX, "The system keyring did not answer in time.")


class KeyringFailure(TokenStoreError):
    """The keyring reported an error."""

    template = QT_TRANSLATE_NOOP(_CTX, "The system keyring reported an error.")


def token_service(host: str) -> str:
    return f"{TOKEN_SERVICE_PREFIX}:{host}"


def client_secret_service(host: str) -> str:
    return f"{CLIENT_SECRET_SERVICE_PREFIX}:{host}"


def _scrub(text: str, secret: str | None) -> str:
    if secret:
        text = text.replace(secret, "…")
    return text


def _check_name(value: str, what: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"The {what} must not be empty.")
    if any(not ch.isprintable() for ch in value):
        raise ValueError(f"The {what} must not contain control characters.")


def _is_null_backend(backend: Any) -> bool:
    """True for keyring's ``fail``/``null`` backends and an empty chainer."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    return isinstance(backend, chainer.ChainerBackend) and not backend.backends


class TokenStore:
    """Save, load and delete tokens in the keyring, a session dict or an insecure file.

    ``backend``: the keyring backend to use; otherwise it is found on first use.
    ``backend_memo``: a file where the class path of the backend found (e.g.
    ``keyring.backends.SecretService.Keyring``, never a secret) is remembered;
    next time that backend is loaded directly (keyring's discovery imports and
    probes every installed backend, ≈ 50 ms). A remembered backend that no longer
    loads or is not viable falls back to discovery, which corrects the memo.
    ``PYTHON_KEYRING_BACKEND`` and keyring's own config file still win.
    """

    def __init__(
        self,
        *,
        insecure_file: Path,
        timeout: float = 3.0,
        backend: KeyringBackend | None = None,
        backend_memo: Path | None = None,
    ) -> None:
        self._insecure_file = Path(insecure_file)
        self._timeout = timeout
        self._backend = backend
        self._backend_memo = backend_memo
        self._backend_lock = threading.Lock()
        self._pending_lock = threading.Lock()
        self._pending = 0
        self._session: dict[tuple[str, str], Secret] = {}

    @property
    def timeout(self) -> float:
        return self._timeout

    @timeout.setter
    def timeout(self, value: float) -> None:
        if value <= 0:
            raise ValueError("The keyring timeout must be positive.")
        self._timeout = value

    @property
    def insecure_file(self) -> Path:
        return self._insecure_file

    def __repr__(self) -> str:
        return f"TokenStore(insecure_file={str(self._insecure_file)!r}, timeout={self._timeout})"

    # ------------------------------------------------------------ public API

    async def secure_backend_available(self) -> bool:
        """Whether a usable secure keyring backend exists (False on timeout or error)."""

        def probe(backend: KeyringBackend) -> bool:
            if _is_null_backend(backend):
                return False
            try:
                return type(backend).priority > 0
            except Exception:
                return False

        try:
            return await self._call(probe, secret=None)
        except TokenStoreError:
            return False

    async def save(
        self,
        host: str,
        user_id: str,
        token: Secret,
        storage: TokenStorage = TokenStorage.KEYRING,
    ) -> TokenStorage:
        """Store ``token``; returns the storage used (always ``storage``: no silent fallback).

        KEYRING raises :class:`KeyringUnavailable`, :class:`KeyringTimeout` or
        :class:`KeyringFailure` so the UI can ask the user what to do instead.
        After a successful save, copies of the same entry in the *other local*
        storages (session, insecure file) are removed, so that e.g. moving a
        token into the keyring deletes its plaintext copy.
        """
        return await self._save(token_service(host), host, user_id, token, storage, "user id")

    async def load(
        self, host: str, user_id: str, storage: TokenStorage = TokenStorage.KEYRING
    ) -> Secret | None:
        return await self._load(token_service(host), host, user_id, storage, "user id")

    async def delete(
        self, host: str, user_id: str, storage: TokenStorage = TokenStorage.KEYRING
    ) -> None:
        """Remove the entry; a missing entry is fine. Raises when the keyring is unreachable."""
        await self._delete(token_service(host), host, user_id, storage, "user id")

    async def save_client_secret(
        self,
        host: str,
        client_id: str,
        secret: Secret,
        storage: TokenStorage = TokenStorage.KEYRING,
    ) -> TokenStorage:
        return await self._save(
            client_secret_service(host), host, client_id, secret, storage, "client id"
        )

    async def load_client_secret(
        self, host: str, client_id: str, storage: TokenStorage = TokenStorage.KEYRING
    ) -> Secret | None:
        return await self._load(client_secret_service(host), host, client_id, storage, "client id")

    async def delete_client_secret(
        self, host: str, client_id: str, storage: TokenStorage = TokenStorage.KEYRING
    ) -> None:
        await self._delete(client_secret_service(host), host, client_id, storage, "client id")

    async def save_ledger_password(self, host: str, user: str, password: Secret) -> None:
        """The team ledger's password for ``user`` on the database server ``host``."""
        await self._save(
            f"{LEDGER_SERVICE_PREFIX}:{host}", host, user, password, TokenStorage.KEYRING, "user"
        )

    async def load_ledger_password(self, host: str, user: str) -> Secret | None:
        return await self._load(
            f"{LEDGER_SERVICE_PREFIX}:{host}", host, user, TokenStorage.KEYRING, "user"
        )

    async def delete_ledger_password(self, host: str, user: str) -> None:
        await self._delete(
            f"{LEDGER_SERVICE_PREFIX}:{host}", host, user, TokenStorage.KEYRING, "user"
        )

    # ------------------------------------------------------------ mechanics

    async def _save(
        self,
        service: str,
        host: str,
        username: str,
        secret: Secret,
        storage: TokenStorage,
        what: str,
    ) -> TokenStorage:
        _check_name(host, "host")
        _check_name(username, what)
        if not isinstance(secret, Secret):
            raise TypeError("Tokens must be passed as Secret objects.")
        if not secret:
            raise ValueError("An empty token cannot be saved.")
        storage = TokenStorage(storage)
        if storage is TokenStorage.KEYRING:
            value = secret.reveal()

            def write(backend: KeyringBackend) -> None:
                self._require_secure(backend)
                backend.set_password(service, username, value)

            await self._call(write, secret=value)
        elif storage is TokenStorage.SESSION:
            self._session[(service, username)] = Secret(secret)
        else:
            self._file_set(service, username, secret)
        # Drop stale local copies held in the other storages (best effort).
        if storage is not TokenStorage.SESSION:
            self._session.pop((service, username), None)
        if storage is not TokenStorage.FILE:
            try:
                self._file_set(service, username, None)
            except TokenStoreError as exc:
                log.warning("Could not remove an old copy from the token file: %s", exc)
        return storage

    async def _load(
        self, service: str, host: str, username: str, storage: TokenStorage, what: str
    ) -> Secret | None:
        _check_name(host, "host")
        _check_name(username, what)
        storage = TokenStorage(storage)
        if storage is TokenStorage.SESSION:
            return self._session.get((service, username))
        if storage is TokenStorage.FILE:
            return self._file_get(service, username)

        def read(backend: KeyringBackend) -> Secret | None:
            self._require_secure(backend)
            value = backend.get_password(service, username)
            return Secret(value) if value else None

        return await self._call(read, secret=None)

    async def _delete(
        self, service: str, host: str, username: str, storage: TokenStorage, what: str
    ) -> None:
        _check_name(host, "host")
        _check_name(username, what)
        storage = TokenStorage(storage)
        if storage is TokenStorage.SESSION:
            self._session.pop((service, username), None)
            return
        if storage is TokenStorage.FILE:
            self._file_set(service, username, None)
            return

        def remove(backend: KeyringBackend) -> None:
            from keyring.errors import PasswordDeleteError

            self._require_secure(backend)
            try:
                backend.delete_password(service, username)
            except PasswordDeleteError:
                # Usually "no such entry"; only an error if the entry is still there.
                if backend.get_password(service, username) is not None:
                    raise

        await self._call(remove, secret=None)

    @staticmethod
    def _require_secure(backend: KeyringBackend) -> None:
        if _is_null_backend(backend):
            raise KeyringUnavailable()

    def _resolve_backend(self) -> KeyringBackend:
        with self._backend_lock:
            if self._backend is None:
                self._backend = self._find_backend()
            return self._backend

    def _find_backend(self) -> KeyringBackend:
        """The user's choice (environment, keyring's config file), else the remembered
        backend, else keyring's discovery (then remembered). Runs in a keyring thread."""
        import keyring

        memo = self._backend_memo
        if memo is None or os.environ.get(_KEYRING_ENV):
            return keyring.get_keyring()
        from keyring import core

        configured = core.load_config()
        if configured is not None:
            return configured
        remembered = _read_memo(memo)
        if remembered:
            try:
                backend = core.load_keyring(remembered)  # raises unless importable and viable
            except Exception as exc:  # gone, or no longer viable here: discover again
                log.info("The remembered keyring backend is not usable (%s)", type(exc).__name__)
            else:
                if not _is_null_backend(backend):
                    return backend
        found = keyring.get_keyring()
        from keyring.backends import chainer

        # A chainer or a null backend is found afresh each time, not remembered.
        chained = isinstance(found, chainer.ChainerBackend)
        name = "" if chained or _is_null_backend(found) else _class_path(type(found))
        if name != remembered:
            _write_memo(memo, name)
        return found

    async def _call(self, fn: Callable[[KeyringBackend], T], *, secret: str | None) -> T:
        """Run ``fn(backend)`` in a fresh daemon thread; await it with the timeout.

        Errors are turned into :class:`TokenStoreError` subclasses *in the worker*
        (scrubbed of ``secret``), so the backend's own exception, whose traceback
        frames may hold the token, never reaches the caller.
        """
        import asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        with self._pending_lock:
            if self._pending >= MAX_PENDING_KEYRING_CALLS:
                raise KeyringTimeout(
                    QT_TRANSLATE_NOOP(
                        _CTX,
                        "The system keyring is not answering (earlier requests are still waiting).",
                    )
                )
            self._pending += 1

        def deliver(ok: bool, value: Any) -> None:
            if future.done():  # timed out / cancelled meanwhile
                return
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

        def worker() -> None:
            try:
                try:
                    outcome: tuple[bool, Any] = (True, fn(self._resolve_backend()))
                except TokenStoreError as exc:
                    outcome = (False, exc.scrubbed(secret))
                except Exception as exc:
                    outcome = (False, _translate(exc, secret))
                # RuntimeError: the event loop is closed; nobody is waiting.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(deliver, *outcome)
            finally:
                with self._pending_lock:
                    self._pending -= 1

        thread = threading.Thread(target=worker, name="ohmygpt-keyring", daemon=True)
        try:
            thread.start()
        except RuntimeError:
            with self._pending_lock:
                self._pending -= 1
            raise KeyringFailure(
                QT_TRANSLATE_NOOP(_CTX, "Could not start a keyring request.")
            ) from None
        try:
            return await asyncio.wait_for(future, self._timeout)
        except TimeoutError:
            raise KeyringTimeout(
                QT_TRANSLATE_NOOP(
                    _CTX, "The system keyring did not answer in time (waited {seconds} seconds)."
                ),
                seconds=f"{self._timeout:g}",
            ) from None

    # ------------------------------------------------------------ insecure file

    def _file_read(self) -> dict[str, dict[str, str]]:
        path = self._insecure_file
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise TokenStoreError(
                QT_TRANSLATE_NOOP(_CTX, "Could not read the token file {path}: {reason}."),
                path=str(path),
                reason=exc.strerror or type(exc).__name__,
            ) from None
        try:
            data = json.loads(raw)
            entries = data["entries"]
            if not isinstance(entries, dict) or not all(
                isinstance(users, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in users.items())
                for users in entries.values()
            ):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            raise TokenStoreError(
                QT_TRANSLATE_NOOP(_CTX, "The token file {path} is damaged."), path=str(path)
            ) from None
        if os.name == "posix":
            with contextlib.suppress(OSError):
                if path.stat().st_mode & 0o077:
                    os.chmod(path, FILE_MODE)
        return entries

    def _file_get(self, service: str, username: str) -> Secret | None:
        value = self._file_read().get(service, {}).get(username)
        return Secret(value) if value else None

    def _file_set(self, service: str, username: str, secret: Secret | None) -> None:
        """Write (or with ``None`` remove) one entry; removes the file when it is empty."""
        path = self._insecure_file
        if secret is None and not path.exists():
            return
        entries = self._file_read()
        if secret is None:
            users = entries.get(service)
            if not users or username not in users:
                return
            del users[username]
            if not users:
                del entries[service]
        else:
            entries.setdefault(service, {})[username] = secret.reveal()
        try:
            if not entries:
                path.unlink(missing_ok=True)
                return
            text = json.dumps({"format": _FILE_FORMAT, "entries": entries}, indent=2)
            write_private(path, text)
        except OSError as exc:
            raise TokenStoreError(
                QT_TRANSLATE_NOOP(_CTX, "Could not write the token file {path}: {reason}."),
                path=str(path),
                reason=exc.strerror or type(exc).__name__,
            ) from None


def _class_path(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _read_memo(path: Path) -> str:
    """The remembered backend's class path, or "" (none, unreadable or malformed)."""
    try:
        name = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeError):
        return ""
    return name if _CLASS_PATH.fullmatch(name) else ""


def _write_memo(path: Path, name: str) -> None:
    """Remember ``name`` ("" forgets); best effort: discovery works without it."""
    try:
        if name:
            write_private(path, name + "\n")
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        log.info("Could not remember the keyring backend: %s", exc.strerror or exc)


def _translate(exc: Exception, secret: str | None) -> TokenStoreError:
    """Map a backend exception to ours, with a message that cannot hold the token."""
    from keyring import errors

    name = type(exc).__name__
    if isinstance(exc, errors.NoKeyringError):
        return KeyringUnavailable()
    if isinstance(exc, errors.KeyringLocked):
        return KeyringFailure(
            QT_TRANSLATE_NOOP(_CTX, "The system keyring is locked. Unlock it and try again.")
        )
    detail = _scrub(str(exc), secret).strip()
    if len(detail) > 200:
        detail = detail[:200] + "…"
    log.debug("keyring error %s", name)
    # The keyring's own words go to the detail (log, Details pane), not the sentence.
    return KeyringFailure(detail=f"{name}: {detail}" if detail else name)


__all__ = [
    "KeyringFailure",
    "KeyringTimeout",
    "KeyringUnavailable",
    "TokenStorage",
    "TokenStore",
    "TokenStoreError",
    "client_secret_service",
    "token_service",
]
