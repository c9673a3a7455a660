"""Waiting on signals and conditions from inside the qasync loop (no sleeps)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance

if TYPE_CHECKING:
    from ohmygpt_desktop.ui.tasks import Op


async def wait_signal(signal: SignalInstance, *, timeout: float = 5.0) -> tuple[Any, ...]:
    """Wait for the next emission of ``signal``; return its arguments."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[tuple[Any, ...]] = loop.create_future()

    def receive(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(receive)
    try:
        async with asyncio.timeout(timeout):
            return await future
    finally:
        signal.disconnect(receive)


@contextmanager
def recording(signal: SignalInstance) -> Iterator[list[tuple[Any, ...]]]:
    """The arguments of every emission of ``signal`` while the block runs.

    Connect first, then act: an emission made synchronously by the action itself
    (which ``wait_signal`` started afterwards would miss) is recorded too.
    """
    emissions: list[tuple[Any, ...]] = []

    def receive(*args: Any) -> None:
        emissions.append(args)

    signal.connect(receive)
    try:
        yield emissions
    finally:
        signal.disconnect(receive)


async def until(
    predicate: Callable[[], object], *, timeout: float = 5.0, message: str = ""
) -> None:
    """Let the loop turn until ``predicate()`` is true (like qtbot.waitUntil)."""
    try:
        async with asyncio.timeout(timeout):
            while not predicate():  # noqa: ASYNC110 - polls widget state, not an event
                await asyncio.sleep(0.005)
    except TimeoutError:
        raise AssertionError(message or f"condition not met within {timeout}s") from None


async def outcome(op: Op[Any] | None, *, timeout: float = 10.0) -> Any:
    """Wait until a UI op has ended and its callbacks ran: its result, or ``None`` when
    it failed or was cancelled (its failure callback has shown what went wrong)."""
    assert op is not None, "nothing was started"
    await until(lambda: op.finished, timeout=timeout)
    assert op.task is not None
    if op.task.cancelled() or op.task.exception() is not None:
        return None
    return op.task.result()
