"""What the command line prints for people names items by code and fields by label, never by id or key."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from storage.document import Document
from storage.interchange import write_json
from tests.cli.test_cli import run
from tests.conftest import with_uuid_ids
from tests.internal_words import broken, internal_words, leaks, with_dangling_links


def test_check_names_items_and_fields_for_people(tmp_path: Path, catalogs: Catalogs, field_model: FieldModel) -> None:
    path = tmp_path / "uuids.json"
    write_json(path, with_dangling_links(with_uuid_ids(broken(load_example("es")))))
    for lang in ("es", "en"):
        result = run("check", path, "--lang", lang)
        assert result.returncode == 1, result.stderr
        # Each finding: severity (a fixed word of the command's contract), rule, place, message.
        findings = [line.split(None, 1)[1] for line in result.stdout.splitlines()[:-1]]
        assert len(findings) > 20
        found = leaks(findings, internal_words(field_model, catalogs, lang))
        assert not found, "\n".join(found)


def test_import_comments_names_every_place_for_people(
    tmp_path: Path, catalogs: Catalogs, field_model: FieldModel
) -> None:
    # A comment on every paragraph the export marked (each item, each field of a row, each heading).
    proposal = with_uuid_ids(load_example("es"))
    pmx = tmp_path / "propuesta.pmx"
    Document.create(pmx, proposal).close()
    data = export_docx(
        proposal, catalogs=catalogs, field_model=field_model, findings=[], options=ExportOptions(include_pictures=False)
    )
    word = docx.Document(io.BytesIO(data))
    marked = [
        paragraph
        for paragraph in word.element.body.iter(qn("w:p"))
        if any(mark.get(qn("w:name"), "").startswith("_PM") for mark in paragraph.iter(qn("w:bookmarkStart")))
    ]
    count = 0
    for paragraph in marked:
        runs = [run for run in docx.text.paragraph.Paragraph(paragraph, word.part).runs if run.text.strip()]
        if runs:
            word.add_comment(runs, text=f"Nota {count}", author="Eva")
            count += 1
    reviewed = tmp_path / "revisada.docx"
    word.save(str(reviewed))
    result = run("import-comments", pmx, reviewed, "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    placed = [line for line in result.stdout.splitlines() if line.startswith("+ ")]
    assert len(placed) == count > 500
    found = leaks(placed, internal_words(field_model, catalogs, "es"))
    assert not found, "\n".join(found[:20])
