#!/usr/bin/env python3
"""One entry point for developers and CI (standard library only).

    python3 .ci/dev.py sandbox   launch the app on the built-in sandbox (demo mode);
                                 add --sandbox-reset to start the demo over
    python3 .ci/dev.py test      run the test suite (offscreen, real keyring)
    python3 .ci/dev.py app ...   launch the app with any flags
    python3 .ci/dev.py screenshots
                                 render every screen in en/zh_CN/ja × light/dark to
                                 artifacts/screenshots/ with an index.html contact sheet
    python3 .ci/dev.py build     build the PyInstaller bundle in dist/ohmygpt-desktop;
                                 --provisioning FILE bakes FILE in (README, Provisioning);
                                 --into DIR builds in DIR/work and DIR/dist instead (a
                                 second build to compare: .ci/compare_builds.py)
    python3 .ci/dev.py dist      package that bundle: dist/*.tar.gz and, with dpkg-deb, dist/*.deb,
                                 a CycloneDX SBOM of its Python packages and SHA256SUMS
    python3 .ci/dev.py sign-feed FEED.json --key PRIVATE_KEY
                                 sign an update feed (see .ci/sign_feed.py, docs/operations.md)
    python3 .ci/dev.py lock      re-resolve the locked dependencies in .ci/requirements/ after
                                 a change to pyproject.toml (pins that still fit are kept);
                                 --upgrade or --upgrade-package NAME takes newer releases

Each command first makes sure what it needs is there: the Debian libraries Qt
needs (installed with apt-get when running as root, else the command to run is
printed), a virtual environment in .venv, and the Python dependencies: only what
running the app needs for `sandbox` and `app`, plus the `test` or `build` extras
for those commands, each installed from its lock file (.ci/requirements/, exact
versions with hashes, see .ci/lock.py). Each step says what it does and how long it took.
"""

from __future__ import annotations

import os
import platform
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import bundle_provisioning  # .ci/bundle_provisioning.py, beside this script
import linux_packages  # .ci/linux_packages.py, beside this script
import lock  # .ci/lock.py, beside this script
import release_files  # .ci/release_files.py, beside this script

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
#: The gallery: a Japanese font (fonts-ipafont-gothic, 12 MB; fonts-noto-cjk is 90 MB)
#: and a real browser for the sandbox's web pages (chromium and its driver).
GALLERY_DEBS = ["fonts-ipafont-gothic", "chromium", "chromium-driver"]
#: What the tests use besides Qt's own packages: dbus/gnome-keyring (a real keyring),
#: xvfb (real windows), zbar-tools (reads the QR code), a real PostgreSQL server
#: (throwaway clusters for the team ledger's tests), and the gallery's.
TEST_DEBS = ["dbus", "gnome-keyring", "xvfb", "xauth", "zbar-tools", "postgresql", *GALLERY_DEBS]
#: What the .deb depends on: Qt's libraries. Fonts are the desktop's business.
RUNTIME_DEBS = [name for name in QT_DEBS if not name.startswith("fonts-")]
#: pip lines that only say nothing changed.
_QUIET_LINES = ("Requirement already satisfied", "Using cached")


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run_step(
    title: str,
    command: Sequence[str],
    *,
    heartbeat: float = 10.0,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> None:
    """Run one set-up step, showing its output as it comes, and a line every
    ``heartbeat`` seconds it stays quiet; exit with its status if it fails."""
    say(f"{title}…")
    started = time.monotonic()
    lines: queue.Queue[str | None] = queue.Queue()

    def read(stream: TextIO) -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd
    ) as proc:
        assert proc.stdout is not None
        threading.Thread(target=read, args=(proc.stdout,), daemon=True).start()
        while (line := _next_line(lines, heartbeat)) is not None:
            if not line:
                say(f"still {title}… ({time.monotonic() - started:.0f} s)")
            elif line.strip() and not line.startswith(_QUIET_LINES):
                print(f"    {line.rstrip()}", flush=True)
        code = proc.wait()
    if code:
        print(f"[dev] {title} failed (exit status {code})", file=sys.stderr, flush=True)
        raise SystemExit(code)
    say(f"{title}: done in {time.monotonic() - started:.1f} s")


def _next_line(lines: queue.Queue[str | None], timeout: float) -> str | None:
    """The next output line, ``""`` after ``timeout`` seconds without one, ``None`` at the end."""
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


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
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run_step("updating the apt package lists", ["apt-get", "update", "-q"], env=env)
    run_step(
        "installing system packages: " + " ".join(missing),
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing],
        env=env,
    )


def installed_extras(venv_dir: Path, digest: str) -> set[str] | None:
    """The extras installed for this pyproject.toml (``digest``), ``None``: not even the
    base dependencies. Each install leaves a stamp ``.deps-<extras>`` (``base``: none)."""
    found: set[str] | None = None
    for stamp in venv_dir.glob(".deps-*"):
        try:
            if stamp.read_text() != digest:
                continue
        except OSError:
            continue
        names = stamp.name.removeprefix(".deps-").split(",")
        found = (found or set()) | {name for name in names if name and name != "base"}
    return found


def pip_install_locked(requirements: Path) -> list[str]:
    """The pip command installing exactly what the lock file ``requirements`` pins, each
    file checked against its hash (a package without one is refused)."""
    return [
        str(PY),
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--require-hashes",
        "--only-binary=:all:",
        "-r",
        str(requirements),
    ]


def ensure_venv(extras: str = "") -> None:
    """The project and its locked dependencies in .venv, plus ``extras`` (``""``: run the
    app; else one of the lock files' extras)."""
    requirements = lock.lock_file(extras)
    digest = lock.project_digest()
    wanted = {name for name in extras.split(",") if name}
    have = installed_extras(VENV, digest) if PY.exists() else None
    if have is not None and wanted <= have:
        return
    started = time.monotonic()
    if not PY.exists():
        run_step(
            f"creating a virtual environment in {VENV}", [sys.executable, "-m", "venv", str(VENV)]
        )
    run_step("installing the locked pip", pip_install_locked(lock.LOCKS / "pip.txt"))
    what = f"with the {extras} extras" if extras else "to run the app"
    run_step(
        f"installing the locked Python dependencies {what} ({requirements.name})",
        pip_install_locked(requirements),
    )
    # Its dependencies and build backend came from the lock: nothing else is fetched.
    run_step(
        "installing the project itself",
        [
            str(PY),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "-e",
            str(ROOT),
        ],
    )
    (VENV / f".deps-{extras or 'base'}").write_text(digest)
    say(f"Python dependencies ready ({time.monotonic() - started:.0f} s)")


def run_lock(args: list[str]) -> int:
    """Re-resolve the lock files (pip-tools runs in a throwaway environment)."""
    if args and not (args == ["--upgrade"] or (len(args) == 2 and args[0] == "--upgrade-package")):
        print(
            f"lock takes --upgrade or --upgrade-package NAME (got {' '.join(args)})",
            file=sys.stderr,
        )
        return 2
    started = time.monotonic()
    lock.refresh(run_step, args)
    say(f"lock files in {lock.LOCKS} refreshed ({time.monotonic() - started:.0f} s);")
    say("review them with git diff, then run the tests")
    return 0


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


def run_screenshots(args: list[str]) -> int:
    """The gallery (.ci/screenshots.py), offscreen, with the test helpers it reuses."""
    if args:
        print(f"screenshots takes no arguments (got {' '.join(args)})", file=sys.stderr)
        return 2
    ensure_debs(QT_DEBS + GALLERY_DEBS)
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    script = ROOT / ".ci" / "screenshots.py"
    return subprocess.run([str(PY), str(script)], cwd=ROOT, env=env).returncode


def run_app(args: list[str], *, demo: bool = False) -> int:
    ensure_debs(QT_DEBS)
    ensure_venv()
    if demo:
        tell_demo_state(args)
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        say("no display found: set DISPLAY (or run under xvfb-run) to see the window")
    return subprocess.run([str(PY), "-m", "ohmygpt_desktop", *args], cwd=ROOT, env=env).returncode


#: Prints the demo profile's data and config folders for a --home (or none).
_DEMO_FOLDERS = """
import sys
from pathlib import Path
from ohmygpt_desktop.app import profile_paths
from ohmygpt_desktop.core.paths import AppPaths
base = AppPaths.under(Path(sys.argv[1])) if sys.argv[1] else AppPaths.default()
demo = profile_paths(base, demo=True)
print(demo.data_dir)
print(demo.config_dir)
"""


def _home_flag(args: list[str]) -> str:
    """The value of ``--home`` in the app's arguments ("" if none)."""
    for index, arg in enumerate(args):
        if arg == "--home" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--home="):
            return arg.split("=", 1)[1]
    return ""


def tell_demo_state(args: list[str]) -> None:
    """Say where the demo keeps its state, and how to start it over."""
    found = subprocess.run(
        [str(PY), "-c", _DEMO_FOLDERS, _home_flag(args)], capture_output=True, text=True
    )
    folders = found.stdout.split("\n")
    if found.returncode or len(folders) < 2:
        return  # the app itself will say what is wrong
    say(f"the demo keeps its accounts, orders and sandbox state in {folders[0]}")
    say(f"and its settings in {folders[1]}")
    say("to start the demo over: python3 .ci/dev.py sandbox --sandbox-reset")


def build_options(args: list[str]) -> tuple[Path | None, Path | None]:
    """``--provisioning FILE`` and ``--into DIR`` (``None`` without them); exits on others."""
    found: dict[str, Path] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        flag, _, value = arg.partition("=")
        if flag in {"--provisioning", "--into"} and flag not in found:
            if not value and rest:
                value = rest.pop(0)
            if value:
                found[flag] = Path(value)
                continue
        print(
            f"build takes only --provisioning FILE and --into DIR (got {' '.join(args)})",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return found.get("--provisioning"), found.get("--into")


def commit_epoch() -> str:
    """HEAD's commit time: the build's SOURCE_DATE_EPOCH (every timestamp in it)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def check_provisioning(source: Path) -> None:
    """The app's own check of a provisioning file (exit 2 names its problem)."""
    with tempfile.TemporaryDirectory(prefix="ohmygpt-provisioning-check-") as home:
        env = dict(os.environ, OHMYGPT_PROVISIONING=str(source.resolve()))
        env["XDG_CONFIG_DIRS"] = home  # this machine's system provisioning is not the bundle's
        env.pop("OHMYGPT_DESKTOP_HOME", None)
        for name in list(env):  # nor are this shell's settings
            if name.startswith("OHMYGPT_") and name != "OHMYGPT_PROVISIONING":
                del env[name]
        check = subprocess.run(
            [str(PY), "-m", "ohmygpt_desktop", "--show-config", "--home", home],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    if check.returncode:
        print(check.stderr.strip() or check.stdout.strip(), file=sys.stderr)
        raise SystemExit(2)
    say(f"{source} is a valid provisioning file; baking it into the bundle")


def run_build(args: list[str]) -> int:
    provisioning, into = build_options(args)
    ensure_debs(QT_DEBS)
    ensure_venv("build")
    # Reproducible: the same commit gives the same bundle (build.spec, compare_builds.py).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONHASHSEED="0")
    env["SOURCE_DATE_EPOCH"] = commit_epoch()
    env.pop(bundle_provisioning.ENV, None)
    if provisioning is not None:
        check_provisioning(provisioning)
        staged = bundle_provisioning.stage(provisioning, ROOT / "build")
        env[bundle_provisioning.ENV] = str(staged)
    steps = [
        [str(PY), str(ROOT / ".ci" / "translations.py"), "--release"],
        [
            *(str(PY), "-m", "PyInstaller", "--noconfirm", "--clean"),
            *(["--workpath", str(into / "work"), "--distpath", str(into / "dist")] if into else []),
            str(ROOT / "build.spec"),
        ],
    ]
    for step in steps:
        code = subprocess.run(step, cwd=ROOT, env=env).returncode
        if code:
            return code
    return 0


def deb_depends() -> list[str]:
    """The .deb's Depends: Qt's libraries, and this machine's C library or newer
    (the bundle's binaries were linked against it)."""
    libc = "libc6"
    probe = (
        subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True, text=True
        )
        if shutil.which("dpkg-query")
        else None
    )
    if probe is not None and probe.returncode == 0 and probe.stdout:
        upstream = probe.stdout.split(":")[-1].split("-")[0]
        libc = f"libc6 (>= {upstream})"
    return [libc, *RUNTIME_DEBS]


def run_dist(args: list[str]) -> int:
    """The .tar.gz and .deb of the bundle ``build`` made (run that first)."""
    if args:
        print(f"dist takes no arguments (got {' '.join(args)})", file=sys.stderr)
        return 2
    bundle = ROOT / "dist" / linux_packages.NAME
    exe = bundle / linux_packages.NAME
    if not exe.is_file():
        print(f"no bundle in {bundle}: run python3 .ci/dev.py build first", file=sys.stderr)
        return 2
    probe = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    if probe.returncode or not probe.stdout.strip():
        print(f"{exe} --version failed: {probe.stderr.strip()}", file=sys.stderr)
        return 1
    try:  # the bundle's own version and commit time, whatever the checkout says
        built = release_files.bundle_build_info(bundle)
    except (OSError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    version = built["version"]
    os.environ["SOURCE_DATE_EPOCH"] = str(built["epoch"])  # every date in the packages
    out = ROOT / "dist"
    started = time.monotonic()
    tarball = linux_packages.build_tarball(
        bundle, out, version=version, platform_tag=f"linux-{platform.machine()}"
    )
    say(f"{tarball} ({_mb(tarball)}, {time.monotonic() - started:.1f} s)")
    artifacts = [tarball, write_sbom(bundle, out, version=version)]
    if shutil.which("dpkg-deb"):
        artifacts.append(build_deb(bundle, out, version=version))
    else:
        say("no dpkg-deb on this machine (not Debian/Ubuntu): no .deb")
    sums = release_files.write_sha256sums(artifacts, out / "SHA256SUMS")
    say(f"{sums}: {', '.join(path.name for path in sorted(artifacts))}")
    return 0


def write_sbom(bundle: Path, out: Path, *, version: str) -> Path:
    """The CycloneDX SBOM of the Python packages ``build.spec`` listed beside ``bundle``."""
    ensure_venv("build")  # cyclonedx-py
    started = time.monotonic()
    sbom = release_files.write_sbom(
        bundle.parent / f"{linux_packages.NAME}.requirements.txt",
        out / f"{linux_packages.NAME}-{version}.cdx.json",
        tool=PY.parent / "cyclonedx-py",
        pyproject=ROOT / "pyproject.toml",
        version=version,
    )
    say(f"{sbom} ({time.monotonic() - started:.1f} s)")
    return sbom


def build_deb(bundle: Path, out: Path, *, version: str) -> Path:
    """The .deb of ``bundle`` for this machine's architecture."""
    started = time.monotonic()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    name, email = os.environ.get("DEBFULLNAME"), os.environ.get("DEBEMAIL")
    deb = linux_packages.build_deb(
        bundle,
        out,
        version=version,
        architecture=arch,
        depends=deb_depends(),
        maintainer=f"{name} <{email}>" if name and email else linux_packages.DEFAULT_MAINTAINER,
    )
    say(f"{deb} ({_mb(deb)}, {time.monotonic() - started:.1f} s)")
    return deb


def run_sign_feed(args: list[str]) -> int:
    """Sign an update feed with the project's virtual environment (it needs cryptography)."""
    ensure_venv()
    return subprocess.call([str(PY), str(ROOT / ".ci" / "sign_feed.py"), *args])


def _mb(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(rest)
    if command == "sandbox":
        return run_app(["--sandbox", *rest], demo=True)
    if command == "app":
        return run_app(rest)
    if command == "screenshots":
        return run_screenshots(rest)
    if command == "build":
        return run_build(rest)
    if command == "dist":
        return run_dist(rest)
    if command == "sign-feed":
        return run_sign_feed(rest)
    if command == "lock":
        return run_lock(rest)
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
