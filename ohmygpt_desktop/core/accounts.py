"""Accounts: sign-in completion, token storage, switching, balances.

The one service the UI talks to about accounts. It is a ``QObject`` only so it
can announce changes with signals (the cleanest bridge to the widgets); it
imports nothing from QtWidgets/QtGui and makes no UI decisions. When it needs
the user to choose (no secure keyring), it awaits an injected async callback.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal

from ohmygpt_desktop.api import ApiError, Balance, InvalidTokenError, Secret
from ohmygpt_desktop.api.models import credits_to_usd
from ohmygpt_desktop.core.account_store import AccountRecord, AccountStore, AccountStoreError
from ohmygpt_desktop.core.tokens import (
    KeyringUnavailable,
    TokenStorage,
    TokenStore,
    TokenStoreError,
)
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Text

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient
    from ohmygpt_desktop.core.clients import ApiClients
    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)

_CTX = "SignIn"


class SignInStep(Enum):
    """The step of a sign-in that failed; ``value`` is its translatable name."""

    OPEN_BROWSER = QT_TRANSLATE_NOOP(_CTX, "Opening the browser")
    EXCHANGE_CODE = QT_TRANSLATE_NOOP(_CTX, "Exchanging the code for a token")
    READ_USER = QT_TRANSLATE_NOOP(_CTX, "Reading your account details")
    SAVE_TOKEN = QT_TRANSLATE_NOOP(_CTX, "Saving the sign-in securely")


class SignInError(Problem):
    """A sign-in step failed. ``cause`` is the ApiError/TokenStoreError behind it."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "{step} failed: {reason}")

    def __init__(self, step: SignInStep, cause: BaseException) -> None:
        self.step = step
        self.cause = cause
        super().__init__(step=Text(_CTX, step.value), reason=cause)

    def __repr__(self) -> str:
        return f"SignInError({self.step.name}, {self.cause!r})"


class ClientSecretMissing(Problem):
    """Sign-in needs the OAuth app's client secret, and none is set (nor a
    token-exchange service that would make it unnecessary)."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The client secret of the OhMyGPT app is not set. Enter it in Settings, then try again.",
    )


#: Async callback asked when no secure keyring exists: returns SESSION or FILE.
StorageChooser = Callable[[], Awaitable[TokenStorage]]
#: Told each fresh balance: (account key, balance), before ``accountUpdated``.
BalanceListener = Callable[[str, Balance], None]


def api_host(base_url: str) -> str:
    """The host part that identifies a service in account keys ("api.ohmygpt.com")."""
    parts = urlsplit(base_url)
    return parts.netloc.lower() or base_url


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Account:
    """An account as the UI sees it: stored metadata plus live state."""

    record: AccountRecord
    token: Secret | None = None
    balance: Balance | None = None
    balance_updated: datetime | None = None
    error: ApiError | None = None
    refreshing: bool = False
    #: Why the token could not be loaded at start-up (keyring unreachable), if so:
    #: the error itself, so the UI can show it translated (``describe``).
    token_problem: TokenStoreError | None = None
    #: The stored sign-in is still being read (start-up): not signed out yet.
    loading_token: bool = False

    @property
    def key(self) -> str:
        return self.record.key

    @property
    def email(self) -> str:
        return self.record.email

    @property
    def host(self) -> str:
        return self.record.host

    @property
    def needs_reauth(self) -> bool:
        return self.record.needs_reauth or (self.token is None and not self.loading_token)

    def is_low(self, low_usd: Decimal, credits_per_usd: Decimal) -> bool | None:
        """Is the balance below ``low_usd`` dollars? ``None`` when there is nothing to
        judge: never read, or the account must sign in again (its figure is old)."""
        if self.balance is None or self.needs_reauth:
            return None
        return credits_to_usd(self.balance.balance, credits_per_usd) < low_usd


class AccountManager(QObject):
    """Owns the account list; every mutation is saved and announced."""

    accountsChanged = Signal()
    currentChanged = Signal(str)
    accountUpdated = Signal(str)

    def __init__(
        self,
        settings: Settings,
        store: AccountStore,
        tokens: TokenStore,
        clients: ApiClients,
        *,
        service_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``service_id`` names the service in account keys; default: the API host.

        ``clients`` provides the API client of the moment (it changes with the
        network settings).
        """
        super().__init__(parent)
        self._service_id = service_id
        self.settings = settings
        self.store = store
        self.tokens = tokens
        self._clients = clients
        self._accounts: dict[str, Account] = {}
        self._balance_listeners: list[BalanceListener] = []
        for record in store.records():
            self._accounts[record.key] = Account(record=record, loading_token=True)

    # ------------------------------------------------------------------ queries

    @property
    def client(self) -> OhMyGPTClient:
        """The API client in use now."""
        return self._clients.current

    @property
    def host(self) -> str:
        # From the settings the client is built from: no need to build the client.
        return self._service_id or api_host(self.settings.api_base_url)

    def accounts(self) -> list[Account]:
        return list(self._accounts.values())

    def get(self, key: str) -> Account | None:
        return self._accounts.get(key)

    def current(self) -> Account | None:
        key = self.store.current
        return self._accounts.get(key) if key else None

    # ---------------------------------------------------------------- start-up

    async def load_tokens(self) -> None:
        """Bring stored sign-ins back (concurrently; keyring calls have a timeout)."""
        import asyncio

        await asyncio.gather(*(self.load_token(a.key) for a in self.accounts()))

    async def load_token(self, key: str) -> None:
        """Bring one account's stored sign-in back (the command line needs only one)."""
        account = self._accounts.get(key)
        if account is None:
            return
        storage = TokenStorage(account.record.token_storage)
        try:
            account.token = await self.tokens.load(account.host, account.record.user_id, storage)
            account.token_problem = None
        except TokenStoreError as exc:
            account.token = None
            # Kept without its traceback: its frames are of no use to the UI.
            account.token_problem = exc.with_traceback(None)
            log.warning("Could not load the sign-in of account %s: %s", account.key, exc)
        account.loading_token = False
        self.accountUpdated.emit(account.key)

    # ----------------------------------------------------------------- sign-in

    async def sign_in(
        self,
        code: str,
        *,
        client_id: str,
        client_secret: Secret | None = None,
        exchange_url: str = "",
        choose_storage: StorageChooser,
        reauth_key: str | None = None,
    ) -> Account:
        """Exchange ``code``, read the user, store the token, add or update the account.

        The code goes to the organisation's token-exchange service at ``exchange_url``
        when one is given (no secret needed), else to issue-token with ``client_secret``
        (:class:`ClientSecretMissing` without one). Raises :class:`SignInError` naming
        the failed step.
        """
        try:
            if exchange_url:
                grant = await self.client.issue_token_via_exchange(
                    exchange_url,
                    code=code,
                    client_id=client_id,
                    redirect_uri=self.settings.effective_redirect_uri(),
                )
            elif client_secret:
                grant = await self.client.issue_token(
                    client_id=client_id, client_secret=client_secret, code=code
                )
            else:
                raise ClientSecretMissing()
        except ApiError as exc:
            raise SignInError(SignInStep.EXCHANGE_CODE, exc) from None
        try:
            info = await self.client.user_info(grant.token)
        except ApiError as exc:
            raise SignInError(SignInStep.READ_USER, exc) from None
        return await self.add_signed_in(
            grant.user_id or info.user_id,
            info.email,
            grant.token,
            scope=self.settings.scope,
            choose_storage=choose_storage,
            reauth_key=reauth_key,
        )

    async def add_signed_in(
        self,
        user_id: str,
        email: str,
        token: Secret,
        *,
        scope: str,
        choose_storage: StorageChooser,
        reauth_key: str | None = None,
    ) -> Account:
        host = self.host
        existing = self._accounts.get(f"{user_id}@{host}")
        preferred = TokenStorage.KEYRING
        if existing is not None and existing.record.token_storage != TokenStorage.SESSION.value:
            preferred = TokenStorage(existing.record.token_storage)
        try:
            try:
                storage = await self.tokens.save(host, user_id, token, preferred)
            except KeyringUnavailable:
                choice = await choose_storage()
                storage = await self.tokens.save(host, user_id, token, choice)
        except TokenStoreError as exc:
            raise SignInError(SignInStep.SAVE_TOKEN, exc) from None

        now = _now_iso()
        if existing is not None:
            record = replace(
                existing.record,
                email=email,
                last_used_at=now,
                token_storage=storage.value,
                scope=scope,
                needs_reauth=False,
            )
            account = existing
            account.record = record
        else:
            record = AccountRecord(
                user_id=user_id,
                email=email,
                host=host,
                added_at=now,
                last_used_at=now,
                token_storage=storage.value,
                scope=scope,
                needs_reauth=False,
            )
            account = Account(record=record)
            self._accounts[record.key] = account
        account.token = token
        account.loading_token = False
        account.error = None
        account.token_problem = None
        if reauth_key and reauth_key != record.key and reauth_key in self._accounts:
            log.info("Re-authorization signed in a different user; keeping both accounts")
        self.store.upsert(record)
        self.store.set_current(record.key)
        self.store.save()
        self.accountsChanged.emit()
        self.currentChanged.emit(record.key)
        self.accountUpdated.emit(record.key)
        log.info("Signed in account %s (token kept in %s)", record.key, storage.value)
        return account

    # ------------------------------------------------------------ switching etc.

    def switch(self, key: str) -> AccountStoreError | None:
        """Show ``key``'s account. Returns why the choice could not be saved, if so
        (the switch still holds for this run)."""
        account = self._accounts.get(key)
        if account is None:
            raise KeyError(key)
        account.record = replace(account.record, last_used_at=_now_iso())
        self.store.upsert(account.record)
        self.store.set_current(key)
        problem: AccountStoreError | None = None
        try:
            self.store.save()
        except AccountStoreError as exc:
            log.warning("Switched to %s but could not save the account list: %s", key, exc)
            problem = exc.with_traceback(None)
        self.currentChanged.emit(key)
        return problem

    async def sign_out(self, key: str) -> TokenStoreError | None:
        """Forget an account.

        Returns the error (a warning for the user) when the stored secret could not
        be removed; the account is forgotten all the same.
        """
        account = self._accounts.pop(key, None)
        if account is None:
            return None
        warning: TokenStoreError | None = None
        try:
            await self.tokens.delete(
                account.host, account.record.user_id, TokenStorage(account.record.token_storage)
            )
        except TokenStoreError as exc:
            # Without the traceback, whose frames hold the account (and its token).
            warning = exc.with_traceback(None)
            log.warning("Signed out %s but could not remove its stored token: %s", key, exc)
        self.store.remove(key)  # the first remaining account becomes current, if it was
        self.store.save()
        self.accountsChanged.emit()
        self.currentChanged.emit(self.store.current)
        return warning

    def mark_needs_reauth(self, key: str) -> None:
        account = self._accounts.get(key)
        if account is None or account.record.needs_reauth:
            return
        account.record = replace(account.record, needs_reauth=True)
        self.store.upsert(account.record)
        self.store.save()
        self.accountUpdated.emit(key)

    # ----------------------------------------------------------------- balances

    def add_balance_listener(self, listener: BalanceListener) -> None:
        """Call ``listener(key, balance)`` after every successful balance read."""
        self._balance_listeners.append(listener)

    async def refresh_balance(self, key: str) -> Balance | None:
        """Read one account's balance; errors are kept on the account and re-raised."""
        account = self._accounts.get(key)
        if account is None:
            return None
        if account.token is None:
            account.error = InvalidTokenError()
            self.accountUpdated.emit(key)
            raise account.error
        account.refreshing = True
        self.accountUpdated.emit(key)
        try:
            balance = await self.client.balance(account.token)
        except InvalidTokenError as exc:
            account.error = exc
            self.mark_needs_reauth(key)
            raise
        except ApiError as exc:
            account.error = exc
            raise
        else:
            account.balance = balance
            account.balance_updated = datetime.now(UTC)
            account.error = None
            for listener in self._balance_listeners:
                try:
                    listener(key, balance)
                except Exception:
                    log.exception("A balance listener failed")
            return balance
        finally:
            account.refreshing = False
            if key in self._accounts:
                self.accountUpdated.emit(key)
