"""`review` of a Moodle submissions download (the zip, or the folder it was unpacked into): one line per participant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matrices.catalogs import Catalogs
from matrices.reference import load_reference_data
from storage.filenames import shown
from storage.moodle import DownloadReader, participant_label, scan_download, sent_text
from storage.review_csv import completeness_text, reviewed_mark, write_review_csv
from storage.summary import ReviewEntry
from ui.cli.common import EXIT_FINDINGS, EXIT_OK
from ui.cli.outputs import written_to
from ui.cli.table import print_table

HEADINGS = (
    "PARTICIPANT",
    "ID",
    "FILE",
    "TITLE",
    "POLICY AREA",
    "COMPLETE G/P/S/A/I",
    "ERR/WARN",
    "COMMENTS OPEN/RES",
    "REVIEWED",
)
WIDTHS = (30, 0, 30, 40, 30, 0, 0, 0, 0)
"""Widest a column may grow (0: no limit); longer texts are cut with an ellipsis."""


def participant_line(entry: ReviewEntry, catalogs: Catalogs, lang: str) -> list[str]:
    """Return the cells of one participant's line; without a proposal, what they sent instead."""
    submitter = entry.submitter
    assert submitter is not None
    who = [participant_label(submitter.name, submitter.participant_id, lang)]
    who += [str(submitter.participant_id), submitter.files or "-"]
    summary = entry.summary
    if summary is None:
        if entry.error is not None:
            return [*who, f"error: {entry.error}"]
        return [*who, sent_text(submitter.status).get(lang)]
    area = catalogs.label("policy_areas.json", summary.policy_area, lang) if summary.policy_area else ""
    reviewed = reviewed_mark().get(lang) if submitter.reviewed else ""
    return [
        *who,
        summary.title,
        area,
        completeness_text(summary),
        f"{summary.errors}/{summary.warnings}",
        f"{summary.comments_open}/{summary.comments_resolved}",
        reviewed,
    ]


def review_download(args: argparse.Namespace, source: Path, csv_path: Path | None) -> int:
    """Print one line per participant of the download and write the CSV; exit 1 when something was refused."""
    reference = load_reference_data()
    catalogs = reference.catalogs
    download = scan_download(source)
    with DownloadReader(download) as reader:
        entries = [reader.entry(participant) for participant in download.participants]
    if entries:
        rows = [list(HEADINGS), *(participant_line(e, catalogs, args.lang) for e in entries)]
        print_table(rows, HEADINGS, WIDTHS, align_short=True)
    else:
        print(f"{shown(source)}: no participant's submission (is it a Moodle download?)")
    if csv_path is not None:
        with written_to(csv_path):
            write_review_csv(csv_path, entries, catalogs, reference.field_model, args.lang)
        print(f"wrote {shown(csv_path)}")
    failed = [entry for entry in entries if entry.error is not None]
    for entry in failed:
        print(
            f"error: {shown(source)}: {entry.submitter.name if entry.submitter else ''}: {entry.error}", file=sys.stderr
        )
    refused = [f for p in download.participants for f in p.files if f.problem] + [
        f for f in download.unmatched if f.problem
    ]
    for file in refused:
        print(f"error: {shown(source)}: {file.key}: refused: {file.problem}", file=sys.stderr)
    others = [f.key for f in download.unmatched if not f.problem]
    if others:
        print(f"note: {len(others)} file(s) belong to no participant: {', '.join(others[:5])}", file=sys.stderr)
    if failed or refused:
        print(f"error: {len(failed) + len(refused)} file(s) of the download could not be read", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
