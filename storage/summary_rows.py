"""The stored summary of a document: one JSON row of the `meta` table, read and written on an open connection.

Only what is derived from the proposal is stored (title, completeness, findings, ...): the comment counts and
the last submission are counted from their own tables when the summary is read, so that adding a comment or a
snapshot never makes the stored summary stale. Whatever the row holds is untrusted: a row that does not
validate, was written for another SUMMARY_VERSION, names another proposal than the file's row (title, authors,
institution, area, status, language), or sits beside a text longer than the model allows, reads as missing and
the caller recomputes (and the model then refuses what it must). What this proves and what it cannot is
written in storage/summary.py.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import ValidationError

from matrices.base import MAX_TEXT, bounded_time
from matrices.completeness import completeness
from matrices.installation import InstallationError
from matrices.proposal import Proposal
from matrices.reference import load_reference_data
from matrices.review import Comment
from matrices.rules import Rulebook, default_rulebook
from matrices.summary import SUBMITTED, SUMMARY_VERSION, ProposalSummary, summarize
from storage.content import PROPOSAL_TABLES, tables, write_meta
from storage.mapping import COMMENTS, PROPOSAL_TABLE
from storage.schema import table_columns

if TYPE_CHECKING:
    from sqlalchemy import Connection

logger = logging.getLogger(__name__)

SUMMARY_KEY = "summary"
"""Key of the summary row in the `meta` table."""

# Fields that are counted from the file when read, never stored.
LIVE_FIELDS = frozenset({"comments_open", "comments_resolved", "last_modified", "last_submitted"})

# Plain SQL on the bare sqlite3 connection, not SQLAlchemy expressions: reading a folder opens 300 files in a
# row, each without an engine (storage.opening.checked_reader), and compiling would cost more than reading.
# Threads are counted like matrices.summary.count_threads (replies excluded, anything not resolved is open);
# the times are stored as uniform ISO text, so the greatest text is the latest. The proposal's own fields that
# the summary copies come along: compared with the stored ones, they tie the summary to this file's row (a
# summary copied from another proposal, or a row edited by another program, is not used). No row, no summary.
_SUMMARY_TEXT = "SELECT value FROM meta WHERE key = ?"
_SUMMARY_AND_FACTS = (
    "SELECT (SELECT value FROM meta WHERE key = ?),"
    " (SELECT count(*) FROM comments WHERE parent_id IS NULL AND status IS NOT 'resolved'),"
    " (SELECT count(*) FROM comments WHERE parent_id IS NULL AND status = 'resolved'),"
    " (SELECT max(created_at) FROM snapshots WHERE reason = ?),"
    f" (SELECT count(*) FROM {PROPOSAL_TABLE}), title, authors, proposing_institution, policy_area, status, language"
    f" FROM {PROPOSAL_TABLE} LIMIT 1"
)

# A genuine summary is a few hundred bytes; a hostile file must not make the reader parse megabytes.
_MAX_SUMMARY_CHARS = 1_000_000


def _longest_text_query() -> str:
    """Return one query giving the longest value of the proposal and comment rows (0 when there is none).

    Every string of the model is at most MAX_TEXT characters, so a longer text column means the file would be
    refused when opened. A JSON column (a list of texts) may legitimately be longer: such a rare file is loaded
    to decide, like a suspect one. SQLite's length() stops at a NUL, so it can only under-count.
    """
    per_table = []
    for name in (*PROPOSAL_TABLES, COMMENTS.table):
        columns = [column for column in table_columns()[name] if column != "pk"]  # pk: the surrogate key
        lengths = ", ".join(f'ifnull(length("{column}"), 0)' for column in columns)
        per_table.append(f'ifnull((SELECT max(max(0, {lengths})) FROM "{name}"), 0)')
    return f"SELECT max(0, {', '.join(per_table)})"


_LONGEST_TEXT = _longest_text_query()


@functools.cache
def bundled_rulebook() -> Rulebook:
    """Return the rulebook of the bundled catalogues and field model (loaded once per process)."""
    reference = load_reference_data()
    return default_rulebook(reference.catalogs, reference.field_model)


def compute_summary(
    proposal: Proposal,
    comments: Iterable[Comment] = (),
    last_submitted: datetime | None = None,
    rulebook: Rulebook | None = None,
) -> ProposalSummary:
    """Run the rules and completeness on a proposal and return its summary (the slow path)."""
    book = rulebook or bundled_rulebook()
    findings = book.check(proposal)
    return summarize(proposal, findings, completeness(proposal, book.field_model), comments, last_submitted)


def try_summary_text(proposal: Proposal, comments: Iterable[Comment] = ()) -> str | None:
    """Return the stored form of a new document's summary, or None if the rules fail on it (it is only a cache)."""
    try:
        return summary_text(compute_summary(proposal, comments))
    except InstallationError:
        raise  # not this proposal's fault: no document can be checked until the app is reinstalled
    except Exception:  # a summary is an optimisation: never let it stop a document from being written
        logger.exception("could not compute the summary of %r", proposal.title)
        return None


def summary_text(summary: ProposalSummary) -> str:
    """Return the JSON text stored for a summary (without the fields counted when read)."""
    data = summary.model_dump(mode="json", exclude=set(LIVE_FIELDS))
    return json.dumps({"version": SUMMARY_VERSION, "summary": data}, ensure_ascii=False, sort_keys=True)


def parse_summary_text(text: object) -> ProposalSummary | None:
    """Return the summary a stored row holds, or None when it is missing, damaged or of another version."""
    if not isinstance(text, str) or len(text) > _MAX_SUMMARY_CHARS:
        return None
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != SUMMARY_VERSION:
            return None
        stored = data.get("summary")
        if not isinstance(stored, dict) or LIVE_FIELDS & stored.keys():
            return None
        return ProposalSummary.model_validate(stored)
    except (ValueError, RecursionError, ValidationError):
        return None


def read_summary_text(raw: sqlite3.Connection) -> str | None:
    """Return the stored summary row as text, or None when there is none."""
    row = raw.execute(_SUMMARY_TEXT, (SUMMARY_KEY,)).fetchone()
    return row[0] if row is not None and isinstance(row[0], str) else None


def write_summary(connection: Connection, text: str) -> None:
    """Store the summary row in the caller's transaction."""
    write_meta(connection, {SUMMARY_KEY: text})


def delete_summary(connection: Connection) -> None:
    """Remove the summary row in the caller's transaction (the proposal changed after it was computed)."""
    table = tables()["meta"]
    connection.execute(table.delete().where(table.c.key == SUMMARY_KEY))


def read_stored_summary(raw: sqlite3.Connection) -> ProposalSummary | None:
    """Return the stored summary completed with the live comment counts and last submission, or None.

    None also when the summary names another proposal than the file's row, or when a text of the file is longer
    than the model allows (the caller then loads the proposal, and the model refuses it).
    """
    row = raw.execute(_SUMMARY_AND_FACTS, (SUMMARY_KEY, SUBMITTED)).fetchone()
    summary = parse_summary_text(row[0]) if row is not None else None
    if row is None or summary is None:
        return None
    _text, comments_open, comments_resolved, submitted, rows, *copied = row
    if rows != 1 or not _copies(summary, *copied):
        logger.debug("the stored summary does not describe the file's proposal row")
        return None
    # A text of more than MAX_TEXT characters takes more than MAX_TEXT bytes: most files are too small to hold
    # one, and only the others are scanned (what a scan costs is in storage/summary.py).
    if _used_bytes(raw) > MAX_TEXT:
        longest = raw.execute(_LONGEST_TEXT).fetchone()[0]
        if not isinstance(longest, int) or longest > MAX_TEXT:
            logger.debug("a value of %s characters is longer than the model allows", longest)
            return None
    return summary.model_copy(
        update={
            "comments_open": _count(comments_open),
            "comments_resolved": _count(comments_resolved),
            "last_submitted": _parse_time(submitted),
        }
    )


def _used_bytes(raw: sqlite3.Connection) -> int:
    """Return the bytes of the pages in use (a PRAGMA each: cheaper to prepare than pragma table functions)."""
    values = [raw.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count", "page_size")]
    pages, free, size = (value if isinstance(value, int) else 0 for value in values)
    return (pages - free) * size if pages and size else MAX_TEXT + 1


def _copies(
    summary: ProposalSummary,
    title: object,
    authors: object,
    institution: object,
    policy_area: object,
    status: object,
    language: object,
) -> bool:
    """Return True when the summary holds the proposal row's own fields, exactly."""
    stored = (summary.title, summary.institution, summary.policy_area, summary.status, summary.language)
    if (title, institution, policy_area, status, language) != stored or not isinstance(authors, str):
        return False
    try:
        return bool(json.loads(authors) == list(summary.authors))
    except (ValueError, RecursionError):
        return False


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return bounded_time(parsed)
