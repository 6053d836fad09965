"""The editor builds a step's page the first time it is needed, and runs the rules after the first paint.

Opening a document used to build all five pages (and run the rules) before the window could paint: most of the
cold start. These tests keep what the lazy build must not lose: every step listed with its title and completeness,
navigation to fields of pages never shown, pages built in the current language, and the start-up imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.completeness import completeness
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import MATRIX_KEYS
from matrices.rules import default_rulebook
from tests.conftest import ROOT
from tests.ui.helpers import App, MemoryDocument, build_app, demo_file
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.editor import EditorView
from ui.pages.actors import ActorsPage
from ui.pages.base import DeferredPage
from ui.pages.editor_pages import STEPS, default_pages
from ui.pages.problem import ProblemPage
from ui.session import DocumentSession, SaveState
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter

REVIEW_ROW = len(MATRIX_KEYS)


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    rulebook = default_rulebook(catalogs, field_model)
    return UiContext(catalogs, field_model, rulebook)


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    """The whole app, shown, on the Spanish example."""
    parts = build_app(qtbot, qapp, tmp_path, writer=writer)
    parts.window.resize(1360, 860)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    assert parts.controller.open_path(demo_file(tmp_path))
    yield parts
    parts.controller.close_document()
    parts.languages.clear()  # other tests expect the untranslated source strings


def _editor(app: App) -> EditorView:
    assert app.window.editor is not None
    return app.window.editor


def _built(editor: EditorView) -> list[bool]:
    return [editor.is_built(index) for index in range(len(editor.pages))]


def test_opening_builds_only_the_first_page_yet_lists_every_step_with_its_completeness(app: App) -> None:
    editor = _editor(app)
    assert _built(editor) == [True, False, False, False, False, True]
    assert editor.steps.count() == len(MATRIX_KEYS) + 1
    scores = completeness(editor.session.proposal, editor.context.field_model)
    for row, key in enumerate(MATRIX_KEYS):
        assert editor.steps.item(row).text().endswith(f"\n{scores[key]} %"), key
    # The comments panel names anchors by their step's title: without building the page.
    assert editor.step_title("actors") == editor.context.label("actor_matrix", "actors")
    assert _built(editor) == [True, False, False, False, False, True]


def test_the_rules_run_once_the_event_loop_turns_not_before_the_window_shows(app: App, qtbot: QtBot) -> None:
    editor = _editor(app)
    review_item = editor.steps.item(REVIEW_ROW)
    title = review_item.data(Qt.ItemDataRole.UserRole)
    assert review_item.text() == title, "the rules ran before the window could paint"
    qtbot.waitUntil(lambda: review_item.text() != title, timeout=3000)
    assert editor.findings == editor.context.rulebook.check(editor.session.proposal)


def test_showing_a_step_builds_its_page_once(app: App) -> None:
    editor = _editor(app)
    editor.show_step(1)
    problem = editor.current_page()
    assert isinstance(problem, ProblemPage)
    assert problem.isVisible()
    editor.show_step(0)
    editor.show_step(1)
    assert editor.current_page() is problem
    assert editor.pages[1] is problem
    assert _built(editor) == [True, True, False, False, False, True]


def test_building_a_page_first_starts_writing_the_pending_edits(app: App, qtbot: QtBot) -> None:
    # A page build holds the UI thread: the edits typed before it must already be on their way to the file.
    editor = _editor(app)
    session = editor.session
    session.push(SetValueCommand(session, (), "title", "Título antes de cambiar de paso", "test"))
    assert session.save_state == SaveState.PENDING
    assert not session.writing
    editor.show_step(3)
    assert session.writing or session.save_state == SaveState.SAVED
    qtbot.waitUntil(lambda: session.save_state == SaveState.SAVED, timeout=3000)


def test_reaching_a_page_builds_it_without_changing_the_step_shown(app: App) -> None:
    editor = _editor(app)
    general = editor.current_page()
    actors = editor.pages[3]
    assert isinstance(actors, ActorsPage)
    assert editor.current_page() is general
    assert editor.steps.currentRow() == 0
    assert [page.matrix for page in editor.pages[:-1]] == list(MATRIX_KEYS)
    assert all(_built(editor))


def test_a_finding_or_comment_reaches_a_field_on_a_page_never_shown(app: App, qtbot: QtBot) -> None:
    editor = _editor(app)
    actor = editor.session.proposal.actor_matrix.actors[2]
    editor.review.navigate_requested.emit("actors", actor.id, "name")
    page = editor.current_page()
    assert isinstance(page, ActorsPage)
    assert editor.steps.currentRow() == 3
    current = page.current_item()
    assert current is not None
    assert current.id == actor.id
    name = page.form.field_widget("name")
    assert name is not None
    qtbot.waitUntil(name.hasFocus, timeout=2000)

    comments = app.controller.comments
    assert comments is not None
    cause = editor.session.proposal.problem_matrix.causes[0]
    comments.panel.navigate_requested.emit("problem", cause.id, "description")
    assert isinstance(editor.current_page(), ProblemPage)
    assert editor.steps.currentRow() == 1


def test_pages_built_after_a_language_switch_come_in_the_new_language(app: App) -> None:
    editor = _editor(app)
    app.controller.set_language("es")
    general_title_es = editor.steps.item(0).data(Qt.ItemDataRole.UserRole)
    app.controller.set_language("en")
    assert _built(editor) == [True, False, False, False, False, True]
    assert editor.steps.item(0).data(Qt.ItemDataRole.UserRole) != general_title_es
    assert editor.steps.item(2).data(Qt.ItemDataRole.UserRole).endswith(editor.context.label("strategy_matrix", "axes"))

    editor.show_step(1)
    problem = editor.current_page()
    assert isinstance(problem, ProblemPage)
    texts = {label.text() for label in problem.findChildren(QLabel)}
    assert "Problem tree" in texts
    assert editor.context.field_model.field("problem_matrix", "central_problem").label("en") in texts
    assert editor.context.field_model.field("problem_matrix", "central_problem").label("es") not in texts


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_steps_title_is_the_title_of_its_page(
    lang: str, qtbot: QtBot, qapp: QApplication, context: UiContext, writer: DocumentWriter
) -> None:
    languages = LanguageSwitcher(qapp)
    languages.apply("es" if lang == "es" else "en")
    context.lang = "es" if lang == "es" else "en"
    try:
        session = DocumentSession(MemoryDocument(), load_example("es"), writer=writer)
        for step, deferred in zip(STEPS, default_pages(session, context), strict=True):
            assert isinstance(deferred, DeferredPage)
            page = deferred.build()
            qtbot.addWidget(page)
            assert (deferred.matrix, deferred.title()) == (page.matrix, page.title()), step.matrix
    finally:
        languages.clear()


_START_AND_LIST_MODULES = """
import json, os, sys
sys.path.insert(0, {root!r})
import main
from PySide6.QtWidgets import QApplication

def until_painted(app):
    app.processEvents()
    print(json.dumps(sorted(sys.modules)))
    os._exit(0)

QApplication.exec = until_painted
main.run_gui(__import__("pathlib").Path(sys.argv[1]))
"""


def test_opening_a_file_imports_neither_word_export_nor_the_other_pages(tmp_path: Path) -> None:
    # What the first paint does not need waits until it is used: python-docx until an export, the other
    # pages until shown, the snapshot and dashboard windows until opened.
    path = demo_file(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _START_AND_LIST_MODULES.format(root=str(ROOT)), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modules = set(json.loads(done.stdout.splitlines()[-1]))
    assert "ui.pages.general" in modules, "the script did not open the editor"
    unexpected = {"docx", "export.docx_export", "ui.snapshots", "ui.dashboard.view", "ui.comments_import"}
    unexpected |= {f"ui.pages.{name}" for name in ("problem", "strategy", "actors", "instruments")}
    assert not modules & unexpected
