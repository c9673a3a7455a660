"""Writing the app's own files (atomically, owner-only) and locking them between processes."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so a crash leaves the old or the new
    file, never half of one; mode 0o600, folder created 0o700. Raises OSError."""
    folder = path.parent
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


class FileLock:
    """An exclusive lock on a small file, held by this object until :meth:`release`.

    The operating system drops the lock when the holder dies (even killed), so a
    lock is never stale: "held" means a live process holds it. Two objects in one
    process exclude each other too (``flock`` on POSIX, ``msvcrt.locking`` on
    Windows). On POSIX the file is removed on release; an acquirer checks that the
    file it locked is still the one at ``path``, so a removal never splits the lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; ``False`` if someone does. Raises OSError."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            if not _lock_fd(fd):
                os.close(fd)
                return False
            try:
                same = os.name != "posix" or os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                return True
            os.close(fd)  # removed by its last holder meanwhile: lock the new file

    def acquire(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the lock; ``False`` if it stayed held."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def write(self, text: str) -> None:
        """Replace the lock file's content (e.g. the holder's process id)."""
        if self._fd is None:
            raise RuntimeError("the lock is not held")
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, text.encode("utf-8"))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(fd)

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def lock_is_held(path: Path) -> bool:
    """Does a live process hold the :class:`FileLock` at ``path``? (A free one is removed.)"""
    probe = FileLock(path)
    try:
        if not path.exists():
            return False
        return not probe.try_acquire()
    except OSError:
        return False
    finally:
        probe.release()


def _lock_fd(fd: int) -> bool:
    if os.name == "posix":
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    import msvcrt  # pragma: no cover - Windows

    try:  # pragma: no cover - Windows
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:  # pragma: no cover - Windows
        return False
    return True  # pragma: no cover - Windows
