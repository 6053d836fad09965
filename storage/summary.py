"""Reading proposals' summaries fast, for a facilitator's folder of 20-300 documents.

    summary = read_summary(path)            # ProposalSummary, or DocumentError like Document.open
    entries = review_folder(folder)         # one ReviewEntry per .pmx, unreadable ones with their error

A .pmx is opened read-only with every check Document.open runs (storage.opening.checked_reader: a hostile
file is refused the same way), and only the stored summary row is read, with the comment counts. A file
without a usable summary (written by an older build, edited since, or a .json) is loaded and summarized with
the rulebook instead: slower, same result. Nothing is written.

What review trusts. The summary is a cache that Policy Matrix writes in the transaction that writes the rows,
but nothing in a file is authenticated: whoever can write the file can write any summary, and an offline
application has no secret to sign one with. Proving that a summary was computed from the rows means computing
it (load + rules, ~30 ms a file: 15 s for 500 instead of < 2 s). So review uses a stored summary only when
every check below holds, and otherwise loads the file, which is exactly what opening does: on these checks
review may be slower than opening but never more lenient.

- the file passes Document.open's checks, including its length against its header (a file cut short);
- the summary validates and is of this SUMMARY_VERSION;
- it names this file's proposal row: the title, authors, institution, policy area, status and language it
  copies equal the row's (a summary planted from another proposal, or left behind when another program edited
  those fields, is not used; neither is a file with no or several proposal rows);
- no value of the proposal or comment rows is longer than the model allows (MAX_TEXT): a file small enough
  cannot hold such a text; a larger one is scanned with one SQL aggregate (~1.5 ms for 350 KB).

What it does not prove: the computed figures (completeness, errors, warnings) and the finer validity of the
rows (an id's pattern, an unknown status) are the file's word. A file edited by hand elsewhere may show stale
figures, or be listed while opening refuses it; every decision (opening, `check`, `export`) recomputes from the
rows. A digest of all rows stored beside the summary would catch an accidental edit but not a forger, who can
recompute it; measured, it costs ~0.7-1.4 ms a file on review (+0.35-0.7 s on 500 files) and ~0.7-1.3 ms on
every save that stores a summary, against a 3 ms target for saving one field. It was left out.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from matrices.base import bounded_time
from matrices.rules import Rulebook
from matrices.summary import ProposalSummary, last_submission
from storage.connection import describe_sqlite_error
from storage.document import Document
from storage.errors import DocumentError
from storage.filenames import shown
from storage.interchange import parse_interchange, read_json
from storage.opening import checked_reader
from storage.summary_rows import compute_summary, read_stored_summary

logger = logging.getLogger(__name__)

DOCUMENT_SUFFIX = ".pmx"
# NAME.v1.bak.pmx, NAME.v1.bak-2.pmx: copies kept before a migration (storage/migrations.py), not proposals.
_MIGRATION_BACKUP = re.compile(r"\.v\d+\.bak(-\d+)?\.pmx$", re.IGNORECASE)

Stamp = tuple[int, int]
"""(modification time in ns, size): what tells that a file changed since it was read."""

SubmissionStatus = Literal["proposal", "several", "word_only", "nothing"]
"""What a participant sent through a learning platform: one proposal, several, only a Word file, nothing readable
(storage.moodle names each for the facilitator)."""


@dataclass(frozen=True)
class Submitter:
    """Who handed a proposal in through a learning platform (a Moodle download), and what they handed in."""

    participant_id: int
    name: str
    files: str = ""
    """The names of the files they sent, as listed."""
    status: SubmissionStatus = "proposal"
    reviewed: bool = False
    """The facilitator's working copy of the proposal holds comments."""


@dataclass(frozen=True)
class ReviewEntry:
    """One file of a reviewed folder: its summary, or the one-line reason it could not be read."""

    path: Path
    summary: ProposalSummary | None = None
    error: str | None = None
    stamp: Stamp | None = None
    submitter: Submitter | None = None
    """Set for a participant of a Moodle download (path is then where the facilitator's copy lives)."""

    @property
    def ok(self) -> bool:
        """Return True when the file was read."""
        return self.summary is not None


def file_stamp(path: Path) -> Stamp | None:
    """Return the (mtime_ns, size) of path, or None when it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _modified(path: Path) -> datetime | None:
    try:
        # A modification time another tool set far in the past or future is shown as the nearest bound.
        return bounded_time(datetime.fromtimestamp(path.stat().st_mtime, UTC))
    except (OSError, OverflowError, ValueError):
        return None


def read_stored(path: Path) -> ProposalSummary | None:
    """Return the summary stored in a .pmx, after every check Document.open runs; None if missing or stale."""
    with checked_reader(path) as raw:
        if raw is None:
            return None  # an older file format: only Document.open reads it
        try:
            return read_stored_summary(raw)
        except sqlite3.Error as exc:
            raise DocumentError(f"could not be read: {describe_sqlite_error(exc)}", path) from exc


def compute_from_file(path: Path, rulebook: Rulebook | None = None) -> ProposalSummary:
    """Load a .pmx read-only and compute its summary with the rulebook (the slow path)."""
    with Document.open(path, read_only=True) as document:
        snapshots = [(info.created_at, info.reason) for info in document.list_snapshots()]
        return compute_summary(document.load(), document.load_comments(), last_submission(snapshots), rulebook)


def read_summary(path: Path | str, rulebook: Rulebook | None = None) -> ProposalSummary:
    """Return a document's summary: the stored one when current, else computed from the proposal."""
    target = Path(path)
    if target.suffix.lower() == ".json":
        data = read_json(target)
        summary = compute_summary(data.proposal, data.comments, None, rulebook)
    else:
        stored = read_stored(target)
        if stored is None:
            logger.debug("no current summary in %s: computing it", target)
        summary = stored or compute_from_file(target, rulebook)
    return summary.model_copy(update={"last_modified": _modified(target)})


def read_image_summary(data: bytes, path: Path, rulebook: Rulebook | None = None) -> ProposalSummary:
    """Return the summary of a document's bytes (a file inside a zip), checked in memory like a file on disk."""
    if path.suffix.lower() == ".json":
        try:
            parsed = parse_interchange(data)
        except DocumentError as exc:
            exc.path = exc.path or path
            raise
        return compute_summary(parsed.proposal, parsed.comments, None, rulebook)
    with Document.open_image(data, path) as document:
        stored = document.load_summary()
        if stored is not None:
            return stored
        snapshots = [(info.created_at, info.reason) for info in document.list_snapshots()]
        return compute_summary(document.load(), document.load_comments(), last_submission(snapshots), rulebook)


def read_entry(path: Path, rulebook: Rulebook | None = None) -> ReviewEntry:
    """Read one file's summary; any failure becomes the entry's one-line error (a batch goes on)."""
    stamp = file_stamp(path)
    try:
        return ReviewEntry(path, read_summary(path, rulebook), None, stamp)
    except DocumentError as exc:
        return ReviewEntry(path, None, str(exc), stamp)
    except Exception as exc:  # one strange file must not stop the review of the other 299
        logger.exception("could not summarize %s", shown(path))
        return ReviewEntry(path, None, f"could not be summarized (internal error: {type(exc).__name__})", stamp)


def is_document(name: str) -> bool:
    """Return True for a proposal's file name: a visible .pmx that is not a copy kept before a migration."""
    return name.lower().endswith(DOCUMENT_SUFFIX) and not name.startswith(".") and not _MIGRATION_BACKUP.search(name)


def find_documents(folder: Path, recursive: bool = False) -> list[Path]:
    """Return the .pmx files of folder (and its subfolders when recursive), sorted; hidden files are skipped."""
    found: list[Path] = []
    if recursive:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(root) / name for name in files if is_document(name))
    else:
        with os.scandir(folder) as entries:
            # Not only regular files: a pipe or a device named .pmx is listed with its error, as os.walk lists it.
            found.extend(Path(e.path) for e in entries if is_document(e.name) and not e.is_dir())
    return sorted(found, key=lambda p: [part.casefold() for part in p.relative_to(folder).parts])


def review_folder(folder: Path, recursive: bool = False, rulebook: Rulebook | None = None) -> list[ReviewEntry]:
    """Return one entry per .pmx of folder, in file order; unreadable files carry their error."""
    return [read_entry(path, rulebook) for path in find_documents(folder, recursive)]
