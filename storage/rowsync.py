"""Incremental saving: compare the rows a model wants with the rows last saved, and write only the difference.

A row is matched by table and key (storage/mapping.py). A matched row whose values differ gets one UPDATE of
the changed columns (a reorder changes `position` only); a new key is an INSERT, a vanished one a DELETE.
Surrogate keys are assigned here, so a container and its new children can be inserted in the same batch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage.mapping import Drafts, Key

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

TableState = dict[Key, tuple[int, dict[str, Any]]]
"""Rows as saved: key -> (pk, column values without pk)."""

# Stay far below SQLite's limit on bound parameters in one statement.
_DELETE_CHUNK = 500


@dataclass(frozen=True)
class SaveStats:
    """How many rows a save inserted, updated and deleted."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        """Return True when the save wrote anything."""
        return bool(self.inserted or self.updated or self.deleted)

    def __add__(self, other: SaveStats) -> SaveStats:
        """Return the sum of two saves' counts."""
        return SaveStats(self.inserted + other.inserted, self.updated + other.updated, self.deleted + other.deleted)


@dataclass
class RowState:
    """The rows of some tables as last loaded or saved, with the next free surrogate key of each table."""

    tables: dict[str, TableState]
    next_pk: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, tables: dict[str, TableState]) -> RowState:
        """Return the state of the given saved rows."""
        next_pk = {name: max((pk for pk, _ in rows.values()), default=0) + 1 for name, rows in tables.items()}
        return cls(tables, next_pk)


@dataclass
class Plan:
    """The statements a save will run, and the state the file will be in once they are committed."""

    deletes: list[tuple[str, list[int]]]
    inserts: list[tuple[str, list[dict[str, Any]]]]
    updates: list[tuple[str, int, dict[str, Any]]]
    state: RowState

    @property
    def stats(self) -> SaveStats:
        """Return the row counts of this plan."""
        return SaveStats(
            inserted=sum(len(rows) for _, rows in self.inserts),
            updated=len(self.updates),
            deleted=sum(len(pks) for _, pks in self.deletes),
        )


def _same(old: Any, new: Any) -> bool:
    # 1 == 1.0 == True in Python; a changed type is a change (the model keeps each field's type stable).
    return type(old) is type(new) and old == new


def plan_changes(state: RowState, drafts: Drafts, links: Mapping[str, tuple[str, str]]) -> Plan:
    """Return the plan that turns the saved rows into the drafted ones; links maps child -> (parent, fk column).

    A table that drafts leaves out is not compared: it keeps its saved rows, as the very same objects (so
    comparing the states of two plans costs only what they drafted).
    """
    tables: dict[str, TableState] = dict(state.tables)
    next_pk = dict(state.next_pk)
    deletes: list[tuple[str, list[int]]] = []
    inserts: list[tuple[str, list[dict[str, Any]]]] = []
    updates: list[tuple[str, int, dict[str, Any]]] = []
    for table, rows in drafts.items():  # containers come first, so their pks are known to their children
        old = state.tables.get(table, {})
        new: TableState = {}
        added: list[dict[str, Any]] = []
        link = links.get(table)
        for draft in rows:
            values = draft.values
            if link is not None:
                parent_table, column = link
                parent_pk = None if draft.parent_key is None else tables[parent_table][draft.parent_key][0]
                values = {**values, column: parent_pk}
            previous = old.get(draft.key)
            if previous is None:
                pk = next_pk.get(table, 1)
                next_pk[table] = pk + 1
                added.append({"pk": pk, **values})
            else:
                pk, old_values = previous
                # Whole-row == first (C speed; most rows are unchanged). It cannot hide a change of type: the
                # model gives each field one type and stores integral figures as int, so 1 never meets 1.0.
                if values != old_values:
                    changed = {c: v for c, v in values.items() if c not in old_values or not _same(old_values[c], v)}
                    if changed:
                        updates.append((table, pk, changed))
            new[draft.key] = (pk, values)
        gone = [pk for key, (pk, _) in old.items() if key not in new]
        if gone:
            deletes.append((table, gone))
        if added:
            inserts.append((table, added))
        tables[table] = new
    deletes.reverse()  # children before their containers: every deleted row is counted, none left to cascade
    return Plan(deletes, inserts, updates, RowState(tables, next_pk))


def apply_plan(connection: Connection, plan: Plan, schema: Mapping[str, Table]) -> SaveStats:
    """Run a plan's statements on a connection inside the caller's transaction; return the row counts."""
    from sqlalchemy import delete, insert, update  # only a write needs SQLAlchemy (storage/schema.py)

    for name, pks in plan.deletes:
        table = schema[name]
        for start in range(0, len(pks), _DELETE_CHUNK):
            connection.execute(delete(table).where(table.c.pk.in_(pks[start : start + _DELETE_CHUNK])))
    for name, rows in plan.inserts:
        connection.execute(insert(schema[name]), rows)
    for name, pk, values in plan.updates:
        table = schema[name]
        connection.execute(update(table).where(table.c.pk == pk).values(values))
    return plan.stats
