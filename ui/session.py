"""One open document: the proposal being edited, its undo stack and continuous saving."""

from __future__ import annotations

import logging
import time
from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from matrices.proposal import Proposal
from ui.commands import Change

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 600
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


class DocumentSession(QObject):
    """Holds the proposal, applies undo commands to it and saves it within a second of each edit."""

    changed = Signal(object)
    """Emitted with a Change after every edit, undo or redo."""
    save_state_changed = Signal(object)
    """Emitted with the new SaveState."""

    def __init__(self, document: Storage, proposal: Proposal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.proposal = proposal
        self.undo_stack = QUndoStack(self)
        self.save_state = SaveState.SAVED
        self.last_saved_at: float | None = time.time()
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)

    @property
    def read_only(self) -> bool:
        """Return whether edits are refused (file locked elsewhere, or opened for review)."""
        return self.document.read_only

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
            self._set_state(SaveState.PENDING if self.save_state != SaveState.FAILED else SaveState.FAILED)
            self._timer.start(SAVE_DELAY_MS)

    def save_now(self) -> bool:
        """Write pending edits at once; on failure keep them in memory and retry later."""
        self._timer.stop()
        if self.read_only or self.save_state == SaveState.SAVED:
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
        self.last_saved_at = time.time()
        self._set_state(SaveState.SAVED)
        return True

    def close(self) -> bool:
        """Write what is pending and release the file; False if the last save failed (the caller must ask)."""
        saved = self.save_now()
        if saved:
            self.document.close()
        return saved

    def _set_state(self, state: SaveState) -> None:
        if state != self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state)
