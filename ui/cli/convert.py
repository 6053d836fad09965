"""The commands that write proposals: demo, convert and export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from export.options import ExportOptions
from matrices.examples import load_example
from storage.atomic import write_atomic
from storage.errors import DocumentError
from storage.filenames import shown
from storage.outputs import PlannedOutput, check_batch, check_outputs, natural_output, plan_batch
from storage.reading import MAX_READ_BYTES, regular_size
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, describe, fail, read_any
from ui.cli.outputs import docx_bytes, write_output, written_to


def cmd_demo(args: argparse.Namespace) -> int:
    """Write the bundled example proposal to PATH."""
    path = Path(args.path)
    check_outputs([path])
    write_output(path, load_example(args.lang), [])
    print(f"wrote {shown(path)}")
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert between .json and .pmx; the source is never modified."""
    src, dst = Path(args.src), Path(args.dst)
    check_outputs([dst], inputs=[src])
    proposal, comments = read_any(src)
    write_output(dst, proposal, comments)
    print(f"wrote {shown(dst)}")
    return EXIT_OK


def _template(name: str | None) -> Path | None:
    """Return the --template path once it is known to be a regular file of a size we read."""
    if name is None:
        return None
    template = Path(name)
    try:
        regular_size(template, MAX_READ_BYTES)
    except DocumentError as exc:
        raise fail(template, f"cannot be used as the Word template: {exc.reason}") from exc
    return template


def _progress(index: int, total: int, plan: PlannedOutput, natural: Path) -> str:
    """The progress line of one file; it says why an output is not named after its input, or is not written."""
    head = f"[{index}/{total}] {shown(plan.source)}"
    if plan.same_as is not None:
        if plan.same_as == plan.source:
            return f"{head}: named twice, written once as {shown(plan.target)}"
        return f"{head}: the same file as {shown(plan.same_as)}, written once as {shown(plan.target)}"
    line = f"{head} -> {shown(plan.target)}"
    if plan.taken_by is not None:
        line += f" (renamed: {shown(natural)} is the output of {shown(plan.taken_by)})"
    return line


def cmd_export(args: argparse.Namespace) -> int:
    """Export each FILE to Word; a bad file is reported and the batch goes on; exit 1 if any failed."""
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise fail(out_dir, "is not a folder")
    template = _template(args.template)
    options = ExportOptions(lang=args.lang, paper=args.paper, template=template, include_comments=args.comments)
    inputs = [Path(name) for name in args.files]
    plans = plan_batch(inputs, out_dir, ".docx")
    check_batch(plans, templates=[template] if template is not None else [])
    failures: list[Path] = []
    for index, plan in enumerate(plans, start=1):
        if plan.same_as is None:
            try:
                proposal, comments = read_any(plan.source)
                data = docx_bytes(proposal, comments, options)
                with written_to(plan.target):
                    plan.target.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(plan.target, data)
            except (UsageError, DocumentError, ValidationError, OSError) as exc:
                failures.append(plan.source)
                print(f"error: {describe(exc, plan.source)}", file=sys.stderr)
                continue
        print(_progress(index, len(plans), plan, natural_output(plan.source, out_dir, ".docx")), flush=True)
    if failures:
        names = ", ".join(shown(path) for path in failures)
        print(f"error: {len(failures)} of {len(inputs)} file(s) failed: {names}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
