"""What both diagrams share: fonts, units, text wrapping, the offscreen canvas and a fast PNG encoder."""

from __future__ import annotations

import struct
import threading
import zlib
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage

# DejaVu Sans ships with every Linux desktop and CI image; Windows and macOS fall through to their own sans
# fonts. The layout measures whatever Qt resolves, so boxes always fit the text that is actually drawn.
FONT_FAMILIES = ("DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans")
# Narrow boxes hold about 10 % more words in the condensed cut, where the system has one.
CONDENSED_FAMILIES = ("DejaVu Sans Condensed", *FONT_FAMILIES)

POINTS_PER_INCH = 72.0
CM_PER_INCH = 2.54
ELLIPSIS = "…"

# A box shows a few lines; reading further than this into a 200 000-character text would only cost time.
_CHARS_PER_LINE_BOUND = 400
# Below this much pixel data one thread compresses faster than two can be started and joined.
_PARALLEL_BYTES = 1 << 20
_BLOCK_ROWS = 32

INK = QColor("#1E2A36")
MUTED_INK = QColor("#5F6B78")
LINE = QColor("#7D8896")
PAPER = QColor("#FFFFFF")


def points_to_px(points: float, dpi: float) -> float:
    """Convert typographic points (1/72 inch) to pixels at dpi."""
    return points * dpi / POINTS_PER_INCH


def cm_to_px(cm: float, dpi: float) -> int:
    """Convert centimetres to whole pixels at dpi."""
    return max(1, round(cm / CM_PER_INCH * dpi))


def make_font(pixel_size: float, *, bold: bool = False, italic: bool = False, condensed: bool = False) -> QFont:
    """Return the diagrams' sans-serif font at a pixel size, unhinted so that it scales like its metrics."""
    font = QFont()
    font.setFamilies(list(CONDENSED_FAMILIES if condensed else FONT_FAMILIES))
    # Pixel sizes keep the drawing independent of the paint device's own dpi (screen, QImage, printer).
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setItalic(italic)
    # Hinting snaps glyphs to the pixel grid of one size; the editor draws the same layout scaled.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class TextMeasure:
    """Font metrics that remember word widths, so wrapping many boxes measures each distinct word once."""

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(font)
        self.space = self.metrics.horizontalAdvance(" ")
        self._widths: dict[str, float] = {}

    def width(self, word: str) -> float:
        """Return the advance of word (cached)."""
        width = self._widths.get(word)
        if width is None:
            width = self._widths[word] = self.metrics.horizontalAdvance(word)
        return width


@dataclass(frozen=True)
class FontSpec:
    """A font with the measures the layouts need (pixels): ascent, capital height and line spacing."""

    font: QFont
    ascent: float
    cap_height: float
    line_height: float
    measure: TextMeasure = field(compare=False, repr=False)

    @classmethod
    def of(cls, font: QFont) -> FontSpec:
        """Measure font once."""
        measure = TextMeasure(font)
        metrics = measure.metrics
        return cls(font, metrics.ascent(), metrics.capHeight(), metrics.lineSpacing(), measure)

    def metrics(self) -> QFontMetricsF:
        """Return font metrics for measuring text in this font."""
        return self.measure.metrics


def clean_text(text: str) -> str:
    """Return text on one line: control characters and line breaks become spaces, runs of space collapse."""
    if not text.isprintable():  # rare (a pasted tab or line break): only then look at every character
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def _fitting_prefix(word: str, metrics: QFontMetricsF, width: float) -> int:
    """Return how many leading characters of word fit in width (at least one, so wrapping always advances)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap_text(
    text: str, measure: TextMeasure, width: float, max_lines: int, *, first_indent: float = 0.0
) -> tuple[str, ...]:
    """Word-wrap text into at most max_lines lines of width; the last one ends in "…" when text is left over."""
    max_lines = max(1, max_lines)
    words = clean_text(text[: max_lines * _CHARS_PER_LINE_BOUND]).split(" ")
    if words == [""]:
        return ()
    truncated = len(text) > max_lines * _CHARS_PER_LINE_BOUND
    metrics = measure.metrics
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    index = 0
    while index < len(words):
        available = width - (first_indent if not lines else 0.0)
        # Summing word widths (unhinted, so additive to well under the box padding) avoids re-measuring
        # every growing line.
        word_width = measure.width(words[index])
        needed = used + measure.space + word_width if current else word_width
        if needed <= available:
            current.append(words[index])
            used = needed
            index += 1
            continue
        if current:
            lines.append(" ".join(current))
            current, used = [], 0.0
        elif not lines and first_indent and word_width <= width:
            lines.append("")  # the word fits a full line: leave the first to the code rather than split it
        else:
            # One word longer than a line (a URL, a long compound): break it where it stops fitting.
            cut = _fitting_prefix(words[index], metrics, available)
            lines.append(words[index][:cut])
            words[index] = words[index][cut:]
        if len(lines) == max_lines:
            break
    else:
        if current:
            lines.append(" ".join(current))
        if not truncated:
            return tuple(lines)
    lines[-1] = _elide_words(lines[-1], words[index:], measure, width - (first_indent if len(lines) == 1 else 0.0))
    return tuple(lines)


def _elide_words(line: str, rest: list[str], measure: TextMeasure, width: float) -> str:
    """Return line, refilled from rest, cut at a word boundary and ended with "…" within width."""
    ellipsis = measure.width(ELLIPSIS)
    kept: list[str] = []
    used = 0.0
    for word in [*line.split(" "), *rest]:
        if not word:
            continue
        needed = used + measure.space + measure.width(word) if kept else measure.width(word)
        if needed + ellipsis > width:
            break
        kept.append(word)
        used = needed
    if not kept:
        # Not even one word fits beside the ellipsis: cut inside the word, as Qt would.
        return measure.metrics.elidedText(line + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
    return " ".join(kept).rstrip(",;:") + ELLIPSIS


def require_gui_application() -> None:
    """Raise a clear error when no QGuiApplication exists, instead of letting Qt abort on the first font."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise RuntimeError(
            "drawing the diagrams needs a QGuiApplication: call export.diagrams.ensure_gui_application() first"
        )


def new_image(width_px: int, height_px: int, dpi: float) -> QImage:
    """Return a white canvas of the given size that records dpi (so Word places it at its real size)."""
    # Premultiplied ARGB is the raster engine's native format: it paints noticeably faster than RGB888.
    image = QImage(max(1, width_px), max(1, height_px), QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_meter = round(dpi / CM_PER_INCH * 100)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    image.fill(PAPER)
    return image


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def _deflate_rows(rows: list[memoryview], level: int, *, last: bool) -> tuple[bytes, int, int]:
    """Return raw deflate data for rows, each after its filter byte (0), with the adler32 and length of the input."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    chunks, adler, length = [], 1, 0
    for start in range(0, len(rows), _BLOCK_ROWS):
        # Small blocks are recycled by the allocator; one whole-image buffer would cost fresh pages every time.
        block = b"\x00" + b"\x00".join(rows[start : start + _BLOCK_ROWS])
        chunks.append(compressor.compress(block))
        adler = zlib.adler32(block, adler)
        length += len(block)
    chunks.append(compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH))
    return b"".join(chunks), adler, length


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """Return the adler32 of two byte strings joined, from theirs (zlib's adler32_combine)."""
    base = 65521
    remainder = second_length % base
    low = (first & 0xFFFF) + (second & 0xFFFF) + base - 1
    high = (remainder * (first & 0xFFFF)) % base + (first >> 16) + (second >> 16) + base - remainder
    return (low % base) | ((high % base) << 16)


def _zlib_stream(rows: list[memoryview], level: int) -> bytes:
    """Return a zlib stream of the filtered rows, compressed in two halves on two threads when it is large."""
    if len(rows) * len(rows[0]) < _PARALLEL_BYTES:
        data, adler, _ = _deflate_rows(rows, level, last=True)
        return b"\x78\x01" + data + struct.pack(">I", adler)
    # zlib releases the GIL: two raw deflate streams, the first ending on a full flush, join into one valid
    # stream (the way pigz works), which nearly halves the wall time on a two-core laptop. The editor and the
    # dashboard export only on a worker, with automatic garbage collection paused (docs/design.md, "Off the UI
    # thread, one way"), so this helper never collects a widget's garbage; the command line has no widgets.
    middle = len(rows) // 2
    second: list[tuple[bytes, int, int]] = []
    worker = threading.Thread(target=lambda: second.append(_deflate_rows(rows[middle:], level, last=True)))
    worker.start()
    head, head_adler, _ = _deflate_rows(rows[:middle], level, last=False)
    worker.join()
    tail, tail_adler, tail_length = second[0]
    return b"\x78\x01" + head + tail + struct.pack(">I", adler32_combine(head_adler, tail_adler, tail_length))


def encode_png(image: QImage, *, level: int = 1) -> bytes:
    """Encode an opaque image as an RGB PNG with its dpi (zlib level 1 fastest, 9 smallest); converts it in place."""
    # Qt's own PNG writer takes 40-70 ms for a print-size picture; a plain filter-0 PNG through zlib takes a
    # fraction of that and, for flat diagram colours, compresses about as well.
    image.convertTo(QImage.Format.Format_RGB888)  # in place: no second copy of the pixels
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    row = width * 3
    bits = memoryview(image.constBits()).cast("B")
    rows = [bits[y * stride : y * stride + row] for y in range(height)]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    dots_per_meter = struct.pack(">IIB", image.dotsPerMeterX(), image.dotsPerMeterY(), 1)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"pHYs", dots_per_meter),
            _png_chunk(b"IDAT", _zlib_stream(rows, level)),
            _png_chunk(b"IEND", b""),
        )
    )
