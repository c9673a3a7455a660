"""The API client the services share, rebuilt in one place when network settings change."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ohmygpt_desktop.api import OhMyGPTClient
    from ohmygpt_desktop.api.latency import LatencyCallback
    from ohmygpt_desktop.core.settings import Settings

log = logging.getLogger(__name__)

#: Seconds an API line may take to answer the line test before it counts as unreachable.
LINE_TEST_LIMIT_S = 3.0


def proxy_of(proxy_mode: str, proxy_url: str) -> str | None:
    """The client's ``proxy`` for the proxy settings: ``None`` honours the environment
    ("system", or "custom" with no address yet), ``""`` means none."""
    if proxy_mode == "none":
        return ""
    if proxy_mode == "custom":
        return proxy_url or None
    return None


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

    return OhMyGPTClient(
        settings.api_base_url,
        endpoints=DEFAULT_ENDPOINTS.with_overrides(settings.endpoints),
        proxy=proxy_of(settings.proxy_mode, settings.proxy_url),
        deadline=settings.request_deadline_s,
        payment_origins=PRODUCTION_PAYMENT_ORIGINS
        | extra_payment_origins
        | ({origin_of(settings.api_base_url)} if is_loopback_url(settings.api_base_url) else set()),
    )


async def measure_lines(
    base_urls: Sequence[str],
    *,
    proxy_mode: str,
    proxy_url: str,
    limit_s: float = LINE_TEST_LIMIT_S,
    on_result: LatencyCallback | None = None,
) -> dict[str, float | None]:
    """How fast each API line answers with these proxy settings (perhaps not saved yet):
    milliseconds, or ``None`` when it did not answer (see ``api.latency``)."""
    from ohmygpt_desktop.api.latency import measure_latency

    return await measure_latency(
        base_urls, proxy=proxy_of(proxy_mode, proxy_url), limit_s=limit_s, on_result=on_result
    )


def warm_http_backend() -> None:
    """Import what an HTTP client's first request loads (its async backend, ~20 ms):
    called from a worker thread, so the GUI thread does not at that request."""
    import contextlib
    import importlib

    for name in ("anyio._backends._asyncio", "anyio.streams.tls", "httpcore._async"):
        with contextlib.suppress(ImportError):  # another layout: nothing to warm
            importlib.import_module(name)


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
        self._closed = False

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

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` ran (a client never built needs no closing)."""
        return self._closed

    async def aclose(self) -> None:
        self._closed = True
        built = [] if self._current is None else [self._current]
        for client in [*self._retired, *built]:
            await client.aclose()


__all__ = [
    "LINE_TEST_LIMIT_S",
    "ApiClients",
    "make_client",
    "measure_lines",
    "warm_http_backend",
]
