"""The app's colours, which follow the theme while the app runs.

Style sheets here are templates with ``$name`` colour tokens (:func:`colours`):
:func:`set_themed_style` fills them in from the application palette (light or
dark tones) and fills them in again whenever the application palette changes,
so a switch of theme never leaves a widget in the old colours. The tokens
``$window``, ``$text``, ``$base``, ``$mid``, ``$midlight`` and ``$link`` are the
palette's own roles; the others are tones chosen to keep body text at WCAG AA
contrast (4.5:1) on both themes.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QWidget

#: For a container: its buttons named ``PrimaryButton`` are the screen's main action.
PRIMARY_STYLE = (
    "QPushButton#PrimaryButton { background: $primary; color: #ffffff; border: none;"
    " border-radius: 6px; padding: 8px 20px; font-weight: bold; }"
    "QPushButton#PrimaryButton:hover { background: $primary_hover; }"
    "QPushButton#PrimaryButton:pressed { background: $primary_pressed; }"
    "QPushButton#PrimaryButton:disabled { background: $primary_disabled; }"
)
_NOTE_STYLE = (
    "QFrame#{name} {{ background: ${level}_bg; border: 1px solid ${level}_border;"
    " border-radius: 6px; }}"
    "QFrame#{name} QLabel {{ color: ${level}_fg; }}"
)
#: A button drawn as a link; ``.format(name=...)`` with the button's object name.
LINK_STYLE = (
    "QPushButton#{name} {{ border: none; background: transparent; color: $link;"
    " padding: 4px 2px; text-align: left; }}"
    "QPushButton#{name}:hover {{ text-decoration: underline; }}"
    "QPushButton#{name}:disabled {{ color: $muted; }}"
)
ERROR_TEXT_STYLE = "color: $error_text;"
#: Secondary text (captions, notes) that still reads at AA contrast.
MUTED_TEXT_STYLE = "color: $muted;"

#: The kinds of note (:func:`note_frame`); each has ``$<kind>_bg``, ``_fg``, ``_border``.
INFO_NOTE = "info"
WARNING_NOTE = "warning"
ERROR_NOTE = "error"
SUCCESS_NOTE = "success"

_LIGHT = {
    "primary": "#0b7a5e",
    "primary_hover": "#096b52",
    "primary_pressed": "#075a45",
    "primary_disabled": "#9fd6c6",
    "muted": "#5f6368",
    "error_text": "#a50e0e",
    "warning_text": "#8a5300",
    "info_bg": "#e8f1fd",
    "info_fg": "#174ea6",
    "success_bg": "#e6f4ea",
    "success_fg": "#137333",
    "warning_bg": "#fef7e0",
    "warning_fg": "#6b4100",
    "error_bg": "#fce8e6",
    "error_fg": "#a50e0e",
}
_DARK = {
    "primary": "#0b7a5e",
    "primary_hover": "#0d8a6a",
    "primary_pressed": "#096b52",
    "primary_disabled": "#2f5248",
    "muted": "#b0b4ba",
    "error_text": "#f28b82",
    "warning_text": "#fdd663",
    "info_bg": "#1c2b41",
    "info_fg": "#a8c7fa",
    "success_bg": "#1b3326",
    "success_fg": "#81c995",
    "warning_bg": "#3a2e10",
    "warning_fg": "#fdd663",
    "error_bg": "#42201e",
    "error_fg": "#f2b8b5",
}
_ROLES = {
    "window": QPalette.ColorRole.Window,
    "text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "mid": QPalette.ColorRole.Mid,
    "midlight": QPalette.ColorRole.Midlight,
    "link": QPalette.ColorRole.Link,
}
_TEMPLATE = "_themedStyle"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) has light text on a dark window."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def colours(palette: QPalette | None = None) -> dict[str, str]:
    """The colour tokens for ``palette`` (default: the application's), as ``#rrggbb``."""
    palette = palette or QGuiApplication.palette()
    tones = dict(_DARK if is_dark(palette) else _LIGHT)
    for kind in (INFO_NOTE, WARNING_NOTE, ERROR_NOTE, SUCCESS_NOTE):
        tones[f"{kind}_border"] = tones[f"{kind}_fg"] + "40"
    tones.update({name: palette.color(role).name() for name, role in _ROLES.items()})
    if is_dark(palette) and palette.color(QPalette.ColorRole.Link).lightness() < 128:
        tones["link"] = "#8ab4f8"  # a platform palette with a light-theme link colour
    return tones


_following = False


def _refill_all() -> None:
    for widget in QApplication.allWidgets():
        template = widget.property(_TEMPLATE)
        if isinstance(template, str):
            _fill(widget, template)


def _fill(widget: QWidget, template: str) -> None:
    sheet = Template(template).substitute(colours())
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def set_themed_style(widget: QWidget, template: str) -> None:
    """``widget``'s style sheet from ``template`` (``$`` tokens), kept in the current theme.

    An empty template clears the style sheet.
    """
    global _following
    if not _following:
        # Widgets with a style sheet get no palette events of their own (their palette
        # is the style sheet's), so the application's signal drives the refill.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(_refill_all)
            _following = True
    widget.setProperty(_TEMPLATE, template)
    _fill(widget, template)


def note_style(name: str, kind: str) -> str:
    """The template of a coloured note box named ``name`` of ``kind`` (``INFO_NOTE``…)."""
    return _NOTE_STYLE.format(name=name, level=kind)


def note_frame(name: str, kind: str, parent: QWidget) -> QFrame:
    """A rounded, coloured box (object name ``name``) for a note and its labels."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    set_themed_style(frame, note_style(name, kind))
    return frame


def link_button(name: str, parent: QWidget) -> QPushButton:
    """A button drawn as a link (object name ``name``; a pointing hand over it)."""
    button = QPushButton(parent)
    button.setObjectName(name)
    set_themed_style(button, LINK_STYLE.format(name=name))
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def bold(label: QLabel) -> None:
    font = label.font()
    font.setBold(True)
    label.setFont(font)


__all__ = [
    "ERROR_NOTE",
    "ERROR_TEXT_STYLE",
    "INFO_NOTE",
    "LINK_STYLE",
    "MUTED_TEXT_STYLE",
    "PRIMARY_STYLE",
    "SUCCESS_NOTE",
    "WARNING_NOTE",
    "bold",
    "colours",
    "is_dark",
    "link_button",
    "note_frame",
    "note_style",
    "set_themed_style",
]
