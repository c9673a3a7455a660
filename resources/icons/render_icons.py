"""Render ohmygpt-desktop.svg to the PNG sizes and the Windows .ico beside it.

    .venv/bin/python resources/icons/render_icons.py

Uses Qt's own SVG renderer (QtSvg ships in PySide6-Essentials), so the PNGs are
what Qt would draw. The .ico is written with the standard library: an ICO file is a
small directory followed by PNG images (Windows Vista and later read PNG entries),
so neither Pillow nor Qt's ico plugin is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "ohmygpt-desktop.svg"
NAME = "ohmygpt-desktop"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 256)


def png_path(size: int) -> Path:
    return HERE / f"{NAME}-{size}.png"


def render_pngs() -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    out: dict[int, bytes] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise SystemExit(f"could not encode the {size}px PNG")
        buffer.close()
        out[size] = bytes(data.data())
        png_path(size).write_bytes(out[size])
        print(f"wrote {png_path(size).relative_to(HERE.parent.parent)} ({len(out[size])} B)")
    return out


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """ICONDIR + one ICONDIRENTRY per size + the PNG bytes (width/height 0 means 256)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    target.write_bytes(header + entries + blobs)
    print(f"wrote {target.relative_to(HERE.parent.parent)} ({target.stat().st_size} B)")


def main() -> int:
    pngs = render_pngs()
    write_ico(pngs, HERE / f"{NAME}.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
