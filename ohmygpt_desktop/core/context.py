"""The services the UI uses, built once by the composition root (``app.py``).

No widgets: the UI modules import this type from here, never ``ohmygpt_desktop.app``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ohmygpt_desktop.translatable import Sentences, Text

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient, Secret
    from ohmygpt_desktop.core.account_store import AccountStore
    from ohmygpt_desktop.core.accounts import Account, AccountManager, StorageChooser
    from ohmygpt_desktop.core.background import BackgroundWork
    from ohmygpt_desktop.core.client_secret import ClientSecrets
    from ohmygpt_desktop.core.clients import ApiClients
    from ohmygpt_desktop.core.ledger import Ledger
    from ohmygpt_desktop.core.messages import MessageBridge
    from ohmygpt_desktop.core.oauth import SignInAttempts
    from ohmygpt_desktop.core.orders import OrderHistory
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.payments import PaymentWatcher
    from ohmygpt_desktop.core.permissions import AppPermissions
    from ohmygpt_desktop.core.recharge import RechargeService
    from ohmygpt_desktop.core.settings import Settings
    from ohmygpt_desktop.core.tokens import TokenStore
    from ohmygpt_desktop.core.updates import UpdateChecker
    from ohmygpt_desktop.core.usage import UsageHistory
    from ohmygpt_desktop.sandbox import SandboxServer

log = logging.getLogger(__name__)

#: Seconds the app waits, as it shuts down, for requests still running (order creation).
SHUTDOWN_GRACE_S = 5.0

#: Opens a URL in the system browser; False when no browser could be started.
UrlOpener = Callable[[str], bool]
#: Switches the running app to the demo profile (``True``) or back to the person's own
#: (``False``): ``True`` once this window was replaced by one on that profile, ``False``
#: when an app already running on it took over. Raises a ``Problem`` when it cannot.
ProfileSwitch = Callable[[bool], Awaitable[bool]]
#: Something to tell the user at start-up: English text, or a translatable text or error.
StartupProblem = str | BaseException | Text | Sentences


@dataclass
class AppContext:
    """Every service the UI uses, built once."""

    paths: AppPaths
    settings: Settings
    messages: MessageBridge
    tokens: TokenStore
    clients: ApiClients
    account_store: AccountStore
    accounts: AccountManager
    history: OrderHistory
    #: Balance samples per account: charts and "runs out in" forecasts.
    usage: UsageHistory
    recharge: RechargeService
    watcher: PaymentWatcher
    attempts: SignInAttempts
    open_url: UrlOpener
    permissions: AppPermissions
    sandbox: SandboxServer | None = None
    sandbox_client_secret: Secret | None = None
    #: True when this context started the sandbox (and so stops it on close).
    owns_sandbox: bool = False
    #: What the user must be told once the window shows (English text, or translatable).
    startup_problems: list[StartupProblem] = field(default_factory=list)
    #: Set by the composition root when the app can switch profiles in place.
    switch_profile: ProfileSwitch | None = None

    @property
    def demo_mode(self) -> bool:
        return self.sandbox is not None

    @property
    def client(self) -> OhMyGPTClient:
        """The API client in use now (:attr:`clients` swaps it when the network settings change)."""
        return self.clients.current

    def oauth_configured(self) -> bool:
        return bool(self.settings.client_id)

    @cached_property
    def background(self) -> BackgroundWork:
        """Requests that run to their end when their window stops waiting (see ``aclose``)."""
        from ohmygpt_desktop.core.background import BackgroundWork

        return BackgroundWork()

    @cached_property
    def updates(self) -> UpdateChecker:
        """The signed update feed, checked at most once a day (see ``core/updates.py``)."""
        from ohmygpt_desktop import __version__
        from ohmygpt_desktop.core.updates import UpdateChecker, shipped_public_key

        return UpdateChecker(
            self.settings,
            self.paths.cache_dir,
            __version__,
            shipped_key=shipped_public_key(),
        )

    @cached_property
    def ledger(self) -> Ledger | None:
        """The team ledger (README, For teams), or ``None`` when ``ledger_url`` is empty."""
        from ohmygpt_desktop.core.settings import Origin

        url = self.settings.ledger_url
        if not url:
            return None
        if self.demo_mode and self.settings.origin("ledger_url").kind == Origin.ENVIRONMENT:
            # A team's environment variable must not bring demo orders to its ledger;
            # the demo profile's own settings file may (tests, trying the ledger out).
            log.info("Demo mode: the team ledger from the environment is not used")
            return None
        from ohmygpt_desktop.core.ledger import Ledger

        return Ledger(
            url,
            self.history,
            password=self.ledger_password,
            share_links=self.settings.ledger_share_links,
        )

    async def ledger_password(self) -> str | None:
        """The ledger's password from the keyring (``None``: libpq's PGPASSFILE, if any)."""
        from ohmygpt_desktop.core.ledger import password_key
        from ohmygpt_desktop.core.logs import register_secret
        from ohmygpt_desktop.core.tokens import TokenStoreError

        host, user = password_key(self.settings.ledger_url)
        try:
            secret = await self.tokens.load_ledger_password(host, user)
        except TokenStoreError as exc:
            log.warning("The ledger password could not be read from the keyring: %s", exc)
            return None
        if not secret:
            return None
        register_secret(secret.reveal())  # never in a log line, whoever logs it
        return secret.reveal()

    @cached_property
    def client_secrets(self) -> ClientSecrets:
        """The OAuth app's client secret in the keyring (the Settings dialog's secret row)."""
        from ohmygpt_desktop.core.client_secret import ClientSecrets

        return ClientSecrets(self.tokens)

    def provisioned_client_secret(self) -> Secret | None:
        """The provisioning's client secret, when the app in use is the provisioned one."""
        provisioning = self.settings.provisioning
        return provisioning.secret_for(self.settings.client_id) if provisioning else None

    async def client_secret(self) -> Secret | None:
        """The OAuth app's client secret: the sandbox's demo secret, the provisioning's
        (only ever in memory), or the keyring's."""
        secret = self.sandbox_client_secret or self.provisioned_client_secret()
        if secret:
            from ohmygpt_desktop.core.logs import register_secret

            register_secret(secret.reveal())  # never in a log line, whoever logs it
            return secret
        return await self.client_secrets.load(self.accounts.host, self.settings.client_id)

    def exchange_url(self) -> str:
        """The token-exchange service that signs in instead of issue-token ("": none)."""
        return "" if self.demo_mode else self.settings.token_exchange_url

    async def sign_in(
        self, code: str, *, choose_storage: StorageChooser, reauth_key: str | None = None
    ) -> Account:
        """Exchange a code the person got: at the token-exchange service when one is
        set (no client secret needed), else at issue-token with the client secret.
        Raises ``SignInError`` or ``ClientSecretMissing``."""
        exchange_url = self.exchange_url()
        return await self.accounts.sign_in(
            code,
            client_id=self.settings.client_id,
            client_secret=None if exchange_url else await self.client_secret(),
            exchange_url=exchange_url,
            choose_storage=choose_storage,
            reauth_key=reauth_key,
        )

    async def start(self) -> None:
        """After the first paint: bring accounts back and resume payment watches."""
        import asyncio

        for record in self.history.recover_interrupted():
            log.warning("Order row %s was interrupted; marked unknown", record.local_id)
        if self.accounts.accounts():
            # A balance is read as soon as the sign-ins are loaded: build the HTTP client
            # (httpx, the certificate store) and import its async backend (~20 ms on the
            # GUI thread at the first request) in a worker thread while the keyring loads.
            # Signed out, nothing is requested soon: the client is built when needed.
            await asyncio.gather(
                asyncio.to_thread(_prepare_http, self.clients), self.accounts.load_tokens()
            )
        if not self.history.read_only:  # a payment could not be recorded: nothing to watch for
            self.watcher.resume()
        if self.ledger is not None and not self.history.read_only:
            await self.ledger.start()

    async def aclose(self) -> None:
        import asyncio

        # An order being created finishes (or is stopped and marked) while the
        # history and the client are still open.
        await self.background.drain(SHUTDOWN_GRACE_S)
        await self.watcher.stop()
        await self.clients.aclose()
        if "ledger" in self.__dict__ and self.ledger is not None:  # built: stop it
            await self.ledger.aclose()
        self.history.close()
        self.usage.close()
        if self.sandbox is not None and self.owns_sandbox:
            await asyncio.to_thread(self.sandbox.stop)


def _prepare_http(clients: ApiClients) -> None:
    from ohmygpt_desktop.core.clients import warm_http_backend

    clients.prepare()
    warm_http_backend()
