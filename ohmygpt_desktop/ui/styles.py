"""The look the sign-in screens share: the primary button, link buttons, coloured notes."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QWidget

#: For a container: its buttons named ``PrimaryButton`` are the screen's main action.
PRIMARY_STYLE = (
    "QPushButton#PrimaryButton { background: #10a37f; color: white; border: none;"
    " border-radius: 6px; padding: 8px 20px; font-weight: bold; }"
    "QPushButton#PrimaryButton:hover { background: #0e906f; }"
    "QPushButton#PrimaryButton:pressed { background: #0b7a5e; }"
    "QPushButton#PrimaryButton:disabled { background: #9fd6c6; }"
)
_NOTE_STYLE = (
    "QFrame#{name} {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
    "QFrame#{name} QLabel {{ color: {fg}; }}"
)
#: A button drawn as a link; ``.format(name=...)`` with the button's object name.
LINK_STYLE = (
    "QPushButton#{name} {{ border: none; background: transparent; color: #1a73e8;"
    " padding: 4px 2px; text-align: left; }}"
    "QPushButton#{name}:hover {{ text-decoration: underline; }}"
    "QPushButton#{name}:disabled {{ color: #9aa0a6; }}"
)
ERROR_TEXT_STYLE = "color: #a50e0e;"

#: Colours of a note: (background, border, text).
INFO_NOTE = ("#e8f1fd", "#174ea640", "#174ea6")
WARNING_NOTE = ("#fef7e0", "#8a530040", "#5c3b00")
ERROR_NOTE = ("#fce8e6", "#a50e0e40", "#a50e0e")
SUCCESS_NOTE = ("#e6f4ea", "#13733040", "#137333")


def note_frame(name: str, bg: str, border: str, fg: str, parent: QWidget) -> QFrame:
    """A rounded, coloured box (object name ``name``) for a note and its labels."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setStyleSheet(_NOTE_STYLE.format(name=name, bg=bg, border=border, fg=fg))
    return frame


def bold(label: QLabel) -> None:
    font = label.font()
    font.setBold(True)
    label.setFont(font)


__all__ = [
    "ERROR_NOTE",
    "ERROR_TEXT_STYLE",
    "INFO_NOTE",
    "LINK_STYLE",
    "PRIMARY_STYLE",
    "SUCCESS_NOTE",
    "WARNING_NOTE",
    "bold",
    "note_frame",
]
