"""The `feedback` command: a Moodle cohort's feedback as one zip (and the grading worksheet filled in)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matrices.localized import MESSAGE_LANGUAGE
from storage.filenames import shown
from storage.moodle import is_download, sent_text
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, fail
from ui.cohort.feedback import FeedbackError, FeedbackRequest, build_feedback


def _progress(done: int, total: int, name: str) -> bool:
    """Print one line per participant as their feedback is made (a run of 300 takes a while)."""
    if name:
        print(f"[{done + 1}/{total}] {name}", flush=True)
    return True


def cmd_feedback(args: argparse.Namespace) -> int:
    """Write the feedback zip (and worksheet); exit 1 when some participants' feedback failed."""
    source = Path(args.source)
    if not source.exists():
        raise fail(source, "no such file or folder")
    if not is_download(source):
        raise fail(source, "is not a Moodle submissions download (the .zip, or the folder it was unpacked into)")
    worksheet = Path(args.worksheet) if args.worksheet else None
    request = FeedbackRequest(source, Path(args.out), worksheet, args.lang, args.comments)
    try:
        result = build_feedback(request, _progress)
    except FeedbackError as exc:
        raise UsageError(str(exc)) from exc
    print(f"wrote {shown(request.out)}: feedback for {len(result.written)} participant(s)")
    if result.worksheet_out is not None:
        print(f"wrote {shown(result.worksheet_out)}: feedback comments for {result.filled} participant(s)")
    for name, status in result.skipped:
        print(f"note: {name}: no feedback: {sent_text(status).get(MESSAGE_LANGUAGE)}", file=sys.stderr)
    for name in result.missing_rows:
        print(f"note: {name}: not in the worksheet (downloaded before they submitted?)", file=sys.stderr)
    for name, reason in result.failed:
        print(f"error: {name}: {reason}", file=sys.stderr)
    if result.failed:
        print(f"error: feedback failed for {len(result.failed)} participant(s), named above", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
