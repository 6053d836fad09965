"""The cohort table as text: the cells of one reviewed file, and the CSV that `review --csv` and the dashboard write.

The CSV is UTF-8 with a byte order mark, so that Excel shows accents right, and is written atomically. Cells
come from participants' files: any that Excel would run as a formula is quoted with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from matrices.catalogs import Catalogs
from matrices.localized import Lang, LocalizedText
from matrices.review import MATRIX_KEYS, MatrixKey
from matrices.summary import POLICY_AREAS, STATUSES, ProposalSummary
from storage.atomic import write_atomic
from storage.filenames import shown, shown_name
from storage.moodle import STATUS_TEXT, participant_label
from storage.summary import ReviewEntry


@dataclass(frozen=True)
class Column:
    """One column of the cohort table, with its heading."""

    key: str
    title: LocalizedText

    def heading(self, lang: Lang) -> str:
        """Return the heading in lang."""
        return self.title.get(lang)


MATRIX_HEADINGS: dict[MatrixKey, LocalizedText] = {
    "general": LocalizedText({"es": "General", "en": "General"}),
    "problem": LocalizedText({"es": "Problema", "en": "Problem"}),
    "strategy": LocalizedText({"es": "Estrategia", "en": "Strategy"}),
    "actors": LocalizedText({"es": "Actores", "en": "Actors"}),
    "instruments": LocalizedText({"es": "Instrumentos", "en": "Instruments"}),
}

CSV_COLUMNS: tuple[Column, ...] = (
    Column("file", LocalizedText({"es": "Archivo", "en": "File"})),
    Column("title", LocalizedText({"es": "Título", "en": "Title"})),
    Column("authors", LocalizedText({"es": "Autores", "en": "Authors"})),
    Column("institution", LocalizedText({"es": "Institución", "en": "Institution"})),
    Column("policy_area", LocalizedText({"es": "Área temática", "en": "Policy area"})),
    Column("status", LocalizedText({"es": "Estado", "en": "Status"})),
    *(Column(f"complete_{key}", title.map(lambda text: f"{text} %")) for key, title in MATRIX_HEADINGS.items()),
    Column("errors", LocalizedText({"es": "Errores", "en": "Errors"})),
    Column("warnings", LocalizedText({"es": "Advertencias", "en": "Warnings"})),
    Column("comments_open", LocalizedText({"es": "Comentarios abiertos", "en": "Open comments"})),
    Column("comments_resolved", LocalizedText({"es": "Comentarios resueltos", "en": "Resolved comments"})),
    Column("modified", LocalizedText({"es": "Modificado", "en": "Modified"})),
    Column("submitted", LocalizedText({"es": "Enviado", "en": "Submitted"})),
    Column("language", LocalizedText({"es": "Idioma", "en": "Language"})),
    Column("read_error", LocalizedText({"es": "Error de lectura", "en": "Read error"})),
)

PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    Column("participant", LocalizedText({"es": "Participante", "en": "Participant"})),
    Column("participant_id", LocalizedText({"es": "ID de participante", "en": "Participant ID"})),
    Column("sent", LocalizedText({"es": "Envío", "en": "Submission"})),
    Column("reviewed", LocalizedText({"es": "Revisado", "en": "Reviewed"})),
)
REVIEWED_MARK = LocalizedText({"es": "sí", "en": "yes"})
"""What the "reviewed" cell says of a participant whose feedback was written."""
"""Columns put first when the rows are the participants of a Moodle download."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def local_time(value: datetime | None) -> str:
    """Return a time as local 'YYYY-MM-DD HH:MM' ('' for None)."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


def completeness_text(summary: ProposalSummary) -> str:
    """Return the completeness of every matrix as '100/80/75/90/60' (general, problem, strategy, actors, ...)."""
    return "/".join(str(summary.score(key)) for key in MATRIX_KEYS)


def display_name(entry: ReviewEntry, root: Path | None) -> str:
    """Return the file's name as shown: relative to the reviewed folder when inside it (a participant's: theirs)."""
    if entry.submitter is not None:
        return shown(entry.submitter.files)
    if root is not None:
        try:
            return shown(entry.path.relative_to(root).as_posix())
        except ValueError:
            pass
    return shown_name(entry.path)


def summary_cells(summary: ProposalSummary, catalogs: Catalogs, lang: Lang) -> dict[str, str]:
    """Return the text of each column of a summary, labels in lang."""
    area = summary.policy_area
    cells = {
        "title": summary.title,
        "authors": "; ".join(summary.authors),
        "institution": summary.institution,
        "policy_area": catalogs.label(POLICY_AREAS, area, lang) if area and POLICY_AREAS in catalogs else area or "",
        "status": catalogs.label(STATUSES, summary.status, lang) if STATUSES in catalogs else summary.status,
        "errors": str(summary.errors),
        "warnings": str(summary.warnings),
        "comments_open": str(summary.comments_open),
        "comments_resolved": str(summary.comments_resolved),
        "modified": local_time(summary.last_modified),
        "submitted": local_time(summary.last_submitted),
        "language": summary.language,
    }
    cells.update({f"complete_{key}": str(summary.score(key)) for key in MATRIX_KEYS})
    return cells


def entry_cells(entry: ReviewEntry, catalogs: Catalogs, lang: Lang, root: Path | None = None) -> dict[str, str]:
    """Return the text of each CSV column of one reviewed file (an unreadable one has only its error)."""
    cells = dict.fromkeys((column.key for column in CSV_COLUMNS), "")
    if entry.summary is not None:
        cells.update(summary_cells(entry.summary, catalogs, lang))
    cells["file"] = display_name(entry, root)
    cells["read_error"] = entry.error or ""
    submitter = entry.submitter
    if submitter is not None:
        cells["participant"] = participant_label(submitter.name, submitter.participant_id, lang)
        cells["participant_id"] = str(submitter.participant_id)
        cells["sent"] = STATUS_TEXT[submitter.status].get(lang)  # type: ignore[index]
        cells["reviewed"] = REVIEWED_MARK.get(lang) if submitter.reviewed else ""
    return cells


def _safe(text: str) -> str:
    # A title such as "=HYPERLINK(...)" would run in Excel; the apostrophe makes it plain text.
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def review_csv(entries: Iterable[ReviewEntry], catalogs: Catalogs, lang: Lang, root: Path | None = None) -> str:
    """Return the cohort table as CSV text (headings in lang, one row per file)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    entries = list(entries)
    moodle = any(entry.submitter is not None for entry in entries)
    columns = (*PARTICIPANT_COLUMNS, *CSV_COLUMNS) if moodle else CSV_COLUMNS
    writer.writerow([column.heading(lang) for column in columns])
    for entry in entries:
        cells = entry_cells(entry, catalogs, lang, root)
        writer.writerow([_safe(cells.get(column.key, "")) for column in columns])
    return stream.getvalue()


def write_review_csv(
    path: Path | str, entries: Sequence[ReviewEntry], catalogs: Catalogs, lang: Lang, root: Path | None = None
) -> None:
    """Write the cohort table to path atomically, as UTF-8 with a byte order mark (for Excel)."""
    write_atomic(path, review_csv(entries, catalogs, lang, root), encoding="utf-8-sig")
