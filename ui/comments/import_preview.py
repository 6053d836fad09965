"""The preview of a comments import: where each comment will land, those that could not be placed, and moving them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.comment_import import WHOLE_PROPOSAL, ImportPlan, Incoming
from export.word_comments import Note
from matrices.review import Anchor
from ui.widgets.plain_text import plain_label

COLUMNS = 5
LANDS, NOTE, AUTHOR, DATE, TEXT = range(COLUMNS)
"""The preview's columns: where a comment lands and why come first, its text last."""
_EXCERPT = 120


class ImportPreview(QDialog):
    """Shows the plan of an import before anything is stored; the facilitator may move comments, then import."""

    def __init__(
        self,
        plan: ImportPlan,
        describe: Callable[[Anchor], str],
        targets: Sequence[Anchor],
        lang: str,
        parent: QWidget | None = None,
        detail: Callable[[Anchor], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self._plan = plan
        self._describe = describe
        self._detail = detail or describe
        self._locale = QLocale(lang)
        self.moves: dict[str, Anchor] = {}
        """The id of a thread's first comment -> where the facilitator moved it."""
        self.setWindowTitle(self.tr("Import comments from Word"))
        self.summary = plain_label(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importComments")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [self.tr("Lands on"), self.tr("Note"), self.tr("Author"), self.tr("Date"), self.tr("Comment")]
        )
        self.tree.setAccessibleName(self.tr("Comments to import"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.left_out = plain_label(self)
        self.left_out.setObjectName("importLeftOut")
        self.left_out.setWordWrap(True)
        self.target = QComboBox(self)
        self.target.setObjectName("importTarget")
        self.target.setAccessibleName(self.tr("Move the selected comments to"))
        # The combo keeps the position of each anchor: Qt hands a tuple back as a list.
        self._targets: list[Anchor] = [WHOLE_PROPOSAL, *targets]
        for anchor in self._targets:
            self.target.addItem(self._target_name(anchor))
        self.move_button = QPushButton(self.tr("Move selected comments here"), self)
        self.move_button.setObjectName("importMove")
        self.move_button.clicked.connect(self._move_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importAccept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        moving = QHBoxLayout()
        moving.addWidget(QLabel(self.tr("Move to:"), self))
        moving.addWidget(self.target, 1)
        moving.addWidget(self.move_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.left_out)
        layout.addLayout(moving)
        layout.addWidget(self.buttons)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._fill()
        self._selection_changed()
        self.resize(1120, 560)

    # -- content ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        plan = self._plan
        for entry in plan.incoming:
            root = plan.replies_of.get(entry.comment.id)
            parent = self._rows.get(root) if root is not None else None
            row = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            row.setData(0, Qt.ItemDataRole.UserRole, entry.comment.id)
            row.setText(AUTHOR, entry.comment.author or self.tr("(no author)"))
            row.setText(DATE, self._date(entry))
            text = " ".join(entry.comment.text.split())
            row.setText(TEXT, text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…")
            row.setToolTip(TEXT, entry.comment.text[:2000])
            self._rows[entry.comment.id] = row
            self._show_landing(entry)
        self.tree.expandAll()
        # Where a comment lands is never cut short; the comment's text is (all of it in its tooltip).
        header = self.tree.header()
        for column in (LANDS, AUTHOR, DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(NOTE, 240)  # a long note is whole in its tooltip
        header.setStretchLastSection(True)
        self.summary.setText(self._summary_text())
        lines = [
            self.tr("Left out (longer than a comment can hold): %1: %2…")
            .replace("%1", item.author)
            .replace("%2", " ".join(item.excerpt.split()))
            for item in plan.left_out
        ]
        self.left_out.setText("\n".join(lines))
        self.left_out.setVisible(bool(lines))

    def _show_landing(self, entry: Incoming) -> None:
        row = self._rows[entry.comment.id]
        root = self._plan.replies_of.get(entry.comment.id)
        notes = [self._note(note) for note in entry.notes]
        moved = self.moves.get(entry.comment.id)
        if root is not None:
            lands = self.tr("Reply, with its thread")
        elif moved is not None:
            lands = self._target_name(moved)
            notes.insert(0, self.tr("Moved by you"))
        elif entry.placed:
            lands = self._describe(entry.anchor)
        else:
            lands = self.tr("General comments: could not be placed")
            notes.insert(0, self._reason(entry.reason))
        row.setText(LANDS, lands)
        row.setToolTip(LANDS, self._detail(moved or entry.anchor) if root is None else lands)
        row.setText(NOTE, "; ".join(notes))
        row.setToolTip(NOTE, "\n".join(notes))
        font = QFont(row.font(LANDS))
        font.setBold(not entry.placed and moved is None and root is None)
        row.setFont(LANDS, font)

    def _summary_text(self) -> str:
        plan = self._plan
        parts = [self.tr("%n comment(s) will be added.", "", len(plan.incoming))]
        if plan.unplaced:
            parts.append(
                self.tr(
                    "%n could not be placed: they go to the general comments unless you move them to an item.",
                    "",
                    len(plan.unplaced),
                )
            )
        if plan.resolve:
            parts.append(self.tr("%n thread(s) will be marked resolved.", "", len(plan.resolve)))
        if plan.known:
            parts.append(self.tr("%n were already in the proposal.", "", plan.known))
        if plan.left_out:
            parts.append(self.tr("%n cannot be imported.", "", len(plan.left_out)))
        parts.append(self.tr("Nothing is stored until you choose Import."))
        return " ".join(parts)

    def _date(self, entry: Incoming) -> str:
        if any(kind in ("no-date", "bad-date") for kind, _ in entry.notes):
            return self.tr("(import time)")
        moment = QDateTime.fromSecsSinceEpoch(int(entry.comment.created_at.timestamp()))
        return self._locale.toString(moment, QLocale.FormatType.ShortFormat)

    def _note(self, note: Note) -> str:
        kind, detail = note
        if kind == "no-date":
            return self.tr("No date: stored with the time of the import")
        if kind == "bad-date":
            return self.tr("Date %1 cannot be right: stored with the time of the import").replace("%1", detail)
        return self.tr("No author")

    def _reason(self, reason: str | None) -> str:
        if reason == "deleted":
            return self.tr("its item is no longer in the proposal")
        if reason == "changed":
            return self.tr("its table row was changed after the export")
        if reason == "no-bookmarks":
            return self.tr("the document lost the marks of its items")
        if reason == "unknown-anchor":
            return self.tr("it points at no item of this proposal")
        return self.tr("it is not on the document's text")

    def _target_name(self, anchor: Anchor) -> str:
        return self.tr("General comments (the whole proposal)") if anchor == WHOLE_PROPOSAL else self._describe(anchor)

    # -- moving -------------------------------------------------------------------------------------------

    def _selected_roots(self) -> list[str]:
        roots = []
        for row in self.tree.selectedItems():
            comment_id = str(row.data(0, Qt.ItemDataRole.UserRole))
            root = self._plan.replies_of.get(comment_id, comment_id)
            if root in self._rows and root not in roots:
                roots.append(root)
        return roots

    def _selection_changed(self) -> None:
        self.move_button.setEnabled(bool(self._selected_roots()))

    def _move_selected(self) -> None:
        index = self.target.currentIndex()
        if not 0 <= index < len(self._targets):
            return
        anchor = self._targets[index]
        entries = {entry.comment.id: entry for entry in self._plan.incoming}
        for root in self._selected_roots():
            self.moves[root] = anchor
            self._show_landing(entries[root])


def preview_import(
    parent: QWidget | None,
    plan: ImportPlan,
    describe: Callable[[Anchor], str],
    targets: Sequence[Anchor],
    lang: str,
    detail: Callable[[Anchor], str] | None = None,
) -> dict[str, Anchor] | None:
    """Show the preview; return the facilitator's moves when they choose Import, None when they cancel.

    describe names a place in few words (code and field label); detail, shown on hover, may add the item's name.
    """
    dialog = ImportPreview(plan, describe, targets, lang, parent, detail)
    try:
        return dialog.moves if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
