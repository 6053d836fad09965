"""Tables that fit their width: one column stretches, the others are as wide as their title and cells.

A table beside a form on a laptop screen is about 400 px wide; scrolling sideways to find a column is easy to
miss and tiring. The columns keep the model's order; where some may wait (a list whose form shows every field),
the first ones that fit are shown and the others come back when the table grows (a list page also lets the
participant show or hide them from the header's menu). A column the participant widened keeps their width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView
from shiboken6 import isValid

HEADER_PADDING = 10
"""A column title needs its text and the header's padding (ui/style.py: 5 px on each side)."""
STRETCH_MIN_WIDTH = 150
"""The stretching column (the name, the description) never gets narrower than this."""


def title_width(header: QHeaderView, column: int) -> int:
    """Return the width a column's title needs, in the header's semi-bold font (ui/style.py)."""
    title = str(header.model().headerData(column, header.orientation()) or "") if header.model() else ""
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(bold)
    return max((metrics.horizontalAdvance(line) for line in title.splitlines()), default=0) + HEADER_PADDING


class ColumnFitter(QObject):
    """Sizes a view's columns to their titles and cells, stretches one, and (if allowed) leaves out what won't fit."""

    def __init__(
        self, view: QTableView | QTreeView, stretch: int, always: frozenset[int] | None = None, *, hide: bool = True
    ) -> None:
        super().__init__(view)
        self._view = view
        self._stretch = stretch
        self._always = always or frozenset()
        self._hide = hide
        self._fitting = False
        self.widths: dict[int, int] = {}
        """Widths the page gave or the participant dragged (else a column is as wide as its title and cells)."""
        self.hidden_by_choice: set[int] = set()
        self.shown_by_choice: set[int] = set()
        """Columns the participant hid or showed: their choice beats fitting."""
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._on_resized)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.headerDataChanged):
            signal.connect(self.fit)

    def header(self) -> QHeaderView:
        """Return the view's column header."""
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def choose(self, column: int, shown: bool) -> None:
        """Record the participant's wish to see (or not) a column, and fit again."""
        (self.shown_by_choice if shown else self.hidden_by_choice).add(column)
        (self.hidden_by_choice if shown else self.shown_by_choice).discard(column)
        self.fit()

    def natural_width(self, column: int) -> int:
        """Return the width a column wants: the page's or participant's choice, else its title's and cells'."""
        needed = title_width(self.header(), column)
        if column in self.widths:
            return max(self.widths[column], needed)
        return max(needed, self._view.sizeHintForColumn(column))

    def fit(self) -> None:
        """Size the columns and show those that fit, in order, beside the stretching one."""
        if not isValid(self._view):
            return  # a view being destroyed: its model's last signals arrive after the view's own part is gone
        header = self.header()
        room = self._view.viewport().width() - max(STRETCH_MIN_WIDTH, title_width(header, self._stretch))
        full = False
        self._fitting = True
        try:
            for column in range(header.count()):
                if column == self._stretch:
                    continue
                width = self.natural_width(column)
                chosen = not self._hide or column in self._always or column in self.shown_by_choice
                # The first column that does not fit ends the row: columns stay in their order, without gaps.
                full = full or width > room
                shown = column not in self.hidden_by_choice and (chosen or not full)
                if shown:
                    room -= width
                    if header.sectionSize(column) != width:
                        header.resizeSection(column, width)
                if header.isSectionHidden(column) == shown:
                    header.setSectionHidden(column, not shown)
        finally:
            self._fitting = False

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != self._stretch and new > 0:
            self.widths[column] = new  # the participant dragged the column's edge: keep their width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again whenever the view's width changes."""
        if event.type() == QEvent.Type.Resize and watched is self._view.viewport():
            self.fit()
        return False
