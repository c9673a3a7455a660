"""Start-up: process start → main window painted, vs a bare PySide6 QMainWindow.

    python3 bench/startup.py [--runs 7]

Both are measured in the same run, offscreen, as child processes: the time from
just before the process is spawned to the window's first paintEvent. Prints the
medians and the ratio (target: app ≤ 1.5 × bare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        print(time.time() - float(os.environ["BENCH_T0"]), flush=True)
        os._exit(0)
app = QApplication(sys.argv)
w = W(); w.setCentralWidget(QLabel("hello")); w.resize(880, 640); w.show()
app.exec()
"""

APP = r"""
import os, sys, time
from ohmygpt_desktop.ui import main_window
original = main_window.MainWindow.paintEvent
def paint(self, e):
    original(self, e)
    print(time.time() - float(os.environ["BENCH_T0"]), flush=True)
    os._exit(0)
main_window.MainWindow.paintEvent = paint
from ohmygpt_desktop.app import main
sys.exit(main(sys.argv[1:]))
"""


def measure(code: str, args: list[str], env: dict[str, str]) -> float:
    env = dict(env, BENCH_T0=repr(time.time()))
    out = (
        subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=True,
        )
        .stdout.strip()
        .splitlines()
    )
    return float(out[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="ohmygpt-bench-")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS="disabled:",
        OHMYGPT_DESKTOP_HOME=home,
    )
    measure(BARE, [], env)  # warm the file cache
    measure(APP, [], env)
    bare: list[float] = []
    app: list[float] = []
    demo: list[float] = []
    for _ in range(args.runs):  # interleaved, so drift in machine load hits all three
        bare.append(measure(BARE, [], env))
        app.append(measure(APP, [], env))
        demo.append(measure(APP, ["--sandbox", "--sandbox-port", "0"], env))
    b, a, d = (statistics.median(x) * 1000 for x in (bare, app, demo))
    print(f"start → first paint, median of {args.runs} (offscreen):")
    print(f"  bare PySide6 QMainWindow : {b:7.0f} ms")
    print(f"  OhMyGPT Desktop          : {a:7.0f} ms   ratio {a / b:.2f}× (target ≤ 1.5×)")
    print(f"  OhMyGPT Desktop --sandbox: {d:7.0f} ms   ratio {d / b:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
