"""Comments a facilitator wrote in Word on an exported proposal, previewed, then merged into the review comments.

Nothing is stored before the facilitator has seen where each comment lands (ui/comments/import_preview.py):
those that could not be placed are listed and go to the general comments unless moved to an item.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from export.comment_import import ForeignWordFileError, ImportPlan, plan_import
from export.word_comments import UnreadableWordFileError, WordImportError
from matrices.proposal import Proposal
from matrices.review import Anchor, Comment
from matrices.walk import nodes
from storage.errors import DocumentError
from ui.comments.import_preview import preview_import
from ui.messages import error_details, error_message
from ui.session import DocumentSession
from ui.widgets.plain_text import literal

logger = logging.getLogger(__name__)

Confirm = Callable[[ImportPlan], Mapping[str, Anchor] | None]
"""Shows a plan and returns the facilitator's moves (thread id -> anchor), or None when they cancel."""


@dataclass(frozen=True)
class WordImport:
    """What an import brought: the new comments, and how many were already in the document."""

    added: list[Comment]
    known: int
    """Comments left out: written by our own export, or brought by an earlier import of the same file."""
    resolved: int = 0
    """Threads of the proposal that the reviewer resolved in the document."""
    unplaced: list[Comment] = field(default_factory=list)
    """The added comments that went to the general comments because they could not be placed (nor moved)."""


class CommentSink(Protocol):
    """Where the document's comments live: the Document itself, or the editor's comment store when it is open."""

    def load_comments(self) -> list[Comment]:
        """Return every comment."""

    def save_comments(self, comments: Iterable[Comment]) -> object:
        """Keep exactly these comments."""


def move_targets(proposal: Proposal) -> list[Anchor]:
    """Return where a comment can be moved: each matrix, then each item of the proposal, in the pages' order."""
    targets: list[Anchor] = [("general", None, None), ("problem", None, None), ("strategy", None, None)]
    targets += [("actors", None, None), ("instruments", None, None)]
    seen: set[tuple[str, str]] = set()
    for node in nodes(proposal):
        if node.item is not None and (node.matrix, node.item) not in seen:
            seen.add((node.matrix, node.item))
            targets.append((node.matrix, node.item, None))
    return targets


def store_import(document: CommentSink, plan: ImportPlan, moves: Mapping[str, Anchor] | None = None) -> WordImport:
    """Store a plan's comments (moved as asked) into the document's comments; content is untouched."""
    if plan.changes_anything:
        document.save_comments(plan.merged(document.load_comments(), moves))
    moved = moves or {}
    unplaced = [entry.comment for entry in plan.unplaced if entry.comment.id not in moved]
    added = [entry.comment for entry in plan.incoming]
    return WordImport(added, plan.known, len(plan.resolve), unplaced)


def import_comments_from_word(
    session: DocumentSession, document: CommentSink, path: Path, confirm: Confirm | None = None
) -> WordImport | None:
    """Plan the import of an exported, Word-annotated .docx, let confirm see it, and store it (None: cancelled).

    Without confirm, the plan is stored as it is (comments that could not be placed go to the general
    comments). Raises WordImportError when the file is not such a .docx or belongs to another proposal, and
    DocumentError when the document cannot store comments (read-only, disk full).
    """
    plan = plan_import(path, session.proposal, document.load_comments())
    moves: Mapping[str, Anchor] | None = {}
    if confirm is not None and plan.changes_anything:
        moves = confirm(plan)
        if moves is None:
            return None
    return store_import(document, plan, moves)


class _ImportCounts(QObject):
    """The counted message of an import: lupdate gives plural forms only to self.tr() inside a class."""

    def describe(self, result: WordImport) -> str:
        """Say how many comments came in, and how many were already there."""
        text = self.tr("%n comment(s) imported.", "", len(result.added))
        if result.unplaced:
            text += " " + self.tr("%n could not be placed and went to the general comments.", "", len(result.unplaced))
        if result.resolved:
            text += " " + self.tr("%n thread(s) marked resolved.", "", result.resolved)
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
    session: DocumentSession,
    document: CommentSink,
    parent: QWidget | None = None,
    path: Path | None = None,
    *,
    describe: Callable[[Anchor], str],
    lang: str,
    detail: Callable[[Anchor], str] | None = None,
    confirm: Confirm | None = None,
) -> WordImport | None:
    """Ask for the .docx (unless path is given), preview where its comments land, import them and tell the result.

    describe names an anchor for people (code and field label in the interface language), detail at length;
    confirm replaces the preview dialog (tests).
    """
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
    if confirm is None:
        targets = move_targets(session.proposal)

        def confirm(plan: ImportPlan) -> Mapping[str, Anchor] | None:
            return preview_import(parent, plan, describe, targets, lang, detail)

    try:
        result = import_comments_from_word(session, document, path, confirm)
    except (WordImportError, DocumentError, OSError) as exc:
        logger.warning("importing the comments of %s failed: %s", path, error_details(exc))
        QMessageBox.warning(parent, title, literal(import_error_message(exc, path, session.path)))
        return None
    if result is not None:
        QMessageBox.information(parent, title, _ImportCounts().describe(result))
    return result
