"""Errors of the document file and the JSON interchange: one sentence each, never a traceback or driver text.

The message is the reason only ("is empty, not a Policy Matrix document"); callers put the file name in
front of it (`main.py` prints `error: FILE: reason`), and `path` keeps the file for the GUI.
"""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document or interchange file could not be opened, read or written."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = Path(path) if path is not None else None


class UnreadableFileError(DocumentError):
    """The file is missing, is a folder, or cannot be read."""


class NotADocumentError(DocumentError):
    """The file is not an SQLite database at all (empty, random bytes, a text file renamed .pmx)."""


class CorruptDocumentError(DocumentError):
    """The file is a damaged (truncated, malformed) database, or holds data no version of us writes."""


class ForeignDocumentError(NotADocumentError):
    """The file is an SQLite database written by another program."""


class NewerVersionError(DocumentError):
    """The file was written by a newer version of Policy Matrix."""


class UnsupportedVersionError(DocumentError):
    """The file was written by an older version that this version has no migration for."""


class UnexpectedSchemaError(DocumentError):
    """The file holds tables, indexes, triggers or views that Policy Matrix does not create."""


class UntrustedSideFileError(DocumentError):
    """A file beside the document (its journal, a write-ahead log, its lock) is not one Policy Matrix wrote."""

    def __init__(self, reason: str, path: Path | str, side: Path, problem: str) -> None:
        super().__init__(reason, path)
        self.side = side
        self.problem = problem
        """What is wrong with the side file, e.g. "it is a link"."""


class LinkedDocumentError(DocumentError):
    """The document has other names (hard links): saves under one name could be lost or mixed under another."""


class NameTooLongError(DocumentError):
    """The document's name leaves no room for the journal SQLite writes beside it: no save could succeed."""


class MigrationError(DocumentError):
    """Converting an older file to the current format failed; the file is left as it was."""


class DocumentExistsError(DocumentError):
    """A new document would overwrite an existing file."""


class DocumentLockedError(DocumentError):
    """Another Policy Matrix window holds the document (or the target of Save As) open for writing."""

    def __init__(self, reason: str, path: Path | str | None = None, holder: str | None = None) -> None:
        super().__init__(reason, path)
        self.holder = holder


class ReadOnlyDocumentError(DocumentError):
    """A write was asked of a document opened read-only."""


class DocumentClosedError(DocumentError):
    """The document was used after close()."""


class WriteFailedError(DocumentError):
    """Saving failed (disk full, device removed, permission lost); nothing of the transaction was written."""


class InterchangeError(DocumentError):
    """A JSON interchange text is invalid: bad JSON, another format, a newer version, or an invalid proposal."""


class ArchiveError(DocumentError):
    """A zip (a submissions download) cannot be read at all: not a zip, damaged, or built to exhaust the reader."""


class MemberError(DocumentError):
    """One file inside a zip is refused: an unsafe name, a link, a duplicate, too large, or damaged."""


class WorksheetError(DocumentError):
    """A grading worksheet that cannot be filled in: not UTF-8, not Moodle's, or without a feedback column."""


class NotARegularFileError(UnreadableFileError):
    """The path is a named pipe, a device or a socket: reading it would block or never end."""


class FileTooLargeError(DocumentError):
    """The file is larger than Policy Matrix reads (the limit is in the message, and in `limit`, in bytes)."""

    def __init__(self, reason: str, path: Path | str | None = None, limit: int | None = None) -> None:
        super().__init__(reason, path)
        self.limit = limit


class OutputConflictError(DocumentError):
    """An output path is an input, a template, a document's side file or another output of the same run."""
