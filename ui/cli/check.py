"""The commands that read only: check and schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from export.labels import Labels
from matrices.completeness import completeness
from matrices.display import ItemCodes, finding_record
from matrices.reference import load_reference_data
from matrices.rules import default_rulebook
from storage.filenames import shown
from storage.interchange import json_schema
from ui.cli.common import EXIT_FINDINGS, EXIT_OK, read_any


def cmd_check(args: argparse.Namespace) -> int:
    """Print completeness and consistency findings; exit 1 when some are errors."""
    path = Path(args.file)
    proposal, _comments = read_any(path)
    reference = load_reference_data()
    field_model = reference.field_model
    findings = default_rulebook(reference.catalogs, field_model).check(proposal)
    lang = args.lang or proposal.language
    codes = ItemCodes(proposal)
    if args.json:
        records = [finding_record(f, codes, field_model, lang) for f in findings]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        labels = Labels(lang)
        for f in findings:
            # Items by display code and fields by label, as the editor shows them; --json keeps the ids and keys.
            where = " · ".join(
                part
                for part in (labels(f"matrix.{f.matrix}"), codes.where(field_model, f.matrix, f.item, f.field, lang))
                if part
            )
            print(f"{f.severity:<7} {f.rule}  {where}  {f.message(lang)}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        scores = completeness(proposal, field_model)
        score_text = ", ".join(f"{key} {value}%" for key, value in scores.items())
        print(
            f"{shown(path)}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
            f"completeness: {score_text}"
        )
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_schema(_args: argparse.Namespace) -> int:
    """Print the JSON Schema of the interchange format."""
    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
