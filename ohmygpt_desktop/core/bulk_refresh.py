"""Reading many balances at once (“Refresh all”, “Refresh selected”).

A few requests at a time over the one API client: a small pool of workers takes
account keys from a queue, so ten thousand accounts cost neither ten thousand
tasks nor a burst of requests. Each reply lands on its account at once (the
account manager announces it, so a table redraws that row only); a failure is
kept on its own account and never holds up the others. :meth:`BulkRefresh.stop`
drops what has not been sent yet; requests already on the wire finish.

No Qt here beyond the account manager's signals: progress is a plain callback.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ohmygpt_desktop.api import ApiError

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account, AccountManager

#: Requests in flight at once for a bulk refresh started from the accounts table.
DEFAULT_CONCURRENCY = 4


@dataclass(frozen=True)
class BulkProgress:
    """Where a bulk refresh stands."""

    #: Accounts whose request has finished (read or failed).
    done: int
    #: Accounts the refresh set out to read (those that can be read: signed in).
    total: int
    failed: int
    #: Stop was pressed: what was not sent yet will not be.
    stopped: bool
    #: No request of this refresh is pending or in flight any more.
    finished: bool


def can_refresh(account: Account | None) -> bool:
    """Whether a balance request can be made for ``account`` now (it has a sign-in)."""
    return account is not None and not account.needs_reauth and not account.loading_token


class BulkRefresh:
    """One run over some accounts. Build it, then ``await run()``; ``stop()`` at any time."""

    def __init__(
        self,
        accounts: AccountManager,
        keys: Iterable[str] | None = None,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_progress: Callable[[BulkProgress], None] | None = None,
    ) -> None:
        """``keys``: the accounts to read (default: all); those that cannot be read
        (signed out, sign-in still loading) are left out of the total."""
        self._accounts = accounts
        chosen = list(keys) if keys is not None else [a.key for a in accounts.accounts()]
        self._pending = deque(k for k in dict.fromkeys(chosen) if can_refresh(accounts.get(k)))
        self._concurrency = max(1, concurrency)
        self._on_progress = on_progress
        self.total = len(self._pending)
        self.done = 0
        self.in_flight = 0
        self.stopped = False
        #: The failures so far, by account key.
        self.failures: dict[str, ApiError] = {}

    @property
    def progress(self) -> BulkProgress:
        return BulkProgress(
            done=self.done,
            total=self.total,
            failed=len(self.failures),
            stopped=self.stopped,
            finished=not self._pending and self.in_flight == 0,
        )

    def stop(self) -> None:
        """Send no more requests; the ones in flight finish and are counted."""
        if self.stopped:
            return
        self.stopped = True
        self._pending.clear()
        self._report()

    async def run(self) -> dict[str, ApiError]:
        """Read the balances; returns the failures by key (also kept on each account)."""
        workers = max(1, min(self._concurrency, len(self._pending)))
        self._report()
        await asyncio.gather(*(self._worker() for _ in range(workers)))
        return dict(self.failures)

    async def _worker(self) -> None:
        while self._pending:
            key = self._pending.popleft()
            self.in_flight += 1
            try:
                await self._accounts.refresh_balance(key)
            except ApiError as exc:
                self.failures[key] = exc
            finally:
                self.in_flight -= 1
                self.done += 1
                self._report()

    def _report(self) -> None:
        if self._on_progress is not None:
            self._on_progress(self.progress)
