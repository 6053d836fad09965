"""Comments a facilitator adds in Word to an exported DOCX come back onto the items whose text they mark."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from export.anchor_table import read_anchor_table
from export.word_comments import (
    NotOurWordFileError,
    UnreadableWordFileError,
    WordImportError,
    import_word_comments,
    read_word_comments,
)
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Comment
from tests.export.docx_helpers import comment_anchors, export, open_docx


def cell_paragraph(document: Document, header: str, text: str) -> Paragraph:
    """Return the paragraph of the table under header (its first column) whose cell shows text."""
    for table in document.tables:
        if table.rows[0].cells[0].text != header:
            continue
        for row in table.rows[1:]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph.text == text or (text in paragraph.text and header == "Actor"):
                        return paragraph
    raise AssertionError(f"no cell of the {header!r} table shows {text!r}")


def body_paragraph(document: Document, text: str, style_prefix: str = "") -> Paragraph:
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if paragraph.text == text and style.startswith(style_prefix):
            return paragraph
    raise AssertionError(f"no paragraph shows {text!r}")


def save(document: Document, path: Path) -> Path:
    document.save(str(path))
    return path


@pytest.fixture
def exported(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> Document:
    own = [
        Comment(matrix="problem", item_id=example_es.problem_matrix.causes[0].id, field="description",
                author="Facilitadora", text="Comentario exportado desde la app"),
    ]  # fmt: skip
    return open_docx(export(example_es, catalogs, field_model, own))


def test_word_comments_on_a_cause_and_an_actor_come_back_on_those_items(
    exported: Document, example_es: Proposal, tmp_path: Path
) -> None:
    cause = next(c for c in example_es.problem_matrix.causes if c.parent_id is not None)
    actor = example_es.actor_matrix.actors[2]
    cause_runs = cell_paragraph(exported, "Código", cause.description).runs
    exported.add_comment(cause_runs, text="¿Qué evidencia respalda esta causa?", author="Luis Díaz", initials="LD")
    name_runs = cell_paragraph(exported, "Actor", actor.name).runs
    # As Word does when one selects the name only: the range starts at the name, after the bold code.
    exported.add_comment(name_runs[-1], text="Falta su mandato legal", author="Luis Díaz", initials="LD")
    path = save(exported, tmp_path / "comentada.docx")

    found = read_word_comments(path)
    assert found.proposal_id == example_es.id
    assert found.skipped == 1  # the comment the export wrote is already in the .pmx
    by_text = {comment.text: comment for comment in found.comments}
    assert set(by_text) == {"¿Qué evidencia respalda esta causa?", "Falta su mandato legal"}
    on_cause = by_text["¿Qué evidencia respalda esta causa?"]
    assert (on_cause.matrix, on_cause.item_id, on_cause.field) == ("problem", cause.id, "description")
    on_actor = by_text["Falta su mandato legal"]
    assert (on_actor.matrix, on_actor.item_id, on_actor.field) == ("actors", actor.id, "name")
    assert on_actor.author == "Luis Díaz"
    assert on_actor.role == "facilitator"
    assert on_actor.status == "open"
    assert abs(on_actor.created_at - datetime.now(UTC)).total_seconds() < 600


def test_reimported_comments_anchor_on_the_same_text_in_a_new_export(
    exported: Document, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path
) -> None:
    actor = example_es.actor_matrix.actors[5]
    exported.add_comment(cell_paragraph(exported, "Actor", actor.name).runs, text="Revisar", author="Ana")
    comments = import_word_comments(save(exported, tmp_path / "a.docx"))
    again = open_docx(export(example_es, catalogs, field_model, comments))
    (anchored_text,) = comment_anchors(again).values()
    assert anchored_text == f"{actor.id} {actor.name} ({actor.acronym})"  # the whole name cell


def test_a_comment_on_a_code_cell_goes_to_its_row_item_and_one_on_a_heading_to_its_list(
    exported: Document, example_es: Proposal, tmp_path: Path
) -> None:
    cause = example_es.problem_matrix.causes[1]
    row = next(
        row for table in exported.tables for row in table.rows if any(c.text == cause.description for c in row.cells)
    )
    code_cell = row.cells[0]  # the code (C2) shows no field: the row's item is meant, as a whole
    exported.add_comment(code_cell.paragraphs[0].runs, text="sobre el código", author="Ana")
    causes_heading = body_paragraph(exported, "Causas", "Heading")
    exported.add_comment(causes_heading.runs, text="sobre la lista de causas", author="Ana")
    found = {c.text: c for c in import_word_comments(save(exported, tmp_path / "b.docx"))}
    near = found["sobre el código"]
    assert (near.matrix, near.item_id, near.field) == ("problem", cause.id, None)
    heading = found["sobre la lista de causas"]
    assert (heading.matrix, heading.item_id, heading.field) == ("problem", None, "causes")


def test_a_range_starting_just_before_the_bookmark_still_finds_it(exported: Document, tmp_path: Path) -> None:
    # Word may put commentRangeStart before the bookmarkStart when the whole cell text is selected.
    paragraph = next(p for p in exported.paragraphs if p._p.find(qn("w:bookmarkStart")) is not None and p.runs)
    comment = exported.add_comment(paragraph.runs, text="todo el párrafo", author="Ana")
    start = next(
        e for e in paragraph._p.iter(qn("w:commentRangeStart")) if e.get(qn("w:id")) == str(comment.comment_id)
    )
    first_bookmark = next(e for e in paragraph._p.iter(qn("w:bookmarkStart")) if e.get(qn("w:name")).startswith("_PM"))
    first_bookmark.addprevious(start)  # range start now precedes our bookmark
    name = first_bookmark.get(qn("w:name"))
    table_of_anchors = read_anchor_table(exported)
    assert table_of_anchors is not None
    expected = table_of_anchors.anchors[name[3:]]
    (found,) = [c for c in import_word_comments(save(exported, tmp_path / "c.docx")) if c.text == "todo el párrafo"]
    assert (found.matrix, found.item_id, found.field) == expected


def test_importing_the_same_document_twice_gives_the_same_ids(exported: Document, tmp_path: Path) -> None:
    paragraph = next(p for p in exported.paragraphs if p.runs and p._p.find(qn("w:bookmarkStart")) is not None)
    exported.add_comment(paragraph.runs, text="una vez", author="Ana")
    path = save(exported, tmp_path / "d.docx")
    first, second = import_word_comments(path), import_word_comments(path)
    assert [c.id for c in first] == [c.id for c in second]
    assert len(first) == 1


def test_every_item_text_carries_a_short_unique_hidden_bookmark(exported: Document, example_es: Proposal) -> None:
    table = read_anchor_table(exported)
    assert table is not None
    names = [
        element.get(qn("w:name"))
        for element in exported.element.body.iter(qn("w:bookmarkStart"))
        if element.get(qn("w:name")).startswith("_PM")
    ]
    assert len(names) == len(set(names)) == len(table.anchors)
    assert max(len(name) for name in names) <= 40  # Word's limit for a bookmark name
    anchors = set(table.anchors.values())
    for actor in example_es.actor_matrix.actors:
        assert ("actors", actor.id, "name") in anchors
    for cause in example_es.problem_matrix.causes:
        assert ("problem", cause.id, "description") in anchors
    assert ("problem", None, "central_problem") in anchors
    assert ("strategy", example_es.strategy_matrix.axes[0].id, "name") in anchors


def test_a_document_without_anchors_or_not_a_docx_is_a_clear_error(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path
) -> None:
    plain = tmp_path / "sin-anclas.docx"
    plain.write_bytes(export(example_es, catalogs, field_model, word_anchors=False))
    with pytest.raises(NotOurWordFileError, match="no item anchors"):
        import_word_comments(plain)
    other = tmp_path / "otro.docx"
    docx.Document().save(str(other))
    with pytest.raises(NotOurWordFileError, match="no item anchors"):
        import_word_comments(other)
    junk = tmp_path / "basura.docx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(UnreadableWordFileError, match="not a valid zip"):
        import_word_comments(junk)
    with pytest.raises(UnreadableWordFileError, match="cannot be read"):
        import_word_comments(tmp_path / "missing.docx")


def test_both_kinds_of_import_error_are_word_import_errors() -> None:
    # ui/comments_import.py catches WordImportError: the subclasses must not escape it.
    assert issubclass(UnreadableWordFileError, WordImportError)
    assert issubclass(NotOurWordFileError, WordImportError)
    assert not issubclass(NotOurWordFileError, UnreadableWordFileError)


def test_without_anchors_the_export_writes_no_item_bookmarks(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    document = open_docx(export(example_es, catalogs, field_model, word_anchors=False))
    names = [e.get(qn("w:name")) for e in document.element.body.iter(qn("w:bookmarkStart"))]
    assert names
    assert not [name for name in names if name.startswith("_PM")]
    assert read_anchor_table(document) is None


def test_comments_survive_a_libreoffice_round_trip(exported: Document, example_es: Proposal, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is needed for this test; CI must install it (.ci/run)")
        pytest.skip("LibreOffice (soffice) is needed for this test")
    actor = example_es.actor_matrix.actors[0]
    exported.add_comment(cell_paragraph(exported, "Actor", actor.name).runs, text="Desde LibreOffice", author="Eva")
    (tmp_path / "in").mkdir()
    source = save(exported, tmp_path / "in" / "anotada.docx")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
         "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    found = read_word_comments(tmp_path / "out" / "anotada.docx")
    assert found.proposal_id == example_es.id
    (comment,) = [c for c in found.comments if c.text == "Desde LibreOffice"]
    assert (comment.matrix, comment.item_id, comment.field) == ("actors", actor.id, "name")
    assert comment.author == "Eva"


def test_python_docx_reads_what_we_wrote(exported: Document) -> None:
    # The document with its custom XML part still opens and saves in python-docx (Word's own reader is stricter
    # about parts; the LibreOffice test above covers a real office suite).
    buffer = io.BytesIO()
    exported.save(buffer)
    assert docx.Document(io.BytesIO(buffer.getvalue())).paragraphs
