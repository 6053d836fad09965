"""Sorting and filtering of the cohort table: numbers sort as numbers, the filter ignores case and accents."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ui.dashboard.model import SEARCH_ROLE, SORT_ROLE, fold

AnyIndex = QModelIndex | QPersistentModelIndex


class CohortFilter(QSortFilterProxyModel):
    """Keeps the rows whose text holds every word typed in the filter box, in any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        """Show only the rows matching every word of text ('' shows all)."""
        words = fold(text).split()
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Return True when the row's text holds every filter word."""
        if not self._words:
            return True
        model = self.sourceModel()
        text = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(word in text for word in self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        """Compare the model's sort values (numbers, folded text); unreadable files stay last in either order."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, tuple) and isinstance(b, tuple) and a and b and a[0] != b[0]:
            # (0, value) for a proposal, (1, name) for an unreadable file: Qt reverses the result when descending.
            first = a[0] < b[0]
            return first if self.sortOrder() == Qt.SortOrder.AscendingOrder else not first
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
