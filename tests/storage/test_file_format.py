"""The schema of a released file format is frozen: opening compares the SQL text of every CREATE statement.

A change to storage/tables.py that only reshapes the Python (column helpers, shared prefixes) must leave the text
alone; one that changes the text changes the format: bump SCHEMA_VERSION and add a migration.
"""

from __future__ import annotations

import hashlib

from storage.checks import expected_schema_text
from storage.schema import SCHEMA_VERSION

# sha256 of the sorted (type, name, table, SQL) rows of sqlite_master that format 1 creates.
RELEASED = {1: "6e2c476e4a67a8ac858ad5b92c6fbeef631ad26c193e3fb18d9b7e6ff3371869"}


def test_the_schema_is_the_released_one() -> None:
    rows = sorted(expected_schema_text(), key=lambda row: row[:3])
    text = "\n".join(f"{kind} {name} {table} {sql}" for kind, name, table, sql in rows)
    assert hashlib.sha256(text.encode()).hexdigest() == RELEASED[SCHEMA_VERSION], (
        "the CREATE statements changed: bump SCHEMA_VERSION and add a migration (storage/migrations.py)"
    )
