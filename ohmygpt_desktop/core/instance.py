"""One app per profile: a lock held for the whole run, and a hand-over channel.

The running app holds :class:`~ohmygpt_desktop.core.files.FileLock` on
``instance.lock`` in its profile's config folder and listens on a local socket
named after that file. A second launch on the same profile finds the lock held,
sends its command line over the socket (:func:`hand_over`) and exits; the
running app emits :attr:`InstanceGuard.handedOver` (the UI brings its window to
the front). Demo mode keeps its own profile, so demo and real mode are separate
instances that never share a file.

The command line (``ohmygpt-desktop balance`` …) is no launch: it never takes the
lock nor hands over; after writing the order history it says so on the same socket
(:func:`tell_history_changed`) and the running app emits
:attr:`InstanceGuard.historyChanged` (it reloads the history at once).

QtCore and QtNetwork only (no widgets).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ohmygpt_desktop.core.files import FileLock, lock_is_held
from ohmygpt_desktop.core.paths import AppPaths

if TYPE_CHECKING:  # QtNetwork is loaded once the window is painted
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
#: The running app's answer once it has taken the hand-over.
_ACK = b"ok\n"
#: A command line is small; anything longer is not a launch of this app.
_MAX_MESSAGE = 64 * 1024
#: A client that connects and says nothing is dropped after this long.
_CLIENT_TIMEOUT_MS = 5000
#: The message of :func:`tell_history_changed` (``{"event": ...}``, not a command line).
_HISTORY_CHANGED = "history-changed"


def instance_lock_path(paths: AppPaths) -> Path:
    """The lock of the profile that ``paths`` describe (demo mode has its own)."""
    return paths.config_dir / LOCK_NAME


def server_name(lock_file: Path) -> str:
    """The local socket's name for ``lock_file``: short, and distinct per user and home."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (some containers): the uid is enough
        user = str(getattr(os, "getuid", lambda: 0)())
    digest = hashlib.sha256(f"{user}\0{Path(lock_file).resolve()}".encode()).hexdigest()
    return f"ohmygpt-desktop-{digest[:24]}"


class InstanceGuard(QObject):
    """This process's claim on a profile, and the server other launches talk to."""

    #: Another launch handed over its command-line arguments (a list of str).
    handedOver = Signal(list)
    #: Another process (the command line) wrote to this profile's order history.
    historyChanged = Signal()

    def __init__(self, lock_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_file = Path(lock_file)
        self._lock = FileLock(self.lock_file)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Claim the profile; ``False`` when a running process holds it. Raises OSError."""
        if not self._lock.try_acquire():
            return False
        self._lock.write(f"{os.getpid()}\n")
        return True

    def holder_pid(self) -> int | None:
        """The process id the holder wrote into the lock file, if readable."""
        try:
            return int(self.lock_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None

    def listen(self) -> bool:
        """Start answering other launches (call once the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.lock_file)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)  # left by a run that died: we hold the lock now
        if not server.listen(name):
            log.warning("Other launches cannot reach this one: %s", server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("Instance lock %s held; ready for other launches", self.lock_file)
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.release()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        buffer = bytearray()
        timer = QTimer(socket)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: socket.abort())
        timer.start(_CLIENT_TIMEOUT_MS)
        socket.disconnected.connect(socket.deleteLater)

        def read() -> None:
            buffer.extend(bytes(socket.readAll().data()))
            if len(buffer) > _MAX_MESSAGE:
                socket.abort()
                return
            if b"\n" not in buffer:
                return
            line = bytes(buffer).split(b"\n", 1)[0]
            try:
                message = json.loads(line.decode("utf-8"))
                if message.get("event") == _HISTORY_CHANGED:
                    argv = None
                else:
                    argv = [str(arg) for arg in message["argv"]]
            except (ValueError, KeyError, TypeError, AttributeError):
                log.warning("Ignored a hand-over message that is not from this app")
                socket.abort()
                return
            timer.stop()
            if argv is None:
                self.historyChanged.emit()
            else:
                self.handedOver.emit(argv)
            socket.write(_ACK)
            socket.flush()
            socket.disconnectFromServer()

        socket.readyRead.connect(read)


def hand_over(lock_file: Path, argv: list[str], *, timeout: float = 3.0) -> bool:
    """Give ``argv`` to the app running on ``lock_file``'s profile; ``True`` once it took it.

    Blocking (no event loop is needed): retries while the running app is still
    starting its server, up to ``timeout`` seconds in all.
    """
    return _send(lock_file, {"argv": list(argv)}, timeout=timeout)


def tell_history_changed(lock_file: Path, *, timeout: float = 2.0) -> bool:
    """Tell the app running on ``lock_file``'s profile, if any, that another process
    wrote to its order history; ``True`` once it took the message.

    Blocking, like :func:`hand_over`, but it does not wait for an app that is not
    running (nobody holds the lock): then there is nobody to tell.
    """
    if not lock_is_held(Path(lock_file)):
        return False
    return _send(lock_file, {"event": _HISTORY_CHANGED}, timeout=timeout)


def _send(lock_file: Path, message: dict[str, object], *, timeout: float) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    name = server_name(lock_file)
    payload = json.dumps(message).encode("utf-8") + b"\n"
    deadline = time.monotonic() + timeout

    def left_ms() -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))

    while True:
        socket = QLocalSocket()
        try:
            socket.connectToServer(name)
            if socket.waitForConnected(left_ms()):
                socket.write(payload)
                socket.waitForBytesWritten(left_ms())
                answer = b""
                while _ACK not in answer and socket.waitForReadyRead(left_ms()):
                    answer += bytes(socket.readAll().data())
                if _ACK in answer:
                    return True
        finally:
            with contextlib.suppress(RuntimeError):
                socket.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)  # the running app may still be starting its server


async def hand_over_async(lock_file: Path, argv: list[str], *, within: float = 3.0) -> bool:
    """:func:`hand_over` from a running app (its event loop turns while it waits up to
    ``within`` seconds).

    The blocking one cannot serve there, not even from a worker thread: Qt's blocking
    socket calls keep Python's interpreter lock, so the GUI would stand still until
    the other app answered, and an app of this process could never answer at all.
    """
    import asyncio

    name = server_name(lock_file)
    payload = json.dumps({"argv": list(argv)}).encode("utf-8") + b"\n"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if await _hand_over_once(name, payload, max(0.01, deadline - loop.time())):
            return True
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(0.05)  # the running app may still be starting its server


async def _hand_over_once(name: str, payload: bytes, seconds: float) -> bool:
    import asyncio

    from PySide6.QtNetwork import QLocalSocket

    answered: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
    answer = bytearray()
    socket = QLocalSocket()

    def read() -> None:
        if socket.isOpen():
            answer.extend(bytes(socket.readAll().data()))
        if _ACK in answer and not answered.done():
            answered.set_result(True)

    def ended(*_: object) -> None:
        read()  # what came before the end
        if not answered.done():
            answered.set_result(False)

    socket.connected.connect(lambda: socket.write(payload))
    socket.readyRead.connect(read)
    socket.disconnected.connect(ended)
    socket.errorOccurred.connect(ended)
    socket.connectToServer(name)
    try:
        async with asyncio.timeout(seconds):
            return await answered
    except TimeoutError:
        return False
    finally:
        for signal in (socket.readyRead, socket.disconnected, socket.errorOccurred):
            signal.disconnect()
        socket.abort()
        socket.deleteLater()


__all__ = [
    "LOCK_NAME",
    "InstanceGuard",
    "hand_over",
    "hand_over_async",
    "instance_lock_path",
    "server_name",
    "tell_history_changed",
]
