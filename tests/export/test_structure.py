"""Structure golden test: the headings and the table header rows of the Spanish example.

The golden file was written from a reviewed export (its pages rendered and read). After an intended change
of structure, rewrite it with `PM_UPDATE_GOLDEN=1 pytest tests/export/test_structure.py` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from matrices.examples import load_example
from tests.export.docx_helpers import export, header_rows, headings, open_docx

GOLDEN = Path(__file__).parent / "golden" / "structure_es.json"


def structure(catalogs, field_model) -> dict[str, list[list[object]]]:  # type: ignore[no-untyped-def]
    document = open_docx(export(load_example("es"), catalogs, field_model))
    # Only what defines the document's outline: no dates, ids or figures that change with the data.
    return {
        "headings": [[level, text] for level, text in headings(document)],
        "table_headers": header_rows(document),
    }


def test_structure_matches_the_golden_file(catalogs, field_model) -> None:
    found = structure(catalogs, field_model)
    if os.environ.get("PM_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert found["headings"] == expected["headings"]
    assert found["table_headers"] == expected["table_headers"]
