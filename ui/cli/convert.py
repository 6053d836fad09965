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
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError, describe, fail, read_any, same_file
from ui.cli.outputs import docx_bytes, write_output


def cmd_demo(args: argparse.Namespace) -> int:
    """Write the bundled example proposal to PATH."""
    write_output(Path(args.path), load_example(args.lang), [])
    print(f"wrote {args.path}")
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert between .json and .pmx; the source is never modified."""
    src, dst = Path(args.src), Path(args.dst)
    if dst.exists() and same_file(src, dst):
        raise fail(dst, "is the input file; choose another output path")
    proposal, comments = read_any(src)
    write_output(dst, proposal, comments)
    print(f"wrote {dst}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export each FILE to Word; a bad file is reported and the batch goes on; exit 1 if any failed."""
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise fail(out_dir, "is not a folder")
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise fail(template, "no such template file")
    options = ExportOptions(lang=args.lang, paper=args.paper, template=template, include_comments=args.comments)
    inputs = [Path(name) for name in args.files]
    failures: list[Path] = []
    for index, source in enumerate(inputs, start=1):
        target = (out_dir or source.parent) / f"{source.stem}.docx"
        try:
            if any(target.exists() and same_file(target, other) for other in inputs):
                raise fail(target, "is one of the input files; choose another --out-dir")
            proposal, comments = read_any(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, docx_bytes(proposal, comments, options))
        except (UsageError, DocumentError, ValidationError, OSError) as exc:
            failures.append(source)
            print(f"error: {describe(exc, source)}", file=sys.stderr)
            continue
        print(f"[{index}/{len(inputs)}] {source} -> {target}", flush=True)
    if failures:
        names = ", ".join(str(path) for path in failures)
        print(f"error: {len(failures)} of {len(inputs)} file(s) failed: {names}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK
