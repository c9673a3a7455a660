"""``python -m ohmygpt_desktop.exchange``: run the token-exchange service.

The client secret comes from the environment or a file, never from the command line
(every user of the machine can read a process's arguments, and shells keep them in
their history): ``--client-secret`` is refused without showing its value.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from ohmygpt_desktop.api.endpoints import DEFAULT_ENDPOINTS
from ohmygpt_desktop.core.logs import RedactingFilter, register_secret
from ohmygpt_desktop.exchange.app import HEALTH_PATH, TOKEN_PATH
from ohmygpt_desktop.exchange.config import ExchangeConfig, SecretSource
from ohmygpt_desktop.exchange.server import ExchangeServer
from ohmygpt_desktop.serving import run_until_signalled

ENV_CLIENT_ID = "OHMYGPT_EXCHANGE_CLIENT_ID"
ENV_CLIENT_SECRET = "OHMYGPT_EXCHANGE_CLIENT_SECRET"  # noqa: S105 - a variable's name
ENV_CLIENT_SECRET_FILE = "OHMYGPT_EXCHANGE_CLIENT_SECRET_FILE"  # noqa: S105 - a variable's name
ENV_API_BASE_URL = "OHMYGPT_EXCHANGE_API_BASE_URL"
ENV_FORWARDED_ALLOW_IPS = "OHMYGPT_EXCHANGE_FORWARDED_ALLOW_IPS"

DEFAULT_PORT = 8780
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_WHERE_SECRETS_GO = (
    f"put the client secret in the environment variable {ENV_CLIENT_SECRET}, or in a "
    f"file named by --client-secret-file (or {ENV_CLIENT_SECRET_FILE})"
)


@dataclass(frozen=True)
class Launch:
    """What the command line asks for."""

    config: ExchangeConfig
    host: str
    port: int
    forwarded_allow_ips: str
    log_level: str


class _RefuseSecret(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        parser.error(
            "--client-secret is not accepted: a secret on the command line can be read by "
            f"every user of this machine and stays in shell history; {_WHERE_SECRETS_GO}"
        )


def _parser(env: Mapping[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ohmygpt_desktop.exchange",
        description=(
            "Exchange OhMyGPT authorization codes for tokens with a client secret that "
            f'never leaves this service. Apps POST {{"code": …}} to {TOKEN_PATH}; '
            f"{HEALTH_PATH} says whether it is ready. Plain HTTP: put a TLS-terminating "
            "reverse proxy in front of it."
        ),
        epilog=f"Secrets: {_WHERE_SECRETS_GO}. Never on the command line.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--client-id",
        default=env.get(ENV_CLIENT_ID),
        help=f"the OAuth app's client id (or {ENV_CLIENT_ID})",
    )
    parser.add_argument(
        "--client-secret-file",
        type=Path,
        default=env.get(ENV_CLIENT_SECRET_FILE) or None,
        metavar="PATH",
        help=f"file with the client secret, re-read when it changes (or {ENV_CLIENT_SECRET_FILE})",
    )
    parser.add_argument("--client-secret", nargs="?", action=_RefuseSecret, help=argparse.SUPPRESS)
    parser.add_argument(
        "--api-base-url",
        default=env.get(ENV_API_BASE_URL),
        metavar="URL",
        help=f"the OhMyGPT API line, e.g. https://api.ohmygpt.com (or {ENV_API_BASE_URL})",
    )
    parser.add_argument(
        "--issue-token-path",
        default=DEFAULT_ENDPOINTS.issue_token,
        metavar="PATH",
        help=f"path of issue-token on the API line (default {DEFAULT_ENDPOINTS.issue_token})",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free one")
    parser.add_argument(
        "--forwarded-allow-ips",
        default=env.get(ENV_FORWARDED_ALLOW_IPS, "127.0.0.1"),
        metavar="IPS",
        help=(
            "comma-separated addresses or networks of the reverse proxies whose "
            "X-Forwarded-For gives the client address for the rate limit; '*' trusts any, "
            f"'' none (default 127.0.0.1, or {ENV_FORWARDED_ALLOW_IPS})"
        ),
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=10,
        metavar="N",
        help="token requests per client address and minute (default 10)",
    )
    parser.add_argument(
        "--max-body-bytes", type=int, default=4096, metavar="N", help="default 4096"
    )
    parser.add_argument(
        "--upstream-timeout",
        type=float,
        default=15.0,
        metavar="S",
        help="seconds an issue-token call may take (default 15)",
    )
    parser.add_argument(
        "--log-level", choices=("debug", "info", "warning", "error"), default="info"
    )
    return parser


def read_command_line(argv: Sequence[str] | None, env: Mapping[str, str]) -> Launch:
    """The launch the command line and environment describe; exits (status 2) with a
    message naming the problem, and never the secret, when they describe none."""
    parser = _parser(env)
    args, extra = parser.parse_known_args(argv)
    if extra:
        # argparse would echo them, and a mistyped option's value may be a secret.
        names = sorted({a.split("=", 1)[0] for a in extra if a.startswith("--")})
        parser.error(f"unknown {', '.join(names) or 'arguments'} (values not shown); see --help")
    if not args.client_id:
        parser.error(f"say which OAuth app: --client-id or {ENV_CLIENT_ID}")
    if not args.api_base_url:
        parser.error(
            f"say which OhMyGPT API line to use: --api-base-url or {ENV_API_BASE_URL} "
            "(e.g. https://api.ohmygpt.com)"
        )
    secret = _secret_source(parser, args.client_secret_file, env)
    try:
        config = ExchangeConfig(
            client_id=args.client_id,
            client_secret=secret,
            api_base_url=args.api_base_url,
            endpoints=DEFAULT_ENDPOINTS.with_overrides({"issue_token": args.issue_token_path}),
            rate_per_minute=args.rate_limit,
            max_body_bytes=args.max_body_bytes,
            upstream_deadline=args.upstream_timeout,
        )
    except ValueError as exc:
        parser.error(str(exc))
    return Launch(config, args.host, args.port, args.forwarded_allow_ips, args.log_level)


def _secret_source(
    parser: argparse.ArgumentParser, path: Path | None, env: Mapping[str, str]
) -> SecretSource:
    from_env = env.get(ENV_CLIENT_SECRET, "").strip()
    if from_env and path is not None:
        parser.error(
            f"the client secret is given twice: use {ENV_CLIENT_SECRET} or a secret file, not both"
        )
    if from_env:
        return SecretSource.from_value(from_env)
    if path is None:
        parser.error(f"no client secret: {_WHERE_SECRETS_GO}")
    source = SecretSource.from_file(path)
    if source.current() is None:
        parser.error(
            f"the client secret file {path} is missing, unreadable, empty or larger than 4 KiB"
        )
    return source


def main(argv: Sequence[str] | None = None) -> int:
    launch = read_command_line(argv, os.environ)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    # Nothing is meant to log a secret; this catches what would anyway.
    handler.addFilter(RedactingFilter())
    logging.basicConfig(level=launch.log_level.upper(), handlers=[handler])
    secret = launch.config.client_secret.current()
    if secret is not None:
        register_secret(secret.reveal())
    config = launch.config
    server = ExchangeServer(
        config,
        launch.host,
        launch.port,
        forwarded_allow_ips=launch.forwarded_allow_ips,
        log_level=launch.log_level,
    )

    def banner() -> str:
        return (
            f"Token-exchange service listening on {server.base_url} "
            f"(POST {TOKEN_PATH}, GET {HEALTH_PATH}) for client id {config.client_id}, "
            f"secret from {config.client_secret.describe()}, OhMyGPT at {config.api_base_url}"
        )

    status = run_until_signalled(server, banner)
    if status == 0:
        print("Token-exchange service stopped.", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
