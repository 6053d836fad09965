"""Reading and writing a document's content on an open connection: proposal, comments and snapshots.

The file is untrusted: whatever its rows hold is validated by the domain model on the way in, and any damage
(bad JSON in a column, a wrong type, an invalid value) becomes a one-sentence CorruptDocumentError.

The proposal and the comments are read with plain SQL on the bare sqlite3 connection, as SQLAlchemy would
read them through storage/sqltables.py (the same columns in the same order, JSON columns parsed, nothing else
converted; tests/storage/test_raw_reader.py compares the two): opening a document never imports SQLAlchemy.
The functions that write, and the snapshots' readers, import it when first called.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from matrices.base import MAX_LIST_ITEMS, MAX_TOTAL_ITEMS, Timestamp, TooManyItemsError
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.errors import CorruptDocumentError, InterchangeError
from storage.interchange import describe_validation_error, dump_json, parse_interchange
from storage.mapping import (
    COMMENTS,
    ITEM_SPECS,
    PROPOSAL_TABLE,
    TableRows,
    comment_drafts,
    nest_comments,
    nest_proposal,
    proposal_drafts,
)
from storage.rowsync import Plan, RowState, apply_plan, plan_changes
from storage.schema import JSON_COLUMNS, table_columns

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

PROPOSAL_TABLES: tuple[str, ...] = (PROPOSAL_TABLE, *(spec.table for spec in ITEM_SPECS))
LINKS: dict[str, tuple[str, str]] = {
    spec.table: (spec.parent, spec.parent_column)
    for spec in ITEM_SPECS
    if spec.parent is not None and spec.parent_column is not None
}
"""Child table -> (container table, foreign key column)."""

# What a damaged row can raise while being read: bad JSON text, a wrong type where a number or text is expected,
# or the database itself (SQLAlchemy wrapped those in its own errors, reported the same way).
_READ_ERRORS = (ValueError, TypeError, KeyError, RecursionError, sqlite3.Error)


_MAX_SNAPSHOT_NAME = 1000
"""Characters of a snapshot's name that are read (the app names them from a short line of the user's)."""
_MAX_SHORT = 64
"""Characters read of a snapshot's time and reason (an ISO time, a reason key)."""


class SnapshotInfo(BaseModel):
    """A snapshot's description (its content is read with Document.load_snapshot)."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    created_at: Timestamp
    reason: str


def tables() -> dict[str, Table]:
    """Return the document's tables by name."""
    from storage.sqltables import metadata

    return dict(metadata.tables)


def _sql_read_errors() -> tuple[type[BaseException], ...]:
    from sqlalchemy.exc import SQLAlchemyError

    return (*_READ_ERRORS, SQLAlchemyError)


@functools.cache
def _select(name: str) -> str:
    """Return the query of every column of a table, in declared order (what SQLAlchemy's select(table) runs)."""
    listed = ", ".join(f'"{column}"' for column in table_columns()[name])
    return f'SELECT {listed} FROM "{name}"'


def _table_rows(raw: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Return a table's rows as column -> value, JSON columns parsed (as sqltables.JsonText does)."""
    columns = table_columns()[name]
    parsed = JSON_COLUMNS.get(name, frozenset())
    # No table of a proposal may hold more rows than a proposal holds items: a file of a million rows is refused
    # after reading one more than the limit, not after reading them all.
    rows = raw.execute(f"{_select(name)} LIMIT {MAX_TOTAL_ITEMS + 1}").fetchall()
    if len(rows) > MAX_TOTAL_ITEMS:
        raise TooManyItemsError(f"has more than {MAX_TOTAL_ITEMS:,} rows in its {name} table")
    if not parsed:
        return [dict(zip(columns, row, strict=True)) for row in rows]
    loads = json.loads
    return [
        {
            column: (loads(value) if value is not None and column in parsed else value)
            for column, value in zip(columns, row, strict=True)
        }
        for row in rows
    ]


def _read_rows(raw: sqlite3.Connection, names: Iterable[str]) -> TableRows:
    try:
        return {name: _table_rows(raw, name) for name in names}
    except TooManyItemsError as exc:
        raise CorruptDocumentError(f"{exc}, more than a proposal may hold") from exc
    except _READ_ERRORS as exc:
        raise CorruptDocumentError("is damaged (a stored value cannot be read)") from exc


def read_proposal_rows(raw: sqlite3.Connection) -> tuple[dict[str, Any], RowState]:
    """Read the proposal's rows; return its JSON form (not yet validated) and the saved state."""
    rows = _read_rows(raw, PROPOSAL_TABLES)
    try:
        data, state = nest_proposal(rows)
    except _READ_ERRORS as exc:
        raise CorruptDocumentError("is damaged (its rows cannot be put back together)") from exc
    return data, RowState.of(state)


def validate_proposal(data: dict[str, Any]) -> Proposal:
    """Validate a proposal read from the file."""
    try:
        return Proposal.model_validate(data)
    except ValidationError as exc:
        raise CorruptDocumentError(f"holds an invalid proposal ({describe_validation_error(exc)})") from exc
    except RecursionError as exc:
        raise CorruptDocumentError("holds an invalid proposal (nested too deeply)") from exc


def read_comments(raw: sqlite3.Connection) -> tuple[list[Comment], RowState]:
    """Read and validate the review comments; return them with the saved state."""
    rows = _read_rows(raw, (COMMENTS.table,))[COMMENTS.table]
    try:
        items, state = nest_comments(rows)
    except _READ_ERRORS as exc:
        raise CorruptDocumentError("is damaged (its comments cannot be read)") from exc
    if len(items) > MAX_LIST_ITEMS:
        raise CorruptDocumentError(f"holds {len(items):,} comments, more than the {MAX_LIST_ITEMS:,} a list may hold")
    try:
        comments = [Comment.model_validate(item) for item in items]
    except ValidationError as exc:
        raise CorruptDocumentError(f"holds an invalid comment ({describe_validation_error(exc)})") from exc
    return comments, RowState.of({COMMENTS.table: state})


def plan_proposal(state: RowState, proposal: Proposal, sections: Iterable[str] | None = None) -> Plan:
    """Return the writes that bring the saved rows to proposal.

    sections names the matrices that may differ from the saved rows (mapping.SECTIONS): only they and the
    proposal row are flattened and compared, the others keep their saved rows. None compares everything.
    """
    return plan_changes(state, proposal_drafts(proposal, sections), LINKS)


def plan_comments(state: RowState, comments: Iterable[Comment]) -> Plan:
    """Return the writes that bring the saved comment rows to comments."""
    return plan_changes(state, comment_drafts(comments), {})


def empty_state(names: Iterable[str] = (*PROPOSAL_TABLES, COMMENTS.table)) -> RowState:
    """Return the state of tables (default: all of a document's) with no rows yet."""
    return RowState.of({name: {} for name in names})


def write_plan(connection: Connection, plan: Plan) -> None:
    """Run a plan's statements in the caller's transaction."""
    apply_plan(connection, plan, tables())


def write_meta(connection: Connection, values: dict[str, str]) -> None:
    """Insert or replace facts in the meta table."""
    from sqlalchemy import insert

    table = tables()["meta"]
    for key, value in values.items():
        connection.execute(table.delete().where(table.c.key == key))
        connection.execute(insert(table).values(key=key, value=value))


def now_text() -> str:
    """Return the current UTC time as stored in the file."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_snapshot(connection: Connection, name: str, reason: str, proposal: Proposal) -> SnapshotInfo:
    """Store a full copy of proposal as a named snapshot; return its description."""
    from sqlalchemy import insert

    created_at = now_text()
    table = tables()["snapshots"]
    values = {
        "name": name,
        "created_at": created_at,
        "reason": reason,
        "proposal_json": dump_json(proposal, indent=None),
    }
    result = connection.execute(insert(table).values(values).returning(table.c.pk))
    return SnapshotInfo(id=result.scalar_one(), name=name, created_at=datetime.fromisoformat(created_at), reason=reason)


def list_snapshots(connection: Connection) -> list[SnapshotInfo]:
    """Return the snapshots' descriptions, oldest first."""
    from sqlalchemy import func, select

    table = tables()["snapshots"]
    # Only the start of each text is read, and one row past the limit: a name of a hundred megabytes, or a
    # million rows, written by another tool would otherwise be loaded whole to show a list.
    query = (
        select(
            table.c.pk,
            func.substr(table.c.name, 1, _MAX_SNAPSHOT_NAME),
            func.substr(table.c.created_at, 1, _MAX_SHORT),
            func.substr(table.c.reason, 1, _MAX_SHORT),
        )
        .order_by(table.c.created_at, table.c.pk)
        .limit(MAX_LIST_ITEMS + 1)
    )
    try:
        rows = connection.execute(query).all()
        if len(rows) > MAX_LIST_ITEMS:
            raise CorruptDocumentError(f"holds more than {MAX_LIST_ITEMS:,} snapshots, more than a proposal may hold")
        return [SnapshotInfo(id=pk, name=name, created_at=created, reason=reason) for pk, name, created, reason in rows]
    except _sql_read_errors() as exc:  # a row the snapshot model refuses too: ValidationError is a ValueError
        raise CorruptDocumentError("is damaged (its list of snapshots cannot be read)") from exc


def read_snapshot(connection: Connection, snapshot_id: int) -> Proposal | None:
    """Return the proposal stored in a snapshot, or None if there is no such snapshot."""
    from sqlalchemy import select

    table = tables()["snapshots"]
    try:
        text = connection.execute(select(table.c.proposal_json).where(table.c.pk == snapshot_id)).scalar_one_or_none()
    except _sql_read_errors() as exc:
        raise CorruptDocumentError(f"is damaged (snapshot {snapshot_id} cannot be read)") from exc
    if text is None:
        return None
    if not isinstance(text, str | bytes):
        raise CorruptDocumentError(f"is damaged (snapshot {snapshot_id} is not JSON text)")
    try:
        return parse_interchange(text).proposal
    except InterchangeError as exc:
        raise CorruptDocumentError(f"is damaged (snapshot {snapshot_id}: {exc.reason})") from exc
