"""What the snapshot commands do, apart from any dialog: take, submit, restore, export and compare snapshots.

A snapshot holds the proposal as last saved, so every action first writes the edits still pending. Restoring
replaces the content through one undo command, after the current state was itself kept as a snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime

from export.options import ExportOptions
from matrices.review import Comment
from storage.atomic import write_atomic
from storage.document import Document, SnapshotInfo
from storage.errors import ReadOnlyDocumentError, WriteFailedError
from storage.outputs import check_outputs
from ui.commands import ReplaceProposalCommand, SetValueCommand
from ui.context import UiContext
from ui.session import DocumentSession
from ui.workers import Send

REASON_MANUAL = "manual"
REASON_SUBMITTED = "submitted"
REASON_BEFORE_RESTORE = "before restore"
SUBMITTED_STATUS = "in_review"
"""The proposal status once submitted (enums.json#proposal_status)."""


def stamp() -> str:
    """Return the local date and time as snapshot names show it (2026-11-23 14:05)."""
    return QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")


def _save_pending(session: DocumentSession, document: Document) -> None:
    if document.read_only:
        raise ReadOnlyDocumentError(f"cannot be changed: {document.read_only_reason}", document.path)
    if session.read_only:
        # Review mode: the file takes comments, but a reviewer neither submits, restores nor snapshots it.
        raise ReadOnlyDocumentError("cannot be changed: it is open for review", document.path)
    if not session.save_now():
        raise WriteFailedError("could not be saved", document.path) from session.last_exception


def take_snapshot(session: DocumentSession, document: Document, name: str, reason: str = REASON_MANUAL) -> SnapshotInfo:
    """Save pending edits, then keep a named copy of the proposal; DocumentError when the file refuses."""
    _save_pending(session, document)
    snapshot_name = name.strip() or stamp()
    return session.writer.call(lambda: document.create_snapshot(snapshot_name, reason), name="pmx-snapshot")


def mark_as_submitted(session: DocumentSession, document: Document) -> SnapshotInfo:
    """Set the status to in review (one undo step) and keep the submitted version as a snapshot."""
    _save_pending(session, document)
    pushed = False
    if session.proposal.status != SUBMITTED_STATUS:
        pushed = session.push(
            SetValueCommand(
                session, (), "status", SUBMITTED_STATUS, QCoreApplication.translate("Snapshots", "Mark as submitted")
            )
        )
    try:
        return take_snapshot(
            session,
            document,
            QCoreApplication.translate("Snapshots", "Submitted %1").replace("%1", stamp()),
            REASON_SUBMITTED,
        )
    except Exception:
        # No snapshot, no submission: the status goes back to what it was.
        if pushed:
            session.undo_stack.undo()
        raise


def restore_snapshot(session: DocumentSession, document: Document, snapshot: SnapshotInfo) -> SnapshotInfo:
    """Keep the current state as a snapshot, then replace the content with snapshot's (undoable); return the former."""
    proposal = document.load_snapshot(snapshot.id)
    before = take_snapshot(
        session,
        document,
        QCoreApplication.translate("Snapshots", "Before restore %1").replace("%1", stamp()),
        REASON_BEFORE_RESTORE,
    )
    text = QCoreApplication.translate("Snapshots", "Restore “%1”").replace("%1", snapshot.name)
    session.push(ReplaceProposalCommand(session, proposal, text))
    session.save_now()
    return before


def export_snapshot(
    session: DocumentSession,
    document: Document,
    snapshot: SnapshotInfo,
    target: Path,
    context: UiContext,
    options: ExportOptions | None = None,
    comments: Sequence[Comment] = (),
) -> None:
    """Write a snapshot's proposal as a Word document (atomically), on a worker while the window stays live."""
    check_outputs([target], inputs=[document.path])
    proposal = document.load_snapshot(snapshot.id)
    chosen, kept = options or ExportOptions(), tuple(comments)

    def work(send: Send) -> None:
        write_atomic(target, context.export_docx(proposal, chosen, kept, send))

    session.writer.workers.run_responsive(work, name="pmx-word-export")
