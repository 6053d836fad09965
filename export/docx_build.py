"""The document body as WordprocessingML text, written in one pass and parsed once.

python-docx builds a table through `table.cell(r, c)`, which is quadratic (78 s for 500 × 6 cells), and creates
a Python proxy for every element it touches. The export instead writes the XML of the body as text (escaped,
cleaned of forbidden characters) and lets lxml parse it once: the large proposal's thousands of cells then cost
milliseconds. python-docx still handles what has a package side: pictures, headers, comments, properties.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from export.docx_runs import NSDECLS, Content, content_text, range_end, range_start, runs_xml
from export.docx_styles import HEADER_FILL, StyleIds
from export.text import clean_text
from export.word_marks import ANCHOR_BOOKMARK_PREFIX, Anchor, Mark, RowPlace, field_pieces, fingerprint
from matrices.problem import MAX_CODE_DEPTH

INDENT_STEP = 284
"""Left indent per tree level in table cells (0.5 cm), so sub-causes read as hanging from their cause."""

_BOOKMARK_ID_BASE = 100_000
"""Clear of the heading bookmarks' ids (1, 2, ...): bookmark ids must be unique in a document."""


@dataclass(frozen=True)
class Column:
    """A table column: header text, relative width, and how its cells are anchored and shown."""

    header: str
    width: float
    field: str | None = None
    """The item field the cells show: a comment on (matrix, item, field) is anchored on the cell."""
    main: bool = False
    """The cells name the row's item: a comment on the item without a field is anchored here."""
    indent: bool = False
    """The cells are indented by the row's tree depth."""
    emphasis: bool = False
    """The cells are labels: bold on a light shading (key/value tables)."""


@dataclass(frozen=True)
class Row:
    """A table row: its cells, the item it shows and, for key/value rows, the field of each cell."""

    cells: Sequence[Content]
    item: str | None = None
    fields: Sequence[str | None] | None = None
    depth: int = 0


WordWidth = Callable[[Iterable[Content], bool], float]
"""The width in twips of the widest word in some cells' content (bold: the cells are bold throughout)."""
SAFETY = 1.04
"""Room left beside the widest word: Word and LibreOffice space and kern a little differently than Qt measures."""


def fit_columns(weights: Sequence[float], minimums: Sequence[float], total: int) -> list[int]:
    """Return column widths summing to total, in proportion to weights, but none below its minimum.

    A column that would be narrower than its minimum gets the minimum, and the others share what is left in
    their proportions (repeated until every column fits). When even the minimums do not fit, every column gets
    its minimum scaled down alike, so that the unavoidable breaks are spread thin.
    """
    needed = sum(minimums)
    if needed >= total:
        return [int(total * minimum / needed) for minimum in minimums] if needed else [0] * len(minimums)
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        left = total - sum(fixed.values())
        share = sum(weights[i] for i in free) or 1.0
        widths = {i: left * weights[i] / share for i in free}
        short = {i for i in free if widths[i] < minimums[i]}
        if not short:
            break
        fixed.update({i: minimums[i] for i in short})
    widths.update(fixed)
    result = [int(widths[i]) for i in range(len(weights))]
    result[max(range(len(result)), key=lambda i: result[i])] += total - sum(result)
    return result


@dataclass(frozen=True)
class Heading:
    """A heading as recorded for the table of contents."""

    level: int
    text: str
    bookmark: str


_PARTS_PER_FLUSH = 4096
"""Row pieces a table joins into one part of the body before starting another."""
_COMPRESS_FROM = 16_384
"""Characters from which a finished part is kept compressed."""


@dataclass
class BodyWriter:
    """Accumulates the body XML of one document; the sections call it in document order."""

    styles: StyleIds
    text_width: int
    """Width between the margins of the current section, in twentieths of a point."""
    wanted: frozenset[Anchor] = frozenset()
    """The anchors some comment points at: only those runs are tagged."""
    bookmark_anchors: bool = False
    """Also tag every anchored text and wrap it in a hidden bookmark, so that comments a reviewer adds in Word
    can be traced back to their item (export/anchor_table.py)."""
    matrix: str = "general"
    """The matrix the section being written belongs to (first part of every anchor)."""
    headings: list[Heading] = field(default_factory=list)
    markers: dict[str, tuple[Anchor, ...]] = field(default_factory=dict)
    bookmarks: dict[str, Mark] = field(default_factory=dict)
    """Marker -> where a comment on the text it brackets lands (filled when bookmark_anchors is set)."""
    rows: list[RowPlace] = field(default_factory=list)
    """The place of every anchored table row (filled when bookmark_anchors is set)."""
    tables: int = 0
    word_width: WordWidth | None = None
    """Measures words in the table font: columns are then never narrower than their widest word."""
    cell_margins: int = 216
    """Left plus right inner margin of a table cell, in twips (the table style's)."""
    _parts: list[str | bytes] = field(default_factory=list)
    """The body so far, in document order; large parts compressed (see _keep)."""
    _sections: list[int] = field(default_factory=list)
    _anchored: set[Anchor] = field(default_factory=set)
    _bookmarks: int = 0

    # -- anchors ------------------------------------------------------------------------------------------

    def marker(
        self,
        anchors: Iterable[Anchor],
        lands: Anchor | None = None,
        *,
        section: bool = False,
        pieces: tuple[tuple[int, str], ...] = (),
    ) -> str | None:
        """Return a run tag for the wanted anchors among anchors not yet placed (or for a text to bookmark).

        anchors are where the app's comments may be placed here; lands is where a comment a reviewer writes
        here in Word lands (default: the first of anchors), when the two differ: a heading above a field's
        text lands on its matrix, while the field's comments go on the text.
        """
        wanted, bookmark = self.wanted, self.bookmark_anchors
        if not wanted and not bookmark:
            return None
        if not isinstance(anchors, tuple):
            anchors = tuple(anchors)
        fresh: tuple[Anchor, ...] = ()
        if wanted and anchors:
            placed = self._anchored
            fresh = tuple(a for a in anchors if a in wanted and a not in placed)
        target = lands if lands is not None else (anchors[0] if anchors else None)
        if fresh:
            self._anchored.update(fresh)
        elif not (bookmark and target):
            return None
        tag = str(len(self.markers))
        self.markers[tag] = fresh
        if bookmark and target:
            self.bookmarks[tag] = Mark(target, section, pieces)
        return tag

    def anchor(self, item: str | None, field_key: str | None = None, *, main: bool = False) -> tuple[Anchor, ...]:
        """Return the anchors of an item's field in the current matrix; main: the text names the item itself."""
        anchors: list[Anchor] = []
        if field_key is not None:
            anchors.append((self.matrix, item, field_key))
        if main or field_key is None:
            anchors.append((self.matrix, item, None))
        return tuple(anchors)

    # -- raw parts ----------------------------------------------------------------------------------------

    def raw(self, xml: str) -> None:
        """Append ready-made body XML."""
        self._parts.append(xml)

    def placeholder(self) -> int:
        """Reserve a place filled later (the table of contents needs the headings that follow it)."""
        self._parts.append("")
        return len(self._parts) - 1

    def fill(self, index: int, xml: str) -> None:
        """Fill a reserved place."""
        self._parts[index] = xml

    def xml(self, tail: str = "", ranges: Mapping[str, tuple[str, str]] | None = None) -> str:
        """Return the body: the parts written, then tail (the final sectPr), with comment ranges in place.

        ranges maps a marker to the XML that opens and closes the comment ranges anchored there; the
        markers no comment uses disappear, or become the bookmarks of their anchors (outside the ranges).
        """
        return "".join(self.chunks(tail, ranges))

    def chunks(
        self, tail: str = "", ranges: Mapping[str, tuple[str, str]] | None = None, *, release: bool = False
    ) -> Iterator[str]:
        """Yield the body of xml() part by part, so that a large body is never held twice in memory.

        release: forget each part once it is yielded (the writer is done with after this).
        """
        found = ranges or {}
        yield f"<w:body {NSDECLS}>"
        parts = self._parts
        for index, kept in enumerate(parts):
            if release:
                parts[index] = ""
            part = zlib.decompress(kept).decode() if isinstance(kept, bytes) else kept
            if self.markers and "\x00" in part:
                # Splitting on NUL puts every token at an odd index: one C-level split instead of a regex.
                pieces = part.split("\x00")
                pieces[1::2] = [self._token_xml(token, found) for token in pieces[1::2]]
                yield "".join(pieces)
            else:
                yield part
        yield tail
        yield "</w:body>"

    def _token_xml(self, token: str, found: Mapping[str, tuple[str, str]]) -> str:
        """Return what a marker token (S or E, then the tag) becomes: its comment range end and bookmark, or ""."""
        # Worked out per token, not as a table of every token: 100,000 anchored cells would make that table
        # tens of megabytes for the moment of writing.
        kind, tag = token[0], token[1:]
        start, end = found.get(tag, ("", ""))
        if tag in self.bookmarks:
            number = _BOOKMARK_ID_BASE + int(tag)
            if kind == "S":
                return f'<w:bookmarkStart w:id="{number}" w:name="{ANCHOR_BOOKMARK_PREFIX}{tag}"/>{start}'
            return f'{end}<w:bookmarkEnd w:id="{number}"/>'
        return start if kind == "S" else end

    def section_breaks(self) -> list[int]:
        """Return the indexes of the parts that end a section (each a paragraph holding a sectPr)."""
        return list(self._sections)

    def part(self, index: int) -> str:
        """Return a part written (a section break, to be adjusted once headers and footers exist)."""
        kept = self._parts[index]
        return zlib.decompress(kept).decode() if isinstance(kept, bytes) else kept

    # -- paragraphs ---------------------------------------------------------------------------------------

    def paragraph(
        self,
        content: Content,
        style: str | None = None,
        *,
        align: str | None = None,
        keep_next: bool = False,
        anchors: Iterable[Anchor] = (),
        spacing: str = "",
        lands: Anchor | None = None,
    ) -> None:
        """Append a paragraph (style is a style id); lands: where a Word comment on it lands, if not anchors[0]."""
        ppr = "".join(
            (
                f'<w:pStyle w:val="{style}"/>' if style else "",
                "<w:keepNext/>" if keep_next else "",
                spacing,
                f'<w:jc w:val="{align}"/>' if align else "",
            )
        )
        ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        self._parts.append(f"<w:p>{ppr}{runs_xml(content, self.marker(anchors, lands))}</w:p>")

    def heading(
        self,
        text: str,
        level: int,
        anchors: Iterable[Anchor] = (),
        *,
        new_page: bool = False,
        lands: Anchor | None = None,
    ) -> None:
        """Append a Heading 1-3 paragraph with a bookmark, recorded for the table of contents.

        A Word comment on the heading lands on lands, else on its first anchor, else on the matrix (no field);
        one on the text below that has no anchor of its own (a note, a figure, a table's header) lands there too.
        """
        anchors = tuple(anchors)
        if lands is None and not anchors:
            lands = (self.matrix, None, None)
        self._bookmarks += 1
        number = self._bookmarks
        name = f"_Toc{number:08d}"
        text = clean_text(text)
        self.headings.append(Heading(level, text, name))
        page = "<w:pageBreakBefore/>" if new_page else ""
        self._parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{self.styles.heading[level - 1]}"/>{page}</w:pPr>'
            f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>'
            f"{runs_xml(text, self.marker(anchors, lands, section=True))}"
            f'<w:bookmarkEnd w:id="{number}"/></w:p>'
        )

    def body_text(self, text: str | None, anchors: Iterable[Anchor] = ()) -> None:
        """Append free text: a blank line starts a new paragraph, a single line break stays a line break."""
        chunks = [chunk.strip("\n") for chunk in clean_text(text).split("\n\n")]
        chunks = [chunk for chunk in chunks if chunk.strip()] or [""]
        tag = self.marker(anchors)
        last = len(chunks) - 1
        for index, chunk in enumerate(chunks):
            # One comment range spans all the paragraphs of the text.
            start = range_start(tag) if tag and index == 0 else ""
            end = range_end(tag) if tag and index == last else ""
            self._parts.append(f"<w:p>{start}{runs_xml(chunk)}{end}</w:p>")

    def label_value(
        self, label: str, value: Content, anchors: Iterable[Anchor] = (), lands: Anchor | None = None
    ) -> None:
        """Append a 'Label: value' paragraph with the label in bold."""
        runs = runs_xml(((f"{label}: ", "b"),)) + runs_xml(value, self.marker(anchors, lands))
        self._parts.append(f"<w:p>{runs}</w:p>")

    def note(self, text: str) -> None:
        """Append an explanatory note in italics (empty matrices, missing pictures, data caveats)."""
        self._parts.append(f"<w:p>{runs_xml(((text, 'i'),))}</w:p>")

    def bullets(self, items: Iterable[tuple[Content, Iterable[Anchor]]]) -> None:
        """Append a bulleted list; each item comes with the anchors it carries."""
        style = self.styles.list_bullet
        for content, anchors in items:
            runs = runs_xml(content, self.marker(anchors))
            if not self.styles.bullets_are_numbered:
                runs = '<w:r><w:t xml:space="preserve">•\u00a0</w:t></w:r>' + runs
            self._parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>')

    def caption(self, text: str) -> None:
        """Append a figure caption."""
        self.paragraph(text, self.styles.caption, align="center")

    def page_break(self) -> None:
        """Start a new page."""
        self._parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def subheading(self, text: str, anchors: Iterable[Anchor] = ()) -> None:
        """Append a bold label kept with what follows (a part of an axis; not in the table of contents).

        Like a heading, it is where Word comments on the unanchored text below it (a list of results) land.
        """
        anchors = tuple(anchors)
        lands = None if anchors else (self.matrix, None, None)
        self._parts.append(
            '<w:p><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/></w:pPr>'
            f"{runs_xml(((text, 'b'),), self.marker(anchors, lands, section=True))}</w:p>"
        )

    def section_break(self, sect_pr: str, next_width: int) -> None:
        """End the current section with sect_pr (its page set-up); the next one has next_width of text."""
        self._sections.append(len(self._parts))
        self._parts.append(f"<w:p><w:pPr>{sect_pr}</w:pPr></w:p>")
        self.text_width = next_width

    # -- tables -------------------------------------------------------------------------------------------

    def table(self, columns: Sequence[Column], rows: Iterable[Row], *, header: bool = True) -> None:
        """Append a full-width table in one pass: fixed layout, header row repeated on every page."""
        self.tables += 1
        rows = list(rows)
        widths = self.column_widths(columns, rows, header)
        text_style = self.styles.table_text
        ppr_plain = f'<w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
        # Per-column parts are computed once: a row is then only string joins.
        tcpr = [
            f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if column.emphasis else "")
            + "</w:tcPr>"
            for column, width in zip(columns, widths, strict=True)
        ]
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles.table}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{width}"/>' for width in widths),
            "</w:tblGrid>",
        ]
        if header:
            parts.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>")
            for column, width in zip(columns, widths, strict=True):
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                    f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
                    f"<w:p>{ppr_plain}{runs_xml(((column.header, 'b'),))}</w:p></w:tc>"
                )
            parts.append("</w:tr>")
        wanted = bool(self.wanted) or self.bookmark_anchors
        bookmark = self.bookmark_anchors
        matrix, number = self.matrix, self.tables - 1
        # The items some comment is about: only their rows may have a piece (FieldSeg) to place a comment on.
        wanted_items = {anchor[1] for anchor in self.wanted if anchor[0] == matrix}
        for row_number, row in enumerate(rows, start=1 if header else 0):
            parts.append("<w:tr>")
            fields = row.fields
            # A cell showing no field of its own (a row's code, a key/value row's label) still gets a bookmark
            # when its row is anchored: a comment on the label lands on the value's field, one on the code on
            # the row's item. The row's place and fingerprint are recorded with its cells' markers.
            spare: Anchor | None = None
            if bookmark:
                row_key = next((key for key in fields if key is not None), None) if fields is not None else None
                if row_key is not None or row.item is not None:
                    spare = (matrix, row.item, row_key)
            tags: list[str | None] = []
            pieces = self._piece_marker(row.item) if row.item in wanted_items else None
            for index, cell in enumerate(row.cells):
                column = columns[index]
                tag = None
                if wanted:
                    key = fields[index] if fields is not None else column.field
                    anchors: tuple[Anchor, ...] = ()
                    if key is not None:
                        anchors = (
                            ((matrix, row.item, key), (matrix, row.item, None))
                            if column.main
                            else ((matrix, row.item, key),)
                        )
                    elif column.main:
                        anchors = ((matrix, row.item, None),)
                    if anchors or spare is not None:
                        shown = field_pieces(cell) if bookmark and not isinstance(cell, str) else ()
                        tag = self.marker(anchors, None if anchors else spare, pieces=shown)
                    tags.append(tag)
                content: Content = ((cell, "b"),) if column.emphasis and isinstance(cell, str) else cell
                if column.indent and row.depth:
                    # The indent stops where the codes stop spelling out levels: a deep chain stays in its cell.
                    indent = INDENT_STEP * min(row.depth, MAX_CODE_DEPTH)
                    ppr = f'<w:pPr><w:pStyle w:val="{text_style}"/><w:ind w:left="{indent}"/></w:pPr>'
                else:
                    ppr = ppr_plain
                inner = pieces if pieces is not None and not isinstance(cell, str) else None
                parts.append(f"<w:tc>{tcpr[index]}<w:p>{ppr}{runs_xml(content, tag, inner)}</w:p></w:tc>")
            if spare is not None:
                printed = fingerprint("".join([c if isinstance(c, str) else content_text(c) for c in row.cells]))
                self.rows.append(RowPlace(number, row_number, printed, tuple(tags)))
            parts.append("</w:tr>")
            if len(parts) >= _PARTS_PER_FLUSH:
                # A long table is kept as several parts: no single string (and its split when comment ranges go
                # in) grows with the number of rows.
                self._keep("".join(parts))
                parts.clear()
        parts.append("</w:tbl>")
        # Word needs a paragraph between two tables, or it merges them; it also spaces the table from the text.
        parts.append('<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>')
        self._keep("".join(parts))

    def _keep(self, xml: str) -> None:
        """Append a finished part; a large one is kept compressed until it is written.

        Tables are mostly repeated markup: the body of 20,000 causes, 40 MB as text, takes a few MB so.
        """
        self._parts.append(zlib.compress(xml.encode(), 1) if len(xml) >= _COMPRESS_FROM else xml)

    def column_widths(self, columns: Sequence[Column], rows: Sequence[Row], header: bool) -> list[int]:
        """Return the columns' widths: the text width shared by their weights, each wide enough for its words."""
        weights = [column.width for column in columns]
        measure = self.word_width
        if measure is None:
            total = sum(weights)
            return [int(self.text_width * weight / total) for weight in weights]
        minimums = []
        for index, column in enumerate(columns):
            cells = [row.cells[index] for row in rows]
            widest = max(measure(cells, column.emphasis), measure((column.header,), True) if header else 0.0)
            if column.indent:
                # An indented cell's words start further right: its own words plus its depth's indent.
                widest = max(
                    [
                        widest,
                        *(
                            measure((row.cells[index],), False) + INDENT_STEP * min(row.depth, MAX_CODE_DEPTH)
                            for row in rows
                        ),
                    ]
                )
            minimums.append(widest)
        needed = [width * SAFETY + self.cell_margins for width in minimums]
        return fit_columns(weights, needed, self.text_width)

    def _piece_marker(self, item: str | None) -> Callable[[str], str | None]:
        """Return the marker of a cell's piece that shows the field key of item, if a comment goes there.

        Pieces get no bookmark: the cell's records where each starts (Mark.pieces).
        """
        matrix, wanted, placed = self.matrix, self.wanted, self._anchored

        def piece(key: str) -> str | None:
            anchor = (matrix, item, key)
            if anchor not in wanted or anchor in placed:
                return None
            placed.add(anchor)
            tag = str(len(self.markers))
            self.markers[tag] = (anchor,)
            return tag

        return piece

    def key_values(self, rows: Iterable[tuple[str, Content, str | None]], item: str | None = None) -> None:
        """Append a two-column label/value table; each row names the field its value shows."""
        columns = (Column("", 3, emphasis=True), Column("", 7))
        self.table(
            columns,
            (Row((label, value), item=item, fields=(None, key)) for label, value, key in rows),
            header=False,
        )
