"""The document's tables as SQLAlchemy Core tables, built from storage/tables.py: what every write goes through.

Only writing imports this module (opening reads with sqlite3 alone, storage/schema.py). Rows are written with
Core statements (insert, update, delete on these tables), never through mapped classes, so the ORM is not
imported at all. SQLAlchemy would emit the very CREATE text of storage/schema.py for these tables; new files
are created from that text, and tests/storage/test_schema_source.py proves the two the same.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine, UserDefinedType

from storage import tables
from storage.tables import Kind


class NumberType(UserDefinedType[int | float]):
    """A figure stored exactly (declared NUMERIC, see tables.Kind.NUMBER).

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


_TYPES: dict[Kind, type[TypeEngine[Any]]] = {
    Kind.INTEGER: Integer,
    Kind.TEXT: Text,
    Kind.NUMBER: NumberType,
    Kind.JSON: JsonText,
}


def _column(column: tables.Column) -> Column[Any]:
    keys = () if column.container is None else (ForeignKey(f"{column.container}.pk", ondelete="CASCADE"),)
    return Column(
        column.name,
        _TYPES[column.kind](),
        *keys,
        primary_key=column.primary_key,
        nullable=column.optional,
        index=column.container is not None,
    )


def build_metadata(described: tuple[tables.Table, ...] = tables.TABLES) -> MetaData:
    """Return SQLAlchemy's tables for the described ones."""
    metadata = MetaData()
    for table in described:
        Table(table.name, metadata, *(_column(column) for column in table.columns))
    return metadata


metadata = build_metadata()
"""The tables of the current format."""
