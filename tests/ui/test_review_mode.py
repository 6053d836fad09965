"""Review mode: the participant's content cannot change, comments are saved; the participant then answers them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from matrices.review import Comment
from storage.document import Document
from tests.ui.comment_helpers import (
    MenuPick,
    commenting_app,
    content_rows,
    requested_anchors,
    right_click,
    stored_comments,
    written,
)
from tests.ui.helpers import App, demo_file, type_text
from ui.commands import SetValueCommand
from ui.comments.thread_view import WHERE_ROLE
from ui.pages.actors import ActorsPage
from ui.pages.general import GeneralPage
from ui.pages.problem import CAUSES, ProblemPage
from ui.widgets.catalog import CatalogChecklist
from ui.writer import DocumentWriter


@pytest.fixture
def app(qtbot: QtBot, qapp, tmp_path: Path, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    yield from commenting_app(qtbot, qapp, tmp_path, "Laura Méndez", "facilitator", writer=writer)


def _ui_models(app: App) -> list[QAbstractItemModel]:
    # The item models of the pages (and the proxies over them), not the combo boxes' internal lists.
    assert app.window.editor is not None
    list(app.window.editor.pages)  # reaching a page builds it: every step's models
    models = app.window.editor.findChildren(QAbstractItemModel)
    return [model for model in models if type(model).__module__.startswith("ui.")]


def _try_every_cell(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    """Try to write into every cell of a model's first rows (and of their tree children); return the tries."""
    parent = parent or QModelIndex()
    tries = 0
    for row in range(min(model.rowCount(parent), 4)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
            for value in ("Cambio no permitido", "3", 3, None):
                model.setData(index, value, Qt.ItemDataRole.EditRole)  # True only when it already holds value
                tries += 1
        tries += _try_every_cell(model, model.index(row, 0, parent))
    return tries


def test_review_mode_cannot_change_the_content_but_saves_comments(app: App, tmp_path: Path, qtbot: QtBot) -> None:
    path = demo_file(tmp_path)
    rows_before = content_rows(path)
    assert app.controller.open_for_review(path)
    session, editor, window = app.controller.session, app.window.editor, app.window
    assert session.content_locked
    assert session.read_only
    assert not session.document.read_only, "the file is held for writing: comments go into it"
    assert not editor.banner.isHidden()
    before = session.proposal.model_dump()

    # Typing into fields.
    general = editor.pages[0]
    assert isinstance(general, GeneralPage)
    title = next(w for w in general.findChildren(QLineEdit) if w.property("pm_field") == "title")
    assert title.isReadOnly()
    type_text(title, "Título cambiado: ñ")
    editor.show_step(1)
    problem = editor.current_page()
    assert isinstance(problem, ProblemPage)
    central = problem.widgets["central_problem"]
    assert isinstance(central, QPlainTextEdit)
    assert central.isReadOnly()
    type_text(central, "Otro problema")
    # Choices and checklists are disabled; even their signals, if they fired, reach a session that refuses.
    for combo in general.findChildren(QComboBox):
        if combo.property("pm_field") is not None:
            assert not combo.isEnabled()
            combo.activated.emit(min(2, combo.count() - 1))
    for checklist in general.findChildren(CatalogChecklist):
        checklist.selection_edited.emit(["not-a-real-entry"])
    assert not session.push(SetValueCommand(session, (), "title", "directo", "título"))

    # Tables and trees: in-place edits, and the tree's operations.
    assert sum(_try_every_cell(model) for model in _ui_models(app)) > 500
    problem.tabs.setCurrentIndex(CAUSES)
    causes = problem.causes
    causes.confirm = lambda _title, _question: True
    causes.select("C1.1")
    for operation in (causes.add_sibling, causes.add_child, causes.indent, causes.outdent, causes.delete):
        operation()
    causes.move(1)
    qtbot.keyClick(causes.view, Qt.Key.Key_Delete)
    problem.evidence.value.value_edited.emit(12345)
    actors = editor.pages[3]
    assert isinstance(actors, ActorsPage)
    actors.add_item()
    actors.remove_item()
    actors.move_item(1)
    actors.set_ratings("A01", 1, 1)

    # Undo and redo have nothing to undo or redo.
    window.undo_action.trigger()
    window.redo_action.trigger()
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert session.undo_stack.count() == 0
    assert session.proposal.model_dump() == before

    # The facilitator comments on a cause through its context menu: that is saved at once.
    comments = app.controller.comments
    comments.menu.popup = MenuPick("comment")
    view = causes.view
    right_click(view.viewport(), view.visualRect(causes.model.index_of("C1.2", 1)).center())
    type_text(comments.panel.composer_text, "Indique la fuente: ¿qué estudio?")
    assert comments.panel.send() is not None
    written(app)
    (saved,) = stored_comments(path)
    assert (saved.matrix, saved.item_id, saved.field, saved.role) == ("problem", "C1.2", None, "facilitator")
    assert content_rows(path) == rows_before

    assert app.controller.close_document()
    assert content_rows(path) == rows_before
    with Document.open(path, read_only=True) as reread:
        assert reread.load().model_dump() == before


def test_review_of_a_file_open_elsewhere_is_plain_read_only(app: App, tmp_path: Path) -> None:
    path = demo_file(tmp_path, [Comment(id="K1", matrix="general", field="title", text="Más corto.")])
    with Document.open(path) as holder:
        assert not holder.read_only
        assert app.controller.open_for_review(path)
        session, editor = app.controller.session, app.window.editor
        assert session.read_only
        assert session.document.read_only
        assert not editor.banner.isHidden()
        assert holder.locked_by is None
        assert session.document.locked_by in editor.banner.text()
        panel = app.controller.comments.panel
        assert [c.id for c in panel.visible_threads()] == ["K1"], "the comments can still be read"
        assert not panel.add_button.isEnabled()
        assert not panel.compose(("general", None, "title"))
        assert not panel.status_label.isHidden()
        assert app.controller.close_document()
    assert [c.id for c in stored_comments(path)] == ["K1"]


def test_the_participant_sees_a_facilitators_comment_replies_and_resolves(app: App, tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    # The facilitator reviews the file and comments on an actor's row.
    app.controller.open_for_review(path)
    editor = app.window.editor
    editor.show_step(3)
    actors = editor.current_page()
    assert isinstance(actors, ActorsPage)
    feature = app.controller.comments
    feature.menu.popup = MenuPick("comment")
    table = actors.panel.table
    row = actors.panel.proxy.mapFromSource(actors.model.index(actors.model.row_of("A03"), 1))
    right_click(table.viewport(), table.visualRect(row).center())
    type_text(feature.panel.composer_text, "¿Cuál es su mandato legal?")
    feature.panel.send()
    assert app.controller.close_document()

    # The participant opens the same file normally: the comment is there, marked, and the panel is shown.
    app.settings.author_name, app.settings.author_role = "Ana Pérez", "participant"
    app.controller.open_path(path)
    editor = app.window.editor
    feature = app.controller.comments
    assert not app.window.comments_dock.isHidden()
    (thread,) = feature.panel.visible_threads()
    assert (thread.author, thread.role, thread.item_id) == ("Laura Méndez", "facilitator", "A03")
    actors = editor.pages[3]
    assert isinstance(actors, ActorsPage)
    a03 = actors.model.index(actors.model.row_of("A03"), 0)
    assert a03.data(Qt.ItemDataRole.DecorationRole) is not None
    assert feature.panel.select_thread(thread.id)
    assert feature.panel.start_reply()
    type_text(feature.panel.composer_text, "Ley 3 de 2008, artículo 6.")
    reply = feature.panel.send()
    assert reply is not None
    assert reply.role == "participant"
    assert feature.panel.select_thread(thread.id)
    assert feature.panel.toggle_status()
    assert a03.data(Qt.ItemDataRole.DecorationRole) is None, "resolved: the row needs no more attention"
    written(app)
    stored = {c.id: c for c in stored_comments(path)}
    assert stored[thread.id].status == "resolved"
    assert stored[reply.id].parent_id == thread.id
    assert stored[reply.id].author == "Ana Pérez"


def test_anchors_survive_reordering_and_renaming_in_the_editor(app: App, tmp_path: Path, qtbot: QtBot) -> None:
    comments = [
        Comment(id="K1", matrix="actors", item_id="A03", field="name", text="Nombre oficial."),
        Comment(id="K2", matrix="problem", item_id="C1.2", field="description", text="Más preciso."),
    ]
    path = demo_file(tmp_path, comments)
    app.settings.author_role = "participant"
    app.controller.open_path(path)
    editor, feature = app.window.editor, app.controller.comments
    actors = editor.pages[3]
    assert isinstance(actors, ActorsPage)
    editor.show_step(3)

    # Move A03 down two places and rename it.
    actors.panel.select_id("A03")
    actors.move_item(1)
    actors.move_item(1)
    assert actors.model.row_of("A03") == 4
    name = actors.rows["name"].widget
    assert isinstance(name, QLineEdit)
    name.selectAll()
    type_text(name, "Defensoría del Pueblo de Panamá")
    assert name.property("pm_commented") is True
    marked = [
        actors.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
        for row in range(actors.model.rowCount())
    ]
    assert [row for row, mark in enumerate(marked) if mark] == [4], "the marker moved with the actor"

    # Move cause C1.2 above C1.1 and rename it.
    problem = editor.pages[1]
    assert isinstance(problem, ProblemPage)
    problem.causes.select("C1.2")
    problem.causes.move(-1)
    assert problem.causes.model.code("C1.2") == "C1.1", "its code follows its new position"
    description = problem.causes.form.widgets["description"]
    assert isinstance(description, QPlainTextEdit)
    description.selectAll()
    type_text(description, "Nuevo texto")
    assert description.property("pm_commented") is True

    threads = {c.id: c for c in feature.panel.visible_threads()}
    assert (threads["K1"].item_id, threads["K2"].item_id) == ("A03", "C1.2")

    def labels() -> str:
        tree = feature.panel.tree
        return "\n".join(str(tree.topLevelItem(row).data(0, WHERE_ROLE)) for row in range(tree.topLevelItemCount()))

    # The panel names each thread's item by its current code and name, once typing pauses.
    qtbot.waitUntil(lambda: "Defensoría del Pueblo de Panamá" in labels() and "C1.1 Nuevo texto" in labels())

    # Activating the comment still finds the actor at its new place.
    editor.show_step(0)
    feature.panel.select_thread("K1")
    feature.panel.tree.itemActivated.emit(feature.panel.tree.currentItem(), 0)
    assert editor.current_page() is actors
    assert actors.panel.current_id() == "A03"

    assert app.controller.close_document()
    with Document.open(path, read_only=True) as reread:
        proposal = reread.load()
        stored = {c.id: c for c in reread.load_comments()}
    assert [a.id for a in proposal.actor_matrix.actors].index("A03") == 4
    assert next(a for a in proposal.actor_matrix.actors if a.id == stored["K1"].item_id).name.startswith("Defensor")
    assert next(c for c in proposal.problem_matrix.causes if c.id == stored["K2"].item_id).description == "Nuevo texto"


def test_the_file_menu_opens_a_proposal_for_review(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = demo_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    assert app.window.open_review_action in app.window.file_menu.actions()
    app.window.open_review_action.trigger()
    session = app.controller.session
    assert session is not None
    assert session.content_locked
    assert not app.window.comments_dock.isHidden()
    assert app.window.save_label.text() == app.controller.tr("Review mode: comments are saved")
    anchors = requested_anchors(app.controller.comments.menu.comment_requested)
    app.controller.comments.menu.popup = MenuPick("comment")
    right_click(next(w for w in app.window.editor.pages[0].findChildren(QLineEdit) if w.property("pm_field")))
    assert anchors, "commenting is offered in review mode"
