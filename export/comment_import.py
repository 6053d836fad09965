"""What importing a reviewed document's comments would do to a proposal's comments: the plan a preview shows.

Nothing is stored here. The plan says, for each new comment, where it lands or why it could not be placed;
which comments were already in the proposal; which of the app's threads the reviewer resolved; and which
comments cannot be stored at all. The caller shows it, lets the facilitator move comments, then stores
plan.merged(existing, moves). A comment that could not be placed goes to the general comments (the whole
proposal) unless it is moved: it is never put on an item by a guess, and never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from export.word_comments import LeftOut, Note, WordComments, WordImportError, read_word_comments
from matrices.proposal import Proposal
from matrices.review import Anchor, Comment
from matrices.walk import nodes

WHOLE_PROPOSAL: Anchor = (None, None, None)


class ForeignWordFileError(WordImportError):
    """The .docx was exported from another proposal."""


@dataclass(frozen=True)
class Incoming:
    """A comment the import would add: where it lands (on the whole proposal when not placed) and why."""

    comment: Comment
    placed: bool
    reason: str | None = None
    """Why it was not placed: 'missing', 'changed', 'no-bookmarks', 'unknown-anchor' (export/word_comments.py)
    or 'deleted' (its item is no longer in the proposal)."""
    notes: tuple[Note, ...] = ()

    @property
    def anchor(self) -> Anchor:
        """Return where the comment lands if nobody moves it."""
        return self.comment.matrix, self.comment.item_id, self.comment.field


@dataclass(frozen=True)
class ImportPlan:
    """What an import would store, for the preview (GUI) or the report (`import-comments`)."""

    incoming: list[Incoming]
    known: int = 0
    """Comments of the document already in the proposal: written by its export, or brought by an earlier import."""
    resolve: tuple[str, ...] = ()
    """Ids of the proposal's open threads that the reviewer resolved in the document."""
    left_out: tuple[LeftOut, ...] = ()
    replies_of: dict[str, str] = field(default_factory=dict)
    """Incoming reply id -> the id of its thread's first comment (incoming or already stored)."""

    @property
    def unplaced(self) -> list[Incoming]:
        """Return the comments that could not be placed (the first of a thread only; replies follow it)."""
        return [entry for entry in self.incoming if not entry.placed and entry.comment.id not in self.replies_of]

    @property
    def changes_anything(self) -> bool:
        """Return whether storing the plan would change the proposal's comments."""
        return bool(self.incoming or self.resolve)

    def merged(self, existing: Sequence[Comment], moves: Mapping[str, Anchor] | None = None) -> list[Comment]:
        """Return existing with the plan applied: new comments added (moved as asked), resolved threads resolved.

        moves maps the id of a thread's first comment to the anchor chosen for it; its replies follow it.
        """
        moves = moves or {}
        anchors = {comment.id: (comment.matrix, comment.item_id, comment.field) for comment in existing}
        for entry in self.incoming:
            if entry.comment.id not in self.replies_of:
                anchors[entry.comment.id] = moves.get(entry.comment.id, entry.anchor)
        resolve = set(self.resolve)
        result = [c.model_copy(update={"status": "resolved"}) if c.id in resolve else c for c in existing]
        for entry in self.incoming:
            root = self.replies_of.get(entry.comment.id, entry.comment.id)
            matrix, item, key = anchors.get(root, entry.anchor)
            result.append(entry.comment.model_copy(update={"matrix": matrix, "item_id": item, "field": key}))
        return result


def plan_import(
    path: Path, proposal: Proposal, existing: Sequence[Comment], found: WordComments | None = None
) -> ImportPlan:
    """Read the reviewed .docx at path and return what importing its comments into proposal would do.

    Raises WordImportError when the file is not an exported .docx, or ForeignWordFileError when it was
    exported from another proposal.
    """
    found = found if found is not None else read_word_comments(path)
    if found.proposal_id is not None and found.proposal_id != proposal.id:
        raise ForeignWordFileError("was exported from another proposal", path)
    items = {(node.matrix, node.item) for node in nodes(proposal) if node.item is not None}
    known_ids = {comment.id for comment in existing}
    known_keys = {_key(comment) for comment in existing}
    incoming: list[Incoming] = []
    known = found.skipped
    for entry in found.found:
        comment = entry.comment
        if comment.id in known_ids or _key(comment) in known_keys:
            known += 1
            continue
        known_ids.add(comment.id)
        known_keys.add(_key(comment))
        placed, reason = entry.placed, entry.reason
        if placed and comment.item_id is not None and (comment.matrix, comment.item_id) not in items:
            placed, reason = False, "deleted"
        if not placed:
            comment = comment.model_copy(update={"matrix": None, "item_id": None, "field": None})
        incoming.append(Incoming(comment, placed, reason, entry.notes))
    stored = {comment.id: comment for comment in existing}
    resolve = tuple(
        comment_id for comment_id in found.resolved if comment_id in stored and stored[comment_id].status == "open"
    )
    return ImportPlan(incoming, known, resolve, found.left_out, _replies(incoming, stored))


def _replies(incoming: Iterable[Incoming], stored: Mapping[str, Comment]) -> dict[str, str]:
    """Map each incoming reply to its thread's first comment, following parents through both sets."""
    parents = {comment.id: comment.parent_id for comment in stored.values()}
    parents.update({entry.comment.id: entry.comment.parent_id for entry in incoming})
    found: dict[str, str] = {}
    for entry in incoming:
        current, seen = entry.comment.id, {entry.comment.id}
        while (parent := parents.get(current)) is not None and parent in parents and parent not in seen:
            seen.add(parent)
            current = parent
        if current != entry.comment.id:
            found[entry.comment.id] = current
    return found


def _key(comment: Comment) -> tuple[str, str, str | None, str | None, str | None]:
    return (
        " ".join(comment.author.split()),
        " ".join(comment.text.split()),
        comment.matrix,
        comment.item_id,
        comment.field,
    )
