"""Whole .pmx files written at once: a new document, or a copy of an open one, built beside its target and renamed.

The writer holds the target's lock throughout (storage/lock.py), so that the temporary file is provably its own
(storage/atomic.py removes what a killed writer left) and no window has the target open meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from matrices.proposal import Proposal
from matrices.review import Comment
from storage.atomic import fsync_directory, fsync_file, lock_target, move_no_replace, temp_beside
from storage.connection import describe_sqlite_error, driver_connection, file_engine, sqlite_error_of
from storage.content import PROPOSAL_TABLES, empty_state, now_text, plan_comments, plan_proposal, write_meta, write_plan
from storage.errors import DocumentExistsError, WriteFailedError
from storage.lock import APP_NAME
from storage.mapping import COMMENTS
from storage.rowsync import Plan
from storage.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema
from storage.sidefiles import check_target_side_files
from storage.summary_rows import try_summary_text, write_summary


@dataclass(frozen=True)
class NewContent:
    """What a new document holds: the plans that write its rows from nothing, and its summary."""

    proposal: Plan
    comments: Plan
    summary: str | None

    @classmethod
    def of(cls, proposal: Proposal, comments: Iterable[Comment]) -> NewContent:
        """Plan the rows of a new document holding proposal and comments."""
        comments = list(comments)
        return cls(
            plan_proposal(empty_state(PROPOSAL_TABLES), proposal),
            plan_comments(empty_state((COMMENTS.table,)), comments),
            try_summary_text(proposal, comments),
        )


def place_new_file(target: Path, content: NewContent, *, replace: bool) -> None:
    """Build a complete document beside target and rename it into place; the caller holds target's lock.

    Without replace, an existing target is never overwritten (DocumentExistsError).
    """
    check_target_side_files(target)
    with temp_beside(target) as temp:
        _build(temp, target, content)
        if replace:
            os.replace(temp, target)
        else:
            try:
                move_no_replace(temp, target)
            except FileExistsError as exc:
                raise DocumentExistsError("already exists; choose another name", target) from exc
    fsync_directory(target.parent)


def write_document(target: Path, proposal: Proposal, comments: Iterable[Comment]) -> None:
    """Write a new document at target, replacing any file there; DocumentLockedError if a window holds it."""
    content = NewContent.of(proposal, comments)
    lock = lock_target(target)
    try:
        place_new_file(target, content, replace=True)
    except OSError as exc:
        raise WriteFailedError(f"could not be written ({exc.strerror or 'input/output error'})", target) from exc
    finally:
        lock.release()


def _build(temp: Path, target: Path, content: NewContent) -> None:
    """Write a complete new document into temp (the file that will become target)."""
    engine = file_engine(temp, "rw")
    try:
        with engine.connect() as connection, connection.begin():
            # Header fields: written in the transaction like any page, so a crash leaves no half-made document.
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            create_schema(driver_connection(connection))
            write_meta(connection, {"created_at": now_text(), "created_by": APP_NAME})
            write_plan(connection, content.proposal)
            write_plan(connection, content.comments)
            if content.summary is not None:
                write_summary(connection, content.summary)
    except Exception as exc:
        if sqlite_error_of(exc) is not None:
            raise WriteFailedError(f"could not be created: {describe_sqlite_error(exc)}", target) from exc
        raise
    finally:
        engine.dispose()


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database to target with SQLite's backup API (beside it, then renamed); caller holds the lock."""
    check_target_side_files(target)
    try:
        with temp_beside(target) as temp:
            destination = sqlite3.connect(temp, isolation_level=None)
            try:
                source.backup(destination)
            finally:
                destination.close()
            fsync_file(temp)
            os.replace(temp, target)
        fsync_directory(target.parent)
    except OSError as exc:
        raise WriteFailedError(f"could not be written ({exc.strerror or 'input/output error'})", target) from exc
    except sqlite3.Error as exc:
        raise WriteFailedError(f"could not be written: {describe_sqlite_error(exc)}", target) from exc
