"""Writing an export file off the GUI thread (the Orders and Usage views' Export).

The file dialog is already non-blocking; the writing is disk work, so it runs in a
worker thread too: with tens of thousands of rows it takes a noticeable moment, and
the window keeps drawing meanwhile. Expected failures (the folder cannot be written)
become a message; anything else is a bug and reaches the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ohmygpt_desktop.ui.tasks import Op


def export_off_thread(
    owner: QObject,
    write: Callable[[], int],
    *,
    expected: type[Exception],
    succeeded: Callable[[int], None],
    failed: Callable[[Exception], None],
    finished: Callable[[], None],
) -> Op[int]:
    """Run ``write`` (returns the rows written) in a worker thread; then ``succeeded``
    with the count, or ``failed`` with an ``expected`` error; ``finished`` either way."""
    import asyncio  # not before the first paint (it is slow to import)

    def failure(exc: Exception) -> None:
        if not isinstance(exc, expected):
            raise exc  # a bug: Op hands it to the crash dialog
        failed(exc)

    op: Op[int] = Op(asyncio.to_thread, write)
    return op.on_success(succeeded).on_failure(failure).on_done(finished).start(owner)


__all__ = ["export_off_thread"]
