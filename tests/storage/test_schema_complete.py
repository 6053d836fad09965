"""The schema is compared whole: any clause of any object that differs from ours is refused, not only known ones.

The hostile-file suite carries the attacks found so far (a UNIQUE index under our index's name, WITHOUT ROWID,
ON CONFLICT, DEFERRABLE, STRICT) through every command; here, the comparison itself: what it must see, and the
harmless variants (another program's spacing, SQLite's own quoting after a rename) it must let through.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.checks import expected_schema_text, normalized_sql, schema_difference
from storage.document import Document
from storage.errors import UnexpectedSchemaError
from storage.schema import SCHEMA_SQL
from tests.storage.helpers import tamper

PROPOSAL_SQL = next(sql for sql in SCHEMA_SQL if sql.startswith("CREATE TABLE proposal ("))


def rewrite(path: Path, name: str, sql: str) -> None:
    """Replace the SQL text SQLite keeps for one object, as another program could (the pages stay as they are)."""
    tamper(path, "PRAGMA writable_schema=ON", f"UPDATE sqlite_master SET sql = '{sql}' WHERE name = '{name}'")


def rebuild(path: Path, table: str, sql: str) -> None:
    """Rebuild a table from other CREATE text, as SQLite's documentation tells other programs to."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("BEGIN")
        db.execute(sql.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_new (", 1))
        db.execute(f"INSERT INTO {table}_new SELECT * FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
        db.execute("COMMIT")
    finally:
        db.close()


def test_sql_is_compared_as_sqlite_reads_it() -> None:
    assert normalized_sql('CREATE  TABLE "Meta" (\n\t[key] TEXT /* a note */ NOT NULL -- end\n)') == normalized_sql(
        "create table meta (`key` text not null)"
    )
    assert normalized_sql("x DEFAULT 'Sí'") != normalized_sql("x DEFAULT 'sí'")  # literals keep their case
    assert normalized_sql('"a""b"') == ('a"b',)


@pytest.mark.parametrize(
    ("clause", "changed"),
    [
        ("UNIQUE", "CREATE UNIQUE INDEX ix_indicators_axis_pk ON indicators (axis_pk)"),
        ("WITHOUT ROWID", PROPOSAL_SQL + " WITHOUT ROWID"),
        ("STRICT", PROPOSAL_SQL + " STRICT"),
        ("ON CONFLICT", PROPOSAL_SQL.replace("PRIMARY KEY (pk)", "PRIMARY KEY (pk) ON CONFLICT REPLACE")),
        ("a clause no list names", PROPOSAL_SQL.replace("title TEXT NOT NULL", "title TEXT NOT NULL DEFAULT ''")),
    ],
)
def test_every_clause_is_a_difference(clause: str, changed: str) -> None:
    expected = expected_schema_text()
    kind = "index" if "INDEX" in changed else "table"
    name = "ix_indicators_axis_pk" if kind == "index" else "proposal"
    actual = frozenset((k, n, t, changed if n == name else sql) for k, n, t, sql in expected)
    assert schema_difference(actual, expected) == ("altered", kind, name), clause


def test_a_unique_index_under_our_name_is_refused(example_pmx: Path) -> None:
    rewrite(example_pmx, "ix_indicators_axis_pk", "CREATE UNIQUE INDEX ix_indicators_axis_pk ON indicators (axis_pk)")
    with pytest.raises(UnexpectedSchemaError, match=r"altered index \('ix_indicators_axis_pk'\)"):
        Document.open(example_pmx, read_only=True)


def test_a_quoted_keyword_that_the_text_comparison_cannot_see_is_refused(example_pmx: Path) -> None:
    """ "NOT" "NULL" reads as a type name, not a constraint: the same tokens once unquoted, another column."""
    rebuild(example_pmx, "proposal", PROPOSAL_SQL.replace("title TEXT NOT NULL", 'title TEXT "NOT" "NULL"'))
    with pytest.raises(UnexpectedSchemaError, match=r"altered table \('proposal'\)"):
        Document.open(example_pmx, read_only=True)


def test_a_table_rebuilt_the_same_by_another_program_opens(example_pmx: Path) -> None:
    rebuild(example_pmx, "proposal", PROPOSAL_SQL.replace("\n\t", "\n    ").replace("TEXT", "text"))
    db = sqlite3.connect(example_pmx)
    try:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'proposal'").fetchone()[0]
    finally:
        db.close()
    assert sql.startswith('CREATE TABLE "proposal"')  # SQLite quotes the name it renamed
    with Document.open(example_pmx) as document:
        assert not document.read_only
        proposal = document.load()
        proposal.title = "Se guarda"
        document.save(proposal)
