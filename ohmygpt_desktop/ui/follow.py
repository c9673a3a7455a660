"""Widgets follow the settings and the order history they show, for as long as they live."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

if TYPE_CHECKING:
    from ohmygpt_desktop.core.orders import HistoryEvent, OrderHistory
    from ohmygpt_desktop.core.settings import Settings


def follow_settings(
    owner: QObject, settings: Settings, names: Iterable[str], update: Callable[[], None]
) -> None:
    """Call ``update()`` after any of ``names`` changed, until ``owner`` is destroyed."""
    remove = settings.add_listener(names, lambda _changed: update() if isValid(owner) else None)
    owner.destroyed.connect(lambda *_: remove())


class _HistoryBridge(QObject):
    """Carries a history event from the thread that wrote to the GUI thread."""

    changed = Signal(object)


def follow_history(
    owner: QObject, history: OrderHistory, changed: Callable[[HistoryEvent], None]
) -> None:
    """Call ``changed(event)`` (a method of ``owner``) on the GUI thread after every
    write to ``history``, whichever thread wrote, until ``owner`` is destroyed."""
    bridge = _HistoryBridge(owner)
    bridge.changed.connect(changed)

    def listener(event: HistoryEvent) -> None:
        if isValid(bridge):
            bridge.changed.emit(event)

    history.add_listener(listener)
    owner.destroyed.connect(lambda *_: history.remove_listener(listener))


__all__ = ["follow_history", "follow_settings"]
