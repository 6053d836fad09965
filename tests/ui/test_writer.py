"""One writer for every write of a document, off the UI thread; one policy for every worker thread.

A comment is written like an edit: handed to the application's document writer, which runs the writes one at a
time, in the order they were made, on a worker. The UI thread never waits for the disk on a comment, nothing
queued is lost when the document is closed, and every kind of work the editor and the dashboard run off the UI
thread (saves, summaries, Word exports, Moodle feedback) runs with the garbage collector paused and reports back
on the UI thread.
"""

from __future__ import annotations

import gc
import itertools
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QDialog
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.proposal import Proposal
from storage.document import Document
from tests.data.moodle_zips import Submission, pmx_bytes, write_download
from tests.ui.comment_helpers import stored_comments
from tests.ui.helpers import build_app, demo_file, make_context
from ui.commands import SetValueCommand
from ui.comments.store import CommentStore
from ui.dashboard import batch, feedback_dialog, loader
from ui.dashboard.view import DashboardView
from ui.session import DocumentSession
from ui.snapshots import SnapshotsDialog
from ui.snapshots.actions import take_snapshot
from ui.workers import Workers
from ui.writer import DocumentWriter

ANCHOR = ("problem", "C1", "description")


def on_file(path: Path) -> Proposal:
    with Document.open(path, read_only=True) as reader:
        return reader.load()


@dataclass
class Where:
    """Records where wrapped work ran: its thread, and whether automatic garbage collection was on meanwhile."""

    ran: list[tuple[str, threading.Thread, bool]] = field(default_factory=list)
    running: int = 0
    most_at_once: int = 0
    delay: float = 0.0

    def wrap(self, kind: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            self.ran.append((kind, threading.current_thread(), gc.isenabled()))
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            try:
                time.sleep(self.delay)
                return real(*args, **kwargs)
            finally:
                self.running -= 1

        return run

    def kinds(self) -> list[str]:
        return [kind for kind, _thread, _collector in self.ran]

    def assert_off_the_ui_thread_with_the_collector_paused(self) -> None:
        assert self.ran, "nothing ran"
        for kind, thread, collector_on in self.ran:
            assert thread is not threading.main_thread(), f"{kind} ran on the UI thread"
            assert not collector_on, f"{kind} ran with automatic garbage collection on"


def test_a_comment_save_never_holds_the_ui_thread(
    qtbot: QtBot,
    opened: Document,
    writer: DocumentWriter,
    monkeypatch: pytest.MonkeyPatch,
    record_property: Callable[[str, object], None],
) -> None:
    session = DocumentSession(opened, opened.load(), writer=writer)
    store = CommentStore(opened, session)
    # The disk answers only once the UI thread has handled an event after the comment was made: were the save
    # done (or waited for) on the UI thread, that event could never run and the disk would give up.
    disk_answered = threading.Event()
    seen: list[object] = []
    real = opened.save_comments

    def slow_disk(comments: object) -> object:
        seen.append(threading.current_thread())
        seen.append(disk_answered.wait(5))
        return real(comments)  # type: ignore[arg-type]

    monkeypatch.setattr(opened, "save_comments", slow_disk)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    QTimer.singleShot(20, disk_answered.set)
    made_at = time.perf_counter()
    comment = store.add(ANCHOR, "¿Qué fuente? Cítela: ñandú", "Ana", "participant")
    assert comment is not None
    assert store.pending, "handed to the writer, not in the file yet"
    qtbot.waitUntil(lambda: not store.pending, timeout=10_000)
    timer.stop()
    assert seen == [seen[0], True], "the disk was kept waiting: the UI thread was blocked by the comment save"
    assert seen[0] is not threading.main_thread()
    assert [c.id for c in stored_comments(opened.path)] == [comment.id]
    # The longest the UI thread went without handling its timer while the comment was saved (a figure, not a test).
    moments = [made_at, *ticks]
    gaps = [later - earlier for earlier, later in itertools.pairwise(moments)]
    record_property("longest_event_loop_gap_ms", round(max(gaps, default=0.0) * 1000, 1))


def test_comment_and_content_writes_run_one_at_a_time_in_the_order_made(
    qtbot: QtBot, opened: Document, writer: DocumentWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = Where(delay=0.05)  # long enough for the next write to be asked for while one runs
    monkeypatch.setattr(opened, "write_prepared", where.wrap("content", opened.write_prepared))
    monkeypatch.setattr(opened, "save_comments", where.wrap("comments", opened.save_comments))
    session = DocumentSession(opened, opened.load(), writer=writer)
    store = CommentStore(opened, session)
    session.push(SetValueCommand(session, (), "title", "Primera", "título"))
    session.write_pending()
    first = store.add(ANCHOR, "uno", "Ana", "participant")
    session.push(SetValueCommand(session, (), "title", "Segunda", "título"))
    second = store.add(ANCHOR, "dos", "Ana", "participant")
    session.write_pending()  # waits for the first content write: it follows the comments queued meanwhile
    qtbot.waitUntil(lambda: not writer.busy and not session.writing and not store.pending, timeout=10_000)
    session.write_pending()
    qtbot.waitUntil(lambda: not writer.busy and not session.writing, timeout=10_000)

    assert where.kinds()[:3] == ["content", "comments", "comments"]
    assert "content" in where.kinds()[3:], "the second title was written after the comments"
    assert where.most_at_once == 1, "two writes of the file at once"
    where.assert_off_the_ui_thread_with_the_collector_paused()
    assert on_file(opened.path).title == "Segunda"
    assert [c.id for c in stored_comments(opened.path)] == [first.id, second.id]  # type: ignore[union-attr]
    assert session.close()


def test_nothing_queued_is_lost_when_the_document_is_closed(
    qtbot: QtBot, qapp: object, tmp_path: Path, writer: DocumentWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)  # type: ignore[arg-type]
    app.settings.author_name, app.settings.author_role = "Ana Pérez", "participant"
    path = demo_file(tmp_path)
    assert app.controller.open_path(path)
    session, comments = app.controller.session, app.controller.comments
    assert session is not None
    assert comments is not None
    where = Where(delay=0.1)
    monkeypatch.setattr(session.document, "write_prepared", where.wrap("content", session.document.write_prepared))
    monkeypatch.setattr(session.document, "save_comments", where.wrap("comments", session.document.save_comments))
    made = []
    for number in range(3):
        session.push(SetValueCommand(session, (), "title", f"Título {number}", "título"))
        session.write_pending()
        made.append(comments.store.add(ANCHOR, f"comentario {number}", "Ana Pérez", "participant"))
    assert writer.busy, "writes are still queued when the document is closed"
    assert app.controller.close_document()
    assert not writer.busy
    assert on_file(path).title == "Título 2"
    assert [c.text for c in stored_comments(path)] == [c.text for c in made if c is not None]
    where.assert_off_the_ui_thread_with_the_collector_paused()


def test_snapshots_and_save_as_are_written_by_the_writer_after_what_was_queued(
    qtbot: QtBot, qapp: object, tmp_path: Path, writer: DocumentWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)  # type: ignore[arg-type]
    path = demo_file(tmp_path)
    assert app.controller.open_path(path)
    session, comments = app.controller.session, app.controller.comments
    assert session is not None
    assert comments is not None
    document = session.document
    assert isinstance(document, Document)
    where = Where(delay=0.05)  # the comment is still being written when the snapshot is asked for
    for name, kind in (
        ("save_comments", "comments"),
        ("write_prepared", "content"),
        ("create_snapshot", "snapshot"),
        ("save_as", "save as"),
    ):
        monkeypatch.setattr(document, name, where.wrap(kind, getattr(document, name)))
    comment = comments.store.add(ANCHOR, "antes de la instantánea", "Ana", "participant")
    session.push(SetValueCommand(session, (), "title", "Entregada", "título"))
    snapshot = take_snapshot(session, document, "entrega")
    copy = tmp_path / "copia.pmx"
    assert app.controller.save_as_path(copy)

    assert where.kinds() == ["comments", "content", "snapshot", "save as"]
    assert where.most_at_once == 1, "two writes of the file at once"
    where.assert_off_the_ui_thread_with_the_collector_paused()
    with Document.open(copy, read_only=True) as reader:
        assert [s.name for s in reader.list_snapshots()] == [snapshot.name]
        assert reader.load_snapshot(snapshot.id).title == "Entregada"
        assert [c.id for c in reader.load_comments()] == [comment.id]  # type: ignore[union-attr]
    assert app.controller.close_document()


# ---- one policy for every worker ------------------------------------------------------------------------------


def test_the_dashboard_reads_summaries_under_the_policy(
    qtbot: QtBot, workers: Workers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context()
    for name in ("uno.pmx", "dos.pmx"):
        demo_file(tmp_path, name=name)
    view = DashboardView(context.catalogs, context.rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    where = Where()
    monkeypatch.setattr(loader, "read_entry", where.wrap("summary", loader.read_entry))
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.open_folder(tmp_path)
    view.shutdown()
    assert view.model.rowCount() == 2
    assert where.kinds() == ["summary", "summary"]
    where.assert_off_the_ui_thread_with_the_collector_paused()


def test_the_word_exports_run_under_the_policy(
    qtbot: QtBot, qapp: object, tmp_path: Path, writer: DocumentWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)  # type: ignore[arg-type]
    path = demo_file(tmp_path)
    assert app.controller.open_path(path)
    where = Where()
    monkeypatch.setattr(app.context, "export_docx", where.wrap("export", app.context.export_docx))
    editor = app.window.editor
    assert editor is not None
    target = tmp_path / "propuesta.docx"
    assert editor.review.export_to(target)
    assert zipfile.is_zipfile(target)
    session = app.controller.session
    assert session is not None
    assert isinstance(session.document, Document)
    take_snapshot(session, session.document, "entrega")
    snapshots = SnapshotsDialog(session, session.document, app.context)
    qtbot.addWidget(snapshots)
    snapshot_target = tmp_path / "entrega.docx"
    assert snapshots.export_selected(snapshot_target) == snapshot_target
    assert zipfile.is_zipfile(snapshot_target)

    view = DashboardView(app.context.catalogs, app.context.rulebook, "es", workers=writer.workers)
    qtbot.addWidget(view)
    monkeypatch.setattr(batch, "export_docx", where.wrap("batch", batch.export_docx))
    (tmp_path / "word").mkdir()
    result = view.export_word_to(tmp_path / "word", [path])
    view.shutdown()
    assert len(result.written) == 1
    assert where.kinds() == ["export", "export", "batch"]
    where.assert_off_the_ui_thread_with_the_collector_paused()
    assert app.controller.close_document()


def test_the_moodle_feedback_runs_under_the_policy(
    qtbot: QtBot, workers: Workers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    download = write_download(
        tmp_path / "curso.zip", [Submission("José Núñez", 12, {"propuesta.pmx": pmx_bytes(load_example("es"))})]
    )
    context = make_context()
    view = DashboardView(context.catalogs, context.rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    out = tmp_path / "retro.zip"

    def accept(dialog: feedback_dialog.FeedbackDialog) -> int:
        dialog.out_edit.setText(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(feedback_dialog.FeedbackDialog, "exec", accept)
    where = Where()
    monkeypatch.setattr(feedback_dialog, "build_feedback", where.wrap("feedback", feedback_dialog.build_feedback))
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.open_folder(download)
    view.feedback_button.click()
    view.shutdown()
    assert zipfile.is_zipfile(out)
    assert where.kinds() == ["feedback"]
    where.assert_off_the_ui_thread_with_the_collector_paused()


def test_the_word_export_carries_a_comment_not_yet_in_the_file(
    qtbot: QtBot, qapp: object, tmp_path: Path, writer: DocumentWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)  # type: ignore[arg-type]
    path = demo_file(tmp_path)
    assert app.controller.open_path(path)
    session, feature = app.controller.session, app.controller.comments
    assert session is not None
    assert feature is not None
    document = session.document
    assert isinstance(document, Document)

    def full_disk(comments: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document, "save_comments", full_disk)
    try:
        assert feature.store.add(("general", None, "title"), "Revise el título", "Facilitadora", "facilitator")
        writer.flush()
        assert feature.store.pending, "the comment is only in memory, its save is retried"
        editor = app.window.editor
        assert editor is not None
        include = editor.review.findChild(QCheckBox, "export_comments")
        assert isinstance(include, QCheckBox)
        include.setChecked(True)
        target = tmp_path / "propuesta.docx"
        assert editor.review.export_to(target)
        with zipfile.ZipFile(target) as package:
            assert "Revise el título" in package.read("word/comments.xml").decode("utf-8")
    finally:
        monkeypatch.undo()  # the disk comes back, so that the comment is written when the document closes
    assert app.controller.close_document()
    assert [c.text for c in stored_comments(path)] == ["Revise el título"]
