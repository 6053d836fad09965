"""The schema has one source, storage/tables.py, and every form derived from it agrees with the others.

The forms: the CREATE text new files are made with and opened files are compared with (storage/schema.py), the
SQLAlchemy tables every write goes through (storage/sqltables.py), the columns the mapping stores each field in
(storage/mapping.py), the pydantic models those fields come from, and a file the application creates. Last, a
copy of the code gets one more actor field, added only to the model and to the schema source, and a document
keeps it through create, open, save and reopen.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from matrices.base import DomainModel
from matrices.examples import load_example
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.checks import expected_fingerprint, expected_schema_text, fingerprint, schema_text
from storage.connection import make_engine
from storage.document import Document
from storage.mapping import COMMENTS, ITEM_SPECS, PROPOSAL_COLUMNS, PROPOSAL_TABLE
from storage.schema import SCHEMA_SQL, SQL_TYPES
from storage.sqltables import metadata
from storage.tables import TABLES, TABLES_BY_NAME, Kind

ROOT = Path(__file__).resolve().parents[2]


def test_sqlalchemy_emits_the_rendered_text_for_its_tables() -> None:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    engine = make_engine(lambda: memory)
    try:
        metadata.create_all(engine)
        assert schema_text(memory) == expected_schema_text()  # the SQL text of every object, character for character
        assert fingerprint(memory) == expected_fingerprint()
    finally:
        engine.dispose()
    assert list(metadata.tables) == [table.name for table in TABLES]


def test_a_created_file_holds_the_described_tables(tmp_path: Path) -> None:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, load_example("es"), [Comment(text="¿Fuente?")]).close()
    raw = sqlite3.connect(path)
    try:
        created = [sql for (sql,) in raw.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]
        assert created == list(SCHEMA_SQL)  # the very statements, in the order every earlier file was made
        for table in TABLES:
            info = [row[1:] for row in raw.execute(f'PRAGMA table_info("{table.name}")')]
            described = [
                (column.name, SQL_TYPES[column.kind], int(not column.optional), None, int(column.primary_key))
                for column in table.columns
            ]
            assert info == described, table.name
            links = [
                (row[2], row[3], row[4], row[6]) for row in raw.execute(f'PRAGMA foreign_key_list("{table.name}")')
            ]
            containers = [
                (column.container, column.name, "pk", "CASCADE") for column in table.columns if column.container
            ]
            assert links == containers, table.name
    finally:
        raw.close()


def _members(annotation: Any) -> list[Any]:
    """Return the types a field accepts, Annotated and unions unwrapped."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        return [member for arg in get_args(annotation) for member in _members(arg)]
    return [annotation]


def _expected_column(annotation: Any) -> tuple[Kind, bool]:
    """Return the kind of column a field of this type needs, and whether it may be NULL."""
    members = _members(annotation)
    optional = type(None) in members
    members = [member for member in members if member is not type(None)]
    if all(
        get_origin(member) in (list, dict) or (isinstance(member, type) and issubclass(member, BaseModel))
        for member in members
    ):
        return Kind.JSON, optional
    if sorted(members, key=str) == [float, int]:
        return Kind.NUMBER, optional
    if members == [int]:
        return Kind.INTEGER, optional
    assert all(get_origin(member) is Literal or member in (str, dt.date, dt.datetime) for member in members), members
    return Kind.TEXT, optional


def _field_info(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    for part in path[:-1]:
        model = model.model_fields[part].annotation
    return model.model_fields[path[-1]].annotation


def test_each_column_suits_the_model_field_it_stores() -> None:
    """A list or value object is a JSON column, a figure NUMERIC, a score INTEGER; NULL only where None is valid."""
    checked: list[tuple[type[DomainModel] | type[Proposal], str, tuple[str, ...]]] = [
        (Proposal, PROPOSAL_TABLE, path) for _, path in PROPOSAL_COLUMNS
    ]
    checked += [(spec.model, spec.table, (field,)) for spec in (*ITEM_SPECS, COMMENTS) for _, field in spec.columns]
    for model, table, path in checked:
        column = next(column for column in TABLES_BY_NAME[table].columns if column.field == ".".join(path))
        kind, optional = _expected_column(_field_info(model, path))
        assert (column.kind, column.optional) == (kind, optional), (table, column.name)
    # Every table of items was checked: the meta facts and the snapshots' copies are no item's fields.
    assert {table for _, table, _ in checked} == set(TABLES_BY_NAME) - {"meta", "snapshots"}


# The two edits a new scalar actor field makes in the code that reaches a file: after the start of the class (its
# docstring) and at the start of the actor's own columns.
NEW_FIELD_MODEL = ('class Actor(DomainModel):\n    """', "    mood: Text | None = None\n")
NEW_FIELD_SOURCE = ('    "actors",\n    named_item(\n', '        text("mood", optional=True),\n')

CHILD = """
import sqlite3, sys
from pathlib import Path
import matrices.actors, storage.tables
assert Path(matrices.actors.__file__).is_relative_to(Path.cwd()), matrices.actors.__file__
assert Path(storage.tables.__file__).is_relative_to(Path.cwd()), storage.tables.__file__
from matrices.examples import load_example
from storage.document import Document
from storage.mapping import unmapped_fields

assert unmapped_fields() == [], unmapped_fields()
path = Path(sys.argv[1])
proposal = load_example("es")
proposal.actor_matrix.actors[0].mood = "cauteloso"
Document.create(path, proposal, []).close()
with Document.open(path, read_only=True) as document:
    assert document.load() == proposal
with Document.open(path) as document:
    edited = document.load()
    edited.actor_matrix.actors[1].mood = "entusiasta"
    assert document.save(edited, sections={"actor_matrix"}).updated == 1
with Document.open(path, read_only=True) as document:
    assert document.load() == edited
raw = sqlite3.connect(path)
print([mood for (mood,) in raw.execute("SELECT mood FROM actors ORDER BY position LIMIT 3")])
"""


def _insert(path: Path, edit: tuple[str, str]) -> None:
    """Insert edit[1] on the line after the text edit[0] begins (after the docstring it opens, if it opens one)."""
    text = path.read_text(encoding="utf-8")
    anchor, added = edit
    assert text.count(anchor) == 1, f"{path.name} no longer has the place this test adds a field at"
    end = text.index(anchor) + len(anchor)
    if anchor.endswith('"""'):
        end = text.index('"""', end) + 3
    end = text.index("\n", end - 1) + 1
    path.write_text(text[:end] + added + text[end:], encoding="utf-8")


def test_a_new_actor_field_needs_only_the_model_and_the_schema_source(tmp_path: Path) -> None:
    """Storage derives the rest: CREATE text, SQLAlchemy tables, the mapping, the raw reader and the open check."""
    app = tmp_path / "app"
    for package in ("matrices", "storage"):
        shutil.copytree(ROOT / package, app / package, ignore=shutil.ignore_patterns("__pycache__"))
    _insert(app / "matrices" / "actors.py", NEW_FIELD_MODEL)
    _insert(app / "storage" / "tables.py", NEW_FIELD_SOURCE)
    (app / "child.py").write_text(CHILD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "child.py", str(tmp_path / "propuesta.pmx")],
        cwd=app,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['cauteloso', 'entusiasta', None]"
