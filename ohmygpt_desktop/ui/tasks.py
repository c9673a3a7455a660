"""One vocabulary for background work started from the UI.

    Op(coro_fn, *args).on_success(fn).on_failure(fn).on_done(fn).start(owner)

* The coroutine runs as a task on the qasync loop: the window never blocks.
* Callbacks run on the GUI thread; they are skipped if ``owner`` was deleted.
* A failure with no ``on_failure`` goes to the unexpected-error handler (the
  crash dialog), never to the terminal only.
* Every running op is tracked (``running_ops``), so tests can wait for them.
* ``cancel()`` cancels the task; a cancelled op calls only ``on_done``.
* ``shielded(ctx.background)``: ``cancel()`` (or the owner going away) only stops
  waiting; the work itself runs to its end (for requests that must not be abandoned).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

if TYPE_CHECKING:  # asyncio is imported where used (it is slow to import before the first paint)
    import asyncio

    from ohmygpt_desktop.core.background import BackgroundWork

log = logging.getLogger(__name__)

T = TypeVar("T")

_running: set[Op[Any]] = set()


def _log_unexpected(exc: BaseException, context: str) -> None:
    log.error("Unhandled error in %s", context, exc_info=exc)


#: Called with (exception, context) for failures nobody handled. app.py installs
#: the crash dialog here (``set_unexpected_error_handler``); the default logs.
_unexpected: Callable[[BaseException, str], None] = _log_unexpected


def set_unexpected_error_handler(handler: Callable[[BaseException, str], None] | None) -> None:
    global _unexpected
    _unexpected = handler or _log_unexpected


def unexpected_error_handler(exc: BaseException, context: str) -> None:
    _unexpected(exc, context)


class Op(Generic[T]):
    def __init__(self, fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._done: Callable[[], None] | None = None
        self._owner: QObject | None = None
        self._keeper: BackgroundWork | None = None
        self.task: asyncio.Future[T] | None = None
        #: Ended, and its callbacks have run.
        self.finished = False

    def on_success(self, fn: Callable[[T], None]) -> Op[T]:
        self._success = fn
        return self

    def on_failure(self, fn: Callable[[Exception], None]) -> Op[T]:
        self._failure = fn
        return self

    def on_done(self, fn: Callable[[], None]) -> Op[T]:
        self._done = fn
        return self

    def shielded(self, keeper: BackgroundWork) -> Op[T]:
        """Let the work outlive the op: :meth:`cancel` stops waiting for it, and
        ``keeper`` holds it until it ends."""
        self._keeper = keeper
        return self

    def start(self, owner: QObject | None = None) -> Op[T]:
        import asyncio

        self._owner = owner
        work = self._fn(*self._args, **self._kwargs)
        self.task = asyncio.ensure_future(work if self._keeper is None else self._keeper.keep(work))
        _running.add(self)
        self.task.add_done_callback(self._finished)
        return self

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def _owner_alive(self) -> bool:
        return self._owner is None or isValid(self._owner)

    def _finished(self, task: asyncio.Future[T]) -> None:
        _running.discard(self)
        name = getattr(self._fn, "__qualname__", repr(self._fn))
        try:
            if not self._owner_alive():
                if not task.cancelled() and task.exception() is not None:
                    log.info("%s failed after its window closed: %r", name, task.exception())
                return
            if task.cancelled():
                return
            exc = task.exception()
            if exc is None:
                if self._success is not None:
                    self._success(task.result())
            elif isinstance(exc, Exception) and self._failure is not None:
                self._failure(exc)
            else:
                unexpected_error_handler(exc, name)
        except Exception as exc:  # a bug in a callback must not vanish
            unexpected_error_handler(exc, f"callback of {name}")
        finally:
            try:
                if self._done is not None and self._owner_alive():
                    try:
                        self._done()
                    except Exception as exc:
                        unexpected_error_handler(exc, f"on_done of {name}")
            finally:
                self.finished = True


def running_ops() -> list[Op[Any]]:
    return [op for op in _running if op.running]
