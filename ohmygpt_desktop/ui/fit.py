"""Windows large enough for their text.

Qt gives a window the minimum height of its layout, which counts a word-wrapped
label as one short line: at a narrow width, or when a longer note appears, the
window stays too short and the text is cut. :func:`keep_wrapped_text_whole` makes
the window's minimum height follow the height its layout needs at the window's
current width, so the window grows when the text needs it (and may shrink again
when it is made wider). :func:`keep_minimum_size` gives a window a minimum size that
grows when its contents need more (a language with longer words): an explicit
minimum size alone would squeeze the contents below what they need.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QWidget

_WATCHED = (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show)


class _MinimumHeightForWidth(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WATCHED and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                # An explicit minimum height turns off the layout's own minimum size,
                # width included: keep the width the contents need (a button whose
                # text grew) as well.
                least = layout.totalMinimumSize().width()
                if least > watched.minimumWidth():
                    watched.setMinimumWidth(least)
                needed = layout.totalMinimumHeightForWidth(watched.width())
                if needed > 0 and needed != watched.minimumHeight():
                    watched.setMinimumHeight(needed)
        return False


def keep_wrapped_text_whole(window: QWidget) -> None:
    """Keep ``window`` at least as tall as its word-wrapped text needs at its width."""
    window.installEventFilter(_MinimumHeightForWidth(window))


class _MinimumSize(QObject):
    def __init__(self, floor: QSize, parent: QWidget) -> None:
        super().__init__(parent)
        self._floor = floor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WATCHED and isinstance(watched, QWidget):
            layout = watched.layout()
            least = self._floor
            if layout is not None:
                least = least.expandedTo(layout.totalMinimumSize())
            if least != watched.minimumSize():
                watched.setMinimumSize(least)
        return False


def keep_minimum_size(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` a minimum size of ``width`` × ``height``, or what its contents
    need if that is more."""
    floor = QSize(width, height)
    window.setMinimumSize(floor)
    window.installEventFilter(_MinimumSize(floor, window))


__all__ = ["keep_minimum_size", "keep_wrapped_text_whole"]
