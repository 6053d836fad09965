"""A snapshot shown read-only in the editor's own pages, over an in-memory stand-in for the document file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from export.docx_export import Progress
from export.options import ExportOptions
from matrices.proposal import Proposal
from storage.atomic import write_atomic
from storage.errors import ReadOnlyDocumentError
from storage.outputs import check_outputs
from ui.context import UiContext
from ui.editor import EditorView
from ui.pages.base import Page
from ui.pages.editor_pages import default_pages
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.widgets.banner import BannerKind
from ui.workers import Send
from ui.writer import DocumentWriter

PageFactory = Callable[[DocumentSession, UiContext], list[Page]]


class SnapshotDocument:
    """A read-only stand-in for the document file: the session over a snapshot refuses every edit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = True
        self.read_only_reason = "it is a snapshot"
        self.locked_by: str | None = None

    def save(self, proposal: Proposal) -> None:
        """Refuse: a snapshot is never written."""
        del proposal
        raise ReadOnlyDocumentError("cannot be changed: it is a snapshot", self.path)

    def close(self) -> None:
        """Nothing to release."""


class SnapshotViewer(QDialog):
    """A snapshot in the editor's pages, read-only; its review step exports the snapshot to Word."""

    def __init__(
        self,
        proposal: Proposal,
        title: str,
        context: UiContext,
        source: Path,
        page_factory: PageFactory | None = None,
        parent: QWidget | None = None,
        *,
        writer: DocumentWriter,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snapshot: %1").replace("%1", title))
        self.resize(1200, 800)
        # A snapshot is never written: the session refuses every edit (the writer is there for the type's sake).
        self.session = DocumentSession(SnapshotDocument(source), proposal, self, writer=writer)
        pages = (page_factory or default_pages)(self.session, context)
        review = ReviewPage(self.session, context, self._exporter(context))
        self.editor = EditorView(self.session, context, pages, review, self)
        self.editor.banner.show_message(
            self.tr("You are looking at the snapshot “%1”. It cannot be changed here.").replace("%1", title),
            BannerKind.INFO,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def _exporter(self, context: UiContext) -> Callable[[Path, ExportOptions, Callable[[Progress], None]], None]:
        def export(target: Path, options: ExportOptions, progress: Callable[[Progress], None]) -> None:
            check_outputs([target], inputs=[self.session.path])
            proposal = self.session.proposal.model_copy(deep=True)  # the worker reads its own copy

            def work(send: Send) -> None:
                write_atomic(target, context.export_docx(proposal, options, progress=send))

            self.session.writer.workers.run_responsive(work, progress, name="pmx-word-export")

        return export
