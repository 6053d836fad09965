"""The checks a file passes before it is trusted as a document: each failure is a one-sentence DocumentError.

In order: the file exists and is readable; it is an SQLite database; it is as long as its header says (not
truncated); it is ours (`application_id`); it is not newer than this version (`user_version`); it holds no
trigger, view, CHECK constraint, collation or index on an expression or condition (named before `quick_check`,
which would run the functions they call and report the file as merely damaged); it is intact (`quick_check`);
its schema is exactly the one this version creates, compared whole (every object's SQL text token by token, and
everything SQLite reports of it through pragmas), so that a clause nobody thought of is refused too; every
contained row has its container.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from storage.connection import connect_raw
from storage.errors import (
    CorruptDocumentError,
    DocumentError,
    ForeignDocumentError,
    NewerVersionError,
    NotADocumentError,
    UnexpectedSchemaError,
    UnreadableFileError,
)
from storage.reading import MAX_DOCUMENT_BYTES, open_regular
from storage.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Header bytes 18 and 19 are the write and read format versions: 2 means write-ahead logging, which needs
# -wal/-shm side files that a read-only open could not avoid creating. Our files always use the rollback journal.
_WAL_FORMAT = 2

Fingerprint = dict[tuple[str, str], tuple[Any, ...]]
"""(object type, name) -> what defines it: its table, its columns, its foreign keys or indexed columns."""


def check_file(path: Path) -> bytes:
    """Refuse a path that is missing, unreadable, empty or not an SQLite database in rollback-journal mode.

    Return the file's 100-byte header.
    """
    try:
        with open_regular(path, MAX_DOCUMENT_BYTES) as stream:  # a pipe or a device would block the read
            header = stream.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise UnreadableFileError("cannot be read: permission denied", path) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot be read ({exc.strerror or 'input/output error'})", path) from exc
    check_header_bytes(header, path)
    return header


def check_header_bytes(header: bytes, path: Path) -> None:
    """Refuse a file whose first bytes are not those of an SQLite database in rollback-journal mode."""
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


def check_header(raw: sqlite3.Connection, path: Path, size: int | None = None) -> int:
    """Refuse a truncated file, another program's database or a newer format; return the file's schema version.

    size: the length of the database image when it is not the file at path (a copy read into memory).
    """
    try:
        pages = _pragma_value(raw, "page_count")
        page_size = _pragma_value(raw, "page_size")
        application_id = _pragma_value(raw, "application_id")
        version = _pragma_value(raw, "user_version")
        if size is None:
            size = os.stat(path).st_size
    except (sqlite3.DatabaseError, OSError) as exc:
        raise CorruptDocumentError("is damaged (truncated or corrupt) and cannot be opened", path) from exc
    # SQLite reads the missing end of a cut file as zeros, and quick_check may not notice when they fall in text.
    if isinstance(pages, int) and isinstance(page_size, int) and size < pages * page_size:
        raise CorruptDocumentError("is damaged (truncated) and cannot be opened", path)
    if application_id != APPLICATION_ID:
        raise ForeignDocumentError("is an SQLite database of another program, not a Policy Matrix document", path)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"was written by a newer version of Policy Matrix (file format {version}; this version reads up to "
            f"{SCHEMA_VERSION}); please update Policy Matrix",
            path,
        )
    return version


def check_integrity(raw: sqlite3.Connection, path: Path) -> None:
    """Refuse a file whose database structure is damaged (`quick_check`)."""
    try:
        result = [row[0] for row in raw.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise CorruptDocumentError("is damaged (truncated or corrupt) and cannot be opened", path) from exc
    if result != ["ok"]:
        raise CorruptDocumentError("is damaged (its database fails the integrity check) and cannot be opened", path)


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
    """Return what defines each object of a database's schema, read through pragmas (independent of SQL text).

    Everything SQLite reports of a table (its kind, rowid or not, strict or not, each column, foreign key and
    index, unique or not) and of an index (each column, its order and collation).
    """
    found: Fingerprint = {}
    for kind, name, table in _objects(raw):
        quoted = '"' + name.replace('"', '""') + '"'
        if kind == "table":
            columns = tuple(raw.execute(f"PRAGMA table_xinfo({quoted})").fetchall())
            foreign_keys = tuple(raw.execute(f"PRAGMA foreign_key_list({quoted})").fetchall())
            shape = tuple(row[2:] for row in raw.execute(f"PRAGMA main.table_list({quoted})").fetchall())
            # Without its sequence number, which says only in what order the indexes were made.
            indexes = tuple(sorted(row[1:] for row in raw.execute(f"PRAGMA index_list({quoted})").fetchall()))
            found[(kind, name)] = (table, columns, foreign_keys, shape, indexes)
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
    try:
        create_schema(memory)
        return fingerprint(memory), schema_text(memory)
    finally:
        memory.close()


def expected_fingerprint() -> Fingerprint:
    """Return the fingerprint of the schema this version creates (built once in memory)."""
    return _expected()[0]


def expected_schema_text() -> SchemaText:
    """Return the SQL text of the schema this version creates (built once in memory)."""
    return _expected()[1]


# SQL text as SQLite reads it: string literals, quoted names and comments are single tokens, so that a keyword
# inside them is not taken for one.
_SQL_TOKEN = re.compile(
    r"""'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|--[^\n]*|/\*.*?(?:\*/|\Z)|\w+|\S""",
    re.DOTALL,
)
_TABLE_CONSTRUCTS = {"CHECK": "a CHECK constraint", "COLLATE": "a collation", "AS": "a generated column"}


def unexpected_construct(kind: str, sql: str | None) -> str | None:
    """Return what a table's or index's SQL holds that Policy Matrix never writes (SQLite runs it), or None.

    The pragmas of a fingerprint do not show these, and they are where a crafted file calls functions.
    """
    depth = deepest = 0
    for token in _SQL_TOKEN.findall(sql or ""):
        word = token.upper()
        if kind == "table" and word in _TABLE_CONSTRUCTS:
            return _TABLE_CONSTRUCTS[word]
        if kind == "index" and word in ("WHERE", "COLLATE"):
            return "a condition" if word == "WHERE" else "a collation"
        if token == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif token == ")":
            depth -= 1
    # Our indexes list plain columns; a parenthesis inside the list is an expression, most often a function call.
    return "an expression" if kind == "index" and deepest > 1 else None


def check_object_kinds(raw: sqlite3.Connection, path: Path) -> SchemaText:
    """Refuse any trigger, view, or table or index holding SQL that SQLite would run; return the schema's text.

    Run before quick_check (older files too), which evaluates index expressions and conditions: a function that
    is unknown or not allowed in a schema (`trusted_schema=OFF`) would make the file look merely damaged.
    """
    try:
        text = schema_text(raw)
    except sqlite3.DatabaseError as exc:
        raise CorruptDocumentError("is damaged (its schema cannot be read) and cannot be opened", path) from exc
    for kind, name, _table, sql in sorted(text - expected_schema_text(), key=lambda row: row[:3]):
        if kind not in ("table", "index"):
            kind = kind if kind in ("trigger", "view") else "schema object"  # noqa: PLW2901 (shown to the user)
            raise UnexpectedSchemaError(
                f"holds {_article(kind)} {kind} ({_shown(name)}) that Policy Matrix never creates; it was altered "
                "outside the application and is not opened",
                path,
            )
        construct = unexpected_construct(kind, sql if isinstance(sql, str) else None)
        if construct is not None:
            raise _construct_error(kind, name, construct, path)
    return text


def _construct_error(kind: str, name: str, construct: str, path: Path) -> UnexpectedSchemaError:
    return UnexpectedSchemaError(
        f"holds {_article(kind)} {kind} ({_shown(name)}) with {construct} that Policy Matrix never creates; "
        "it was altered outside the application and is not opened",
        path,
    )


def unloadable_schema_error(path: Path) -> DocumentError | None:
    """Return the refusal naming why SQLite rejects the schema of one of our files, or None when it is damage.

    SQLite refuses to load a schema whose index calls a function it may not run there (a non-deterministic or
    unknown one) and reports the whole file as corrupt. Read in a private connection that tolerates schema
    errors (`writable_schema`; read-only, so nothing can be written), the culprit can be named.
    """
    try:
        raw = connect_raw(path, "ro")
    except sqlite3.Error:
        return None
    try:
        raw.execute("PRAGMA trusted_schema=OFF")
        raw.execute("PRAGMA writable_schema=ON")
        check_header(raw, path)  # a cut or foreign file is refused for that, whatever its schema rows hold
        rows = raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    except DocumentError as exc:
        return exc
    except sqlite3.Error:
        return None
    finally:
        raw.close()
    expected = expected_schema_text()
    for kind, name, table, sql in rows:
        # Only the kinds SQLite loads eagerly; anything else in a damaged schema may be noise.
        if kind in ("table", "index") and (kind, name, table, sql) not in expected and isinstance(sql, str):
            construct = unexpected_construct(kind, sql)
            if construct is not None:
                return _construct_error(kind, str(name), construct, path)
    return None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_QUOTES = {'"': '"', "`": "`", "[": "]"}


def normalized_sql(sql: str | None) -> tuple[str, ...]:
    """Return SQL text as the tokens SQLite reads: spacing, comments, letter case and quotes of names aside.

    String literals are kept as written. SQLite folds only ASCII letters in names and keywords, and so does this.
    """
    tokens = []
    for token in _SQL_TOKEN.findall(sql or ""):
        if token.startswith(("--", "/*")):
            continue
        close = _QUOTES.get(token[0])
        if close is not None:
            body = token[1:-1] if len(token) > 1 and token.endswith(close) else token[1:]
            token = body if close == "]" else body.replace(close * 2, close)  # noqa: PLW2901 (the name inside)
        if not token.startswith("'"):
            token = token.translate(_ASCII_LOWER)  # noqa: PLW2901
        tokens.append(token)
    return tuple(tokens)


Difference = tuple[str, str, str]
"""How a schema differs from the expected one: ("extra" | "missing" | "altered", object type, object name)."""


def schema_difference(actual: SchemaText, expected: SchemaText) -> Difference | None:
    """Return the first object whose SQL differs between two schemas (extra, missing, altered), or None.

    SQLite builds a schema from this text alone, so comparing all of it, token by token, sees every difference:
    a UNIQUE index under an expected name, WITHOUT ROWID, STRICT, ON CONFLICT, DEFERRABLE, and any clause to come.
    """

    def by_object(text: SchemaText) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
        return {
            (kind, name.translate(_ASCII_LOWER)): (table.translate(_ASCII_LOWER), normalized_sql(sql))
            for kind, name, table, sql in text
        }

    found, wanted = by_object(actual), by_object(expected)
    names = {(kind, name.translate(_ASCII_LOWER)): name for kind, name, _table, _sql in actual}
    for key in sorted(found.keys() - wanted.keys()):
        return ("extra", key[0], names[key])
    for key in sorted(wanted.keys() - found.keys()):
        return ("missing", *key)
    for key in sorted(wanted):
        if found[key] != wanted[key]:
            return ("altered", key[0], names[key])
    return None


def fingerprint_difference(actual: Fingerprint, expected: Fingerprint) -> Difference | None:
    """Return the first object whose pragmas differ between two fingerprints (extra, missing, altered), or None."""
    for kind, name in sorted(actual.keys() - expected.keys()):
        return ("extra", kind, name)
    for kind, name in sorted(expected.keys() - actual.keys()):
        return ("missing", kind, name)
    for kind, name in sorted(expected):
        if actual[(kind, name)] != expected[(kind, name)]:
            return ("altered", kind, name)
    return None


def check_schema(raw: sqlite3.Connection, path: Path, text: SchemaText | None = None) -> None:
    """Refuse a schema that differs from the one this version creates: extra, missing or altered objects.

    Two views must both agree with the expected schema: its SQL text, token by token (what SQLite builds the
    schema from), and its fingerprint, what SQLite reports through pragmas (which sees what a quoted keyword or
    name could hide in the text). text: what check_object_kinds returned on this connection, when it was run.
    """
    if text is None:
        text = check_object_kinds(raw, path)
    expected = expected_schema_text()
    difference = None
    if text != expected:
        # The very text this version writes is the very schema: one query then replaces the ~70 pragmas of a
        # fingerprint (a folder of 500 files is opened in a row).
        try:
            difference = schema_difference(text, expected) or fingerprint_difference(
                fingerprint(raw), expected_fingerprint()
            )
        except sqlite3.DatabaseError as exc:
            raise CorruptDocumentError("is damaged (its schema cannot be read) and cannot be opened", path) from exc
    if difference is not None:
        how, kind, name = difference
        if how == "extra":
            raise UnexpectedSchemaError(
                f"holds {_article(kind)} {kind} ({_shown(name)}) that Policy Matrix never creates; it was altered "
                "outside the application and is not opened",
                path,
            )
        if how == "missing":
            raise CorruptDocumentError(f"is damaged (its {kind} {name!r} is missing) and cannot be opened", path)
        raise UnexpectedSchemaError(
            f"has an altered {kind} ({_shown(name)}); it was changed outside the application and is not opened", path
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
