"""Catalogue pickers: a combo box for one value and a searchable checklist for several."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from matrices.catalogs import Catalog
from matrices.localized import Lang
from ui.widgets.plain_text import literal


def fill_combo(combo: QComboBox, catalog: Catalog, lang: Lang, empty_label: str = "—") -> None:
    """Fill a combo box with a catalogue's labels (item data = entry id; first entry = None)."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(empty_label, None)
        for entry in catalog:
            combo.addItem(entry.label(lang), entry.id)
            combo.setItemData(combo.count() - 1, literal(entry.label(lang)), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))


class CatalogChecklist(QWidget):
    """A filterable list of catalogue entries with check boxes; emits the new selection on each click."""

    selection_edited = Signal(list)

    def __init__(self, catalog: Catalog, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._filter = QLineEdit(self)
        self._filter.setClearButtonEnabled(True)
        self._list = QListWidget(self)
        self._list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._filter)
        layout.addWidget(self._list)
        self._filter.textChanged.connect(self._apply_filter)
        self._list.itemChanged.connect(self._on_item_changed)
        self.set_language(lang)

    def set_language(self, lang: Lang) -> None:
        """Show the labels in lang, keeping the selection."""
        selected = self.selected()
        with QSignalBlocker(self._list):
            self._list.clear()
            for entry in self._catalog:
                item = QListWidgetItem(entry.label(lang), self._list)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setToolTip(literal(entry.label(lang)))  # proposal items too
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        self.set_selected(selected)
        self._filter.setPlaceholderText(self.tr("Search…"))
        self._apply_filter(self._filter.text())

    def selected(self) -> list[str]:
        """Return the checked ids in stored order, newly checked ones after them (in catalogue order)."""
        checked = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self._list.item(row) for row in range(self._list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        ticked = set(checked)
        # The stored order is the participant's (or the example's): one tick must not reorder the rest. Ids the
        # catalogue lacks (rule G04) stay where they were, so that opening a picker never drops data silently.
        stored = getattr(self, "_stored", [])
        kept = [value for value in stored if value in ticked or value not in self._catalog]
        return kept + [value for value in checked if value not in stored]

    def set_selected(self, ids: list[str]) -> None:
        """Check exactly these ids, remembering their order (without emitting selection_edited)."""
        self._stored = list(dict.fromkeys(ids))
        wanted = set(ids)
        with QSignalBlocker(self._list):
            for row in range(self._list.count()):
                item = self._list.item(row)
                state = (
                    Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted else Qt.CheckState.Unchecked
                )
                item.setCheckState(state)

    def set_read_only(self, read_only: bool) -> None:
        """Allow or forbid checking entries."""
        self._list.setEnabled(not read_only)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self._list.count()):
            item = self._list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        # Remembered at once: a second tick before the binder writes the list back still lands after the first.
        self._stored = self.selected()
        self.selection_edited.emit(self._stored)
