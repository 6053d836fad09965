"""The shell: the main window with the start screen and the editor of a real .pmx, driven by the controller."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from storage.document import Document
from tests.ui.helpers import build_app, demo_file, type_text
from ui.session import SaveState
from ui.writer import DocumentWriter


@pytest.fixture
def app_parts(qtbot: QtBot, qapp, tmp_path: Path, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app.window, app.controller, app.settings
    app.controller.close_document()
    app.languages.clear()  # other tests expect the untranslated source strings


def test_opening_a_file_shows_the_editor_with_six_steps(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, settings = app_parts
    path = demo_file(tmp_path)
    assert controller.open_path(path)
    assert window.editor is not None
    assert window.editor.steps.count() == 6
    assert "demo.pmx" in window.windowTitle()
    assert settings.recent_files() == [path.resolve()]
    assert window.editor.banner.isHidden()


def test_an_edit_reaches_the_file_and_survives_reopening(app_parts, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    path = demo_file(tmp_path)
    controller.open_path(path)
    session = controller.session
    general = window.editor.pages[0]
    edits = [w for w in general.findChildren(QLineEdit) if w.text() == session.proposal.title]
    assert edits, "the title field shows the proposal's title"
    edits[0].selectAll()
    type_text(edits[0], "Protección en Darién: ñandú €")
    assert session.proposal.title == "Protección en Darién: ñandú €"
    assert "•" in window.windowTitle() or session.save_state is SaveState.PENDING
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=3000)
    with Document.open(path, read_only=True) as reread:
        assert reread.load().title == "Protección en Darién: ñandú €"
    assert controller.close_document()
    controller.open_path(path)
    assert controller.session.proposal.title == "Protección en Darién: ñandú €"


def test_a_locked_file_opens_read_only_with_a_banner(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    path = demo_file(tmp_path)
    with Document.open(path) as holder:
        assert not holder.read_only
        controller.open_path(path)
        assert controller.session.read_only
        assert not window.editor.banner.isHidden()
        assert "(read-only)" in window.windowTitle() or "solo lectura" in window.windowTitle()
        before = controller.session.proposal.model_dump()
        window.editor.session.undo_stack.undo()
        assert controller.session.proposal.model_dump() == before
        assert controller.close_document()


def test_activating_a_finding_goes_to_its_page(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    proposal = load_example("es")
    proposal.strategy_matrix.axes[1].lead_actor_id = None
    path = tmp_path / "broken.pmx"
    Document.create(path, proposal).close()
    controller.open_path(path)
    editor = window.editor
    editor.show_step(len(editor.pages) - 1)
    review = editor.review
    index = next(i for i, f in enumerate(editor.findings) if f.rule == "S05")
    review.activate_finding(index)
    assert editor.current_page().matrix == "strategy"


def test_switching_language_changes_visible_labels(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, settings = app_parts
    controller.open_path(demo_file(tmp_path))
    titles_es = [window.editor.steps.item(i).text() for i in range(window.editor.steps.count())]
    controller.set_language("en")
    titles_en = [window.editor.steps.item(i).text() for i in range(window.editor.steps.count())]
    assert titles_en != titles_es
    assert settings.language == "en"
    assert window.context.lang == "en"


def test_closing_to_the_start_screen_lists_the_recent_file(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    path = demo_file(tmp_path)
    controller.open_path(path)
    controller._close_to_start()
    assert window.editor is None
    assert window.start.recent.count() == 1


def test_a_new_proposal_from_the_start_screen_exists_on_disk_at_once(
    app_parts, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]

    from ui.dialogs import NewProposalDialog

    window, controller, _ = app_parts
    target = tmp_path / "mi-propuesta.pmx"

    def fill_and_accept(dialog: NewProposalDialog) -> int:
        type_text(dialog.title_edit, "Protección de la niñez migrante en Darién")
        dialog.authors.setPlainText("Ana Pérez\nJosé Núñez")
        type_text(dialog.institution, "Servicio Nacional de Migración")
        dialog.path_edit.setText(str(target))
        dialog.accept()  # OK
        return dialog.result()

    monkeypatch.setattr(NewProposalDialog, "exec", fill_and_accept)
    window.start.new_button.click()
    assert target.exists(), "the file exists from the first second"
    session = controller.session
    assert session is not None
    assert session.proposal.title == "Protección de la niñez migrante en Darién"
    assert session.proposal.authors == ["Ana Pérez", "José Núñez"]
    with Document.open(target, read_only=True) as reread:
        assert reread.load().proposing_institution == "Servicio Nacional de Migración"


def test_file_name_for_drops_accents() -> None:
    from ui.dialogs import file_name_for

    assert file_name_for("Protección de la niñez: Darién 2025") == "proteccion-de-la-ninez-darien-2025.pmx"
    assert file_name_for("¿?") == "propuesta.pmx"


def test_steps_are_numbered_like_the_course(app_parts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    controller.set_language("es")
    controller.open_path(demo_file(tmp_path))
    titles = [window.editor.steps.item(i).text().splitlines()[0] for i in range(window.editor.steps.count())]
    assert titles[1:5] == ["1 Problema", "2 Ejes estratégicos", "3 Actores", "4 Instrumentos"]


def test_the_editor_keeps_the_dashboard_summary_current(app_parts, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from storage.document import Document as Doc

    window, controller, _ = app_parts
    path = demo_file(tmp_path)
    controller.open_path(path)
    session = controller.session
    edits = [w for w in window.editor.pages[0].findChildren(QLineEdit) if w.text() == session.proposal.title]
    edits[0].selectAll()
    type_text(edits[0], "Título nuevo")
    qtbot.waitUntil(lambda: session.save_state is SaveState.SAVED, timeout=3000)
    window.editor.update_findings()  # the debounced refresh, without waiting for it
    session.save_now()
    with Doc.open(path, read_only=True) as reread:
        stored = reread.load_summary()
    assert stored is not None, "the fast summary is stored, not recomputed"
    assert stored.title == "Título nuevo"


def test_review_a_folder_then_open_one_for_review(app_parts, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = app_parts
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for name in ("ana.pmx", "jose.pmx"):
        Document.create(folder / name, load_example("es")).close()
    (folder / "roto.pmx").write_bytes(b"garbage")
    dashboard = controller.review_folder(folder)
    qtbot.waitUntil(lambda: dashboard.model.rowCount() == 3, timeout=10000)
    dashboard.open_for_review_requested.emit(folder / "ana.pmx")
    assert controller.session is not None
    assert controller.session.path == folder / "ana.pmx"
    before = controller.session.proposal.model_dump()
    window.editor.session.undo_stack.undo()
    assert controller.session.proposal.model_dump() == before
