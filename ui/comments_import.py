"""Comments a facilitator wrote in Word on an exported proposal, merged into the document's review comments."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from export.word_comments import UnreadableWordFileError, WordImportError, read_word_comments
from matrices.review import Comment
from storage.errors import DocumentError
from ui.messages import error_details, error_message
from ui.session import DocumentSession
from ui.widgets.plain_text import literal

logger = logging.getLogger(__name__)


class ForeignWordFileError(WordImportError):
    """The .docx was exported from another proposal."""


@dataclass(frozen=True)
class WordImport:
    """What an import brought: the new comments, and how many were already in the document."""

    added: list[Comment]
    known: int
    """Comments left out: written by our own export, or brought by an earlier import of the same file."""


def _key(comment: Comment) -> tuple[str, str, str | None, str | None, str | None]:
    return (
        " ".join(comment.author.split()),
        " ".join(comment.text.split()),
        comment.matrix,
        comment.item_id,
        comment.field,
    )


class CommentSink(Protocol):
    """Where the document's comments live: the Document itself, or the editor's comment store when it is open."""

    def load_comments(self) -> list[Comment]:
        """Return every comment."""

    def save_comments(self, comments: Iterable[Comment]) -> object:
        """Keep exactly these comments."""


def comments_to_import(path: Path, proposal_id: str, existing: Sequence[Comment]) -> WordImport:
    """Return the comments of an exported, Word-annotated .docx that existing does not hold yet.

    Raises WordImportError when the file is not such a .docx or was exported from another proposal.
    """
    found = read_word_comments(path)
    if found.proposal_id is not None and found.proposal_id != proposal_id:
        raise ForeignWordFileError("was exported from another proposal", path)
    known_ids = {comment.id for comment in existing}
    known_keys = {_key(comment) for comment in existing}
    added: list[Comment] = []
    for comment in found.comments:
        if comment.id in known_ids or _key(comment) in known_keys:
            continue
        known_ids.add(comment.id)
        known_keys.add(_key(comment))
        added.append(comment)
    return WordImport(added, found.skipped + len(found.comments) - len(added))


def import_comments_from_word(session: DocumentSession, document: CommentSink, path: Path) -> WordImport:
    """Add the comments of an exported, Word-annotated .docx to the document's comments (content is untouched).

    Raises WordImportError when the file is not such a .docx or belongs to another proposal, and DocumentError
    when the document cannot store comments (read-only, disk full).
    """
    existing = document.load_comments()
    result = comments_to_import(path, session.proposal.id, existing)
    if result.added:
        document.save_comments([*existing, *result.added])
    return result


class _ImportCounts(QObject):
    """The counted message of an import: lupdate gives plural forms only to self.tr() inside a class."""

    def describe(self, result: WordImport) -> str:
        """Say how many comments came in, and how many were already there."""
        text = self.tr("%n comment(s) imported.", "", len(result.added))
        if result.known:
            text += " " + self.tr("%n were already in the proposal.", "", result.known)
        return text


def import_error_message(exc: Exception, path: Path, document_path: Path) -> str:
    """Return, in the interface language, why the comments of the .docx at path did not come into the document."""
    if isinstance(exc, ForeignWordFileError):
        text = QCoreApplication.translate(
            "CommentsImport",
            "%1 was exported from another proposal. Import its comments into the proposal it was exported from.",
        )
    elif isinstance(exc, UnreadableWordFileError):
        text = QCoreApplication.translate(
            "CommentsImport",
            "%1 could not be read as a Word document (.docx). Check that you chose the right file.",
        )
    elif isinstance(exc, WordImportError):
        text = QCoreApplication.translate(
            "CommentsImport",
            "%1 was not exported by this version of Policy Matrix. Export the proposal again and comment on that copy.",
        )
    else:
        # Storing the comments failed: the document is the file in question, not the .docx.
        return error_message(exc, document_path)
    return text.replace("%1", path.name)


def choose_and_import_word_comments(
    session: DocumentSession, document: CommentSink, parent: QWidget | None = None, path: Path | None = None
) -> WordImport | None:
    """Ask for the .docx (unless path is given), import its comments and tell how many came in."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("CommentsImport", "Import comments from Word"),
            str(session.path.parent),
            QCoreApplication.translate("CommentsImport", "Word documents (*.docx)"),
        )
        if not name:
            return None
        path = Path(name)
    title = QCoreApplication.translate("CommentsImport", "Import comments from Word")
    try:
        result = import_comments_from_word(session, document, path)
    except (WordImportError, DocumentError, OSError) as exc:
        logger.warning("importing the comments of %s failed: %s", path, error_details(exc))
        QMessageBox.warning(parent, title, literal(import_error_message(exc, path, session.path)))
        return None
    QMessageBox.information(parent, title, _ImportCounts().describe(result))
    return result
