"""A separate app process that signs in and starts creating one order.

    python -m tests.helpers.order_child BASE_URL HOME AMOUNT

Used by the kill test: the parent makes the sandbox hold the create-order
request, waits until it arrived, and kills this process with SIGKILL. Prints
one line per step so the parent can tell how far it got.
"""

from __future__ import annotations

import asyncio
import sys
from decimal import Decimal
from pathlib import Path


class RemoteSandbox:
    """A sandbox served by another process: only its address is known here."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def stop(self) -> None:  # never ours to stop
        pass


async def main(base_url: str, home: Path, amount: Decimal) -> int:
    from ohmygpt_desktop.app import Options, build_context
    from ohmygpt_desktop.core.paths import AppPaths
    from tests.helpers.keyrings import MemoryKeyring
    from tests.helpers.signed_in import sign_in

    ctx = build_context(
        Options(),
        paths=AppPaths.under(home),
        env={},
        open_url=lambda _url: False,
        keyring_backend=MemoryKeyring(),
        sandbox=RemoteSandbox(base_url),  # type: ignore[arg-type]
    )
    account = await sign_in(ctx, None)
    print("SIGNED_IN", account.key, flush=True)
    print("ORDERING", flush=True)
    await ctx.recharge.create_order(account.key, amount)
    print("CREATED", flush=True)  # the parent kills us before this
    await ctx.aclose()
    return 0


if __name__ == "__main__":
    base, home_dir, amount_text = sys.argv[1:4]
    sys.exit(asyncio.run(main(base, Path(home_dir), Decimal(amount_text))))
