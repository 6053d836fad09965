"""The cohort table: one row per .pmx of the reviewed folder, from its summary (or its error), read-only."""

from __future__ import annotations

import unicodedata
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.localized import COURSE_LANGUAGE, Lang
from matrices.review import MATRIX_KEYS
from matrices.summary import ProposalSummary
from storage.moodle import participant_label, sent_text
from storage.review_csv import column_heading, display_name, matrix_heading, summary_cells
from storage.summary import ReviewEntry, Stamp
from ui.widgets.plain_text import literal, optional_literal

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
"""A value that sorts the column as a person expects (numbers as numbers, unreadable files last)."""
SCORES_ROLE = Qt.ItemDataRole.UserRole + 11
"""The completeness column's scores, [(matrix heading, percent), ...], drawn as bars by the delegate."""
PATH_ROLE = Qt.ItemDataRole.UserRole + 12
"""The row's file path (any column)."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 13
"""The row's text for the filter box: every column, lower case, accents removed (any column)."""

ERROR_COLOR = QColor("#b3261e")


class Column(IntEnum):
    """The columns of the cohort table, in order."""

    FILE = 0
    TITLE = 1
    AUTHORS = 2
    INSTITUTION = 3
    POLICY_AREA = 4
    STATUS = 5
    COMPLETENESS = 6
    FINDINGS = 7
    COMMENTS = 8
    MODIFIED = 9
    SUBMITTED = 10
    PARTICIPANT = 11
    PARTICIPANT_ID = 12
    REVIEWED = 13


PARTICIPANT_COLUMNS = (Column.PARTICIPANT, Column.PARTICIPANT_ID, Column.REVIEWED)
"""Shown only for a Moodle download, whose rows are its participants."""
NOTE_COLOR = QColor("#5f6368")


def fold(text: str) -> str:
    """Return text lower-cased without accents, so that 'migracion' finds 'Migración'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class CohortModel(QAbstractTableModel):
    """Rows of ReviewEntry, kept by path; upsert() and remove() follow the folder as it changes."""

    def __init__(
        self, catalogs: Catalogs, field_model: FieldModel, lang: Lang = COURSE_LANGUAGE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogs = catalogs
        self._field_model = field_model
        self._lang: Lang = lang
        self._root: Path | None = None
        self._entries: list[ReviewEntry] = []
        self._rows: dict[Path, int] = {}
        self._cells: list[dict[str, str]] = []

    # ---- content -----------------------------------------------------------------------------------------

    def reset(self, root: Path | None) -> None:
        """Forget every row; names are shown relative to root from now on."""
        self.beginResetModel()
        self._root = root
        self._entries, self._rows, self._cells = [], {}, []
        self.endResetModel()

    def upsert(self, entries: list[ReviewEntry]) -> None:
        """Add the entries of new files and replace those of files already listed."""
        added: list[ReviewEntry] = []
        for entry in entries:
            row = self._rows.get(entry.path)
            if row is None:
                added.append(entry)
                continue
            self._entries[row] = entry
            self._cells[row] = self._cells_of(entry)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        if added:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for entry in added:
                self._rows[entry.path] = len(self._entries)
                self._entries.append(entry)
                self._cells.append(self._cells_of(entry))
            self.endInsertRows()

    def remove(self, paths: set[Path]) -> None:
        """Remove the rows of files that are gone."""
        for row in sorted((self._rows[p] for p in paths if p in self._rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row], self._cells[row]
            self.endRemoveRows()
        self._rows = {entry.path: row for row, entry in enumerate(self._entries)}

    def set_language(self, lang: Lang) -> None:
        """Show catalogue labels (policy area, status) and the field model's headings in lang."""
        self._lang = lang
        self._cells = [self._cells_of(entry) for entry in self._entries]
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(Column) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def entries(self) -> list[ReviewEntry]:
        """Return every entry, in insertion order."""
        return list(self._entries)

    def entry(self, row: int) -> ReviewEntry:
        """Return the entry of a source row."""
        return self._entries[row]

    def stamps(self) -> dict[Path, Stamp | None]:
        """Return each listed file's stamp as it was when read."""
        return {entry.path: entry.stamp for entry in self._entries}

    @property
    def root(self) -> Path | None:
        """Return the reviewed folder."""
        return self._root

    def _cells_of(self, entry: ReviewEntry) -> dict[str, str]:
        cells = {"file": display_name(entry, self._root)}
        if entry.summary is not None:
            cells.update(summary_cells(entry.summary, self._catalogs, self._lang))
        submitter = entry.submitter
        if submitter is not None:
            cells["participant"] = participant_label(submitter.name, submitter.participant_id, self._lang)
            cells["participant_id"] = str(submitter.participant_id)
            cells["reviewed"] = self.tr("Reviewed") if submitter.reviewed else ""
            cells["sent"] = sent_text(submitter.status).get(self._lang)
        cells["search"] = fold(" ".join(cells.values()) + " " + (entry.error or ""))
        return cells

    # ---- Qt model ----------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Return the number of files listed (0 below a row: this is a flat table)."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Return the number of columns."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows can be selected (for a batch export), never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headings and their explanations."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headings()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(Column(section))
        return None

    def _headings(self) -> list[str]:
        return [
            self.tr("File"),
            self.tr("Title"),
            self.tr("Authors"),
            self.tr("Institution"),
            *(column_heading(key, self._field_model).get(self._lang) for key in ("policy_area", "status")),
            self.tr("Completeness (G, P, S, A, I)"),
            self.tr("Errors / warnings"),
            self.tr("Comments: open / resolved"),
            self.tr("Last modified"),
            self.tr("Last submitted"),
            self.tr("Participant"),
            self.tr("ID"),
            self.tr("Reviewed"),
        ]

    def _header_tip(self, column: Column) -> str | None:
        if column == Column.COMPLETENESS:
            return self.tr("Completeness of each matrix: general data, problem, strategy, actors, instruments")
        if column == Column.FINDINGS:
            return self.tr("Findings of the completeness and consistency rules still open")
        if column == Column.COMMENTS:
            return self.tr("Review comment threads: open, and resolved")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, sort value, bars, colour or tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, cells, column = self._entries[index.row()], self._cells[index.row()], Column(index.column())
        if role == PATH_ROLE:
            return entry.path
        if role == SEARCH_ROLE:
            return cells["search"]
        if column in PARTICIPANT_COLUMNS:
            return self._participant_data(entry, cells, column, role)
        summary = entry.summary
        if summary is None:
            return self._error_data(entry, cells, column, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, cells, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._tooltip(entry, summary, cells, column))
        if role == SORT_ROLE:
            return (0, self._sort_value(summary, cells, column))
        if role == SCORES_ROLE and column == Column.COMPLETENESS:
            return [(self._matrix_heading(key), summary.score(key)) for key in MATRIX_KEYS]
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.FINDINGS and summary.errors:
            return ERROR_COLOR
        return None

    def _participant_data(self, entry: ReviewEntry, cells: dict[str, str], column: Column, role: int) -> Any:
        """Return a participant's name, id or reviewed mark (a row of a Moodle download)."""
        submitter = entry.submitter
        if submitter is None:
            return None
        key = {Column.PARTICIPANT: "participant", Column.PARTICIPANT_ID: "participant_id"}.get(column, "reviewed")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells[key]
        if role == SORT_ROLE:
            if column == Column.PARTICIPANT_ID:
                return (0, submitter.participant_id)
            return (0, submitter.reviewed) if column == Column.REVIEWED else (0, cells[key].casefold())
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.REVIEWED:
            return self.tr("Your working copy of this proposal holds review comments")
        return None

    def _error_data(self, entry: ReviewEntry, cells: dict[str, str], column: Column, role: int) -> Any:
        """Return what an unreadable file's row shows: its name, then its error in red (a note in grey)."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._error_text(entry, cells, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = str(entry.path) if column == Column.FILE else self._error_text(entry, cells, column)
            return optional_literal(text)
        if role == SORT_ROLE:
            # Unreadable files sort together after the others, by name, whatever the column.
            return (1, cells["file"].casefold())
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_COLOR if entry.error is not None else NOTE_COLOR
        if role == Qt.ItemDataRole.DecorationRole and column == Column.FILE and entry.error is not None:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else None
        return None

    def _error_text(self, entry: ReviewEntry, cells: dict[str, str], column: Column) -> str | None:
        if column == Column.FILE:
            return cells["file"]
        if column == Column.TITLE:
            if entry.error is None and entry.submitter is not None:
                return cells["sent"]  # a participant who sent no single proposal: what they sent instead
            return self.tr("Cannot be read: %1").replace("%1", entry.error or "")
        return None

    def _text(self, summary: ProposalSummary, cells: dict[str, str], column: Column) -> str:
        if column == Column.COMPLETENESS:
            return " · ".join(f"{self._matrix_heading(key)} {summary.score(key)} %" for key in MATRIX_KEYS)
        if column == Column.FINDINGS:
            return f"{summary.errors} / {summary.warnings}"
        if column == Column.COMMENTS:
            return f"{summary.comments_open} / {summary.comments_resolved}"
        key = _CELL_KEYS[column]
        return cells[key]

    def _tooltip(self, entry: ReviewEntry, summary: ProposalSummary, cells: dict[str, str], column: Column) -> str:
        if column == Column.FILE:
            return str(entry.path)
        if column == Column.COMPLETENESS:
            return "\n".join(f"{self._matrix_heading(key)}: {summary.score(key)} %" for key in MATRIX_KEYS)
        if column == Column.FINDINGS:
            return (
                self.tr("%1 error(s), %2 warning(s)")
                .replace("%1", str(summary.errors))
                .replace("%2", str(summary.warnings))
            )
        if column == Column.COMMENTS:
            return (
                self.tr("%1 open, %2 resolved")
                .replace("%1", str(summary.comments_open))
                .replace("%2", str(summary.comments_resolved))
            )
        return self._text(summary, cells, column)

    def _sort_value(self, summary: ProposalSummary, cells: dict[str, str], column: Column) -> Any:
        if column == Column.COMPLETENESS:
            return sum(summary.score(key) for key in MATRIX_KEYS)
        if column == Column.FINDINGS:
            return (summary.errors, summary.warnings)
        if column == Column.COMMENTS:
            return (summary.comments_open, summary.comments_resolved)
        if column == Column.MODIFIED:
            return summary.last_modified.timestamp() if summary.last_modified else 0.0
        if column == Column.SUBMITTED:
            return summary.last_submitted.timestamp() if summary.last_submitted else 0.0
        return cells[_CELL_KEYS[column]].casefold()

    def _matrix_heading(self, key: str) -> str:
        return matrix_heading(key).get(self._lang)


_CELL_KEYS = {
    Column.FILE: "file",
    Column.TITLE: "title",
    Column.AUTHORS: "authors",
    Column.INSTITUTION: "institution",
    Column.POLICY_AREA: "policy_area",
    Column.STATUS: "status",
    Column.MODIFIED: "modified",
    Column.SUBMITTED: "submitted",
}
