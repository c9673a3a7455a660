"""Shared pieces of the bench scripts: a sandbox process, a stall monitor, RSS."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def sandbox_process(latency: float) -> Iterator[str]:
    """The sandbox in its own process (so it does not share our GIL), on loopback."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ohmygpt_desktop.sandbox",
            "--port",
            str(port),
            "--latency",
            str(latency),
            "--credit-delay",
            "0",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{base}/_sandbox/requests", timeout=1, trust_env=False)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the sandbox did not start") from None
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def issue_token(base: str, user_id: str = "888") -> str:
    reply = httpx.post(f"{base}/_sandbox/token", json={"user_id": user_id}, trust_env=False)
    return reply.json()["data"]["token"]


class StallMonitor:
    """A 1 ms precise timer; a gap between ticks beyond 1 ms is a stall of the loop."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self._last = 0.0
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        """(max stall ms, p99 stall ms)."""
        self.timer.stop()
        stalls = sorted(max(0.0, g - 1.0) for g in self.gaps) or [0.0]
        p99 = stalls[min(len(stalls) - 1, int(len(stalls) * 0.99))]
        return stalls[-1], p99


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


BARE_RSS = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(880, 640); w.show()
app.processEvents()
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        print(int(line.split()[1]) / 1024)
"""


def bare_rss_mb() -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", BARE_RSS], capture_output=True, text=True, env=env, check=True
    )
    return float(out.stdout.strip())


def median(values: list[float]) -> float:
    return statistics.median(values)


def compare_counts(
    measure: Callable[[Any, int], dict[str, float]], title: str, small: int = 10, big: int = 10_000
) -> int:
    """Run ``measure(app, n)`` for ``small`` and ``big`` counts in one process and print
    each operation's milliseconds and the ratio big/small (the same run's baseline)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    few = measure(app, small)
    many = measure(app, big)
    width = max(len(name) for name in few) + 2
    print(f"{title} (ms):")
    print(f"{'operation':<{width}}{f'{small:,} accounts':>14}{f'{big:,}':>10}{'ratio':>8}")
    for name in few:
        a, b = few[name], many[name]
        print(f"{name:<{width}}{a:>14.1f}{b:>10.1f}{b / a if a else float('nan'):>7.1f}×")
    return 0
