"""The composition root: the one place where things are built and wired.

``main()`` parses the command line, sets up logging, builds the services
(:class:`AppContext`) and the main window, and runs them on the qasync loop.
Tests build the same context with :func:`build_context` and their own parts
(a temporary home, a test keyring, a stand-in browser, a running sandbox).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ohmygpt_desktop import APP_ID, APP_NAME, __version__
from ohmygpt_desktop.core.context import AppContext
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Text

if TYPE_CHECKING:
    from datetime import datetime

    from keyring.backend import KeyringBackend

    from ohmygpt_desktop.core.clients import ApiClients
    from ohmygpt_desktop.core.context import ProfileSwitch, UrlOpener
    from ohmygpt_desktop.core.history_watch import HistoryFileWatch
    from ohmygpt_desktop.core.instance import InstanceGuard
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.payments import PaymentWatcher
    from ohmygpt_desktop.core.settings import Settings
    from ohmygpt_desktop.core.tokens import TokenStore
    from ohmygpt_desktop.sandbox import SandboxServer
    from ohmygpt_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_CTX = "Startup"

#: Where Stripe sends the browser after paying/cancelling (docs/api.md#checkout-order).
PRODUCTION_SUCCESS_URL = "https://www.ohmygpt.com/pay?stripe_callback=success"
PRODUCTION_CANCEL_URL = "https://www.ohmygpt.com/pay?stripe_callback=canceled"
#: Account identity of the demo service (its port changes between runs).
SANDBOX_SERVICE_ID = "sandbox"
#: Port the demo sandbox tries first (then any free one).
DEMO_SANDBOX_PORT = 8765
#: The demo sandbox's balances, sign-ins and orders, in the demo profile's data folder.
SANDBOX_STATE_FILE = "sandbox-state.json"
#: Beside it: the address of the demo sandbox started last (``ohmygpt-desktop COMMAND
#: --sandbox`` uses the open demo's sandbox).
SANDBOX_URL_FILE = "sandbox-url"
#: Set (to anything) to have the start-up milestones printed on stderr, one line each,
#: ``startup-trace NAME UNIX_TIME``: frame (the window's first paint), usable (its sign-in
#: or Recharge button painted), balance (a figure read from the server painted), started
#: (the services started). bench/startup.py reads them, from a source run or the bundle.
STARTUP_TRACE_ENV = "OHMYGPT_DESKTOP_STARTUP_TRACE"


# ---------------------------------------------------------------- command line


@dataclass
class Options:
    sandbox: bool = False
    sandbox_port: int = 0
    sandbox_latency: float = 0.0
    sandbox_faults: list[str] = field(default_factory=list)
    sandbox_reset: bool = False
    debug: bool = False
    smoke_test: bool = False
    #: ``--smoke-test --configured``: against the configured service, with ``code``.
    configured: bool = False
    code: str = ""
    create_order: Decimal | None = None
    show_config: bool = False
    home: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)


class _VersionAction(argparse.Action):
    """``--version``: the version and commit, looked up only when asked for (from a source
    checkout that runs git, which no other start-up should wait for)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        from ohmygpt_desktop.version import build_info

        print(f"{parser.prog} {build_info().describe()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from ohmygpt_desktop.cli import COMMANDS

    parser = argparse.ArgumentParser(
        prog="ohmygpt-desktop",
        description=f"{APP_NAME}: sign in to OhMyGPT, see your balance and recharge it.",
        epilog="Every setting can also come from an OHMYGPT_* environment variable "
        "(see the README). Command-line flags win over the environment, which wins "
        f"over the settings file. Without a window: ohmygpt-desktop {'|'.join(COMMANDS)} "
        "(each with --help).",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="show the version and the git commit it was built from, and exit",
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="demo mode: run the built-in stand-in OhMyGPT server on 127.0.0.1 and use it "
        "(no OAuth app or real money needed)",
    )
    parser.add_argument(
        "--sandbox-port", type=int, default=0, metavar="PORT", help="port for --sandbox"
    )
    parser.add_argument(
        "--sandbox-latency",
        type=float,
        default=0.0,
        metavar="S",
        help="demo: seconds the sandbox adds to every API call",
    )
    parser.add_argument(
        "--sandbox-fault",
        action="append",
        default=[],
        metavar="ENDPOINT=KIND[:k=v,...]",
        help="demo: make a sandbox endpoint misbehave, e.g. checkout_order=status:status=500 "
        "(repeatable; see README)",
    )
    parser.add_argument(
        "--sandbox-reset",
        action="store_true",
        help="demo mode from the start: forget the demo's accounts, orders and sandbox "
        "balances, then start the demo",
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging (still redacted)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, sign in to the sandbox, read the balance, create one order, exit 0 "
        "(non-zero names the failed step)",
    )
    parser.add_argument(
        "--configured",
        action="store_true",
        help="with --smoke-test: sign in to the configured (provisioned) service instead of "
        "the sandbox with --code, read the user and the balance, and stop",
    )
    parser.add_argument(
        "--code",
        metavar="CODE",
        help="with --smoke-test --configured: the authorization code (or the whole address "
        "the browser showed) to sign in with; '-' reads it from standard input",
    )
    parser.add_argument(
        "--create-order",
        metavar="AMOUNT",
        help="with --smoke-test --configured: also create one order of AMOUNT USD and check "
        "its payment link (no browser is opened)",
    )
    parser.add_argument(
        "--show-config",
        action="store_true",
        help="print every effective setting, its value (secrets hidden) and where it comes "
        "from (default, bundle, system, OHMYGPT_PROVISIONING, settings file, environment, "
        "flag), then exit",
    )
    parser.add_argument(
        "--home", type=Path, metavar="DIR", help="keep config, data and logs under DIR"
    )
    add_setting_flags(parser)
    return parser


def add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """The settings declared with a flag: ``--api-base-url URL``, … (the command line's too)."""
    from ohmygpt_desktop.core.settings import SETTINGS

    for spec in SETTINGS:
        if spec.flag_name is None:
            continue
        choices = [choice.value for choice in spec.choices] or None
        parser.add_argument(
            spec.flag_name,
            dest=spec.name,
            choices=choices,
            metavar=None if choices else spec.name.rsplit("_", 1)[-1].upper(),
            help=spec.description.replace("%", "%%"),
        )


def setting_overrides(ns: argparse.Namespace) -> dict[str, Any]:
    """The settings given by :func:`add_setting_flags`' flags."""
    from ohmygpt_desktop.core.settings import SETTINGS

    return {
        spec.name: getattr(ns, spec.name)
        for spec in SETTINGS
        if spec.flag and getattr(ns, spec.name) is not None
    }


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = build_parser()
    ns = parser.parse_args(argv)
    overrides = setting_overrides(ns)
    if ns.configured and (not ns.smoke_test or ns.sandbox or ns.sandbox_reset):
        parser.error("--configured goes with --smoke-test, and not with --sandbox")
    if ns.configured and not ns.code:
        parser.error("--smoke-test --configured needs --code CODE")
    if not ns.configured and (ns.code or ns.create_order):
        parser.error("--code and --create-order go with --smoke-test --configured")
    create_order = None
    if ns.create_order is not None:
        try:
            create_order = Decimal(ns.create_order)
        except InvalidOperation:
            create_order = Decimal("NaN")
        if not create_order.is_finite() or create_order <= 0:
            parser.error(f"--create-order needs an amount in USD, e.g. 5 (got {ns.create_order!r})")
    return Options(
        sandbox=ns.sandbox or (ns.smoke_test and not ns.configured) or ns.sandbox_reset,
        sandbox_port=ns.sandbox_port,
        sandbox_latency=ns.sandbox_latency,
        sandbox_faults=ns.sandbox_fault,
        sandbox_reset=ns.sandbox_reset,
        debug=ns.debug,
        smoke_test=ns.smoke_test,
        configured=ns.configured,
        code=ns.code or "",
        create_order=create_order,
        show_config=ns.show_config,
        home=ns.home,
        overrides=overrides,
    )


# --------------------------------------------------------------------- context


def profile_paths(base: AppPaths, *, demo: bool) -> AppPaths:
    """Demo mode keeps its own profile so it never mixes with real accounts."""
    if not demo:
        return base
    from ohmygpt_desktop.core.paths import AppPaths

    return AppPaths(
        config_dir=base.config_dir / "sandbox",
        data_dir=base.data_dir / "sandbox",
        log_dir=base.log_dir,
        cache_dir=base.cache_dir / "sandbox",
    )


def load_settings(
    path: Path,
    *,
    demo: bool,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> Settings:
    """The settings of a profile on top of the provisioning files (none for the demo,
    a world of its own). Raises ``ProvisioningError`` or ``SettingsError``."""
    from ohmygpt_desktop.core.provisioning import load_provisioning
    from ohmygpt_desktop.core.settings import Settings

    provisioning = None if demo else load_provisioning(env)
    return Settings.load(path, env=env, overrides=overrides, provisioning=provisioning)


def build_context(
    options: Options,
    *,
    paths: AppPaths | None = None,
    env: dict[str, str] | None = None,
    open_url: UrlOpener | None = None,
    keyring_backend: KeyringBackend | None = None,
    sandbox: SandboxServer | None = None,
    owns_sandbox: bool = False,
    settings: Settings | None = None,
    payment_intervals: Sequence[float] | None = None,
    usage_clock: Callable[[], datetime] | None = None,
) -> AppContext:
    """Build every service. No network traffic happens here.

    ``paths`` are the base folders (demo mode uses a profile inside them).
    ``sandbox``: an already running sandbox to use (tests, or one started by
    :func:`start_demo_sandbox`; ``owns_sandbox``: the context stops it when it closes);
    otherwise ``options.sandbox`` starts the embedded one. ``settings``: already loaded
    from the right profile (``main`` reads them before the first paint).
    ``usage_clock``: the time balance samples are stamped with (tests follow the
    sandbox's clock); default: now.
    """
    from ohmygpt_desktop.api import Secret, origin_of
    from ohmygpt_desktop.core.account_store import AccountStore
    from ohmygpt_desktop.core.accounts import AccountManager
    from ohmygpt_desktop.core.clients import ApiClients, make_client
    from ohmygpt_desktop.core.messages import MessageBridge
    from ohmygpt_desktop.core.oauth import SignInAttempts
    from ohmygpt_desktop.core.orders import OrderHistory
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.payments import PaymentWatcher
    from ohmygpt_desktop.core.permissions import FILE_NAME, AppPermissions
    from ohmygpt_desktop.core.recharge import RechargeService
    from ohmygpt_desktop.core.tokens import TokenStore
    from ohmygpt_desktop.core.usage import UsageHistory, paid_order_matcher
    from ohmygpt_desktop.ui.browser import open_in_system_browser

    if paths is None:
        paths = AppPaths.under(options.home) if options.home else AppPaths.default(env)
    sandbox_secret = None
    if sandbox is None and options.sandbox:
        sandbox = start_demo_sandbox(options, paths)
        owns_sandbox = True
    paths.ensure()  # the base folders too (owner-only), not just the demo profile
    paths = profile_paths(paths, demo=sandbox is not None)
    sandbox_overrides: dict[str, Any] = {}
    if sandbox is not None:
        from ohmygpt_desktop.sandbox import DEFAULT_APP

        demo = {
            "api_base_url": sandbox.base_url,
            "auth_base_url": sandbox.base_url,
            "client_id": DEFAULT_APP.client_id,
            "scope": DEFAULT_APP.scope,
        }
        # Flags given on the command line still win (e.g. a loopback --redirect-uri).
        sandbox_overrides = {k: v for k, v in demo.items() if k not in options.overrides}
        sandbox_secret = Secret(DEFAULT_APP.client_secret)
    paths.ensure()

    if settings is None:
        settings = load_settings(
            paths.settings_file, demo=sandbox is not None, env=env, overrides=options.overrides
        )
    settings.add_overrides(sandbox_overrides)
    extra_origins = {origin_of(sandbox.base_url)} if sandbox is not None else set()
    clients = ApiClients(lambda: make_client(settings, extra_origins))
    account_store = AccountStore.load(paths.accounts_file, migrate_from=settings)
    tokens = TokenStore(
        insecure_file=paths.insecure_tokens_file,
        timeout=settings.keyring_timeout_s,
        backend=keyring_backend,
        backend_memo=paths.cache_dir / "keyring-backend",
    )
    accounts = AccountManager(
        settings,
        account_store,
        tokens,
        clients,
        service_id=SANDBOX_SERVICE_ID if sandbox is not None else None,
    )
    history = OrderHistory(paths.history_db)
    permissions = AppPermissions(paths.data_dir / FILE_NAME, settings)
    recharge = RechargeService(
        accounts,
        history,
        success_url=None if sandbox is not None else PRODUCTION_SUCCESS_URL,
        cancel_url=None if sandbox is not None else PRODUCTION_CANCEL_URL,
        permissions=permissions,
    )
    watcher_kwargs: dict[str, Any] = {"window_s": settings.payment_watch_minutes * 60}
    if payment_intervals is not None:
        watcher_kwargs["intervals"] = payment_intervals
    watcher = PaymentWatcher(accounts, history, **watcher_kwargs)
    history.add_listener(watcher.on_history_change)  # every order created is watched
    usage = UsageHistory(
        paths.usage_db,
        match_order=paid_order_matcher(history),
        **({"clock": usage_clock} if usage_clock is not None else {}),
    )
    accounts.add_balance_listener(
        lambda key, balance: usage.record(key, balance.balance, balance.free_balance)
    )
    _follow_settings(settings, clients, tokens, watcher)
    ctx = AppContext(
        paths=paths,
        settings=settings,
        messages=MessageBridge(),
        tokens=tokens,
        clients=clients,
        account_store=account_store,
        accounts=accounts,
        history=history,
        usage=usage,
        recharge=recharge,
        watcher=watcher,
        attempts=SignInAttempts(),
        open_url=open_url or open_in_system_browser,
        permissions=permissions,
        sandbox=sandbox,
        sandbox_client_secret=sandbox_secret,
        owns_sandbox=owns_sandbox,
    )
    if settings.load_problem:
        ctx.startup_problems.append(settings.load_problem)
    if account_store.load_problem_text is not None:
        log.warning("Account list problem: %s", account_store.load_problem)
        ctx.startup_problems.append(account_store.load_problem_text)
    if history.open_problem is not None:
        ctx.startup_problems.append(history.open_problem)
    if usage.open_problem is not None:
        ctx.startup_problems.append(usage.open_problem)
    return ctx


def start_demo_sandbox(options: Options, paths: AppPaths) -> SandboxServer:
    """Start the demo's sandbox with the ``--sandbox-*`` options (blocking: it waits
    until the server accepts connections). Raises OSError when no port can be used,
    ValueError for a bad ``--sandbox-fault`` (before anything starts).

    Demo mode keeps the sandbox's balances, sign-ins and orders between runs in the
    demo profile of the base folders ``paths``, and prefers a fixed port so saved
    checkout links keep working.
    """
    from ohmygpt_desktop.sandbox import SandboxConfig, SandboxServer
    from ohmygpt_desktop.sandbox.faults import fault_from, parse_fault

    state_file = profile_paths(paths, demo=True).data_dir / SANDBOX_STATE_FILE
    # Every fault checked in full before the server starts: a bad one leaves none running.
    faults = [fault_from(*parse_fault(spec)) for spec in options.sandbox_faults]
    config = SandboxConfig(latency=options.sandbox_latency)
    ports = list(dict.fromkeys((options.sandbox_port or DEMO_SANDBOX_PORT, 0)))
    for port in ports:
        try:
            sandbox = SandboxServer(port=port, config=config, state_file=state_file).start()
            break
        except OSError:
            if port == ports[-1]:
                raise
    for fault in faults:
        sandbox.state.add_fault(fault)
    from ohmygpt_desktop.core.files import write_private

    try:
        write_private(state_file.with_name(SANDBOX_URL_FILE), sandbox.base_url + "\n")
    except OSError as exc:  # the demo works without it; only the command line looks
        log.warning("Could not note the demo sandbox's address: %s", exc.strerror or exc)
    return sandbox


def _follow_settings(
    settings: Settings, clients: ApiClients, tokens: TokenStore, watcher: PaymentWatcher
) -> None:
    """The services follow the settings they were built from."""
    from ohmygpt_desktop.core.settings import Applies, names_applying

    def keyring_timeout(_changed: frozenset[str]) -> None:
        tokens.timeout = settings.keyring_timeout_s

    def watch_window(_changed: frozenset[str]) -> None:
        watcher.window_s = settings.payment_watch_minutes * 60

    settings.add_listener(names_applying(Applies.NETWORK), lambda _changed: clients.rebuild())
    settings.add_listener(["keyring_timeout_s"], keyring_timeout)
    settings.add_listener(["payment_watch_minutes"], watch_window)


# ------------------------------------------------------------------------ main


class StartupFailure(Exception):
    """The app cannot start. ``reason`` says why (English on stderr, translated in a dialog)."""

    def __init__(self, reason: Text | Problem, exit_code: int = 1) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.exit_code = exit_code


def _folder_failure(exc: OSError) -> StartupFailure:
    return StartupFailure(
        Text(
            _CTX,
            QT_TRANSLATE_NOOP(_CTX, "cannot use the folder {path} ({reason})."),
            path=exc.filename,
            reason=exc.strerror or str(exc),
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; a start-up failure is explained on stderr and in a dialog."""
    args = list(sys.argv[1:] if argv is None else argv)
    # ohmygpt-desktop balance …: no window, never a second launch. A command is a first
    # word that is not a flag: a launch from the desktop never loads the command line.
    if args and not args[0].startswith("-"):
        from ohmygpt_desktop.cli import is_command

        if is_command(args):
            from ohmygpt_desktop.cli import main as cli_main

            return cli_main(args)
    # No arguments (a launch from the desktop): the defaults, without building the parser.
    options = parse_args(args) if args else Options()
    if options.show_config:  # no window, no Qt
        from ohmygpt_desktop.show_config import show_config

        return show_config(options)
    if os.environ.get("PYTHON_KEYRING_BACKEND", None) == "":
        del os.environ["PYTHON_KEYRING_BACKEND"]  # keyring fails on an empty name
    try:
        return _run(options, args)
    except StartupFailure as failure:
        return _report_startup_failure(failure)


def _report_startup_failure(failure: StartupFailure) -> int:
    """Say why on stderr (one line, no traceback) and in a dialog; the exit code."""
    _tell(sys.stderr, f"{APP_NAME} could not start: {failure.reason}")
    if any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        # The details go to the log file, never to stderr.
        log.error("Could not start: %s", failure.reason, exc_info=failure.__cause__)
    from PySide6.QtWidgets import QApplication

    from ohmygpt_desktop.ui.errors import describe
    from ohmygpt_desktop.ui.startup_failure import show_startup_failure

    if QApplication.instance() is None:
        QApplication([sys.argv[0] if sys.argv else APP_ID])
    show_startup_failure(describe(failure.reason))  # top level: no event loop runs yet
    return failure.exit_code


def _tell(stream: TextIO | None, line: str) -> None:
    """Print a line for whoever started the app (a windowed bundle may have no stream)."""
    if stream is not None:
        print(line, file=stream, flush=True)


def _claim_profile(options: Options, paths: AppPaths, args: list[str]) -> InstanceGuard | None:
    """Hold the profile's instance lock; ``None`` when a running app took the hand-over.

    A smoke test never hands over (it would pass without testing anything).
    """
    from ohmygpt_desktop.core.instance import InstanceGuard, hand_over, instance_lock_path

    lock_file = instance_lock_path(paths)
    guard = InstanceGuard(lock_file)
    try:
        if guard.acquire():
            return guard
    except OSError as exc:
        raise _folder_failure(exc) from None
    pid = guard.holder_pid() or "?"
    if options.smoke_test:
        raise StartupFailure(
            Text(
                _CTX,
                QT_TRANSLATE_NOOP(
                    _CTX,
                    "it is already running for this home (process {pid}), and the smoke test "
                    "needs the home to itself. Close it or use another --home.",
                ),
                pid=pid,
            )
        )
    if hand_over(lock_file, args):
        _tell(
            sys.stdout,
            f"{APP_NAME} is already running for this home: its window was brought to the front.",
        )
        return None
    raise StartupFailure(
        Text(
            _CTX,
            QT_TRANSLATE_NOOP(
                _CTX,
                "it is already running for this home (process {pid}) but does not answer. "
                "Close it, or end that process, then start the app again.",
            ),
            pid=pid,
        )
    )


def _run(options: Options, args: list[str]) -> int:
    """Start (raising :class:`StartupFailure`), then run until the window closes."""
    from ohmygpt_desktop.core.paths import AppPaths
    from ohmygpt_desktop.core.provisioning import ProvisioningError
    from ohmygpt_desktop.core.settings import SettingsError

    base_paths = AppPaths.under(options.home) if options.home else AppPaths.default()
    paths = profile_paths(base_paths, demo=options.sandbox)
    try:
        base_paths.ensure()
        paths.ensure()
    except OSError as exc:
        raise _folder_failure(exc) from None
    try:
        settings = load_settings(
            paths.settings_file, demo=options.sandbox, overrides=options.overrides
        )
    except (ProvisioningError, SettingsError) as exc:
        raise StartupFailure(exc, exit_code=2) from None
    guard = _claim_profile(options, paths, args)
    if guard is None:
        return 0
    try:
        if options.sandbox_reset:
            _reset_demo(paths, settings)
        return _run_claimed(options, base_paths, settings, guard)
    finally:
        guard.close()


def _reset_demo(paths: AppPaths, settings: Settings) -> None:
    """``--sandbox-reset``: the demo profile forgets its accounts, order history and
    sandbox state (its other settings stay). Only with the profile's lock held."""
    from ohmygpt_desktop.core.account_store import AccountStore, AccountStoreError

    accounts = AccountStore.load(paths.accounts_file, migrate_from=settings)
    for record in accounts.records():
        accounts.remove(record.key)
    try:
        accounts.save()
    except AccountStoreError as exc:
        raise StartupFailure(exc) from None
    data = paths.data_dir
    try:
        history = [
            p
            for name in (paths.history_db.name, paths.usage_db.name)
            for p in data.glob(f"{name}*")
            if p.is_file()
        ]
        for path in [data / SANDBOX_STATE_FILE, paths.insecure_tokens_file, *history]:
            path.unlink(missing_ok=True)  # the history with its -wal, -shm and damaged copies
    except OSError as exc:
        raise _folder_failure(exc) from None
    _tell(sys.stdout, f"Demo reset: {data}: forgot the demo accounts, orders and sandbox state.")


def _run_claimed(
    options: Options, base_paths: AppPaths, settings: Settings, guard: InstanceGuard
) -> int:
    """The usable screen is painted first; what it does not need comes after."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    early_log = _EarlyLog.install()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OhMyGPT")
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)

    from ohmygpt_desktop.resources import icon_paths
    from ohmygpt_desktop.ui.gc_guard import GuiThreadCollector
    from ohmygpt_desktop.ui.i18n import LanguageManager, apply_theme

    paths = profile_paths(base_paths, demo=options.sandbox)
    icon = QIcon()
    for path in icon_paths():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    languages = LanguageManager(app, cache_dir=paths.cache_dir / "translations")
    languages.apply(settings.language)  # the first paint is already in the user's language
    apply_theme(app, settings.theme)  # "system" too: it follows the colour scheme
    collector = GuiThreadCollector(parent=app)

    shell: Shell | None = None

    async def switch_profile(demo: bool) -> bool:
        """The window's "Try the demo" / "Leave the demo", once the shell runs it."""
        if shell is None:  # only before the event loop runs, when nothing can be clicked
            return False
        return await shell.switch(demo)

    try:
        ctx, window = first_screen(
            options, paths=base_paths, settings=settings, switch_profile=switch_profile
        )
    except Exception as exc:  # said on stderr and in a dialog, never a bare traceback
        collector.stop()
        early_log.flush_to(None)
        reason = exc if isinstance(exc, Problem) else _unexpected(exc)
        raise StartupFailure(reason) from exc
    from ohmygpt_desktop.core.logs import setup_logging

    early_log.flush_to(setup_logging(base_paths.log_file, debug=options.debug))
    log.info("%s %s starting (sandbox=%s)", APP_NAME, __version__, options.sandbox)
    if settings.load_problem:
        log.warning("Settings file problem: %s", settings.load_problem)

    def follow_look(ctx: AppContext) -> None:
        """Language and theme follow the settings of the profile in use."""
        look = ctx.settings
        look.add_listener(["language"], lambda _changed: languages.apply(look.language))
        look.add_listener(["theme"], lambda _changed: apply_theme(app, look.theme))

    def switched(ctx: AppContext) -> None:  # the other profile may have its own look
        languages.apply(ctx.settings.language)
        apply_theme(app, ctx.settings.theme)
        follow_look(ctx)

    shell = Shell(options, base_paths, guard, window, on_switch=switched)
    if window is not None:
        guard.listen()  # other launches on this home hand over to this window

    from ohmygpt_desktop.ui.crash_dialog import install_crash_handler

    crash = install_crash_handler(
        base_paths.log_file,
        lambda: shell.window,
        support=(settings.organization, settings.support),
    )

    import asyncio

    import qasync

    if options.smoke_test:
        from ohmygpt_desktop.smoke import run_smoke_test

        return qasync.run(run_smoke_test(ctx, options))

    follow_look(ctx)

    async def run() -> int:
        crash.attach_loop(asyncio.get_running_loop())
        crash.on_fatal = shell.close_window
        shell.start(ctx)
        await shell.wait_closed()
        return 0

    try:
        return qasync.run(run())
    except (KeyboardInterrupt, asyncio.CancelledError):
        return 130
    finally:
        collector.stop()
        crash.uninstall()


def first_screen(
    options: Options,
    *,
    switch_profile: ProfileSwitch | None = None,
    **context_parts: Any,
) -> tuple[AppContext, MainWindow | None]:
    """Build the services and paint the usable screen (the sign-in panel or the balance
    card): no event loop, HTTP client or keyring is needed for it, they come after.

    ``context_parts`` go to :func:`build_context`. No window for a smoke test.
    """
    from PySide6.QtWidgets import QApplication

    ctx = build_context(options, **context_parts)
    ctx.switch_profile = switch_profile  # before the first page asks whether it can switch
    if options.smoke_test:
        return ctx, None
    from ohmygpt_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)  # only the page on screen is built now
    if os.environ.get(STARTUP_TRACE_ENV):
        _trace_startup(window)
    window.show()
    QApplication.processEvents()  # painted now; its buttons work from here on
    return ctx, window


class _EarlyLog(logging.Handler):
    """Keeps the records logged before the log file is set up (after the first paint)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    @classmethod
    def install(cls) -> _EarlyLog:
        handler = cls()
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
        return handler

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def flush_to(self, target: logging.Handler | None) -> None:
        """Hand the kept records to ``target`` (the log file), or to stderr when there is none."""
        logging.getLogger().removeHandler(self)
        for record in self.records:
            if target is not None:
                target.handle(record)
            elif record.levelno >= logging.WARNING:
                logging.lastResort.handle(record)  # type: ignore[union-attr]
        self.records.clear()


def _trace_startup(window: MainWindow) -> None:
    """Print the start-up milestones (see :data:`STARTUP_TRACE_ENV`)."""
    import time

    from ohmygpt_desktop.ui.first_paint import when_first_painted

    def mark(name: str) -> None:
        _tell(sys.stderr, f"startup-trace {name} {time.time():.6f}")

    def watch_balance() -> None:
        view = window.balance_view
        when_first_painted(view.amount_label, lambda: mark("balance"), lambda: not view.is_stale())

    when_first_painted(window, lambda: mark("frame"))
    window.usable.connect(lambda: mark("usable"))
    window.started.connect(lambda: mark("started"))
    window.usable.connect(watch_balance)


# ---------------------------------------------------- the running app, switching

_SWITCH_CTX = "ProfileSwitch"
_DEMO_HELD = QT_TRANSLATE_NOOP(
    _SWITCH_CTX,
    "The demo is already running for this home (process {pid}) but does not answer. "
    "Close it, or end that process, then try again.",
)
_OWN_HELD = QT_TRANSLATE_NOOP(
    _SWITCH_CTX,
    "The app is already running with your own accounts (process {pid}) but does not "
    "answer. Close it, or end that process, then try again.",
)
_FOLDER = QT_TRANSLATE_NOOP(_SWITCH_CTX, "The app cannot use the folder {path} ({reason}).")
_NO_SANDBOX = QT_TRANSLATE_NOOP(_SWITCH_CTX, "The demo service could not start ({reason}).")
_SWITCHING = QT_TRANSLATE_NOOP(_SWITCH_CTX, "The app is already switching. Wait a moment.")


class ProfileSwitchError(Problem):
    """The app could not switch to the demo or back; it stays where it was."""

    context = _SWITCH_CTX
    template = QT_TRANSLATE_NOOP(
        _SWITCH_CTX, "The app could not switch ({error}). Details are in the log file."
    )


class Shell:
    """The running app: one main window on one context, holding that profile's lock.

    A window is built for one context and lives as long as it does. :meth:`switch`
    (offered to the UI as ``ctx.switch_profile``) moves the app to the demo profile
    or back without a restart: it takes that profile's instance lock (or hands over
    to the app already running on it), builds its context (the demo's sandbox starts
    in a worker thread), and shows a new window where the old one was. The old window
    goes, the old context closes in the background, and the old profile's lock is
    released, so a later launch can use that profile.

    ``window``: the frame painted before the context exists (``None``: no window, as
    in the smoke test). ``context_parts``: more arguments for :func:`build_context`
    (tests: a home's environment, a keyring, a browser). ``on_switch``: called with
    each context switched to, before its window is built (language and theme).
    """

    def __init__(
        self,
        options: Options,
        base_paths: AppPaths,
        guard: InstanceGuard,
        window: MainWindow | None = None,
        *,
        context_parts: Mapping[str, Any] | None = None,
        on_switch: Callable[[AppContext], None] | None = None,
    ) -> None:
        import asyncio

        self.options = options
        self.base_paths = base_paths
        self.guard = guard
        self.window = window
        self.ctx: AppContext | None = None
        self._parts = dict(context_parts or {})
        self._on_switch = on_switch
        self._closed = asyncio.Event()
        self._closing: set[asyncio.Task[None]] = set()
        self._switch_task: asyncio.Task[Any] | None = None
        self._history_watch: HistoryFileWatch | None = None
        guard.handedOver.connect(self._handed_over)
        guard.historyChanged.connect(self._history_changed)

    # ---- running

    def start(self, ctx: AppContext) -> None:
        """Show ``ctx`` in the window and start it; notice the command line's orders."""
        from ohmygpt_desktop.core.history_watch import HistoryFileWatch

        assert self.window is not None
        self.ctx = ctx
        self._history_watch = HistoryFileWatch(ctx.history, self.window)  # dies with it
        ctx.switch_profile = self.switch
        self.window.closed.connect(self._closed.set)
        if self.window.ctx is not ctx:  # the first window was built on it (first_screen)
            self.window.attach(ctx)
        self.window.start()

    def close_window(self) -> None:
        if self.window is not None:
            self.window.quit()  # not into the tray: the app ends

    async def wait_closed(self) -> None:
        """Until the person closes the window; then close the context, free the profile."""
        import asyncio

        await self._closed.wait()
        if self._switch_task is not None:  # it sees the window closed and undoes itself
            await asyncio.gather(self._switch_task, return_exceptions=True)
        if self.ctx is not None:
            await self.ctx.aclose()
        await asyncio.gather(*self._closing, return_exceptions=True)
        self.guard.close()

    def _history_changed(self) -> None:
        """The command line wrote to this profile's order history: show it now."""
        if self.ctx is not None:
            self.ctx.history.changed_elsewhere()

    def _handed_over(self, argv: list[str]) -> None:
        log.info("Another launch was handed over to this window (arguments: %s)", " ".join(argv))
        if self.window is not None:
            self.window.on_other_launch(argv)

    # ---- switching

    async def switch(self, demo: bool) -> bool:
        """To the demo profile (``demo``) or the person's own; see :class:`Shell`.

        ``True`` once the new window shows; ``False`` when an app already running on
        that profile took over (its window came to the front). Raises a ``Problem``
        (this app then stays as it was).
        """
        import asyncio

        if self._switch_task is not None:
            raise ProfileSwitchError(_SWITCHING)
        self._switch_task = asyncio.current_task()
        try:
            return await self._switch(demo)
        finally:
            self._switch_task = None

    async def _switch(self, demo: bool) -> bool:
        from ohmygpt_desktop.core.instance import InstanceGuard, instance_lock_path

        paths = profile_paths(self.base_paths, demo=demo)
        guard = InstanceGuard(instance_lock_path(paths))
        switched = False
        try:
            try:
                self.base_paths.ensure()
                paths.ensure()
                held = guard.acquire()
            except OSError as exc:
                raise ProfileSwitchError(
                    _FOLDER, path=exc.filename, reason=exc.strerror or str(exc)
                ) from None
            if not held:
                return await self._hand_over(guard, demo)
            ctx = await self._build(demo)
            if self._closed.is_set():  # the window was closed meanwhile: nowhere to show it
                await ctx.aclose()
                return False
            self._replace(ctx, guard)
            switched = True
            return True
        finally:
            if not switched:
                guard.close()

    async def _hand_over(self, guard: InstanceGuard, demo: bool) -> bool:
        from ohmygpt_desktop.core.instance import hand_over_async

        pid = guard.holder_pid() or "?"
        if await hand_over_async(guard.lock_file, []):
            log.info("The %s profile is open in another app: handed over", _name(demo))
            return False
        raise ProfileSwitchError(_DEMO_HELD if demo else _OWN_HELD, pid=pid)

    async def _build(self, demo: bool) -> AppContext:
        import asyncio
        import dataclasses

        options = dataclasses.replace(self.options, sandbox=demo, sandbox_reset=False)
        sandbox = None
        if demo:  # takes a moment (imports, start-up): in a worker thread
            try:
                sandbox = await asyncio.to_thread(start_demo_sandbox, options, self.base_paths)
            except (OSError, RuntimeError, ValueError) as exc:  # no port; no start; a bad fault
                log.error("The demo's sandbox could not start", exc_info=exc)
                reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
                raise ProfileSwitchError(_NO_SANDBOX, reason=reason) from exc
        try:
            return build_context(
                options,
                paths=self.base_paths,
                sandbox=sandbox,
                owns_sandbox=sandbox is not None,
                **self._parts,
            )
        except BaseException as exc:
            if sandbox is not None:
                await asyncio.to_thread(sandbox.stop)
            if isinstance(exc, Problem) or not isinstance(exc, Exception):
                raise
            log.error("Switching to the %s profile failed", _name(demo), exc_info=exc)
            raise ProfileSwitchError(error=str(exc) or type(exc).__name__) from exc

    def _replace(self, ctx: AppContext, guard: InstanceGuard) -> None:
        """Show ``ctx`` in a new window where the old one was; let the old ones go."""
        import asyncio

        from ohmygpt_desktop.ui.main_window import MainWindow

        old_window, old_ctx, old_guard = self.window, self.ctx, self.guard
        if self._on_switch is not None:
            self._on_switch(ctx)
        self.window = MainWindow()
        if old_window is not None:
            self.window.restoreGeometry(old_window.saveGeometry())
            old_window.closed.disconnect(self._closed.set)
        self.guard = guard
        guard.handedOver.connect(self._handed_over)
        guard.historyChanged.connect(self._history_changed)
        old_guard.close()
        guard.listen()
        self.start(ctx)
        self.window.show()
        self.window.activateWindow()
        if old_window is not None:
            old_window.quit()  # its work stops; its closing no longer ends the app
            old_window.deleteLater()
        if old_ctx is not None:
            task = asyncio.ensure_future(_close_quietly(old_ctx))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        log.info("Switched to the %s profile (%s)", _name(ctx.demo_mode), ctx.paths.config_dir)


def _name(demo: bool) -> str:
    return "demo" if demo else "own"


async def _close_quietly(ctx: AppContext) -> None:
    """Close a context the app no longer shows; a failure is logged, never shown."""
    try:
        await ctx.aclose()
    except Exception:
        log.exception("Closing the previous profile failed")


def _unexpected(exc: BaseException) -> Text:
    return Text(
        _CTX,
        QT_TRANSLATE_NOOP(_CTX, "an unexpected problem ({error}). Details are in the log file."),
        error=str(exc) or type(exc).__name__,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
