"""Opening reads with plain sqlite3 what SQLAlchemy would read through storage/sqltables.py, never importing it.

The SQLAlchemy reader here is the one storage/content.py used before: select(table) through the tables' column
types. Values are compared with their types (repr), since 1 == 1.0 == True.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from bench.large_proposal import large_proposal
from matrices.examples import load_example
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.connection import file_engine, open_raw
from storage.content import PROPOSAL_TABLES, read_comments, read_proposal_rows
from storage.document import Document
from storage.errors import CorruptDocumentError
from storage.mapping import COMMENTS, nest_comments, nest_proposal
from storage.rowsync import RowState
from storage.schema import JSON_COLUMNS, table_columns
from storage.sqltables import JsonText, metadata
from tests.storage.helpers import tamper
from tests.storage.test_property import COMMENTS as COMMENT_LISTS
from tests.storage.test_property import PROPOSALS

ROOT = Path(__file__).resolve().parents[2]


def sqlalchemy_rows(path: Path, names: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    engine = file_engine(path, "ro")
    try:
        with engine.connect() as connection:
            return {
                name: [dict(row) for row in connection.execute(select(metadata.tables[name])).mappings()]
                for name in names
            }
    finally:
        engine.dispose()


def both_readers(path: Path) -> tuple[tuple[str, str], tuple[str, str]]:
    """Return (raw, SQLAlchemy) readings of path's proposal and comment rows, each as the repr of what it gives."""
    raw = open_raw(path, "ro")
    try:
        data, state = read_proposal_rows(raw)
        comments, comment_state = read_comments(raw)
    finally:
        raw.close()
    rows = sqlalchemy_rows(path, (*PROPOSAL_TABLES, COMMENTS.table))
    expected_data, expected_tables = nest_proposal({name: rows[name] for name in PROPOSAL_TABLES})
    expected_state = RowState.of(expected_tables)
    items, comment_tables = nest_comments(rows[COMMENTS.table])
    expected_comments = [Comment.model_validate(item) for item in items]
    expected_comment_state = RowState.of({COMMENTS.table: comment_tables})
    raw_reading = repr((data, state)), repr((comments, comment_state))
    sqlalchemy_reading = repr((expected_data, expected_state)), repr((expected_comments, expected_comment_state))
    return raw_reading, sqlalchemy_reading


def stored(folder: Path, proposal: Proposal, comments: list[Comment] | None = None) -> Path:
    path = folder / "propuesta.pmx"
    Document.create(path, proposal, comments or []).close()
    return path


def test_the_reader_knows_every_column_and_its_conversion() -> None:
    dialect = file_engine(":memory:", "rwc").dialect
    assert sorted(table_columns()) == sorted(metadata.tables)
    for name, table in metadata.tables.items():
        assert table_columns()[name] == tuple(column.name for column in table.columns)
        json_columns = {column.name for column in table.columns if isinstance(column.type, JsonText)}
        assert JSON_COLUMNS.get(name, frozenset()) == json_columns
        # Every other column reaches the model as sqlite3 returns it: SQLAlchemy converts nothing there either.
        for column in table.columns:
            if column.name not in json_columns:
                assert column.type.result_processor(dialect, None) is None, (name, column.name)


def test_both_readers_read_the_example_and_the_large_proposal_alike(tmp_path: Path) -> None:
    example = load_example("es")
    comments = [
        Comment(id="c1", matrix="actors", item_id=example.actor_matrix.actors[0].id, text="¿Por qué?"),
        Comment(id="c2", parent_id="c1", text="Porque sí", status="resolved"),
    ]
    for index, proposal in enumerate((example, large_proposal())):
        folder = tmp_path / str(index)
        folder.mkdir()
        raw_reading, sqlalchemy_reading = both_readers(stored(folder, proposal, comments))
        assert raw_reading == sqlalchemy_reading
        assert "Porque sí" in raw_reading[1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposal=PROPOSALS, comments=COMMENT_LISTS)
def test_both_readers_read_any_proposal_alike(proposal: Proposal, comments: list[Comment]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        raw_reading, sqlalchemy_reading = both_readers(stored(folder, proposal, comments))
        assert raw_reading == sqlalchemy_reading
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE actors SET interest = '5', influence = 2.0, position_rating = x'00'",  # affinity, float, blob
        "UPDATE actors SET roles = x'5b2261225d'",  # JSON as a blob: json.loads reads bytes too
        "UPDATE evidence SET value = '1e3'",
        "UPDATE proposal SET title = x'4869', context = 7",
        "UPDATE axes SET alignment = 'null', estimated_cost = NULL",
        "UPDATE causes SET evidence_ids = 5",  # TEXT affinity stores '5', which is JSON
    ],
)
def test_both_readers_read_odd_stored_values_alike(example_pmx: Path, statement: str) -> None:
    tamper(example_pmx, statement)
    raw_reading, sqlalchemy_reading = both_readers(example_pmx)
    assert raw_reading == sqlalchemy_reading


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE actors SET roles = '[1,'",
        "UPDATE actors SET roles = x'ff'",
        "UPDATE proposal SET horizon = '{\"a\": NaN'",
    ],
)
def test_a_value_neither_reader_can_read_is_damage(example_pmx: Path, statement: str) -> None:
    tamper(example_pmx, statement)
    with pytest.raises((ValueError, TypeError)):
        sqlalchemy_rows(example_pmx, ("actors", "proposal"))
    raw = open_raw(example_pmx, "ro")
    try:
        with pytest.raises(CorruptDocumentError, match="a stored value cannot be read"):
            read_proposal_rows(raw)
    finally:
        raw.close()


OPEN_THEN_SAVE = """
import json, sys
import main  # the composition root imports what the application starts with
from storage.document import Document
from storage.summary_rows import compute_summary
path = sys.argv[1]
with Document.open(path, read_only=True) as document:
    document.load(), document.load_comments(), document.load_summary()
document = Document.open(path)
proposal = document.load()
document.load_comments()
document.save_summary(compute_summary(proposal), proposal)
before = "sqlalchemy" in sys.modules
# What the editor writes once the window shows: the summary alone, nothing to write yet (on its worker thread).
assert not document.write_prepared(document.prepare_save(proposal, set(), compute_summary(proposal))).changed
ready = "storage.sqltables" in sys.modules and "sqlalchemy.dialects.sqlite.pysqlite" in sys.modules
document.save(proposal.model_copy(update={"title": "Otro título"}))
with document.engine.connect() as connection:
    raw = connection.connection.driver_connection
    pragmas = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in
               ("trusted_schema", "cell_size_check", "foreign_keys", "journal_mode", "synchronous")}
document.close()
print(json.dumps({"before": before, "ready": ready, "pragmas": pragmas}))
"""


def test_opening_never_imports_sqlalchemy_and_the_first_write_on_the_worker_does(example_pmx: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_THEN_SAVE, str(example_pmx)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report == {
        "before": False,
        "ready": True,
        "pragmas": {
            "trusted_schema": 0,
            "cell_size_check": 1,
            "foreign_keys": 1,
            "journal_mode": "delete",
            "synchronous": 2,
        },
    }
    with Document.open(example_pmx, read_only=True) as document:
        assert document.load().title == "Otro título"
