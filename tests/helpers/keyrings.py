"""Keyring backends for tests, and the check for the real one.

``keyring`` registers every concrete backend class for auto-detection; these
are removed from that registry right after definition so that
``keyring.get_keyring()`` elsewhere in the test run never picks one of them.
"""

from __future__ import annotations

import os
import threading

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError, PasswordSetError

#: keyring's own "no backend" keyring (every call raises NoKeyringError).
FailKeyring = fail.Keyring


class MemoryKeyring(KeyringBackend):
    """A working keyring kept in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.calls: list[tuple[str, str, str]] = []
        self.threads: set[str] = set()

    def _note(self, op: str, service: str, username: str) -> None:
        self.calls.append((op, service, username))
        self.threads.add(threading.current_thread().name)

    def get_password(self, service: str, username: str) -> str | None:
        self._note("get", service, username)
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._note("set", service, username)
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._note("delete", service, username)
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("Password not found") from None


class RaisingKeyring(KeyringBackend):
    """A keyring whose every call fails.

    ``echo_password=True`` makes ``set_password`` put the password into its error
    message, as a careless backend might, to prove the store scrubs it.
    """

    priority = 1

    def __init__(self, *, echo_password: bool = False) -> None:
        super().__init__()
        self.echo_password = echo_password

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("backend exploded while reading")

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.echo_password:
            raise PasswordSetError(f"could not store {password!r} for {username}")
        raise PasswordSetError("backend refused to store the password")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("backend exploded while deleting")


class BlockingKeyring(MemoryKeyring):
    """A keyring that hangs on every call until :meth:`release` (tests call it in teardown)."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()
        self.entered = threading.Event()

    def release(self) -> None:
        self.released.set()

    def _wait(self) -> None:
        self.entered.set()
        self.released.wait()

    def get_password(self, service: str, username: str) -> str | None:
        self._wait()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._wait()
        super().delete_password(service, username)


for _cls in (MemoryKeyring, RaisingKeyring, BlockingKeyring):
    KeyringBackend._classes.discard(_cls)  # type: ignore[attr-defined]
del _cls


def require_secret_service() -> None:
    """Skip the test unless the real Secret Service keyring is configured (as
    ``.ci/dev.py test`` does); the test still skips if it then cannot reach it."""
    if os.environ.get("PYTHON_KEYRING_BACKEND") != "keyring.backends.SecretService.Keyring":
        pytest.skip(
            "no real Secret Service keyring: set "
            "PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring to run"
        )
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not address or address.startswith("disabled:"):
        pytest.skip(
            "no real Secret Service keyring: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS)"
        )
