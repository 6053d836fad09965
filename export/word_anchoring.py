"""Where a comment written on an exported document starts, as the anchor of the proposal it is about.

Word processors rewrite the export's bookmarks as they save: LibreOffice 7.4 turns an empty bookmark into a
start with no end followed by an empty pair of the same name, Word may move a bookmark that opens a paragraph
to the end of the paragraph before, and some writers drop hidden bookmarks altogether. So a bookmark is never
taken as "open until its end": each comment is placed by the paragraph or table cell where it starts.

- In a table cell, the cell's own bookmarks decide: the one whose range holds the start (the innermost), else
  the first after the start in the cell, else the last before; in a cell showing several fields, the piece
  the start is in (an indicator's formula inside its name cell), counted in visible characters.
  A cell without one takes its row's item (no field); a row without any bookmark is found by its place in the
  anchor table, trusted only if its text still has the recorded fingerprint; a header row, or a row of a table
  about no item, takes the heading above.
- In a paragraph, its own bookmarks decide the same way; a paragraph of a text that spans several paragraphs
  takes that text's bookmark; any other paragraph (a note, a picture, a list under an axis's part) takes the
  heading above it. Nothing before the first heading (the cover, the contents) is about one item: the whole
  proposal.
- A comment with no range (a point) starts at its reference mark; a range that crosses cells or paragraphs
  counts where it starts.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from export.anchor_table import AnchorTable
from export.word_marks import ANCHOR_BOOKMARK_PREFIX, PROPOSAL_ANCHOR, Anchor, fingerprint

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TC, _TR, _TBL, _T = (f"{{{W}}}{tag}" for tag in ("p", "tc", "tr", "tbl", "t"))
_BOOKMARK_START, _BOOKMARK_END = f"{{{W}}}bookmarkStart", f"{{{W}}}bookmarkEnd"
_RANGE_START, _REFERENCE = f"{{{W}}}commentRangeStart", f"{{{W}}}commentReference"
_ID, _NAME = f"{{{W}}}id", f"{{{W}}}name"


@dataclass(frozen=True)
class Placement:
    """Where a comment lands: an anchor (matrix "" is the whole proposal), or None with the reason why not."""

    anchor: Anchor | None
    reason: str | None = None
    """'missing': the comment has no mark in the body; 'changed': its row no longer reads as exported;
    'no-bookmarks': the writer dropped every bookmark and the comment is not in a table row."""


@dataclass
class _Mark:
    position: int
    tag: str
    anchor: Anchor
    element: Any
    paragraph: Any
    cell: Any
    bookmark_id: str | None
    end: int | None = None
    end_paragraph: Any = None


class BodyPlaces:
    """The bookmarks and comment marks of a document's body, read in one pass; place() answers per comment."""

    def __init__(self, body: Any, table: AnchorTable) -> None:
        self._table = table
        self._body = body
        self._by_cell: dict[Any, list[_Mark]] = {}
        self._by_paragraph: dict[Any, list[_Mark]] = {}
        self._spans: list[_Mark] = []
        self._sections: list[tuple[int, Anchor]] = []
        self._starts: dict[str, tuple[int, Any]] = {}
        self._references: dict[str, tuple[int, Any]] = {}
        self._tables: dict[Any, int] | None = None
        marks: list[_Mark] = []
        open_by_id: dict[str, list[_Mark]] = {}
        for position, element in enumerate(body.iter(_BOOKMARK_START, _BOOKMARK_END, _RANGE_START, _REFERENCE)):
            tag = element.tag
            if tag == _BOOKMARK_START:
                name = element.get(_NAME, "")
                if not name.startswith(ANCHOR_BOOKMARK_PREFIX):
                    continue
                number = name[len(ANCHOR_BOOKMARK_PREFIX) :]
                anchor = table.anchors.get(number)
                if anchor is None:
                    continue
                paragraph, cell = _home(element)
                mark = _Mark(position, number, anchor, element, paragraph, cell, element.get(_ID))
                marks.append(mark)
                open_by_id.setdefault(mark.bookmark_id or "", []).append(mark)
                if number in table.sections:
                    self._sections.append((position, anchor))
            elif tag == _BOOKMARK_END:
                # An end closes the latest start with its id that is still open; a start left without one
                # (LibreOffice's copy of an empty bookmark) covers no text at all.
                waiting = open_by_id.get(element.get(_ID) or "")
                if waiting:
                    mark = waiting.pop()
                    mark.end = position
                    mark.end_paragraph = _home(element)[0]
            else:
                found = self._starts if tag == _RANGE_START else self._references
                found.setdefault(element.get(_ID, ""), (position, element))
        for mark in marks:
            if mark.cell is not None:
                self._by_cell.setdefault(mark.cell, []).append(mark)
            elif mark.paragraph is not None:
                self._by_paragraph.setdefault(mark.paragraph, []).append(mark)
                if mark.end_paragraph is not None and mark.end_paragraph is not mark.paragraph:
                    self._spans.append(mark)
        self._any_marks = bool(marks)
        self._section_positions = [position for position, _ in self._sections]

    def home(self, comment_id: str) -> Any:
        """Return the paragraph where a comment starts (None when it has no mark in the body)."""
        found = self._starts.get(comment_id) or self._references.get(comment_id)
        return _home(found[1])[0] if found is not None else None

    def place(self, comment_id: str) -> Placement:
        """Return where the comment with this Word id lands."""
        found = self._starts.get(comment_id) or self._references.get(comment_id)
        if found is None:
            return Placement(None, "missing")
        position, element = found
        paragraph, cell = _home(element)
        if paragraph is None:
            return Placement(None, "missing")
        if cell is not None:
            mark = _choose(self._by_cell.get(cell, ()), position)
            if mark is None:
                return self._cell_fallback(cell, position, element)
            return Placement(self._piece(mark.tag, mark.anchor, cell, element))
        own = [mark for mark in self._by_paragraph.get(paragraph, ()) if not _moved_ahead(mark)]
        mark = _choose(own, position)
        if mark is None:
            spanning = [m for m in self._spans if m.position < position and m.end is not None and position < m.end]
            mark = max(spanning, key=lambda m: m.position) if spanning else None
        if mark is not None:
            return Placement(mark.anchor)
        if not self._any_marks:
            return Placement(None, "no-bookmarks")
        return self._section(position)

    def _section(self, position: int) -> Placement:
        index = bisect.bisect_left(self._section_positions, position) - 1
        return Placement(self._sections[index][1] if index >= 0 else PROPOSAL_ANCHOR)

    def _piece(self, tag: str, anchor: Anchor, cell: Any, start: Any) -> Anchor:
        """Return the anchor of the piece of a cell's text where start is, when the cell shows several fields."""
        pieces = self._table.pieces.get(tag)
        if not pieces:
            return anchor
        before = 0
        for element in cell.iter():
            if element is start:
                break
            if element.tag == _T and element.text:
                before += len("".join(element.text.split()))
        key = next((name for offset, name in reversed(pieces) if offset <= before), None)
        return anchor if key is None else (anchor[0], anchor[1], key)

    def _cell_fallback(self, cell: Any, position: int, start: Any) -> Placement:
        row = cell.getparent()
        if row is None or row.tag != _TR:
            return self._section(position)
        row_marks = [mark for other in row.iterchildren(_TC) for mark in self._by_cell.get(other, ())]
        items = {(mark.anchor[0], mark.anchor[1]) for mark in row_marks if mark.anchor[1] is not None}
        if len(items) == 1:
            matrix, item = items.pop()
            return Placement((matrix, item, None))
        place = self._place_of(cell, row)
        entry = self._table.cells.get(place) if place is not None else None
        if entry is not None:
            tag, printed = entry
            text = "".join(t.text or "" for t in row.iter(_T))
            if fingerprint(text) != printed:
                return Placement(None, "changed")
            return Placement(self._piece(tag, self._table.anchors[tag], cell, start))
        return self._section(position) if self._any_marks else Placement(None, "no-bookmarks")

    def _place_of(self, cell: Any, row: Any) -> tuple[int, int, int] | None:
        table = row.getparent()
        if self._tables is None:
            outer = [t for t in self._body.iter(_TBL) if next(t.iterancestors(_TBL), None) is None]
            self._tables = {element: number for number, element in enumerate(outer)}
        number = self._tables.get(table)
        if number is None:
            return None
        rows = list(table.iterchildren(_TR))
        cells = list(row.iterchildren(_TC))
        return number, rows.index(row), cells.index(cell)


def _home(element: Any) -> tuple[Any, Any]:
    """Return the paragraph an element belongs to (the next one when it sits between paragraphs) and its cell."""
    paragraph = element if element.tag == _P else next(element.iterancestors(_P), None)
    current = element
    while paragraph is None and current is not None:
        for sibling in current.itersiblings():
            paragraph = sibling if sibling.tag == _P else next(sibling.iter(_P), None)
            if paragraph is not None:
                break
        current = current.getparent()
    if paragraph is None:
        return None, None
    return paragraph, next(paragraph.iterancestors(_TC), None)


def _moved_ahead(mark: _Mark) -> bool:
    """Return True for a bookmark that opens the next paragraph but was saved at the end of this one."""
    if mark.end_paragraph is None or mark.end_paragraph is mark.paragraph:
        return False
    return not any(t.text for sibling in mark.element.itersiblings() for t in sibling.iter(_T))


def _choose(marks: Sequence[_Mark], position: int) -> _Mark | None:
    """Return the mark of a container a start at position belongs to: around it, else after it, else before."""
    if not marks:
        return None
    around = [m for m in marks if m.position < position and m.end is not None and position < m.end]
    if around:
        return max(around, key=lambda m: m.position)
    after = [m for m in marks if m.position > position]
    if after:
        return min(after, key=lambda m: m.position)
    return max(marks, key=lambda m: m.position)
