"""The API client the services share, rebuilt in one place when network settings change."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient
    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)


def make_client(settings: Settings, extra_payment_origins: set[str]) -> OhMyGPTClient:
    """An API client for the current settings (API line, proxy, endpoint paths, deadline)."""
    from ohmygpt_desktop.api import DEFAULT_ENDPOINTS, PRODUCTION_PAYMENT_ORIGINS, OhMyGPTClient

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
        payment_origins=PRODUCTION_PAYMENT_ORIGINS | extra_payment_origins,
    )


class ApiClients:
    """Holds the client in use (:attr:`current`); services ask it for the client on
    every call, so :meth:`rebuild` swaps it for all of them at once.

    The client is built on first use, or beforehand by :meth:`prepare` in a worker
    thread (importing httpx and loading the certificate store take a while; the
    window is painted meanwhile). Requests already in flight finish on the old
    client, which is closed at shutdown (closing it at once could cut an order
    creation in half).
    """

    def __init__(self, build: Callable[[], OhMyGPTClient]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._current: OhMyGPTClient | None = None
        self._retired: list[OhMyGPTClient] = []

    @property
    def current(self) -> OhMyGPTClient:
        with self._lock:
            if self._current is None:
                self._current = self._build()
            return self._current

    def prepare(self) -> None:
        """Build the client now (from any thread) unless it exists."""
        _ = self.current

    def rebuild(self) -> None:
        """Use a new client from now on (the settings it is built from changed)."""
        with self._lock:
            if self._current is not None:
                self._retired.append(self._current)
            self._current = self._build()
        log.info("API client rebuilt for the new network settings")

    async def aclose(self) -> None:
        built = [] if self._current is None else [self._current]
        for client in [*self._retired, *built]:
            await client.aclose()


__all__ = ["ApiClients", "make_client"]
