"""The document session: edits through undo commands, merged typing, and saving within a second."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from matrices.problem import Cause
from matrices.proposal import Proposal
from tests.ui.helpers import MemoryDocument, type_text
from ui.binding import FieldBinder
from ui.commands import InsertItemCommand, MoveItemCommand, RemoveItemCommand, SetValueCommand
from ui.session import DocumentSession, SaveState

CAUSES = ("problem_matrix", "causes")


def make_session(proposal: Proposal, **kwargs: object) -> tuple[DocumentSession, MemoryDocument]:
    document = MemoryDocument(**kwargs)  # type: ignore[arg-type]
    return DocumentSession(document, proposal), document


def test_an_edit_is_saved_after_the_debounce(qtbot: QtBot, example_es: Proposal) -> None:
    session, document = make_session(example_es)
    session.push(SetValueCommand(session, (), "title", "Nuevo título", "título"))
    assert session.save_state is SaveState.PENDING
    assert document.saved == []
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=2000)
    assert document.saved[-1]["title"] == "Nuevo título"


def test_undo_and_redo_of_structural_edits(qtbot: QtBot, example_es: Proposal) -> None:
    session, _ = make_session(example_es)
    before = example_es.model_dump()
    session.push(InsertItemCommand(session, CAUSES, 0, Cause(id="NEW", description="Nueva causa"), "añadir"))
    session.push(MoveItemCommand(session, CAUSES, 0, 4, "mover"))
    session.push(RemoveItemCommand(session, CAUSES, 1, "borrar"))
    assert example_es.problem_matrix.causes[3].id == "NEW"
    for _ in range(3):
        session.undo_stack.undo()
    assert example_es.model_dump() == before
    for _ in range(3):
        session.undo_stack.redo()
    assert example_es.problem_matrix.causes[3].id == "NEW"


def test_failed_save_keeps_edits_and_retries(qtbot: QtBot, example_es: Proposal) -> None:
    session, document = make_session(example_es, fail=True)
    session.push(SetValueCommand(session, (), "title", "Título", "título"))
    assert not session.save_now()
    assert session.save_state is SaveState.FAILED
    assert "No space" in (session.last_error or "")
    assert not session.close(), "closing must not pretend the edits are on disk"
    assert not document.closed
    document.fail = False
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=6000)
    assert document.saved[-1]["title"] == "Título"


def test_read_only_session_refuses_edits(example_es: Proposal) -> None:
    session, document = make_session(example_es, read_only=True)
    assert not session.push(SetValueCommand(session, (), "title", "x", "título"))
    assert example_es.title != "x"
    assert session.close()
    assert document.saved == []


def test_binder_types_spanish_and_undo_restores_in_one_step(qtbot: QtBot, example_es: Proposal) -> None:
    session, _ = make_session(example_es)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    binder = FieldBinder(session, lambda: (), "proposal")
    binder.bind_line(edit, "title", "Título")
    binder.refresh()
    original = example_es.title
    edit.clear()
    session.push(SetValueCommand(session, (), "title", "", "título"))
    type_text(edit, "Niñez y protección: €")
    assert example_es.title == "Niñez y protección: €"
    session.undo_stack.undo()  # the whole typed word goes in one step
    assert example_es.title == ""
    assert edit.text() == ""
    session.undo_stack.undo()
    assert edit.text() == original


def test_binder_follows_the_selected_item(qtbot: QtBot, example_es: Proposal) -> None:
    session, _ = make_session(example_es)
    selected = {"id": "C1"}
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    binder = FieldBinder(session, lambda: (*CAUSES, ("id", selected["id"])), "cause")
    binder.bind_text(text, "description", "Descripción")
    binder.refresh()
    assert text.toPlainText().startswith("Información escasa")
    selected["id"] = "C2"
    binder.refresh()
    assert text.toPlainText() == example_es.problem_matrix.causes[3].description
    session.push(RemoveItemCommand(session, CAUSES, 3, "borrar"))  # C2 deleted: the form empties
    assert not text.isEnabled()


def test_continuous_typing_still_saves_within_a_second(qtbot: QtBot, example_es: Proposal) -> None:
    import time

    session, document = make_session(example_es)
    start = time.monotonic()
    saved_at = None
    for n in range(40):  # an edit every 50 ms for 2 s: the idle debounce alone would never fire
        session.push(SetValueCommand(session, (), "title", f"Título {n}", "título"))
        qtbot.wait(50)
        if document.saved and saved_at is None:
            saved_at = time.monotonic() - start
    assert saved_at is not None
    assert saved_at < 1.0
    assert len(document.saved) >= 2
