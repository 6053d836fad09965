"""A snapshot compared with the current state: a tree grouped by matrix, items and fields with old → new values."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.labels import Labels
from export.refs import Refs
from matrices.diff import AXIS_FIELD, FieldChange, ItemChange, MatrixDiff, ProposalDiff, diff_proposals
from matrices.display import field_specs, missing_reference
from matrices.fieldmodel import FieldSpec
from matrices.proposal import Proposal
from ui.context import UiContext
from ui.widgets.plain_text import literal, plain_label

_ROLE_TARGET = Qt.ItemDataRole.UserRole + 11
VALUE_LIMIT = 160
"""Longer values are cut in the tree; the whole text is in the tooltip."""
_KIND_COLORS = {"added": "#1b7f3b", "removed": "#b3261e", "changed": "#8a5a00", "moved": "#49617a"}


def item_codes(context: UiContext, *versions: Proposal) -> dict[str, str]:
    """Return the display code (C1.2, A03...) of every item of the versions; the last version's code wins."""
    codes: dict[str, str] = {}
    for version in versions:
        codes.update(Refs(version, context.catalogs, Labels(context.lang)).codes)
    return codes


class ValueFormatter:
    """Shows a field's value as a reader knows it: catalogue labels, item codes and names, locale dates."""

    def __init__(self, context: UiContext, names: dict[str, str], codes: dict[str, str] | None = None) -> None:
        self.context = context
        self.names = names
        self.codes = codes or {}

    def item(self, item_id: str) -> str:
        """Return 'CODE name' of an item id (a missing item as links to one read: matrices/display.py)."""
        if item_id not in self.names and item_id not in self.codes:
            return missing_reference(item_id, self.context.lang)
        code, name = self.codes.get(item_id, ""), self.names.get(item_id, "")
        return f"{code} {name}".strip() if code != name else name

    def spec(self, entity: str, key: str) -> FieldSpec | None:
        """Return the field-model spec of a (possibly dotted) key, or None."""
        specs = field_specs(self.context.field_model, entity, key)
        return specs[-1] if specs and (len(specs) == 2 or "." not in key) else None

    def label(self, entity: str, key: str) -> str:
        """Return a field's label; a dotted key reads "Baseline › Value"."""
        if key == AXIS_FIELD:
            return self.entity_label("axis")
        if entity == "proposal" and key == "language":
            return QCoreApplication.translate("Snapshots", "Content language")  # the app's, not the course's
        specs = field_specs(self.context.field_model, entity, key)
        parts = [spec.label(self.context.lang) for spec in specs]
        sub = key.partition(".")[2]
        if specs and len(specs) == 1 and sub in self._criteria():
            parts.append(self._criteria()[sub])  # an ex-ante criterion: named by the scale's catalogue
        return " › ".join(parts)

    def _criteria(self) -> dict[str, str]:
        return {entry.id: entry.label(self.context.lang) for entry in self.context.catalogs.feasibility_criteria()}

    def entity_label(self, entity: str) -> str:
        """Return the name of a kind of item (Cause, Actor...) in the interface language."""
        return self.context.field_model.entity_label(entity).get(self.context.lang)

    def value(self, entity: str, key: str, value: Any) -> str:
        """Return value as text ('—' when empty)."""
        if value is None or value in ("", []):
            return "—"
        spec = self.spec(entity, key)
        is_ref = key == AXIS_FIELD or (spec is not None and spec.type in ("ref", "ref_list"))
        if isinstance(value, list):
            return "; ".join(self._one(spec, item, is_ref) for item in value)
        return self._one(spec, value, is_ref)

    def _one(self, spec: FieldSpec | None, value: Any, is_ref: bool) -> str:
        if isinstance(value, dict):
            # An item of a list (an actor's relation) or an object: each part by its own field's spec.
            held = spec.items or spec.ref if spec is not None else None
            parts = []
            for key, part in value.items():
                if part in (None, ""):
                    continue
                sub = self.spec(held, key) if held else None
                parts.append(self._one(sub, part, sub is not None and sub.type in ("ref", "ref_list")))
            return ", ".join(parts)
        if isinstance(value, bool):
            yes, no = QCoreApplication.translate("Snapshots", "Yes"), QCoreApplication.translate("Snapshots", "No")
            return yes if value else no
        if isinstance(value, date):
            return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
        if is_ref and isinstance(value, str):
            return self.item(value)
        if spec is not None and spec.catalog:
            return self.context.catalog_label(spec.catalog, str(value))
        if isinstance(value, float):
            return QLocale().toString(value, "g", 12)
        return str(value)


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= VALUE_LIMIT else f"{flat[: VALUE_LIMIT - 1]}…"


class DiffTree(QTreeWidget):
    """The differences, one branch per matrix: matrix fields, then items added, removed, changed or moved."""

    item_activated = Signal(str, object, object)
    """(matrix, item id or None, field key or None) of an activated row: the editor can show it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setColumnCount(3)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setObjectName("snapshot_differences")
        self.setAccessibleName(self.tr("Differences from the snapshot"))
        self.itemActivated.connect(self._on_activated)
        self.setHeaderLabels([self.tr("What changed"), self.tr("In the snapshot"), self.tr("Now")])

    def set_diff(self, diff: ProposalDiff, codes: dict[str, str] | None = None) -> None:
        """Show diff (a snapshot against the current proposal); codes give the items' display codes."""
        self.clear()
        formatter = ValueFormatter(self.context, diff.names, codes)
        titles = self._matrix_titles()
        for matrix in diff.matrices:
            if matrix.is_empty:
                continue
            branch = QTreeWidgetItem(self, [f"{titles[matrix.matrix]} ({self._count_text(matrix)})"])
            font = branch.font(0)
            font.setBold(True)
            branch.setFont(0, font)
            branch.setData(0, _ROLE_TARGET, (matrix.matrix, None, None))
            branch.setFirstColumnSpanned(True)
            for change in matrix.fields:
                self._field_row(branch, formatter, matrix.entity, change, (matrix.matrix, None, change.key))
            for item in matrix.items:
                self._item_row(branch, formatter, matrix.matrix, item)
            branch.setExpanded(True)
        if self.topLevelItemCount() == 0:
            QTreeWidgetItem(self, [self.tr("No differences: the snapshot and the current proposal are the same.")])
        self.setColumnWidth(0, 340)
        self.setColumnWidth(1, 300)

    def _matrix_titles(self) -> dict[str, str]:
        return {
            "general": self.tr("General data"),
            "problem": self.tr("Matrix 1 — Problem"),
            "strategy": self.tr("Matrix 2 — Strategic axes"),
            "actors": self.tr("Matrix 3 — Actors"),
            "instruments": self.tr("Matrix 4 — Instruments"),
        }

    def _count_text(self, matrix: MatrixDiff) -> str:
        added, removed = len(matrix.of_kind("added")), len(matrix.of_kind("removed"))
        changed = len(matrix.of_kind("changed")) + len(matrix.fields)
        moved = len(matrix.of_kind("moved"))
        parts = [
            self.tr("%n added", "", added) if added else "",
            self.tr("%n removed", "", removed) if removed else "",
            self.tr("%n changed", "", changed) if changed else "",
            self.tr("%n moved", "", moved) if moved else "",
        ]
        return ", ".join(part for part in parts if part)

    def _kind_text(self, item: ItemChange) -> str:
        texts = {
            "added": self.tr("Added"),
            "removed": self.tr("Removed"),
            "changed": self.tr("Changed"),
            "moved": self.tr("Moved"),
        }
        text = texts[item.kind]
        if item.kind == "changed" and item.moved:
            text = self.tr("Changed and moved")
        return text

    def _item_row(self, branch: QTreeWidgetItem, formatter: ValueFormatter, matrix: str, item: ItemChange) -> None:
        code = formatter.codes.get(item.item_id, "")
        what = f"{self._kind_text(item)}: {formatter.entity_label(item.entity)} {code}".rstrip()
        if item.kind in ("added", "removed"):
            # The item's text goes in the column of the version that has it.
            columns = [what, _cut(item.label), ""] if item.kind == "removed" else [what, "", _cut(item.label)]
        else:
            columns = [f"{what} — {_cut(item.label)}", "", ""]
        row = QTreeWidgetItem(branch, columns)
        row.setFirstColumnSpanned(item.kind in ("changed", "moved"))
        row.setToolTip(0, literal(item.label))  # a participant's text: a tooltip would render its markup
        row.setForeground(0, QBrush(QColor(_KIND_COLORS[item.kind])))
        row.setData(0, _ROLE_TARGET, (matrix, item.item_id if item.kind != "removed" else None, None))
        for change in item.fields:
            self._field_row(row, formatter, item.entity, change, (matrix, item.item_id, change.key))
        row.setExpanded(len(item.fields) <= 6)

    def _field_row(
        self,
        parent: QTreeWidgetItem,
        formatter: ValueFormatter,
        entity: str,
        change: FieldChange,
        target: tuple[str, str | None, str | None],
    ) -> None:
        old = formatter.value(entity, change.key, change.old)
        new = formatter.value(entity, change.key, change.new)
        row = QTreeWidgetItem(parent, [formatter.label(entity, change.key), _cut(old), f"→ {_cut(new)}"])
        row.setToolTip(1, literal(old))
        row.setToolTip(2, literal(new))
        row.setData(0, _ROLE_TARGET, target)

    def _on_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        target = row.data(0, _ROLE_TARGET)
        if target:
            self.item_activated.emit(*target)


class CompareDialog(QDialog):
    """A snapshot compared with the proposal as it is now."""

    def __init__(
        self, context: UiContext, title: str, old: Proposal, new: Proposal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with the current proposal"))
        self.resize(1000, 680)
        self.diff = diff_proposals(old, new)
        heading = plain_label(self)  # it quotes the snapshot's name
        heading.setWordWrap(True)
        if self.diff.has_content_changes or self.diff.is_empty:
            heading.setText(
                self.tr("Changes from the snapshot “%1” to the proposal as it is now.").replace("%1", title)
            )
        else:
            heading.setText(
                self.tr("Only the order of some items changed since the snapshot “%1”.").replace("%1", title)
            )
        self.tree = DiffTree(context, self)
        self.tree.set_diff(self.diff, item_codes(context, old, new))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
