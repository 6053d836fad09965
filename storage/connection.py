"""SQLite connections of a document: opened by URI (read-only never writes), with the file-format pragmas.

SQLAlchemy is imported by the functions that make an engine, not by this module: a document is opened and read
on the bare sqlite3 connection, and only its first write needs the engine (see storage/schema.py).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

Mode = Literal["ro", "rw", "rwc"]

CONNECTION_PRAGMAS = (
    # First, before SQLite reads the schema: a hostile file's views and triggers may not call risky functions.
    "PRAGMA trusted_schema=OFF",
    "PRAGMA cell_size_check=ON",
    "PRAGMA foreign_keys=ON",
    # No -wal/-shm side files: documents travel on USB sticks, shared folders and e-mail.
    "PRAGMA journal_mode=DELETE",
    "PRAGMA synchronous=FULL",
)

# Long enough for a reader (a facilitator's read-only window) to finish; short enough not to hang the app.
BUSY_TIMEOUT_SECONDS = 5.0


def sqlite_uri(path: Path | str, mode: Mode) -> str:
    """Return the `file:` URI of path with the given open mode (ro never writes, rw never creates)."""
    text = os.path.abspath(path).replace(os.sep, "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/x.pmx -> /C:/x.pmx; a UNC //server/share keeps an empty URI authority
    # Quoting the file system's own bytes keeps a name that is not UTF-8 (a Latin-1 name from a zip made on
    # Windows) naming the same file: SQLite hands the unquoted bytes to the operating system as they are.
    return "file://" + urllib.parse.quote(os.fsencode(text), safe="/:") + f"?mode={mode}"


def connect_raw(path: Path | str, mode: Mode) -> sqlite3.Connection:
    """Open a bare sqlite3 connection in autocommit mode (transactions are begun explicitly)."""
    return sqlite3.connect(
        sqlite_uri(path, mode),
        uri=True,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        # A document may be saved from a worker thread; Document serializes all access with its own lock.
        check_same_thread=False,
    )


def open_raw(path: Path | str, mode: Mode) -> sqlite3.Connection:
    """Open a bare connection with the document pragmas (a quick read needs no engine)."""
    raw = connect_raw(path, mode)
    try:
        _apply_pragmas(raw, None)
    except BaseException:
        raw.close()
        raise
    return raw


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # sqlite3's implicit BEGIN skips DDL; we begin ourselves (_begin)
    cursor = dbapi_connection.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(creator: Callable[[], sqlite3.Connection]) -> Engine:
    """Return an engine over one connection made by creator, with the document pragmas and real transactions."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite+pysqlite://", creator=creator, poolclass=StaticPool)
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def file_engine(path: Path | str, mode: Mode) -> Engine:
    """Return an engine on a document file opened with mode."""
    return make_engine(lambda: connect_raw(path, mode))


def driver_connection(connection: Connection) -> sqlite3.Connection:
    """Return the sqlite3 connection under a SQLAlchemy connection."""
    raw = connection.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError("a document engine runs on sqlite3")
    return raw


def sqlite_error_of(exc: BaseException) -> sqlite3.Error | None:
    """Return the sqlite3 error behind exc (itself or the one SQLAlchemy wrapped), if any."""
    if isinstance(exc, sqlite3.Error):
        return exc
    # Only an imported SQLAlchemy can have raised one of its errors: looking it up never imports it.
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.DBAPIError):
        orig = exc.orig
        return orig if isinstance(orig, sqlite3.Error) else None
    return None


_REASONS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "the disk could not be written (was the drive removed?)",
    # SQLite refuses to write to a file that was renamed over or deleted while open: saves would be lost.
    "SQLITE_READONLY_DBMOVED": "the file was moved, replaced or deleted since it was opened",
    "SQLITE_READONLY": "the file or its folder is write-protected",
    "SQLITE_CANTOPEN": "the file could not be opened",
    "SQLITE_BUSY": "the file is busy in another program",
    "SQLITE_LOCKED": "the file is busy in another program",
    "SQLITE_PERM": "permission was denied",
    "SQLITE_CORRUPT": "the file is damaged",
    "SQLITE_NOTADB": "the file is damaged",
    "SQLITE_CONSTRAINT": "the file holds data that breaks its own rules",
}


def describe_sqlite_error(exc: BaseException) -> str:
    """Return a short, user-facing reason for a database error (no driver or SQLAlchemy text)."""
    error = sqlite_error_of(exc)
    name = getattr(error, "sqlite_errorname", "") or ""
    for prefix, reason in _REASONS.items():
        if name.startswith(prefix):
            return reason
    return "the database reported an unexpected error"
