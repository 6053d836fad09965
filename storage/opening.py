"""Opening a .pmx file: checks, lock, read-only fallback, and migration of an older format.

Before SQLite may open a file, the file and what lies beside it are checked (storage/sidefiles.py): SQLite acts on
a journal or a write-ahead log it finds there before the first query returns. Read-only opens then use a
`mode=ro` URI and take no lock, so they never change the file or its folder. An older
file opened for writing is first copied beside itself (NAME.v0.bak.pmx), then migrated in one transaction that
also stores a "before migration" snapshot. An older file opened read-only is migrated in a private in-memory
copy: a facilitator can read it, and the participant's file stays exactly as it was.

A file of the current format is checked and then read on the bare sqlite3 connection; an engine (and with it
SQLAlchemy) is made only to migrate, and otherwise by the document on its first write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
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
    LinkedDocumentError,
    MigrationError,
    NameTooLongError,
    UnreadableFileError,
    UntrustedSideFileError,
)
from storage.filenames import shown_name
from storage.lock import DocumentLock
from storage.migrations import MigrationStep, keep_backup, migration_steps, run_steps
from storage.schema import SCHEMA_VERSION
from storage.sidefiles import check_side_files, is_hot, journal_path, real_path, side_file_error, side_names_fit

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
    read_only_problem: DocumentError | None = None
    """What made an open for writing read-only when it is not the usual lock or write protection."""
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


@dataclass
class _Lock:
    """The outcome of trying to lock a document: the lock, or why the document is opened read-only."""

    lock: DocumentLock | None
    reason: str | None = None
    holder: str | None = None
    problem: DocumentError | None = None


def _take_lock(path: Path) -> _Lock:
    """Return the lock, or why the document must be opened read-only."""
    if not writable(path):
        return _Lock(None, "the file or its folder is write-protected")
    if _other_names(path):
        # SQLite names its journal after the name it was given: a save cut short under one name would not be
        # rolled back when the file is opened under another, and two windows would each hold a lock of their own.
        linked = LinkedDocumentError("has other names (hard links); Policy Matrix edits a file of one name", path)
        return _Lock(None, "the file has other names (hard links)", problem=linked)
    if not side_names_fit(path):
        too_long = NameTooLongError("has a name too long for the journal SQLite writes beside it", path)
        return _Lock(None, "its name is too long for the journal SQLite writes beside it", problem=too_long)
    try:
        return _Lock(DocumentLock.acquire(path))
    except DocumentLockedError as exc:
        return _Lock(None, f"it is open in another Policy Matrix window ({exc.holder})", exc.holder)
    except UntrustedSideFileError as exc:
        reason = f"its lock file ({shown_name(exc.side)}) was not made by Policy Matrix ({exc.problem})"
        return _Lock(None, reason, problem=exc)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return _Lock(None, "its lock file cannot be written (the disk is full)")
        return _Lock(None, "its lock file cannot be created (the folder is write-protected)")


def _other_names(path: Path) -> bool:
    try:
        return os.stat(path).st_nlink > 1
    except OSError:
        return False


def check_before_connecting(path: Path) -> None:
    """Refuse a file, or a file beside it, that SQLite must not open or act on; run before any connection."""
    check_side_files(path, check_file(path))


def _checks(raw: sqlite3.Connection, path: Path, size: int | None = None) -> int:
    version = check_header(raw, path, size)
    # Named before quick_check, which would run what they call and report the file as merely damaged.
    text = check_object_kinds(raw, path)
    check_integrity(raw, path)
    if version == SCHEMA_VERSION:
        check_schema(raw, path, text)
    return version


def _connect_checked(path: Path, mode: Mode) -> tuple[sqlite3.Connection, int]:
    """Open path with the document pragmas and run the open checks; return the connection and schema version.

    Read-only, a hot journal (a save cut short) cannot be rolled back into the file: the checked document is then
    a private copy with the journal rolled back (see _rolled_back_copy), and the file stays as it is.
    """
    try:
        raw = open_raw(path, mode)
    except sqlite3.Error as exc:
        if mode == "ro" and _needs_rollback(exc):
            return _rolled_back_copy(path)
        raise database_error(exc, path) from exc
    try:
        return raw, _checks(raw, path)
    except sqlite3.Error as exc:
        raw.close()
        if mode == "ro" and _needs_rollback(exc):
            return _rolled_back_copy(path)
        raise database_error(exc, path) from exc
    except BaseException:
        raw.close()
        raise


def _needs_rollback(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK"


def _rolled_back_copy(path: Path) -> tuple[sqlite3.Connection, int]:
    """Roll the hot journal beside path back into a private copy; return the checked copy (in memory), its version.

    The document and its journal are left as they are; UntrustedSideFileError when the copy is then refused (a
    journal that would cut the document short or fill it with another database's pages). Opening for writing
    runs it just before SQLite rolls the journal back into the document itself: the same bytes give the same
    result, so a journal is applied to the document only when the result is a document this version opens.
    """
    journal = journal_path(path)
    with tempfile.TemporaryDirectory(prefix="policy-matrix-rollback-") as folder:
        copy = Path(folder) / "document.pmx"
        try:
            shutil.copyfile(real_path(path), copy)
            shutil.copyfile(journal, journal_path(copy), follow_symlinks=False)
        except OSError as exc:
            raise side_file_error(path, journal, "it could not be tried on a copy first") from exc
        try:
            raw, version = _connect_checked(copy, "rw")
        except DocumentError as exc:
            problem = "rolling it back would leave a document Policy Matrix refuses"
            raise side_file_error(path, journal, problem) from exc
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            raw.backup(memory)
            for pragma in CONNECTION_PRAGMAS:
                memory.execute(pragma)
        except BaseException:
            memory.close()
            raise
        finally:
            raw.close()
    return memory, version


@contextlib.contextmanager
def checked_reader(path: Path) -> Iterator[sqlite3.Connection | None]:
    """Open path read-only with every check Document.open runs, without an engine (a quick look at 500 files).

    Yields the bare connection, or None when the file is in an older format: only Document.open reads those
    (it migrates a private copy). Never writes, never locks; refuses a bad file with the same DocumentError.
    """
    check_before_connecting(path)
    raw, version = _connect_checked(path, "ro")
    try:
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
    check_before_connecting(path)
    taken = _Lock(None, "opened read-only on request") if read_only else _take_lock(path)
    lock = taken.lock
    try:
        if lock is not None and is_hot(journal_path(path)):
            _rolled_back_copy(path)[0].close()  # refused here, before SQLite rolls it back into the document
        raw, version = _connect_checked(path, "ro" if lock is None else "rw")
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    opened = Opened(raw, lock, taken.reason, taken.holder, taken.problem)
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
