"""The review comments of the open document: threads, replies and status, saved at once into the .pmx.

Comments are not proposal content: they never go through the undo stack and never touch the proposal, so that
a facilitator can comment on a proposal whose content is locked (review mode). Every change is written at once,
off the UI thread: the store hands a copy of the comments to the document writer the session uses (ui/writer.py),
which writes it after whatever was queued before (an edit's save included). A save that fails keeps the comments
in memory, says so, and is retried, like the session does for the proposal.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from matrices.review import Anchor, Comment
from storage.errors import DocumentError, ReadOnlyDocumentError
from ui.session import DocumentSession, save_error_message, without_traceback
from ui.settings import Role

logger = logging.getLogger(__name__)

RETRY_DELAY_MS = 3000
Status = Literal["open", "resolved"]


class CommentFile(Protocol):
    """What the store needs of a document file (storage.document.Document provides it)."""

    path: Path
    read_only: bool

    def load_comments(self) -> list[Comment]:
        """Read the comments."""

    def save_comments(self, comments: Iterable[Comment]) -> object:
        """Write the comment rows that changed."""


def marker_key(comment: Comment) -> Anchor:
    """Return the anchor a comment marks on the pages (fields of the proposal itself belong to 'general')."""
    return comment.matrix or "general", comment.item_id, comment.field


class CommentStore(QObject):
    """Holds the document's comments, writes every change at once and tells the pages where markers go."""

    changed = Signal()
    """Emitted after a comment was added, answered, resolved or reopened."""
    save_state_changed = Signal()
    """Emitted when a save fails or succeeds again (see last_error)."""

    def __init__(self, document: CommentFile, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._session = session
        self._writer = session.writer
        self._comments: list[Comment] = []
        self.load_error: str | None = None
        """Why the comments could not be read; the store then refuses to write, so as not to replace them."""
        self.last_exception: BaseException | None = None
        """Why the last save failed (None once a save succeeds); last_error says it in the interface language."""
        # Changes are counted; the file holds the first _written of them (each write carries all comments).
        self._changes = 0
        self._written = 0
        try:
            self._comments = list(document.load_comments())
        except Exception as exc:  # a damaged comments table must not keep the proposal from opening
            logger.warning("reading the comments of %s failed: %s", document.path, exc)
            self.load_error = str(exc)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._write)
        self._publish_marks()

    # -- reading --------------------------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        """Return whether comments can be added and changed (the file is not held by another window)."""
        return not self._document.read_only and self.load_error is None

    @property
    def last_error(self) -> str | None:
        """Return why the last save failed, in the interface language at the time of asking; None after a success."""
        exc = self.last_exception
        return None if exc is None else save_error_message(exc, self._document.path)

    @property
    def pending(self) -> bool:
        """Return whether some change is not in the file yet (being written, or its save failed and is retried)."""
        return self._written < self._changes

    def comments(self) -> list[Comment]:
        """Return every comment and reply, in stored order."""
        return list(self._comments)

    def load_comments(self) -> list[Comment]:
        """Return every comment (the sink interface of the Word comments import)."""
        return self.comments()

    def save_comments(self, comments: Iterable[Comment]) -> bool:
        """Replace the comments with these and start writing them (the Word import merges through here)."""
        if self._document.read_only:
            raise ReadOnlyDocumentError("cannot be changed: it is open read-only here", self._document.path)
        if self.load_error is not None:
            # Writing now would replace comments that are in the file but could not be read.
            raise DocumentError(f"its comments could not be read ({self.load_error})", self._document.path)
        self._comments = list(comments)
        self._changed()
        return True

    def get(self, comment_id: str) -> Comment | None:
        """Return the comment with this id, or None."""
        return next((comment for comment in self._comments if comment.id == comment_id), None)

    def root_of(self, comment: Comment) -> Comment:
        """Return the comment that starts the thread a comment belongs to (itself for a thread's start)."""
        return _root_of(comment, {c.id: c for c in self._comments})

    def threads(self) -> list[Comment]:
        """Return the comments that start a thread (a reply whose parent is missing starts its own), oldest first."""
        ids = {comment.id for comment in self._comments}
        roots = [c for c in self._comments if not c.parent_id or c.parent_id not in ids]
        return sorted(roots, key=lambda comment: comment.created_at)

    def replies(self) -> dict[str, list[Comment]]:
        """Return the replies of every thread by the id of its start (replies to replies included), oldest first."""
        by_id = {c.id: c for c in self._comments}
        found: dict[str, list[Comment]] = {}
        for comment in sorted(self._comments, key=lambda c: c.created_at):
            root = _root_of(comment, by_id)
            if root is not comment:
                found.setdefault(root.id, []).append(comment)
        return found

    def threads_at(self, anchor: Anchor) -> list[Comment]:
        """Return the threads on an anchor; a row's anchor (an item, no field) also takes those on its fields."""
        matrix, item, field = anchor
        if item is not None and field is None:
            return [root for root in self.threads() if root.item_id == item]
        wanted = (matrix or "general", item, field)
        return [root for root in self.threads() if marker_key(root) == wanted]

    # -- changing -------------------------------------------------------------------------------------------

    def add(self, anchor: Anchor, text: str, author: str, role: Role) -> Comment | None:
        """Start a thread on anchor; None when nothing was written (no text, or the file cannot be written)."""
        if not text.strip() or not self.writable:
            return None
        matrix, item, field = anchor
        comment = Comment(matrix=matrix, item_id=item, field=field, author=author, role=role, text=text.strip())
        self._comments.append(comment)
        self._changed()
        return comment

    def reply(self, parent_id: str, text: str, author: str, role: Role) -> Comment | None:
        """Answer a comment; the reply carries the thread's anchor, so it stays with it in Word too."""
        parent = self.get(parent_id)
        if parent is None or not text.strip() or not self.writable:
            return None
        root = self.root_of(parent)
        reply = Comment(
            matrix=root.matrix,
            item_id=root.item_id,
            field=root.field,
            parent_id=root.id,
            author=author,
            role=role,
            text=text.strip(),
        )
        self._comments.append(reply)
        self._changed()
        return reply

    def set_status(self, comment_id: str, status: Status) -> bool:
        """Resolve or reopen a thread (given any of its comments); False when nothing changed."""
        comment = self.get(comment_id)
        if comment is None or not self.writable:
            return False
        root = self.root_of(comment)
        if root.status == status:
            return False
        self._comments = [c.model_copy(update={"status": status}) if c.id == root.id else c for c in self._comments]
        self._changed()
        return True

    def save_now(self) -> bool:
        """Write what is not in the file yet and wait for it; False when it could not be (it is retried later)."""
        self._timer.stop()
        self._writer.flush()  # what is queued first (a failed write is tried again below)
        if self.pending:
            self._write()
            self._writer.flush()
        return not self.pending

    def stop(self) -> None:
        """Stop retrying (the document is being closed)."""
        self._timer.stop()

    def _changed(self) -> None:
        self._changes += 1
        self._write()
        self._publish_marks()
        self.changed.emit()

    def _write(self) -> None:
        """Hand a copy of every comment to the writer: the UI thread never waits for the disk here."""
        self._timer.stop()
        if not self.pending:
            return
        document, comments, changes = self._document, tuple(self._comments), self._changes
        store = weakref.ref(self)

        def outcome(error: BaseException | None) -> None:
            live = store()
            if live is not None:
                live._on_written(changes, error)

        self._writer.write(lambda: document.save_comments(comments), outcome, name="pmx-comments")

    def _on_written(self, changes: int, error: BaseException | None) -> None:
        """Take a write's outcome on the UI thread: the file holds the first `changes` changes, or it failed."""
        if error is not None:
            # A full disk or a vanished folder must not lose a facilitator's comment: kept, told, retried.
            logger.warning("saving the comments of %s failed: %s", self._document.path, error)
            self.last_exception = without_traceback(error)
            if self.pending:
                self._timer.start(RETRY_DELAY_MS)
            self.save_state_changed.emit()
            return
        self._written = max(self._written, changes)
        if self.last_exception is not None and not self.pending:
            self.last_exception = None
            self.save_state_changed.emit()

    def _publish_marks(self) -> None:
        counts: dict[Anchor, int] = {}
        for root in self.threads():
            if root.status == "open":
                key = marker_key(root)
                counts[key] = counts.get(key, 0) + 1
        self._session.set_comment_marks(counts)


def _root_of(comment: Comment, by_id: dict[str, Comment]) -> Comment:
    seen = {comment.id}
    while comment.parent_id and comment.parent_id in by_id and comment.parent_id not in seen:
        comment = by_id[comment.parent_id]
        seen.add(comment.id)
    return comment
