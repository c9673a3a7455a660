"""Run the sandbox over real HTTP on a loopback address, in a background thread."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Self

from ohmygpt_desktop.sandbox.app import create_app
from ohmygpt_desktop.sandbox.config import SandboxConfig
from ohmygpt_desktop.sandbox.faults import SandboxConnectionDropped
from ohmygpt_desktop.sandbox.state import SandboxState
from ohmygpt_desktop.serving import BackgroundServer, is_loopback

log = logging.getLogger(__name__)

__all__ = ["SandboxServer", "is_loopback"]


class _QuietDrops(logging.Filter):
    """Hide uvicorn's traceback for connections the 'drop' fault cuts on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, SandboxConnectionDropped)


def _install_log_filter() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())


class SandboxServer(BackgroundServer):
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
        self.state = SandboxState(config)
        self.state_file = state_file
        if state_file is not None:
            self._load_state(state_file)
        super().__init__(
            create_app(self.state),
            host,
            port,
            access_log=access_log,
            log_level=log_level,
            name="sandbox",
        )

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

    @property
    def config(self) -> SandboxConfig:
        return self.state.config

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> Self:
        _install_log_filter()
        return super().start()

    def stop(self) -> None:
        """Graceful shutdown, then the state file is written (if started and given)."""
        super().stop()
        if self.was_started:
            try:
                self.save_state()
            except OSError as exc:
                log.warning("Could not save the sandbox state: %s", exc)
