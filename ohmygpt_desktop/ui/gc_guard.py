"""Run Python's cyclic garbage collector on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is
crossed: here, the keyring, loopback and sandbox threads. If it then frees a
cycle holding Qt objects, they are destroyed in the wrong thread (Qt warns
"Timers cannot be stopped from another thread" or crashes). So automatic
collection is switched off and this timer collects on the GUI thread instead,
using the same thresholds, cheaply (a count check per tick).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        first, second, third = gc.get_count()
        if third > self._threshold[2]:
            gc.collect(2)
        elif second > self._threshold[1]:
            gc.collect(1)
        elif first > self._threshold[0]:
            gc.collect(0)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
