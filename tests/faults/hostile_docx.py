"""Hostile Word files, as a facilitator might be sent one as a template or as a document "with comments".

Each maker writes one file; HOSTILE_DOCX names them all. They start from a real Policy Matrix export (so that
each one differs from a good file in one way only) and are patched at the byte or XML level, as an attacker
would: nothing here goes through python-docx's writer after the patch.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

BOMB_MB = 3072
"""What the zip bomb expands to: 3 GB from about 3 MB."""
DEEP_XML = 200_000
LONG_TEXT = 250_000
"""Longer than any text the model holds (200,000 characters)."""


@cache
def exported_docx() -> bytes:
    """A real export of the Spanish example, comments included (the base every hostile file is made from)."""
    from export.diagrams import ensure_gui_application
    from export.docx_export import export_docx
    from export.options import ExportOptions
    from matrices.catalogs import Catalogs
    from matrices.examples import load_example
    from matrices.fieldmodel import FieldModel

    ensure_gui_application()
    return export_docx(
        load_example("es"),
        catalogs=Catalogs.load(),
        field_model=FieldModel.load(),
        findings=[],
        options=ExportOptions(),
    )


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def _patch_headers(data: bytes, name: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """Set flag bits and/or the compression method of one part, in its local header and in the directory."""
    patched = bytearray(data)
    encoded = name.encode()
    for signature, flag_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            length_at = name_at - (4 if signature == b"PK\x03\x04" else 18)
            (length,) = struct.unpack_from("<H", patched, start + length_at)
            if bytes(patched[start + name_at : start + name_at + length]) == encoded:
                (old,) = struct.unpack_from("<H", patched, start + flag_at)
                struct.pack_into("<H", patched, start + flag_at, old | flags)
                if method is not None:
                    struct.pack_into("<H", patched, start + method_at, method)
            start += 4
    return bytes(patched)


def _encrypted(_path: Path) -> bytes:
    return _patch_headers(exported_docx(), "word/document.xml", flags=0x1)


def _deflate64(_path: Path) -> bytes:
    return _patch_headers(exported_docx(), "word/document.xml", method=9)


def _lzma(_path: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_LZMA)
    return out.getvalue()


def _xml_syntax(_path: Path) -> bytes:
    return _replace_part(exported_docx(), "word/document.xml", b"<w:document><w:body><w:p></w:body>")


def _billion_laughs(_path: Path) -> bytes:
    entities = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ja">{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _replace_part(exported_docx(), "word/document.xml", xml.encode())


def _deep_xml(_path: Path) -> bytes:
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "<w:p>" * DEEP_XML
        + "</w:p>" * DEEP_XML
        + "</w:body></w:document>"
    )
    return _replace_part(exported_docx(), "word/document.xml", xml.encode())


def _zip_bomb(_path: Path, declared: int | None = None) -> bytes:
    """A zip whose word/document.xml holds BOMB_MB megabytes of zeros in about 3 MB (and declares so, or not)."""
    megabyte = bytes(1 << 20)
    # Deflate blocks that end in a full flush are self-contained: one megabyte of zeros compresses to the same
    # bytes every time, so the 3 GB stream is made in a second by repetition.
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = first.compress(megabyte) + first.flush(zlib.Z_FULL_FLUSH)
    block = first.compress(megabyte) + first.flush(zlib.Z_FULL_FLUSH)
    tail = first.flush(zlib.Z_FINISH)
    stream = head + block * (BOMB_MB - 1) + tail
    crc = 0
    for _ in range(BOMB_MB):
        crc = zlib.crc32(megabyte, crc)
    size = BOMB_MB << 20 if declared is None else declared
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    # Append the bomb part by hand (zipfile would compress the 3 GB itself): local header, data, then the
    # directory rebuilt with its entry (zip64 sizes: 3 GB is past 4 GB's half but below 4 GB, so 32 bits do).
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        directory_at = archive.start_dir
    name = b"word/document.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(stream), size, len(name), 0) + name
    offset = directory_at
    body = data[:directory_at] + local + stream
    central = bytearray(data[directory_at:])
    end = central.rfind(b"PK\x05\x06")
    entries, rest = central[:end], central[end:]
    entry = (
        struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(stream), size, len(name), 0, 0, 0, 0, 0, offset
        )
        + name
    )
    entries += entry
    count = len(infos) + 1
    struct.pack_into("<HH", rest, 8, count, count)
    struct.pack_into("<LL", rest, 12, len(entries), len(body))
    return body + bytes(entries) + bytes(rest)


def _truncated(_path: Path) -> bytes:
    data = exported_docx()
    return data[: len(data) // 2]


def _not_a_zip(_path: Path) -> bytes:
    return b"Estimada facilitadora: le adjunto mi plantilla.\n" * 100


def _bad_names(_path: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
        target.writestr("../../.bashrc", b"echo hola\n")
    return out.getvalue()


def with_long_comment(author: str, text: str) -> bytes:
    """An export commented in Word with one comment (text and author as given)."""
    import docx

    document = docx.Document(io.BytesIO(exported_docx()))
    paragraph = next(p for p in document.paragraphs if p.runs)
    document.add_comment(paragraph.runs[0], text=text, author=author, initials="R")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HOSTILE_DOCX: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "not-a-zip": (_not_a_zip, "not a valid zip"),
    "truncated": (_truncated, "not a valid zip"),
    "encrypted": (_encrypted, "encrypted"),
    "deflate64": (_deflate64, "compression method"),
    "lzma": (_lzma, "compression method"),
    "xml-syntax": (_xml_syntax, "not well-formed XML"),
    "billion-laughs": (_billion_laughs, "document type declaration"),
    "deep-xml": (_deep_xml, "nested more than"),
    "zip-bomb": (_zip_bomb, "once decompressed"),
    "zip-bomb-lying-size": (lambda p: _zip_bomb(p, declared=4096), "damaged"),
    "bad-names": (_bad_names, "name no Word file uses"),
    "long-comment-text": (lambda _p: with_long_comment("Revisora", "x" * LONG_TEXT), "longer than"),
    "long-comment-author": (lambda _p: with_long_comment("R" * LONG_TEXT, "¿Fuente?"), "longer than"),
}
"""Each hostile Word file: its maker and a phrase its one-sentence refusal contains."""

TEMPLATE_ONLY_OK = frozenset({"long-comment-text", "long-comment-author"})
"""Files that are fine as a template (a long comment does not matter there); as comments, the long one is left
out and listed, the rest of the file is read."""


def write(folder: Path, name: str) -> Path:
    """Write the named hostile file into folder and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    path.write_bytes(HOSTILE_DOCX[name][0](path))
    return path
