"""Loopback redirect receiver (RFC 8252 §7.3).

When the configured redirect URI is ``http://127.0.0.1:PORT/path``, the app
listens there and completes sign-in by itself. The listener is the standard
library's HTTP server in a daemon thread; each captured redirect is handed to
the asyncio loop with ``call_soon_threadsafe``. Nothing but 127.0.0.1 is bound.
"""

from __future__ import annotations

import asyncio
import html
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;background:#f5f6f8;display:flex;
justify-content:center;padding-top:12vh}}main{{background:#fff;border-radius:12px;
padding:32px 40px;box-shadow:0 2px 12px #0002;max-width:480px}}</style></head>
<body><main><h1>{title}</h1><p>{text}</p></main></body></html>"""


def is_loopback_redirect(uri: str) -> bool:
    parts = urlsplit(uri)
    return (
        parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost"} and bool(parts.port)
    )


class LoopbackReceiver:
    """Listens on the redirect URI's port; calls ``on_redirect(full_url)`` on the loop."""

    def __init__(
        self,
        redirect_uri: str,
        on_redirect: Callable[[str], None],
        *,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        if not is_loopback_redirect(redirect_uri):
            raise ValueError("not a loopback redirect URI")
        parts = urlsplit(redirect_uri)
        self._path = parts.path or "/"
        self._port = parts.port
        self._uri = redirect_uri
        self._on_redirect = on_redirect
        self._loop = loop or asyncio.get_event_loop()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        """Bind and serve. Raises OSError when the port is taken."""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                target = urlsplit(self.path)
                if target.path != receiver._path:
                    self.send_error(404)
                    return
                full = f"http://127.0.0.1:{receiver._port}{self.path}"
                denied = "error=" in (target.query or "")
                title = "Sign-in cancelled" if denied else "You are signed in"
                text = (
                    "You can close this tab and return to OhMyGPT Desktop."
                    if not denied
                    else "The authorization was denied. You can close this tab."
                )
                body = _PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                receiver._loop.call_soon_threadsafe(receiver._on_redirect, full)

            def log_message(self, format: str, *args: object) -> None:
                # The query holds the authorization code: never log requests.
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="loopback-redirect", daemon=True
        )
        self._thread.start()
        log.info("Listening for the sign-in redirect on 127.0.0.1:%s", self._port)

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
