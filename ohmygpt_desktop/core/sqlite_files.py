"""What the app's SQLite files (the order history, the balance history) share:
telling a damaged file from one that cannot be written, and moving a damaged
file (with its write-ahead journals) aside under a free ``.damaged-<time>`` name,
kept for the user and never deleted. Plain Python (no Qt)."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

log = logging.getLogger(__name__)

#: Primary SQLite result codes (the low byte of extended codes).
DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
#: SQLite's companion files of a database in write-ahead mode.
JOURNALS = ("-wal", "-shm")


class Damaged(Exception):
    """The file is not a (sound) SQLite database."""


def sqlite_code(exc: sqlite3.Error) -> int:
    """The primary result code of a SQLite error (0 when it has none)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on an autocommit connection: ``BEGIN IMMEDIATE`` (the write
    lock at once, no deadlock on upgrading), ``COMMIT`` at the end, rolled back when
    anything goes wrong."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def stored_decimal(text: str | None) -> Decimal | None:
    """A number stored as text; ``None`` when there is none or it is not finite."""
    if text is None:
        return None
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError):  # TypeError: a blob where text was written
        return None
    return value if value.is_finite() else None


def check_intact(conn: sqlite3.Connection) -> None:
    """Raise :class:`Damaged` unless SQLite finds the file sound (a quick check)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        if sqlite_code(exc) in DAMAGE_CODES:
            raise Damaged from None
        raise
    if rows != [("ok",)]:
        raise Damaged


def damaged_name(path: Path) -> Path:
    """A free ``<name>.damaged-<local time>[-n]`` beside ``path`` (and its journals)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # local time: for people
    for attempt in range(1000):
        suffix = f"{stamp}-{attempt}" if attempt else stamp
        target = path.with_name(f"{path.name}.damaged-{suffix}")
        if not any(os.path.lexists(f"{target}{side}") for side in ("", *JOURNALS)):
            return target
    raise FileExistsError(errno.EEXIST, "too many damaged copies", str(path))


def move_aside(path: Path) -> Path:
    """Rename a damaged ``path`` and its journals to a free damaged name; returns it.

    Raises ``OSError`` when the file itself could not be moved (a journal that
    could not follow is only logged)."""
    target = damaged_name(path)
    os.rename(path, target)
    for side in JOURNALS:
        try:
            os.rename(f"{path}{side}", f"{target}{side}")
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("Could not move %s%s aside: %s", path, side, exc.strerror)
    return target


def migrate(conn: sqlite3.Connection, migrations: Sequence[str], version: int, target: int) -> int:
    """Run ``migrations[version:target]`` on ``conn`` (autocommit mode), each in its own
    transaction together with the new ``user_version``; returns the version reached.
    A failing step is rolled back whole and re-raised."""
    while version < target:
        script = migrations[version]
        version += 1
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version


__all__ = [
    "DAMAGE_CODES",
    "JOURNALS",
    "READ_ONLY_CODES",
    "Damaged",
    "check_intact",
    "damaged_name",
    "migrate",
    "move_aside",
    "sqlite_code",
]
