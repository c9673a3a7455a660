"""Text that does not fit: every visible label, button and table cell of a screen
measured against the room it has.

A label on one line needs the width of its text (font metrics) inside its contents
rect; a word-wrapped label needs the height its text takes at its width
(``heightForWidth``); a button needs its size hint (text, icon and the style's margins).
Table cells are elided by Qt, which is fine only when the full text is in the tooltip.
A label that elides on purpose (``ElidedLabel``) must carry the full text in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QWidget,
)

from ohmygpt_desktop.ui.plain import ElidedLabel

#: Rounding slack, in pixels.
_SLACK = 1


def _where(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName() or ""
    return f"{type(widget).__name__}{f' {name!r}' if name else ''}"


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _drawn(text: str) -> str:
    """``text`` as a label with a buddy draws it: a single ``&`` marks the shortcut key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text() if label.buddy() is None else _drawn(label.text())
    if not text or not label.pixmap().isNull():
        return None
    if isinstance(label, ElidedLabel):
        if label.is_elided() and label.text() not in label.toolTip():
            return f"{_where(label)} elides {label.text()!r} without a tooltip"
        return None
    room = label.contentsRect()
    room = room.adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + _SLACK:
            return f"{_where(label)} {text!r} needs {needed}px of height, has {label.height()}px"
        return None
    metrics = label.fontMetrics()
    width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if width > room.width() + _SLACK:
        return f"{_where(label)} {text!r} needs {width}px of width, has {room.width()}px"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + _SLACK:
        return (
            f"{_where(button)} {button.text()!r} needs {hint.width()}px of width, "
            f"has {button.width()}px"
        )
    return None


def _view_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    problems = []
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    rows = min(model.rowCount(QModelIndex()), 50)
    for row in range(rows):
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            rect = view.visualRect(index)
            if rect.isEmpty():
                continue
            needed = metrics.horizontalAdvance(text) + margin
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if needed > rect.width() + _SLACK and not (isinstance(tip, str) and text in tip):
                problems.append(
                    f"{_where(view)} cell ({row}, {column}) {text!r} needs {needed}px, "
                    f"has {rect.width()}px and no tooltip"
                )
    return problems


def clipped_text(root: QWidget) -> list[str]:
    """What does not fit on ``root`` as shown now: one line per label, button or cell."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _visible(widget, root):
            continue
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QAbstractItemView):
            problems.extend(_view_problems(widget))
            continue
        else:
            continue
        if problem is not None:
            problems.append(problem)
    return problems
