"""Find the app's resource files (icons, translations, the .desktop file).

Plain Python, no Qt: safe to import anywhere. The ``resources`` folder is

* frozen (PyInstaller): ``sys._MEIPASS/resources`` (``build.spec`` puts it there);
* from a source checkout: ``<repo>/resources``;
* from an installed package: ``ohmygpt_desktop/resources`` if present.

Paths are returned whether or not the file exists; callers decide what a missing
icon or translation means (usually: carry on without it).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

APP_ID = "ohmygpt-desktop"
#: Sizes rendered in resources/icons (``ohmygpt-desktop-<size>.png``).
ICON_SIZES = (16, 32, 48, 64, 128, 256)


@cache
def resources_dir() -> Path:
    """The folder that holds ``icons/`` and ``translations/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "resources", package / "resources"):
        if candidate.is_dir():
            return candidate
    return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    """``resource_path("icons", "x.png")`` → ``…/resources/icons/x.png``."""
    return resources_dir().joinpath(*parts)


def icon_path(size: int = 256) -> Path:
    """The app icon as a PNG (the bundle carries no SVG renderer), nearest size at or above."""
    chosen = next((s for s in ICON_SIZES if s >= size), ICON_SIZES[-1])
    return resource_path("icons", f"{APP_ID}-{chosen}.png")


def icon_paths() -> list[Path]:
    """Every rendered size, for ``QIcon.addFile`` (sharp at any size)."""
    return [icon_path(size) for size in ICON_SIZES]


def translations_dir() -> Path:
    """Where the compiled ``ohmygpt_<lang>.qm`` files are."""
    return resource_path("translations")
