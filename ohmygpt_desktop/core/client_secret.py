"""The OAuth app's client secret: in the system keyring, per API host and client id.

Not a setting: it never goes to the settings file. The Settings dialog asks this
service whether one is stored (never to show it), checks what is typed, and hands
over what OK changes (:class:`SecretUpdate`); sign-in reads it. Every secret read
or written here is registered with the log redaction first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ohmygpt_desktop.api.models import Secret
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

if TYPE_CHECKING:
    from ohmygpt_desktop.core.tokens import TokenStore

_CTX = "ClientSecret"

#: Characters a client secret may have (longer is a paste gone wrong).
MAX_LENGTH = 500


class ClientSecretRefused(Problem, ValueError):
    """What was typed cannot be stored as the client secret."""

    context = _CTX


def check_secret_text(text: str) -> None:
    """Raise :class:`ClientSecretRefused` unless ``text`` can be a client secret: the one
    rule for what is typed (Settings, the first-run form) and what is provisioned."""
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ClientSecretRefused(
            QT_TRANSLATE_NOOP(_CTX, "The client secret must not contain spaces or line breaks.")
        )
    if len(text) > MAX_LENGTH:
        raise ClientSecretRefused(QT_TRANSLATE_NOOP(_CTX, "The client secret is too long."))


def check_client_secret(text: str, client_id: str) -> None:
    """Raise :class:`ClientSecretRefused` unless ``text`` can be stored for ``client_id``."""
    check_secret_text(text)
    if not client_id:
        raise ClientSecretRefused(
            QT_TRANSLATE_NOOP(_CTX, "Enter the client id first: the secret is stored for it.")
        )


@dataclass(frozen=True)
class SecretUpdate:
    """What saving the settings asks of the keyring.

    ``host``/``client_id``: where the secret is kept now (the API host in use);
    ``new_host``/``new_client_id``: where it belongs after the change. ``secret``:
    a newly typed one; ``forget``: remove the stored one.
    """

    host: str
    client_id: str
    new_host: str
    new_client_id: str
    secret: Secret | None = None
    forget: bool = False

    @property
    def moves(self) -> bool:
        """Another API line for the same app: the stored secret goes along."""
        return (
            not self.forget
            and bool(self.client_id)
            and self.client_id == self.new_client_id
            and self.host != self.new_host
        )

    @property
    def needed(self) -> bool:
        """Whether the keyring has anything to do."""
        return self.secret is not None or self.forget or self.moves


class ClientSecrets:
    """Load, store and forget the client secret (through the token store's keyring)."""

    def __init__(self, tokens: TokenStore) -> None:
        self._tokens = tokens

    async def load(self, host: str, client_id: str) -> Secret | None:
        # Imported here: the logging set-up waits until after the first paint, and the
        # first-run form (painted first) checks secrets with this module.
        from ohmygpt_desktop.core.logs import register_secret

        secret = await self._tokens.load_client_secret(host, client_id)
        if not secret:
            return None
        register_secret(secret.reveal())  # never in a log line, whoever logs it
        return secret

    async def stored(self, host: str, client_id: str) -> bool:
        """Whether a secret is kept for this app on this host."""
        return await self.load(host, client_id) is not None

    async def apply(self, update: SecretUpdate) -> bool:
        """Do what ``update`` asks; True when the stored secret changed."""
        from ohmygpt_desktop.core.logs import register_secret

        tokens = self._tokens
        changed = False
        if update.forget and update.client_id:
            await tokens.delete_client_secret(update.host, update.client_id)
            changed = True
        if update.secret is not None:
            register_secret(update.secret.reveal())
            await tokens.save_client_secret(update.new_host, update.new_client_id, update.secret)
            return True
        if update.moves:
            existing = await self.load(update.host, update.client_id)
            if existing is not None:
                await tokens.save_client_secret(update.new_host, update.new_client_id, existing)
                changed = True
        return changed


__all__ = [
    "MAX_LENGTH",
    "ClientSecretRefused",
    "ClientSecrets",
    "SecretUpdate",
    "check_client_secret",
    "check_secret_text",
]
