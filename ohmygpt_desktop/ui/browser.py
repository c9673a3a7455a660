"""Opening links in the system browser (never an embedded web view)."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)

#: Opens a URL; returns False when no browser could be started. Injected so
#: tests can stand in for a browser.


def open_in_system_browser(url: str) -> bool:
    """Try Qt's desktop integration, then Python's ``webbrowser`` (honours $BROWSER)."""
    import webbrowser  # only when a link is opened: it is slow to import

    if os.environ.get("BROWSER"):
        try:
            if webbrowser.open(url, new=2):
                return True
        except webbrowser.Error:
            pass
    try:
        if QDesktopServices.openUrl(QUrl(url)):
            return True
    except Exception:  # a desktop integration bug must not break sign-in
        log.warning("Qt could not open a browser", exc_info=True)
    try:
        return bool(webbrowser.open(url, new=2))
    except webbrowser.Error:
        return False
