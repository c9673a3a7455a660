"""Prove that the installed, provisioned app starts and signs in (.ci/run, as root).

    .venv/bin/python .ci/installed_check.py [--app COMMAND] [--system]

Runs with the repository's virtualenv (the sandbox and the token-exchange service are
the repository's), against the app COMMAND (default: the installed
``/usr/bin/ohmygpt-desktop``; ``tests/test_installed_check.py`` gives the source app).
Steps, each printed with its time:

1. start the standalone sandbox and the token-exchange service as processes of their
   own, on free ports of 127.0.0.1 (the exchange service gets the seeded app's secret
   in its environment, never on its command line), and wait until both answer;
2. write two provisioning files (the seeded app, the sandbox as its service, an
   organisation, a support address, locked keys): one with the client secret, one with
   ``token_exchange_url`` instead, each in a folder laid out like ``/etc/xdg`` that
   ``XDG_CONFIG_DIRS`` names, so the real ``/etc`` is not written;
3. for each: ``--show-config`` shows the provisioned values from "system" (the secret
   never), then ``--smoke-test --configured --code - --create-order 5`` with a fresh
   code on stdin signs in and creates an order, and the sandbox (and the exchange
   service) saw exactly that;
4. as root under CI (``CI=true``) or with ``--system``: the same with the file in the
   package's own folder, ``/etc/xdg/ohmygpt-desktop/``, removed again afterwards.

Both servers are stopped in every case. Exit 0, or 1 naming the failed step (2 for a
bad command line). Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests' stand-in for a person at the browser

import httpx  # noqa: E402

from ohmygpt_desktop.exchange.__main__ import (  # noqa: E402
    ENV_API_BASE_URL,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
)
from ohmygpt_desktop.exchange.app import HEALTH_PATH, TOKEN_PATH  # noqa: E402
from ohmygpt_desktop.sandbox import DEFAULT_APP  # noqa: E402
from tests.helpers.sandbox_browser import authorize_code, new_client  # noqa: E402

INSTALLED_APP = "/usr/bin/ohmygpt-desktop"
SYSTEM_FOLDER = Path("/etc/xdg/ohmygpt-desktop")
FILE_NAME = "provisioning.json"
ORGANIZATION = "CI Org"
SUPPORT = "ci-support@example.com"
ORDER_AMOUNT = "5"
#: Seconds a server may take to start, and one run of the app to finish.
START_TIMEOUT = 30.0
APP_TIMEOUT = 180.0
STOP_TIMEOUT = 10.0

#: Variables the app or the servers would otherwise take from the caller's environment:
#: proxies (only 127.0.0.1 is used), where the provisioning is, and a keyring backend
#: (the test runner names one on its private session bus, which the app is kept off).
_NOT_INHERITED = {
    "http_proxy", "https_proxy", "all_proxy", "no_proxy", "xdg_config_dirs",
    "python_keyring_backend",
}  # fmt: skip
#: How the exchange service logs a token request it answered with 200.
_TOKEN_OK = re.compile(rf" POST {re.escape(TOKEN_PATH)} 200 ")

# What a run must never show: the client secret and the codes used so far.
_hidden: set[str] = {DEFAULT_APP.client_secret}


def hide(text: str) -> str:
    """``text`` without the client secret or any code used, for the CI log."""
    for secret in _hidden:
        text = text.replace(secret, "***")
    return text


def say(text: str) -> None:
    print(f"installed check: {hide(text)}", flush=True)


class StepFailed(Exception):
    """A step's check did not hold; the message says what was seen (never a secret)."""


def use_system_folder(*, asked: bool, env: Mapping[str, str], euid: int) -> bool:
    """Whether to also provision through the package's folder in ``/etc/xdg``: as root,
    under CI or when ``--system`` asks; ``--system`` without root is refused."""
    if asked and euid != 0:
        raise SystemExit(f"--system writes {SYSTEM_FOLDER}: run as root")
    return euid == 0 and (asked or env.get("CI") == "true")


def clean_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The caller's environment without what would change the outcome (proxies, the
    app's own variables, the keyring's), plus ``extra``: each run says what it means."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name.lower() not in _NOT_INHERITED and not name.startswith("OHMYGPT_")
    }
    env.update(extra)
    return env


# ------------------------------------------------------------------ steps


class Steps:
    """Runs named steps; prints each one's time, and the one that failed."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.count = 0
        #: The first step that failed.
        self.failed = ""

    @contextmanager
    def step(self, name: str) -> Iterator[list[str]]:
        """A step; what the caller appends to the yielded list is added to its name."""
        detail: list[str] = []
        started = time.monotonic()
        try:
            yield detail
        except BaseException:
            self.failed = self.failed or name
            raise
        self.count += 1
        say(f"{' '.join([name, *detail])}: ok in {time.monotonic() - started:.2f} s")


def fail(text: str, output: str = "") -> NoReturn:
    if output.strip():
        lines = output.strip().splitlines()[-40:]
        text += "\n" + "\n".join(f"    | {line}" for line in lines)
    raise StepFailed(text)


# ------------------------------------------------------------------ the two servers


class Server:
    """``python -m MODULE`` of this virtualenv as a process of its own, its output (both
    streams) kept in memory; ``base_url`` is read from its banner."""

    def __init__(self, name: str, args: Sequence[str], env: Mapping[str, str], banner: str) -> None:
        self.name = name
        self.base_url = ""
        self._lines: list[str] = []
        self._changed = threading.Condition()
        self._banner = re.compile(banner)
        self.process = subprocess.Popen(
            [sys.executable, "-m", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=dict(env),
        )
        self._reader = threading.Thread(target=self._read, name=f"{name}-output", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self._lines.append(line.rstrip("\n"))
                if not self.base_url and (found := self._banner.search(line)):
                    self.base_url = found.group(1)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def output(self) -> str:
        with self._changed:
            return "\n".join(self._lines)

    def count(self, pattern: re.Pattern[str]) -> int:
        with self._changed:
            return sum(1 for line in self._lines if pattern.search(line))

    def wait_for(self, ready: Callable[[], bool], timeout: float) -> bool:
        """Wait until ``ready()`` (checked on each line of output) or the process ends."""
        with self._changed:
            return (
                self._changed.wait_for(lambda: ready() or self.process.poll() is not None, timeout)
                and ready()
            )

    def start(self, health_path: str, healthy: Callable[[httpx.Response], bool]) -> str:
        """Wait for the banner's address, then until ``health_path`` answers ``healthy``."""
        if not self.wait_for(lambda: bool(self.base_url), START_TIMEOUT):
            fail(f"the {self.name} did not say where it listens", self.output())
        deadline = time.monotonic() + START_TIMEOUT
        with new_client(self.base_url, timeout=5) as http:
            while True:
                try:
                    if healthy(http.get(health_path)):
                        return self.base_url
                except httpx.TransportError:
                    pass
                if self.process.poll() is not None or time.monotonic() > deadline:
                    fail(f"the {self.name} does not answer on {self.base_url}", self.output())
                time.sleep(0.1)

    def stop(self) -> None:
        """SIGTERM (both servers stop gracefully on it), SIGKILL if that is not enough."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(STOP_TIMEOUT)


def start_sandbox() -> Server:
    return Server(
        "sandbox",
        ["ohmygpt_desktop.sandbox", "--host", "127.0.0.1", "--port", "0"],
        clean_environment({}),
        r"Base URL \(API and pages\): +(http://127\.0\.0\.1:\d+)",
    )


def start_exchange(sandbox_url: str) -> Server:
    env = clean_environment(
        {
            ENV_CLIENT_ID: DEFAULT_APP.client_id,
            ENV_CLIENT_SECRET: DEFAULT_APP.client_secret,  # never on the command line
            ENV_API_BASE_URL: sandbox_url,
        }
    )
    return Server(
        "token-exchange service",
        ["ohmygpt_desktop.exchange", "--host", "127.0.0.1", "--port", "0"],
        env,
        r"listening on (http://127\.0\.0\.1:\d+)",
    )


def sandbox_control(sandbox_url: str, what: str) -> Any:
    """The ``data`` of ``GET /_sandbox/<what>`` (request counts, orders)."""
    with new_client(sandbox_url) as http:
        reply = http.get(f"/_sandbox/{what}")
    if reply.status_code != 200:
        fail(f"the sandbox's /_sandbox/{what} answered HTTP {reply.status_code}")
    return reply.json()["data"]


# ------------------------------------------------------------------ provisioning


def provisioning(sandbox_url: str, *, exchange_url: str | None) -> dict[str, Any]:
    """What an organisation would provision: the seeded app on the sandbox as its
    service, with the client secret or (``exchange_url``) a token-exchange service."""
    data: dict[str, Any] = {
        "client_id": DEFAULT_APP.client_id,
        "scope": DEFAULT_APP.scope,
        "api_base_url": sandbox_url,
        "auth_base_url": sandbox_url,
        "organization": ORGANIZATION,
        "support": SUPPORT,
    }
    locked = ["client_id", "scope", "api_base_url", "auth_base_url"]
    if exchange_url is None:
        data["client_secret"] = DEFAULT_APP.client_secret
        locked.append("client_secret")
    else:
        data["token_exchange_url"] = exchange_url
        locked.append("token_exchange_url")
    data["locked"] = locked
    return data


def write_provisioning(folder: Path, data: Mapping[str, Any]) -> Path:
    """``folder/FILE_NAME``, readable by every user as an administrator would leave it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    path.chmod(0o644)
    return path


@contextmanager
def in_system_folder(source: Path) -> Iterator[Path]:
    """``source`` copied to the package's ``/etc/xdg`` folder, removed again afterwards."""
    if not SYSTEM_FOLDER.is_dir():
        fail(f"{SYSTEM_FOLDER} does not exist: is the package installed?")
    target = SYSTEM_FOLDER / FILE_NAME
    if target.exists():
        fail(f"{target} exists already: it is not this check's to replace; remove it first")
    try:
        write_provisioning(SYSTEM_FOLDER, json.loads(source.read_text(encoding="utf-8")))
        yield target
    finally:
        target.unlink(missing_ok=True)


# ------------------------------------------------------------------ the app


class App:
    """Runs the app COMMAND offscreen, without the session keyring, on a fresh home."""

    def __init__(self, command: Sequence[str], work: Path) -> None:
        self.command = list(command)
        self.work = work
        self.runs = 0

    def run(
        self, *args: str, config_dirs: Path | None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``config_dirs``: the XDG_CONFIG_DIRS (None: unset, i.e. /etc/xdg)."""
        self.runs += 1
        extra = {
            "QT_QPA_PLATFORM": "offscreen",
            "DBUS_SESSION_BUS_ADDRESS": "disabled:",
            "OHMYGPT_DESKTOP_HOME": str(self.work / f"home-{self.runs}"),
        }
        if config_dirs is not None:
            extra["XDG_CONFIG_DIRS"] = str(config_dirs)
        try:
            return subprocess.run(
                [*self.command, *args],
                input=stdin,
                capture_output=True,
                text=True,
                env=clean_environment(extra),
                timeout=APP_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            fail(f"{shlex.join(self.command)} did not finish within {APP_TIMEOUT:.0f} s")
        except OSError as exc:
            fail(f"{shlex.join(self.command)} cannot be run: {exc}")


def check_ran(result: subprocess.CompletedProcess[str], what: str) -> str:
    """The output (stdout, then stderr) of a run that exited 0 and showed no secret."""
    output = result.stdout + result.stderr
    leaked = [secret for secret in _hidden if secret in output]
    if leaked:
        fail(f"{what} printed the client secret or the authorization code", hide(output))
    if result.returncode != 0:
        fail(f"{what} ended with exit status {result.returncode}", output)
    return output


def check_show_config(
    app: App, config_dirs: Path | None, source: Path, data: Mapping[str, Any]
) -> None:
    """``--show-config`` says each provisioned value came from ``source`` (system)."""
    output = check_ran(app.run("--show-config", config_dirs=config_dirs), "--show-config")
    if f"system: {source} (read)" not in output:
        fail(f"--show-config does not list {source} as a system file it read", output)
    origin = re.escape(f"system ({source})")
    shown = {key: str(value) for key, value in data.items() if key not in ("locked",)}
    shown["client_secret"] = "set (hidden)" if "client_secret" in data else "not set"
    for key, value in shown.items():
        found = re.search(rf"^{re.escape(key)} +{re.escape(value)} *(.*)$", output, re.M)
        expected_origin = origin if key in data else re.escape("default")
        locked = key in data["locked"]
        if found is None or not re.fullmatch(
            expected_origin + (", locked" if locked else ""), found.group(1)
        ):
            seen = found.group(0) if found else "no such line"
            fail(
                f"--show-config should show {key} = {value!r} from {expected_origin}"
                f"{' (locked)' if locked else ''}; it shows: {seen}",
                output,
            )


def check_sign_in(
    app: App,
    config_dirs: Path | None,
    sandbox_url: str,
    exchange: Server,
    *,
    via_exchange: bool,
) -> str:
    """A fresh code on stdin: the app signs in, reads the balance, creates one order;
    the sandbox saw one issue-token call and one order (and the exchange service the
    token request, when it is provisioned). The e-mail address signed in as."""
    counts_before = sandbox_control(sandbox_url, "requests")
    orders_before = len(sandbox_control(sandbox_url, "orders"))
    exchanged_before = exchange.count(_TOKEN_OK)
    code = authorize_code(sandbox_url)
    _hidden.add(code)
    result = app.run(
        "--smoke-test", "--configured", "--code", "-", "--create-order", ORDER_AMOUNT,
        config_dirs=config_dirs, stdin=code + "\n",
    )  # fmt: skip
    output = check_ran(result, "--smoke-test --configured")
    via = f"{exchange.base_url}{TOKEN_PATH}" if via_exchange else "issue-token"
    for expected in (f"smoke: exchanging the code at {via}", "smoke: signed in as", "smoke: OK"):
        if expected not in result.stdout:
            fail(f"the smoke test did not say {expected!r}", output)

    counts = sandbox_control(sandbox_url, "requests")
    for endpoint in ("issue_token", "checkout_order"):
        calls = counts[endpoint] - counts_before[endpoint]
        if calls != 1:
            fail(f"the sandbox saw {calls} {endpoint} calls, not 1", output)
    new_orders = sandbox_control(sandbox_url, "orders")[orders_before:]
    if [order["amount"] for order in new_orders] != [f"{ORDER_AMOUNT}.00"]:
        fail(f"the sandbox holds these new orders, not one of ${ORDER_AMOUNT}: {new_orders}")

    expected_exchanges = exchanged_before + (1 if via_exchange else 0)
    # The service logs a request as it answers it: its line may still be on its way.
    if not exchange.wait_for(lambda: exchange.count(_TOKEN_OK) >= expected_exchanges, 10):
        fail("the token-exchange service did not answer the token request", exchange.output())
    if exchange.count(_TOKEN_OK) != expected_exchanges:
        fail(
            f"the token-exchange service answered {exchange.count(_TOKEN_OK) - exchanged_before}"
            f" token requests, not {expected_exchanges - exchanged_before}",
            hide(exchange.output()),
        )
    if any(secret in exchange.output() for secret in _hidden):
        fail("the token-exchange service logged the client secret or the authorization code")
    found = re.search(r"smoke: signed in as (\S+)", result.stdout)
    return found.group(1) if found else "?"


# ------------------------------------------------------------------ the whole check


def check(app: App, steps: Steps, work: Path, *, system: bool) -> None:
    sandbox = exchange = None
    try:
        with steps.step("start the sandbox") as detail:
            sandbox = start_sandbox()
            sandbox_url = sandbox.start("/_sandbox/requests", lambda r: r.status_code == 200)
            detail.append(f"on {sandbox_url}")
        with steps.step("start the token-exchange service") as detail:
            exchange = start_exchange(sandbox_url)
            exchange_url = exchange.start(
                HEALTH_PATH, lambda r: r.status_code == 200 and r.json().get("status") == "ok"
            )
            detail.append(f"on {exchange_url}")

        with steps.step("write the provisioning files"):
            with_secret = provisioning(sandbox_url, exchange_url=None)
            with_exchange = provisioning(sandbox_url, exchange_url=exchange_url + TOKEN_PATH)
            secret_dirs = work / "xdg-secret"
            exchange_dirs = work / "xdg-exchange"
            secret_file = write_provisioning(secret_dirs / SYSTEM_FOLDER.name, with_secret)
            exchange_file = write_provisioning(exchange_dirs / SYSTEM_FOLDER.name, with_exchange)

        runs = [
            ("provisioned with a client secret", secret_dirs, secret_file, with_secret),
            (
                "provisioned with a token-exchange service",
                exchange_dirs,
                exchange_file,
                with_exchange,
            ),
        ]
        for label, config_dirs, source, data in runs:
            with steps.step(f"--show-config, {label}"):
                check_show_config(app, config_dirs, source, data)
            with steps.step(f"sign in and create an order, {label}") as detail:
                email = check_sign_in(
                    app,
                    config_dirs,
                    sandbox_url,
                    exchange,
                    via_exchange="token_exchange_url" in data,
                )
                detail.append(f"(as {email})")

        if system:
            label = f"provisioned in {SYSTEM_FOLDER}"
            with steps.step(f"--show-config, {label}"), in_system_folder(secret_file) as target:
                check_show_config(app, None, target, with_secret)
            with steps.step(f"sign in and create an order, {label}"), in_system_folder(secret_file):
                check_sign_in(app, None, sandbox_url, exchange, via_exchange=False)
    finally:
        with steps.step("stop the servers"):
            for server in (exchange, sandbox):
                if server is not None:
                    server.stop()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=".venv/bin/python .ci/installed_check.py",
        description="Check that the installed app, provisioned, shows its configuration "
        "and signs in against a sandbox (with a client secret, and through a "
        "token-exchange service). Only 127.0.0.1 is used.",
    )
    parser.add_argument(
        "--app",
        default=INSTALLED_APP,
        metavar="COMMAND",
        help=f"the app's command line (default {INSTALLED_APP}), "
        f"e.g. '{sys.executable} -m ohmygpt_desktop'",
    )
    parser.add_argument(
        "--system",
        action="store_true",
        help=f"also provision through {SYSTEM_FOLDER} (root only; the default under CI=true)",
    )
    return parser


def _terminated(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)  # unwinds: the servers stop, /etc is cleaned up


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = shlex.split(args.app)
    if not command:
        _parser().error("--app needs a command")
    try:
        system = use_system_folder(asked=args.system, env=os.environ, euid=os.geteuid())
    except SystemExit as exc:
        _parser().error(str(exc))
    signal.signal(signal.SIGTERM, _terminated)
    steps = Steps()
    say(f"app: {shlex.join(command)}")
    try:
        with tempfile.TemporaryDirectory(prefix="ohmygpt-installed-check-") as work:
            check(App(command, Path(work)), steps, Path(work), system=system)
    except StepFailed as exc:
        print(f'installed check: FAILED at "{steps.failed}": {hide(str(exc))}', file=sys.stderr)
        return 1
    say(f"passed, {steps.count} steps in {time.monotonic() - steps.started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
