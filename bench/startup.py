"""Start-up: process start → a usable screen, against a bare PySide6 window.

    .venv/bin/python bench/startup.py [--runs 15] [--no-keyring] [--no-bundle]

What is timed (offscreen, every sample a fresh process, from just before it is spawned):

* bare: a PySide6 QMainWindow with a label, to its first paint: the baseline.
* signed out: real mode with an OAuth client id and no account, to the first paint of
  the sign-in button ("usable"; the window's first frame is kept as a second line).
* returning user: one account signed in, its token in the system keyring (a private
  Secret Service session, as the tests use; ``--no-keyring``: the token file), the API
  being the sandbox in its own process: "usable" is the balance card's Recharge button
  painted, "balance" the figure just read from the server painted. Target: balance ≤
  2 × bare + one API round trip (measured here: a fresh connection and one balance call).
* RSS: the bare window's at its first paint; the app's once its services are started
  (and the balance shown).

The app reports its milestones itself (``OHMYGPT_DESKTOP_STARTUP_TRACE``, see
``ohmygpt_desktop/ui/startup_trace.py``), so nothing is injected into it and the frozen
bundle is measured the same way (when ``dist/ohmygpt-desktop`` exists).

Python runs come from a runtime-only install: a separate virtual environment
(``.bench-venv``) with the base dependencies only (``pip install .``, no extras; built
on first use, rebuilt when the dependencies change). The app itself runs from this
source tree in it (the tree comes first on ``sys.path``). Samples are interleaved
(bare, signed out, returning user, bundle…), so load from other work hits all alike;
medians are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import issue_token, sandbox_process  # noqa: E402

VENV = ROOT / ".bench-venv"
VENV_PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
BUNDLE_EXE = ROOT / "dist" / "ohmygpt-desktop" / f"ohmygpt-desktop{EXE_SUFFIX}"
TRACE = "startup-trace"
IN_SESSION = "OHMYGPT_BENCH_IN_KEYRING_SESSION"
USER_ID = "888"

BARE = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        t = time.time()
        rss = next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmRSS:"))
        print(f"startup-trace usable {t:.6f}", file=sys.stderr, flush=True)
        print(f"startup-trace rss-kb {rss}", file=sys.stderr, flush=True)
        os._exit(0)
app = QApplication(sys.argv)
w = W(); w.setCentralWidget(QLabel("hello")); w.resize(880, 640); w.show()
app.exec()
"""

#: The app from the source tree (cwd = ROOT puts the tree first on sys.path).
APP = "import sys; from ohmygpt_desktop.app import main; sys.exit(main(sys.argv[1:]))"


@dataclass
class Case:
    name: str
    command: list[str]
    env: dict[str, str]
    wait_for: tuple[str, ...]
    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.samples.setdefault(key, []).append(value)

    def median(self, key: str) -> float:
        return statistics.median(self.samples[key])


# ------------------------------------------------------------------ environment


def _dependency_digest() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = "\n".join([sys.version, *project["dependencies"]])
    return hashlib.sha256(text.encode()).hexdigest()


def ensure_runtime_venv() -> Path:
    """``.bench-venv`` with only the base dependencies (no test/build extras)."""
    stamp = VENV / ".bench-deps"
    digest = _dependency_digest()
    if VENV_PY.exists() and stamp.exists() and stamp.read_text() == digest:
        return VENV_PY
    print(f"[bench] building the runtime-only environment in {VENV.name} (once)…", flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    pip = subprocess.run(
        [str(VENV_PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
        capture_output=True,
        text=True,
    )
    if pip.returncode != 0:
        sys.exit(f"[bench] pip install failed:\n{pip.stdout}{pip.stderr}")
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    stamp.write_text(digest)
    return VENV_PY


def in_keyring_session(argv: Sequence[str]) -> int | None:
    """Re-run this script inside a private D-Bus session with an unlocked Secret Service
    (as the tests do); ``None`` when already inside or when none is available."""
    if os.environ.get(IN_SESSION) or not (
        shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")
    ):
        return None
    env = dict(os.environ, XDG_DATA_HOME=tempfile.mkdtemp(prefix="ohmygpt-bench-keyring-"))
    env[IN_SESSION] = "1"
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("PYTHON_KEYRING_BACKEND", None)  # the app finds the backend as a user's would
    script = (
        "printf bench-keyring | gnome-keyring-daemon --unlock --components=secrets "
        '>/dev/null 2>&1; exec "$@"'
    )
    command = ["dbus-run-session", "--", "sh", "-c", script, "sh", sys.executable, *argv]
    return subprocess.run(command, env=env, cwd=ROOT).returncode


def sign_in_returning_user(home: Path, base: str, *, keyring: bool) -> None:
    """One account with its token stored, as after a sign-in in an earlier session."""
    from ohmygpt_desktop.api import Secret
    from ohmygpt_desktop.core.account_store import AccountRecord, AccountStore
    from ohmygpt_desktop.core.accounts import api_host
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.tokens import TokenStorage, TokenStore

    paths = AppPaths.under(home)
    paths.ensure()
    storage = TokenStorage.KEYRING if keyring else TokenStorage.FILE
    host = api_host(base)
    tokens = TokenStore(insecure_file=paths.insecure_tokens_file, timeout=10)
    asyncio.run(tokens.save(host, USER_ID, Secret(issue_token(base, USER_ID)), storage))
    store = AccountStore.load(paths.accounts_file)
    now = "2026-01-01T00:00:00+00:00"
    record = AccountRecord(
        user_id=USER_ID,
        email="bench@example.com",
        host=host,
        added_at=now,
        last_used_at=now,
        token_storage=storage.value,
        scope="general_api_access",
    )
    store.upsert(record)
    store.set_current(record.key)
    store.save()


def round_trip_ms(base: str, runs: int = 15) -> float:
    """One balance call on a fresh connection, as the app makes its first one."""
    import httpx

    from ohmygpt_desktop.api import DEFAULT_ENDPOINTS

    headers = {"Authorization": f"Bearer {issue_token(base, USER_ID)}"}
    times = []
    no_reuse = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(base_url=base, trust_env=False, limits=no_reuse) as client:
        for _ in range(runs):
            started = time.perf_counter()
            client.post(DEFAULT_ENDPOINTS.balance, headers=headers).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


# ----------------------------------------------------------------------- samples


def sample(case: Case, timeout: float = 60.0) -> None:
    """Run one process until it reported every awaited milestone; keep the times (ms)."""
    started = time.time()
    proc = subprocess.Popen(
        case.command,
        cwd=ROOT,
        env=case.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: dict[str, float] = {}
    deadline = time.monotonic() + timeout
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            parts = line.split()
            if len(parts) == 3 and parts[0] == TRACE:
                seen[parts[1]] = float(parts[2])
            if all(name in seen for name in case.wait_for) or time.monotonic() > deadline:
                break
        missing = [name for name in case.wait_for if name not in seen]
        if missing:
            raise RuntimeError(f"{case.name}: no {', '.join(missing)} (exit {proc.poll()})")
        rss_kb = seen.pop("rss-kb", None) or _rss_kb(proc.pid)
    finally:
        proc.kill()
        proc.wait(10)
    for name, moment in seen.items():
        case.add(name, (moment - started) * 1000)
    case.add("rss", rss_kb / 1024)


def _rss_kb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        return float(next(line.split()[1] for line in status if line.startswith("VmRSS:")))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-keyring", action="store_true", help="returning user: token file")
    parser.add_argument("--no-bundle", action="store_true", help="skip dist/ohmygpt-desktop")
    args = parser.parse_args(argv)
    if not args.no_keyring:
        code = in_keyring_session(sys.argv)
        if code is not None:
            return code
    keyring = not args.no_keyring and bool(os.environ.get(IN_SESSION))
    python = ensure_runtime_venv()
    work = Path(tempfile.mkdtemp(prefix="ohmygpt-bench-"))
    base_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    base_env.pop("PYTHONPATH", None)
    # As installed: the app's modules come from byte-code, not compiled at every start.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([str(python), "-m", "compileall", "-q", "ohmygpt_desktop"], cwd=ROOT, check=True)
    if not os.environ.get(IN_SESSION):
        base_env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    with sandbox_process(latency=0) as base:
        sign_in_returning_user(work / "returning", base, keyring=keyring)
        rtt = round_trip_ms(base)
        app_env = dict(
            base_env,
            OHMYGPT_DESKTOP_STARTUP_TRACE="1",
            OHMYGPT_API_BASE_URL=base,
            OHMYGPT_AUTH_BASE_URL=base,
            OHMYGPT_CLIENT_ID="bench-app",
        )
        out_env = dict(app_env, OHMYGPT_DESKTOP_HOME=str(work / "signed-out"))
        in_env = dict(app_env, OHMYGPT_DESKTOP_HOME=str(work / "returning"))
        signed_out = ("frame", "usable", "started")
        returning = ("frame", "usable", "balance", "started")
        cases = [
            Case("bare PySide6 window", [str(python), "-c", BARE], base_env, ("usable", "rss-kb")),
            Case("signed out", [str(python), "-c", APP], out_env, signed_out),
            Case("returning user", [str(python), "-c", APP], in_env, returning),
        ]
        if BUNDLE_EXE.exists() and not args.no_bundle:
            cases += [
                Case("bundle: signed out", [str(BUNDLE_EXE)], out_env, signed_out),
                Case("bundle: returning user", [str(BUNDLE_EXE)], in_env, returning),
            ]
        for case in cases:  # warm the file cache (and the .pyc files)
            sample(case)
            case.samples.clear()
        for _ in range(args.runs):
            for case in cases:
                sample(case)
    shutil.rmtree(work, ignore_errors=True)
    report(cases, args.runs, rtt, keyring)
    return 0


def report(cases: list[Case], runs: int, rtt: float, keyring: bool) -> None:
    bare = cases[0]
    b, b_rss = bare.median("usable"), bare.median("rss")
    load = os.getloadavg()[0]
    print(
        f"start-up, median of {runs} interleaved runs each (offscreen, runtime-only install, "
        f"{os.cpu_count()} cores, load average {load:.1f}):"
    )
    print(f"  {'bare PySide6 window':28} first paint {b:6.0f} ms            RSS {b_rss:5.0f} MB")
    for case in cases[1:]:
        usable = case.median("usable")
        rss = case.median("rss")
        print(
            f"  {case.name:28} usable      {usable:6.0f} ms  {usable / b:4.2f}×  "
            f"RSS {rss:5.0f} MB  {rss / b_rss:4.2f}×"
        )
        frame = case.median("frame")
        print(f"  {'':28} first frame {frame:6.0f} ms  {frame / b:4.2f}×")
        if "balance" in case.samples:
            shown = case.median("balance")
            print(
                f"  {'':28} balance     {shown:6.0f} ms  {shown / b:4.2f}×  "
                f"(target ≤ 2 × bare + 1 round trip = {2 * b + rtt:.0f} ms)"
            )
        print(f"  {'':28} started     {case.median('started'):6.0f} ms")
    storage = "the system keyring (Secret Service)" if keyring else "the token file"
    print(
        f"targets: usable ≤ 2.00×, RSS ≤ 1.60×; one API round trip: {rtt:.1f} ms; "
        f"returning user's token in {storage}"
    )


if __name__ == "__main__":
    sys.exit(main())
