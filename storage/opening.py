"""Opening a .pmx file: checks, lock, read-only fallback, and migration of an older format.

Read-only opens use a `mode=ro` URI and take no lock, so they never change the file or its folder. An older
file opened for writing is first copied beside itself (NAME.v0.bak.pmx), then migrated in one transaction that
also stores a "before migration" snapshot. An older file opened read-only is migrated in a private in-memory
copy: a facilitator can read it, and the participant's file stays exactly as it was.

A file of the current format is checked and then read on the bare sqlite3 connection; an engine (and with it
SQLAlchemy) is made only to migrate, and otherwise by the document on its first write.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storage.checks import (
    check_file,
    check_header,
    check_header_bytes,
    check_integrity,
    check_object_kinds,
    check_schema,
    unloadable_schema_error,
    writable,
)
from storage.connection import (
    CONNECTION_PRAGMAS,
    Mode,
    describe_sqlite_error,
    driver_connection,
    make_engine,
    open_raw,
    sqlite_error_of,
)
from storage.content import insert_snapshot, now_text, read_proposal_rows, validate_proposal, write_meta
from storage.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentLockedError,
    MigrationError,
    UnreadableFileError,
)
from storage.lock import DocumentLock
from storage.migrations import MigrationStep, keep_backup, migration_steps, run_steps
from storage.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine

BEFORE_MIGRATION = "before migration"


@dataclass
class Opened:
    """A connection to a checked document (the engine on it, once one was needed), and how it was opened."""

    connection: sqlite3.Connection
    """With the document pragmas applied; an engine made on it later applies them again (they are idempotent)."""
    lock: DocumentLock | None
    read_only_reason: str | None
    locked_by: str | None = None
    migrated_from: int | None = None
    backup: Path | None = None
    engine: Engine | None = None


def database_error(exc: BaseException, path: Path) -> DocumentError:
    """Turn an sqlite3/SQLAlchemy error met while opening into a one-sentence DocumentError."""
    error = sqlite_error_of(exc)
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        named = unloadable_schema_error(path) if name.startswith("SQLITE_CORRUPT") else None
        return named or CorruptDocumentError("is damaged (truncated or corrupt) and cannot be opened", path)
    if name.startswith("SQLITE_READONLY"):
        # A hot journal (a save cut short) can only be rolled back by a writer.
        return UnreadableFileError("was left half-saved; open it for editing once to repair it", path)
    return UnreadableFileError(f"cannot be opened: {describe_sqlite_error(exc)}", path)


def _take_lock(path: Path) -> tuple[DocumentLock | None, str | None, str | None]:
    """Return (lock, read-only reason, holder): the lock, or why the document must be opened read-only."""
    if not writable(path):
        return None, "the file or its folder is write-protected", None
    try:
        return DocumentLock.acquire(path), None, None
    except DocumentLockedError as exc:
        return None, f"it is open in another Policy Matrix window ({exc.holder})", exc.holder
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return None, "its lock file cannot be written (the disk is full)", None
        return None, "its lock file cannot be created (the folder is write-protected)", None


def _checks(raw: sqlite3.Connection, path: Path, size: int | None = None) -> int:
    version = check_header(raw, path, size)
    # Named before quick_check, which would run what they call and report the file as merely damaged.
    text = check_object_kinds(raw, path)
    check_integrity(raw, path)
    if version == SCHEMA_VERSION:
        check_schema(raw, path, text)
    return version


def _connect_checked(path: Path, mode: Mode) -> tuple[sqlite3.Connection, int]:
    """Open path with the document pragmas and run the open checks; return the connection and schema version."""
    try:
        raw = open_raw(path, mode)
    except sqlite3.Error as exc:
        raise database_error(exc, path) from exc
    try:
        return raw, _checks(raw, path)
    except sqlite3.Error as exc:
        raw.close()
        raise database_error(exc, path) from exc
    except BaseException:
        raw.close()
        raise


@contextlib.contextmanager
def checked_reader(path: Path) -> Iterator[sqlite3.Connection | None]:
    """Open path read-only with every check Document.open runs, without an engine (a quick look at 500 files).

    Yields the bare connection, or None when the file is in an older format: only Document.open reads those
    (it migrates a private copy). Never writes, never locks; refuses a bad file with the same DocumentError.
    """
    check_file(path)
    try:
        raw = open_raw(path, "ro")
    except sqlite3.Error as exc:
        raise database_error(exc, path) from exc
    try:
        try:
            version = _checks(raw, path)
        except sqlite3.Error as exc:
            raise database_error(exc, path) from exc
        yield raw if version == SCHEMA_VERSION else None
    finally:
        raw.close()


def open_image(data: bytes, path: Path, migrations: Mapping[int, MigrationStep]) -> Opened:
    """Check a document's bytes (a file inside a zip) as Document.open checks a file; return it open read-only.

    The bytes become a private in-memory database: nothing is written anywhere, and an older format is migrated
    in that copy. path only names the document in messages.
    """
    check_header_bytes(data[:100], path)
    raw = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        # Connection settings first, so that no statement reads the stranger's schema without them.
        for pragma in CONNECTION_PRAGMAS:
            raw.execute(pragma)
        raw.deserialize(data)
        version = _checks(raw, path, len(data))
    except sqlite3.Error as exc:
        raw.close()
        raise database_error(exc, path) from exc
    except BaseException:
        raw.close()
        raise
    reason = "it was read from a copy in memory"
    if version == SCHEMA_VERSION:
        return Opened(raw, None, reason)
    connection, engine = _migrate_in_memory(raw, path, version, migration_steps(version, migrations, path))
    return Opened(connection, None, reason, migrated_from=version, engine=engine)


def _migrate(engine: Engine, path: Path, version: int, steps: list[MigrationStep], *, snapshot: bool) -> None:
    """Run the migration steps in one transaction, check the result, and (on disk) keep a snapshot."""
    with engine.connect() as connection:
        raw = driver_connection(connection)
        # Table rebuilds drop tables; with foreign keys on, that would cascade. SQLite ignores this in a transaction.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                run_steps(connection, steps)
                check_schema(raw, path)
                if snapshot:
                    data, _state = read_proposal_rows(raw)
                    reason = f"migration from file format {version} to {SCHEMA_VERSION}"
                    insert_snapshot(connection, BEFORE_MIGRATION, reason, validate_proposal(data))
                    write_meta(connection, {f"migrated_from_{version}": now_text()})
        except DocumentError:
            raise
        except Exception as exc:
            raise MigrationError(
                f"could not be converted from file format {version} ({describe_sqlite_error(exc)}); "
                "it was left unchanged",
                path,
            ) from exc
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _migrate_in_memory(
    raw: sqlite3.Connection, path: Path, version: int, steps: list[MigrationStep]
) -> tuple[sqlite3.Connection, Engine]:
    """Copy the file into memory and migrate the copy; return it and an engine on it (the file is not touched)."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        raw.backup(memory)
    except sqlite3.Error as exc:
        memory.close()
        raise database_error(exc, path) from exc
    except BaseException:
        memory.close()
        raise
    finally:
        raw.close()
    copy = make_engine(lambda: memory)
    try:
        _migrate(copy, path, version, steps, snapshot=False)
    except BaseException:
        copy.dispose()
        memory.close()
        raise
    return memory, copy


def _migrate_in_place(engine: Engine, path: Path, version: int, steps: list[MigrationStep]) -> Path:
    """Keep a copy of the older file beside it, then migrate the file; return the copy's path."""
    try:
        backup = keep_backup(path, version)
    except OSError as exc:
        raise MigrationError(
            f"is in an older file format ({version}) and no backup copy could be written beside it "
            f"({exc.strerror or 'input/output error'}); it was left unchanged",
            path,
        ) from exc
    try:
        _migrate(engine, path, version, steps, snapshot=True)
    except BaseException:
        # The migration rolled back and the original is intact: the copy would only be clutter.
        with contextlib.suppress(OSError):
            backup.unlink()
        raise
    return backup


def open_document(path: Path, read_only: bool, migrations: Mapping[int, MigrationStep]) -> Opened:
    """Check, lock and (if older) migrate the document at path; return the engine and how it was opened."""
    check_file(path)
    lock: DocumentLock | None = None
    reason: str | None = "opened read-only on request"
    holder: str | None = None
    if not read_only:
        lock, reason, holder = _take_lock(path)
    try:
        raw, version = _connect_checked(path, "ro" if lock is None else "rw")
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    opened = Opened(raw, lock, reason, holder)
    try:
        if version < SCHEMA_VERSION:
            steps = migration_steps(version, migrations, path)
            opened.migrated_from = version
            if lock is None:
                opened.connection, opened.engine = _migrate_in_memory(raw, path, version, steps)
            else:
                opened.engine = make_engine(lambda: raw)
                opened.backup = _migrate_in_place(opened.engine, path, version, steps)
        return opened
    except BaseException:
        if opened.engine is not None:
            opened.engine.dispose()
        opened.connection.close()
        if lock is not None:
            lock.release()
        raise
