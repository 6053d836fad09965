"""The `review` command: one line per proposal of a folder, and the cohort CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matrices.catalogs import Catalogs
from matrices.reference import load_reference_data
from storage.filenames import shown
from storage.moodle import is_download
from storage.outputs import check_table_output
from storage.review_csv import completeness_text, display_name, local_time, write_review_csv
from storage.summary import ReviewEntry, review_folder
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, fail
from ui.cli.outputs import written_to
from ui.cli.review_moodle import review_download
from ui.cli.table import print_table

REVIEW_HEADINGS = (
    "FILE",
    "TITLE",
    "AUTHORS",
    "POLICY AREA",
    "COMPLETE G/P/S/A/I",
    "ERR/WARN",
    "COMMENTS OPEN/RES",
    "MODIFIED",
)
REVIEW_WIDTHS = (40, 40, 30, 30, 0, 0, 0, 0)
"""Widest a column may grow (0: no limit); longer texts are cut with an ellipsis."""


def _review_line(entry: ReviewEntry, root: Path, catalogs: Catalogs, lang: str) -> list[str]:
    """Return the cells of one line of `review` (an unreadable file shows its error after its name)."""
    name = display_name(entry, root)
    summary = entry.summary
    if summary is None:
        return [name, f"error: {entry.error}"]
    area = catalogs.label("policy_areas.json", summary.policy_area, lang) if summary.policy_area else ""
    return [
        name,
        summary.title,
        "; ".join(summary.authors),
        area,
        completeness_text(summary),
        f"{summary.errors}/{summary.warnings}",
        f"{summary.comments_open}/{summary.comments_resolved}",
        local_time(summary.last_modified),
    ]


def cmd_review(args: argparse.Namespace) -> int:
    """Print one line per .pmx of SOURCE (or participant of a Moodle download) and write the CSV.

    Exit 1 when some files could not be read.
    """
    folder = Path(args.dir)
    if not folder.exists():
        raise fail(folder, "no such file" if folder.suffix.lower() == ".zip" else "no such folder")
    if not folder.is_dir() and not is_download(folder):
        raise fail(folder, "is not a folder")
    csv_path = Path(args.csv) if args.csv else None
    if csv_path is not None:
        if csv_path.is_dir():
            raise fail(csv_path, "is a folder; choose a file name for the CSV")
        if not csv_path.parent.is_dir():
            raise fail(csv_path, "its folder does not exist")
        # A .pmx name, the download itself, a pipe or a device: said before reading anything.
        check_table_output(csv_path, [folder])
    if is_download(folder):
        return review_download(args, folder, csv_path)
    reference = load_reference_data()
    catalogs = reference.catalogs
    entries = review_folder(folder, recursive=args.recursive)
    if csv_path is not None:
        check_table_output(csv_path, [entry.path for entry in entries])
    if entries:
        rows = [list(REVIEW_HEADINGS), *(_review_line(e, folder, catalogs, args.lang) for e in entries)]
        print_table(rows, REVIEW_HEADINGS, REVIEW_WIDTHS)
    else:
        print(f"{shown(folder)}: no .pmx files")
    if csv_path is not None:
        with written_to(csv_path):
            write_review_csv(csv_path, entries, catalogs, reference.field_model, args.lang, folder)
        print(f"wrote {shown(csv_path)}")
    failed = [entry for entry in entries if not entry.ok]
    for entry in failed:
        print(f"error: {shown(entry.path)}: {entry.error}", file=sys.stderr)
    if failed:
        print(f"error: {len(failed)} of {len(entries)} file(s) could not be read", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
