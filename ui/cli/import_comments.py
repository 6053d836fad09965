"""The `import-comments` command: a facilitator's Word comments brought back onto the items of a .pmx.

It writes nothing but the comments of FILE.pmx, and refuses a FILE.pmx that another window holds (that window
would overwrite them). Comments it could not place go to the general comments and make the exit status 1,
as do comments it had to leave out; the GUI's preview lets a facilitator move them instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matrices.review import Anchor
from storage.document import Document
from storage.filenames import shown
from storage.outputs import check_outputs
from storage.reading import MAX_READ_BYTES, regular_size
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, fail

if TYPE_CHECKING:
    from export.comment_import import ImportPlan, Incoming
    from matrices.proposal import Proposal

REASONS = {
    "deleted": "its item is no longer in the proposal",
    "changed": "its table row was changed after the export",
    "no-bookmarks": "the document lost the marks of its items",
    "unknown-anchor": "it points at no item of this proposal",
    "missing": "it is not on the document's text",
}
NOTES = {
    "no-date": "no date: stored with the time of the import",
    "bad-date": "date {detail!r} cannot be right: stored with the time of the import",
    "no-author": "no author",
}
EXCERPT = 70


class _Places:
    """Names anchors as `check` does: the item's display code and the field's label, in the proposal's language."""

    def __init__(self, proposal: Proposal) -> None:
        from export.labels import Labels
        from export.refs import Refs
        from matrices.reference import load_reference_data

        reference = load_reference_data()
        self._labels = Labels(proposal.language)
        self._refs = Refs(proposal, reference.catalogs, self._labels)
        self._field_model = reference.field_model

    def code(self, anchor: Anchor) -> str | None:
        return self._refs.code(anchor[1]) if anchor[1] else None

    def label(self, anchor: Anchor) -> str | None:
        matrix, item, key = anchor
        return self._refs.field_label(self._field_model, matrix or "general", item, key) or None

    def text(self, anchor: Anchor) -> str:
        if anchor == (None, None, None):
            return "general comments"
        parts = [self._labels(f"matrix.{anchor[0]}"), self.code(anchor) or "", self.label(anchor) or ""]
        return " · ".join(part for part in parts if part)


def cmd_import_comments(args: argparse.Namespace) -> int:
    """Import the comments of REVIEWED.docx into FILE.pmx; exit 1 when some could not be placed or stored."""
    # Imported here: the editor starts through main.py and must not load python-docx before it is needed.
    from export.comment_import import plan_import
    from export.word_comments import WordImportError

    pmx, reviewed = Path(args.file), Path(args.docx)
    for path in (pmx, reviewed):
        if not path.exists():
            raise fail(path, "no such file")
        if path.is_dir():
            raise fail(path, "is a folder, not a file")
    if pmx.suffix.lower() != ".pmx":
        raise fail(pmx, f"unsupported file type {shown(pmx.suffix) or '(none)'!r}: expected .pmx")
    # FILE.pmx is written (its comments): the one rule of outputs applies, REVIEWED.docx being the input.
    check_outputs([pmx], inputs=[reviewed])
    regular_size(reviewed, MAX_READ_BYTES)  # a pipe, a device or a huge file is refused before it is opened
    with Document.open(pmx, read_only=args.dry_run) as document:
        if not args.dry_run and document.read_only:
            raise fail(pmx, f"cannot take the comments: {document.read_only_reason}")
        proposal = document.load()
        places = _Places(proposal)  # before anything is stored: it needs the reference data
        existing = document.load_comments()
        try:
            plan = plan_import(reviewed, proposal, existing)
        except WordImportError as exc:
            raise fail(exc.path or reviewed, exc.reason) from exc
        if not args.dry_run and plan.changes_anything:
            document.save_comments(plan.merged(existing))
    if args.json:
        json.dump(_record(plan, places, pmx, reviewed, args.dry_run), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print(plan, places, pmx, args.dry_run)
    return EXIT_FINDINGS if plan.unplaced or plan.left_out else EXIT_OK


def _root_anchor(plan: ImportPlan, entry: Incoming) -> Anchor:
    root = plan.replies_of.get(entry.comment.id)
    by_id = {item.comment.id: item for item in plan.incoming}
    return by_id[root].anchor if root in by_id else entry.anchor


def _record(plan: ImportPlan, places: _Places, pmx: Path, reviewed: Path, dry_run: bool) -> dict[str, Any]:
    comments = []
    for entry in plan.incoming:
        comment = entry.comment
        anchor = entry.anchor if comment.id not in plan.replies_of else _root_anchor(plan, entry)
        comments.append(
            {
                "id": comment.id,
                "parent_id": comment.parent_id,
                "author": comment.author,
                "created_at": comment.created_at.isoformat(),
                "status": comment.status,
                "text": comment.text,
                "matrix": anchor[0],
                "item": anchor[1],
                "code": places.code(anchor),
                "field": anchor[2],
                "label": places.label(anchor),
                "placed": entry.placed or comment.id in plan.replies_of,
                "reason": REASONS.get(entry.reason or "") if not entry.placed else None,
                "notes": [{"kind": kind, "detail": detail} for kind, detail in entry.notes],
            }
        )
    return {
        "file": shown(pmx),
        "reviewed": shown(reviewed),
        "dry_run": dry_run,
        "comments": comments,
        "resolved": list(plan.resolve),
        "already_there": plan.known,
        "left_out": [{"author": item.author, "excerpt": item.excerpt, "reason": item.reason} for item in plan.left_out],
    }


def _print(plan: ImportPlan, places: _Places, pmx: Path, dry_run: bool) -> None:
    for entry in plan.incoming:
        comment = entry.comment
        text = " ".join(comment.text.split())
        excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
        who = f"{comment.author or '(no author)'}, {comment.created_at:%Y-%m-%d %H:%M}"
        if comment.id in plan.replies_of:
            print(f"  ↳ reply  {who}  {excerpt!r}")
        elif entry.placed:
            print(f"+ {places.text(entry.anchor)}  {who}  {excerpt!r}")
        else:
            reason = REASONS.get(entry.reason or "", "not placed")
            print(f"? general comments (not placed: {reason})  {who}  {excerpt!r}")
        for kind, detail in entry.notes:
            print(f"    note: {NOTES[kind].format(detail=detail)}")
    for item in plan.left_out:
        print(f"- left out ({item.author or 'no author'}: {item.excerpt!r}…): longer than a comment can hold")
    verb = "would import" if dry_run else "imported"
    summary = [f"{shown(pmx)}: {verb} {len(plan.incoming)} comment(s)"]
    if plan.unplaced:
        summary.append(f"{len(plan.unplaced)} not placed (general comments)")
    if plan.resolve:
        summary.append(f"{len(plan.resolve)} thread(s) {'to resolve' if dry_run else 'resolved'}")
    if plan.left_out:
        summary.append(f"{len(plan.left_out)} left out")
    summary.append(f"{plan.known} already there")
    print(", ".join(summary))
