"""The "Review a folder" view: every proposal of a folder in one sortable, filterable table that follows the folder.

Built by the controller with reference data only (no settings); it expresses intents through signals:
double-clicking a proposal emits open_for_review_requested(path). Nothing here ever writes a .pmx.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from matrices.catalogs import Catalogs
from matrices.localized import COURSE_LANGUAGE, Lang
from matrices.rules import Rulebook
from storage.errors import DocumentError
from storage.filenames import from_dialog, shown, shown_name
from storage.moodle import is_download
from storage.outputs import check_table_output
from storage.review_csv import write_review_csv
from storage.summary import ReviewEntry, file_stamp, find_documents
from ui.dashboard.batch import BatchExporter, BatchResult
from ui.dashboard.delegate import CompletenessDelegate
from ui.dashboard.feedback_dialog import FeedbackDialog, run_feedback
from ui.dashboard.loader import SummaryLoader
from ui.dashboard.model import PARTICIPANT_COLUMNS, PATH_ROLE, CohortModel, Column
from ui.dashboard.moodle_source import MoodleSource
from ui.dashboard.proxy import CohortFilter
from ui.dashboard.watcher import FolderWatcher
from ui.messages import error_details, error_message
from ui.widgets.plain_text import literal, plain_label
from ui.workers import Send, Workers

COLUMN_WIDTHS = {
    Column.FILE: 150,
    Column.TITLE: 280,
    Column.AUTHORS: 160,
    Column.INSTITUTION: 160,
    Column.POLICY_AREA: 160,
}


def subfolders(folder: Path) -> list[Path]:
    """Return folder and every visible subfolder below it."""
    found = [folder]
    for root, dirs, _files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / d for d in dirs)
    return found


class DashboardView(QWidget):
    """The cohort of a folder: one row per .pmx with its summary, or its error when it cannot be read."""

    open_for_review_requested = Signal(object)
    """Emitted with the Path of a proposal to open read-only for review."""
    folder_changed = Signal(object)
    """Emitted with the Path of the folder now reviewed (the controller may remember it)."""

    def __init__(
        self,
        catalogs: Catalogs,
        rulebook: Rulebook,
        lang: Lang = COURSE_LANGUAGE,
        parent: QWidget | None = None,
        *,
        workers: Workers,
    ) -> None:
        super().__init__(parent)
        self._catalogs, self._rulebook, self._lang = catalogs, rulebook, lang
        self._workers = workers
        """Where the summaries are read, the Word files exported and the Moodle feedback made (ui/workers.py)."""
        self._folder: Path | None = None
        self._moodle: MoodleSource | None = None
        """Set while the reviewed source is a Moodle download: its rows are participants."""
        self.last_report: QMessageBox | None = None
        """The message that reported the last batch export (shown without blocking)."""
        self.model = CohortModel(catalogs, rulebook.field_model, lang, self)
        self.proxy = CohortFilter(self)
        self.proxy.setSourceModel(self.model)
        self.loader = SummaryLoader(rulebook, workers, self)
        self.watcher = FolderWatcher(self)
        self._build()
        self.loader.entries_loaded.connect(self.model.upsert)
        self.loader.progress.connect(self._on_progress)
        self.loader.finished.connect(self._on_finished)
        self.watcher.changed.connect(self.rescan)
        self.model.rowsInserted.connect(self._update_counts)
        self.model.rowsRemoved.connect(self._update_counts)
        self.model.modelReset.connect(self._update_counts)
        self.model.dataChanged.connect(self._update_counts)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)
        self.retranslate()

    # ---- building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        self._heading = QLabel(self)
        self._heading.setStyleSheet("font-size: 18px; font-weight: 600; color: #0b3d6e;")
        self._folder_label = plain_label(self)  # a folder's name is untrusted text like any other
        self._folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self._choose_folder)
        self.download_button = QPushButton(self)
        self.download_button.setObjectName("openMoodleDownload")
        self.download_button.clicked.connect(self._choose_download)
        self.recursive_box = QCheckBox(self)
        self.recursive_box.toggled.connect(self._on_recursive_toggled)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.rescan)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self._count_label = QLabel(self)
        self.table = self._build_table()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.hide()
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open_current)
        self.word_button = QPushButton(self)
        self.word_button.clicked.connect(self._choose_word_folder)
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(self._choose_csv_file)
        self.feedback_button = QPushButton(self)
        self.feedback_button.setObjectName("moodleFeedback")
        self.feedback_button.clicked.connect(self._ask_feedback)
        self.feedback_button.hide()

        top = QHBoxLayout()
        top.addWidget(self._heading)
        top.addWidget(self._folder_label, 1)
        for widget in (self.choose_button, self.download_button, self.recursive_box, self.refresh_button):
            top.addWidget(widget)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self._count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_bar)
        bottom.addStretch(1)
        for button in (self.open_button, self.word_button, self.feedback_button, self.csv_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.FILE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setItemDelegateForColumn(Column.COMPLETENESS, CompletenessDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        for column in (Column.STATUS, Column.FINDINGS, Column.COMMENTS, Column.MODIFIED, Column.SUBMITTED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(Column.COMPLETENESS, 5 * 42 + 8)
        for offset, column in enumerate(PARTICIPANT_COLUMNS):
            header.moveSection(header.visualIndex(column), offset)  # who comes first, when the rows are people
            table.setColumnHidden(column, True)
        table.setColumnWidth(Column.PARTICIPANT, 200)
        for column in (Column.PARTICIPANT_ID, Column.REVIEWED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(self._on_double_clicked)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    def retranslate(self) -> None:
        """Re-apply texts in the interface language."""
        self.setWindowTitle(self.tr("Review a folder"))
        moodle = self._moodle is not None
        self._heading.setText(self.tr("Review a Moodle download") if moodle else self.tr("Review a folder"))
        self.choose_button.setText(self.tr("Choose folder…"))
        self.download_button.setText(self.tr("Open Moodle download…"))
        self.feedback_button.setText(self.tr("Feedback for Moodle…"))
        self.recursive_box.setText(self.tr("Include subfolders"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by file, title, author, institution, area…"))
        self.open_button.setText(self.tr("Open for review"))
        self.csv_button.setText(self.tr("Export table as CSV…"))
        self._show_folder()
        self._update_buttons()
        self._update_counts()

    def set_language(self, lang: Lang) -> None:
        """Show catalogue labels in lang and re-apply the interface texts (after the translators changed)."""
        self._lang = lang
        self.model.set_language(lang)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's translators change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- the folder ----------------------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        """Return the reviewed folder."""
        return self._folder

    def open_folder(self, folder: Path, recursive: bool | None = None) -> None:
        """Review folder (and its subfolders when recursive): list its files and read their summaries.

        A Moodle submissions download (its zip, or the folder it was unpacked into) lists its participants.
        """
        if is_download(Path(folder)):
            self.open_download(Path(folder))
            return
        self._set_moodle(None)
        self._folder = Path(folder)
        if recursive is not None:
            self.recursive_box.blockSignals(True)
            self.recursive_box.setChecked(recursive)
            self.recursive_box.blockSignals(False)
        self.loader.cancel()
        self.model.reset(self._folder)
        self._show_folder()
        self.folder_changed.emit(self._folder)
        self.rescan()

    def open_download(self, source: Path) -> bool:
        """Review a Moodle download: one row per participant, read in the background; False when refused."""
        try:
            moodle = MoodleSource(Path(source), self._rulebook)
        except DocumentError as exc:
            QMessageBox.warning(self, self.tr("Open Moodle download"), literal(f"{error_message(exc)}\n\n{exc}"))
            return False
        self.loader.cancel()
        self._set_moodle(moodle)
        self._folder = moodle.source
        self.model.reset(moodle.source)
        self._show_folder()
        self.folder_changed.emit(self._folder)
        self.rescan()
        return True

    def _set_moodle(self, moodle: MoodleSource | None) -> None:
        self._moodle = moodle
        for column in PARTICIPANT_COLUMNS:
            self.table.setColumnHidden(column, moodle is None)
        self.recursive_box.setVisible(moodle is None)
        self.word_button.setVisible(moodle is None)
        self.feedback_button.setVisible(moodle is not None)
        self.table.sortByColumn(Column.PARTICIPANT if moodle else Column.FILE, Qt.SortOrder.AscendingOrder)
        self.retranslate()

    def _rescan_download(self, moodle: MoodleSource) -> None:
        """Read again the rows of participants whose working copy appeared or changed (all, for a new zip)."""
        if moodle.source_changed():
            self.open_download(moodle.source)
            return
        removed, stale = moodle.changed(self.model.stamps())
        self.model.remove(removed)
        self.watcher.watch(*moodle.watched())
        read, close = moodle.row_reader()
        self.loader.load_items(stale, read, close)

    def rescan(self) -> None:
        """List the folder again: read new and changed files, drop vanished ones, watch what is there now."""
        folder = self._folder
        if folder is None:
            return
        if self._moodle is not None:
            self._rescan_download(self._moodle)
            return
        recursive = self.recursive_box.isChecked()
        try:
            paths = find_documents(folder, recursive) if folder.is_dir() else []
            folders = subfolders(folder) if recursive else [folder]
        except OSError:
            paths, folders = [], [folder]
        listed = self.model.stamps()
        self.model.remove(set(listed) - set(paths))
        # A file listed with an error stays stale until it changes; a file still loading is asked for again.
        changed = [path for path in paths if path not in listed or listed[path] != file_stamp(path)]
        self.watcher.watch(folders, paths)
        self.loader.load(changed)

    def _on_recursive_toggled(self, _checked: bool) -> None:
        if self._folder is not None:
            self.open_folder(self._folder)

    def _choose_download(self) -> None:
        start = str(self._folder.parent if self._folder else Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a Moodle submissions download"), start, self.tr("Zip files (*.zip)")
        )
        if chosen:
            self.open_download(Path(chosen))

    def _choose_folder(self) -> None:
        start = str(self._folder) if self._folder else ""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of proposals"), start)
        if chosen:
            self.open_folder(Path(chosen))

    def _show_folder(self) -> None:
        self._folder_label.setText(str(self._folder) if self._folder else self.tr("No folder chosen yet."))

    # ---- loading feedback -------------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.tr("Reading %1 of %2…").replace("%1", str(done)).replace("%2", str(total)))
        self.progress_bar.setVisible(done < total)

    def _on_finished(self) -> None:
        self.progress_bar.hide()
        self._update_counts()

    def _update_counts(self) -> None:
        entries = self.model.entries()
        unreadable = sum(1 for entry in entries if entry.error is not None)
        counted = (
            self.tr("%1 participants, %2 shown") if self._moodle is not None else self.tr("%1 proposals, %2 shown")
        )
        text = counted.replace("%1", str(len(entries))).replace("%2", str(self.proxy.rowCount()))
        if unreadable:
            text += " · " + self.tr("%1 cannot be read").replace("%1", str(unreadable))
        if self._moodle is not None:
            reviewed = sum(1 for entry in entries if entry.submitter is not None and entry.submitter.reviewed)
            text += " · " + self.tr("%1 reviewed").replace("%1", str(reviewed))
        self._count_label.setText(text)

    # ---- selection and intents --------------------------------------------------------------------------

    def visible_entries(self) -> list[ReviewEntry]:
        """Return the entries shown, in the order shown (filtered and sorted)."""
        rows = (self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in range(self.proxy.rowCount()))
        return [self.model.entry(row) for row in rows]

    def selected_entries(self) -> list[ReviewEntry]:
        """Return the selected entries, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.entry(self.proxy.mapToSource(self.proxy.index(row, 0)).row()) for row in rows]

    def _update_buttons(self) -> None:
        selected = self.selected_entries() if self.table.selectionModel() else []
        readable = [entry for entry in selected if entry.ok]
        self.open_button.setEnabled(len(readable) == 1)
        if readable:
            self.word_button.setText(self.tr("Export %1 selected to Word…").replace("%1", str(len(readable))))
        else:
            self.word_button.setText(self.tr("Export all to Word…"))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        if path is not None and entry.ok:
            self.open_for_review(entry)

    def _open_current(self) -> None:
        readable = [entry for entry in self.selected_entries() if entry.ok]
        if len(readable) == 1:
            self.open_for_review(readable[0])

    def open_for_review(self, entry: ReviewEntry) -> None:
        """Ask to open a row's proposal for review: for a download, the working copy (made on first use)."""
        path = entry.path
        if self._moodle is not None:
            try:
                path = self._moodle.working_copy(entry)
            except (DocumentError, OSError, LookupError) as exc:
                text = f"{error_message(exc, entry.path)}\n\n{error_details(exc)}"
                QMessageBox.warning(self, self.tr("Open for review"), literal(text))
                return
            self.rescan()
        self.open_for_review_requested.emit(path)

    # ---- batch export -----------------------------------------------------------------------------------

    def _choose_word_folder(self) -> None:
        out_dir = QFileDialog.getExistingDirectory(self, self.tr("Choose where to write the Word files"))
        if out_dir:
            self.export_word_to(from_dialog(out_dir))

    def export_word_to(self, out_dir: Path, paths: list[Path] | None = None) -> BatchResult:
        """Export paths (default: the selected readable proposals, or all shown) to out_dir, with a progress dialog."""
        if paths is None:
            chosen = [entry for entry in self.selected_entries() if entry.ok]
            paths = [entry.path for entry in chosen or self.visible_entries() if entry.ok]
        dialog = QProgressDialog(self.tr("Exporting to Word…"), self.tr("Cancel"), 0, max(len(paths), 1), self)
        dialog.setWindowTitle(self.tr("Export to Word"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)

        cancelled = threading.Event()
        dialog.canceled.connect(cancelled.set)

        def show(step: tuple[int, Path]) -> None:
            done, source = step
            dialog.setLabelText(
                self.tr("Exporting %1 (%2 of %3)…")
                .replace("%1", shown_name(source))
                .replace("%2", str(min(done + 1, len(paths))))
                .replace("%3", str(len(paths)))
            )
            dialog.setValue(done)

        exporter = BatchExporter(self._catalogs, self._rulebook)
        sources = list(paths)

        def work(send: Send) -> BatchResult:
            def progress(done: int, source: Path) -> bool:
                send((done, source))
                return not cancelled.is_set()

            return exporter.run(sources, out_dir, progress)

        try:
            # On a worker of the application's policy: the window and the Cancel button stay live meanwhile.
            result: BatchResult = self._workers.run_responsive(work, show, name="pmx-word-batch")
        except DocumentError as exc:  # an output would replace a proposal: nothing was written
            dialog.reset()
            dialog.deleteLater()
            QMessageBox.warning(self, self.tr("Export to Word"), literal(error_message(exc)))
            return BatchResult()
        dialog.reset()
        dialog.deleteLater()
        self._report_batch(result, out_dir)
        return result

    def _report_batch(self, result: BatchResult, out_dir: Path) -> None:
        """Say what the batch did, without blocking (the failures are listed in the details)."""
        text = (
            self.tr("%1 Word file(s) written to %2.")
            .replace("%1", str(len(result.written)))
            .replace("%2", shown(out_dir))
        )
        if result.cancelled:
            text += " " + self.tr("The export was cancelled.")
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Export to Word"))
        box.setIcon(QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information)
        if result.failed:
            text += " " + self.tr("%1 file(s) could not be exported.").replace("%1", str(len(result.failed)))
            box.setDetailedText("\n".join(f"{shown_name(path)}: {reason}" for path, reason in result.failed))
        box.setTextFormat(Qt.TextFormat.PlainText)  # the folder's name is the reviewer's, or a stranger's
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_report = box
        box.open()

    # ---- Moodle feedback ----------------------------------------------------------------------------------

    def _ask_feedback(self) -> None:
        if self._moodle is None:
            return
        dialog = FeedbackDialog(self._moodle.source, self)
        if dialog.exec() == FeedbackDialog.DialogCode.Accepted:
            run_feedback(self, dialog.request(), self._lang, self._workers)

    # ---- CSV ----------------------------------------------------------------------------------------------

    def _choose_csv_file(self) -> None:
        start = str((self._folder or Path.home()) / "cohort.csv")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export table as CSV"), start, self.tr("CSV files (*.csv)")
        )
        if chosen:
            try:
                self.export_csv_to(Path(chosen))
            except (OSError, DocumentError) as exc:
                QMessageBox.warning(self, self.tr("Export table as CSV"), literal(error_message(exc, Path(chosen))))

    def export_csv_to(self, path: Path) -> None:
        """Write the rows shown (filtered and sorted) as CSV, like `main.py review --csv`."""
        entries = self.visible_entries()
        check_table_output(path, [entry.path for entry in self.model.entries()])
        write_review_csv(path, entries, self._catalogs, self._rulebook.field_model, self._lang, self._folder)

    # ---- closing ------------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop watching and reading (call before the view is destroyed)."""
        self.watcher.clear()
        self.loader.cancel()
        self.loader.wait()

    def closeEvent(self, event: object) -> None:
        """Stop the background work with the window."""
        self.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
