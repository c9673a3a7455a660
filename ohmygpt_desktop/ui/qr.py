"""A QR code of a link, drawn from segno's module matrix.

Crisp on purpose: every module is a whole number of pixels, dark on white
whatever the colour theme (scanners need that), with the standard quiet zone
of four modules around the code.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Modules of light margin around the code (ISO/IEC 18004 asks for 4).
QUIET_ZONE = 4

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(text: str) -> Matrix:
    """The QR code's modules for ``text`` (True = dark), without the quiet zone.

    A regular (not micro) QR code: phone cameras read those reliably.
    """
    import segno  # only needed once a link is shown

    code = segno.make_qr(text)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def render_matrix(matrix: Matrix, scale: int, *, quiet_zone: int = QUIET_ZONE) -> QImage:
    """The code as an image, ``scale`` pixels per module, quiet zone included."""
    size = (len(matrix) + 2 * quiet_zone) * scale
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _paint(painter, matrix, QRect(0, 0, size, size), scale, quiet_zone)
    finally:
        painter.end()
    return image


def _paint(painter: QPainter, matrix: Matrix, area: QRect, scale: int, quiet_zone: int) -> None:
    painter.fillRect(area, QColor("white"))
    origin_x = area.x() + quiet_zone * scale
    origin_y = area.y() + quiet_zone * scale
    black = QColor("black")
    for y, row in enumerate(matrix):
        x = 0
        width = len(row)
        while x < width:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < width and row[x]:
                x += 1
            # One rectangle per run of dark modules: fewer calls, no seams.
            painter.fillRect(
                origin_x + start * scale, origin_y + y * scale, (x - start) * scale, scale, black
            )


class QrCodeWidget(QWidget):
    """Shows the QR code of :meth:`set_text`; scales in whole pixels per module."""

    def __init__(self, parent: QWidget | None = None, *, min_scale: int = 3) -> None:
        super().__init__(parent)
        self._text = ""
        self._matrix: Matrix = ()
        self._min_scale = max(1, min_scale)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # ---- content

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else ()
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def matrix(self) -> Matrix:
        return self._matrix

    def modules(self) -> int:
        """Modules per side including the quiet zone (0 when empty)."""
        return len(self._matrix) + 2 * QUIET_ZONE if self._matrix else 0

    def scale(self) -> int:
        """Pixels per module at the current size."""
        modules = self.modules()
        if not modules:
            return 0
        return max(1, min(self.width(), self.height()) // modules)

    def to_image(self, scale: int = 8) -> QImage:
        return render_matrix(self._matrix, scale)

    # ---- geometry

    def sizeHint(self) -> QSize:
        side = max(self.modules(), 21 + 2 * QUIET_ZONE) * max(self._min_scale, 4)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = max(self.modules(), 21 + 2 * QUIET_ZONE) * self._min_scale
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # ---- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        scale = self.scale()
        side = self.modules() * scale
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            _paint(painter, self._matrix, QRect(left, top, side, side), scale, QUIET_ZONE)
        finally:
            painter.end()
