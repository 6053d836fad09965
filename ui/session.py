"""One open document: the proposal being edited, its undo stack and continuous saving.

Saving never blocks the UI thread on the disk: the UI thread plans the save (which rows changed, plain data; only
the matrices the edits touched are compared) and hands it to the application's document writer (ui/writer.py),
which runs the SQL, the commit and the fsync on a worker, after any write queued before it (the comments'
included). One content write of a session at a time; the outcome comes back on the UI thread, and the save state
becomes SAVED only once the commit succeeded. save_now() and close() write at once and wait, for callers that need
the file current (snapshots, Save As, closing).
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from matrices.edits import Change, ContentReplaced, Op, prepare
from matrices.proposal import Proposal
from matrices.review import Anchor
from matrices.summary import ProposalSummary
from storage.document import load_writer
from storage.mapping import SECTIONS
from ui.messages import error_message
from ui.models.proposal_facts import ProposalFacts
from ui.writer import DocumentWriter

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 600
"""An edit reaches the file this long after the last keystroke: well inside the second docs/design.md §3 allows."""
MAX_PENDING_MS = 800
"""Continuous typing never pauses for SAVE_DELAY_MS: an edit still waits at most this long, so that whatever was
typed more than a second ago is on disk even if the process is killed mid-sentence."""
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


@runtime_checkable
class PlannedStorage(Protocol):
    """A file whose saves are planned on the editing thread and written on another (Document)."""

    def prepare_save(
        self, proposal: Proposal, sections: frozenset[str] | None = None, summary: ProposalSummary | None = None
    ) -> object:
        """Return the planned save of proposal (plain data), with summary if it describes exactly proposal."""

    def write_prepared(self, prepared: object) -> object:
        """Write a planned save (any thread)."""


def save_error_message(exc: BaseException, path: Path | None) -> str:
    """Return, in the interface language, why a save failed; an operating-system failure keeps the system's reason."""
    text = error_message(exc, path)
    # A full disk or a lost drive: the system's own words (errno text) help whoever fixes the computer.
    cause = exc if isinstance(exc, OSError) else exc.__cause__
    if isinstance(cause, OSError) and (cause.strerror or str(cause)):
        reason = QCoreApplication.translate("DocumentSession", "(System message: %1)")
        text = f"{text} {reason.replace('%1', cause.strerror or str(cause))}"
    return text


def without_traceback(exc: BaseException) -> BaseException:
    """Return exc with the tracebacks of its chain dropped: kept for its message, it must not keep frames alive."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        link.__traceback__ = None
        link = link.__cause__ or link.__context__
    return exc


def touched_sections(change: Change) -> frozenset[str] | None:
    """Return the matrices an edit may have changed (empty: the proposal's own fields); None for any of them."""
    locator = change.locator
    if locator:
        head = locator[0]
        if not isinstance(head, str):
            return None
        return frozenset({head}) if head in SECTIONS else frozenset()  # horizon, alignment: the proposal row
    if change.field is None:
        return None  # the whole proposal replaced (a snapshot restored)
    return frozenset({change.field}) if change.field in SECTIONS else frozenset()


@dataclass(eq=False)
class _Write:
    """One planned write of a session, handed to the document writer."""

    edits: int
    """The session's edit count this write saves."""
    content: bool
    """Whether edits were pending when it was planned (a summary alone leaves the save state alone)."""
    sections: frozenset[str] | None
    summary: bool
    run: Callable[[], object]


class DocumentSession(QObject):
    """Holds the proposal, applies undo commands to it and saves it within a second of each edit."""

    about_to_change = Signal(object)
    """Emitted with a Change just before an edit, undo or redo is applied (item models begin a row change)."""
    change_applied = Signal(object)
    """Emitted with the same Change once it is applied (item models end the row change)."""
    changed = Signal(object)
    """Emitted with the Change after change_applied: every model is consistent when pages and forms react."""
    save_state_changed = Signal(object)
    """Emitted with the new SaveState."""
    comments_changed = Signal()
    """Emitted when the review comments change, so that the markers on fields and rows are repainted."""

    def __init__(
        self,
        document: Storage,
        proposal: Proposal,
        parent: QObject | None = None,
        *,
        writer: DocumentWriter,
        content_locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.proposal = proposal
        self.facts = ProposalFacts(lambda: self.proposal)
        """Codes and tree walks of the proposal, computed once per change (forgotten in _announce)."""
        self.writer = writer
        """The application's one document writer: this session's saves and its comments' go through it."""
        self.content_locked = content_locked
        """Review mode: the file is open for writing (comments are saved) but the proposal may not change."""
        self._comment_marks: dict[Anchor, int] = {}
        self._item_marks: dict[str, int] = {}
        self.undo_stack = QUndoStack(self)
        self._pushing = 0
        self.save_state = SaveState.SAVED
        self.last_saved_at: float | None = time.time()
        self.last_exception: BaseException | None = None
        """Why the last save failed (None once a save succeeds); last_error says it in the interface language."""
        self._pending_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.write_pending)
        # Edits are counted; the file holds the first _saved_edits of them. _dirty: matrices touched by edits not
        # yet handed to a write (None: compare all).
        self._edits = 0
        self._saved_edits = 0
        self._dirty: set[str] | None = set()
        # The latest summary, the edit count it describes, and whether a write has taken it.
        self._summary: ProposalSummary | None = None
        self._summary_edits = 0
        self._summary_sent = True
        self._flight: _Write | None = None
        self._writer_warm = False
        """Whether the first edit has started importing what writing needs (see _warm_writer)."""
        self._closed = False

    @property
    def read_only(self) -> bool:
        """Return whether edits are refused (file locked elsewhere, or opened for review)."""
        return self.content_locked or self.document.read_only

    @property
    def last_error(self) -> str | None:
        """Return why the last save failed, in the interface language at the time of asking; None after a success."""
        exc = self.last_exception
        return None if exc is None else save_error_message(exc, self.path)

    @property
    def path(self) -> Path:
        """Return the document's file path."""
        return self.document.path

    @property
    def writing(self) -> bool:
        """Return whether a write is running on the worker thread (its outcome not yet taken)."""
        return self._flight is not None

    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit through the undo stack; refused (False) when the document is read-only."""
        if self.read_only:
            return False
        self._pushing += 1
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing -= 1
        return True

    @property
    def replaying(self) -> bool:
        """Return whether the change being applied comes from undo or redo (not from a new edit being pushed)."""
        return self._pushing == 0

    def apply(self, op: Op) -> Op:
        """Apply one edit (called by the undo commands): announce it, make it, report it; return what undoes it.

        The edit is checked first (matrices.edits.prepare): one that would be refused raises before any view is
        told, so a view never begins a row change that does not happen.
        """
        prepared = prepare(self.proposal, op)
        self._announce(prepared.change, prepared.apply)
        return prepared.undo

    def replace_content(self, swap: Callable[[], None]) -> None:
        """Replace the whole content of the proposal with swap() (a snapshot restored), announced as such."""
        self._announce(ContentReplaced(), swap)

    def _announce(self, change: Change, make: Callable[[], None]) -> None:
        self.about_to_change.emit(change)
        try:
            make()
        finally:
            self.facts.invalidate()  # before any view hears of the change
            self.change_applied.emit(change)  # a view that began a change must end it, whatever happened
        self._edited(change)

    def _edited(self, change: Change) -> None:
        """Tell the views about an applied edit and schedule the save."""
        self.changed.emit(change)
        if self.read_only:
            return
        self._edits += 1
        if not self._writer_warm:
            self._warm_writer()
        sections = touched_sections(change)
        if sections is None or self._dirty is None:
            self._dirty = None
        else:
            self._dirty |= sections
        if self._pending_since is None:
            self._pending_since = time.monotonic()
        if self.save_state == SaveState.FAILED:
            return  # the retry timer is running: a keystroke must not hammer a full disk with attempts
        self._set_state(SaveState.PENDING)
        self._schedule()

    def write_pending(self) -> None:
        """Start writing pending edits (and the latest summary) on the worker thread; return at once."""
        self._timer.stop()
        if self.read_only or self._closed or self._flight is not None:
            return  # a running write's completion starts the next one
        write = self._prepare()
        if write is not None:
            self._submit(write)

    def save_now(self) -> bool:
        """Write pending edits at once and wait for the write; on failure keep them in memory and retry later."""
        return self._flush(check_all=False)

    def record_summary(self, summary: ProposalSummary) -> None:
        """Hand the latest summary to the document; it reaches the file with the save of the same content."""
        if self.read_only or self._closed:
            return
        self._summary, self._summary_edits, self._summary_sent = summary, self._edits, False
        if self._flight is None and self.save_state == SaveState.SAVED and self._edits == self._saved_edits:
            # Nothing else will be written soon: the document stores it if it has written content (opening never).
            self.write_pending()

    def close(self) -> bool:
        """Write what is pending and release the file; False if the last save failed (the caller must ask)."""
        if self._closed:
            return True
        # The whole proposal is compared once more: whatever an edit changed, closing writes it.
        saved = self._flush(check_all=True)
        if saved:
            self._closed = True
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

    # ---- saving ----------------------------------------------------------------------------------------

    def _warm_writer(self) -> None:
        """At the first edit, import the writing half of storage on the worker (opening leaves it out to start fast).

        The import takes ~0.25 s; paid by the first save instead, it could push that save past the one second within
        which an edit must reach the disk. It runs beside the writes, not as one (Python's import lock makes a write
        that needs the import wait for it), under the same worker policy (ui/workers.py).
        """
        self._writer_warm = True
        if isinstance(self.document, PlannedStorage):
            self.writer.workers.start(lambda _send: load_writer(), name="pmx-load-writer")

    def _schedule(self) -> None:
        """Start the save timer: SAVE_DELAY_MS after the last edit, MAX_PENDING_MS after the first unsaved one."""
        started = self._pending_since if self._pending_since is not None else time.monotonic()
        waited_ms = (time.monotonic() - started) * 1000
        self._timer.start(int(max(0.0, min(SAVE_DELAY_MS, MAX_PENDING_MS - waited_ms))))

    def _flush(self, check_all: bool) -> bool:
        """Write what is pending through the writer and wait for it (and for what was queued before it).

        check_all compares the whole proposal (closing): whatever an edit changed is written. True if the file is
        current.
        """
        self._timer.stop()
        if self.read_only or self._closed:
            self._pending_since = None
            return True
        self.writer.flush()  # the running write's outcome is taken first: never two writes of a session at once
        if check_all or self._edits != self._saved_edits or self.save_state != SaveState.SAVED:
            write = self._prepare(force=True)
            if write is None:
                return False  # the planning itself failed (see _failed)
            self._submit(write)
            self.writer.flush()
        return self.save_state is SaveState.SAVED

    def _submit(self, write: _Write) -> None:
        """Hand a planned write to the writer; its outcome comes back to _on_write_finished on the UI thread."""
        self._flight = write
        # The writer keeps only a weak reference: a session dropped meanwhile is not kept alive by its last write.
        session = weakref.ref(self)

        def outcome(error: BaseException | None) -> None:
            live = session()
            if live is not None:
                live._on_write_finished(write, error)

        self.writer.write(write.run, outcome, name="pmx-save")

    def _prepare(self, force: bool = False) -> _Write | None:
        """Plan a write of the pending edits and of a summary of exactly them; None if there is nothing to do.

        force plans a write of content comparing the whole proposal, even when no edit is pending (closing).
        """
        content = force or self._edits != self._saved_edits
        summary = self._summary if not self._summary_sent and self._summary_edits == self._edits else None
        if not content and summary is None:
            return None
        sections = None if force or self._dirty is None else frozenset(self._dirty)
        try:
            run = self._plan(sections, summary, content)
        except Exception as exc:  # planning reads the model and the document's state: fail like a write would
            self._failed(exc, content)
            return None
        self._dirty = set()
        if content:
            self._pending_since = None  # the edits from now on wait for the next write
        if summary is not None:
            self._summary_sent = True
        return _Write(self._edits, content, sections, summary is not None, run)

    def _plan(
        self, sections: frozenset[str] | None, summary: ProposalSummary | None, content: bool
    ) -> Callable[[], object]:
        """Return what the worker runs: a planned save, or for a plain Storage a save of a copy of the proposal."""
        document = self.document
        if isinstance(document, PlannedStorage):
            prepared = document.prepare_save(self.proposal, sections, summary)
            return lambda: document.write_prepared(prepared)
        copy = self.proposal.model_copy(deep=True)

        def save_copy() -> None:
            if content:
                document.save(copy)
            if summary is not None:
                document.save_summary(summary, copy)

        return save_copy

    def _on_write_finished(self, write: _Write, error: BaseException | None) -> None:
        """Take a write's outcome on the UI thread, then start what is still pending."""
        if self._flight is not write:
            return
        self._flight = None
        self._settle(write, error)
        if self._closed or self.save_state == SaveState.FAILED:
            return
        if self._edits != self._saved_edits:
            self._schedule()
        elif not self._summary_sent:
            self.write_pending()

    def _settle(self, write: _Write, error: BaseException | None) -> bool:
        """Record a finished write's outcome; return False when edits are left unsaved by a failure."""
        if error is not None:
            if write.sections is None or self._dirty is None:
                self._dirty = None
            else:
                self._dirty |= write.sections
            if write.summary and write.content:
                self._summary_sent = False  # the retry takes it; a summary alone waits for the next one
            self._failed(error, write.content)
            return not write.content
        if write.content:
            self._saved_edits = write.edits
            self.last_exception = None
            self.last_saved_at = time.time()
        if self._edits == self._saved_edits:
            self._pending_since = None
            self._set_state(SaveState.SAVED)
            return True
        if self._pending_since is None:
            self._pending_since = time.monotonic()
        self._set_state(SaveState.PENDING)
        return False

    def _failed(self, error: BaseException, content: bool) -> None:
        if not content:
            logger.warning("recording the summary of %s failed: %s", self.path, error)
            return
        logger.warning("saving %s failed: %s", self.path, error)
        if self._pending_since is None:
            self._pending_since = time.monotonic()
        self.last_exception = without_traceback(error)
        self._set_state(SaveState.FAILED)
        self._timer.start(RETRY_DELAY_MS)

    def _set_state(self, state: SaveState) -> None:
        if state != self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state)
