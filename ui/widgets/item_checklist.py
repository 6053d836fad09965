"""Pickers over items of the proposal itself (causes, actors) rather than over a shipped catalogue."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox

from matrices.catalogs import Catalog, CatalogEntry
from matrices.localized import Lang, LocalizedText
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.plain_text import literal


def items_catalog(ref: str, entries: list[tuple[str, str]]) -> Catalog:
    """Wrap (id, label) pairs as a catalogue, so that the catalogue pickers can show proposal items."""
    return Catalog(ref, tuple(CatalogEntry(item_id, LocalizedText.plain(label)) for item_id, label in entries))


class ItemChecklist(CatalogChecklist):
    """A searchable checklist whose entries change with the proposal (the causes of the tree, the actors)."""

    def set_entries(self, catalog: Catalog, lang: Lang) -> None:
        """Show new entries, keeping the checked ids (ids no longer offered are kept, never dropped)."""
        # set_language rebuilds the list from self._catalog and keeps the selection (unknown ids included).
        self._catalog = catalog
        self.set_language(lang)


def fill_items_combo(combo: QComboBox, entries: list[tuple[str, str]], empty_label: str = "—") -> None:
    """Fill a combo box with proposal items (item data = id; first entry = None), keeping the current id."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(empty_label, None)
        for item_id, label in entries:
            combo.addItem(label, item_id)
            combo.setItemData(combo.count() - 1, literal(label), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(current), 0))
