"""The checks a file passes before it is trusted as a document: each failure is a one-sentence DocumentError.

In order: the file exists and is readable; it is an SQLite database; it is intact (`quick_check`); it is ours
(`application_id`); it is not newer than this version (`user_version`); its schema holds exactly the objects
this version creates (no foreign table, index, trigger or view); every contained row has its container.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from typing import Any

from storage.connection import make_engine
from storage.errors import (
    CorruptDocumentError,
    ForeignDocumentError,
    NewerVersionError,
    NotADocumentError,
    UnexpectedSchemaError,
    UnreadableFileError,
)
from storage.orm import APPLICATION_ID, SCHEMA_VERSION, Base

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Header bytes 18 and 19 are the write and read format versions: 2 means write-ahead logging, which needs
# -wal/-shm side files that a read-only open could not avoid creating. Our files always use the rollback journal.
_WAL_FORMAT = 2

Fingerprint = dict[tuple[str, str], tuple[Any, ...]]
"""(object type, name) -> what defines it: its table, its columns, its foreign keys or indexed columns."""


def check_file(path: Path) -> None:
    """Refuse a path that is missing, unreadable, empty or not an SQLite database in rollback-journal mode."""
    try:
        if not path.exists():
            raise UnreadableFileError("no such file", path)
        if path.is_dir():
            raise UnreadableFileError("is a folder, not a file", path)
        if not path.is_file():
            raise UnreadableFileError("is not a regular file", path)  # a pipe or device would block the read
        with open(path, "rb") as stream:
            header = stream.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise UnreadableFileError("cannot be read: permission denied", path) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot be read ({exc.strerror or 'input/output error'})", path) from exc
    if not header:
        raise NotADocumentError("is empty, not a Policy Matrix document", path)
    if not header.startswith(SQLITE_HEADER):
        raise NotADocumentError("is not a Policy Matrix document (it is not an SQLite database)", path)
    if len(header) < _HEADER_SIZE:
        raise CorruptDocumentError("is damaged (truncated) and cannot be opened", path)
    if _WAL_FORMAT in (header[18], header[19]):
        raise ForeignDocumentError("is not a Policy Matrix document (it uses a write-ahead log)", path)


def _pragma_value(raw: sqlite3.Connection, name: str) -> Any:
    row = raw.execute(f"PRAGMA {name}").fetchone()
    return row[0] if row else None


def check_integrity(raw: sqlite3.Connection, path: Path) -> int:
    """Run quick_check, application_id and user_version; return the file's schema version."""
    try:
        result = [row[0] for row in raw.execute("PRAGMA quick_check").fetchall()]
        application_id = _pragma_value(raw, "application_id")
        version = _pragma_value(raw, "user_version")
    except sqlite3.DatabaseError as exc:
        raise CorruptDocumentError("is damaged (truncated or corrupt) and cannot be opened", path) from exc
    if result != ["ok"]:
        raise CorruptDocumentError("is damaged (its database fails the integrity check) and cannot be opened", path)
    if application_id != APPLICATION_ID:
        raise ForeignDocumentError("is an SQLite database of another program, not a Policy Matrix document", path)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"was written by a newer version of Policy Matrix (file format {version}; this version reads up to "
            f"{SCHEMA_VERSION}); please update Policy Matrix",
            path,
        )
    return version


def _article(word: str) -> str:
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


def _shown(name: str) -> str:
    # The name comes from the file: keep the message one short line whatever it holds.
    text = repr(name)
    return text if len(text) <= 60 else text[:57] + "..."


def _objects(raw: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = raw.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    return [(str(kind), str(name), str(table)) for kind, name, table in rows]


def fingerprint(raw: sqlite3.Connection) -> Fingerprint:
    """Return what defines each object of a database's schema, read through pragmas (independent of SQL text)."""
    found: Fingerprint = {}
    for kind, name, table in _objects(raw):
        quoted = '"' + name.replace('"', '""') + '"'
        if kind == "table":
            columns = tuple(raw.execute(f"PRAGMA table_xinfo({quoted})").fetchall())
            foreign_keys = tuple(raw.execute(f"PRAGMA foreign_key_list({quoted})").fetchall())
            found[(kind, name)] = (table, columns, foreign_keys)
        elif kind == "index":
            found[(kind, name)] = (table, tuple(raw.execute(f"PRAGMA index_xinfo({quoted})").fetchall()))
        else:
            found[(kind, name)] = (table,)
    return found


SchemaText = frozenset[tuple[str, str, str, str | None]]
"""(type, name, table, SQL text) of every object of a schema, as sqlite_master holds them."""


def schema_text(raw: sqlite3.Connection) -> SchemaText:
    """Return the schema's objects with the SQL text they were created from."""
    rows = raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((str(kind), str(name), str(table), sql) for kind, name, table, sql in rows)


@functools.cache
def _expected() -> tuple[Fingerprint, SchemaText]:
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    engine = make_engine(lambda: memory)
    try:
        Base.metadata.create_all(engine)
        return fingerprint(memory), schema_text(memory)
    finally:
        engine.dispose()


def expected_fingerprint() -> Fingerprint:
    """Return the fingerprint of the schema this version creates (built once in memory)."""
    return _expected()[0]


def expected_schema_text() -> SchemaText:
    """Return the SQL text of the schema this version creates (built once in memory)."""
    return _expected()[1]


def check_object_kinds(raw: sqlite3.Connection, path: Path) -> None:
    """Refuse any trigger or view (older files are checked this far before they are migrated)."""
    for kind, name, _table in _objects(raw):
        if kind not in ("table", "index"):
            kind = kind if kind in ("trigger", "view") else "schema object"  # noqa: PLW2901 (shown to the user)
            raise UnexpectedSchemaError(
                f"holds {_article(kind)} {kind} ({_shown(name)}) that Policy Matrix never creates; it was altered "
                "outside the application and is not opened",
                path,
            )


def check_schema(raw: sqlite3.Connection, path: Path) -> None:
    """Refuse a schema that differs from the one this version creates: extra, missing or altered objects."""
    check_object_kinds(raw, path)
    try:
        # SQLite builds the schema from this text alone: the very text this version writes is the very schema,
        # and one query replaces the ~45 pragmas of a fingerprint (a folder of 500 files is opened in a row).
        same_text = schema_text(raw) == expected_schema_text()
        actual = expected_fingerprint() if same_text else fingerprint(raw)
    except sqlite3.DatabaseError as exc:
        raise CorruptDocumentError("is damaged (its schema cannot be read) and cannot be opened", path) from exc
    expected = expected_fingerprint()
    extra = sorted(actual.keys() - expected.keys())
    if extra:
        kind, name = extra[0]
        raise UnexpectedSchemaError(
            f"holds {_article(kind)} {kind} ({_shown(name)}) that Policy Matrix never creates; it was altered "
            "outside the application and is not opened",
            path,
        )
    missing = sorted(expected.keys() - actual.keys())
    if missing:
        kind, name = missing[0]
        raise CorruptDocumentError(f"is damaged (its {kind} {name!r} is missing) and cannot be opened", path)
    altered = [item for item in sorted(expected) if actual[item] != expected[item]]
    if altered:
        kind, name = altered[0]
        raise UnexpectedSchemaError(
            f"has an altered {kind} ({name!r}); it was changed outside the application and is not opened", path
        )
    try:
        orphans = raw.execute("PRAGMA foreign_key_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise CorruptDocumentError("is damaged (truncated or corrupt) and cannot be opened", path) from exc
    if orphans is not None:
        raise CorruptDocumentError(f"is damaged (table {orphans[0]} holds rows whose container is missing)", path)


def writable(path: Path) -> bool:
    """Return True when the file and its folder (for SQLite's journal) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
