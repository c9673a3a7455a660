"""Language and colour theme, switchable while the app runs.

:class:`LanguageManager` installs the app's own translations (``.qm`` files from
:func:`ohmygpt_desktop.resources.translations_dir`) and Qt's (``qtbase_*.qm``,
for standard buttons and dialogs). Installing or removing a translator makes Qt
send ``LanguageChange`` to every widget; each widget re-translates itself in
``changeEvent`` → ``retranslate()``. Nothing has to be rebuilt.

:func:`apply_theme` switches between the platform's look and a light or dark
Fusion palette.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

#: The app's ``.qm`` files are ``<QM_PREFIX>_<locale>.qm`` (e.g. ``ohmygpt_zh_CN.qm``).
QM_PREFIX = "ohmygpt"

#: Language setting values, each with its name in its own language ("system" has none:
#: it is shown in the current UI language).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("system", ""),
    ("en", "English"),
    ("zh_CN", "中文 (简体)"),
    ("ja", "日本語"),
)

THEMES: tuple[str, ...] = ("system", "light", "dark")


def locale_for(language: str) -> QLocale:
    """The QLocale of a language setting value ("system" → the system locale)."""
    if not language or language == "system":
        return QLocale.system()
    return QLocale(language)


def default_translations_dir() -> Path:
    from ohmygpt_desktop.resources import translations_dir

    return Path(translations_dir())


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class LanguageManager(QObject):
    """Owns the installed translators; :meth:`apply` switches language at run time."""

    #: Emitted after a switch with the setting value ("system", "en", "zh_CN", "ja").
    languageChanged = Signal(str)

    def __init__(
        self,
        app: QCoreApplication | None = None,
        *,
        translations_dir: Path | None = None,
        qt_dir: Path | None = None,
        prefix: str = QM_PREFIX,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app or QCoreApplication.instance()
        if self._app is None:
            raise RuntimeError("LanguageManager needs a QApplication")
        self._dir = translations_dir
        self._qt_dir = qt_dir
        self._prefix = prefix
        self._installed: list[QTranslator] = []
        self._language = "en"
        self._original_default = QLocale()

    @property
    def language(self) -> str:
        return self._language

    @property
    def translations_dir(self) -> Path:
        if self._dir is None:
            self._dir = default_translations_dir()
        return self._dir

    def installed_files(self) -> list[str]:
        """The ``.qm`` files in use (for the About box and tests)."""
        return [t.filePath() for t in self._installed]

    def apply(self, language: str) -> bool:
        """Switch to ``language``; True when the app has a translation for it.

        English (the source language) and languages without a ``.qm`` file show
        the English texts. Qt's own strings follow whenever Qt has them.
        """
        locale = locale_for(language)
        self._remove_translators()
        found = False
        if not self._is_english(locale):
            found = self._install(locale, self._prefix, self.translations_dir)
            if not found:
                log.info("No translation for %s in %s", locale.name(), self.translations_dir)
            self._install(locale, "qtbase", self._qt_dir or qt_translations_dir())
        QLocale.setDefault(locale)
        if isinstance(self._app, QGuiApplication):
            self._app.setLayoutDirection(locale.textDirection())
        self._language = language or "system"
        log.info("Language: %s (%s)", self._language, locale.name())
        self.languageChanged.emit(self._language)
        return found

    def reset(self) -> None:
        """Back to the source texts and the locale there was before (tests, shutdown)."""
        self._remove_translators()
        QLocale.setDefault(self._original_default)
        if isinstance(self._app, QGuiApplication):
            self._app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._language = "en"

    # -------------------------------------------------------------- mechanics

    @staticmethod
    def _is_english(locale: QLocale) -> bool:
        # The sources are English: an "English" UI needs no app translator, but a
        # system locale like en_US with a Japanese preference further down its
        # uiLanguages list must not pick Japanese either.
        return locale.language() == QLocale.Language.English

    def _install(self, locale: QLocale, prefix: str, folder: Path) -> bool:
        translator = QTranslator(self)
        if not translator.load(locale, prefix, "_", str(folder)):
            translator.deleteLater()
            return False
        if not self._app.installTranslator(translator):
            translator.deleteLater()
            return False
        self._installed.append(translator)
        return True

    def _remove_translators(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()


# ------------------------------------------------------------------ themes

_platform_style: str | None = None
_platform_palette: QPalette | None = None


def _remember_platform_look(app: QApplication) -> None:
    global _platform_style, _platform_palette
    if _platform_style is None:
        _platform_style = app.style().name()
        _platform_palette = QPalette(app.palette())


def light_palette() -> QPalette:
    p = QPalette()
    window, text, base = QColor("#f5f5f7"), QColor("#1d1d1f"), QColor("#ffffff")
    disabled = QColor("#8e8e93")
    highlight = QColor("#1a73e8")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#eef0f3"),
        QPalette.ColorRole.ToolTipBase: QColor("#ffffdc"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#ececef"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#d93025"),
        QPalette.ColorRole.Light: QColor("#ffffff"),
        QPalette.ColorRole.Midlight: QColor("#e3e3e8"),
        QPalette.ColorRole.Mid: QColor("#c7c7cc"),
        QPalette.ColorRole.Dark: QColor("#a1a1a6"),
        QPalette.ColorRole.Shadow: QColor("#6e6e73"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#1a0dab"),
        QPalette.ColorRole.LinkVisited: QColor("#681da8"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    window, text, base = QColor("#202124"), QColor("#e8eaed"), QColor("#17181a")
    disabled = QColor("#7f8389")
    highlight = QColor("#4c8df6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: QColor("#303134"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#2d2f33"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#f28b82"),
        QPalette.ColorRole.Light: QColor("#3c4043"),
        QPalette.ColorRole.Midlight: QColor("#34363a"),
        QPalette.ColorRole.Mid: QColor("#4a4d52"),
        QPalette.ColorRole.Dark: QColor("#121314"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#8ab4f8"),
        QPalette.ColorRole.LinkVisited: QColor("#c58af9"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """``"light"``/``"dark"``: Fusion with our palette; ``"system"``: the platform's look."""
    _remember_platform_look(app)
    if theme == "light":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(light_palette())
    elif theme == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    else:
        if theme != "system":
            log.warning("Unknown theme %r; using the system theme", theme)
        style = QStyleFactory.create(_platform_style or "Fusion")
        if style is not None:
            app.setStyle(style)
        app.setPalette(_platform_palette if _platform_palette is not None else QPalette())


__all__ = [
    "LANGUAGES",
    "QM_PREFIX",
    "THEMES",
    "LanguageManager",
    "apply_theme",
    "dark_palette",
    "light_palette",
    "locale_for",
]
