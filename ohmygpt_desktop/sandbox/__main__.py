"""``python -m ohmygpt_desktop.sandbox``: run the sandbox like a developer server."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from urllib.parse import urlencode

from ohmygpt_desktop.api.endpoints import AUTHORIZE_PAGE, CODE_PAGE
from ohmygpt_desktop.sandbox.config import SEEDED_APPS, STATUS_MODES, SandboxConfig
from ohmygpt_desktop.sandbox.faults import FAULT_KINDS, fault_from, parse_fault
from ohmygpt_desktop.sandbox.server import SandboxServer, is_loopback
from ohmygpt_desktop.sandbox.state import money
from ohmygpt_desktop.serving import run_until_signalled


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ohmygpt_desktop.sandbox",
        description="Local stand-in of the OhMyGPT OAuth API and its sign-in/checkout pages.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one")
    parser.add_argument(
        "--credit-delay",
        type=float,
        default=3.0,
        metavar="S",
        help="seconds between Pay and the balance being credited (default 3)",
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, metavar="S", help="seconds added to every API call"
    )
    parser.add_argument(
        "--status-mode",
        choices=STATUS_MODES,
        default="mirror",
        help="mirror: HTTP status = statusCode; always200: HTTP 200 always",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="ENDPOINT=KIND[:k=v,...]",
        help=f"inject a fault; kinds: {', '.join(FAULT_KINDS)}",
    )
    parser.add_argument("--access-log", action="store_true", help="log every request")
    return parser


def banner(server: SandboxServer) -> str:
    base = server.base_url
    app = SEEDED_APPS[0]
    query = urlencode(
        {
            "response_type": "code",
            "client_id": app.client_id,
            "redirect_uri": f"{base}{CODE_PAGE}",
            "scope": app.scope,
            "state": "demo",
        }
    )
    lines = [
        "OhMyGPT sandbox (local stand-in; demo values, no real accounts or money)",
        f"  Base URL (API and pages): {base}",
        f"  Authorization page:       {base}{AUTHORIZE_PAGE}",
        f"  Try it in a browser:      {base}{AUTHORIZE_PAGE}?{query}",
        "",
        "Apps:",
    ]
    for seeded in SEEDED_APPS:
        lines += [
            f"  {seeded.name}",
            f"    client_id:        {seeded.client_id}",
            f"    client_secret:    {seeded.client_secret}",
            f"    redirect URIs:    {base}{CODE_PAGE}",
            f"                      any http://{seeded.domain}:<port>/<path>"
            " (localhost also accepted)",
            f"    scope:            {seeded.scope}",
            f"    permission level: {seeded.permission_level}",
        ]
    lines += ["", "Users (pick one on the authorization page):"]
    for acc in server.state.accounts():
        lines.append(
            f"  {acc.user_id:>5}  {acc.email:<20} balance {money(acc.balance):>12}"
            f"  free {money(acc.free_balance)}"
        )
    faults = server.state.faults
    if faults:
        lines += ["", "Faults:"]
        lines += [f"  {f.as_dict()}" for f in faults]
    lines += [
        "",
        "Control: POST /_sandbox/faults|clock|config|revoke|reset|balance|token,"
        " GET /_sandbox/requests|orders|users|faults",
        "Press Ctrl+C to stop.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        parser.error(f"refusing to listen on {args.host!r}: only loopback addresses are allowed")
    try:
        config = SandboxConfig(
            credit_delay=args.credit_delay, latency=args.latency, status_mode=args.status_mode
        )
        faults = [fault_from(*parse_fault(spec)) for spec in args.fault]
    except ValueError as exc:
        parser.error(str(exc))

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server = SandboxServer(
        args.host, args.port, config, access_log=args.access_log, log_level="info"
    )
    for fault in faults:
        server.state.add_fault(fault)

    status = run_until_signalled(server, lambda: banner(server))
    if status:
        return status
    print("Sandbox stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
