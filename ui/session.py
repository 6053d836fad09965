"""One open document: the proposal being edited, its undo stack and continuous saving."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from matrices.proposal import Proposal
from matrices.review import Anchor
from matrices.summary import ProposalSummary
from ui.commands import Change

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 600
MAX_PENDING_MS = 800
"""Continuous typing never pauses for SAVE_DELAY_MS: an edit still waits at most this long, so that whatever was
typed more than a second ago is on disk even if the process is killed mid-sentence."""
"""An edit reaches the file this long after the last keystroke: well inside the one second DESIGN.md allows."""
RETRY_DELAY_MS = 3000


class SaveState(Enum):
    """Where the file stands relative to what is on screen."""

    SAVED = "saved"
    PENDING = "pending"
    FAILED = "failed"


class Storage(Protocol):
    """What the session needs of a document file (storage.document.Document provides it)."""

    path: Path
    read_only: bool

    def save(self, proposal: Proposal) -> object:
        """Write the proposal's changed rows."""

    def close(self) -> None:
        """Release the file and its lock."""

    def save_summary(self, summary: ProposalSummary, proposal: Proposal | None = None) -> bool:
        """Record the cohort summary (completeness, findings) that the facilitator's dashboard reads."""


class DocumentSession(QObject):
    """Holds the proposal, applies undo commands to it and saves it within a second of each edit."""

    changed = Signal(object)
    """Emitted with a Change after every edit, undo or redo."""
    save_state_changed = Signal(object)
    """Emitted with the new SaveState."""
    comments_changed = Signal()
    """Emitted when the review comments change, so that the markers on fields and rows are repainted."""

    def __init__(
        self, document: Storage, proposal: Proposal, parent: QObject | None = None, *, content_locked: bool = False
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.proposal = proposal
        self.content_locked = content_locked
        """Review mode: the file is open for writing (comments are saved) but the proposal may not change."""
        self._comment_marks: dict[Anchor, int] = {}
        self._item_marks: dict[str, int] = {}
        self.undo_stack = QUndoStack(self)
        self.save_state = SaveState.SAVED
        self.last_saved_at: float | None = time.time()
        self.last_error: str | None = None
        self._pending_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)

    @property
    def read_only(self) -> bool:
        """Return whether edits are refused (file locked elsewhere, or opened for review)."""
        return self.content_locked or self.document.read_only

    @property
    def path(self) -> Path:
        """Return the document's file path."""
        return self.document.path

    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit through the undo stack; refused (False) when the document is read-only."""
        if self.read_only:
            return False
        self.undo_stack.push(command)
        return True

    def notify(self, change: Change) -> None:
        """Tell the views about an applied edit and schedule the save (called by the commands)."""
        self.changed.emit(change)
        if not self.read_only:
            now = time.monotonic()
            if self._pending_since is None:
                self._pending_since = now
            if self.save_state == SaveState.FAILED:
                return  # the retry timer is running: a keystroke must not hammer a full disk with attempts
            self._set_state(SaveState.PENDING)
            waited_ms = (now - self._pending_since) * 1000
            self._timer.start(int(max(0.0, min(SAVE_DELAY_MS, MAX_PENDING_MS - waited_ms))))

    def save_now(self) -> bool:
        """Write pending edits at once; on failure keep them in memory and retry later."""
        self._timer.stop()
        if self.read_only or self.save_state == SaveState.SAVED:
            self._pending_since = None
            return True
        try:
            self.document.save(self.proposal)
        except Exception as exc:  # any failure (full disk, folder gone) must leave the edits in memory
            logger.warning("saving %s failed: %s", self.path, exc)
            self.last_error = str(exc)
            self._set_state(SaveState.FAILED)
            self._timer.start(RETRY_DELAY_MS)
            return False
        self.last_error = None
        self._pending_since = None
        self.last_saved_at = time.time()
        self._set_state(SaveState.SAVED)
        return True

    def record_summary(self, summary: ProposalSummary) -> None:
        """Hand the latest summary to the document; it reaches the file with the save of the same content."""
        if self.read_only:
            return
        try:
            self.document.save_summary(summary, self.proposal)
        except Exception as exc:  # a summary is a cache for the dashboard: never let it disturb editing
            logger.warning("recording the summary of %s failed: %s", self.path, exc)

    def close(self) -> bool:
        """Write what is pending and release the file; False if the last save failed (the caller must ask)."""
        saved = self.save_now()
        if saved:
            self.document.close()
        return saved

    def set_comment_marks(self, marks: Mapping[Anchor, int]) -> None:
        """Record how many open comment threads each anchor has, and tell the views to repaint their markers."""
        self._comment_marks = {anchor: count for anchor, count in marks.items() if count > 0}
        self._item_marks = {}
        for (_matrix, item, _field), count in self._comment_marks.items():
            if item is not None:
                self._item_marks[item] = self._item_marks.get(item, 0) + count
        self.comments_changed.emit()

    def comment_count(self, anchor: Anchor) -> int:
        """Return the open comment threads on exactly this (matrix, item, field)."""
        return self._comment_marks.get(anchor, 0)

    def item_comment_count(self, item_id: str | None) -> int:
        """Return the open comment threads on an item or any of its fields (what a row's marker shows)."""
        return self._item_marks.get(item_id, 0) if item_id is not None else 0

    def _set_state(self, state: SaveState) -> None:
        if state != self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state)
