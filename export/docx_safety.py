"""The one bounded reader of Word files that come from outside: templates and documents with comments.

A .docx is a zip of XML parts. Handed to python-docx as it is, a crafted one can expand a few megabytes into
gigabytes (a zip bomb), hide parts behind encryption or a compression python cannot read, or nest XML two
hundred thousand levels deep. `open_docx` checks the whole package before python-docx sees a byte of it:

1. the file is a regular file no larger than `max_file_bytes` (a FIFO or a device is never read);
2. the zip directory: at most `max_parts` parts, names that are relative, printable and unique, no encrypted
   part, only the stored and deflate methods, declared sizes within `max_part_bytes` and `max_total_bytes`;
3. every part is decompressed in chunks, counting what actually comes out (a size field may lie), and stops
   at the bound;
4. every XML part is parsed with entities unresolved, no DTD loaded, no network, and at most `max_xml_depth`
   levels of elements; a document type declaration (the carrier of entity expansion) is refused outright,
   since Office files never have one.

python-docx then opens a package rebuilt from exactly the parts that passed (a Word template, .dotx, is
relabelled as a document on the way, so that python-docx accepts it). Any refusal is a `DocxRefusedError` whose
`reason` is one sentence, ready to follow "FILE: ".

Usage: `document = open_docx(path_or_bytes)` (or with `DocxLimits(...)`); catch `DocxRefusedError`.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

__all__ = ["DEFAULT_LIMITS", "DocxLimits", "DocxRefusedError", "open_docx", "read_parts"]

_MB = 1024 * 1024
_CHUNK = 64 * 1024
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_ENCRYPTED = 0x1
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"


@dataclass(frozen=True)
class DocxLimits:
    """How much of a Word file the reader accepts; the defaults are far above any real template or export."""

    max_file_bytes: int = 64 * _MB
    max_parts: int = 4096
    max_part_bytes: int = 128 * _MB
    """One part, decompressed (an export of 20,000 causes has a document.xml of about 30 MB)."""
    max_total_bytes: int = 256 * _MB
    """All parts together, decompressed: a 3 MB zip that expands to 3 GB stops here, after 256 MB at most."""
    max_xml_depth: int = 200
    """Nesting of XML elements; Word's deepest real structures (tables in tables) stay far below."""
    max_name_length: int = 512


DEFAULT_LIMITS = DocxLimits()


class DocxRefusedError(Exception):
    """A Word file the bounded reader will not open; `reason` is one sentence without the file's name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_docx(source: Path | str | bytes, limits: DocxLimits = DEFAULT_LIMITS) -> Document:
    """Return the python-docx Document of a .docx or .dotx after every check; raise DocxRefusedError otherwise."""
    parts = read_parts(source, limits)
    types = parts.get(_CONTENT_TYPES)
    if types is None:
        raise DocxRefusedError("is not a Word document (it has no list of content types)")
    parts[_CONTENT_TYPES] = types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    package.seek(0)
    try:
        return docx.Document(package)
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
        # Well-formed parts that do not make a Word document (a main part missing, a relationship to nothing).
        raise DocxRefusedError(f"is not a Word document python-docx can open ({type(exc).__name__})") from exc
    except (etree.LxmlError, SyntaxError) as exc:
        raise DocxRefusedError("holds a part that is not well-formed XML") from exc


def read_parts(source: Path | str | bytes, limits: DocxLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Return every part of the package by name, decompressed and checked; raise DocxRefusedError otherwise."""
    data = source if isinstance(source, bytes) else _read_file(Path(source), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise DocxRefusedError("is not a Word document (it is not a valid zip package)") from exc
    with archive:
        infos = _checked_directory(archive, limits)
        parts: dict[str, bytes] = {}
        budget = limits.max_total_bytes
        for info in infos:
            content = _inflate(archive, info, min(limits.max_part_bytes, budget), limits)
            budget -= len(content)
            if _is_xml(info.filename):
                _check_xml(content, info.filename, limits)
            parts[info.filename] = content
    return parts


def _read_file(path: Path, limits: DocxLimits) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the stat below then refuses it.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise DocxRefusedError(f"cannot be read ({exc.strerror or type(exc).__name__})") from exc
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise DocxRefusedError("is not a regular file")
        if info.st_size > limits.max_file_bytes:
            raise DocxRefusedError(
                f"is larger than {limits.max_file_bytes // _MB} MB, more than any Word file it could be"
            )
        try:
            # One byte past the size stat gave: a file that grows meanwhile is caught without a huge buffer.
            data = stream.read(info.st_size + 1)
        except OSError as exc:
            raise DocxRefusedError(f"cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if len(data) > info.st_size:
        raise DocxRefusedError("changed while it was being read; try again once it is complete")
    return data


def _checked_directory(archive: zipfile.ZipFile, limits: DocxLimits) -> list[zipfile.ZipInfo]:
    """Check the zip's directory, before decompressing anything."""
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise DocxRefusedError(f"holds {len(infos):,} parts, more than the {limits.max_parts:,} a Word file may have")
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        if not _safe_name(name, limits):
            raise DocxRefusedError("holds a part with a name no Word file uses")
        if name.casefold() in seen:
            raise DocxRefusedError("holds two parts with the same name")
        seen.add(name.casefold())
        if info.flag_bits & _ENCRYPTED:
            raise DocxRefusedError("is encrypted or password-protected; save an unprotected copy and try again")
        if info.compress_type not in _METHODS:
            raise DocxRefusedError("uses a compression method Word files do not use")
        if info.file_size > limits.max_part_bytes:
            raise DocxRefusedError(f"holds a part of more than {limits.max_part_bytes // _MB} MB once decompressed")
        declared += info.file_size
        if declared > limits.max_total_bytes:
            raise DocxRefusedError(f"would take more than {limits.max_total_bytes // _MB} MB once decompressed")
    return [info for info in infos if not info.is_dir()]


def _safe_name(name: str, limits: DocxLimits) -> bool:
    if not name or len(name) > limits.max_name_length or not name.isprintable():
        return False
    if name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    return all(segment not in ("", ".", "..") for segment in name.rstrip("/").split("/"))


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, bound: int, limits: DocxLimits) -> bytes:
    """Decompress one part in chunks, stopping as soon as more than bound bytes come out."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            for chunk in _chunks(stream):
                size += len(chunk)
                if size > bound:
                    raise DocxRefusedError(
                        f"would take more than {limits.max_total_bytes // _MB} MB once decompressed"
                        if bound < limits.max_part_bytes
                        else f"holds a part of more than {limits.max_part_bytes // _MB} MB once decompressed"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        # A wrong CRC or size, a damaged deflate stream, a method the zip module cannot undo.
        raise DocxRefusedError("is damaged (a part cannot be decompressed)") from exc
    return b"".join(chunks)


def _chunks(stream: io.BufferedIOBase) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _is_xml(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith((".xml", ".rels", ".vml"))


def _check_xml(content: bytes, name: str, limits: DocxLimits) -> None:
    """Parse an XML part without entities, DTD or network, and with a depth bound."""
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise DocxRefusedError("holds a document type declaration, which Word files never have (an entity expansion)")
    depth = 0
    try:
        events = etree.iterparse(
            io.BytesIO(content),
            events=("start", "end"),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        for event, element in events:
            if event == "start":
                depth += 1
                if depth > limits.max_xml_depth:
                    raise DocxRefusedError(f"holds XML nested more than {limits.max_xml_depth} levels deep")
            else:
                depth -= 1
                element.clear(keep_tail=False)
        if events.root is not None and events.root.getroottree().docinfo.internalDTD is not None:
            raise DocxRefusedError(
                "holds a document type declaration, which Word files never have (an entity expansion)"
            )
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise DocxRefusedError(f"holds XML nested more than {limits.max_xml_depth} levels deep") from exc
        raise DocxRefusedError(f"holds a part that is not well-formed XML ({name[:80]})") from exc
