"""A token bucket per client address: ``per_minute`` requests a minute, as a burst too."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """Each address has a bucket of ``per_minute`` tokens that refills continuously.

    Memory is bounded: at most ``max_clients`` buckets are kept, and the one unused the
    longest is dropped first (an address seen again starts with a full bucket). Not
    thread-safe: the service calls it from its one event loop.
    """

    def __init__(
        self,
        per_minute: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 100_000,
    ) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # tokens, when

    def take(self, address: str) -> float | None:
        """Take one token for ``address``: ``None`` if allowed, else seconds to wait."""
        now = self._clock()
        tokens, when = self._buckets.pop(address, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - when) * self.per_second)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[address] = (tokens, now)
        while len(self._buckets) > self._max_clients:
            self._buckets.popitem(last=False)
        return None if allowed else (1.0 - tokens) / self.per_second

    def __len__(self) -> int:
        return len(self._buckets)
