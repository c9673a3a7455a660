"""How fast each API line answers from here (the Settings dialog's "Test").

Every documented call needs a sign-in or the app's credentials, and a failed
credential check is not a harmless probe. So the test asks each base URL itself
(a HEAD request, whatever status it answers), through the same HTTP set-up as the
API client: proxy, no redirects, the app's name (docs/api.md#hosts).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

import httpx

from ohmygpt_desktop.api.client import http_client

#: Hears each line's result as it arrives: (base URL, milliseconds or None).
LatencyCallback = Callable[[str, float | None], None]


async def measure_latency(
    base_urls: Sequence[str],
    *,
    proxy: str | None = None,
    limit_s: float,
    on_result: LatencyCallback | None = None,
) -> dict[str, float | None]:
    """Milliseconds until each base URL answers, all measured at once; ``None`` for a
    line that did not answer within ``limit_s`` seconds. ``proxy`` as for the client."""
    results: dict[str, float | None] = {}
    async with http_client(timeout=limit_s, proxy=proxy) as http:
        await asyncio.gather(
            *(_measure_one(http, url, limit_s, results, on_result) for url in base_urls)
        )
    return results


async def _measure_one(
    http: httpx.AsyncClient,
    url: str,
    limit_s: float,
    results: dict[str, float | None],
    on_result: LatencyCallback | None,
) -> None:
    start = time.perf_counter()
    ms: float | None
    try:
        async with asyncio.timeout(limit_s):
            await http.head(url)
    except (httpx.HTTPError, OSError, TimeoutError, ValueError):
        ms = None
    else:
        ms = (time.perf_counter() - start) * 1000.0
    results[url] = ms
    if on_result is not None:
        on_result(url, ms)


__all__ = ["LatencyCallback", "measure_latency"]
