"""Build Moodle-shaped submissions downloads (zips and unpacked folders) and grading worksheets for the tests.

The shapes follow what Moodle's own code writes (docs/moodle.md): one folder per participant named
"Full Name_ID_assignsubmission_file" (Moodle 4.1+) or with a trailing "_" (3.1 to 4.0), or without folders each
file named "Full Name_ID_assignsubmission_file_NAME"; "Participant"/"Participante" for the name under blind
marking; UTF-8 names flagged as such, or (a zip re-made on Windows) names in a legacy code page, unflagged.
Hostile members (traversal, a symbolic link, duplicates, a bomb) are written by hand-made entries.
"""

from __future__ import annotations

import io
import secrets
import struct
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document

Naming = Literal["folders", "legacy", "prefixed"]


def pmx_bytes(proposal: Proposal, comments: Iterable[Comment] = ()) -> bytes:
    """Return the bytes of a new .pmx holding proposal and comments."""
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "p.pmx"
        Document.create(path, proposal, comments).close()
        return path.read_bytes()


@dataclass
class Submission:
    """One participant's files as Moodle would list them."""

    name: str
    participant_id: int
    files: dict[str, bytes] = field(default_factory=dict)


def member_name(submission: Submission, file_name: str, naming: Naming) -> str:
    """Return the path Moodle gives a submitted file in the download."""
    prefix = f"{submission.name.replace('_', ' ')}_{submission.participant_id}"
    if naming == "prefixed":
        return f"{prefix}_assignsubmission_file_{file_name}"
    trailing = "_" if naming == "legacy" else ""
    return f"{prefix}_assignsubmission_file{trailing}/{file_name}"


def write_download(
    path: Path,
    submissions: Sequence[Submission],
    naming: Naming = "folders",
    legacy_encoding: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
    extra: Iterable[tuple[zipfile.ZipInfo | str, bytes]] = (),
) -> Path:
    """Write a download zip; with legacy_encoding, non-ASCII names are stored in that code page, unflagged."""
    patches: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(path, "w", compression) as archive:
        for submission in submissions:
            for file_name, data in submission.files.items():
                name = member_name(submission, file_name, naming)
                if legacy_encoding is not None and not name.isascii():
                    raw = name.encode(legacy_encoding)
                    token = _token(len(raw))
                    patches.append((token, raw))
                    name = token.decode("ascii")
                archive.writestr(name, data)
        for info, data in extra:
            archive.writestr(info, data)
    if patches:
        content = path.read_bytes()
        for token, raw in patches:
            assert content.count(token) == 2, "a name sits in its local header and in the central directory"
            content = content.replace(token, raw)
        path.write_bytes(content)
    return path


def _token(length: int) -> bytes:
    """Return a random ASCII name of length bytes, to be replaced by legacy bytes of the same length."""
    return secrets.token_hex(length)[:length].encode("ascii")


def write_folder(folder: Path, submissions: Sequence[Submission], naming: Naming = "folders") -> Path:
    """Write the folder a download unpacks into."""
    for submission in submissions:
        for file_name, data in submission.files.items():
            target = folder / member_name(submission, file_name, naming)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return folder


def symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    """Return a zip entry that unpacks (with Info-ZIP) as a symbolic link to target."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (0o120777 << 16) | 0
    return info, target.encode("utf-8")


def lying_size_zip(path: Path, name: str, actual: int, declared: int) -> Path:
    """Write a zip whose one member inflates to actual bytes of zeros but declares only declared."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, b"\0" * actual)
    content = bytearray(path.read_bytes())
    packed = struct.pack("<I", actual)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = content.find(signature)
        assert content[at + offset : at + offset + 4] == packed
        content[at + offset : at + offset + 4] = struct.pack("<I", declared)
    path.write_bytes(bytes(content))
    return path


def overlapping_zip(path: Path, copies: int) -> Path:
    """Write a zip whose central directory lists one compressed block `copies` times (a non-recursive bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Ana_1_assignsubmission_file/p.pmx", b"\0" * 1_000_000)
    content = buffer.getvalue()
    central = content.index(b"PK\x01\x02")
    end = content.index(b"PK\x05\x06")
    entry = content[central:end]
    directory = entry * copies
    record = bytearray(content[end:])
    struct.pack_into("<HHII", record, 8, copies, copies, len(directory), central)
    path.write_bytes(content[:central] + directory + bytes(record))
    return path


WORKSHEET_EN = (
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Last modified (grade)",
    "Feedback comments",
)
WORKSHEET_ES = (
    "Identificador",
    "Nombre completo",
    "Dirección de correo",
    "Estado",
    "Calificación",
    "Calificación máxima",
    "La calificación puede ser cambiada",
    "Última modificación (entrega)",
    "Última modificación (calificación)",
    "Comentarios de retroalimentación",
)


def worksheet_bytes(
    rows: Sequence[tuple[int, str]], lang: Literal["es", "en"] = "es", bom: bool = True, newline: str = "\n"
) -> bytes:
    """Return a grading worksheet as Moodle writes one: UTF-8 with a byte order mark, fields with spaces quoted."""
    headings = WORKSHEET_ES if lang == "es" else WORKSHEET_EN
    word = "Participante" if lang == "es" else "Participant "
    lines = [",".join(_quoted(h) for h in headings)]
    for participant_id, name in rows:
        cells = [
            f"{word}{participant_id}",
            name,
            f"p{participant_id}@example.org",
            "Enviado para calificar" if lang == "es" else "Submitted for grading",
            "",
            "100,00" if lang == "es" else "100.00",
            "Sí" if lang == "es" else "Yes",
            "lunes, 3 de marzo de 2025, 10:15",
            "-",
            "",
        ]
        lines.append(",".join(_quoted(cell) for cell in cells))
    text = newline.join(lines) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _quoted(cell: str) -> str:
    """Quote a cell the way PHP's fputcsv does: when it holds a separator, a quote, a space or a line break."""
    if any(ch in cell for ch in ',"\n\r\t '):
        return '"' + cell.replace('"', '""') + '"'
    return cell
