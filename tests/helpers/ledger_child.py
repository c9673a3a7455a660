"""A separate process that writes orders and publishes them to the team ledger.

    python -m tests.helpers.ledger_child LEDGER_URL HISTORY_PATH COUNT

It writes COUNT orders to a fresh local history, then publishes them batch by batch
and prints ``PUBLISHED <n>`` after each batch the server committed, so a test can
SIGKILL it in the middle of the stream.
"""

from __future__ import annotations

import asyncio
import sys
from decimal import Decimal
from pathlib import Path


async def main(url: str, path: Path, count: int) -> int:
    from ohmygpt_desktop.core.ledger import Ledger
    from ohmygpt_desktop.core.orders import OrderHistory

    history = OrderHistory(path)
    for number in range(count):
        history.begin(
            account_key="child@sandbox",
            email="child@example.com",
            host="sandbox",
            kind="checkout",
            amount=Decimal(number + 1),
            product_id="p1",
            balance_before=None,
        )
    ledger = Ledger(url, path, desk="child")
    await ledger.start()
    for task in ledger._tasks:  # publish by hand, one batch at a time
        task.cancel()
    total = 0
    while sent := await ledger.publish_batch():
        total += sent
        print("PUBLISHED", total, flush=True)
    print("DONE", flush=True)  # the parent kills us before this
    await ledger.aclose()
    history.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))))
