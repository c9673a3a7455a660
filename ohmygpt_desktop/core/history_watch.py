"""The running app notices another process's writes to its order history file.

The command line (``ohmygpt-desktop recharge``) tells the running app on the instance
socket when it wrote to the history (``core/instance.py``). This watch is the second
way in, for when that message cannot arrive (the socket could not be opened, or the
app was too busy to answer in time): a ``QFileSystemWatcher`` on the SQLite file and
its write-ahead log calls :meth:`OrderHistory.changed_elsewhere`, which tells the
history's listeners only when another connection committed (SQLite's
``data_version``), never about this app's own writes.

QtCore only (no widgets).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from ohmygpt_desktop.core.orders import OrderHistory, OrderHistoryError

log = logging.getLogger(__name__)

#: A burst of writes (a write-ahead log grows in steps) is looked at once.
_SETTLE_MS = 50


class HistoryFileWatch(QObject):
    """Watches ``history``'s file for as long as this object lives."""

    def __init__(self, history: OrderHistory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self._look)
        self._watch()

    def _watch(self) -> None:
        """(Again) watch the file and its log: a file replaced is no longer watched."""
        path = self._history.path
        wanted = [str(p) for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
        missing = [p for p in wanted if p not in self._watcher.files()]
        if missing:
            self._watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self._watch()
        self._settle.start()

    def _look(self) -> None:
        try:
            self._history.changed_elsewhere()
        except OrderHistoryError as exc:  # closed meanwhile, or unreadable: nothing to show
            log.info("Could not look at the order history's changes: %s", exc)


__all__ = ["HistoryFileWatch"]
