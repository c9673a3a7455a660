"""Widgets follow the settings they show, for as long as they live."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

if TYPE_CHECKING:
    from ohmygpt_desktop.core.settings import Settings


def follow_settings(
    owner: QObject, settings: Settings, names: Iterable[str], update: Callable[[], None]
) -> None:
    """Call ``update()`` after any of ``names`` changed, until ``owner`` is destroyed."""
    remove = settings.add_listener(names, lambda _changed: update() if isValid(owner) else None)
    owner.destroyed.connect(lambda *_: remove())


__all__ = ["follow_settings"]
