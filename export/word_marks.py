"""What the Word export records so that comments written on it come back to the place they were written.

Every text a comment may be about is bookmarked; a Mark says where a comment on that text lands, a RowPlace where
an anchored table row is (export/anchor_table.py writes both into the document, export/word_anchoring.py reads
them back). fingerprint() and field_pieces() are shared by both sides: the export counts and digests what it
writes, the import what it finds.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import NamedTuple

Anchor = tuple[str, str | None, str | None]
"""Where a review comment can point: (matrix, item id or None, field key or None)."""

PROPOSAL_ANCHOR: Anchor = ("", None, None)
"""Where a Word comment lands when the text it marks is about the whole proposal (the summary, the contents):
the general comments. No comment of the app is ever placed on it (they always name a matrix)."""

ANCHOR_BOOKMARK_PREFIX = "_PM"
"""Bookmarks of item texts are named _PM<marker>: hidden in Word (leading underscore), at most 40 characters."""


def field_pieces(content: Sequence[tuple[str, ...]]) -> tuple[tuple[int, str], ...]:
    """Return (visible characters before it, field key) for each piece of a cell's content showing a field.

    A piece is (text, emphasis) or, when it shows a field of its own, (text, emphasis, field key): a FieldSeg.
    """
    found: list[tuple[int, str]] = []
    offset = 0
    for piece in content:
        if len(piece) == 3 and piece[0]:
            found.append((offset, piece[2]))
        # Counted as fingerprint() reads a text: the characters clean_text removes are controls nobody types.
        offset += len(piece[0].replace(" ", "").replace("\n", "").replace("\t", "").replace("\r", ""))
    return tuple(found)


def fingerprint(text: str) -> str:
    """Return a short digest of the visible characters of a text: spaces, tabs and line breaks left out.

    The export records it for every anchored table row, and the import computes it from the row it finds, so
    that a row whose bookmarks a word processor dropped is still recognised, and a changed row is not. (The
    control characters clean_text removes, which no participant types, would make a row look changed.)
    """
    # Spaces, and the characters the export writes as w:br, w:tab or drops: a few C-level scans (a row each).
    visible = text.replace(" ", "").replace("\n", "").replace("\t", "").replace("\r", "")
    # CRC-32 is enough to tell a changed row from an unchanged one, and costs a fraction of a cryptographic hash.
    return f"{zlib.crc32(visible.encode('utf-8', 'surrogatepass')):08x}"


class Mark(NamedTuple):
    """What a bookmarked text is, for the comments a reviewer writes on it in a word processor.

    A named tuple rather than a dataclass: the export makes one per bookmark, thousands for a large proposal.
    """

    anchor: Anchor
    """Where a comment starting in the text lands."""
    section: bool = False
    """A heading: comments on the text below it that has no bookmark of its own land on its anchor."""
    pieces: tuple[tuple[int, str], ...] = ()
    """(where it starts, field key) of each piece of the text that shows a field of its own (see FieldSeg),
    counted in visible characters (spaces and line breaks left out) from the start of the text."""


class RowPlace(NamedTuple):
    """Where an anchored table row is, so that its cells are found again by a writer that drops bookmarks."""

    table: int
    """The table's number in the body, from 0."""
    row: int
    """The row's number in its table, from 0 (the header row included)."""
    printed: str
    """The fingerprint of the row's text: a row found by its place is trusted only if unchanged."""
    cells: tuple[str | None, ...]
    """The marker of each cell's bookmark, in order."""
