"""Loopback redirect receiver (RFC 8252 §7.3).

When the configured redirect URI is ``http://127.0.0.1:PORT/path``, the app
listens there and completes sign-in by itself. The listener is the standard
library's HTTP server in a daemon thread; each captured redirect is handed to
the asyncio loop with ``call_soon_threadsafe``. Nothing but 127.0.0.1 is bound.

Any local program can send requests to that port, so only a GET on the
registered path that carries the pending attempt's ``state`` reaches the app
(:func:`~ohmygpt_desktop.core.oauth.check_redirect`); anything else gets a
neutral page and changes nothing. The app tells the receiver which state it
waits for with :meth:`LoopbackReceiver.expect`.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ohmygpt_desktop.core.oauth import RedirectVerdict, check_redirect
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # imported where used: both are slow to import before the first paint
    import asyncio
    from http.server import ThreadingHTTPServer

log = logging.getLogger(__name__)

_CTX = "LoopbackPage"

#: The page the browser shows for each verdict: (HTTP status, title, text).
_PAGES: dict[RedirectVerdict, tuple[int, str, str]] = {
    RedirectVerdict.CODE: (
        200,
        QT_TRANSLATE_NOOP(_CTX, "You are signed in"),
        QT_TRANSLATE_NOOP(_CTX, "You can close this tab and return to OhMyGPT Desktop."),
    ),
    RedirectVerdict.DENIED: (
        200,
        QT_TRANSLATE_NOOP(_CTX, "Sign-in cancelled"),
        QT_TRANSLATE_NOOP(_CTX, "The authorization was denied. You can close this tab."),
    ),
    RedirectVerdict.FOREIGN: (
        400,
        QT_TRANSLATE_NOOP(_CTX, "Nothing to do here"),
        QT_TRANSLATE_NOOP(
            _CTX,
            "This sign-in link is not for a sign-in this app is waiting for. "
            "You can close this tab.",
        ),
    ),
}

#: Translates ``(context, English text)``; the default keeps the English.
Translate = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


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
    """Listens on the redirect URI's port; calls ``on_redirect(full_url)`` on the loop.

    Only for the state set with :meth:`expect` (none at first): see the module doc.
    ``translate`` gives the browser's pages in the user's language; it is called in
    the listener's thread.
    """

    def __init__(
        self,
        redirect_uri: str,
        on_redirect: Callable[[str], None],
        *,
        loop: asyncio.AbstractEventLoop | None = None,
        translate: Translate = _english,
    ) -> None:
        import asyncio

        if not is_loopback_redirect(redirect_uri):
            raise ValueError("not a loopback redirect URI")
        parts = urlsplit(redirect_uri)
        self._path = parts.path or "/"
        self._port = parts.port
        self._on_redirect = on_redirect
        self._loop = loop or asyncio.get_event_loop()
        self._translate = translate
        self._lock = threading.Lock()
        self._expected_state: str | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def expect(self, state: str | None) -> None:
        """The state of the pending attempt (``None``: none pending, refuse everything).

        Safe to call from any thread; the listener reads it for each request.
        """
        with self._lock:
            self._expected_state = state

    def _judge(self, query: str) -> RedirectVerdict:
        with self._lock:
            expected = self._expected_state
        return check_redirect(query, expected)

    def _page(self, verdict: RedirectVerdict) -> tuple[int, bytes]:
        status, title, text = _PAGES[verdict]
        title = html.escape(self._translate(_CTX, title))
        text = html.escape(self._translate(_CTX, text))
        return status, _PAGE.format(title=title, text=text).encode()

    def start(self) -> None:
        """Bind and serve. Raises OSError when the port is taken."""
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                target = urlsplit(self.path)
                if target.path != receiver._path:
                    self.send_error(404)
                    return
                query = target.query or ""
                verdict = receiver._judge(query)
                if verdict is not RedirectVerdict.FOREIGN:
                    full = f"http://127.0.0.1:{receiver._port}{receiver._path}?{query}"
                    receiver._loop.call_soon_threadsafe(receiver._on_redirect, full)
                else:
                    log.info("Refused a request to the redirect path: not for the pending sign-in")
                status, body = receiver._page(verdict)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def _refuse_method(self) -> None:
                self.send_response(405)
                self.send_header("Allow", "GET")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _refuse_method

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
        self.expect(None)
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
