"""The API client the services share, rebuilt in one place when network settings change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient
    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)


def make_client(settings: Settings, extra_payment_origins: set[str]) -> OhMyGPTClient:
    """An API client for the current settings (API line, proxy, endpoint paths, deadline).

    Payment links are trusted on Stripe's pages, ``extra_payment_origins``, and the API
    line's own address when that is on this computer: a stand-in service such as the
    sandbox, run as the configured service, serves its own payment pages.
    """
    from ohmygpt_desktop.api import (
        DEFAULT_ENDPOINTS,
        PRODUCTION_PAYMENT_ORIGINS,
        OhMyGPTClient,
        origin_of,
    )
    from ohmygpt_desktop.core.settings import is_loopback_url

    proxy: str | None = None  # "system": honour HTTP(S)_PROXY
    if settings.proxy_mode == "none":
        proxy = ""
    elif settings.proxy_mode == "custom":
        proxy = settings.proxy_url or None
    return OhMyGPTClient(
        settings.api_base_url,
        endpoints=DEFAULT_ENDPOINTS.with_overrides(settings.endpoints),
        proxy=proxy,
        deadline=settings.request_deadline_s,
        payment_origins=PRODUCTION_PAYMENT_ORIGINS
        | extra_payment_origins
        | ({origin_of(settings.api_base_url)} if is_loopback_url(settings.api_base_url) else set()),
    )


class ApiClients:
    """Holds the client in use (:attr:`current`); services ask it for the client on
    every call, so :meth:`rebuild` swaps it for all of them at once.

    Requests already in flight finish on the old client, which is closed at
    shutdown (closing it at once could cut an order creation in half).
    """

    def __init__(self, build: Callable[[], OhMyGPTClient]) -> None:
        self._build = build
        self._current = build()
        self._retired: list[OhMyGPTClient] = []

    @property
    def current(self) -> OhMyGPTClient:
        return self._current

    def rebuild(self) -> None:
        """Use a new client from now on (the settings it is built from changed)."""
        self._retired.append(self._current)
        self._current = self._build()
        log.info("API client rebuilt for the new network settings")

    async def aclose(self) -> None:
        for client in [*self._retired, self._current]:
            await client.aclose()


__all__ = ["ApiClients", "make_client"]
