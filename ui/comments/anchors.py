"""What a comment is about: the anchor of the field, row or tree node under the mouse, and its name for people."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QAbstractItemView, QWidget

from matrices.review import Anchor
from ui.binding import FieldBinder
from ui.context import UiContext
from ui.models.item_table import short
from ui.models.matrix_list import RefsCache
from ui.pages.base import Page
from ui.session import DocumentSession

WHOLE_PROPOSAL: Anchor = (None, None, None)


def page_of(widget: QWidget | None) -> Page | None:
    """Return the editor page a widget belongs to, or None."""
    while widget is not None and not isinstance(widget, Page):
        widget = widget.parentWidget()
    return widget


def anchor_at(widget: QWidget, pos: QPoint | None = None) -> Anchor | None:
    """Return the anchor of what widget shows at pos (its own coordinates; None: its current row).

    Walks up from widget: a row of an item view names its item (asked of the page), a widget with the
    "pm_field" property names its field (asked of the FieldBinder that binds it). None when it is neither.
    """
    page = page_of(widget)
    if page is None:
        return None
    binders = page.findChildren(FieldBinder)
    current: QWidget | None = widget
    while current is not None and current is not page:
        if isinstance(current, QAbstractItemView):
            if pos is None:
                index = current.currentIndex()
            else:
                index = current.indexAt(current.viewport().mapFromGlobal(widget.mapToGlobal(pos)))
            found = page.anchor_at(current, index)  # an empty area too: an item's empty relations table
            if found is not None:
                return page.matrix, found[0], found[1]
        if current.property("pm_field") is not None:
            anchor = _bound_anchor(current, binders)
            if anchor is not None:
                return anchor
        current = current.parentWidget()
    return None


def _bound_anchor(widget: QWidget, binders: list[FieldBinder]) -> Anchor | None:
    for binder in binders:
        anchor = binder.anchor(widget)
        if anchor is not None:
            return anchor
    return None


class AnchorNames(QObject):
    """Names anchors for people: 'Problem · C1.2 Weak border control · Description', in the interface language."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        matrix_title: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._matrix_title = matrix_title
        self._refs = RefsCache(session, context.catalogs)
        session.changed.connect(self._forget_codes)

    def _forget_codes(self, _change: object) -> None:
        self._refs.invalidate()  # an edit may have renamed, added or moved an item

    def describe(self, anchor: Anchor, *, names: bool = True) -> str:
        """Return where a comment points, as the participant sees it on the pages (names: the item's name too)."""
        matrix, item, field = anchor
        if anchor == WHOLE_PROPOSAL:
            return self.tr("The whole proposal")
        refs = self._refs.get(self._context.lang)
        parts = [self._matrix_title(matrix or "general")]
        if item is not None:
            parts.append(short(refs.ref(item), 70) if names else refs.code(item))
        if field:
            parts.append(refs.field_label(self._context.field_model, matrix or "general", item, field))
        return " · ".join(part for part in parts if part)

    def place(self, anchor: Anchor) -> str:
        """Return where a comment points in few words: the matrix, the item's display code, the field's label."""
        return self.describe(anchor, names=False)
