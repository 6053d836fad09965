"""The preview of a Word comments import: where each comment lands, those it could not place, moving one, and
nothing stored before the facilitator chooses Import."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from export.comment_import import ImportPlan, plan_import
from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Anchor
from storage.document import Document
from tests.export import docx_annotate
from tests.ui.helpers import build_app, make_context, record_message_boxes
from ui.comments.anchors import AnchorNames
from ui.comments.import_preview import AUTHOR, DATE, NOTE, TEXT, ImportPreview
from ui.comments_import import choose_and_import_word_comments, move_targets, store_import
from ui.session import DocumentSession
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter

MATRIX_TITLES = {"general": "Datos generales", "problem": "Problema", "actors": "Actores"}


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Document]:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path) as opened:
        yield opened


def _reviewed(document: Document, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path) -> Path:
    """The proposal exported, then commented as a facilitator would: on a cause (with a reply), on an actor's
    name, and once with neither a date nor an author."""
    proposal = document.load()
    data = export_docx(
        proposal, catalogs=catalogs, field_model=field_model, findings=[], options=ExportOptions(include_pictures=False)
    )
    word = docx.Document(io.BytesIO(data))
    cause, actor = proposal.problem_matrix.causes[1], proposal.actor_matrix.actors[3]
    on_row = {"table": "Código", "row": cause.description, "cell": 1}
    specs: list[dict[str, Any]] = [
        {"name": "causa", "author": "Eva", "text": "¿Fuente?", "date": "2026-03-02T10:15:00", "where": on_row},
        {"name": "respuesta", "author": "Luis", "text": "Ya la agrego", "date": "2026-03-03T09:00:00",
         "reply_to": "causa"},
        {"name": "actor", "author": "Eva", "text": "Falta el mandato", "date": "2026-03-02T10:20:00",
         "where": {"table": "Actor", "row": actor.name, "cell": 0}},
        {"name": "anonimo", "author": "", "text": "Sin fecha ni autor", "date": None,
         "where": {"table": "Código", "row": cause.description, "cell": 2}},
    ]  # fmt: skip
    docx_annotate.annotate(word, specs)
    path = tmp_path / "revisada.docx"
    word.save(str(path))
    return path


def _without_actor(proposal: Proposal, index: int) -> Proposal:
    """The proposal after the participant deleted an actor that a comment was written on."""
    changed = proposal.model_copy(deep=True)
    del changed.actor_matrix.actors[index]
    return changed


def _rows(tree: QTreeWidget) -> dict[str, QTreeWidgetItem]:
    rows: dict[str, QTreeWidgetItem] = {}
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        rows[top.text(TEXT)] = top
        for child in range(top.childCount()):
            rows[top.child(child).text(TEXT)] = top.child(child)
    return rows


def _preview(
    document: Document, proposal: Proposal, path: Path, qtbot: QtBot, writer: DocumentWriter
) -> tuple[ImportPreview, ImportPlan, AnchorNames]:
    session = DocumentSession(document, proposal, writer=writer)
    names = AnchorNames(session, make_context("es"), lambda matrix: MATRIX_TITLES.get(matrix, matrix))
    plan = plan_import(path, proposal, document.load_comments())
    dialog = ImportPreview(plan, names.place, move_targets(proposal), "es", None, names.describe)
    qtbot.addWidget(dialog)
    return dialog, plan, names


def test_the_preview_shows_where_each_comment_lands_and_what_it_could_not_place(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    spanish: LanguageSwitcher,
    writer: DocumentWriter,
) -> None:
    path = _reviewed(document, catalogs, field_model, tmp_path)
    proposal = _without_actor(document.load(), 3)
    dialog, plan, _names = _preview(document, proposal, path, qtbot, writer=writer)
    rows = _rows(dialog.findChild(QTreeWidget, "importComments"))
    cause = proposal.problem_matrix.causes[1]
    description = next(s for s in field_model.fields("cause") if s.key == "description").label("es")
    on_cause = rows["¿Fuente?"]
    assert cause.id in on_cause.text(0)  # its display code (the example's ids are its codes)
    assert on_cause.text(0).endswith(description)  # and the field's label in the interface language
    reply = rows["Ya la agrego"]
    assert reply.parent() is on_cause
    assert reply.text(0) == "Respuesta, con su hilo"
    lost = rows["Falta el mandato"]
    assert lost.text(0) == "Comentarios generales: no se pudo ubicar"
    assert lost.font(0).bold()
    assert "su elemento ya no está en la propuesta" in lost.text(NOTE)
    anonymous = rows["Sin fecha ni autor"]
    assert anonymous.text(AUTHOR) == "(sin autor)"
    assert anonymous.text(DATE) == "(hora de la importación)"
    assert "Sin fecha: se guarda con la hora de la importación" in anonymous.text(NOTE)
    assert "Sin autor" in anonymous.text(NOTE)
    summary = dialog.findChild(QLabel, "importSummary").text()
    assert summary.startswith("Se agregarán 4 comentarios.")
    assert "1 no se pudo ubicar" in summary
    assert [entry.comment.text for entry in plan.unplaced] == ["Falta el mandato"]
    assert len(document.load_comments()) == 0  # a preview stores nothing


def test_a_comment_the_import_could_not_place_can_be_moved_to_an_item(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    path = _reviewed(document, catalogs, field_model, tmp_path)
    proposal = _without_actor(document.load(), 3)
    dialog, plan, names = _preview(document, proposal, path, qtbot, writer=writer)
    tree = dialog.findChild(QTreeWidget, "importComments")
    move = dialog.findChild(QPushButton, "importMove")
    target = dialog.findChild(QComboBox, "importTarget")
    assert not move.isEnabled()  # nothing selected yet
    tree.setCurrentItem(_rows(tree)["Falta el mandato"])
    assert move.isEnabled()
    other_actor: Anchor = ("actors", proposal.actor_matrix.actors[0].id, None)
    target.setCurrentIndex(target.findText(names.place(other_actor)))
    qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
    assert _rows(tree)["Falta el mandato"].text(0) == names.place(other_actor)
    qtbot.mouseClick(dialog.findChild(QPushButton, "importAccept"), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    result = store_import(document, plan, dialog.moves)
    assert result.unplaced == []
    stored = {comment.text: comment for comment in document.load_comments()}
    moved = stored["Falta el mandato"]
    assert (moved.matrix, moved.item_id, moved.field) == other_actor
    root, reply = stored["¿Fuente?"], stored["Ya la agrego"]
    assert reply.parent_id == root.id
    assert (reply.matrix, reply.item_id, reply.field) == (root.matrix, root.item_id, root.field)


def test_an_unplaced_comment_left_where_it_is_goes_to_the_general_comments_never_to_an_item(
    document: Document, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path, qtbot: QtBot
) -> None:
    path = _reviewed(document, catalogs, field_model, tmp_path)
    proposal = _without_actor(document.load(), 3)
    plan = plan_import(path, proposal, document.load_comments())
    result = store_import(document, plan, {})
    assert [comment.text for comment in result.unplaced] == ["Falta el mandato"]
    (stored,) = [c for c in document.load_comments() if c.text == "Falta el mandato"]
    assert (stored.matrix, stored.item_id, stored.field) == (None, None, None)
    again = plan_import(path, proposal, document.load_comments())
    assert not again.changes_anything  # a second import adds nothing
    assert again.known == 4


def test_cancelling_the_preview_stores_nothing(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    path = _reviewed(document, catalogs, field_model, tmp_path)
    session = DocumentSession(document, document.load(), writer=writer)
    seen: list[ImportPlan] = []

    def cancel(plan: ImportPlan) -> None:
        seen.append(plan)

    result = choose_and_import_word_comments(session, document, None, path, describe=str, lang="es", confirm=cancel)
    assert result is None
    assert len(seen) == 1
    assert document.load_comments() == []


def test_the_menu_action_previews_with_the_editor_names_then_imports(
    qtbot: QtBot,
    qapp: Any,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: DocumentWriter,
) -> None:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path) as document:
        reviewed = _reviewed(document, catalogs, field_model, tmp_path)
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    app.controller.open_path(path)
    shown = record_message_boxes(monkeypatch, ("information", "warning"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(reviewed), ""))
    previews: list[ImportPreview] = []

    def preview(
        parent: Any, plan: ImportPlan, describe: Any, targets: Any, lang: str, detail: Any
    ) -> dict[str, Anchor]:
        dialog = ImportPreview(plan, describe, targets, lang, parent, detail)
        qtbot.addWidget(dialog)
        previews.append(dialog)
        return dialog.moves

    monkeypatch.setattr("ui.comments_import.preview_import", preview)
    app.window.import_word_comments_action.trigger()
    assert len(previews) == 1
    rows = _rows(previews[0].findChild(QTreeWidget, "importComments"))
    assert rows["¿Fuente?"].text(0).startswith(app.window.editor.step_title("problem"))
    assert app.controller.comments is not None
    texts = {comment.text for comment in app.controller.comments.store.comments()}
    assert {"¿Fuente?", "Ya la agrego", "Falta el mandato", "Sin fecha ni autor"} <= texts
    counted = QCoreApplication.translate("_ImportCounts", "%n comment(s) imported.", "", 4)
    assert shown[-1].startswith(counted)
