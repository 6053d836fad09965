"""The tables of a .pmx document: SQLAlchemy 2.x typed declarative models, one table per kind of item.

One edit writes one row: every item of a list is its own row, ordered by `position`. Item ids are not unique
in a draft and references may dangle, so each row has an integer surrogate key `pk` and keeps the item's id as
plain text (`item_id`); foreign keys exist only for containment (an axis holds its lines of action and
indicators, an actor its relations). Small value objects and lists of ids are JSON text columns.
Changing any table here changes the file format: bump SCHEMA_VERSION, add a migration (storage/migrations.py)
and write the new SQL text into storage/schema.py (opening a file reads that, not these classes).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ForeignKey, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator, UserDefinedType


class NumberType(UserDefinedType[int | float]):
    """A figure stored exactly: NUMERIC affinity keeps 16742 an INTEGER and 0.1 a REAL (REAL would give 16742.0).

    No bind or result processing (SQLAlchemy's Numeric would go through Decimal): SQLite returns int or float.
    """

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        """Return the declared column type."""
        return "NUMERIC"


class JsonText(TypeDecorator[Any]):
    """A JSON value in a TEXT column: TEXT affinity, so SQLite never turns the text '5' into a number."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:  # noqa: ARG002 (SQLAlchemy's signature)
        """Serialize compactly, keeping accents readable in the file."""
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:  # noqa: ARG002 (SQLAlchemy's signature)
        """Parse the stored text; a damaged value raises and the document reports it as corrupt."""
        if value is None:
            return None
        return json.loads(value)


class Base(DeclarativeBase):
    """Base of the document tables; plain `str` columns are TEXT (SQLite has no length limits to declare)."""

    type_annotation_map = {str: Text()}  # noqa: RUF012 (SQLAlchemy reads this class attribute)


# The columns most tables share, declared once. Mixin columns would otherwise come after a table's own, and the
# order of the columns is part of the file format (the schema's SQL text is compared when a file is opened), so
# each gets its place explicitly: the shared ones first, in the order below, then the table's own (sort_order 0).


class Keyed:
    """A row's integer surrogate key: item ids may repeat in a draft, so they cannot be the key."""

    pk: Mapped[int] = mapped_column(primary_key=True, sort_order=-10)


def container_key(table: str, *, nullable: bool = False) -> MappedColumn[Any]:
    """Return the foreign key of a row to the row containing it (after `pk`); deleting the container deletes it."""
    return mapped_column(ForeignKey(f"{table}.pk", ondelete="CASCADE"), index=True, nullable=nullable, sort_order=-9)


class Listed(Keyed):
    """A row of a list: its place in the list."""

    position: Mapped[int] = mapped_column(sort_order=-8)


class Item(Listed):
    """A list item with an id of its own, kept as plain text."""

    item_id: Mapped[str] = mapped_column(sort_order=-7)


class NamedItem(Item):
    """A list item with a name (an axis, an indicator, an actor, an instrument)."""

    name: Mapped[str] = mapped_column(sort_order=-6)


class TreeNode(Item):
    """A node of the cause or effect tree (the tree is parent_id, a reference that may dangle)."""

    level: Mapped[str | None] = mapped_column(sort_order=-3)
    parent_id: Mapped[str | None] = mapped_column(sort_order=-2)
    description: Mapped[str] = mapped_column(sort_order=-1)


class MetaRow(Base):
    """A key/value fact about the file itself (when and by what it was created, migrations applied)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class ProposalRow(Keyed, Base):
    """The single row of general data, with the single-valued fields of the problem and strategy matrices."""

    __tablename__ = "proposal"

    item_id: Mapped[str]
    language: Mapped[str]
    title: Mapped[str]
    policy_area: Mapped[str | None]
    territorial_scope: Mapped[str | None]
    territory: Mapped[str | None]
    proposing_institution: Mapped[str]
    authors: Mapped[list[str]] = mapped_column(JsonText)
    horizon: Mapped[dict[str, Any]] = mapped_column(JsonText)
    status: Mapped[str]
    alignment: Mapped[dict[str, Any]] = mapped_column(JsonText)
    cross_cutting_approaches: Mapped[list[str]] = mapped_column(JsonText)
    data_disclaimer: Mapped[str | None]
    created_at: Mapped[str]
    updated_at: Mapped[str]
    central_problem: Mapped[str]
    context: Mapped[str | None]
    affected_population: Mapped[str]
    general_objective: Mapped[str]


class EvidenceRow(Item, Base):
    """One piece of evidence of the problem matrix."""

    __tablename__ = "evidence"

    description: Mapped[str]
    value: Mapped[int | float | None] = mapped_column(NumberType)
    unit: Mapped[str | None]
    cutoff_date: Mapped[str | None]
    source: Mapped[str | None]
    data_type: Mapped[str | None]


class CauseRow(TreeNode, Base):
    """One node of the cause tree."""

    __tablename__ = "causes"

    category: Mapped[str | None]
    governability: Mapped[str | None]
    evidence_ids: Mapped[list[str]] = mapped_column(JsonText)


class EffectRow(TreeNode, Base):
    """One node of the effect tree."""

    __tablename__ = "effects"

    affected: Mapped[str | None]
    severity: Mapped[str | None]


class EndRow(Item, Base):
    """One end of the objective tree."""

    __tablename__ = "ends"

    effect_id: Mapped[str | None]
    description: Mapped[str]


class AxisRow(NamedItem, Base):
    """One strategic axis; its lines of action and indicators are rows of their own tables."""

    __tablename__ = "axes"

    addressed_cause_ids: Mapped[list[str]] = mapped_column(JsonText)
    strategic_objective: Mapped[str]
    expected_results: Mapped[list[str]] = mapped_column(JsonText)
    lead_actor_id: Mapped[str | None]
    co_responsible_actor_ids: Mapped[list[str]] = mapped_column(JsonText)
    timeframe: Mapped[str | None]
    priority: Mapped[str | None]
    assumptions_risks: Mapped[list[str]] = mapped_column(JsonText)
    alignment: Mapped[dict[str, Any]] = mapped_column(JsonText)
    estimated_cost: Mapped[dict[str, Any] | None] = mapped_column(JsonText)


class LineOfActionRow(Item, Base):
    """One line of action, contained in an axis."""

    __tablename__ = "lines_of_action"

    axis_pk: Mapped[int] = container_key("axes")
    text: Mapped[str]


class IndicatorRow(NamedItem, Base):
    """One indicator: of the general objective (axis_pk NULL) or contained in an axis."""

    __tablename__ = "indicators"

    axis_pk: Mapped[int | None] = container_key("axes", nullable=True)
    level: Mapped[str | None]
    dimension: Mapped[str | None]
    formula: Mapped[str | None]
    unit: Mapped[str | None]
    baseline: Mapped[dict[str, Any]] = mapped_column(JsonText)
    target: Mapped[dict[str, Any]] = mapped_column(JsonText)
    frequency: Mapped[str | None]
    means_of_verification: Mapped[str | None]
    responsible_actor_id: Mapped[str | None]
    disaggregation: Mapped[list[str]] = mapped_column(JsonText)
    notes: Mapped[str | None]


class ExcludedCauseRow(Listed, Base):
    """A direct cause left out of the strategy, with the reason (the item has no id of its own)."""

    __tablename__ = "excluded_causes"

    cause_id: Mapped[str | None]
    justification: Mapped[str]


class ActorRow(NamedItem, Base):
    """One actor of the stakeholder register; `position_rating` is the actor's stance (support ... oppose)."""

    __tablename__ = "actors"

    acronym: Mapped[str | None]
    type: Mapped[str | None]
    level: Mapped[str | None]
    roles: Mapped[list[str]] = mapped_column(JsonText)
    mandate: Mapped[str | None]
    interest_description: Mapped[str]
    interest: Mapped[int | None]
    influence: Mapped[int | None]
    position_rating: Mapped[int | None]
    resources: Mapped[list[str]] = mapped_column(JsonText)
    perceived_problems: Mapped[str | None]
    strategy_detail: Mapped[str | None]
    axis_ids: Mapped[list[str]] = mapped_column(JsonText)
    assessment_basis: Mapped[str | None]
    data_type: Mapped[str | None]


class ActorRelationRow(Listed, Base):
    """A relation of an actor with another one, contained in the first actor."""

    __tablename__ = "actor_relations"

    actor_pk: Mapped[int] = container_key("actors")
    actor_id: Mapped[str | None]
    type: Mapped[str | None]
    note: Mapped[str | None]


class InstrumentRow(NamedItem, Base):
    """One policy instrument."""

    __tablename__ = "instruments"

    description: Mapped[str]
    axis_id: Mapped[str | None]
    line_of_action_id: Mapped[str | None]
    nato: Mapped[str | None]
    nato_secondary: Mapped[str | None]
    vedung: Mapped[str | None]
    instrument_type: Mapped[str | None]
    nature: Mapped[str | None]
    character: Mapped[str | None]
    legal_basis: Mapped[str | None]
    responsible_actor_id: Mapped[str | None]
    target_group: Mapped[str]
    target_actor_ids: Mapped[list[str]] = mapped_column(JsonText)
    mechanism: Mapped[str]
    resources_required: Mapped[str | None]
    estimated_cost: Mapped[dict[str, Any] | None] = mapped_column(JsonText)
    timeframe: Mapped[str | None]
    indicator_ids: Mapped[list[str]] = mapped_column(JsonText)
    risks: Mapped[str | None]
    ex_ante_assessment: Mapped[dict[str, Any] | None] = mapped_column(JsonText)


class CommentRow(Item, Base):
    """A facilitator's (or participant's) review comment, anchored on (matrix, anchor_item_id, field)."""

    __tablename__ = "comments"

    matrix: Mapped[str | None]
    anchor_item_id: Mapped[str | None]
    field: Mapped[str | None]
    parent_id: Mapped[str | None]
    author: Mapped[str]
    role: Mapped[str]
    created_at: Mapped[str]
    text: Mapped[str]
    status: Mapped[str]


class SnapshotRow(Keyed, Base):
    """A named, timestamped full copy of the proposal, as interchange JSON."""

    __tablename__ = "snapshots"

    name: Mapped[str]
    created_at: Mapped[str]
    reason: Mapped[str]
    proposal_json: Mapped[str]
