"""Snapshots in the GUI: take, list, mark as submitted, view read-only, export, compare and restore with undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from matrices.actors import Actor
from matrices.examples import load_example
from matrices.proposal import Proposal
from storage.document import Document
from storage.errors import CorruptDocumentError, ReadOnlyDocumentError, WriteFailedError
from tests.ui.helpers import make_context, type_text
from ui.commands import InsertItemCommand, ReplaceProposalCommand, SetValueCommand
from ui.context import UiContext
from ui.editor import EditorView
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.snapshots import SnapshotsDialog, mark_as_submitted, submit_with_confirmation
from ui.snapshots.actions import REASON_BEFORE_RESTORE, REASON_SUBMITTED, take_snapshot
from ui.snapshots.viewer import default_pages
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter

# Expected texts go through the translator: an earlier test may have left the Spanish translation installed.
tr = QCoreApplication.translate
CAUSES = ("problem_matrix", "causes")
ACTORS = ("actor_matrix", "actors")


@pytest.fixture(scope="module")
def context() -> UiContext:
    return make_context("en")


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Document]:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path) as opened:
        yield opened


@pytest.fixture
def session(document: Document, qtbot: QtBot, writer: DocumentWriter) -> DocumentSession:
    return DocumentSession(document, document.load(), writer=writer)


@pytest.fixture
def dialog(session: DocumentSession, document: Document, context: UiContext, qtbot: QtBot) -> SnapshotsDialog:
    widget = SnapshotsDialog(session, document, context)
    qtbot.addWidget(widget)
    return widget


def rename(session: DocumentSession, title: str) -> None:
    session.push(SetValueCommand(session, (), "title", title, "title"))


def clear_causes(session: DocumentSession) -> SetValueCommand:
    """One undoable edit that empties the cause tree."""
    return SetValueCommand(session, ("problem_matrix",), "causes", [], "clear causes")


def rows(dialog: SnapshotsDialog) -> list[list[str]]:
    return [[dialog.list.topLevelItem(i).text(c) for c in range(3)] for i in range(dialog.list.topLevelItemCount())]


def tree_texts(item: QTreeWidgetItem) -> list[str]:
    texts = [" | ".join(item.text(c) for c in range(3))]
    for index in range(item.childCount()):
        texts += tree_texts(item.child(index))
    return texts


def test_a_new_snapshot_holds_pending_edits_and_is_listed_newest_first(
    dialog: SnapshotsDialog, session: DocumentSession, document: Document
) -> None:
    assert rows(dialog) == []
    assert not dialog.view_button.isEnabled()
    first = dialog.create_snapshot("Primera versión")
    rename(session, "Título editado")  # not saved yet: the snapshot must still include it
    second = dialog.create_snapshot("Después de editar")
    assert first is not None
    assert second is not None
    assert document.load_snapshot(second.id).title == "Título editado"
    assert document.load_snapshot(first.id).title == load_example("es").title
    listed = rows(dialog)
    assert [row[0] for row in listed] == ["Después de editar", "Primera versión"]
    assert listed[0][2] == tr("SnapshotsDialog", "Taken on request")
    assert listed[0][1]  # the date in the locale's short format
    assert dialog.selected() == second
    assert dialog.view_button.isEnabled()


def test_mark_as_submitted_sets_the_status_undoably_and_keeps_a_snapshot(
    session: DocumentSession, document: Document
) -> None:
    session.push(SetValueCommand(session, (), "status", "draft", "status"))
    snapshot = mark_as_submitted(session, document)
    assert session.proposal.status == "in_review"
    assert snapshot.reason == REASON_SUBMITTED
    assert snapshot.name.startswith(tr("Snapshots", "Submitted %1").replace("%1", "20"))
    assert document.load_snapshot(snapshot.id).status == "in_review"
    assert document.load().status == "in_review"
    session.undo_stack.undo()
    assert session.proposal.status == "draft"
    assert document.list_snapshots() == [snapshot]  # the submitted version stays on record


def test_marking_a_read_only_document_as_submitted_is_refused(
    tmp_path: Path, qtbot: QtBot, writer: DocumentWriter
) -> None:
    path = tmp_path / "ajena.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path, read_only=True) as document:
        session = DocumentSession(document, document.load(), writer=writer)
        with pytest.raises(ReadOnlyDocumentError):
            mark_as_submitted(session, document)
        assert session.proposal.status == load_example("es").status
        assert session.undo_stack.count() == 0


def test_the_dialog_on_a_read_only_document_only_views_exports_and_compares(
    tmp_path: Path, context: UiContext, qtbot: QtBot, writer: DocumentWriter
) -> None:
    path = tmp_path / "revision.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path) as writable:
        writable.create_snapshot("Entregada", "submitted")
    with Document.open(path, read_only=True) as document:
        dialog = SnapshotsDialog(DocumentSession(document, document.load(), writer=writer), document, context)
        qtbot.addWidget(dialog)
        assert rows(dialog)[0][:1] == ["Entregada"]
        assert rows(dialog)[0][2] == tr("SnapshotsDialog", "Submitted")
        assert not dialog.new_button.isEnabled()
        assert not dialog.submit_button.isEnabled()
        assert not dialog.restore_button.isEnabled()
        assert dialog.view_button.isEnabled()
        assert dialog.compare_button.isEnabled()
        assert dialog.export_button.isEnabled()


def test_viewing_a_snapshot_shows_all_its_content_read_only(
    dialog: SnapshotsDialog, session: DocumentSession, qtbot: QtBot
) -> None:
    dialog.create_snapshot("Versión entregada")
    rename(session, "Título nuevo")
    session.push(clear_causes(session))
    viewer = dialog.view_selected()
    assert viewer is not None
    qtbot.addWidget(viewer)
    shown = viewer.session.proposal
    assert shown.title == load_example("es").title
    assert len(shown.problem_matrix.causes) == len(load_example("es").problem_matrix.causes)
    assert viewer.session.read_only
    assert viewer.editor.steps.count() == 6
    title_edits = [w for w in viewer.editor.pages[0].findChildren(QLineEdit) if w.text() == shown.title]
    assert title_edits, "the general page shows the snapshot's title"
    assert title_edits[0].isReadOnly()
    type_text(title_edits[0], "intento")
    assert viewer.session.proposal.title == load_example("es").title
    assert not viewer.session.push(SetValueCommand(viewer.session, (), "title", "x", "x"))
    assert "Versión entregada" in viewer.editor.banner.text()


def test_exporting_a_snapshot_writes_its_content_not_the_current_one(
    dialog: SnapshotsDialog, session: DocumentSession, tmp_path: Path
) -> None:
    dialog.create_snapshot("Entregada")
    rename(session, "Título actual")
    target = dialog.export_selected(tmp_path / "entregada.docx")
    assert target == tmp_path / "entregada.docx"
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert load_example("es").title in text
    assert "Título actual" not in text
    assert "entregada.docx" in dialog.status.text()


def test_comparing_lists_added_removed_and_changed_items_per_matrix(
    dialog: SnapshotsDialog, session: DocumentSession, qtbot: QtBot
) -> None:
    dialog.create_snapshot("Antes")
    example = load_example("es")
    cause = example.problem_matrix.causes[0]
    session.push(SetValueCommand(session, (*CAUSES, ("id", cause.id)), "description", "Causa reescrita", "d"))
    session.push(InsertItemCommand(session, ACTORS, 0, Actor(id="A99", name="Actor nuevo"), "add"))
    indicator = example.strategy_matrix.axes[0].indicators[0]
    locator = (
        "strategy_matrix",
        "axes",
        ("id", example.strategy_matrix.axes[0].id),
        "indicators",
        ("id", indicator.id),
    )
    session.push(SetValueCommand(session, (*locator, "baseline"), "value", 42, "b"))
    compare = dialog.compare_selected()
    assert compare is not None
    qtbot.addWidget(compare)
    tree = compare.tree
    branches = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    problem_title = f"{tr('DiffTree', 'Matrix 1 — Problem')} ({tr('DiffTree', '%n changed', '', 1)})"
    strategy_title = f"{tr('DiffTree', 'Matrix 2 — Strategic axes')} ({tr('DiffTree', '%n changed', '', 1)})"
    actors_title = f"{tr('DiffTree', 'Matrix 3 — Actors')} ({tr('DiffTree', '%n added', '', 1)})"
    assert set(branches) == {problem_title, strategy_title, actors_title}
    problem = tree_texts(branches[problem_title])
    changed = tr("DiffTree", "Changed")
    assert any(line.startswith(f"{changed}: Cause {cause.id} — Causa reescrita") for line in problem), problem
    assert any(" | → Causa reescrita" in line and cause.description[:40] in line for line in problem)
    strategy = tree_texts(branches[strategy_title])
    assert any("› " in line and "| — | → 42" in line for line in strategy), strategy
    actors = tree_texts(branches[actors_title])
    assert any(line.startswith(f"{tr('DiffTree', 'Added')}: Actor A99 |  | Actor nuevo") for line in actors), actors


def test_comparing_an_unchanged_proposal_says_so(dialog: SnapshotsDialog, qtbot: QtBot) -> None:
    dialog.create_snapshot("Igual")
    compare = dialog.compare_selected()
    assert compare is not None
    qtbot.addWidget(compare)
    assert compare.diff.is_empty
    expected = tr("DiffTree", "No differences: the snapshot and the current proposal are the same.")
    assert compare.tree.topLevelItem(0).text(0) == expected


def test_restore_keeps_the_current_state_first_and_is_one_undo_step(
    dialog: SnapshotsDialog, session: DocumentSession, document: Document, context: UiContext, qtbot: QtBot
) -> None:
    editor = EditorView(session, context, default_pages(session, context), ReviewPage(session, context, print))
    qtbot.addWidget(editor)
    submitted = dialog.create_snapshot("Entregada")
    assert submitted is not None
    rename(session, "Versión de trabajo")
    session.push(clear_causes(session))
    session.push(InsertItemCommand(session, ACTORS, 0, Actor(id="A99", name="Actor nuevo"), "add"))
    working = session.proposal.model_copy(deep=True)
    steps_before = session.undo_stack.count()

    before = dialog.restore_selected(confirm=False)
    assert before is not None
    assert before.reason == REASON_BEFORE_RESTORE
    assert document.load_snapshot(before.id) == working  # the state replaced is on record
    assert session.proposal == document.load_snapshot(submitted.id)
    assert document.load() == session.proposal  # the restore is saved
    assert session.undo_stack.count() == steps_before + 1
    title_edits = [w for w in editor.pages[0].findChildren(QLineEdit) if w.text() == load_example("es").title]
    assert title_edits, "the editor shows the restored title"
    assert rows(dialog)[0][0] == before.name
    assert dialog.selected() == before

    session.undo_stack.undo()
    assert session.proposal == working
    assert any(w.text() == "Versión de trabajo" for w in editor.pages[0].findChildren(QLineEdit))
    session.undo_stack.redo()
    assert session.proposal == document.load_snapshot(submitted.id)
    session.undo_stack.undo()
    for _ in range(3):  # the edits made before the restore undo as usual
        session.undo_stack.undo()
    assert session.proposal == load_example("es")


def test_replace_command_keeps_the_session_proposal_object(session: DocumentSession) -> None:
    proposal = session.proposal
    other = Proposal(id=proposal.id, title="Otra")
    session.push(ReplaceProposalCommand(session, other, "replace"))
    assert session.proposal is proposal
    assert proposal == other
    other.title = "cambiada después"  # the command keeps its own copy
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert proposal.title == "Otra"


def test_no_snapshot_when_pending_edits_cannot_be_saved(
    session: DocumentSession, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_proposal: Proposal) -> None:
        raise OSError(28, "No space left on device")

    rename(session, "pendiente")
    monkeypatch.setattr(document, "write_prepared", full_disk)
    with pytest.raises(WriteFailedError, match="could not be saved"):
        take_snapshot(session, document, "x")
    assert document.list_snapshots() == []


def test_a_submission_without_its_snapshot_takes_the_status_back(
    session: DocumentSession, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_proposal: Proposal) -> None:
        raise OSError(28, "No space left on device")

    session.push(SetValueCommand(session, (), "status", "draft", "status"))
    assert session.save_now()
    monkeypatch.setattr(document, "write_prepared", full_disk)
    with pytest.raises(WriteFailedError):
        mark_as_submitted(session, document)
    assert session.proposal.status == "draft"
    assert document.list_snapshots() == []


def test_dialog_screenshots(dialog: SnapshotsDialog, session: DocumentSession, qtbot: QtBot) -> None:
    dialog.create_snapshot("Primera versión")
    dialog.submit(confirm=False)
    rename(session, "Título editado después de entregar")
    session.push(clear_causes(session))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(Path("/tmp") / "snapshots_dialog.png"))
    compare = dialog.compare_selected()
    assert compare is not None
    qtbot.addWidget(compare)
    qtbot.waitExposed(compare)
    compare.grab().save(str(Path("/tmp") / "snapshots_compare.png"))
    viewer = dialog.view_selected()
    assert viewer is not None
    qtbot.addWidget(viewer)
    viewer.editor.show_step(1)
    qtbot.waitExposed(viewer)
    viewer.grab().save(str(Path("/tmp") / "snapshots_viewer.png"))


def test_activating_a_change_asks_the_editor_to_show_it(
    dialog: SnapshotsDialog, session: DocumentSession, qtbot: QtBot
) -> None:
    dialog.create_snapshot("Antes")
    actor = load_example("es").actor_matrix.actors[1]
    session.push(SetValueCommand(session, (*ACTORS, ("id", actor.id)), "influence", 1, "influence"))
    compare = dialog.compare_selected()
    assert compare is not None
    qtbot.addWidget(compare)
    field_row = compare.tree.topLevelItem(0).child(0).child(0)
    with qtbot.waitSignal(dialog.navigate_requested) as signal:
        compare.tree.itemActivated.emit(field_row, 0)
    assert signal.args == ["actors", actor.id, "influence"]


def test_review_mode_neither_submits_restores_nor_snapshots(
    document: Document, context: UiContext, qtbot: QtBot, writer: DocumentWriter
) -> None:
    document.create_snapshot("Entregada", "submitted")
    session = DocumentSession(document, document.load(), content_locked=True, writer=writer)
    with pytest.raises(ReadOnlyDocumentError, match="open for review"):
        mark_as_submitted(session, document)
    with pytest.raises(ReadOnlyDocumentError):
        take_snapshot(session, document, "x")
    assert [snapshot.name for snapshot in document.list_snapshots()] == ["Entregada"]
    dialog = SnapshotsDialog(session, document, context)
    qtbot.addWidget(dialog)
    assert not dialog.new_button.isEnabled()
    assert not dialog.submit_button.isEnabled()
    assert not dialog.restore_button.isEnabled()
    assert dialog.compare_button.isEnabled()
    assert session.undo_stack.count() == 0


def test_a_failed_action_says_why_in_the_interface_language(
    session: DocumentSession,
    document: Document,
    context: UiContext,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    spanish: LanguageSwitcher,
    writer: DocumentWriter,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)

    def full_disk(_proposal: Proposal) -> None:
        raise OSError(28, "No space left on device")

    def damaged() -> None:
        raise CorruptDocumentError("the snapshots table is damaged", document.path)

    dialog = SnapshotsDialog(session, document, context)
    qtbot.addWidget(dialog)
    rename(session, "pendiente")
    monkeypatch.setattr(document, "write_prepared", full_disk)
    assert dialog.create_snapshot("x") is None
    assert dialog.status.text() == shown[-1]
    assert shown[-1].startswith("La acción falló: No se pudo escribir propuesta.pmx. Compruebe que el disco")
    monkeypatch.setattr(document, "list_snapshots", damaged)
    dialog.reload()
    assert dialog.status.text().startswith("propuesta.pmx está dañado y no se puede abrir.")
    path = tmp_path / "ajena.pmx"
    Document.create(path, load_example("es")).close()
    with Document.open(path, read_only=True) as reader:
        assert submit_with_confirmation(DocumentSession(reader, reader.load(), writer=writer), reader) is None
    assert shown[-1].startswith("La acción falló: ajena.pmx está abierto en modo de solo lectura")
    assert len(shown) == 2
