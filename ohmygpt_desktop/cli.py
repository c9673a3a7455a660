"""The command-line companion: ``ohmygpt-desktop accounts|balance|orders|recharge``.

No window: the same services as the app (:func:`ohmygpt_desktop.app.build_context`),
the same keyring, accounts and order history, on plain asyncio. It runs while the app
is open on the same home (the history is SQLite in WAL mode, the account list is
written read-merge-write) and never counts as a second launch: it takes no instance
lock and hands nothing over. After writing the order history it tells the running
app, which shows the new rows at once (``core/instance.py``).

Output follows ``gh``: aligned tables (no colour) for people, ``--json`` for scripts
(money as strings, times ISO 8601 in UTC). Errors are one English line on stderr,
never a traceback, a token or a code; checkout links go to stdout only, never to the
log. The exit codes (:data:`EXIT_CODES`) are documented in docs/operations.md.

A command is one coroutine in this module, registered with :func:`command`::

    @command("ledger", help="...", arguments=_ledger_arguments)
    async def _ledger(run: CommandRun) -> int: ...
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.orders import OrderRecord
    from ohmygpt_desktop.core.paths import AppPaths

log = logging.getLogger(__name__)

PROG = "ohmygpt-desktop"

EXIT_OK = 0
#: The service refused or failed, or the network did.
EXIT_FAILED = 1
#: The command line, an amount or the settings are not usable (nothing was sent).
EXIT_USAGE = 2
#: No such account here, or it is not (or no longer) signed in.
EXIT_NOT_SIGNED_IN = 3
#: An order may or may not exist: check before paying again (kept as "unknown").
EXIT_OUTCOME_UNKNOWN = 4
#: This computer's side failed: the order history, the keyring or a folder.
EXIT_LOCAL = 5
#: Stopped with Ctrl+C.
EXIT_INTERRUPTED = 130

EXIT_CODES: dict[int, str] = {
    EXIT_OK: "done",
    EXIT_FAILED: "the service or the network failed (nothing was created)",
    EXIT_USAGE: "usage error: unknown option, bad amount, unusable settings",
    EXIT_NOT_SIGNED_IN: "no such account, or it is not signed in",
    EXIT_OUTCOME_UNKNOWN: "the order's outcome is unknown: check before paying again",
    EXIT_LOCAL: "this computer failed: order history, keyring or folders",
    EXIT_INTERRUPTED: "interrupted (Ctrl+C)",
}


class CliError(Exception):
    """Stops a command: ``message`` (one English line) goes to stderr, ``code`` is the exit."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class CommandRun:
    """What a command works with: the parsed arguments, the services, the output."""

    args: argparse.Namespace
    ctx: AppContext
    out: TextIO | None
    err: TextIO | None

    def say(self, text: str = "") -> None:
        """A line on stdout (a windowed bundle may have none)."""
        if self.out is not None:
            print(text, file=self.out, flush=True)

    def warn(self, text: str) -> None:
        if self.err is not None:
            print(text, file=self.err, flush=True)

    def emit_json(self, value: Any) -> None:
        self.say(json.dumps(value, indent=2, ensure_ascii=False))


CommandFunc = Callable[[CommandRun], Awaitable[int]]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str
    arguments: Callable[[argparse.ArgumentParser], None] | None
    run: CommandFunc


#: The commands by name, in the order they were registered (``--help`` lists them so).
COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    *,
    help: str,
    description: str = "",
    arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> Callable[[CommandFunc], CommandFunc]:
    """Register a command: ``arguments(parser)`` adds its own options."""

    def register(func: CommandFunc) -> CommandFunc:
        COMMANDS[name] = Command(name, help, description or help, arguments, func)
        return func

    return register


def is_command(argv: Sequence[str]) -> bool:
    """Does this command line ask for a command (its first argument names one)?"""
    return bool(argv) and argv[0] in COMMANDS


# ------------------------------------------------------------------ the parser


def build_parser() -> argparse.ArgumentParser:
    from ohmygpt_desktop.app import add_setting_flags

    common = argparse.ArgumentParser(add_help=False)
    where = common.add_argument_group("common options")
    where.add_argument(
        "--home", type=Path, metavar="DIR", help="the app's home: config, data and logs under DIR"
    )
    demo = where.add_mutually_exclusive_group()
    demo.add_argument(
        "--sandbox",
        action="store_true",
        help="the demo: its profile, on the sandbox of the demo open in the app, or else "
        "on the demo's sandbox started for this command",
    )
    demo.add_argument(
        "--sandbox-url",
        metavar="URL",
        help="the demo: its profile, on the stand-in service running at URL "
        "(python -m ohmygpt_desktop.sandbox)",
    )
    where.add_argument("--debug", action="store_true", help="verbose log, also on stderr")
    add_setting_flags(where)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The command-line companion of the OhMyGPT desktop app: the same "
        "accounts, keyring and order history, no window.",
        epilog="Exit codes: "
        + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items())
        + ". Run the app to sign in.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for cmd in COMMANDS.values():
        sub = commands.add_parser(
            cmd.name, help=cmd.help, description=cmd.description, parents=[common]
        )
        if cmd.arguments is not None:
            cmd.arguments(sub)
    return parser


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


# ------------------------------------------------------------------------ main


class _RunningSandbox:
    """A stand-in service started elsewhere: only its address is known (never stopped)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def stop(self) -> None:
        """Not ours to stop."""


def main(
    argv: Sequence[str] | None = None, *, context_parts: Mapping[str, Any] | None = None
) -> int:
    """Run one command; returns its exit code (see :data:`EXIT_CODES`).

    ``context_parts`` go to ``build_context`` (tests: a keyring, an environment).
    """
    import asyncio

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    out, err = sys.stdout, sys.stderr
    try:
        return asyncio.run(_run(args, out, err, dict(context_parts or {})))
    except KeyboardInterrupt:
        _line(err, "Interrupted.")
        return EXIT_INTERRUPTED


async def _run(
    args: argparse.Namespace, out: TextIO | None, err: TextIO | None, parts: dict[str, Any]
) -> int:
    from ohmygpt_desktop.core.logs import setup_logging

    try:
        ctx = _build(args, parts)
    except CliError as exc:
        _line(err, str(exc))
        return exc.code
    except Exception as exc:  # no log file yet: the line on stderr is all there is
        _line(err, _failure(exc))
        return _exit_code_of(exc)
    setup_logging(ctx.paths.log_file, debug=args.debug)
    # The watcher polls for payments in the app; a command only writes the order.
    ctx.history.remove_listener(ctx.watcher.on_history_change)
    run = CommandRun(args, ctx, out, err)
    for problem in ctx.startup_problems:
        run.warn(f"warning: {problem}")
    try:
        return await COMMANDS[args.command].run(run)
    except CliError as exc:
        run.warn(str(exc))
        return exc.code
    except Exception as exc:
        log.exception("The command %s failed", args.command)
        run.warn(_failure(exc))
        return _exit_code_of(exc)
    finally:
        try:
            await ctx.aclose()
        finally:
            setup_logging(None)  # closes the log file (tests run many commands in a process)


def _build(args: argparse.Namespace, parts: dict[str, Any]) -> AppContext:
    from ohmygpt_desktop.app import Options, build_context, setting_overrides
    from ohmygpt_desktop.core.orders import OrderHistoryError
    from ohmygpt_desktop.core.provisioning import ProvisioningError
    from ohmygpt_desktop.core.settings import SettingsError

    options = Options(home=args.home, debug=args.debug, overrides=setting_overrides(args))
    parts.setdefault("open_url", _open_in_browser)
    try:
        paths = parts.pop("paths", None) or _base_paths(args, parts.get("env"))
        url = args.sandbox_url or (_open_demo_sandbox(paths) if args.sandbox else None)
        # No demo open: build_context starts the demo's sandbox (and stops it at the end).
        options.sandbox = bool(args.sandbox and not url)
        sandbox = _RunningSandbox(url) if url else None
        return build_context(options, paths=paths, sandbox=sandbox, **parts)  # type: ignore[arg-type]
    except (ProvisioningError, SettingsError) as exc:
        raise CliError(f"The settings cannot be used: {exc}", EXIT_USAGE) from None
    except OrderHistoryError as exc:
        raise CliError(str(exc), EXIT_LOCAL) from None
    except OSError as exc:
        if exc.filename is None:  # no port for the demo's sandbox
            message = f"The demo's sandbox could not start ({exc.strerror or exc})."
        else:
            message = f"Cannot use the folder {exc.filename} ({exc.strerror or exc})."
        raise CliError(message, EXIT_LOCAL) from None


def _base_paths(args: argparse.Namespace, env: Mapping[str, str] | None) -> AppPaths:
    from ohmygpt_desktop.core.paths import AppPaths

    return AppPaths.under(args.home) if args.home else AppPaths.default(env)


def _open_demo_sandbox(paths: AppPaths) -> str | None:
    """The address of the sandbox of the demo open in the app on this home, if one is."""
    from ohmygpt_desktop.app import SANDBOX_URL_FILE, profile_paths
    from ohmygpt_desktop.core.files import lock_is_held
    from ohmygpt_desktop.core.instance import instance_lock_path

    demo = profile_paths(paths, demo=True)
    if not lock_is_held(instance_lock_path(demo)):
        return None
    try:
        url = (demo.data_dir / SANDBOX_URL_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        url = ""
    if not url:  # a second sandbox on the same saved state would undo the demo's changes
        raise CliError(
            "The demo is open in the app, but the address of its sandbox is unknown. "
            "Leave the demo and try again, or give --sandbox-url.",
            EXIT_FAILED,
        )
    return url


def _open_in_browser(url: str) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(url, new=2))
    except webbrowser.Error:
        return False


def _line(stream: TextIO | None, text: str) -> None:
    if stream is not None:
        print(text, file=stream, flush=True)


def _exit_code_of(exc: BaseException) -> int:
    from ohmygpt_desktop.api import InvalidTokenError
    from ohmygpt_desktop.core.account_store import AccountStoreError
    from ohmygpt_desktop.core.orders import OrderHistoryError
    from ohmygpt_desktop.core.recharge import (
        AccountNotSignedIn,
        AmountRefused,
        OrderNotRecorded,
        OrderNotSaved,
        OrderOutcomeUnknown,
    )
    from ohmygpt_desktop.core.tokens import TokenStoreError

    if isinstance(exc, OrderOutcomeUnknown):
        return EXIT_OUTCOME_UNKNOWN
    if isinstance(exc, AccountNotSignedIn | InvalidTokenError):
        return EXIT_NOT_SIGNED_IN
    if isinstance(exc, AmountRefused):
        return EXIT_USAGE
    if isinstance(
        exc,
        OrderNotRecorded | OrderNotSaved | OrderHistoryError | TokenStoreError | AccountStoreError,
    ):
        return EXIT_LOCAL
    if isinstance(exc, OSError):
        return EXIT_LOCAL
    return EXIT_FAILED  # the service or the network (ApiError), or the unexpected


def _failure(exc: BaseException) -> str:
    """One line for stderr: the problem's own English message, or (for anything
    unexpected) its kind only: its text could hold anything."""
    from ohmygpt_desktop.translatable import Problem

    if isinstance(exc, Problem):
        return str(exc)
    if isinstance(exc, OSError):
        return f"Cannot use {exc.filename or 'a file'} ({exc.strerror or type(exc).__name__})."
    return f"Something unexpected went wrong ({type(exc).__name__}). Details are in the log file."


def _tell_the_app(ctx: AppContext) -> None:
    """The app open on this profile, if any, shows the history as it is now."""
    from ohmygpt_desktop.core.instance import instance_lock_path, tell_history_changed

    if tell_history_changed(instance_lock_path(ctx.paths)):
        log.info("Told the running app that the order history changed")


# --------------------------------------------------------------- formatting


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC, to the second (``2026-12-01T16:30:00Z``)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value.quantize(Decimal("0.01")), "f")


def _dollars(value: Decimal | None) -> str:
    return "—" if value is None else f"${value.quantize(Decimal('0.01')):,}"


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned columns, two spaces apart, headers in capitals; the last is not padded."""
    widths = [max([_width(h), *(_width(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells[:-1], widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return "\n".join([line([h.upper() for h in headers]), *(line(row) for row in rows)])


def _usd(ctx: AppContext, credits: Decimal) -> Decimal:
    from ohmygpt_desktop.api.models import credits_to_usd

    return credits_to_usd(credits, ctx.settings.credits_per_usd)


def order_json(record: OrderRecord) -> dict[str, Any]:
    """An order for scripts (stable keys; money as strings, times ISO 8601 UTC)."""
    return {
        "local_id": record.local_id,
        "order_no": record.order_no,
        "account": record.account_key,
        "email": record.email,
        "host": record.host,
        "kind": record.kind,
        "amount_usd": _money(record.amount),
        "product_id": record.product_id,
        "status": record.status.value,
        "created_at": iso_utc(record.created_at),
        "updated_at": iso_utc(record.updated_at),
        "expires_at": iso_utc(record.expires_at),
        "balance_before": None if record.balance_before is None else str(record.balance_before),
        "balance_after": None if record.balance_after is None else str(record.balance_after),
        "payment_url": record.checkout_url,
        "note": record.note,
        "operator": record.operator,
        "reference": record.reference,
    }


# ---------------------------------------------------------------- accounts


def _matches(candidates: Sequence[tuple[str, str]], query: str) -> list[str]:
    """The keys among ``(key, email)`` that ``query`` names: a whole key or e-mail,
    else a prefix of one (e-mails in any case)."""
    wanted = query.strip().casefold()
    exact = [key for key, email in candidates if wanted in (key.casefold(), email.casefold())]
    if exact:
        return list(dict.fromkeys(exact))
    return list(
        dict.fromkeys(
            key
            for key, email in candidates
            if key.casefold().startswith(wanted) or email.casefold().startswith(wanted)
        )
    )


def _one_of(candidates: Sequence[tuple[str, str]], query: str) -> str:
    if not query.strip():
        raise CliError("Name an account: its e-mail, its key or the start of one.", EXIT_USAGE)
    keys = _matches(candidates, query)
    if not keys:
        raise CliError(
            f"No signed-in account matches {query!r}. `{PROG} accounts` lists them.",
            EXIT_NOT_SIGNED_IN,
        )
    if len(keys) > 1:
        raise CliError(
            f"{query!r} matches several accounts ({', '.join(keys)}): give more of it.",
            EXIT_USAGE,
        )
    return keys[0]


def find_account(ctx: AppContext, query: str | None) -> Account:
    """The account ``query`` names (see :func:`_matches`); the current one for ``None``."""
    accounts = ctx.accounts
    if query is None:
        current = accounts.current()
        if current is None:
            raise CliError(
                "No account is signed in. Sign in with the app first.", EXIT_NOT_SIGNED_IN
            )
        return current
    key = _one_of([(a.key, a.email) for a in accounts.accounts()], query)
    account = accounts.get(key)
    assert account is not None
    return account


async def signed_in(ctx: AppContext, account: Account) -> Account:
    """``account`` with its sign-in read from the keyring; stops when it has none."""
    await ctx.accounts.load_token(account.key)
    if account.token_problem is not None:
        raise CliError(
            f"The sign-in of {account.email} could not be read: {account.token_problem}",
            EXIT_LOCAL,
        )
    if account.needs_reauth:
        raise CliError(
            f"{account.email} ({account.host}) is not signed in any more. "
            "Sign in to it again in the app.",
            EXIT_NOT_SIGNED_IN,
        )
    return account


def _state(account: Account) -> str:
    if account.token_problem is not None:
        return "keyring_error"
    return "needs_sign_in" if account.needs_reauth else "signed_in"


_STATE_TEXT = {
    "signed_in": "signed in",
    "needs_sign_in": "sign in again",
    "keyring_error": "keyring error",
}


def _accounts_arguments(parser: argparse.ArgumentParser) -> None:
    _json_flag(parser)


@command(
    "accounts",
    help="list the signed-in accounts",
    description="List the accounts signed in to the app: e-mail, service, key, the last "
    "balance read and whether the sign-in can be used (read from the keyring). The "
    "current account is marked with *.",
    arguments=_accounts_arguments,
)
async def _accounts(run: CommandRun) -> int:
    ctx = run.ctx
    await ctx.accounts.load_tokens()
    # The newest balance the app or this command line read (the balance history).
    readings = {a.key: ctx.usage.newest(a.key) for a in ctx.accounts.accounts()}
    current = ctx.accounts.current()
    items = []
    for account in ctx.accounts.accounts():
        reading = readings.get(account.key)
        items.append(
            {
                "key": account.key,
                "email": account.email,
                "host": account.host,
                "current": current is not None and account.key == current.key,
                "state": _state(account),
                "balance_usd": _money(_usd(ctx, reading.balance)) if reading else None,
                "credits": str(reading.balance) if reading else None,
                "balance_read_at": iso_utc(reading.at) if reading else None,
            }
        )
    if run.args.json:
        run.emit_json(items)
        return EXIT_OK
    if not items:
        run.warn("No account is signed in. Sign in with the app first.")
        return EXIT_OK
    rows = [
        [
            "*" if item["current"] else "",
            item["email"],
            item["host"],
            item["key"],
            _dollars(None if item["balance_usd"] is None else Decimal(item["balance_usd"])),
            _local_time(readings[item["key"]].at) if item["credits"] else "never",
            _STATE_TEXT[item["state"]],
        ]
        for item in items
    ]
    run.say(table(["", "email", "host", "key", "balance", "read", "sign-in"], rows))
    return EXIT_OK


# ----------------------------------------------------------------- balance


def _balance_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "account",
        nargs="?",
        metavar="ACCOUNT",
        help="e-mail, key or the start of one (default: the app's current account)",
    )
    _json_flag(parser)


@command(
    "balance",
    help="read an account's balance now",
    description="Read an account's balance from the service now; like every read, it "
    "goes into the balance history (which `accounts` and the app's Usage tab show).",
    arguments=_balance_arguments,
)
async def _balance(run: CommandRun) -> int:
    from ohmygpt_desktop.api import InvalidTokenError

    ctx = run.ctx
    account = await signed_in(ctx, find_account(ctx, run.args.account))
    try:
        balance = await ctx.accounts.refresh_balance(account.key)
    except InvalidTokenError as exc:
        raise CliError(
            f"{exc} Sign in to {account.email} again in the app.", EXIT_NOT_SIGNED_IN
        ) from None
    assert balance is not None
    assert account.balance_updated is not None
    usd = _usd(ctx, balance.balance)
    if run.args.json:
        run.emit_json(
            {
                "account": account.key,
                "email": account.email,
                "host": account.host,
                "balance_usd": _money(usd),
                "credits": str(balance.balance),
                "free_credits": str(balance.free_balance),
                "read_at": iso_utc(account.balance_updated),
            }
        )
        return EXIT_OK
    run.say(
        table(
            ["email", "host", "balance", "credits", "read"],
            [
                [
                    account.email,
                    account.host,
                    _dollars(usd),
                    f"{balance.balance:,}",
                    _local_time(account.balance_updated),
                ]
            ],
        )
    )
    return EXIT_OK


# ------------------------------------------------------------------ orders


def _orders_arguments(parser: argparse.ArgumentParser) -> None:
    from ohmygpt_desktop.core.orders import OrderStatus

    parser.add_argument(
        "--status", choices=[status.value for status in OrderStatus], help="only orders in S"
    )
    parser.add_argument(
        "--account", metavar="A", help="only A's orders (e-mail, key or the start of one)"
    )
    parser.add_argument(
        "--limit", type=_positive, default=30, metavar="N", help="at most N, newest first (30)"
    )
    _json_flag(parser)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number from 1 up (got {text!r})")
    return value


@command(
    "orders",
    help="list the recharge orders in the order history",
    description="List the recharge orders of the app's order history, newest first.",
    arguments=_orders_arguments,
)
async def _orders(run: CommandRun) -> int:
    from ohmygpt_desktop.core.orders import OrderFilter, OrderStatus

    ctx, args = run.ctx, run.args
    key = None
    if args.account is not None:
        candidates = [(a.key, a.email) for a in ctx.accounts.accounts()]
        candidates += ctx.history.accounts()
        key = _one_of(list(dict.fromkeys(candidates)), args.account)
    statuses = frozenset({OrderStatus(args.status)}) if args.status is not None else frozenset()
    where = OrderFilter(statuses=statuses, account_key=key)
    records = ctx.history.find(where, limit=args.limit)  # filtered and cut by SQLite
    if args.json:
        run.emit_json([order_json(r) for r in records])
        return EXIT_OK
    if not records:
        run.warn("No orders match.")
        return EXIT_OK
    rows = [
        [
            str(r.local_id),
            r.order_no or "—",
            r.email,
            _dollars(r.amount),
            r.kind,
            r.status.value,
            _local_time(r.created_at),
            r.reference or "—",
        ]
        for r in records
    ]
    headers = ["id", "order", "email", "amount", "kind", "status", "created", "reference"]
    run.say(table(headers, rows))
    return EXIT_OK


# ---------------------------------------------------------------- recharge


def _recharge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("account", metavar="ACCOUNT", help="e-mail, key or the start of one")
    parser.add_argument("amount", metavar="AMOUNT", help="in USD, e.g. 10 or 12.50")
    parser.add_argument(
        "--reference",
        metavar="R",
        help="what the order is for, e.g. a support ticket number (kept with the order)",
    )
    parser.add_argument(
        "--invoice", action="store_true", help="a Stripe invoice instead of a Checkout page"
    )
    parser.add_argument("--email", metavar="E", help="with --invoice: send the invoice to E")
    parser.add_argument(
        "--open", action="store_true", help="also open the payment page in the browser"
    )
    _json_flag(parser)


@command(
    "recharge",
    help="create a recharge order and print its payment link",
    description="Create one recharge order for ACCOUNT, as the app's Recharge dialog does "
    "(recorded in the order history before it is sent, never retried, with the operator "
    "setting and the reference), and print its order number and payment link. Nothing is "
    "opened unless --open.",
    arguments=_recharge_arguments,
)
async def _recharge(run: CommandRun) -> int:
    from ohmygpt_desktop.api import ApiError, InvalidTokenError
    from ohmygpt_desktop.core.recharge import (
        AmountRefused,
        OrderNotSaved,
        OrderOutcomeUnknown,
        RechargeKind,
        ReferenceRefused,
        check_reference,
        parse_amount,
    )

    ctx, args = run.ctx, run.args
    if args.email and not args.invoice:
        raise CliError("--email goes with --invoice.", EXIT_USAGE)
    try:
        amount = parse_amount(
            args.amount, minimum=ctx.settings.recharge_min, maximum=ctx.settings.recharge_max
        )
    except AmountRefused as exc:
        raise CliError(f"{exc} (got {args.amount!r})", EXIT_USAGE) from None
    try:
        reference = check_reference(args.reference)
    except ReferenceRefused as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    account = await signed_in(ctx, find_account(ctx, args.account))
    try:  # the balance before, as the app has it when its Recharge dialog opens
        await ctx.accounts.refresh_balance(account.key)
    except InvalidTokenError:
        raise CliError(
            f"{account.email} ({account.host}) is not signed in any more. "
            "Sign in to it again in the app.",
            EXIT_NOT_SIGNED_IN,
        ) from None
    except ApiError as exc:
        log.info("The balance before the order could not be read: %r", exc)
    kind = RechargeKind.INVOICE if args.invoice else RechargeKind.CHECKOUT
    try:
        record = await ctx.recharge.create_order(
            account.key, amount, kind=kind, email=args.email, reference=reference
        )
    except OrderNotSaved as exc:  # it exists and can be paid: the link all the same
        _tell_the_app(ctx)
        _print_order(run, exc.record)
        raise CliError(str(exc), EXIT_LOCAL) from None
    except OrderOutcomeUnknown as exc:
        _tell_the_app(ctx)
        if args.json and exc.record is not None:
            run.emit_json(order_json(exc.record))
        raise CliError(str(exc), EXIT_OUTCOME_UNKNOWN) from None
    _tell_the_app(ctx)
    _print_order(run, record)
    if args.open and record.checkout_url and not ctx.open_url(record.checkout_url):
        run.warn("No browser could be opened: open the link above yourself.")
    return EXIT_OK


def _print_order(run: CommandRun, record: OrderRecord) -> None:
    if run.args.json:
        run.emit_json(order_json(record))
        return
    run.say(
        f"Order {record.order_no} for {record.email} ({record.host}): "
        f"{_dollars(record.amount)}, {record.kind}."
    )
    if record.expires_at is not None:
        run.say(f"Payment link (works until about {_local_time(record.expires_at)}):")
    else:
        run.say("Payment link:")
    run.say(record.checkout_url or "")


# ------------------------------------------------------------------ ledger


def _ledger_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["check"], help="check: is the team ledger usable?")
    _json_flag(parser)


@command(
    "ledger",
    help="check the team ledger (PostgreSQL)",
    description="`ledger check`: can the team ledger (the ledger_url setting) be reached, "
    "which schema version it has, and how many local changes wait to be published. "
    "Changes nothing.",
    arguments=_ledger_arguments,
)
async def _ledger(run: CommandRun) -> int:
    from dataclasses import asdict

    from ohmygpt_desktop.core.ledger import check_ledger, format_check

    ctx = run.ctx
    url = ctx.settings.ledger_url
    if not url:
        raise CliError(
            "No team ledger is set up: the ledger_url setting is empty (README, For teams).",
            EXIT_USAGE,
        )
    report = await check_ledger(url, ctx.history.path, await ctx.ledger_password())
    if run.args.json:
        run.emit_json({**asdict(report), "ok": report.ok})
    else:
        run.say(format_check(report))
    return EXIT_OK if report.ok else EXIT_FAILED


__all__ = [
    "COMMANDS",
    "EXIT_CODES",
    "CliError",
    "Command",
    "CommandRun",
    "build_parser",
    "command",
    "find_account",
    "is_command",
    "main",
    "order_json",
    "signed_in",
    "table",
]
