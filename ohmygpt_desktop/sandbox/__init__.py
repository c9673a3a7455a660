"""A local stand-in of the OhMyGPT OAuth API and its browser pages.

Serves, over real HTTP on a loopback address, the endpoint table of docs/api.md#endpoint-table:
the authorization page, the code display page, ``issue-token``, user info,
balance, Stripe Checkout / Invoice orders, plus a fake Stripe checkout page. Used
by the tests and by the app's demo mode; never contacts the network.

    from ohmygpt_desktop.sandbox import SandboxServer, SandboxConfig, DEFAULT_APP

    with SandboxServer(port=0, config=SandboxConfig(credit_delay=0)) as server:
        server.base_url          # "http://127.0.0.1:PORT"
        server.state             # SandboxState, thread-safe, usable from tests

Fault injection (``state.set_fault(endpoint, kind, times=None, **params)`` or
``POST /_sandbox/faults``); ``endpoint`` is a counted endpoint name or ``"*"``;
``user_id`` aims the fault at the requests made with that user's token only (a
user's fault goes before the endpoint's); every kind also takes ``seconds`` (a
delay first):

==============  ============================  ===========================================
kind            params (default)              what the client sees
==============  ============================  ===========================================
latency         seconds (1.0)                 the normal reply, that much later
status          status (500), retry_after (7) the error envelope for that status
                message, error_type           (HTTP status per ``status_mode``);
                                              429 adds ``Retry-After``
error_in_200    status (401), ...as status    HTTP 200, error envelope in the body
html            status (502)                  a CDN-style HTML error page, text/html
non_json        variant ("text"|"broken_json") HTTP 200, body that is not JSON
drop            -                             real handler runs, then the reply is cut
                                              mid-body (Content-Length too large)
missing_field   field (first key of data)     the real reply without that field
wrong_type      field (first key), value      the real reply with the field mistyped
                                              (default: wrapped in a list)
bad_url         url ("javascript:alert(1)")   every ``*_url`` in data replaced by url
oversized       size (10 MiB)                 HTTP 200, JSON-looking body of size bytes
redirect        status (302), location        that redirect instead of the reply (no body)
                ("https://www.ohmygpt.com/login")
drip            bytes_per_second (1)          real handler runs, then its reply is sent a
                                              byte at a time (each read is quick; the
                                              whole reply takes minutes)
==============  ============================  ===========================================
"""

from __future__ import annotations

from ohmygpt_desktop.sandbox.config import (
    COMMUNITY_APP,
    DEFAULT_APP,
    ENDPOINTS,
    SEEDED_APPS,
    SEEDED_USERS,
    SandboxConfig,
    SeededApp,
    SeededUser,
)
from ohmygpt_desktop.sandbox.faults import FAULT_KINDS, Fault
from ohmygpt_desktop.sandbox.server import SandboxServer
from ohmygpt_desktop.sandbox.state import SandboxState

__all__ = [
    "COMMUNITY_APP",
    "DEFAULT_APP",
    "ENDPOINTS",
    "FAULT_KINDS",
    "SEEDED_APPS",
    "SEEDED_USERS",
    "Fault",
    "SandboxConfig",
    "SandboxServer",
    "SandboxState",
    "SeededApp",
    "SeededUser",
]
