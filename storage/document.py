"""The .pmx document: one proposal, its review comments and snapshots in one SQLite file.

    with Document.open(path) as document:      # read-only if another window holds it: see .read_only
        proposal = document.load()
        ...edit...
        document.save(proposal)                 # writes only the rows that changed, in one transaction

Every public method is serialized by the document's own lock. To save from a worker thread while the proposal
goes on being edited, plan on the editing thread and write on the worker (the plan holds data only):

        prepared = document.prepare_save(proposal, sections={"actor_matrix"})   # cheap; reads the model
        document.write_prepared(prepared)                                       # SQL, commit, fsync

The stored summary (what a facilitator's folder view reads) is written only with a save of content or comments,
or once this document has written some: opening a file and closing it never changes it.

Opening and reading run on the document's bare sqlite3 connection; the SQLAlchemy engine over that same
connection is made by the first write (or snapshot list), so that opening a document never imports SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.summary import ProposalSummary
from storage.connection import (
    describe_sqlite_error,
    driver_connection,
    make_engine,
    open_raw,
    sqlite_error_of,
)
from storage.content import (
    SnapshotInfo,
    insert_snapshot,
    list_snapshots,
    plan_comments,
    plan_proposal,
    read_comments,
    read_proposal_rows,
    read_snapshot,
    validate_proposal,
    write_plan,
)
from storage.errors import (
    DocumentClosedError,
    DocumentError,
    DocumentExistsError,
    ReadOnlyDocumentError,
    WriteFailedError,
)
from storage.lock import DocumentLock
from storage.migrations import MIGRATIONS, MigrationStep
from storage.newfile import NewContent, copy_database, place_new_file
from storage.opening import Opened, open_document, open_image
from storage.rowsync import Plan, RowState, SaveStats, TableState
from storage.summary_rows import (
    delete_summary,
    read_stored_summary,
    read_summary_text,
    summary_text,
    write_summary,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

T = TypeVar("T")

__all__ = ["Document", "PreparedSave", "SaveStats", "SnapshotInfo"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedSave:
    """A save of the proposal planned by Document.prepare_save: plain data, safe to hand to another thread."""

    base: RowState
    """The saved rows the plan starts from: it may only be written while they are still what the file holds."""
    plan: Plan
    summary: str | None
    """The stored form of the summary of exactly the planned content, if the caller had one."""

    @property
    def stats(self) -> SaveStats:
        """Return the row counts the write will have."""
        return self.plan.stats


class Document:
    """An open .pmx file; use Document.create or Document.open, and close() it (or use `with`)."""

    def __init__(self, path: Path, opened: Opened) -> None:
        self._path = path
        self._raw: sqlite3.Connection | None = opened.connection
        # Made over _raw on the first write (see the module's docstring); closing disposes it, closing _raw.
        self._engine: Engine | None = opened.engine
        self._lock = opened.lock
        self._read_only_reason = opened.read_only_reason
        self._locked_by = opened.locked_by
        self._read_only_problem = opened.read_only_problem
        self._migrated_from = opened.migrated_from
        self._backup = opened.backup
        self._mutex = threading.RLock()
        # The rows as last loaded or saved: what the next save is compared with. None until first needed.
        self._proposal_state: RowState | None = None
        self._comment_state: RowState | None = None
        # A summary computed from a proposal not saved yet, with the rows that proposal will have once saved: the
        # save that writes exactly those rows stores it (the findings are usually refreshed before the save).
        self._summary_pending: tuple[str, dict[str, TableState]] | None = None
        # Whether the file holds a summary of its current rows; None until known (then a save clears it anyway).
        self._summary_stored: bool | None = None
        # Whether this document has written content (or created the file): until then a summary is never written
        # on its own, so that opening a file whose summary is missing or stale and closing it changes nothing.
        self._wrote_content = False

    # ---- opening and creating -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, read_only: bool = False, *, migrations: Mapping[int, MigrationStep] = MIGRATIONS
    ) -> Document:
        """Open a document; it is read-only when asked, or when another window holds it (see locked_by)."""
        target = Path(path)
        return cls(target, open_document(target, read_only, migrations))

    @classmethod
    def open_image(cls, data: bytes, path: Path | str) -> Document:
        """Open a document's bytes (read from a zip) read-only, with every check of open(); path names it."""
        return cls(Path(path), open_image(data, Path(path), MIGRATIONS))

    @classmethod
    def create(cls, path: Path | str, proposal: Proposal, comments: Iterable[Comment] = ()) -> Document:
        """Write a new document holding proposal, comments and their summary; refuse to overwrite a file."""
        target = Path(path)
        if target.exists() or target.is_symlink():
            raise DocumentExistsError("already exists; choose another name", target)
        content = NewContent.of(proposal, comments)
        try:
            lock = DocumentLock.acquire(target)
        except OSError as exc:
            raise WriteFailedError(f"could not be created ({exc.strerror or 'input/output error'})", target) from exc
        try:
            place_new_file(target, content, replace=False)
            document = cls(target, Opened(_open_written(target, "created"), lock, None))
        except OSError as exc:
            lock.release()
            raise WriteFailedError(f"could not be created ({exc.strerror or 'input/output error'})", target) from exc
        except BaseException:
            lock.release()
            raise
        document._proposal_state = content.proposal.state
        document._comment_state = content.comments.state
        document._summary_stored = content.summary is not None
        document._wrote_content = True
        return document

    # ---- how it is open --------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """Return the file this document reads and writes."""
        return self._path

    @property
    def read_only(self) -> bool:
        """Return True when this document refuses writes (asked for, or held by another window)."""
        return self._lock is None

    @property
    def read_only_reason(self) -> str | None:
        """Return why the document is read-only, as a clause for the user ("opened read-only on request")."""
        return self._read_only_reason

    @property
    def locked_by(self) -> str | None:
        """Return who holds the document open for writing when that made this one read-only."""
        return self._locked_by

    @property
    def read_only_problem(self) -> DocumentError | None:
        """Return what made an open for writing read-only, when it is neither a lock held nor write protection."""
        return self._read_only_problem

    @property
    def migrated_from(self) -> int | None:
        """Return the older file format this document was converted from on open, if any."""
        return self._migrated_from

    @property
    def backup_path(self) -> Path | None:
        """Return the copy of the older file kept before migrating it, if any."""
        return self._backup

    @property
    def closed(self) -> bool:
        """Return True after close()."""
        return self._raw is None

    @property
    def engine(self) -> Engine:
        """Return the SQLAlchemy engine, made on first use (for writes, diagnostics and benchmarks)."""
        return self._make_engine()

    # ---- content ---------------------------------------------------------------------------------------

    def load(self) -> Proposal:
        """Read and validate the proposal."""
        with self._mutex:
            data, state = self._read(read_proposal_rows)
            proposal = validate_proposal(data)
            # Read-only: no save to compare the rows with (they would cost a tenth of a large proposal's memory).
            self._proposal_state = None if self.read_only else state
            return proposal

    def save(self, proposal: Proposal, sections: Iterable[str] | None = None) -> SaveStats:
        """Write the rows of proposal that changed since the last load or save, in one transaction.

        sections: the matrices edited since then (storage.mapping.SECTIONS), when the caller knows; only they
        are compared. None compares the whole proposal.
        """
        with self._mutex:
            return self.write_prepared(self.prepare_save(proposal, sections))

    def prepare_save(
        self, proposal: Proposal, sections: Iterable[str] | None = None, summary: ProposalSummary | None = None
    ) -> PreparedSave:
        """Plan a save of proposal (see save) without writing; summary, if given, describes exactly proposal.

        The result holds no reference to the model: write it with write_prepared, on any thread, before any
        other save or load of the proposal.
        """
        with self._mutex:
            self._require_writable()
            if self._proposal_state is None:
                self._proposal_state = self._read(read_proposal_rows)[1]
            base = self._proposal_state
            text = summary_text(summary) if summary is not None else None
            return PreparedSave(base, plan_proposal(base, proposal, sections), text)

    def write_prepared(self, prepared: PreparedSave) -> SaveStats:
        """Write a planned save in one transaction (its summary with it); DocumentError if another came first."""
        load_writer()  # before the lock: the editing thread may plan the next save meanwhile
        with self._mutex:
            self._require_writable()
            self._make_engine()  # now, even when nothing is written: see load_writer
            if prepared.base is not self._proposal_state:
                raise DocumentError("changed since this save was planned (plan it again)", self._path)
            plan = prepared.plan
            if prepared.summary is not None:
                self._summary_pending = (prepared.summary, plan.state.tables)
            if plan.stats.changed:
                self._write_proposal(plan)
            self._proposal_state = plan.state
            if not plan.stats.changed:
                try:
                    self._store_summary_if_due()
                except DocumentError as exc:  # only a cache for the folder view: the content is safe, a later save
                    logger.warning("storing the summary of %s failed: %s", self._path, exc)
            return plan.stats

    def _write_proposal(self, plan: Plan) -> None:
        """Write a proposal plan and keep the stored summary true: store the one computed for it, or drop it."""
        pending = self._summary_pending
        summary = pending[0] if pending is not None and pending[1] == plan.state.tables else None
        drop = summary is None and self._summary_stored is not False

        def write(connection: Connection) -> None:
            write_plan(connection, plan)
            if summary is not None:
                write_summary(connection, summary)
            elif drop:
                delete_summary(connection)

        self._transaction(write)
        # Only once committed: after a rollback the file still holds what these flags said before.
        self._wrote_content = True
        if summary is not None:
            self._summary_pending, self._summary_stored = None, True
        elif drop:
            self._summary_stored = False

    def load_comments(self) -> list[Comment]:
        """Read and validate the review comments, in their stored order."""
        with self._mutex:
            comments, state = self._read(read_comments)
            self._comment_state = state
            return comments

    def save_comments(self, comments: Iterable[Comment]) -> SaveStats:
        """Write the comment rows that changed since the last load or save, in one transaction."""
        with self._mutex:
            self._require_writable()
            if self._comment_state is None:
                self._comment_state = self._read(read_comments)[1]
            plan = plan_comments(self._comment_state, comments)
            if plan.stats.changed:
                # A summary waiting for a real write (the proposal as saved) goes in with the comments.
                summary = self._due_summary()

                def write(connection: Connection) -> None:
                    write_plan(connection, plan)
                    if summary is not None:
                        write_summary(connection, summary)

                self._transaction(write)
                self._wrote_content = True
                if summary is not None:
                    self._summary_pending, self._summary_stored = None, True
            self._comment_state = plan.state
            return plan.stats

    # ---- summary (the cohort view reads it instead of the whole proposal) ------------------------------

    def save_summary(self, summary: ProposalSummary, proposal: Proposal | None = None) -> bool:
        """Record the summary computed from proposal (default: the proposal as saved); False if read-only.

        It is stored by the save that writes exactly that proposal; a save of anything else drops the stored
        summary, so it is never stale. It is stored at once only when proposal is the one saved and this document
        has already written content; otherwise it waits for a save of content or comments (opening never writes).
        """
        with self._mutex:
            if self._raw is None:
                raise DocumentClosedError("is closed", self._path)
            if self._lock is None:
                return False  # a reviewer's read-only copy is never written, not even its summary
            if self._proposal_state is None:
                self._proposal_state = self._read(read_proposal_rows)[1]
            state = self._proposal_state
            tables = state.tables if proposal is None else plan_proposal(state, proposal).state.tables
            self._summary_pending = (summary_text(summary), tables)
            self._store_summary_if_due()
            return True

    def _due_summary(self) -> str | None:
        """Return the pending summary if it describes the proposal as saved, else None."""
        pending, state = self._summary_pending, self._proposal_state
        if pending is None or state is None or pending[1] != state.tables:
            return None
        return pending[0]

    def _store_summary_if_due(self) -> None:
        """Write the pending summary alone if it describes the saved proposal and this document wrote content."""
        text = self._due_summary()
        if text is None or not self._wrote_content:
            return
        if self._read(read_summary_text) != text:  # unchanged after a refresh: no write, no new file time
            self._transaction(lambda connection: write_summary(connection, text))
        self._summary_pending, self._summary_stored = None, True

    def load_summary(self) -> ProposalSummary | None:
        """Return the stored summary with live comment counts and last submission; None if missing or stale."""
        with self._mutex:
            return self._read(read_stored_summary)

    # ---- snapshots -------------------------------------------------------------------------------------

    def create_snapshot(self, name: str, reason: str) -> SnapshotInfo:
        """Store a named copy of the proposal as last saved (save first to include pending edits)."""
        with self._mutex:
            self._require_writable()

            def snapshot(connection: Connection) -> SnapshotInfo:
                data, _state = read_proposal_rows(driver_connection(connection))
                return insert_snapshot(connection, name, reason, validate_proposal(data))

            return self._transaction(snapshot)

    def list_snapshots(self) -> list[SnapshotInfo]:
        """Return the snapshots, oldest first."""
        with self._mutex:
            return self._read_sql(list_snapshots)

    def load_snapshot(self, snapshot_id: int) -> Proposal:
        """Return the proposal stored in a snapshot (restore it by saving it)."""
        with self._mutex:
            proposal = self._read_sql(lambda connection: read_snapshot(connection, snapshot_id))
            if proposal is None:
                raise DocumentError(f"has no snapshot {snapshot_id}", self._path)
            return proposal

    # ---- save as, close --------------------------------------------------------------------------------

    def save_as(self, path: Path | str) -> None:
        """Copy the document to path (SQLite backup into a temporary file, then rename) and continue there."""
        target = Path(path)
        with self._mutex:
            self._require_writable()
            if target.exists() and os.path.samefile(target, self._path):
                return
            if target.is_dir():
                raise DocumentError("is a folder; choose a file name", target)
            try:
                new_lock = DocumentLock.acquire(target)
            except OSError as exc:
                raise WriteFailedError(
                    f"could not be written ({exc.strerror or 'input/output error'})", target
                ) from exc
            try:
                copy_database(self._connection(), target)
                new_raw = _open_written(target, "written")
            except BaseException:
                new_lock.release()
                raise
            old_lock = self._lock
            self._close_connection()
            self._raw, self._lock, self._path = new_raw, new_lock, target
            if old_lock is not None:
                old_lock.release()

    def close(self) -> None:
        """Close the file and release its lock (idempotent)."""
        with self._mutex:
            self._close_connection()
            lock, self._lock = self._lock, None
            if lock is not None:
                lock.release()
            self._read_only_reason = self._read_only_reason or "closed"

    def __enter__(self) -> Self:
        """Return the document itself."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Close the document."""
        self.close()

    def __repr__(self) -> str:
        """Return a short description for logs."""
        state = "closed" if self.closed else ("read-only" if self.read_only else "writable")
        return f"<Document {self._path.name!r} {state}>"

    # ---- internals -------------------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self._raw is None:
            raise DocumentClosedError("is closed", self._path)
        if self._lock is None:
            raise ReadOnlyDocumentError(f"cannot be changed: {self._read_only_reason}", self._path)

    def _connection(self) -> sqlite3.Connection:
        if self._raw is None:
            raise DocumentClosedError("is closed", self._path)
        return self._raw

    def _make_engine(self) -> Engine:
        raw = self._connection()
        if self._engine is None:
            self._engine = make_engine(lambda: raw)
        return self._engine

    def _close_connection(self) -> None:
        raw, engine = self._raw, self._engine
        self._raw = self._engine = None
        if engine is not None:
            engine.dispose()
        if raw is not None:
            raw.close()  # an engine closes it only if it ever connected

    def _read(self, reader: Callable[[sqlite3.Connection], T]) -> T:
        """Run reader in one read transaction on the bare connection (a consistent view while another writes)."""
        raw = self._connection()
        try:
            raw.execute("BEGIN")
            try:
                result = reader(raw)
            except BaseException:
                if raw.in_transaction:
                    with contextlib.suppress(sqlite3.Error):  # the reader's own error is the one to report
                        raw.execute("ROLLBACK")
                raise
            raw.execute("COMMIT")
            return result
        except DocumentError as exc:
            exc.path = exc.path or self._path
            raise
        except sqlite3.Error as exc:
            raise DocumentError(f"could not be read: {describe_sqlite_error(exc)}", self._path) from exc

    def _read_sql(self, reader: Callable[[Connection], T]) -> T:
        """Run reader in one read transaction through SQLAlchemy."""
        try:
            with self.engine.connect() as connection, connection.begin():
                return reader(connection)
        except DocumentError as exc:
            exc.path = exc.path or self._path
            raise
        except Exception as exc:
            if sqlite_error_of(exc) is None:
                raise
            raise DocumentError(f"could not be read: {describe_sqlite_error(exc)}", self._path) from exc

    def _transaction(self, writer: Callable[[Connection], T]) -> T:
        """Run writer in one write transaction; any failure rolls everything back."""
        try:
            with self.engine.connect() as connection, connection.begin():
                return writer(connection)
        except DocumentError as exc:
            exc.path = exc.path or self._path
            raise
        except Exception as exc:
            if sqlite_error_of(exc) is None:
                raise
            raise WriteFailedError(f"could not be saved: {describe_sqlite_error(exc)}", self._path) from exc


def load_writer() -> None:
    """Import what writing needs (SQLAlchemy, the table classes, its SQLite dialect); opening leaves it out.

    An editor calls it on a thread of its own once the window shows or at the first edit, so that no save waits
    for it (an edit must reach the disk within a second); write_prepared, which runs on the worker thread, calls
    it too. Idempotent and cheap once done.
    """
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401 (the dialect an engine loads when it is made)

    import storage.sqltables  # noqa: F401


def _open_written(path: Path, done: str) -> sqlite3.Connection:
    """Open a file this document has just written, for reading and writing; WriteFailedError if it cannot be."""
    try:
        return open_raw(path, "rw")
    except sqlite3.Error as exc:
        raise WriteFailedError(f"could not be {done}: {describe_sqlite_error(exc)}", path) from exc
