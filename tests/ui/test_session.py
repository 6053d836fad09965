"""The document session: edits through undo commands, merged typing, and saving within a second."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from matrices.edits import ContentReplaced, RowRemoved, ValueChanged
from matrices.problem import Cause
from matrices.proposal import Proposal
from storage.document import Document, PreparedSave, SaveStats
from storage.errors import WriteFailedError
from storage.summary_rows import compute_summary
from tests.storage.helpers import fingerprint, tamper
from tests.ui.helpers import MemoryDocument, type_text
from ui.binding import FieldBinder
from ui.commands import (
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    ReplaceProposalCommand,
    SetValueCommand,
)
from ui.messages import error_message
from ui.session import DocumentSession, SaveState, touched_sections
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter

CAUSES = ("problem_matrix", "causes")


def make_session(
    proposal: Proposal, writer: DocumentWriter, **kwargs: object
) -> tuple[DocumentSession, MemoryDocument]:
    document = MemoryDocument(**kwargs)  # type: ignore[arg-type]
    return DocumentSession(document, proposal, writer=writer), document


def test_an_edit_is_saved_after_the_debounce(qtbot: QtBot, example_es: Proposal, writer: DocumentWriter) -> None:
    session, document = make_session(example_es, writer=writer)
    session.push(SetValueCommand(session, (), "title", "Nuevo título", "título"))
    assert session.save_state is SaveState.PENDING
    assert document.saved == []
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=2000)
    assert document.saved[-1]["title"] == "Nuevo título"


def test_undo_and_redo_of_structural_edits(qtbot: QtBot, example_es: Proposal, writer: DocumentWriter) -> None:
    session, _ = make_session(example_es, writer=writer)
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


def test_failed_save_keeps_edits_and_retries(qtbot: QtBot, example_es: Proposal, writer: DocumentWriter) -> None:
    session, document = make_session(example_es, fail=True, writer=writer)
    session.push(SetValueCommand(session, (), "title", "Título", "título"))
    assert not session.save_now()
    assert session.save_state is SaveState.FAILED
    assert "No space" in (session.last_error or "")
    assert not session.close(), "closing must not pretend the edits are on disk"
    assert not document.closed
    document.fail = False
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=6000)
    assert document.saved[-1]["title"] == "Título"


def test_a_full_disk_is_told_in_spanish_with_the_system_reason(
    qtbot: QtBot, example_es: Proposal, spanish: LanguageSwitcher, writer: DocumentWriter
) -> None:
    session, _ = make_session(example_es, fail=True, writer=writer)
    session.push(SetValueCommand(session, (), "title", "Título", "título"))
    assert not session.save_now()
    assert isinstance(session.last_exception, OSError)
    assert session.last_error == (
        "No se pudo escribir memoria.pmx. Compruebe que el disco no está lleno y que tiene permiso para escribir allí."
        " (Mensaje del sistema: No space left on device)"
    )
    spanish.clear()
    assert (session.last_error or "").startswith("memoria.pmx could not be written."), "said in the language of now"
    session.document.fail = False  # type: ignore[attr-defined]
    assert session.save_now()
    assert session.last_exception is None
    assert session.last_error is None


def test_a_storage_error_is_told_in_spanish_without_its_english_reason(
    opened: Document, monkeypatch: pytest.MonkeyPatch, spanish: LanguageSwitcher, writer: DocumentWriter
) -> None:
    def full(_proposal: Proposal) -> None:
        try:
            raise OSError(28, "No space left on device")
        except OSError as exc:
            raise WriteFailedError("could not be saved: database or disk is full", opened.path) from exc

    monkeypatch.setattr(opened, "write_prepared", full)
    session = DocumentSession(opened, opened.load(), writer=writer)
    session.push(SetValueCommand(session, (), "title", "Título", "título"))
    assert not session.save_now()
    text = session.last_error or ""
    assert text.startswith("No se pudo escribir propuesta.pmx. Compruebe que el disco no está lleno")
    assert text.endswith("(Mensaje del sistema: No space left on device)")
    assert "could not be saved" not in text
    kept = session.last_exception
    assert kept is not None
    assert kept.__traceback__ is None, "the kept error holds no frames"
    assert kept.__cause__ is not None
    assert kept.__cause__.__traceback__ is None
    monkeypatch.undo()
    assert session.close()


def test_read_only_session_refuses_edits(example_es: Proposal, writer: DocumentWriter) -> None:
    session, document = make_session(example_es, read_only=True, writer=writer)
    assert not session.push(SetValueCommand(session, (), "title", "x", "título"))
    assert example_es.title != "x"
    assert session.close()
    assert document.saved == []


def test_binder_types_spanish_and_undo_restores_in_one_step(
    qtbot: QtBot, example_es: Proposal, writer: DocumentWriter
) -> None:
    session, _ = make_session(example_es, writer=writer)
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


def test_binder_follows_the_selected_item(qtbot: QtBot, example_es: Proposal, writer: DocumentWriter) -> None:
    session, _ = make_session(example_es, writer=writer)
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


def test_continuous_typing_still_saves_within_a_second(
    qtbot: QtBot, example_es: Proposal, writer: DocumentWriter
) -> None:
    import time

    session, document = make_session(example_es, writer=writer)
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


# ---- saving on a worker thread, with a real document ----------------------------------------------------


def on_file(path: Path) -> dict[str, Any]:
    with Document.open(path, read_only=True) as reader:
        return reader.load().model_dump(mode="json")


def settle(qtbot: QtBot, session: DocumentSession, timeout: int = 5000) -> None:
    """Wait until the debounced write has run and its outcome reached the UI thread."""
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED and not session.writing, timeout=timeout)


class SlowWrites:
    """Wraps Document.write_prepared: records the thread and the overlap of writes, and can be slowed or failed."""

    def __init__(self, document: Document, monkeypatch: pytest.MonkeyPatch, delay: float = 0.0) -> None:
        self.original = document.write_prepared
        self.delay = delay
        self.fail = False
        self.allocate = 0
        self.threads: list[threading.Thread] = []
        self.running = 0
        self.most_at_once = 0
        self.started = threading.Event()
        monkeypatch.setattr(document, "write_prepared", self)

    def __call__(self, prepared: PreparedSave) -> SaveStats:
        self.threads.append(threading.current_thread())
        self.garbage = [[n] for n in range(self.allocate)]  # what SQLAlchemy's Python code allocates, and more
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        self.started.set()
        try:
            time.sleep(self.delay)
            if self.fail:
                raise WriteFailedError("could not be saved: the disk is full", Path("x"))
            return self.original(prepared)
        finally:
            self.running -= 1


def test_the_write_runs_on_a_worker_and_saved_waits_for_the_commit(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    writes = SlowWrites(opened, monkeypatch, delay=0.3)
    session.push(SetValueCommand(session, (), "title", "En segundo plano", "título"))
    start = time.perf_counter()
    session.write_pending()
    assert time.perf_counter() - start < 0.1, "the UI thread waited for the disk"
    assert writes.started.wait(2)
    assert session.writing
    assert session.save_state is SaveState.PENDING, "SAVED before the commit"
    settle(qtbot, session)
    assert writes.threads
    assert all(t is not threading.main_thread() for t in writes.threads)
    assert on_file(opened.path)["title"] == "En segundo plano"
    assert session.close()


def test_edits_during_a_write_wait_for_it_and_follow_it(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    writes = SlowWrites(opened, monkeypatch, delay=0.25)
    actors = ("actor_matrix", "actors")
    actor = session.proposal.actor_matrix.actors[0].id
    session.push(SetValueCommand(session, (), "title", "uno", "título"))
    session.write_pending()
    assert writes.started.wait(2)
    session.push(SetValueCommand(session, (*actors, ("id", actor)), "name", "Actor nuevo", "nombre"))
    session.push(RemoveItemCommand(session, CAUSES, 0, "borrar"))
    session.write_pending()  # what the timer does: refused while the first write runs
    settle(qtbot, session)
    assert writes.most_at_once == 1, "two writes at once"
    assert on_file(opened.path) == session.proposal.model_dump(mode="json")
    assert session.close()


def test_close_waits_for_the_running_write_then_writes_the_rest(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    writes = SlowWrites(opened, monkeypatch, delay=0.3)
    session.push(SetValueCommand(session, (), "title", "primero", "título"))
    session.write_pending()
    assert writes.started.wait(2)
    session.push(InsertItemCommand(session, CAUSES, 0, Cause(id="NEW", description="al cerrar"), "añadir"))
    assert session.close()
    assert opened.closed
    assert writes.most_at_once == 1
    assert on_file(opened.path) == session.proposal.model_dump(mode="json")
    qtbot.wait(50)  # the queued outcome of the first write arrives after close: nothing happens
    assert session.save_state is SaveState.SAVED


def test_a_failed_background_write_keeps_the_edit_shows_failed_and_retries(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    writes = SlowWrites(opened, monkeypatch)
    writes.fail = True
    before = on_file(opened.path)
    session.push(SetValueCommand(session, ("problem_matrix",), "central_problem", "Problema", "problema"))
    session.write_pending()
    qtbot.waitUntil(lambda: session.save_state is SaveState.FAILED, timeout=2000)
    assert isinstance(session.last_exception, WriteFailedError)
    assert session.last_error == error_message(session.last_exception, opened.path)
    assert on_file(opened.path) == before
    assert session.proposal.problem_matrix.central_problem == "Problema"
    session.push(SetValueCommand(session, ("actor_matrix", "actors", ("index", 0)), "name", "Otro", "nombre"))
    assert session.save_state is SaveState.FAILED, "an edit does not hide the failure"
    writes.fail = False
    settle(qtbot, session, timeout=6000)  # the retry, RETRY_DELAY_MS later
    assert on_file(opened.path) == session.proposal.model_dump(mode="json")
    assert session.close()


def test_close_reports_a_failure_and_keeps_the_file_open(
    opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)

    def full_disk(_proposal: Proposal) -> None:
        raise WriteFailedError("could not be saved: the disk is full", opened.path)

    session.push(SetValueCommand(session, (), "title", "sin sitio", "título"))
    monkeypatch.setattr(opened, "write_prepared", full_disk)
    assert not session.close()
    assert not opened.closed
    assert session.save_state is SaveState.FAILED
    monkeypatch.undo()
    assert session.close()
    assert on_file(opened.path)["title"] == "sin sitio"


def test_a_session_dropped_during_a_write_is_destroyed_on_the_ui_thread(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    writes = SlowWrites(opened, monkeypatch, delay=0.3)
    session = DocumentSession(opened, opened.load(), writer=writer)
    session.record_summary(compute_summary(session.proposal))  # nothing else pending: written on its own
    assert writes.started.wait(2)
    destroyed_on: list[threading.Thread] = []
    weakref.finalize(session, lambda: destroyed_on.append(threading.current_thread()))
    del session  # the page holding it was closed: the worker must not hold the last reference
    gc.collect()
    qtbot.waitUntil(lambda: writes.running == 0, timeout=2000)
    qtbot.wait(50)  # the outcome reaches the UI thread and finds nobody
    assert destroyed_on == [threading.main_thread()]


def test_garbage_is_never_collected_on_the_worker(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    """A collection on the worker would destroy dead widgets off their thread, and Qt would crash later."""
    writes = SlowWrites(opened, monkeypatch)
    writes.allocate = 50 * gc.get_threshold()[0]
    collected_on: list[threading.Thread] = []

    def on_collection(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread())

    session = DocumentSession(opened, opened.load(), writer=writer)
    gc.callbacks.append(on_collection)
    try:
        session.push(SetValueCommand(session, (), "title", "recolección", "título"))
        session.write_pending()
        settle(qtbot, session)
        assert writes.threads
        gc.collect()
    finally:
        gc.callbacks.remove(on_collection)
    assert collected_on
    assert set(collected_on) == {threading.main_thread()}
    assert gc.isenabled()
    assert session.close()


EDITS: list[Callable[[DocumentSession], QUndoCommand]] = [
    lambda s: SetValueCommand(s, (), "title", "Título", "t"),
    lambda s: SetValueCommand(s, ("horizon",), "end_year", 2031, "t"),
    lambda s: SetValueCommand(s, ("problem_matrix",), "context", "Contexto", "t"),
    lambda s: SetValueCommand(s, (*CAUSES, ("id", "C2")), "description", "Causa", "t"),
    lambda s: InsertItemCommand(s, CAUSES, 1, Cause(id="C99", description="nueva"), "t"),
    lambda s: MoveItemCommand(s, CAUSES, 0, 3, "t"),
    lambda s: RemoveItemCommand(s, ("problem_matrix", "evidence"), 0, "t"),
    lambda s: SetValueCommand(s, ("strategy_matrix",), "general_objective", "Objetivo", "t"),
    lambda s: SetValueCommand(s, ("strategy_matrix", "axes", ("index", 0)), "name", "Eje", "t"),
    lambda s: RemoveItemCommand(s, ("strategy_matrix", "axes", ("index", 0), "lines_of_action"), 0, "t"),
    lambda s: SetValueCommand(
        s, ("strategy_matrix", "axes", ("index", 1), "indicators", ("index", 0)), "name", "Indicador", "t"
    ),
    lambda s: MoveItemCommand(s, ("strategy_matrix", "ends"), 0, 1, "t"),
    lambda s: SetValueCommand(s, ("actor_matrix", "actors", ("index", 1)), "interest_description", "Interés", "t"),
    lambda s: RemoveItemCommand(s, ("actor_matrix", "actors", ("index", 0), "relations"), 0, "t"),
    lambda s: SetValueCommand(s, ("instrument_matrix", "instruments", ("index", 0)), "risks", "Riesgos", "t"),
    lambda s: RemoveItemCommand(s, ("instrument_matrix", "instruments"), 1, "t"),
]


def test_every_kind_of_edit_and_its_undo_reach_the_file(
    qtbot: QtBot, opened: Document, example_en: Proposal, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    for make in EDITS:
        session.push(make(session))
        session.write_pending()
        settle(qtbot, session)
        assert on_file(opened.path) == session.proposal.model_dump(mode="json"), make
    for _ in range(len(EDITS) // 2):
        session.undo_stack.undo()
        session.write_pending()
        settle(qtbot, session)
        assert on_file(opened.path) == session.proposal.model_dump(mode="json")
    session.push(ReplaceProposalCommand(session, example_en, "restaurar"))  # a snapshot restored
    session.write_pending()
    settle(qtbot, session)
    assert on_file(opened.path) == example_en.model_dump(mode="json")
    session.undo_stack.undo()
    session.write_pending()
    settle(qtbot, session)
    assert on_file(opened.path) == session.proposal.model_dump(mode="json")
    assert session.close()


def test_an_edit_is_planned_for_its_own_matrix_only(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    planned: list[frozenset[str] | None] = []
    prepare = opened.prepare_save

    def spy(proposal: Proposal, sections: frozenset[str] | None = None, summary: object = None) -> PreparedSave:
        planned.append(sections)
        return prepare(proposal, sections, summary)  # type: ignore[arg-type]

    monkeypatch.setattr(opened, "prepare_save", spy)
    session.push(SetValueCommand(session, ("actor_matrix", "actors", ("index", 0)), "name", "A", "t"))
    session.push(SetValueCommand(session, ("horizon",), "end_year", 2031, "t"))
    session.write_pending()
    session.push(ReplaceProposalCommand(session, session.proposal, "t"))
    qtbot.waitUntil(lambda: not session.writing, timeout=2000)
    session.write_pending()
    assert planned == [frozenset({"actor_matrix"}), None]
    assert session.close()


def test_touched_sections() -> None:
    assert touched_sections(ValueChanged((), "title", "t")) == frozenset()
    assert touched_sections(ValueChanged(("horizon",), "end_year", 2030)) == frozenset()
    assert touched_sections(RowRemoved(CAUSES, 0, None)) == {"problem_matrix"}
    assert touched_sections(ValueChanged((), "actor_matrix", None)) == {"actor_matrix"}
    assert touched_sections(ContentReplaced()) is None


# ---- the stored summary: never written by opening alone ----------------------------------------------------


def test_opening_and_closing_without_an_edit_leaves_the_file_alone(
    qtbot: QtBot, opened: Document, writer: DocumentWriter
) -> None:
    path = opened.path
    opened.close()
    tamper(path, "DELETE FROM meta WHERE key = 'summary'")
    before = fingerprint(path)
    with Document.open(path) as document:
        session = DocumentSession(document, document.load(), writer=writer)
        session.record_summary(compute_summary(session.proposal))  # what the editor does once it is shown
        qtbot.waitUntil(lambda: not session.writing, timeout=2000)
        assert session.close()
    assert fingerprint(path) == before


def test_the_summary_is_stored_with_the_save_of_the_same_content(
    qtbot: QtBot, opened: Document, writer: DocumentWriter
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    session.push(SetValueCommand(session, (), "title", "Con resumen", "título"))
    fresh = compute_summary(session.proposal)
    session.record_summary(fresh)  # the findings come before the debounced save
    session.write_pending()
    settle(qtbot, session)
    assert opened.load_summary() == fresh
    session.push(SetValueCommand(session, (), "title", "Después", "título"))
    session.write_pending()
    settle(qtbot, session)
    assert opened.load_summary() is None, "a summary of other content is dropped"
    later = compute_summary(session.proposal)
    session.record_summary(later)  # the findings come after the save: written on its own
    qtbot.waitUntil(lambda: not session.writing, timeout=2000)
    assert opened.load_summary() == later
    assert session.close()


def test_the_first_edit_imports_the_writer_on_a_worker_once(
    qtbot: QtBot, opened: Document, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    # Opening leaves SQLAlchemy out for a fast start; the first save must not pay its import (one-second rule).
    threads: list[threading.Thread] = []
    monkeypatch.setattr("ui.session.load_writer", lambda: threads.append(threading.current_thread()))
    session = DocumentSession(opened, opened.load(), writer=writer)
    assert not threads
    session.push(SetValueCommand(session, (), "title", "Primera edición", "título"))
    session.push(SetValueCommand(session, (), "title", "Segunda edición", "título"))
    qtbot.waitUntil(lambda: bool(threads), timeout=2000)
    settle(qtbot, session)
    assert len(threads) == 1
    assert threads[0] is not threading.main_thread()
    assert on_file(opened.path)["title"] == "Segunda edición"
    assert session.close()
