"""Text is shown as text: labels that never render Qt rich text, and text for the
places where Qt would otherwise interpret it.

Qt guesses whether a label's or tooltip's text is HTML (``Qt.mightBeRichText``):
an email address like ``<span style='font-size:1px'>mallory@…</span>alice@…`` would
be drawn as ``alice@…``. Every label the app makes is a :class:`PlainLabel`
(nothing the app shows is rich text). Buttons, menu entries and window titles
are always plain but give ``&`` and ``[*]`` a meaning, and tooltips and desktop
notifications may be read as markup: the functions below make any text show
literally there. Invisible and reordering characters are a separate matter
(:func:`ohmygpt_desktop.ui.formatting.shown`).
"""

from __future__ import annotations

import html
import sys
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QSizePolicy


class PlainLabel(QLabel):
    """A :class:`QLabel` whose text is always plain text (same arguments as QLabel)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)


class ElidedLabel(PlainLabel):
    """A one-line :class:`PlainLabel` for values of any length (an e-mail address, a
    name, a message): line breaks become spaces, and when the text is wider than the
    label it is shortened with "…" and the tooltip holds the whole of it. It asks for
    the full width but accepts less. ``text()`` is the whole text."""

    def __init__(
        self,
        text: str = "",
        parent: Any = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        """The whole text (:meth:`shown_text` is what is drawn, perhaps shortened)."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def is_elided(self) -> bool:
        """Whether the text is shortened (not all of it is on screen)."""
        return self.shown_text() != self._one_line()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin()
        return QSize(width + margins.left() + margins.right(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._one_line(), self._mode, max(room, 0))
        super().setText(shown)
        self.setToolTip(tooltip_text(self._full) if shown != self._one_line() else "")

    def _one_line(self) -> str:
        return " ".join(self._full.splitlines())


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip shows it literally (Qt renders tooltips that look like
    HTML as HTML; those are escaped and wrapped so the markup is shown as written)."""
    if not QtGui.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def mnemonic_safe(text: str) -> str:
    """``text`` for a button, menu entry or tab: a single ``&`` there marks a shortcut
    and is not drawn, so each one is doubled."""
    return text.replace("&", "&&")


def title_safe(text: str) -> str:
    """``text`` for a window title: Qt removes ``[*]`` (the "modified" mark) unless doubled."""
    return text.replace("[*]", "[*][*]")


def notification_text(text: str, platform: str = sys.platform) -> str:
    """``text`` for the body of a tray notification.

    Windows and macOS show the body as plain text. Elsewhere Qt hands it to the
    freedesktop notification server, which may read it as markup (``<b>``, ``<a>``,
    entities): there the markup characters are escaped, so a server that reads markup
    shows the exact text, and one that does not shows the escapes, which hide nothing.
    """
    if platform.startswith(("win", "darwin")):
        return text
    return html.escape(text, quote=False)


__all__ = [
    "ElidedLabel",
    "PlainLabel",
    "mnemonic_safe",
    "notification_text",
    "title_safe",
    "tooltip_text",
]
