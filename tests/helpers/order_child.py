"""A separate app process that signs in and starts creating one order.

    python -m tests.helpers.order_child BASE_URL HOME AMOUNT

Tests start it with :func:`creating_an_order`: the sandbox holds the create-order
request, and the test acts while that order is in flight (e.g. kills this process
with SIGKILL). The child prints one line per step so the test can tell how far it
got.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.helpers.asyncutil import until

if TYPE_CHECKING:
    from ohmygpt_desktop.sandbox import SandboxServer

REPO = Path(__file__).resolve().parents[2]
#: Long enough that the held request is still open when the test is done with it.
HOLD_S = 120


@dataclass
class OrderingChild:
    """The child process while its create-order request is held; ``out`` once it ended."""

    process: subprocess.Popen[str]
    out: str = ""

    def kill(self) -> None:
        """SIGKILL it mid-request, as a crash or a power cut would."""
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=30) == -signal.SIGKILL


@contextmanager
def creating_an_order(
    sandbox: SandboxServer, home: Path, run: Callable[..., Any], amount: str = "10"
) -> Iterator[OrderingChild]:
    """Start the child on ``home`` and yield once the sandbox holds its create-order request.

    On the way out the child is killed if it still runs, its output is kept in
    ``out`` and the sandbox's faults are cleared.
    """
    sandbox.state.set_fault("checkout_order", "latency", seconds=HOLD_S)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.order_child", sandbox.base_url, str(home), amount],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child = OrderingChild(process)
    try:
        run(
            until(
                lambda: (
                    sandbox.state.request_counts["checkout_order"] >= 1
                    or process.poll() is not None
                ),
                timeout=60,
                message="the child never sent its create-order request",
            ),
            timeout=61,
        )
        if process.poll() is not None:
            out, err = process.communicate(timeout=30)
            raise AssertionError(
                f"the child ended ({process.returncode}) before its order request:\n{out}{err}"
            )
        yield child
    finally:
        if process.poll() is None:
            process.kill()
        child.out, _err = process.communicate(timeout=30)
        sandbox.state.clear_faults()


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
