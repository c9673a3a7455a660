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

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    """A :class:`QLabel` whose text is always plain text (same arguments as QLabel)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)


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


__all__ = ["PlainLabel", "mnemonic_safe", "notification_text", "title_safe", "tooltip_text"]
