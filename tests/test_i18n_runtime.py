"""Switching language (and theme) while the app runs re-translates live widgets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QFontDatabase, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.ui.i18n import LanguageManager, apply_theme, locale_for
from ohmygpt_desktop.ui.settings_dialog import SettingsDialog

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{lang}">
<context>
    <name>Greeter</name>
    <message><source>Hello, {{name}}!</source><translation>{hello}</translation></message>
</context>
<context>
    <name>SettingsDialog</name>
    <message><source>Settings</source><translation>{settings}</translation></message>
    <message><source>Service</source><translation>{service}</translation></message>
</context>
</TS>
"""

LANGS = {
    "zh_CN": {"hello": "你好，{name}！", "settings": "设置", "service": "服务"},
    "ja": {"hello": "こんにちは、{name}さん！", "settings": "設定", "service": "サービス"},
}


class Greeter(QWidget):
    """A live widget that re-translates itself, like every widget of the app."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.setFixedSize(320, 60)  # offscreen Qt warns when a window's size hints change
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Hello, {name}!").format(name="Ada"))


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny .qm files compiled from .ts files written here (named like the app's)."""
    assert LRELEASE.exists(), "pyside6-lrelease comes with PySide6-Essentials"
    folder = tmp_path_factory.mktemp("translations")
    for lang, texts in LANGS.items():
        ts = folder / f"ohmygpt_{lang}.ts"
        ts.write_text(TS.format(lang=lang, **texts), encoding="utf-8")
        subprocess.run(
            [str(LRELEASE), str(ts), "-qm", str(folder / f"ohmygpt_{lang}.qm")],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.fixture
def languages(qapp: QApplication, qm_dir: Path) -> Iterator[LanguageManager]:
    manager = LanguageManager(qapp, translations_dir=qm_dir)
    yield manager
    manager.reset()
    QCoreApplication.processEvents()


def settle(qapp: QApplication) -> None:
    """Deliver the posted LanguageChange events."""
    qapp.processEvents()


def test_switching_language_retranslates_a_live_widget(
    qtbot: Any, qapp: QApplication, languages: LanguageManager
) -> None:
    widget = Greeter()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.label.text() == "Hello, Ada!"

    changed: list[str] = []
    languages.languageChanged.connect(changed.append)
    assert languages.apply("zh_CN") is True
    settle(qapp)
    assert widget.label.text() == "你好，Ada！"
    assert QLocale().name() == "zh_CN"
    assert any(Path(f).name == "ohmygpt_zh_CN.qm" for f in languages.installed_files())
    # Qt's own strings follow (standard buttons, dialogs).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"

    assert languages.apply("ja") is True
    settle(qapp)
    assert widget.label.text() == "こんにちは、Adaさん！"
    assert QLocale().language() == QLocale.Language.Japanese

    assert languages.apply("en") is False  # English is the source: no translator
    settle(qapp)
    assert widget.label.text() == "Hello, Ada!"
    assert languages.installed_files() == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert changed == ["zh_CN", "ja", "en"]
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_open_settings_dialog_follows_the_switch(
    qtbot: Any,
    qapp: QApplication,
    languages: LanguageManager,
    make_ctx: Callable[..., AppContext],
) -> None:
    dialog = SettingsDialog(make_ctx(sandbox=None))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Settings"
    languages.apply("zh_CN")
    settle(qapp)
    assert dialog.windowTitle() == "设置"
    assert dialog.tabs.tabText(SettingsDialog.TAB_SERVICE) == "服务"
    # Native language names never change with the UI language.
    assert (
        dialog.field("language").input.itemText(dialog.field("language").input.findData("ja"))
        == "日本語"
    )
    languages.apply("en")
    settle(qapp)
    assert dialog.windowTitle() == "Settings"
    assert dialog.tabs.tabText(SettingsDialog.TAB_SERVICE) == "Service"


def test_language_without_translation_falls_back_to_english(
    qapp: QApplication, languages: LanguageManager
) -> None:
    assert languages.apply("fr") is False
    assert QCoreApplication.translate("Greeter", "Hello, {name}!") == "Hello, {name}!"
    assert languages.language == "fr"


def _family_drawing(text: str, widget: QWidget) -> set[str]:
    """The font families the glyphs of ``text`` come from in ``widget``'s font."""
    layout = QTextLayout(text, widget.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_han_characters_take_the_languages_regional_font(
    qtbot: Any, qapp: QApplication, languages: LanguageManager
) -> None:
    """The same Han character is drawn differently in Japanese and Chinese: each
    language gets a font of its region first, and English gets the font back."""
    original = qapp.font()
    label = QLabel("直")
    qtbot.addWidget(label)
    japanese = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    assert "IPAGothic" in japanese, "the tests need a Japanese font (fonts-ipafont-gothic)"
    languages.apply("ja")
    settle(qapp)
    (family,) = _family_drawing("直角", label)
    assert family in japanese, family
    assert family not in chinese, family
    languages.apply("zh_CN")
    settle(qapp)
    (family,) = _family_drawing("直角", label)
    assert family in chinese, family
    assert "IPA" not in family
    # Latin text keeps the app's own font.
    assert qapp.font().families()[0] == (original.families() or [original.family()])[0]
    languages.apply("en")
    settle(qapp)
    assert qapp.font() == original


def test_system_means_the_system_locale() -> None:
    assert locale_for("system").name() == QLocale.system().name()
    assert locale_for("").name() == QLocale.system().name()
    assert locale_for("zh_CN").name() == "zh_CN"


def test_default_translations_dir_is_the_resources_folder(qapp: QApplication) -> None:
    from ohmygpt_desktop.resources import translations_dir

    manager = LanguageManager(qapp)
    assert manager.translations_dir == Path(translations_dir())


def test_theme_switch(qapp: QApplication) -> None:
    platform_style = qapp.style().name()
    try:
        apply_theme(qapp, "dark")
        assert qapp.style().name().lower() == "fusion"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
        apply_theme(qapp, "light")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        apply_theme(qapp, "system")
    assert qapp.style().name() == platform_style
