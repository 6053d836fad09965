"""The tables of a .pmx document, described once: every other form of the schema is derived from this one.

storage/schema.py renders it as the CREATE text that new files are made with and opened files are compared with,
storage/sqltables.py builds the SQLAlchemy tables that every write goes through, and storage/mapping.py takes
from it which field of an item each column stores. Plain Python, so that opening a document costs no
SQLAlchemy import (tests/storage/test_schema_source.py proves the derived forms agree).

One edit writes one row: every item of a list is its own row, ordered by `position`. Item ids are not unique
in a draft and references may dangle, so each row has an integer surrogate key `pk` and keeps the item's id as
plain text (`item_id`); foreign keys exist only for containment (an axis holds its lines of action and
indicators, an actor its relations). Small value objects and lists of ids are JSON text columns.

The order of the columns and every attribute here are part of the file format: changing a table changes the
format (bump schema.SCHEMA_VERSION and add a step to storage/migrations.py; tests/storage/test_file_format.py
pins the released text). A column stores the item field of its own name unless it says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a column holds, which fixes its declared SQL type and how a value is converted on the way."""

    INTEGER = "integer"
    TEXT = "text"
    NUMBER = "number"
    """A figure stored exactly: NUMERIC affinity keeps 16742 an INTEGER and 0.1 a REAL (REAL gives 16742.0)."""
    JSON = "json"
    """A list or small value object as compact JSON text (TEXT affinity: SQLite never turns '5' into a number)."""


@dataclass(frozen=True)
class Column:
    """One column of a table, in the order of the file."""

    name: str
    kind: Kind
    optional: bool = False
    """NULL allowed (the item's field may be None)."""
    field: str | None = None
    """The item field this column stores (a dotted path from the proposal for the proposal row); None for the
    row's own bookkeeping: its key, its place in the list, its container."""
    container: str | None = None
    """The table whose row contains this one: a foreign key to its pk, indexed, deleting it deletes this row."""
    primary_key: bool = False


@dataclass(frozen=True)
class Table:
    """One table: its name and its columns in file order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def container_column(self) -> Column | None:
        """Return the column holding the containing row's key, or None for a table of top-level rows."""
        return next((column for column in self.columns if column.container is not None), None)


def text(name: str, *, optional: bool = False, field: str | None = None) -> Column:
    """Return a text column storing the field `field` (default: the column's name)."""
    return Column(name, Kind.TEXT, optional, field or name)


def integer(name: str, *, optional: bool = False, field: str | None = None) -> Column:
    """Return a whole-number column storing the field `field` (default: the column's name)."""
    return Column(name, Kind.INTEGER, optional, field or name)


def number(name: str, *, optional: bool = False) -> Column:
    """Return a column storing a figure, integral or not, exactly as entered."""
    return Column(name, Kind.NUMBER, optional, name)


def json_value(name: str, *, optional: bool = False) -> Column:
    """Return a column storing a list or a small value object as JSON text."""
    return Column(name, Kind.JSON, optional, name)


# The columns most tables share, in the order they come in: key, container, position, item id, name.
KEY = Column("pk", Kind.INTEGER, primary_key=True)
"""A row's integer surrogate key: item ids may repeat in a draft, so they cannot be the key."""
POSITION = Column("position", Kind.INTEGER)
ITEM_ID = text("item_id", field="id")
NAME = text("name")


def contained_in(name: str, table: str, *, optional: bool = False) -> Column:
    """Return the column holding the key of the containing row of `table`."""
    return Column(name, Kind.INTEGER, optional, container=table)


def listed(*own: Column, container: Column | None = None) -> tuple[Column, ...]:
    """Return the columns of a row of a list: key, container, position, then its own."""
    return (KEY, *((container,) if container else ()), POSITION, *own)


def item(*own: Column, container: Column | None = None) -> tuple[Column, ...]:
    """Return the columns of a list item with an id of its own."""
    return listed(ITEM_ID, *own, container=container)


def named_item(*own: Column, container: Column | None = None) -> tuple[Column, ...]:
    """Return the columns of a list item with a name (an axis, an indicator, an actor, an instrument)."""
    return item(NAME, *own, container=container)


def tree_node(*own: Column) -> tuple[Column, ...]:
    """Return the columns of a node of the cause or effect tree (the tree is parent_id, which may dangle)."""
    return item(text("level", optional=True), text("parent_id", optional=True), text("description"), *own)


META = Table("meta", (Column("key", Kind.TEXT, primary_key=True), text("value")))
"""Key/value facts about the file itself (when and by what it was created, the stored summary)."""

PROPOSAL = Table(
    "proposal",
    (
        KEY,
        ITEM_ID,
        text("language"),
        text("title"),
        text("policy_area", optional=True),
        text("territorial_scope", optional=True),
        text("territory", optional=True),
        text("proposing_institution"),
        json_value("authors"),
        json_value("horizon"),
        text("status"),
        json_value("alignment"),
        json_value("cross_cutting_approaches"),
        text("data_disclaimer", optional=True),
        text("created_at"),
        text("updated_at"),
        text("central_problem", field="problem_matrix.central_problem"),
        text("context", optional=True, field="problem_matrix.context"),
        text("affected_population", field="problem_matrix.affected_population"),
        text("general_objective", field="strategy_matrix.general_objective"),
    ),
)
"""The single row of general data, with the single-valued fields of the problem and strategy matrices."""

EVIDENCE = Table(
    "evidence",
    item(
        text("description"),
        number("value", optional=True),
        text("unit", optional=True),
        text("cutoff_date", optional=True),
        text("source", optional=True),
        text("data_type", optional=True),
    ),
)
CAUSES = Table(
    "causes",
    tree_node(text("category", optional=True), text("governability", optional=True), json_value("evidence_ids")),
)
EFFECTS = Table("effects", tree_node(text("affected", optional=True), text("severity", optional=True)))
ENDS = Table("ends", item(text("effect_id", optional=True), text("description")))
AXES = Table(
    "axes",
    named_item(
        json_value("addressed_cause_ids"),
        text("strategic_objective"),
        json_value("expected_results"),
        text("lead_actor_id", optional=True),
        json_value("co_responsible_actor_ids"),
        text("timeframe", optional=True),
        text("priority", optional=True),
        json_value("assumptions_risks"),
        json_value("alignment"),
        json_value("estimated_cost", optional=True),
    ),
)
"""One strategic axis; its lines of action and indicators are rows of their own tables."""

LINES_OF_ACTION = Table("lines_of_action", item(text("text"), container=contained_in("axis_pk", "axes")))
INDICATORS = Table(
    "indicators",
    named_item(
        text("level", optional=True),
        text("dimension", optional=True),
        text("formula", optional=True),
        text("unit", optional=True),
        json_value("baseline"),
        json_value("target"),
        text("frequency", optional=True),
        text("means_of_verification", optional=True),
        text("responsible_actor_id", optional=True),
        json_value("disaggregation"),
        text("notes", optional=True),
        container=contained_in("axis_pk", "axes", optional=True),
    ),
)
"""One indicator: of the general objective (axis_pk NULL) or contained in an axis."""

EXCLUDED_CAUSES = Table("excluded_causes", listed(text("cause_id", optional=True), text("justification")))
"""A direct cause left out of the strategy, with the reason (the item has no id of its own)."""

ACTORS = Table(
    "actors",
    named_item(
        text("acronym", optional=True),
        text("type", optional=True),
        text("level", optional=True),
        json_value("roles"),
        text("mandate", optional=True),
        text("interest_description"),
        integer("interest", optional=True),
        integer("influence", optional=True),
        integer("position_rating", optional=True, field="position"),
        json_value("resources"),
        text("perceived_problems", optional=True),
        text("strategy_detail", optional=True),
        json_value("axis_ids"),
        text("assessment_basis", optional=True),
        text("data_type", optional=True),
    ),
)
"""One actor of the stakeholder register; the actor's stance (support ... oppose) is `position_rating`, since
`position` is the row's place in the list."""

ACTOR_RELATIONS = Table(
    "actor_relations",
    listed(
        text("actor_id", optional=True),
        text("type", optional=True),
        text("note", optional=True),
        container=contained_in("actor_pk", "actors"),
    ),
)
INSTRUMENTS = Table(
    "instruments",
    named_item(
        text("description"),
        text("axis_id", optional=True),
        text("line_of_action_id", optional=True),
        text("nato", optional=True),
        text("nato_secondary", optional=True),
        text("vedung", optional=True),
        text("instrument_type", optional=True),
        text("nature", optional=True),
        text("character", optional=True),
        text("legal_basis", optional=True),
        text("responsible_actor_id", optional=True),
        text("target_group"),
        json_value("target_actor_ids"),
        text("mechanism"),
        text("resources_required", optional=True),
        json_value("estimated_cost", optional=True),
        text("timeframe", optional=True),
        json_value("indicator_ids"),
        text("risks", optional=True),
        json_value("ex_ante_assessment", optional=True),
    ),
)
COMMENTS = Table(
    "comments",
    item(
        text("matrix", optional=True),
        text("anchor_item_id", optional=True, field="item_id"),
        text("field", optional=True),
        text("parent_id", optional=True),
        text("author"),
        text("role"),
        text("created_at"),
        text("text"),
        text("status"),
    ),
)
"""A facilitator's (or participant's) review comment, anchored on (matrix, anchor_item_id, field)."""

SNAPSHOTS = Table("snapshots", (KEY, text("name"), text("created_at"), text("reason"), text("proposal_json")))
"""A named, timestamped full copy of the proposal, as interchange JSON."""

TABLES: tuple[Table, ...] = (
    META,
    PROPOSAL,
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
    COMMENTS,
    SNAPSHOTS,
)
"""Every table of the format, each container before what it contains."""

TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
