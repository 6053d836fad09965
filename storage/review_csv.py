"""The cohort table as text: the cells of one reviewed file, and the CSV that `review --csv` and the dashboard write.

The CSV is UTF-8 with a byte order mark, so that Excel shows accents right, and is written atomically. Cells
come from participants' files: any that Excel would run as a formula is quoted with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang, LocalizedText
from matrices.review import MATRIX_KEYS
from matrices.summary import POLICY_AREAS, STATUSES, ProposalSummary
from storage.atomic import write_atomic
from storage.filenames import shown, shown_name
from storage.moodle import participant_label, sent_text
from storage.summary import ReviewEntry
from storage.texts import texts

FIELD_COLUMNS: frozenset[str] = frozenset({"policy_area", "status"})
"""Columns that show a proposal field as it is: headed by the field's label in the field model."""
CSV_COLUMNS: tuple[str, ...] = (
    "file",
    "title",
    "authors",
    "institution",
    "policy_area",
    "status",
    *(f"complete_{key}" for key in MATRIX_KEYS),
    "errors",
    "warnings",
    "comments_open",
    "comments_resolved",
    "modified",
    "submitted",
    "language",
    "read_error",
)
PARTICIPANT_COLUMNS: tuple[str, ...] = ("participant", "participant_id", "sent", "reviewed")
"""Columns put first when the rows are the participants of a Moodle download."""


def matrix_heading(key: str) -> LocalizedText:
    """Return the cohort table's short name of a matrix (General, Problema, Estrategia, ...)."""
    return texts().text(f"matrix.{key}")


def column_heading(column: str, field_model: FieldModel) -> LocalizedText:
    """Return the heading of a column of the cohort table."""
    if column in FIELD_COLUMNS:
        return field_model.field("proposal", column).label_text
    matrix = column.removeprefix("complete_")
    if matrix != column:
        return texts().text("column.complete").format(matrix=matrix_heading(matrix))
    return texts().text(f"column.{column}")


def reviewed_mark() -> LocalizedText:
    """Return what the "reviewed" cell says of a participant whose feedback was written."""
    return texts().text("reviewed.mark")


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
    cells = dict.fromkeys(CSV_COLUMNS, "")
    if entry.summary is not None:
        cells.update(summary_cells(entry.summary, catalogs, lang))
    cells["file"] = display_name(entry, root)
    cells["read_error"] = entry.error or ""
    submitter = entry.submitter
    if submitter is not None:
        cells["participant"] = participant_label(submitter.name, submitter.participant_id, lang)
        cells["participant_id"] = str(submitter.participant_id)
        cells["sent"] = sent_text(submitter.status).get(lang)
        cells["reviewed"] = reviewed_mark().get(lang) if submitter.reviewed else ""
    return cells


def _safe(text: str) -> str:
    # A title such as "=HYPERLINK(...)" would run in Excel; the apostrophe makes it plain text.
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def review_csv(
    entries: Iterable[ReviewEntry],
    catalogs: Catalogs,
    field_model: FieldModel,
    lang: Lang,
    root: Path | None = None,
) -> str:
    """Return the cohort table as CSV text (headings in lang, one row per file)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    entries = list(entries)
    moodle = any(entry.submitter is not None for entry in entries)
    columns = (*PARTICIPANT_COLUMNS, *CSV_COLUMNS) if moodle else CSV_COLUMNS
    writer.writerow([column_heading(column, field_model).get(lang) for column in columns])
    for entry in entries:
        cells = entry_cells(entry, catalogs, lang, root)
        writer.writerow([_safe(cells.get(column, "")) for column in columns])
    return stream.getvalue()


def write_review_csv(
    path: Path | str,
    entries: Sequence[ReviewEntry],
    catalogs: Catalogs,
    field_model: FieldModel,
    lang: Lang,
    root: Path | None = None,
) -> None:
    """Write the cohort table to path atomically, as UTF-8 with a byte order mark (for Excel)."""
    write_atomic(path, review_csv(entries, catalogs, field_model, lang, root), encoding="utf-8-sig")
