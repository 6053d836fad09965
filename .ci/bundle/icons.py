"""Render the application icon, ui/icons/app.svg, into what each desktop wants: PNGs, a Windows .ico, a macOS .icns.

    python .ci/bundle/icons.py OUT_DIR

writes OUT_DIR/png/NxN.png (the freedesktop sizes), OUT_DIR/policy-matrix.ico and OUT_DIR/policy-matrix.icns.
The SVG is the one source; the rendered files are build products, made again by every `make bundle` and
`make install-desktop`, so they are not committed. Both containers hold PNG images, which Windows (Vista and
later) and macOS (10.7 and later) read; Qt's SVG renderer draws each size from the vector shapes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "ui" / "icons" / "app.svg"
NAME = "policy-matrix"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor theme's usual sizes (Linux menus, docks, file managers)."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""What Explorer and the taskbar pick from; 256 is the largest an .ico entry may declare."""
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
"""The PNG-carrying .icns entry types and their pixel sizes (ic10..ic14 are the Retina @2x versions)."""


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """Return the icon drawn at size x size pixels, as PNG bytes, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """Return a Windows icon file holding the PNG images (ICONDIR, one ICONDIRENTRY each, then the data)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width and height fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """Return a macOS icon file holding the PNG images (big-endian type and length before each)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out: Path, source: Path = SOURCE) -> list[Path]:
    """Render source into out (PNGs, .ico, .icns); return the files written."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise RuntimeError(f"{source}: not an SVG Qt can draw")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    images = {size: render_png(renderer, size) for size in sizes}
    (out / "png").mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out / "png" / f"{size}x{size}.png"
        path.write_bytes(images[size])
        written.append(path)
    for path, data in (
        (out / f"{NAME}.ico", ico({size: images[size] for size in ICO_SIZES})),
        (out / f"{NAME}.icns", icns(images)),
    ):
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> int:
    """Write the icons into the folder named on the command line."""
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    written = write_icons(Path(sys.argv[1]))
    print(f"{len(written)} icon files in {sys.argv[1]}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
