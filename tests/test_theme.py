"""Light, dark and "system" themes, switched while the windows are open.

Every main screen is rendered (offscreen) and the text of each visible label and
button is checked for contrast against what is drawn behind it, on the grabbed
pixels: inside the widget's rectangle the most common colour is the background
(text covers a minority of the pixels) and the pixel that differs most from it
is the text colour (the core of a glyph stem, which anti-aliasing does not
lighten). Their WCAG contrast ratio must reach 4.5:1 (AA for body text).
Disabled controls are left out, as WCAG does.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.updates import UpdateNotice
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.sandbox.app import UPDATE_FEED_PATH
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from ohmygpt_desktop.ui.i18n import apply_theme
from ohmygpt_desktop.ui.main_window import MainWindow
from tests.helpers.gallery import Shot, render
from tests.helpers.signed_in import sign_in
from tests.helpers.signin import show, until_idle

AA_BODY_TEXT = 4.5
#: Set to a folder to keep the grabbed screens (to look at them).
SHOTS: Path | None = None


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    def switch(name: str) -> None:
        apply_theme(qapp, name)
        QApplication.processEvents()

    yield switch
    apply_theme(qapp, "system")


# ------------------------------------------------------------------ contrast


def _luminance(argb: int) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: int, b: int) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(image: QImage, rect: QRect) -> float:
    """Contrast of the text drawn in ``rect`` of ``image`` against its background."""
    rect = rect.intersected(image.rect())
    words = memoryview(image.constBits()).cast("I")
    stride = image.bytesPerLine() // 4
    pixels: list[int] = []
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * stride + rect.left()
        pixels.extend(words[start : start + rect.width()])
    background = Counter(pixels).most_common(1)[0][0]
    return max(contrast(background, p) for p in set(pixels))


def _texts(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        label = isinstance(widget, QLabel) and widget.pixmap().isNull()
        if (label or isinstance(widget, QAbstractButton)) and widget.text().strip():
            yield widget, widget.text()


def low_contrast(top: QWidget, label: str, *, settle: bool = True) -> list[str]:
    """The texts of ``top`` that fail AA, as "screen: text (ratio)". ``settle``: let
    the loop deliver pending events first (not from inside a running task)."""
    if settle:
        QApplication.processEvents()
    image = top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.width() / max(1, top.width())  # device pixel ratio of the grab
    if SHOTS is not None:
        image.save(str(SHOTS / f"{label}.png"))
    problems = []
    for widget, text in _texts(top):
        inset = 3 if isinstance(widget, QAbstractButton) else 0  # not the button's frame
        area = widget.rect().adjusted(inset, inset, -inset, -inset)
        origin = widget.mapTo(top, QPoint(0, 0))
        rect = QRect(
            int((origin.x() + area.x()) * ratio),
            int((origin.y() + area.y()) * ratio),
            int(area.width() * ratio),
            int(area.height() * ratio),
        )
        if rect.width() < 4 or rect.height() < 4:
            continue
        value = text_contrast(image, rect)
        if value < AA_BODY_TEXT:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{label}: {name} {text[:40]!r} ({value:.2f}:1)")
    return problems


def test_the_contrast_check_sees_faint_text(qtbot: Any, theme: Callable[[str], None]) -> None:
    theme("light")
    box = QWidget()
    qtbot.addWidget(box)
    readable, faint = QLabel("Readable text", box), QLabel("Faint text", box)
    faint.setStyleSheet("color: #c8c8c8;")
    faint.move(0, 30)
    box.resize(200, 60)
    box.show()
    problems = low_contrast(box, "probe")
    assert len(problems) == 1, problems
    assert "Faint" in problems[0]
    assert readable.isVisible()


# ------------------------------------------------------------------ screens


@pytest.mark.parametrize("first", ["light", "dark"])
def test_every_screen_is_readable_before_and_after_a_live_switch(
    qapp: QApplication,
    sandbox: SandboxServer,
    theme: Callable[[str], None],
    tmp_path: Path,
    first: str,
) -> None:
    """Every screen of the gallery, in one theme and then, still open, in the other."""
    second = "dark" if first == "light" else "light"
    problems: list[str] = []

    async def readable(shot: Shot, top: QWidget) -> None:
        for name in (first, second, first):  # a live switch there and back
            apply_theme(qapp, name)
            await asyncio.sleep(0)  # a turn of the loop delivers the palette events
            window = qapp.palette().color(QPalette.ColorRole.Window)
            assert (window.lightness() < 128) == (name == "dark")
            label = f"{shot.screen}-{first}-then-{name}"
            if isinstance(top, MainWindow) and shot.screen == "balance":
                for level in ("info", "success", "warning", "error"):
                    top.banner.show_message(level, f"A {level} message for the banner")
                    problems.extend(low_contrast(top, f"{label}-{level}", settle=False))
            else:
                problems.extend(low_contrast(top, label, settle=False))

    shots = render(tmp_path, languages=["en"], themes=[first], sandbox=sandbox, check=readable)
    assert {"sign-in", "balance", "recharge", "settings-1", "about"} <= {s.screen for s in shots}
    assert not problems, "\n".join(problems)


def test_system_follows_the_os_colour_scheme_live(
    qapp: QApplication, theme: Callable[[str], None]
) -> None:
    theme("system")
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    theme("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # an explicit choice stays
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128


# ------------------------------------------------------- the last fixed colours


def _backdrop(widget: QWidget) -> QColor:
    """The colour most of ``widget`` is painted in."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    words = memoryview(image.constBits()).cast("I")
    return QColor.fromRgb(Counter(words).most_common(1)[0][0])


def test_the_demo_note_update_strip_and_account_button_follow_a_live_switch(
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    theme: Callable[[str], None],
) -> None:
    theme("light")
    ctx = make_ctx()
    # A feed set (the sandbox has none to serve): the window builds its strip.
    ctx.settings.add_overrides({"update_feed_url": sandbox.base_url + UPDATE_FEED_PATH})
    run(sign_in(ctx, sandbox))
    about = AboutDialog(ctx)
    show(qtbot, run, about, width=620, height=480)
    window = MainWindow(ctx)
    show(qtbot, run, window, width=880, height=640)
    window.start()
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    for unsafe in (False, True):
        bar = window.update_notice
        bar.show_notice(
            UpdateNotice(
                "9.9.9",
                "9.0.0",
                "https://example.org/notes",
                "https://example.org/get",
                "2026-11-30",
                newer=True,
                unsafe=unsafe,
            )
        )
        parts = {
            "demo note": about.demo_label,
            "update strip": bar,
            "account button": window.switcher.button,
        }
        for name in ("dark", "light"):
            theme(name)
            for part, widget in parts.items():
                dark = _backdrop(widget).lightness() < 128
                assert dark == (name == "dark"), f"{part} in {name} (unsafe={unsafe})"
            problems = low_contrast(about, f"{name}-about") + low_contrast(bar, f"{name}-bar")
            assert not problems, "\n".join(problems)
