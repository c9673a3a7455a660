"""Run the sandbox over real HTTP on a loopback address, in a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import socket
import threading
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.applications import Starlette

from ohmygpt_desktop.sandbox.app import create_app
from ohmygpt_desktop.sandbox.config import SandboxConfig
from ohmygpt_desktop.sandbox.faults import SandboxConnectionDropped
from ohmygpt_desktop.sandbox.state import SandboxState

log = logging.getLogger(__name__)

START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _QuietDrops(logging.Filter):
    """Hide uvicorn's traceback for connections the 'drop' fault cuts on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, SandboxConnectionDropped)


def _install_log_filter() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())


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
        self._app.state.shutdown = self.stopping  # ends latency waits early on stop()
        await super().startup(sockets=sockets)
        self._ready.set()

    def request_stop(self) -> None:
        """Thread-safe: ask the server to shut down."""
        self.should_exit = True
        loop, stopping = self.loop, self.stopping
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                loop.call_soon_threadsafe(stopping.set)


class SandboxServer:
    """The OhMyGPT stand-in on ``http://127.0.0.1:PORT`` (API and browser pages).

    ``port=0`` picks a free port. ``start()`` returns once the server accepts
    connections; ``stop()`` shuts it down (idempotent). Also a context manager.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        config: SandboxConfig | None = None,
        *,
        access_log: bool = False,
        log_level: str | None = None,
        state_file: Path | None = None,
    ) -> None:
        """``state_file``: keep balances, token hashes and orders there between runs
        (demo mode); loaded now if it exists, written on :meth:`stop`."""
        if not is_loopback(host):
            raise ValueError(
                f"the sandbox only listens on a loopback address (127.0.0.1, ::1, localhost), "
                f"not {host!r}"
            )
        self.host = "127.0.0.1" if host.lower() == "localhost" else host.strip("[]")
        self.port = port
        self.state = SandboxState(config)
        self.state_file = state_file
        if state_file is not None:
            self._load_state(state_file)
        self.app = create_app(self.state)
        self._access_log = access_log
        self._log_level = log_level
        self._socket: socket.socket | None = None
        self._server: _Uvicorn | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._bound_port: int | None = None

    # -- persistence (demo mode) ----------------------------------------------------

    def _load_state(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.state.restore(data)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("Ignoring the saved sandbox state %s: %s", path, exc)

    def save_state(self) -> None:
        """Write the state file (atomically, owner-only), if one was given."""
        path = self.state_file
        if path is None:
            return
        text = json.dumps(self.state.snapshot(), indent=1)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)

    # -- properties ----------------------------------------------------------------

    @property
    def config(self) -> SandboxConfig:
        return self.state.config

    @property
    def base_url(self) -> str:
        if self._bound_port is None:
            raise RuntimeError("the sandbox server is not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._bound_port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> SandboxServer:
        if self._thread is not None:
            raise RuntimeError("the sandbox server was already started")
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
        _install_log_filter()
        config = uvicorn.Config(
            self.app,
            http="h11",
            ws="none",
            lifespan="off",
            loop="asyncio",
            log_config=None,
            log_level=self._log_level,
            access_log=self._access_log,
            timeout_graceful_shutdown=1,
            server_header=False,
        )
        ready = threading.Event()
        self._server = _Uvicorn(config, ready, self.app)
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name=f"sandbox-{self._bound_port}", daemon=True
        )
        self._thread.start()
        if not ready.wait(START_TIMEOUT) or not self._server.started:
            self.stop()
            raise RuntimeError(
                f"the sandbox server did not start within {START_TIMEOUT:.0f} s"
            ) from self._error
        return self

    def _run(self, ready: threading.Event) -> None:
        assert self._server is not None
        assert self._socket is not None
        try:
            asyncio.run(self._server.serve(sockets=[self._socket]))
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
        if thread is not None:
            try:
                self.save_state()
            except OSError as exc:
                log.warning("Could not save the sandbox state: %s", exc)

    def __enter__(self) -> SandboxServer:
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
        return f"<SandboxServer {where}>"
