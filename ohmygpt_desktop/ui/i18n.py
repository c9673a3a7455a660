"""Language and colour theme, switchable while the app runs.

:class:`LanguageManager` installs the app's own translations (``.qm`` files from
:func:`ohmygpt_desktop.resources.translations_dir`) and Qt's (``qtbase_*.qm``,
for standard buttons and dialogs). Installing or removing a translator makes Qt
send ``LanguageChange`` to every widget; each widget re-translates itself in
``changeEvent`` → ``retranslate()``. Nothing has to be rebuilt.

Han characters have regional forms: the same character is drawn differently in
Japanese and in Chinese fonts, and Qt's font fallback may pick either. So each
switch also puts that language's fonts (:data:`REGIONAL_FAMILIES`, those installed)
first in the application font, and English gets the font it started with back.

Running from a source checkout, the compiled ``.qm`` files may not exist yet
(they are build artefacts; ``.ci/translations.py --release`` makes them). When a
language's ``.ts`` file is there but its ``.qm`` is missing or older, the
manager compiles the ``.ts`` with ``lrelease`` (PySide6 ships it) into a cache
folder and loads that; without lrelease the UI stays English, as before.

:func:`apply_theme` switches between the platform's look and a light or dark
Fusion palette; "system" follows the system's colour scheme while the app runs
(``QStyleHints.colorSchemeChanged``). Widgets take their colours from
:mod:`ohmygpt_desktop.ui.styles`, which refills them when the palette changes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
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
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

#: The app's ``.qm`` files are ``<QM_PREFIX>_<locale>.qm`` (e.g. ``ohmygpt_zh_CN.qm``).
QM_PREFIX = "ohmygpt"

#: Font families tried first for a language (the first installed wins; the platform's
#: own before the free ones), so Han characters take that language's regional forms.
REGIONAL_FAMILIES: dict[QLocale.Language, tuple[str, ...]] = {
    QLocale.Language.Japanese: (
        "Hiragino Sans",
        "Yu Gothic UI",
        "Meiryo UI",
        "Noto Sans CJK JP",
        "Source Han Sans JP",
        "IPAexGothic",
        "IPAPGothic",
        "IPAGothic",
        "TakaoGothic",
        "VL Gothic",
    ),
    QLocale.Language.Chinese: (
        "PingFang SC",
        "Microsoft YaHei UI",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "AR PL UMing CN",
    ),
}


def regional_font(base: QFont, locale: QLocale) -> QFont:
    """``base`` with the installed fonts of ``locale``'s region next after its own
    family: Latin text keeps ``base``'s family, characters it lacks (Han, kana) come
    from the region's font rather than from whichever font Qt's fallback finds."""
    wanted = REGIONAL_FAMILIES.get(locale.language())
    if not wanted:
        return QFont(base)
    installed = set(QFontDatabase.families())
    own = base.families() or [base.family()]
    font = QFont(base)
    font.setFamilies([own[0], *(f for f in wanted if f in installed), *own[1:]])
    return font


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


def default_cache_dir() -> Path:
    """Where .qm files compiled from .ts files go (the app's cache folder)."""
    from ohmygpt_desktop.core.paths import AppPaths

    return AppPaths.default().cache_dir / "translations"


def translation_stems(locale: QLocale, prefix: str) -> list[str]:
    """File names (no suffix) ``QTranslator.load(locale, prefix, "_")`` tries, best first.

    As Qt 6 does: each of the locale's UI languages (``zh-Hans-CN`` → ``zh_Hans_CN``,
    then in lower case), then their shorter forms (``zh_Hans``, ``zh``).
    """
    names: list[str] = []
    for language in locale.uiLanguages():
        name = language.replace("-", "_")
        for variant in (name, name.lower()):
            if variant not in names:
                names.append(variant)
    stems = [f"{prefix}_{name}" for name in names]
    for name in names:
        parts = name.split("_")[:-1]
        while parts:
            stem = f"{prefix}_{'_'.join(parts)}"
            if stem not in stems:
                stems.append(stem)
            parts.pop()
    return stems


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease: PySide6's own binary, else ``pyside6-lrelease``, or None."""
    exe = ".exe" if os.name == "nt" else ""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / f"lrelease{exe}"
        if bundled.is_file() and os.access(bundled, os.X_OK):
            return [str(bundled)]
    except ImportError:  # pragma: no cover - PySide6 is what runs this module
        pass
    beside = Path(sys.executable).parent / f"pyside6-lrelease{exe}"
    if beside.is_file():
        return [str(beside)]
    import shutil  # only when compiling (running from a source checkout)

    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_ts(ts: Path, cache_dir: Path) -> Path | None:
    """``ts`` compiled to ``cache_dir/<content hash>/<name>.qm`` (reused while ``ts`` is
    unchanged); None when lrelease is missing or fails."""
    import hashlib  # these only matter when running from a source checkout
    import subprocess
    import tempfile

    try:
        data = ts.read_bytes()
    except OSError as exc:
        log.warning("Cannot read %s: %s", ts, exc.strerror or exc)
        return None
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = cache_dir / digest / f"{ts.stem}.qm"
    if target.is_file() and target.stat().st_size > 0:
        return target
    command = lrelease_command()
    if command is None:
        log.warning("%s has no compiled .qm and lrelease was not found: English UI", ts.name)
        return None
    partial: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=ts.stem, suffix=".partial")
        os.close(handle)
        partial = Path(name)
        result = subprocess.run(  # noqa: S603 - Qt's lrelease on our own .ts file
            [*command, "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode or not partial.stat().st_size:
            log.warning("lrelease could not compile %s: %s", ts, result.stderr.strip()[-500:])
            return None
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Could not compile %s: %s", ts, exc)
        return None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
    # Earlier compilations of the same file are stale now.
    for old in cache_dir.glob(f"*/{ts.stem}.qm"):
        if old != target:
            old.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                old.parent.rmdir()  # when nothing else is in it
    log.info("Compiled %s to %s", ts.name, target)
    return target


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
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app or QCoreApplication.instance()
        if self._app is None:
            raise RuntimeError("LanguageManager needs a QApplication")
        self._dir = translations_dir
        self._qt_dir = qt_dir
        self._prefix = prefix
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self._language = "en"
        self._original_default = QLocale()
        self._original_font = (
            QGuiApplication.font() if isinstance(self._app, QGuiApplication) else None
        )

    @property
    def language(self) -> str:
        return self._language

    @property
    def translations_dir(self) -> Path:
        if self._dir is None:
            self._dir = default_translations_dir()
        return self._dir

    @property
    def cache_dir(self) -> Path:
        """Where .ts files without an up-to-date .qm are compiled to."""
        if self._cache_dir is None:
            self._cache_dir = default_cache_dir()
        return self._cache_dir

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
        if isinstance(self._app, QGuiApplication) and self._original_font is not None:
            self._app.setLayoutDirection(locale.textDirection())
            self._app.setFont(regional_font(self._original_font, locale))
        self._language = language or "system"
        log.info("Language: %s (%s)", self._language, locale.name())
        self.languageChanged.emit(self._language)
        return found

    def reset(self) -> None:
        """Back to the source texts and the locale there was before (tests, shutdown)."""
        self._remove_translators()
        QLocale.setDefault(self._original_default)
        if isinstance(self._app, QGuiApplication) and self._original_font is not None:
            self._app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self._app.setFont(self._original_font)
        self._language = "en"

    # -------------------------------------------------------------- mechanics

    @staticmethod
    def _is_english(locale: QLocale) -> bool:
        # The sources are English: an "English" UI needs no app translator, but a
        # system locale like en_US with a Japanese preference further down its
        # uiLanguages list must not pick Japanese either.
        return locale.language() == QLocale.Language.English

    def _source_fallback(self, locale: QLocale, folder: Path) -> Path | None:
        """A .qm compiled from the app's .ts when the best match has no up-to-date .qm."""
        for stem in translation_stems(locale, self._prefix):
            qm, ts = folder / f"{stem}.qm", folder / f"{stem}.ts"
            if ts.is_file():
                if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
                    return None  # the compiled file is current: the normal way loads it
                return compile_ts(ts, self.cache_dir)
            if qm.is_file():
                return None
        return None

    def _install(self, locale: QLocale, prefix: str, folder: Path) -> bool:
        translator = QTranslator(self)
        compiled = self._source_fallback(locale, folder) if prefix == self._prefix else None
        loaded = (
            translator.load(str(compiled))
            if compiled is not None
            else translator.load(locale, prefix, "_", str(folder))
        )
        if not loaded:
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


def _remember_platform_look(app: QApplication) -> None:
    global _platform_style
    if _platform_style is None:
        _platform_style = app.style().name()


def light_palette() -> QPalette:
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
    return _palette(roles, disabled)


def dark_palette() -> QPalette:
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
    return _palette(roles, disabled)


def _palette(roles: dict[QPalette.ColorRole, QColor], disabled: QColor) -> QPalette:
    palette = QPalette()
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """``"light"``/``"dark"``: Fusion with our palette; ``"system"``: the platform's look,
    following the system's colour scheme (light/dark) while the app runs."""
    global _theme
    _remember_platform_look(app)
    _follow_color_scheme(app)
    if theme not in ("light", "dark", "system"):
        log.warning("Unknown theme %r; using the system theme", theme)
        theme = "system"
    _theme = theme
    if theme == "system":
        _apply_system(app, app.styleHints().colorScheme())
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(light_palette() if theme == "light" else dark_palette())


_theme = "system"
_following_scheme = False


def _follow_color_scheme(app: QApplication) -> None:
    global _following_scheme
    if not _following_scheme:
        _following_scheme = True
        app.styleHints().colorSchemeChanged.connect(
            lambda scheme: _apply_system(app, scheme) if _theme == "system" else None
        )


def _apply_system(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """The platform's style and palette; our own palette when the platform's does not
    match the system's colour scheme (a style without a dark palette, say)."""
    if _platform_style and app.style().name() != _platform_style:
        style = QStyleFactory.create(_platform_style)
        if style is not None:
            app.setStyle(style)
    app.setPalette(QPalette())  # no palette of ours: the platform's, kept current by Qt
    dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if scheme == Qt.ColorScheme.Dark and not dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light and dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(light_palette())


__all__ = [
    "QM_PREFIX",
    "LanguageManager",
    "apply_theme",
    "compile_ts",
    "dark_palette",
    "light_palette",
    "locale_for",
]
