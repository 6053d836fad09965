"""`import-comments FILE.pmx REVIEWED.docx [--dry-run] [--json]`: the command line contract, through subprocesses."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import docx
import pytest

from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from storage.document import Document
from tests.cli.test_cli import assert_one_error_line, fingerprint, run
from tests.export import docx_annotate


def _specs(cause_text: str, actor_name: str) -> list[dict[str, Any]]:
    row = {"table": "Código", "row": cause_text, "cell": 1}
    return [
        {"name": "causa", "author": "Eva", "text": "¿Fuente?", "date": "2026-03-02T10:15:00", "where": row},
        {"name": "resp", "author": "Luis", "text": "Agregada", "date": "2026-03-03T09:00:00", "reply_to": "causa"},
        {"name": "actor", "author": "Eva", "text": "Mandato", "date": "2026-03-02T10:20:00",
         "where": {"table": "Actor", "row": actor_name, "cell": 0}},
        {"name": "nada", "author": "", "text": "Sin fecha", "date": None,
         "where": {"paragraph": "Resumen", "style": "Heading"}},
    ]  # fmt: skip


@pytest.fixture
def files(tmp_path: Path, catalogs: Catalogs, field_model: FieldModel) -> tuple[Path, Path]:
    """A .pmx and the Word file exported from it, commented by a facilitator."""
    proposal = load_example("es")
    pmx = tmp_path / "propuesta.pmx"
    Document.create(pmx, proposal).close()
    data = export_docx(
        proposal, catalogs=catalogs, field_model=field_model, findings=[], options=ExportOptions(include_pictures=False)
    )
    word = docx.Document(io.BytesIO(data))
    docx_annotate.annotate(
        word, _specs(proposal.problem_matrix.causes[1].description, proposal.actor_matrix.actors[3].name)
    )
    reviewed = tmp_path / "revisada.docx"
    word.save(str(reviewed))
    return pmx, reviewed


def test_import_comments_stores_them_on_their_items_once(files: tuple[Path, Path]) -> None:
    pmx, reviewed = files
    before = fingerprint(reviewed)
    with Document.open(pmx, read_only=True) as document:
        content = document.load()
    result = run("import-comments", pmx, reviewed, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    by_text = {entry["text"]: entry for entry in report["comments"]}
    cause = by_text["¿Fuente?"]
    assert (cause["matrix"], cause["item"], cause["code"], cause["field"]) == ("problem", "C1.1", "C1.1", "description")
    assert cause["label"] == "Descripción de la causa"
    assert by_text["Agregada"]["parent_id"] == cause["id"]
    assert (by_text["Sin fecha"]["matrix"], by_text["Sin fecha"]["item"]) == (None, None)  # the summary: no item
    assert [note["kind"] for note in by_text["Sin fecha"]["notes"]] == ["no-date", "no-author"]
    with Document.open(pmx, read_only=True) as document:
        stored = {comment.text: comment for comment in document.load_comments()}
        assert document.load() == content  # the participant's content is untouched
    assert set(stored) == {"¿Fuente?", "Agregada", "Mandato", "Sin fecha"}
    assert stored["Agregada"].parent_id == stored["¿Fuente?"].id
    assert fingerprint(reviewed) == before  # the reviewed file is an input: never written

    again = run("import-comments", pmx, reviewed)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-1] == f"{pmx}: imported 0 comment(s), 4 already there"


def test_a_dry_run_says_where_comments_would_land_and_changes_nothing(files: tuple[Path, Path]) -> None:
    pmx, reviewed = files
    before = fingerprint(pmx)
    result = run("import-comments", pmx, reviewed, "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("+ Problema · C1.1 · Descripción de la causa  Eva, 2026-03-02 10:15") for line in lines)
    assert any(line.strip() == "note: no date: stored with the time of the import" for line in lines)
    assert lines[-1] == f"{pmx}: would import 4 comment(s), 0 already there"
    assert fingerprint(pmx) == before


def test_comments_it_cannot_place_go_to_the_general_comments_with_exit_status_1(files: tuple[Path, Path]) -> None:
    pmx, reviewed = files
    with Document.open(pmx) as document:
        proposal = document.load()
        del proposal.actor_matrix.actors[3]  # the participant deleted the actor the facilitator commented on
        document.save(proposal)
    result = run("import-comments", pmx, reviewed)
    assert result.returncode == 1, result.stderr
    assert "? general comments (not placed: its item is no longer in the proposal)  Eva" in result.stdout
    assert "1 not placed (general comments)" in result.stdout.splitlines()[-1]
    with Document.open(pmx, read_only=True) as document:
        (moved,) = [c for c in document.load_comments() if c.text == "Mandato"]
    assert (moved.matrix, moved.item_id, moved.field) == (None, None, None)


def test_a_file_held_by_another_window_is_refused(files: tuple[Path, Path]) -> None:
    pmx, reviewed = files
    with Document.open(pmx) as holder:  # as the editor holds the file it shows
        result = run("import-comments", pmx, reviewed)
        assert_one_error_line(result, f"{pmx}: cannot take the comments: it is open in another Policy Matrix window")
        assert holder.load_comments() == []
        assert run("import-comments", pmx, reviewed, "--dry-run").returncode == 0  # reading is harmless


def test_bad_input_is_one_error_line_with_exit_status_2(
    files: tuple[Path, Path], tmp_path: Path, catalogs: Catalogs, field_model: FieldModel
) -> None:
    pmx, reviewed = files
    junk = tmp_path / "basura.docx"
    junk.write_bytes(b"not a zip")
    assert_one_error_line(run("import-comments", pmx, junk), f"{junk}: is not a Word document")
    letter = tmp_path / "carta.docx"
    docx.Document().save(str(letter))
    assert_one_error_line(run("import-comments", pmx, letter), "was not exported by this version of Policy Matrix")
    other = tmp_path / "otra.docx"
    foreign = load_example("es").model_copy(update={"id": "otra-propuesta"})
    # No pictures: drawing them would make a QGuiApplication, where later GUI tests need a QApplication.
    options = ExportOptions(include_pictures=False)
    other.write_bytes(export_docx(foreign, catalogs=catalogs, field_model=field_model, findings=[], options=options))
    assert_one_error_line(run("import-comments", pmx, other), f"{other}: was exported from another proposal")
    assert_one_error_line(run("import-comments", tmp_path / "nada.pmx", reviewed), "nada.pmx: no such file")
    assert_one_error_line(run("import-comments", pmx, tmp_path / "nada.docx"), "nada.docx: no such file")
    assert_one_error_line(run("import-comments", pmx, pmx), "is the input file")
    assert_one_error_line(run("import-comments", reviewed, reviewed), "expected .pmx")
    assert_one_error_line(run("import-comments", pmx))  # a missing argument
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "tubo.docx"
        os.mkfifo(pipe)
        assert_one_error_line(run("import-comments", pmx, pipe), "is not a regular file")  # at once, not a hang
    with Document.open(pmx, read_only=True) as document:
        assert document.load_comments() == []
