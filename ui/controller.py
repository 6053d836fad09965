"""The controller: opens, creates and closes documents and reacts to the main window's intents."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox

from export.options import ExportOptions
from matrices.base import PROPOSAL_LANGUAGES
from matrices.examples import load_example
from matrices.localized import COURSE_LANGUAGE, languages
from matrices.proposal import Proposal
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentError
from storage.filenames import from_dialog, shown, shown_name
from storage.outputs import check_outputs
from ui.comments.feature import EditorComments
from ui.context import UiContext
from ui.dialogs import NewProposalData, NewProposalDialog, default_folder
from ui.editor import EditorView
from ui.main_window import MainWindow
from ui.messages import error_details, error_message, new_file_problem, read_only_message, review_message
from ui.pages.base import Page
from ui.pages.review import ReviewPage
from ui.session import DocumentSession, SaveState
from ui.settings import Settings
from ui.translation import LanguageSwitcher
from ui.widgets.banner import BannerKind
from ui.widgets.plain_text import literal
from ui.workers import Send
from ui.writer import DocumentWriter

if TYPE_CHECKING:
    from export.docx_export import Progress
    from ui.dashboard.view import DashboardView

logger = logging.getLogger(__name__)
DASHBOARD_SIZE = QSize(1200, 760)

PageFactory = Callable[[DocumentSession, UiContext], list[Page]]


class AppController(QObject):
    """Mu-style controller: the window shows, the controller decides."""

    def __init__(
        self,
        window: MainWindow,
        context: UiContext,
        settings: Settings,
        languages: LanguageSwitcher,
        page_factory: PageFactory,
        *,
        writer: DocumentWriter,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.settings = settings
        self.languages = languages
        self.page_factory = page_factory
        self.writer = writer
        """Writes every open document (content, comments, summary) off the UI thread; its workers run the rest."""
        self.session: DocumentSession | None = None
        self._dashboard: DashboardView | None = None
        self.comments: EditorComments | None = None
        self._failure_banner = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._update_status)
        self._ticker.start()
        window.close_guard = self.close_document
        self._connect_signals()
        window.show_start(settings.recent_files(), settings.recent_titles())

    def _connect_signals(self) -> None:
        w = self.window
        w.new_requested.connect(self.new_proposal)
        w.open_requested.connect(self.choose_and_open)
        w.open_review_requested.connect(self.choose_and_open_for_review)
        w.open_path_requested.connect(self.open_path)
        w.example_requested.connect(self.open_example)
        w.save_requested.connect(self.save_now)
        w.save_as_requested.connect(self.save_as)
        w.export_requested.connect(self.export)
        w.close_document_requested.connect(self._close_to_start)
        w.language_requested.connect(self.set_language)
        w.start.review_folder_requested.connect(self.choose_and_review_folder)
        w.snapshots_requested.connect(self.show_snapshots)
        w.submit_requested.connect(self.mark_submitted)
        w.import_word_comments_requested.connect(self.import_word_comments)

    # ---- documents -----------------------------------------------------------------------------------

    def _documents_folder(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return default_folder(Path(folder) if folder else None, Path.home())

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.window, "Policy Matrix", literal(text))

    def _warn_error(self, exc: BaseException, path: Path) -> None:
        logger.warning("%s: %s", shown(path), error_details(exc))  # the English reason, for whoever helps
        self._warn(error_message(exc, path))

    def open_path(self, path: Path, review: bool = False) -> bool:
        """Open a .pmx in the editor (read-only when another window holds it; content locked for review)."""
        if not self.close_document():
            return False
        try:
            document = Document.open(Path(path))
        except DocumentError as exc:
            self._warn_error(exc, Path(path))
            return False
        try:
            proposal = document.load()
        except DocumentError as exc:
            document.close()  # its lock and its file, now: not whenever the object is collected
            self._warn_error(exc, Path(path))
            return False
        self._show(document, proposal, review)
        return True

    def open_for_review(self, path: Path) -> bool:
        """Open a .pmx to comment on it: its content cannot change, the comments are saved into it."""
        return self.open_path(path, review=True)

    def create_and_open(self, path: Path, proposal: Proposal) -> bool:
        """Write a new document for proposal at path, then edit it."""
        if not self.close_document():
            return False
        try:
            document = Document.create(path, proposal)
        except DocumentError as exc:
            self._warn_error(exc, path)
            return False
        self._show(document, proposal)
        return True

    def _show(self, document: Document, proposal: Proposal, review: bool = False) -> None:
        session = DocumentSession(document, proposal, self, writer=self.writer, content_locked=review)
        self.session = session
        pages = self.page_factory(session, self.context)
        review_page = ReviewPage(session, self.context, self._exporter(session))
        editor = EditorView(session, self.context, pages, review_page)
        self.window.show_editor(editor)
        self._show_comments(document, editor, review)
        session.save_state_changed.connect(lambda _state: self._update_status())
        self._show_state_banner()
        self.settings.add_recent_file(document.path, proposal.title)
        self.window.set_recent_files(self.settings.recent_files(), self.settings.recent_titles())
        self._update_status()

    def _show_state_banner(self) -> None:
        """Say why the open document cannot be changed (and what to do), or that it was converted; else hide."""
        session, editor = self.session, self.window.editor
        if session is None or editor is None or not isinstance(session.document, Document):
            return
        document = session.document
        if document.read_only:
            text = read_only_message(
                document.path, document.locked_by, session.content_locked, document.read_only_problem
            )
            editor.banner.show_message(text, BannerKind.WARNING)
        elif session.content_locked:
            editor.banner.show_message(review_message(), BannerKind.INFO)
        elif document.migrated_from is not None:
            backup = shown_name(document.backup_path) if document.backup_path else ""
            editor.banner.show_message(
                self.tr("This file was made by an older version; it was updated and the original kept as %1.").replace(
                    "%1", backup
                ),
                BannerKind.INFO,
            )
        else:
            editor.banner.clear()

    def _show_comments(self, document: Document, editor: EditorView, review: bool) -> None:
        comments = EditorComments(document, editor, self.context, self.settings, review, self)
        self.comments = comments
        self.window.set_comments_panel(comments.panel)
        # Comments from Word need a file that takes comments (not one held by another window, nor unreadable ones).
        self.window.import_word_comments_action.setEnabled(comments.store.writable)
        if review or any(thread.status == "open" for thread in comments.store.threads()):
            comments.panel.reveal()  # the facilitator comments; the participant reads the feedback

    def show_snapshots(self) -> None:
        """List the open document's snapshots: view, compare, export, restore."""
        from ui.snapshots import SnapshotsDialog  # the snapshot, dashboard and Word modules load when first used

        session = self.session
        if session is None or not isinstance(session.document, Document):
            return
        dialog = SnapshotsDialog(session, session.document, self.context, self.window, self.page_factory)
        if self.window.editor is not None:
            dialog.navigate_requested.connect(self.window.editor.navigate)
        dialog.exec()

    def mark_submitted(self) -> None:
        """Ask, then mark the proposal as submitted (a snapshot the facilitator can compare with later)."""
        from ui.snapshots import submit_with_confirmation

        if self.session is not None and isinstance(self.session.document, Document):
            submit_with_confirmation(self.session, self.session.document, self.window)

    def import_word_comments(self) -> None:
        """Bring the comments a facilitator wrote in an exported .docx into the open proposal."""
        from ui.comments_import import choose_and_import_word_comments

        if self.session is not None and self.comments is not None:
            choose_and_import_word_comments(
                self.session,
                self.comments.store,
                self.window,
                describe=self.comments.names.place,
                lang=self.context.lang,
                detail=self.comments.names.describe,
            )

    def choose_and_review_folder(self) -> None:
        """Ask for a folder of proposals and show the cohort dashboard on it."""
        name = QFileDialog.getExistingDirectory(self.window, self.tr("Review a folder"), str(self._documents_folder()))
        if name:
            self.review_folder(from_dialog(name))

    def review_folder(self, folder: Path) -> DashboardView:
        """Show the dashboard of folder (one window, reused); double-clicking a row opens it for review."""
        from ui.dashboard.view import DashboardView

        if self._dashboard is None:
            # A separate window, but owned by the main one, so that quitting closes it too.
            self._dashboard = DashboardView(
                self.context.catalogs,
                self.context.rulebook,
                self.context.lang,
                self.window,
                workers=self.writer.workers,
            )
            self._dashboard.setWindowFlag(Qt.WindowType.Window)
            # As large as the main window's screen allows (a cohort is a wide table), and Esc closes it.
            available = self.window.screen().availableGeometry()
            self._dashboard.resize(
                min(DASHBOARD_SIZE.width(), available.width() - 40),
                min(DASHBOARD_SIZE.height(), available.height() - 60),
            )
            close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self._dashboard)
            close.activated.connect(self._dashboard.close)
            self._dashboard.open_for_review_requested.connect(self.open_for_review)
            self.window.destroyed.connect(self._dashboard.shutdown)
        self._dashboard.open_folder(folder)
        self._dashboard.show()
        self._dashboard.raise_()
        return self._dashboard

    def choose_and_open_for_review(self) -> None:
        """Ask for a .pmx and open it for review."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open a proposal for review"),
            str(self._documents_folder()),
            self.tr("Proposals (*.pmx)"),
        )
        if name:
            self.open_for_review(from_dialog(name))

    def choose_and_open(self) -> None:
        """Ask for a .pmx and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a proposal"), str(self._documents_folder()), self.tr("Proposals (*.pmx)")
        )
        if name:
            self.open_path(from_dialog(name))

    def new_proposal(self) -> None:
        """Ask the basic data of a new proposal and create its file at once."""
        folder, context = self._documents_folder(), self.context
        dialog = NewProposalDialog(folder, context.field_model, context.lang, self.window, self._create_new)
        dialog.exec()

    def _create_new(self, data: NewProposalData) -> str | None:
        """Create and open the dialog's proposal; return why it could not be (the dialog stays open), or None."""
        problem = new_file_problem(data.path)
        if problem is not None:
            return problem  # said before the open document is closed: nothing changes until it can work
        if not self.close_document():
            return ""  # the participant kept the open document (a save is failing): stay, say nothing more
        proposal = Proposal(
            language=data.language, title=data.title, authors=data.authors, proposing_institution=data.institution
        )
        try:
            document = Document.create(data.path, proposal)
        except DocumentError as exc:
            logger.warning("%s: %s", data.path, error_details(exc))
            return error_message(exc, data.path)
        self._show(document, proposal)
        return None

    def open_example(self, lang: str) -> None:
        """Save a copy of the course's example in lang (one of the proposal languages) where the participant chooses."""
        language = next((code for code in PROPOSAL_LANGUAGES if code == lang), None)
        if language is None:
            return
        # The name a copy of the example is offered under is in the example's own language.
        default = self._documents_folder() / self.context.field_model.text("example.file_name").get(language)
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the example as"), str(default), self.tr("Proposals (*.pmx)")
        )
        if name:
            path = Path(name if name.lower().endswith(".pmx") else f"{name}.pmx")
            self.create_and_open(path, load_example(language))

    def save_now(self) -> None:
        """Write pending edits at once (Ctrl+S)."""
        if self.session is not None:
            self.session.save_now()
            self._update_status()

    def save_pending(self) -> bool:
        """Write the open document's pending edits and comments now; False when some are still unsaved."""
        session, comments = self.session, self.comments
        saved = session is None or session.save_now()
        return (comments is None or comments.save_now()) and saved

    def save_as(self) -> None:
        """Copy the document to a new file and go on editing there."""
        if self.session is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save as"), str(self.session.path), self.tr("Proposals (*.pmx)")
        )
        if name:
            self.save_as_path(Path(name if name.lower().endswith(".pmx") else f"{name}.pmx"))

    def save_as_path(self, path: Path) -> bool:
        """Save As to path: the file is copied, then edits that could not be saved yet are written there."""
        session = self.session
        if session is None or not isinstance(session.document, Document):
            return False
        try:
            check_outputs([path])
            document = session.document
            # After the writes queued before it (a comment, an edit), by the writer like every write of the file.
            self.writer.call(lambda: document.save_as(path), name="pmx-save-as")
        except DocumentError as exc:
            self._warn_error(exc, path)
            return False
        session.save_now()
        self.settings.add_recent_file(path, session.proposal.title)
        self.window.file_label.setText(shown(path))
        self._update_status()
        return True

    def close_document(self) -> bool:
        """Save and close the open document; False when its edits could not be saved and the user kept it."""
        session = self.session
        if session is None:
            return True
        while self.comments is not None and not self.comments.save_now():
            answer = QMessageBox.warning(
                self.window,
                "Policy Matrix",
                literal(
                    self.tr("Your latest comments could not be saved. %1 Save the proposal somewhere else?").replace(
                        "%1", self.comments.store.last_error or ""
                    )
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return False
            self.save_as()
        while not session.close():
            answer = QMessageBox.warning(
                self.window,
                "Policy Matrix",
                literal(
                    self.tr("Your latest changes could not be saved. %1 Save the proposal somewhere else?").replace(
                        "%1", session.last_error or ""
                    )
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return False
            self.save_as()
        if self.comments is not None:
            self.comments.close()
            self.comments.deleteLater()
            self.comments = None
        if isinstance(session.document, Document):
            self.settings.set_recent_title(session.document.path, session.proposal.title)  # renamed while open
        self.session = None
        return True

    def _close_to_start(self) -> None:
        if self.close_document():
            self.window.show_start(self.settings.recent_files(), self.settings.recent_titles())

    # ---- export, language, status ----------------------------------------------------------------------

    def _exporter(self, session: DocumentSession) -> Callable[[Path, ExportOptions, Callable[[Progress], None]], None]:
        def export(target: Path, options: ExportOptions, progress: Callable[[Progress], None]) -> None:
            check_outputs([target], inputs=[session.path])
            # The worker exports a copy: the participant may go on editing while the Word file is made.
            proposal, context = session.proposal.model_copy(deep=True), self.context
            document = session.document if isinstance(session.document, Document) else None
            # The store's comments, not the file's: a comment added a moment ago may still be queued for the
            # writer, or waiting for a failed save to be retried, and the Word file must carry it all the same.
            store = self.comments.store if self.comments is not None else None
            held = store.comments() if store is not None and store.load_error is None else None

            def work(send: Send) -> None:
                comments = held if held is not None else document.load_comments() if document is not None else []
                write_atomic(target, context.export_docx(proposal, options, comments, send))

            self.writer.workers.run_responsive(work, progress, name="pmx-word-export")

        return export

    def export(self) -> None:
        """Go to the review step and export to Word."""
        editor = self.window.editor
        if editor is not None:
            editor.show_step(len(editor.pages) - 1)
            editor.review.export_requested_from_menu()

    def set_language(self, lang: str) -> None:
        """Switch the interface language live and remember it."""
        language = lang if lang in languages() else COURSE_LANGUAGE
        self.settings.language = language
        self.languages.apply(language)
        self.window.set_language(language)
        if self._dashboard is not None:
            self._dashboard.set_language(language)
        if not self._failure_banner:
            self._show_state_banner()
        self._update_status()

    def _update_status(self) -> None:
        session = self.session
        if session is None:
            return
        state = session.save_state
        if session.content_locked and not session.document.read_only:
            text = self.tr("Review mode: comments are saved")
        elif session.read_only:
            text = self.tr("Read-only")
        elif state is SaveState.PENDING:
            text = self.tr("Saving…")
        elif state is SaveState.FAILED:
            text = self.tr("Not saved — retrying")
        else:
            seconds = int(time.time() - (session.last_saved_at or time.time()))
            text = self.tr("Saved %n s ago", "", seconds)
        self.window.save_label.setText(text)
        # The status bar stays short; the reason is in the banner and here, on hover.
        failure = session.last_error if state is SaveState.FAILED and not session.read_only else None
        self.window.save_label.setToolTip(literal(failure) if failure else "")
        self.window.set_title(shown_name(session.path), state is not SaveState.SAVED, session.read_only)
        editor = self.window.editor
        if editor is not None and not session.read_only:
            if state is SaveState.FAILED:
                self._failure_banner = True
                editor.banner.show_message(
                    self.tr(
                        "Your changes could not be saved; they are kept in memory and saving is retried. %1"
                    ).replace("%1", session.last_error or ""),
                    BannerKind.ERROR,
                )
            elif self._failure_banner:
                self._failure_banner = False
                self._show_state_banner()
