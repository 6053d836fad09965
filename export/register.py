"""The registers of Matrices 3 and 4: a wide table with one row per item, and a table of the items' longer texts.

Actors and instruments have more fields than a landscape page has readable columns. The main table keeps the
fields a reader compares across items; the texts a participant writes at length about one item (perceived
problems, legal basis, risks...) go in a second table under it, with the item's code and name again, and only
for the items that have any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from export.context import ExportContext
from export.docx_build import Column, Row
from export.docx_runs import Content, content_text

T = TypeVar("T")


@dataclass(frozen=True)
class RegisterColumn(Generic[T]):
    """A column of a register: its header, relative width, the field it shows and how to write its cell."""

    header: str
    width: float
    field: str
    cell: Callable[[T], Content]
    main: bool = False
    """The cells name the item: a comment on the item without a field is anchored here."""


def text_of(key: str) -> Callable[[object], str]:
    """Return the cell writer of an optional free-text field: its text, or "" when absent."""
    return lambda item: getattr(item, key) or ""


def code_and_name(code: str, name: str, description: str = "", *, bold_name: bool = False) -> Content:
    """Return a name cell led by the item's code in bold (a narrow code column would cost the table a column).

    The description is a piece of its own, so that a comment on it lands on the item's description.
    """
    head = ((code, "b"), (f" {name}", "b" if bold_name else ""))
    return (*head, (f"\n{description}", "", "description")) if description else head


def write_register(
    context: ExportContext, heading: str, key: str, items: Sequence[T], columns: Sequence[RegisterColumn[T]]
) -> None:
    """Write the register's heading (anchored on the matrix's list field key) and its table, one row per item."""
    writer = context.writer
    writer.heading(heading, 2, writer.anchor(None, key))
    _table(context, columns, ((item, tuple(column.cell(item) for column in columns)) for item in items))


def write_details(
    context: ExportContext,
    heading: str,
    items: Sequence[T],
    name: RegisterColumn[T],
    texts: Sequence[RegisterColumn[T]],
) -> None:
    """Write the second table: the name column then the texts, for the items with any text (nothing if none has)."""
    rows = []
    for item in items:
        cells = tuple(column.cell(item) for column in texts)
        if any(content_text(cell).strip() for cell in cells):
            rows.append((item, (name.cell(item), *cells)))
    if rows:
        context.writer.heading(heading, 2)
        _table(context, (name, *texts), rows)


def _table(
    context: ExportContext, columns: Sequence[RegisterColumn[T]], rows: Iterable[tuple[T, Sequence[Content]]]
) -> None:
    context.writer.table(
        tuple(Column(column.header, column.width, field=column.field, main=column.main) for column in columns),
        (Row(cells, item=getattr(item, "id", None)) for item, cells in rows),
    )
