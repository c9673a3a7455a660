"""Serve a Starlette app with uvicorn in a background thread (sandbox, token exchange).

The caller's thread stays free: tests drive the server from it, and the command-line
entry points wait there for Ctrl+C. No Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
import socket
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Literal, Self

import uvicorn
from starlette.applications import Starlette

START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Uvicorn(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, ready: threading.Event, app: Starlette) -> None:
        super().__init__(config)
        self._ready = ready
        self._app = app
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stopping: asyncio.Event | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        self.stopping = asyncio.Event()
        self._app.state.shutdown = self.stopping  # lets long waits end early on stop()
        await super().startup(sockets=sockets)
        self._ready.set()

    def request_stop(self) -> None:
        """Thread-safe: ask the server to shut down."""
        self.should_exit = True
        loop, stopping = self.loop, self.stopping
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                loop.call_soon_threadsafe(stopping.set)


class BackgroundServer:
    """``app`` on ``http://HOST:PORT``, served by uvicorn in a daemon thread.

    ``port=0`` picks a free port. ``start()`` returns once the server accepts
    connections (and the app's lifespan start-up, if ``lifespan="on"``, is done);
    ``stop()`` shuts it down (idempotent). Also a context manager.

    ``forwarded_allow_ips``: ``None`` or ``""`` ignores ``X-Forwarded-For``/``-Proto``; else
    the comma-separated addresses (or networks, or ``*``) of the reverse proxies whose
    headers give the real client address (uvicorn's proxy-header support).
    """

    def __init__(
        self,
        app: Starlette,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        access_log: bool = False,
        log_level: str | None = None,
        lifespan: Literal["on", "off"] = "off",
        forwarded_allow_ips: str | None = None,
        name: str = "server",
    ) -> None:
        self.host = "127.0.0.1" if host.lower() == "localhost" else host.strip("[]")
        self.port = port
        self.app = app
        self.name = name
        self._access_log = access_log
        self._log_level = log_level
        self._lifespan = lifespan
        self._forwarded_allow_ips = forwarded_allow_ips
        self._socket: socket.socket | None = None
        self._server: _Uvicorn | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._bound_port: int | None = None

    @property
    def base_url(self) -> str:
        if self._bound_port is None:
            raise RuntimeError(f"the {self.name} server is not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._bound_port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def was_started(self) -> bool:
        return self._thread is not None

    def start(self) -> Self:
        if self._thread is not None:
            raise RuntimeError(f"the {self.name} server was already started")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets
        # whose proto says TCP; without it every reply with a body waits ~40 ms (Nagle).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
            sock.listen(128)
            sock.setblocking(False)
        except OSError:
            sock.close()
            raise
        self._socket = sock
        self._bound_port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            http="h11",
            ws="none",
            lifespan=self._lifespan,
            loop="asyncio",
            log_config=None,
            log_level=self._log_level,
            access_log=self._access_log,
            timeout_graceful_shutdown=1,
            server_header=False,
            proxy_headers=bool(self._forwarded_allow_ips),
            forwarded_allow_ips=self._forwarded_allow_ips or None,
        )
        ready = threading.Event()
        self._server = _Uvicorn(config, ready, self.app)
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name=f"{self.name}-{self._bound_port}", daemon=True
        )
        self._thread.start()
        if not ready.wait(START_TIMEOUT) or not self._server.started:
            self.stop()
            raise RuntimeError(
                f"the {self.name} server did not start within {START_TIMEOUT:.0f} s"
            ) from self._error
        return self

    def _run(self, ready: threading.Event) -> None:
        assert self._server is not None
        assert self._socket is not None
        try:
            # A loop of its own kind: a GUI that set its own event loop policy (qasync
            # does, on Python 3.11) must not decide what runs the server's thread.
            with asyncio.Runner(
                loop_factory=asyncio.DefaultEventLoopPolicy().new_event_loop
            ) as runner:
                runner.run(self._server.serve(sockets=[self._socket]))
        except BaseException as exc:  # reported by start()/stop()
            self._error = exc
        finally:
            ready.set()

    def stop(self) -> None:
        """Graceful shutdown; joins the server thread. Safe to call more than once."""
        server, thread = self._server, self._thread
        if server is not None:
            server.request_stop()
        if thread is not None and thread.is_alive():
            thread.join(STOP_TIMEOUT)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(STOP_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self._bound_port is not None else "not started"
        return f"<{type(self).__name__} {where}>"


def run_until_signalled(server: BackgroundServer, banner: Callable[[], str]) -> int:
    """Start ``server``, print ``banner()``, serve until SIGINT/SIGTERM, stop it.

    Returns the exit status: 0 after a signal, 1 (with the reason on stderr) when the
    address cannot be used or the server stops by itself.
    """
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            server.start()
        except OSError as exc:
            print(f"cannot listen on {server.host}:{server.port}: {exc}", file=sys.stderr)
            return 1
        except RuntimeError as exc:
            print(f"{exc}; see the log above", file=sys.stderr)
            return 1
        print(banner(), flush=True)
        while not stop.wait(0.5):
            if not server.running:
                print(f"the {server.name} server stopped unexpectedly", file=sys.stderr)
                return 1
    except KeyboardInterrupt:  # a second Ctrl+C during start-up
        pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
