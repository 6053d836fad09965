"""Comments a facilitator added in Word to an exported document, read back onto the items they concern.

The export wraps every item text in a hidden bookmark and names each bookmark's (matrix, item, field) in a
custom XML part (export/anchor_table.py). A Word comment is attached to the bookmark its range starts in; a
comment started just outside any (on a row's code cell, or just before the text) goes to the bookmark next to
it in the same paragraph or table row, then to the section heading above it, then to the whole proposal.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from pydantic import ValidationError

from export.anchor_table import AnchorTable, read_anchor_table
from export.docx_build import ANCHOR_BOOKMARK_PREFIX, Anchor
from export.docx_safety import DocxRefusedError, open_docx
from matrices.base import MAX_TEXT
from matrices.review import MATRIX_KEYS, Comment

_BOOKMARK_START, _BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_RANGE_START, _REFERENCE = qn("w:commentRangeStart"), qn("w:commentReference")
_P, _TR, _ID, _NAME = qn("w:p"), qn("w:tr"), qn("w:id"), qn("w:name")


class WordImportError(Exception):
    """A .docx could not be read, or was not exported by Policy Matrix; the message is one sentence."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = Path(path) if path is not None else None


class UnreadableWordFileError(WordImportError):
    """The file is not a .docx that python-docx can open (damaged, another format, unreadable on disk)."""


class NotOurWordFileError(WordImportError):
    """The file is a readable .docx without the item anchors of a Policy Matrix export."""


@dataclass(frozen=True)
class WordComments:
    """The comments read from a Word document, and which proposal it was exported from."""

    proposal_id: str | None
    comments: list[Comment]
    skipped: int = 0
    """Comments the export itself wrote (they are already in the .pmx), left out."""


@dataclass(frozen=True)
class _Mark:
    position: int
    anchor: Anchor
    paragraph: Any
    row: Any


def import_word_comments(docx_path: Path | str) -> list[Comment]:
    """Return the comments added in Word to an exported .docx, each anchored on its (matrix, item, field)."""
    return read_word_comments(docx_path).comments


def read_word_comments(docx_path: Path | str) -> WordComments:
    """Read an exported .docx's Word comments, leaving out those the export wrote itself."""
    path = Path(docx_path)
    try:
        document = open_docx(path)
        table = read_anchor_table(document)
        word_comments = list(document.comments)
    except DocxRefusedError as exc:
        raise UnreadableWordFileError(exc.reason, path) from exc
    except (KeyError, ValueError, SyntaxError) as exc:
        raise UnreadableWordFileError("could not be read as a Word document (.docx)", path) from exc
    if table is None:
        raise NotOurWordFileError(
            "was not exported by this version of Policy Matrix (it has no item anchors); "
            "export the proposal again and comment on that copy",
            path,
        )
    places = _comment_places(document.element.body, table)
    ours = {(_normal(c.author), _normal(c.text)) for c in table.exported}
    comments: list[Comment] = []
    skipped = 0
    for word_comment in word_comments:
        text = word_comment.text.strip()
        author = (word_comment.author or "").strip()
        if not text:
            continue
        if len(text) > MAX_TEXT or len(author) > MAX_TEXT:
            raise UnreadableWordFileError(
                f"holds a comment whose text or author is longer than {MAX_TEXT:,} characters", path
            )
        if (_normal(author), _normal(text)) in ours:
            skipped += 1
            continue
        anchor = places.get(str(word_comment.comment_id))
        comments.append(_comment(author, text, _timestamp(word_comment), anchor))
    return WordComments(table.proposal_id, comments, skipped)


def _comment(author: str, text: str, created: datetime, anchor: Anchor | None) -> Comment:
    # The id derives from the comment itself: importing the same document twice yields the same ids.
    digest = hashlib.sha256("\x1f".join((author, created.isoformat(), text, repr(anchor))).encode()).hexdigest()
    fields: dict[str, Any] = {"id": f"word-{digest[:32]}", "author": author, "text": text, "created_at": created}
    if anchor is not None and anchor[0] in MATRIX_KEYS:
        fields.update(matrix=anchor[0], item_id=anchor[1], field=anchor[2])
    try:
        return Comment(**fields)
    except ValidationError:
        # An anchor edited by hand into something invalid: keep the comment, on the whole proposal.
        return Comment(id=fields["id"], author=author, text=text, created_at=created)


def _timestamp(word_comment: Any) -> datetime:
    try:
        stamp = word_comment.timestamp
    except ValueError:
        stamp = None
    if stamp is None:
        return datetime.now(UTC).replace(microsecond=0)
    # Word writes the date with a Z, sometimes in local time; a date without zone is taken as UTC.
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone(UTC).replace(microsecond=0)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _ancestor(element: Any, tag: str) -> Any:
    return next(element.iterancestors(tag), None)


def _comment_places(body: Any, table: AnchorTable) -> dict[str, Anchor | None]:
    """Map each Word comment id to the anchor its range starts in (or the nearest one)."""
    marks: list[_Mark] = []
    open_marks: list[tuple[str | None, Anchor]] = []
    section: Anchor | None = None
    # comment id -> (position, anchor open there, paragraph, row, heading anchor above)
    starts: dict[str, tuple[int, Anchor | None, Any, Any, Anchor | None]] = {}
    references: dict[str, tuple[int, Anchor | None, Any, Any, Anchor | None]] = {}
    for position, element in enumerate(body.iter(_BOOKMARK_START, _BOOKMARK_END, _RANGE_START, _REFERENCE)):
        tag = element.tag
        if tag == _BOOKMARK_START:
            name = element.get(_NAME, "")
            prefixed = name.startswith(ANCHOR_BOOKMARK_PREFIX)
            anchor = table.anchors.get(name[len(ANCHOR_BOOKMARK_PREFIX) :]) if prefixed else None
            if anchor is None:
                continue
            open_marks.append((element.get(_ID), anchor))
            marks.append(_Mark(position, anchor, _ancestor(element, _P), _ancestor(element, _TR)))
            if anchor[1] is None:
                section = anchor
        elif tag == _BOOKMARK_END:
            bookmark_id = element.get(_ID)
            for index in range(len(open_marks) - 1, -1, -1):
                if open_marks[index][0] == bookmark_id:
                    del open_marks[index]
                    break
        else:
            found = starts if tag == _RANGE_START else references
            inside = open_marks[-1][1] if open_marks else None
            found.setdefault(element.get(_ID, ""), (position, inside, *_containers(element), section))
    positions = [mark.position for mark in marks]
    return {comment_id: _resolve(place, marks, positions) for comment_id, place in {**references, **starts}.items()}


def _containers(element: Any) -> tuple[Any, Any]:
    paragraph = _ancestor(element, _P)
    return paragraph, _ancestor(element, _TR)


def _resolve(
    place: tuple[int, Anchor | None, Any, Any, Anchor | None], marks: Sequence[_Mark], positions: list[int]
) -> Anchor | None:
    position, inside, paragraph, row, section = place
    if inside is not None:
        return inside
    # The marks of one paragraph or one row are consecutive: only the neighbours need a look.
    after = bisect.bisect_right(positions, position)
    for index in (after, after - 1):
        if 0 <= index < len(marks):
            mark = marks[index]
            if (paragraph is not None and mark.paragraph is paragraph) or (row is not None and mark.row is row):
                return mark.anchor
    return section
