"""The `review` command: one line per proposal of a folder, and the cohort CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matrices.catalogs import Catalogs
from storage.review_csv import completeness_text, display_name, local_time, write_review_csv
from storage.summary import ReviewEntry, review_folder
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, fail

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


def _fit(text: str, width: int) -> str:
    flat = " ".join(text.split())  # a title pasted with line breaks must stay on its line
    return flat if not width or len(flat) <= width else flat[: width - 1] + "…"


def _print_table(rows: list[list[str]]) -> None:
    """Print rows as aligned columns; a short row (a file and its error) runs on past the grid."""
    count = len(REVIEW_HEADINGS)
    full = [[_fit(cell, REVIEW_WIDTHS[i]) for i, cell in enumerate(row)] for row in rows if len(row) == count]
    widths = [max(len(row[i]) for row in full) for i in range(count)]
    for row in rows:
        if len(row) == count:
            cells = [f"{_fit(cell, REVIEW_WIDTHS[i]):<{widths[i]}}" for i, cell in enumerate(row)]
        else:
            cells = [f"{_fit(row[0], REVIEW_WIDTHS[0]):<{widths[0]}}", *(_fit(cell, 0) for cell in row[1:])]
        print("  ".join(cells).rstrip())


def cmd_review(args: argparse.Namespace) -> int:
    """Print one line per .pmx of DIR and write the CSV; exit 1 when some files could not be read."""
    folder = Path(args.dir)
    if not folder.exists():
        raise fail(folder, "no such folder")
    if not folder.is_dir():
        raise fail(folder, "is not a folder")
    csv_path = Path(args.csv) if args.csv else None
    if csv_path is not None:
        if csv_path.is_dir():
            raise fail(csv_path, "is a folder; choose a file name for the CSV")
        if not csv_path.parent.is_dir():
            raise fail(csv_path, "its folder does not exist")
    catalogs = Catalogs.load()
    entries = review_folder(folder, recursive=args.recursive)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a title in a script the console cannot show must not abort
    if entries:
        _print_table([list(REVIEW_HEADINGS), *(_review_line(e, folder, catalogs, args.lang) for e in entries)])
    else:
        print(f"{folder}: no .pmx files")
    if csv_path is not None:
        write_review_csv(csv_path, entries, catalogs, args.lang, folder)
        print(f"wrote {csv_path}")
    failed = [entry for entry in entries if not entry.ok]
    for entry in failed:
        print(f"error: {entry.path}: {entry.error}", file=sys.stderr)
    if failed:
        print(f"error: {len(failed)} of {len(entries)} file(s) could not be read", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
