"""The schema of the current file format as SQL text, rendered from storage/tables.py without importing SQLAlchemy.

New files are created with this text and every opened file is compared with it (storage/checks.py), so the
text is the file format: it is exactly what SQLAlchemy emits for the same tables (storage/sqltables.py), and
tests/storage/test_schema_source.py proves the two the same. Opening and loading a document use only this
module and the standard library's sqlite3: importing SQLAlchemy costs a third of the application's start, and
is paid on the first save instead.
"""

from __future__ import annotations

import functools
import sqlite3

from storage.tables import TABLES, Column, Kind, Table

APPLICATION_ID = 0x504D5831
"""`PRAGMA application_id` of every .pmx file: the ASCII bytes 'PMX1'."""

SCHEMA_VERSION = 1
"""`PRAGMA user_version` written by this version; older files are migrated on open, newer ones refused."""

SQL_TYPES: dict[Kind, str] = {Kind.INTEGER: "INTEGER", Kind.TEXT: "TEXT", Kind.NUMBER: "NUMERIC", Kind.JSON: "TEXT"}
"""The declared type of each kind of column (JSON is text: TEXT affinity)."""

# Our names that SQLAlchemy's SQLite dialect quotes, being SQL keywords. A new column named after another keyword
# makes the agreement test fail with both texts side by side: add its name here.
_QUOTED = frozenset({"key"})


def _name(name: str) -> str:
    return f'"{name}"' if name in _QUOTED else name


def _column_sql(column: Column) -> str:
    return f"{_name(column.name)} {SQL_TYPES[column.kind]}{'' if column.optional else ' NOT NULL'}"


def create_table_sql(table: Table) -> str:
    """Return a table's CREATE TABLE statement, laid out as SQLAlchemy lays it out."""
    keys = ", ".join(_name(column.name) for column in table.columns if column.primary_key)
    clauses = [_column_sql(column) for column in table.columns]
    clauses.append(f"PRIMARY KEY ({keys})")
    clauses.extend(
        f"FOREIGN KEY({_name(column.name)}) REFERENCES {column.container} (pk) ON DELETE CASCADE"
        for column in table.columns
        if column.container is not None
    )
    return f"CREATE TABLE {table.name} (\n\t" + ", \n\t".join(clauses) + "\n)"


def create_index_sql(table: Table) -> tuple[str, ...]:
    """Return the CREATE INDEX statements of a table: one per container key, named as SQLAlchemy names them."""
    return tuple(
        f"CREATE INDEX ix_{table.name}_{column.name} ON {table.name} ({_name(column.name)})"
        for column in table.columns
        if column.container is not None
    )


def _creation_order() -> tuple[Table, ...]:
    # Top-level tables first, then the contained ones (their containers must exist), each group in declared
    # order: the order every file has been created in, which fixes where each table's pages start.
    return (
        *(table for table in TABLES if table.container_column is None),
        *(table for table in TABLES if table.container_column is not None),
    )


SCHEMA_SQL: tuple[str, ...] = tuple(
    statement for table in _creation_order() for statement in (create_table_sql(table), *create_index_sql(table))
)
"""Every CREATE statement of the current format, in the order a new file runs them."""

JSON_COLUMNS: dict[str, frozenset[str]] = {
    table.name: frozenset(column.name for column in table.columns if column.kind is Kind.JSON)
    for table in TABLES
    if any(column.kind is Kind.JSON for column in table.columns)
}
"""Per table, the columns holding a JSON value as text: read back with json.loads."""


def create_schema(raw: sqlite3.Connection) -> None:
    """Create the tables and indexes of the current format on an empty database."""
    for statement in SCHEMA_SQL:
        raw.execute(statement)


@functools.cache
def table_columns() -> dict[str, tuple[str, ...]]:
    """Return each table's columns in their declared order (the order SQLAlchemy selects them in)."""
    return {table.name: tuple(column.name for column in table.columns) for table in TABLES}
