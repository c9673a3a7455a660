"""What the PyInstaller bundle leaves out, shared by build.spec and bench/bundle_size.py.

Measured on Debian 12, Python 3.11.7, PySide6-Essentials 6.11.3/6.12.0, PyInstaller
6.22.3 (the app, onedir): PyInstaller's defaults 196 MB; with this policy and strip 129 MB.
What it saves, largest first:

* Qt plugins (``KEEP_PLUGINS``): the GTK3 platform theme alone drags in GTK, GDK,
  cairo, pango, harfbuzz, gdk-pixbuf, atk, epoxy... (~20 MB of system libraries).
* Python and Qt modules the app never imports (``EXCLUDES``): QtSvg, QtOpenGL,
  QML/Quick, rich/pygments... (QtNetwork is kept for the single-instance hand-over,
  without its TLS and network-information plugins).
* Qt's own translations (7 MB for 200 files): only qtbase in zh_CN and ja stay.
* Shared libraries nothing kept links to any more (:func:`prune_unlinked`, Linux).

Used from a spec file only (``Analysis`` objects); no PyInstaller import at module
level so ruff and the tests can import it anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

IS_LINUX = sys.platform.startswith("linux")
IS_WIN = sys.platform == "win32"

# ------------------------------------------------------------------------ modules

#: PySide6 modules the app does not use. It uses QtCore, QtGui, QtWidgets and QtNetwork
#: (local sockets only), plus QtDBus, which libQt6Gui links on Linux (accessibility,
#: portals, input methods).
QT_UNUSED = [
    # QtNetwork stays: its QLocalServer/QLocalSocket hand a second launch over to the
    # running app (core/instance.py). HTTP goes through httpx, so its tls and
    # networkinformation plugins are still left out (see KEEP_PLUGINS).
    # Icons ship as PNG and the QR code is painted with QPainter: no SVG renderer.
    *("QtSvg", "QtSvgWidgets", "QtOpenGL", "QtOpenGLWidgets"),
    *("QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2"),
    *("QtQuickTest", "QtQuickWidgets", "QtPdf", "QtPdfWidgets"),
    *("QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtTextToSpeech"),
    *("QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel"),
    *("QtWebSockets", "QtWebView", "QtHttpServer"),
    *("Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras"),
    *("QtCharts", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets"),
    *("QtDesigner", "QtHelp", "QtUiTools", "QtPrintSupport", "QtSql", "QtTest", "QtXml"),
    *("QtConcurrent", "QtLabsStyleKit", "QtStateMachine", "QtScxml", "QtRemoteObjects"),
    *("QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSensors"),
    *("QtSerialPort", "QtSerialBus", "QtAxContainer"),
]

EXCLUDES = [
    *(f"PySide6.{name}" for name in QT_UNUSED),
    # Other Qt bindings, should any be installed next to PySide6.
    *("PyQt5", "PyQt6", "PySide2"),
    # The GUI is Qt.
    *("tkinter", "_tkinter", "turtle", "idlelib"),
    # httpx's optional command-line client (httpx._main) imports rich and pygments
    # (~2.3 MB of bytecode); httpx falls back to a stub without them. click stays:
    # uvicorn.main imports it.
    *("rich", "pygments", "markdown_it", "mdurl"),
    # Test and packaging tools that live in the same venv.
    *("pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "numpy"),
    *("setuptools", "pkg_resources", "pip", "lib2to3", "pydoc_data"),
    # unittest is deliberately NOT excluded: nothing imports it today (so it is not
    # collected anyway), and a library that starts importing it should keep working.
]

# ------------------------------------------------------------------------ plugins

#: Qt plugins kept, by plugin type; a type not listed is dropped whole. Names are the
#: file stems without "lib" (libqxcb.so, qwindows.dll -> qxcb, qwindows).
KEEP_PLUGINS: dict[str, set[str]] = {
    # qoffscreen: CI and --smoke-test; qminimal: headless tools; qxcb: X11 and
    # XWayland; qwayland: native Wayland (sharp fractional scaling), ~2.6 MB with
    # libQt6WaylandClient, xdg-shell and the decorations; qwindows/qcocoa on their
    # systems. Dropped: eglfs, linuxfb, vnc, vkkhrdisplay, minimalegl (devices).
    "platforms": {"qoffscreen", "qminimal", "qxcb", "qwayland", "qwindows", "qcocoa"},
    "wayland-shell-integration": {"xdg-shell"},
    # Client-side title bars (GNOME draws none): adwaita looks native there but links
    # libQt6Svg (0.7 MB); bradient is the plain fallback. The
    # wayland-graphics-integration-client plugins are for OpenGL surfaces only (and
    # pull libQt6OpenGL): widgets paint into shared memory.
    "wayland-decoration-client": {"bradient", "adwaita"},
    # GL glue for xcb; small (136 KB), and real X servers expect it.
    "xcbglintegrations": {"qxcb-egl-integration", "qxcb-glx-integration"},
    # xdg-desktop-portal: dark mode and native file dialogs over D-Bus, no GTK.
    # qgtk3 (the GTK3 theme) is dropped: it links the whole GTK stack (~20 MB).
    "platformthemes": {"qxdgdesktopportal"},
    # compose: dead keys; ibus: Chinese and Japanese input methods. The virtual
    # keyboard plugin is dropped (it pulls QtQuick/QML).
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # Native widget styles on Windows and macOS.
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    # PNG is built into QtGui and is all the app loads; qico only on Windows.
    "imageformats": {"qico"} if IS_WIN else set(),
    # Dropped whole: generic (evdev/tslib input for eglfs), egldeviceintegrations,
    # iconengines (SVG icons), tls and networkinformation (QtNetwork), printsupport,
    # sqldrivers, qmltooling, designer, vectorimageformats.
}

#: Qt's own translations: qtbase (standard dialogs and buttons) in the shipped languages.
KEEP_QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qtbase_ja.qm"}

QT_DIR = "PySide6/Qt/"

Entry = tuple[str, str, str]  # (destination, source, typecode): a PyInstaller TOC entry


def _dest(entry: Entry) -> str:
    return entry[0].replace("\\", "/")


def plugin_stem(filename: str) -> str:
    """libqxcb.so, qwindows.dll, libqcocoa.dylib -> qxcb, qwindows, qcocoa."""
    stem = Path(filename).name.removeprefix("lib")
    for suffix in (".so", ".dll", ".dylib"):
        stem = stem.removesuffix(suffix)
    return stem


def keep(entry: Entry) -> bool:
    """False for Qt plugins and Qt translations the policy above leaves out."""
    dest = _dest(entry)
    if dest.startswith(QT_DIR + "plugins/"):
        parts = dest[len(QT_DIR + "plugins/") :].split("/")
        return len(parts) == 2 and plugin_stem(parts[1]) in KEEP_PLUGINS.get(parts[0], ())
    if dest.startswith(QT_DIR + "translations/"):
        return Path(dest).name in KEEP_QT_TRANSLATIONS
    return True


def _is_prunable_library(dest: str) -> bool:
    """A shared library that is in the bundle only because something linked to it."""
    name = Path(dest).name
    return (
        name.startswith("lib")
        and ".so" in name
        and "/plugins/" not in dest
        and not name.startswith("libpython")
    )


def prune_unlinked(
    binaries: Iterable[Entry], imports: Callable[[str], Iterable[tuple[str, Any]]]
) -> tuple[list[Entry], list[str]]:
    """Drop shared libraries no kept binary needs (ELF DT_NEEDED, transitively).

    Roots are the Python extension modules, the kept Qt plugins and libpython;
    ``imports`` is PyInstaller's ``bindepend.get_imports``.
    """
    binaries = list(binaries)
    by_name = {Path(_dest(e)).name: e[1] for e in binaries}
    todo = [src for dest, src, _ in binaries if not _is_prunable_library(dest.replace("\\", "/"))]
    needed: set[str] = set()
    seen: set[str] = set()
    while todo:
        src = todo.pop()
        if src in seen:
            continue
        seen.add(src)
        for lib_name, _resolved in imports(src):
            base = Path(lib_name).name
            if base not in needed:
                needed.add(base)
                if base in by_name:
                    todo.append(by_name[base])
    kept: list[Entry] = []
    dropped: list[str] = []
    for entry in binaries:
        dest = _dest(entry)
        if _is_prunable_library(dest) and Path(dest).name not in needed:
            dropped.append(dest)
        else:
            kept.append(entry)
    return kept, dropped


def drop_dangling_links(datas: Iterable[Entry], binaries: Iterable[Entry]) -> list[Entry]:
    """PyInstaller adds top-level symlinks (libQt6Core.so.6 -> PySide6/Qt/lib/...);
    drop those whose target was left out."""
    datas = list(datas)
    files = {_dest(e) for e in binaries} | {_dest(e) for e in datas if e[2] != "SYMLINK"}

    def target(entry: Entry) -> str:
        dest = _dest(entry)
        return os.path.normpath(os.path.join(os.path.dirname(dest), entry[1])).replace("\\", "/")

    return [e for e in datas if e[2] != "SYMLINK" or target(e) in files]


def slim(analysis: Any, log: Callable[[str], None] = print) -> None:
    """Apply the policy to a PyInstaller ``Analysis`` in place (after it ran)."""
    before = len(analysis.binaries) + len(analysis.datas)
    analysis.binaries = [e for e in analysis.binaries if keep(e)]
    analysis.datas = [e for e in analysis.datas if keep(e)]
    if IS_LINUX:
        from PyInstaller.depend.bindepend import get_imports

        analysis.binaries, pruned = prune_unlinked(analysis.binaries, get_imports)
        log(f"slim_bundle: pruned {len(pruned)} unlinked libraries: {' '.join(sorted(pruned))}")
        # Guard: the GTK stack must not come back through some other plugin.
        gtk = [
            _dest(e)
            for e in analysis.binaries
            if Path(e[0]).name.startswith(("libgtk-", "libgdk-"))
        ]
        if gtk:
            raise SystemExit(f"slim_bundle: GTK libraries are still collected: {gtk}")
    analysis.datas = drop_dangling_links(analysis.datas, analysis.binaries)
    after = len(analysis.binaries) + len(analysis.datas)
    log(f"slim_bundle: left out {before - after} Qt plugin/translation/library files")
