"""Writing the app's own files (atomically, owner-only), locking them between processes,
and keeping a copy of a damaged one beside it."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

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


def free_backup_name(path: Path) -> Path | None:
    """``<name>.bad-<local time>`` beside ``path`` (``-1``, ``-2``… when taken), or ``None``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # local time: for people
    prefix = path.name + ".bad-"
    for attempt in range(100):
        name = f"{prefix}{stamp}" if attempt == 0 else f"{prefix}{stamp}-{attempt}"
        candidate = path.parent / name
        if not candidate.exists():
            return candidate
    return None


def keep_copy(path: Path, raw: bytes) -> Path | None:
    """Copy the damaged bytes ``raw`` of ``path`` beside it (owner-only), reusing an
    identical copy made before; the copy's path, or ``None`` when none could be made."""
    prefix = path.name + ".bad-"
    try:
        for existing in sorted(path.parent.glob(prefix + "*"), reverse=True):
            if existing.is_file() and existing.read_bytes() == raw:
                return existing
    except OSError:
        pass
    for _attempt in range(100):
        candidate = free_backup_name(path)
        if candidate is None:
            break
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            log.warning("Could not keep a copy of the damaged file %s: %s", path, exc.strerror)
            return None
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        return candidate
    return None


def nested_deeper_than(value: Any, limit: int) -> bool:
    """Do lists/objects in ``value`` (parsed JSON) nest more than ``limit`` levels?
    (No recursion: a hostile file cannot overflow the stack here.)"""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


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


class LockBusy(OSError):
    """Another process kept a :class:`FileLock` longer than we would wait."""


def write_merged_json(path: Path, merged: Callable[[], Any], *, timeout: float) -> None:
    """Read-merge-write ``path`` under the lock file beside it (``<name>.lock``).

    ``merged()`` runs with the lock held: it reads the file as it is now and returns
    the object to write (as JSON, owner-only and atomically), so processes saving at
    once lose nothing. Raises :class:`LockBusy` after ``timeout`` seconds, and
    ``OSError`` when the file cannot be read or written.
    """
    import json

    lock = FileLock(path.with_name(path.name + ".lock"))
    if not lock.acquire(timeout=timeout):
        raise LockBusy(f"{path.name} stayed locked by another program")
    try:
        write_private(path, json.dumps(merged(), indent=2, ensure_ascii=False) + "\n")
    finally:
        lock.release()


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
