"""Between the domain model and the tables: a proposal flattened into rows, and rows nested back into a proposal.

Both directions work on the JSON form of the model (`model_dump(mode="json")`): strings, ints, floats, bools,
None, lists and dicts, which is exactly what the columns hold, so no value changes on the way. Each row gets a
key, (parent key, item id, occurrence): ids may repeat in a draft, so the n-th item with an id under the same
container is matched with the n-th row with that id. Matching rows by key is what lets a save write only the
rows that changed (storage/rowsync.py).

Which field each column stores is read from the schema's one description, storage/tables.py (a column stores
the field of its own name unless it names another): what is left here is where each list sits in a proposal.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from matrices.actors import Actor, ActorMatrix, ActorRelation
from matrices.base import DomainModel
from matrices.instruments import Instrument, InstrumentMatrix
from matrices.problem import Cause, Effect, Evidence, ProblemMatrix
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.strategy import Axis, End, ExcludedCause, Indicator, LineOfAction, StrategyMatrix
from storage import tables
from storage.errors import CorruptDocumentError
from storage.tables import Table

Key = tuple[Any, ...]
"""(parent key or None, item id, occurrence of that id under the same parent)."""

TableRows = dict[str, list[dict[str, Any]]]
"""Rows read from the file, by table; each row maps column names to values and includes `pk`."""

PROPOSAL_TABLE = tables.PROPOSAL.name
PROPOSAL_KEY: Key = (None, "proposal", 0)


@dataclass(frozen=True)
class ItemSpec:
    """How one kind of list item maps onto its table."""

    table: str
    model: type[DomainModel]
    columns: tuple[tuple[str, str], ...]
    """(column, field of the item's JSON form)."""
    key_field: str
    """The field that identifies the item ("id"; a reference for items without an id of their own)."""
    parent: str | None = None
    """The table of the containing row, for items that live inside another item."""
    parent_column: str | None = None

    @property
    def key_column(self) -> str:
        """Return the column that holds the key field."""
        return next(column for column, field in self.columns if field == self.key_field)

    @functools.cached_property
    def column_names(self) -> tuple[str, ...]:
        """Return the columns, in the order of `columns`."""
        return tuple(column for column, _ in self.columns)

    @functools.cached_property
    def field_getter(self) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
        """Return a function giving an item's stored fields as a tuple, in the order of `columns` (saves are hot)."""
        getter = operator.itemgetter(*(field for _, field in self.columns))
        if len(self.columns) == 1:
            return lambda item: (getter(item),)
        return getter


class DraftRow(NamedTuple):
    """A row as the current proposal wants it: key, containing row's key, and column values (no pk yet)."""

    key: Key
    parent_key: Key | None
    values: dict[str, Any]


Drafts = dict[str, list[DraftRow]]


def item_spec(table: Table, model: type[DomainModel], key_field: str = "id") -> ItemSpec:
    """Return how a model's items map onto a described table: each column that stores a field, by its name."""
    container = table.container_column
    return ItemSpec(
        table.name,
        model,
        tuple((column.name, column.field) for column in table.columns if column.field is not None),
        key_field,
        parent=None if container is None else container.container,
        parent_column=None if container is None else container.name,
    )


EVIDENCE = item_spec(tables.EVIDENCE, Evidence)
CAUSES = item_spec(tables.CAUSES, Cause)
EFFECTS = item_spec(tables.EFFECTS, Effect)
ENDS = item_spec(tables.ENDS, End)
AXES = item_spec(tables.AXES, Axis)
LINES_OF_ACTION = item_spec(tables.LINES_OF_ACTION, LineOfAction)
INDICATORS = item_spec(tables.INDICATORS, Indicator)
EXCLUDED_CAUSES = item_spec(tables.EXCLUDED_CAUSES, ExcludedCause, key_field="cause_id")
ACTORS = item_spec(tables.ACTORS, Actor)
ACTOR_RELATIONS = item_spec(tables.ACTOR_RELATIONS, ActorRelation, key_field="actor_id")
INSTRUMENTS = item_spec(tables.INSTRUMENTS, Instrument)
COMMENTS = item_spec(tables.COMMENTS, Comment)

ITEM_SPECS: tuple[ItemSpec, ...] = (
    EVIDENCE,
    CAUSES,
    EFFECTS,
    ENDS,
    AXES,
    LINES_OF_ACTION,
    INDICATORS,
    EXCLUDED_CAUSES,
    ACTORS,
    ACTOR_RELATIONS,
    INSTRUMENTS,
)
"""The list tables of a proposal, containers before what they contain."""

PROPOSAL_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (column.name, tuple(column.field.split("."))) for column in tables.PROPOSAL.columns if column.field is not None
)
"""The single proposal row: column and the path of its field in the proposal's JSON form."""

# Where each list of items sits in the proposal's JSON form (items inside axes and actors are nested there).
_TOP_LISTS: tuple[tuple[ItemSpec, tuple[str, str]], ...] = (
    (EVIDENCE, ("problem_matrix", "evidence")),
    (CAUSES, ("problem_matrix", "causes")),
    (EFFECTS, ("problem_matrix", "effects")),
    (ENDS, ("strategy_matrix", "ends")),
    (AXES, ("strategy_matrix", "axes")),
    (INDICATORS, ("strategy_matrix", "general_indicators")),
    (EXCLUDED_CAUSES, ("strategy_matrix", "excluded_causes")),
    (ACTORS, ("actor_matrix", "actors")),
    (INSTRUMENTS, ("instrument_matrix", "instruments")),
)
_NESTED: dict[str, tuple[tuple[str, ItemSpec], ...]] = {
    "axes": (("lines_of_action", LINES_OF_ACTION), ("indicators", INDICATORS)),
    "actors": (("relations", ACTOR_RELATIONS),),
}


def _add_items(drafts: Drafts, spec: ItemSpec, items: list[dict[str, Any]], parent_key: Key | None) -> None:
    """Append one container's list of items to the drafts, numbering repeated ids, then recurse into children."""
    seen: dict[Any, int] = {}
    append = drafts[spec.table].append
    columns, getter, key_field = spec.column_names, spec.field_getter, spec.key_field
    nested = _NESTED.get(spec.table, ())
    for position, item in enumerate(items):  # runs for every row of every save: kept lean
        ident = item[key_field]
        occurrence = seen.get(ident, 0)
        seen[ident] = occurrence + 1
        key = (parent_key, ident, occurrence)
        values = dict(zip(columns, getter(item), strict=True))
        values["position"] = position
        append(DraftRow(key, parent_key, values))
        for field, child in nested:
            children = item[field]
            if children:
                _add_items(drafts, child, children, key)


def _row_fields() -> dict[str, Any]:
    """Return the `include` argument of model_dump that selects exactly the fields of the proposal row."""
    include: dict[str, Any] = {}
    for _, path in PROPOSAL_COLUMNS:
        if len(path) == 1:
            include[path[0]] = True
        else:
            include.setdefault(path[0], {})[path[1]] = True
    return include


_ROW_FIELDS = _row_fields()

SECTIONS: tuple[str, ...] = ("problem_matrix", "strategy_matrix", "actor_matrix", "instrument_matrix")
"""The proposal's matrices: each one's lists fill tables of their own, so a save can flatten one matrix alone."""

SECTION_TABLES: dict[str, frozenset[str]] = {
    section: frozenset(
        table
        for spec, path in _TOP_LISTS
        if path[0] == section
        for table in (spec.table, *(child.table for _, child in _NESTED.get(spec.table, ())))
    )
    for section in SECTIONS
}
"""The tables that hold each matrix's lists (a container and what it contains are always in the same matrix)."""


def proposal_drafts(proposal: Proposal, sections: Iterable[str] | None = None) -> Drafts:
    """Flatten a proposal into the rows it should have, table by table, containers first.

    With sections, only the proposal row and the tables of those matrices are drafted (the cost of a save then
    follows what was edited); None drafts every table.
    """
    chosen = SECTIONS if sections is None else tuple(sections)
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        raise ValueError(f"not a matrix of the proposal: {sorted(unknown)}")
    wanted = frozenset().union(*(SECTION_TABLES[section] for section in chosen))
    drafts: Drafts = {PROPOSAL_TABLE: [], **{spec.table: [] for spec in ITEM_SPECS if spec.table in wanted}}
    row = proposal.model_dump(mode="json", include=_ROW_FIELDS)
    values = {column: _get(row, path) for column, path in PROPOSAL_COLUMNS}
    drafts[PROPOSAL_TABLE].append(DraftRow(PROPOSAL_KEY, None, values))
    for section in SECTIONS:
        if section not in chosen:
            continue
        data = getattr(proposal, section).model_dump(mode="json")
        for spec, path in _TOP_LISTS:
            if path[0] == section:
                _add_items(drafts, spec, data[path[1]], None)
    return drafts


def comment_drafts(comments: Iterable[Comment]) -> Drafts:
    """Flatten review comments into the rows they should have."""
    drafts: Drafts = {COMMENTS.table: []}
    _add_items(drafts, COMMENTS, [comment.model_dump(mode="json") for comment in comments], None)
    return drafts


def _get(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


class Grouped(NamedTuple):
    """A table's rows as items: by containing row's key, in list order, each with its key and pk."""

    items: dict[Key | None, list[tuple[Key, dict[str, Any]]]]
    keys: dict[int, Key]
    """Key of each row by pk, to resolve the children's foreign keys."""


def group_rows(spec: ItemSpec, rows: list[dict[str, Any]], parent_keys: Mapping[int, Key] | None) -> Grouped:
    """Give every row of a table its key and its item form, grouped under its containing row."""
    items: dict[Key | None, list[tuple[Key, dict[str, Any]]]] = {}
    keys: dict[int, Key] = {}
    seen: dict[tuple[Key | None, Any], int] = {}
    for row in sorted(rows, key=lambda r: (r["position"], r["pk"])):
        parent_key: Key | None = None
        if spec.parent_column is not None and row[spec.parent_column] is not None:
            parent_key = (parent_keys or {}).get(row[spec.parent_column])
            if parent_key is None:
                raise CorruptDocumentError(f"is damaged: table {spec.table} holds a row whose container is missing")
        ident = row[spec.key_column]
        occurrence = seen.get((parent_key, ident), 0)
        seen[(parent_key, ident)] = occurrence + 1
        key = (parent_key, ident, occurrence)
        keys[row["pk"]] = key
        items.setdefault(parent_key, []).append((key, {field: row[column] for column, field in spec.columns}))
    return Grouped(items, keys)


def row_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """Return a stored row's column values without its pk, the form the drafts are compared with."""
    return {column: value for column, value in row.items() if column != "pk"}


def nest_proposal(tables: TableRows) -> tuple[dict[str, Any], dict[str, dict[Key, tuple[int, dict[str, Any]]]]]:
    """Rebuild the proposal's JSON form from its rows; also return each table's rows by key (the saved state)."""
    proposal_rows = tables[PROPOSAL_TABLE]
    if len(proposal_rows) != 1:
        raise CorruptDocumentError(f"is damaged: it holds {len(proposal_rows)} proposals instead of one")
    row = proposal_rows[0]
    data: dict[str, Any] = {}
    for column, path in PROPOSAL_COLUMNS:
        _set(data, path, row[column])
    state = {PROPOSAL_TABLE: {PROPOSAL_KEY: (row["pk"], row_values(row))}}
    grouped: dict[str, Grouped] = {}
    for spec in ITEM_SPECS:
        parent_keys = grouped[spec.parent].keys if spec.parent else None
        grouped[spec.table] = group_rows(spec, tables[spec.table], parent_keys)
        state[spec.table] = {grouped[spec.table].keys[r["pk"]]: (r["pk"], row_values(r)) for r in tables[spec.table]}
    for spec, path in _TOP_LISTS:
        items = [item for _, item in grouped[spec.table].items.get(None, [])]
        _set(data, path, items)
        for key, item in grouped[spec.table].items.get(None, []):
            for field, child in _NESTED.get(spec.table, ()):
                item[field] = [child_item for _, child_item in grouped[child.table].items.get(key, [])]
    return data, state


def nest_comments(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[Key, tuple[int, dict[str, Any]]]]:
    """Rebuild the comments' JSON form from their rows; also return the rows by key."""
    grouped = group_rows(COMMENTS, rows, None)
    items = [item for _, item in grouped.items.get(None, [])]
    return items, {grouped.keys[r["pk"]]: (r["pk"], row_values(r)) for r in rows}


def unmapped_fields() -> list[str]:
    """Return model fields that no column stores (must stay empty, or saving would lose what they hold)."""
    stored: dict[type[DomainModel], set[str]] = {
        spec.model: {field for _, field in spec.columns} | {field for field, _ in _NESTED.get(spec.table, ())}
        for spec in (*ITEM_SPECS, COMMENTS)
    }
    containers: dict[type[DomainModel], tuple[str, ...]] = {
        Proposal: ("problem_matrix", "strategy_matrix", "actor_matrix", "instrument_matrix"),
        ProblemMatrix: (),
        StrategyMatrix: (),
        ActorMatrix: (),
        InstrumentMatrix: (),
    }
    sections: dict[str, type[DomainModel]] = {
        "problem_matrix": ProblemMatrix,
        "strategy_matrix": StrategyMatrix,
        "actor_matrix": ActorMatrix,
        "instrument_matrix": InstrumentMatrix,
    }
    for model, names in containers.items():
        stored[model] = set(names)
    for _, path in PROPOSAL_COLUMNS:
        stored[sections[path[0]] if len(path) == 2 else Proposal].add(path[-1])
    for _, path in _TOP_LISTS:
        stored[sections[path[0]]].add(path[1])
    return sorted(
        f"{model.__name__}.{name}"
        for model, names in stored.items()
        for name in model.model_fields
        if name not in names
    )
