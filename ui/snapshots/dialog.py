"""The snapshots of a document: list them, take one, mark as submitted, view, export, compare and restore."""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.options import ExportOptions
from storage.document import Document, SnapshotInfo
from storage.errors import DocumentError
from storage.filenames import shown
from ui.context import UiContext
from ui.messages import error_details, error_message
from ui.session import DocumentSession
from ui.snapshots.actions import (
    REASON_BEFORE_RESTORE,
    REASON_MANUAL,
    REASON_SUBMITTED,
    export_snapshot,
    mark_as_submitted,
    restore_snapshot,
    stamp,
    take_snapshot,
)
from ui.snapshots.diff_view import CompareDialog
from ui.snapshots.viewer import PageFactory, SnapshotViewer
from ui.widgets.plain_text import literal, plain_label

_ROLE_ID = Qt.ItemDataRole.UserRole + 21
logger = logging.getLogger(__name__)


def local_time(snapshot: SnapshotInfo) -> str:
    """Return when a snapshot was taken, in local time and the interface locale's short format."""
    moment = QDateTime.fromSecsSinceEpoch(int(snapshot.created_at.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:40]


class SnapshotsDialog(QDialog):
    """Lists the document's snapshots, newest first, with the actions on them."""

    navigate_requested = Signal(str, object, object)
    """(matrix, item id or None, field or None) activated in a comparison: the editor can show it."""

    def __init__(
        self,
        session: DocumentSession,
        document: Document,
        context: UiContext,
        parent: QWidget | None = None,
        page_factory: PageFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = document
        self.context = context
        self.page_factory = page_factory
        self.windows: list[QDialog] = []
        """Viewers and comparisons opened from here (kept alive while shown)."""
        self.setWindowTitle(self.tr("Snapshots"))
        self.resize(820, 480)

        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            self.tr(
                "A snapshot is a copy of the whole proposal at one moment. One is kept when you mark the proposal "
                "as submitted and before a restore; you can take one at any time."
            )
        )
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Date"), self.tr("Reason")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setObjectName("snapshots")
        self.list.setAccessibleName(self.tr("Snapshots"))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item, _column: self.view_selected())
        self.status = plain_label(self)  # it quotes snapshot and file names
        self.status.setWordWrap(True)

        self.new_button = self._button(self.tr("New snapshot…"), self.create_snapshot)
        self.submit_button = self._button(self.tr("Mark as submitted…"), self.submit)
        self.view_button = self._button(self.tr("View"), self.view_selected)
        self.compare_button = self._button(self.tr("Compare with now"), self.compare_selected)
        self.export_button = self._button(self.tr("Export to Word…"), self.export_selected)
        self.restore_button = self._button(self.tr("Restore…"), self.restore_selected)
        side = QVBoxLayout()
        for button in (self.new_button, self.submit_button):
            side.addWidget(button)
        side.addSpacing(16)
        for button in (self.view_button, self.compare_button, self.export_button, self.restore_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        if session.read_only:
            for button in (self.new_button, self.submit_button, self.restore_button):
                button.setToolTip(self.tr("This proposal is open read-only."))
        self.reload()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # -- the list ------------------------------------------------------------------------------------------

    def reason_text(self, reason: str) -> str:
        """Return a stored reason as the user reads it."""
        known = {
            REASON_MANUAL: self.tr("Taken on request"),
            REASON_SUBMITTED: self.tr("Submitted"),
            REASON_BEFORE_RESTORE: self.tr("Before a restore"),
        }
        if reason in known:
            return known[reason]
        if reason.startswith("migration"):
            return self.tr("Before the file was updated to a newer format")
        return reason

    def reload(self, select: int | None = None) -> None:
        """Read the snapshots again (newest first) and select the one with id select, or the newest."""
        self.list.clear()
        try:
            snapshots = self.document.list_snapshots()
        except DocumentError as exc:
            # Said once, and not replaced by "no snapshots yet": the file holds some that cannot be read.
            logger.warning("%s: %s", self.document.path, error_details(exc))
            self.snapshots = {}
            self.status.setText(error_message(exc, self.document.path))
            self._update_buttons()
            return
        self.snapshots = {snapshot.id: snapshot for snapshot in snapshots}
        for snapshot in reversed(snapshots):
            row = QTreeWidgetItem(self.list, [snapshot.name, local_time(snapshot), self.reason_text(snapshot.reason)])
            row.setData(0, _ROLE_ID, snapshot.id)
            if snapshot.id == select:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        if not snapshots:
            self.status.setText(self.tr("This proposal has no snapshots yet."))
        self._update_buttons()

    def selected(self) -> SnapshotInfo | None:
        """Return the selected snapshot."""
        row = self.list.currentItem()
        return self.snapshots.get(row.data(0, _ROLE_ID)) if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        writable = not self.session.read_only
        self.new_button.setEnabled(writable)
        self.submit_button.setEnabled(writable)
        for button in (self.view_button, self.compare_button, self.export_button):
            button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen and writable)

    def _fail(self, exc: Exception, path: Path | None = None) -> None:
        # The participant reads what happened to which file in the interface language; the log keeps the English.
        logger.warning("%s: %s", path or self.document.path, error_details(exc))
        text = self.tr("The action failed: %1").replace("%1", error_message(exc, path or self.document.path))
        self.status.setText(text)
        QMessageBox.warning(self, self.windowTitle(), literal(text))

    # -- actions -------------------------------------------------------------------------------------------

    def create_snapshot(self, name: str | None = None) -> SnapshotInfo | None:
        """Take a snapshot named name (asked when None)."""
        if name is None:
            name, accepted = QInputDialog.getText(
                self, self.tr("New snapshot"), self.tr("Name of the snapshot:"), text=stamp()
            )
            if not accepted:
                return None
        try:
            snapshot = take_snapshot(self.session, self.document, name)
        except DocumentError as exc:
            self._fail(exc)
            return None
        self.reload(snapshot.id)
        self.status.setText(self.tr("Snapshot “%1” taken.").replace("%1", snapshot.name))
        return snapshot

    def submit(self, confirm: bool = True) -> SnapshotInfo | None:
        """Mark the proposal as submitted (after asking when confirm)."""
        if confirm and not confirm_submission(self):
            return None
        try:
            snapshot = mark_as_submitted(self.session, self.document)
        except DocumentError as exc:
            self._fail(exc)
            return None
        self.reload(snapshot.id)
        self.status.setText(
            self.tr("Marked as submitted; the snapshot “%1” keeps this version.").replace("%1", snapshot.name)
        )
        return snapshot

    def view_selected(self) -> SnapshotViewer | None:
        """Open the selected snapshot read-only in the editor's pages."""
        snapshot = self.selected()
        if snapshot is None:
            return None
        try:
            proposal = self.document.load_snapshot(snapshot.id)
        except DocumentError as exc:
            self._fail(exc)
            return None
        title = f"{snapshot.name} ({local_time(snapshot)})"
        viewer = SnapshotViewer(
            proposal, title, self.context, self.document.path, self.page_factory, self, writer=self.session.writer
        )
        self._keep(viewer)
        return viewer

    def compare_selected(self) -> CompareDialog | None:
        """Show what changed from the selected snapshot to the proposal as it is now."""
        snapshot = self.selected()
        if snapshot is None:
            return None
        try:
            old = self.document.load_snapshot(snapshot.id)
        except DocumentError as exc:
            self._fail(exc)
            return None
        dialog = CompareDialog(self.context, snapshot.name, old, self.session.proposal, self)
        dialog.tree.item_activated.connect(self.navigate_requested.emit)
        self._keep(dialog)
        return dialog

    def export_selected(self, target: Path | None = None) -> Path | None:
        """Export the selected snapshot to Word at target (asked when None)."""
        snapshot = self.selected()
        if snapshot is None:
            return None
        if target is None:
            suggested = self.document.path.with_name(f"{self.document.path.stem}-{_slug(snapshot.name)}.docx")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the snapshot to Word"), str(suggested), self.tr("Word documents (*.docx)")
            )
            if not name:
                return None
            target = Path(name if name.lower().endswith(".docx") else f"{name}.docx")
        # The export runs on a worker while this window stays live: its buttons wait until the file is written.
        self.setEnabled(False)
        error: DocumentError | OSError | None = None
        try:
            export_snapshot(self.session, self.document, snapshot, target, self.context, ExportOptions())
        except (DocumentError, OSError) as exc:
            error = exc
        finally:
            self.setEnabled(True)
        if error is not None:
            self._fail(error, target)
            return None
        self.status.setText(self.tr("Exported to %1.").replace("%1", shown(target)))
        return target

    def restore_selected(self, confirm: bool = True) -> SnapshotInfo | None:
        """Replace the proposal with the selected snapshot (undoable); return the snapshot kept before."""
        snapshot = self.selected()
        if snapshot is None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore a snapshot"),
                literal(
                    self.tr(
                        "Replace the proposal with the snapshot “%1”? The current version is first kept as a "
                        "snapshot, and Edit ▸ Undo brings it back."
                    ).replace("%1", snapshot.name)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            before = restore_snapshot(self.session, self.document, snapshot)
        except DocumentError as exc:
            self._fail(exc)
            return None
        self.reload(before.id)
        self.status.setText(
            self.tr("Restored “%1”. The previous version is kept as “%2”.")
            .replace("%1", snapshot.name)
            .replace("%2", before.name)
        )
        return before

    def _keep(self, dialog: QDialog) -> None:
        self.windows = [window for window in self.windows if window.isVisible()]
        self.windows.append(dialog)
        dialog.show()


def confirm_submission(parent: QWidget | None) -> bool:
    """Ask whether to mark the proposal as submitted."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Snapshots", "Mark as submitted"),
        QCoreApplication.translate(
            "Snapshots",
            "Mark the proposal as submitted? Its status becomes “In review” and a snapshot keeps this version.",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def submit_with_confirmation(
    session: DocumentSession, document: Document, parent: QWidget | None = None
) -> SnapshotInfo | None:
    """Ask, then mark the proposal as submitted; a failure is shown, not raised (the File menu's action)."""
    if not confirm_submission(parent):
        return None
    try:
        return mark_as_submitted(session, document)
    except DocumentError as exc:
        logger.warning("%s: %s", document.path, error_details(exc))
        reason = error_message(exc, document.path)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Snapshots", "Mark as submitted"),
            literal(QCoreApplication.translate("Snapshots", "The action failed: %1").replace("%1", reason)),
        )
        return None
