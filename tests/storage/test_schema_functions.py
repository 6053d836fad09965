"""Crafted files whose schema makes SQLite run functions: an index on an expression or with a condition, a CHECK.

SQLite evaluates these when it loads the schema, checks the file or writes a row; with `trusted_schema=OFF` an
unknown or non-deterministic function makes it report the whole file as corrupt. Every reader must instead name
the object, in one sentence, and leave the file as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from storage.checks import unexpected_construct
from storage.document import Document
from storage.errors import CorruptDocumentError, UnexpectedSchemaError
from storage.summary import read_entry
from tests.storage.helpers import fingerprint, listing


def craft(path: Path, *statements: str) -> None:
    """Rewrite the schema's text directly, as a crafted file does (SQLite itself would refuse these)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA writable_schema=ON")
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def _extra_index(expression: str) -> str:
    # A new index row sharing an existing index's pages: SQLite would refuse to create it with such a function.
    return (
        "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) SELECT 'index', 'evil', 'indicators',"
        f" rootpage, 'CREATE INDEX evil ON indicators ({expression})' FROM sqlite_master"
        " WHERE name = 'ix_indicators_axis_pk'"
    )


def _our_index(definition: str) -> str:
    return (
        f"UPDATE sqlite_master SET sql = 'CREATE INDEX ix_indicators_axis_pk ON indicators {definition}'"
        " WHERE name = 'ix_indicators_axis_pk'"
    )


def _check(expression: str) -> str:
    return (
        "UPDATE sqlite_master SET sql = replace(sql, 'PRIMARY KEY (pk)', 'PRIMARY KEY (pk), CHECK ("
        + expression
        + ")') WHERE name = 'proposal'"
    )


CRAFTED = {
    "extra index, non-deterministic function": (_extra_index("random()"), "index ('evil') with an expression"),
    "extra index, unknown function": (_extra_index("nosuch(axis_pk)"), "index ('evil') with an expression"),
    "extra index, unsafe function": (_extra_index("load_extension(item_id)"), "index ('evil') with an expression"),
    "our index on an expression": (
        _our_index("(random())"),
        "index ('ix_indicators_axis_pk') with an expression",
    ),
    "our index with a condition": (
        _our_index("(axis_pk) WHERE nosuch(axis_pk)"),
        "index ('ix_indicators_axis_pk') with a condition",
    ),
    "CHECK with an unknown function": (_check("nosuch(title)"), "table ('proposal') with a CHECK constraint"),
    "CHECK with an unsafe function": (
        _check("load_extension(title) IS NULL"),
        "table ('proposal') with a CHECK constraint",
    ),
}


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
@pytest.mark.parametrize("kind", list(CRAFTED))
def test_a_schema_that_calls_functions_is_named_by_opening(example_pmx: Path, kind: str, read_only: bool) -> None:
    statement, phrase = CRAFTED[kind]
    craft(example_pmx, statement)
    before, files = fingerprint(example_pmx), listing(example_pmx.parent)
    with pytest.raises(UnexpectedSchemaError) as caught:
        Document.open(example_pmx, read_only=read_only)
    message = str(caught.value)
    assert phrase in message, message
    assert "never creates" in message
    assert "\n" not in message
    assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files


@pytest.mark.parametrize("kind", list(CRAFTED))
def test_a_schema_that_calls_functions_is_named_by_review_and_check(
    example_pmx: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    statement, phrase = CRAFTED[kind]
    craft(example_pmx, statement)
    before = fingerprint(example_pmx)
    entry = read_entry(example_pmx)
    assert not entry.ok
    assert phrase in (entry.error or "")
    assert main.run(["check", str(example_pmx)]) == main.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.splitlines() == [f"error: {example_pmx}: {entry.error}"]
    assert fingerprint(example_pmx) == before


def test_a_damaged_file_is_still_called_damaged(example_pmx: Path) -> None:
    data = bytearray(example_pmx.read_bytes())
    data[4096:8192] = bytes(range(256)) * 16  # the schema's second page, overwritten
    example_pmx.write_bytes(bytes(data))
    with pytest.raises(CorruptDocumentError, match="damaged"):
        Document.open(example_pmx, read_only=True)


@pytest.mark.parametrize(
    ("kind", "sql", "found"),
    [
        ("index", "CREATE INDEX i ON t (a, b)", None),
        ("index", "CREATE INDEX i ON t (lower(a))", "an expression"),
        ("index", "CREATE INDEX i ON t (a) WHERE a > 0", "a condition"),
        ("index", "CREATE INDEX i ON t (a COLLATE nocase)", "a collation"),
        ("index", 'CREATE INDEX "where (x)" ON "t(" ("a((b")', None),
        ("table", "CREATE TABLE t (a TEXT, b NUMERIC, PRIMARY KEY (a), FOREIGN KEY(b) REFERENCES u (pk))", None),
        ("table", "CREATE TABLE t (a TEXT, CHECK (length(a) < 5))", "a CHECK constraint"),
        ("table", "CREATE TABLE t (a TEXT, b AS (upper(a)))", "a generated column"),
        ("table", "CREATE TABLE t (a TEXT COLLATE nocase)", "a collation"),
        ("table", "CREATE TABLE t (\"check\" TEXT, [as] TEXT, `collate` TEXT, d TEXT DEFAULT 'CHECK') -- CHECK", None),
    ],
)
def test_constructs_are_found_outside_quotes_and_comments(kind: str, sql: str, found: str | None) -> None:
    assert unexpected_construct(kind, sql) == found
