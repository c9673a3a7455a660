"""Names for assistive technology: a form's caption names the control you type in,
not the box around it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget


def first_input(widget: QWidget) -> QWidget:
    """``widget`` if Tab stops on it, else the first control inside it that Tab stops on."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
    return widget


def add_labelled_row(form: QFormLayout, label: QLabel, field: QWidget) -> None:
    """``form.addRow(label, field)``, with ``label`` pointing at the input inside ``field``
    (its mnemonic focuses it, and a screen reader reads the label as its name)."""
    form.addRow(label, field)
    label.setBuddy(first_input(field))


def name_by_label(label: QLabel) -> None:
    """Give ``label``'s buddy the label's text as its accessible name: Qt reads a buddy's
    label for it only when both have the same parent. Call after each ``setText``. A
    button keeps its own text (a caption over radio buttons names the group)."""
    buddy = label.buddy()
    if buddy is not None and not isinstance(buddy, QAbstractButton):
        text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        buddy.setAccessibleName(text)
