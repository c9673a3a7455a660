#!/usr/bin/env python3
"""One entry point for developers and CI (standard library only).

    python3 .ci/dev.py sandbox   launch the app on the built-in sandbox (demo mode)
    python3 .ci/dev.py test      run the test suite (offscreen, real keyring)
    python3 .ci/dev.py app ...   launch the app with any flags
    python3 .ci/dev.py build     build the PyInstaller bundle and smoke-test it

Each command first makes sure what it needs is there: the Debian libraries Qt
needs (installed with apt-get when running as root, else the command to run is
printed), a virtual environment in .venv, and the Python dependencies.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

#: What Qt needs on a bare Debian/Ubuntu (offscreen + xcb), plus a CJK font.
QT_DEBS = [
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "fonts-dejavu-core",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "fonts-wqy-microhei",
]
#: The tests also use a real Secret Service keyring, Xvfb and a QR reader.
TEST_DEBS = ["dbus", "gnome-keyring", "xvfb", "xauth", "zbar-tools"]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def ensure_debs(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = []
    for name in packages:
        probe = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in probe.stdout:
            missing.append(name)
    if not missing:
        return
    if os.geteuid() != 0:
        say("Qt needs these system packages: " + " ".join(missing))
        say("install them with: sudo apt-get install -y " + " ".join(missing))
        return
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def ensure_venv(extras: str) -> None:
    stamp = VENV / f".deps-{extras}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PY.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say(f"installing Python dependencies ({extras})")
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[{extras}]"], check=True)
    stamp.write_text(digest)


def run_tests(args: list[str]) -> int:
    ensure_debs(QT_DEBS + TEST_DEBS)
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    pytest = [str(PY), "-m", "pytest", *args]
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # A real Secret Service keyring for the keyring tests, in a private
        # session bus that ends with the tests.
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        # A fresh keyring file each run (an old one may have another password).
        env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="ohmygpt-test-keyring-")
        script = (
            "printf ci-keyring | gnome-keyring-daemon --unlock --components=secrets "
            '>/dev/null 2>&1; exec "$@"'
        )
        command = ["dbus-run-session", "--", "sh", "-c", script, "sh", *pytest]
    else:
        say("no dbus-run-session/gnome-keyring: keyring tests will be skipped")
        command = pytest
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def run_app(args: list[str]) -> int:
    ensure_debs(QT_DEBS)
    ensure_venv("test")
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        say("no display found: set DISPLAY (or run under xvfb-run) to see the window")
    return subprocess.run([str(PY), "-m", "ohmygpt_desktop", *args], cwd=ROOT, env=env).returncode


def run_build(args: list[str]) -> int:
    ensure_debs(QT_DEBS)
    ensure_venv("test,build")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [str(PY), str(ROOT / ".ci" / "translations.py"), "--release"],
        [str(PY), "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec")],
    ]
    for step in steps:
        code = subprocess.run(step, cwd=ROOT, env=env).returncode
        if code:
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(rest)
    if command == "sandbox":
        return run_app(["--sandbox", *rest])
    if command == "app":
        return run_app(rest)
    if command == "build":
        return run_build(rest)
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
