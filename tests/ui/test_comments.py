"""Comments in the editor: the panel's add/reply/resolve through the .pmx, right-click anchors, markers, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from matrices.review import Comment
from tests.ui.comment_helpers import (
    MenuPick,
    commenting_app,
    content_rows,
    requested_anchors,
    right_click,
    stored_comments,
    written,
)
from tests.ui.helpers import App, MemoryDocument, demo_file, type_text
from ui.comments.store import CommentStore
from ui.models.matrix_list import ID_ROLE
from ui.pages.actors import ActorsPage
from ui.pages.general import GeneralPage
from ui.pages.problem import CAUSES, EVIDENCE, ProblemPage
from ui.session import DocumentSession
from ui.writer import DocumentWriter


@pytest.fixture
def app(qtbot: QtBot, qapp, tmp_path: Path, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    yield from commenting_app(qtbot, qapp, tmp_path, "Ana Pérez", "participant", writer=writer)


def title_edit(app: App) -> QLineEdit:
    general = app.window.editor.pages[0]
    assert isinstance(general, GeneralPage)
    return next(w for w in general.findChildren(QLineEdit) if w.property("pm_field") == "title")


def write(app: App, text: str) -> Comment:
    panel = app.controller.comments.panel
    type_text(panel.composer_text, text)
    sent = panel.send()
    assert sent is not None
    written(app)
    return sent


# -- add, reply, resolve through the file ------------------------------------------------------------------------


def test_add_reply_and_resolve_reach_the_file(app: App, tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    app.controller.open_path(path)
    session, comments = app.controller.session, app.controller.comments
    before = session.proposal.model_dump()
    panel = comments.panel

    assert panel.compose(("problem", "C1.1", "description"))
    first = write(app, "¿Qué redes? Nombre las plataformas: ñandú €")
    (stored,) = stored_comments(path)
    assert (stored.matrix, stored.item_id, stored.field) == ("problem", "C1.1", "description")
    assert (stored.author, stored.role, stored.status) == ("Ana Pérez", "participant", "open")
    assert stored.text == "¿Qué redes? Nombre las plataformas: ñandú €"

    assert panel.select_thread(first.id)
    assert panel.start_reply()
    reply = write(app, "Hecho: WhatsApp y TikTok.")
    stored = {c.id: c for c in stored_comments(path)}
    assert stored[reply.id].parent_id == first.id
    assert (stored[reply.id].matrix, stored[reply.id].item_id) == ("problem", "C1.1"), "a reply keeps the anchor"

    assert panel.select_thread(first.id)
    assert panel.toggle_status()
    written(app)
    assert {c.id: c.status for c in stored_comments(path)}[first.id] == "resolved"
    assert panel.resolve_button.text() == panel.tr("Reopen")

    # Comments are not content: no undo step, no change to the proposal, nothing pending for the proposal.
    assert session.undo_stack.count() == 0
    assert session.proposal.model_dump() == before

    assert app.controller.close_document()
    app.controller.open_path(path)
    panel = app.controller.comments.panel
    assert [root.status for root in panel.visible_threads()] == ["resolved"]
    assert panel.tree.topLevelItem(0).childCount() == 1


def test_the_filters_show_open_resolved_and_this_step(app: App, tmp_path: Path) -> None:
    comments = [
        Comment(id="K1", matrix="problem", item_id="C1", field="description", text="abierto"),
        Comment(id="K2", matrix="actors", item_id="A01", text="resuelto", status="resolved"),
        Comment(id="K3", text="sobre toda la propuesta"),
    ]
    app.controller.open_path(demo_file(tmp_path, comments))
    panel, editor = app.controller.comments.panel, app.window.editor
    assert [c.id for c in panel.visible_threads()] == ["K1", "K2", "K3"]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("open"))
    assert [c.id for c in panel.visible_threads()] == ["K1", "K3"]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("resolved"))
    assert [c.id for c in panel.visible_threads()] == ["K2"]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("all"))
    panel.step_only.setChecked(True)
    editor.show_step(3)
    assert [c.id for c in panel.visible_threads()] == ["K2"]
    editor.show_step(0)
    assert [c.id for c in panel.visible_threads()] == ["K3"], "the whole proposal belongs to the first step"


def test_activating_a_comment_goes_to_its_item_and_field(app: App, tmp_path: Path) -> None:
    comments = [Comment(id="K1", matrix="actors", item_id="A05", field="mandate", text="¿Qué ley?")]
    app.controller.open_path(demo_file(tmp_path, comments))
    panel, editor = app.controller.comments.panel, app.window.editor
    panel.tree.itemActivated.emit(panel.tree.topLevelItem(0), 0)
    page = editor.current_page()
    assert isinstance(page, ActorsPage)
    assert page.panel.current_id() == "A05"
    assert page.rows["mandate"].widget.hasFocus()


def test_the_first_comment_asks_who_signs_it_once(app: App, tmp_path: Path) -> None:
    app.settings.author_name = ""
    app.controller.open_for_review(demo_file(tmp_path))
    feature = app.controller.comments
    asked: list[tuple[str, str]] = []
    feature.ask = lambda name, role: asked.append((name, role)) or None  # type: ignore[func-returns-value]
    assert not feature.panel.compose(("general", None, "title")), "cancelled: nothing to write"
    assert asked == [("", "facilitator")], "review mode suggests the facilitator role"
    feature.ask = lambda name, role: asked.append((name, role)) or ("Laura Méndez", "facilitator")  # type: ignore[func-returns-value]
    assert feature.panel.compose(("general", None, "title"))
    written = write(app, "Buen título.")
    assert (written.author, written.role) == ("Laura Méndez", "facilitator")
    assert (app.settings.author_name, app.settings.author_role) == ("Laura Méndez", "facilitator")
    assert feature.panel.compose(("general", None, "title"))
    assert len(asked) == 2, "asked once, then taken from the settings"


# -- the context menu --------------------------------------------------------------------------------------------


def test_right_click_on_a_field_offers_comment_with_its_anchor(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    menu = app.controller.comments.menu
    pick = MenuPick("comment")
    menu.popup = pick
    anchors = requested_anchors(menu.comment_requested)
    right_click(title_edit(app))
    assert anchors == [("general", None, "title")]
    assert "comment" in pick.shown[0]
    assert "edit-copy" in pick.shown[0], "the text field's own menu stays"
    assert "show_comments" not in pick.shown[0], "no comments yet: nothing to show"
    assert app.controller.comments.panel.composer.isVisibleTo(app.controller.comments.panel)


def test_right_click_on_an_actor_field_names_the_selected_actor(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    editor.show_step(3)
    page = editor.current_page()
    assert isinstance(page, ActorsPage)
    page.panel.select_id("A02")
    assert page.relations.model.rowCount() == 0
    menu = app.controller.comments.menu
    menu.popup = MenuPick("comment")
    anchors = requested_anchors(menu.comment_requested)
    right_click(page.rows["mandate"].widget.viewport())
    right_click(page.relations.view.viewport())  # no relations yet: the empty table still names the field
    page.panel.select_id("A01")
    relations = page.relations.view
    right_click(relations.viewport(), relations.visualRect(page.relations.model.index(0, 2)).center())
    assert anchors == [("actors", "A02", "mandate"), ("actors", "A02", "relations"), ("actors", "A01", "relations")]


def test_right_click_on_a_table_row_names_its_item(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    editor.show_step(3)
    page = editor.current_page()
    assert isinstance(page, ActorsPage)
    table = page.panel.table
    index = table.model().index(4, 1)
    menu = app.controller.comments.menu
    menu.popup = MenuPick("comment")
    anchors = requested_anchors(menu.comment_requested)
    right_click(table.viewport(), table.visualRect(index).center())
    assert anchors == [("actors", index.data(ID_ROLE), None)]
    assert anchors[0][1] == "A05"


def test_right_click_on_a_tree_node_and_on_the_evidence(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    editor.show_step(1)
    page = editor.current_page()
    assert isinstance(page, ProblemPage)
    page.tabs.setCurrentIndex(CAUSES)
    view = page.causes.view
    menu = app.controller.comments.menu
    menu.popup = MenuPick("comment")
    anchors = requested_anchors(menu.comment_requested)
    right_click(view.viewport(), view.visualRect(page.causes.model.index_of("C1.2", 1)).center())
    assert anchors == [("problem", "C1.2", None)]

    page.tabs.setCurrentIndex(EVIDENCE)
    page.evidence.select("D3")
    right_click(
        page.evidence.table.viewport(), page.evidence.table.visualRect(page.evidence.model.index(1, 1)).center()
    )
    right_click(page.evidence.value)  # a figure the page binds by hand, not through a FieldBinder
    assert anchors[1:] == [("problem", "D2", None), ("problem", "D3", "value")]


def test_show_comments_appears_when_the_anchor_has_some(app: App, tmp_path: Path) -> None:
    comments = [
        Comment(id="K1", matrix="general", field="title", text="Más corto."),
        Comment(id="K2", matrix="problem", item_id="C1", text="Otra cosa."),
    ]
    app.controller.open_path(demo_file(tmp_path, comments))
    feature = app.controller.comments
    pick = MenuPick("show_comments")
    feature.menu.popup = pick
    right_click(title_edit(app))
    assert "show_comments" in pick.shown[0]
    assert [c.id for c in feature.panel.visible_threads()] == ["K1"]
    assert not feature.panel.focus_bar.isHidden()
    feature.panel.show_all_button.click()
    assert [c.id for c in feature.panel.visible_threads()] == ["K1", "K2"]


def test_right_click_elsewhere_keeps_the_usual_menu(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    pick = MenuPick()
    app.controller.comments.menu.popup = pick
    right_click(app.window.editor.steps.viewport())
    right_click(app.window.editor.pages[0])
    assert pick.shown == []


def test_comment_on_the_selected_field_uses_the_last_focused_field(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    panel = app.controller.comments.panel
    title_edit(app).setFocus(Qt.FocusReason.MouseFocusReason)
    panel.reveal()  # the participant opens the Comments tab to reach its button
    panel.add_button.setFocus()  # clicking the panel's button moves the focus out of the editor
    panel.add_button.click()
    written = write(app, "Sobre el título")
    assert (written.matrix, written.item_id, written.field) == ("general", None, "title")


# -- markers -----------------------------------------------------------------------------------------------------


def test_fields_and_rows_with_open_comments_are_marked(app: App, tmp_path: Path) -> None:
    comments = [
        Comment(id="K1", matrix="general", field="title", text="Más corto."),
        Comment(id="K2", matrix="actors", item_id="A02", field="mandate", text="¿Qué ley?"),
        Comment(id="K3", matrix="problem", item_id="C2.1", text="Evidencia."),
    ]
    app.controller.open_path(demo_file(tmp_path, comments))
    editor, feature = app.window.editor, app.controller.comments
    title = title_edit(app)
    assert title.property("pm_commented") is True
    assert "1" in title.toolTip()
    actors = editor.pages[3]
    assert isinstance(actors, ActorsPage)
    model = actors.panel.table.model()
    marked = [
        model.index(row, 0).data(ID_ROLE)
        for row in range(model.rowCount())
        if model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    ]
    assert marked == ["A02"]
    problem = editor.pages[1]
    assert isinstance(problem, ProblemPage)
    tree = problem.causes.model
    assert tree.index_of("C2.1").data(Qt.ItemDataRole.DecorationRole) is not None
    assert tree.index_of("C2").data(Qt.ItemDataRole.DecorationRole) is None
    actors.panel.select_id("A02")
    assert actors.rows["mandate"].widget.property("pm_commented") is True
    actors.panel.select_id("A03")
    assert not actors.rows["mandate"].widget.property("pm_commented"), "the marker follows the selected actor"

    feature.store.set_status("K1", "resolved")
    feature.store.set_status("K3", "resolved")
    assert title.property("pm_commented") is False, "a resolved comment needs no attention"
    assert tree.index_of("C2.1").data(Qt.ItemDataRole.DecorationRole) is None


# -- failures ----------------------------------------------------------------------------------------------------


class FailingComments(MemoryDocument):
    """A document whose comment saves fail like a full disk until told otherwise."""

    comments: list[Comment]

    def load_comments(self) -> list[Comment]:
        return []

    def save_comments(self, comments: list[Comment]) -> None:
        if self.fail:
            raise OSError(28, "No space left on device")
        self.comments = list(comments)


def test_a_failed_comment_save_is_reported_kept_and_retried(qtbot: QtBot, example_es, writer: DocumentWriter) -> None:  # type: ignore[no-untyped-def]
    document = FailingComments(fail=True)
    session = DocumentSession(document, example_es, writer=writer)
    store = CommentStore(document, session)
    written = store.add(("problem", "C1", "description"), "No se pierde", "Ana", "participant")
    assert written is not None
    assert store.pending
    qtbot.waitUntil(lambda: store.last_error is not None, timeout=2000)  # written off the UI thread: told after
    assert store.pending
    assert "No space" in (store.last_error or "")
    assert [c.id for c in store.comments()] == [written.id], "kept in memory"
    assert document.saved == [], "the proposal was not saved for a comment"
    document.fail = False
    qtbot.waitUntil(lambda: not store.pending, timeout=6000)
    assert [c.text for c in document.comments] == ["No se pierde"]
    assert store.last_error is None


def test_closing_with_unsaved_comments_asks_first(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = demo_file(tmp_path)
    app.controller.open_path(path)
    feature = app.controller.comments
    document = app.controller.session.document
    real_save = document.save_comments

    def full_disk(comments: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document, "save_comments", full_disk)
    assert feature.panel.compose(("general", None, "title"))
    write(app, "Importante")
    assert not feature.panel.status_label.isHidden()
    assert "No space" in feature.panel.status_label.text()
    asked: list[str] = []

    def cancel(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", cancel)
    assert not app.controller.close_document(), "the user kept the document open"
    assert asked
    assert "comments" in asked[0]
    monkeypatch.setattr(document, "save_comments", real_save)
    assert app.controller.close_document()
    assert [c.text for c in stored_comments(path)] == ["Importante"]
    assert content_rows(path) == content_rows(demo_file(tmp_path, name="fresh.pmx"))
