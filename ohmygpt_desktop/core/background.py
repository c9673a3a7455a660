"""Work that must run to its end even when nobody waits for it any more.

Creating an order is not idempotent: once its request has left, abandoning it
would lose what the server did. A window that stops waiting for such work (the
recharge dialog's "Stop waiting", or the dialog closing) leaves it here: it runs
on, records its own outcome (the order history does), and the app gives it a
bounded time to finish before it shuts down (:meth:`BackgroundWork.drain`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class BackgroundWork:
    """Holds the work handed over by :meth:`keep` until it ends."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Future[Any]] = set()

    def keep(self, work: Awaitable[T]) -> asyncio.Future[T]:
        """Run ``work`` to its end. The future returned is for waiting on it:
        cancelling that stops the waiting, never the work."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return asyncio.shield(task)

    def pending(self) -> list[asyncio.Future[Any]]:
        """The work still running."""
        return [task for task in self._tasks if not task.done()]

    async def drain(self, grace_s: float) -> None:
        """Let the work still running finish, for at most ``grace_s`` seconds; then
        cancel what is left and wait until it has wound down (recording its outcome)."""
        pending = self.pending()
        if not pending:
            return
        log.info("Waiting up to %gs for %d request(s) to finish", grace_s, len(pending))
        _finished, late = await asyncio.wait(pending, timeout=grace_s)
        if late:
            log.warning("Stopping %d request(s) that did not finish in time", len(late))
            for task in late:
                task.cancel()
            await asyncio.wait(late)


__all__ = ["BackgroundWork"]
