"""Guards against known defects of the Qt binding this app runs on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()
    value = Signal(str)


def test_signal_emit_keeps_reference_counts() -> None:
    """PySide6 6.12.0's emit() dropped a reference to True each call: a long session
    then aborted with "bool_dealloc". A binding with that defect must not ship."""
    emitter = _Emitter()
    emitter.value.connect(lambda text: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        emitter.ping.emit()
        emitter.value.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert after == before
