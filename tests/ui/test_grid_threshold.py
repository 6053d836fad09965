"""A course that moves the grid's 'high' threshold sees the same suggested strategies everywhere.

The editor's register, the grid it draws, and the Word table all read the quadrant from matrices/actors.py's
StakeholderGrid; with a threshold of 3 instead of 4, twelve of the example's 22 actors change quadrant.
"""

from __future__ import annotations

import copy

import pytest
from pytestqt.qtbot import QtBot

from matrices.actors import GRID_REF, StakeholderGrid
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.rules import default_rulebook
from tests.export.docx_helpers import export, open_docx
from tests.ui.helpers import MemoryDocument
from ui.context import UiContext
from ui.pages.actors import ActorsPage
from ui.session import DocumentSession
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def course() -> Catalogs:
    """The bundled catalogues with the course's threshold lowered to 3."""
    bundled = Catalogs.load()
    files = {name: copy.deepcopy(bundled.raw(name)) for name in _file_names(bundled)}
    files["scales.json"]["stakeholder_grid"]["high_threshold"] = 3
    return Catalogs(files)


def _file_names(catalogs: Catalogs) -> list[str]:
    return [ref for ref in catalogs.refs() if "#" not in ref]


def test_the_course_threshold_is_read_and_changes_twelve_example_actors(course: Catalogs) -> None:
    grid = StakeholderGrid.from_catalogs(course)
    assert grid.threshold == 3
    actors = load_example("es").actor_matrix.actors
    moved = [a.id for a in actors if grid.quadrant(a) != StakeholderGrid().quadrant(a)]
    assert len(moved) == 12


def test_editor_grid_and_word_table_agree_with_the_course_threshold(
    qtbot: QtBot, course: Catalogs, field_model: FieldModel, writer: DocumentWriter
) -> None:
    proposal = load_example("es")
    grid = StakeholderGrid.from_catalogs(course)
    expected = {a.id: course.label(GRID_REF, grid.quadrant(a) or "", "es") for a in proposal.actor_matrix.actors}

    context = UiContext(course, field_model, default_rulebook(course, field_model))
    page = ActorsPage(DocumentSession(MemoryDocument(), proposal, writer=writer), context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.refresh()
    strategy = page.model.column_of("strategy")
    for actor in proposal.actor_matrix.actors:
        assert page.model.strategy_label(actor) == expected[actor.id], actor.id
        # The register's column shows the quadrant's short title ("Gestionar de cerca").
        shown = page.model.index(page.model.row_of(actor.id), strategy).data()
        assert shown, actor.id
        assert expected[actor.id].startswith(shown), actor.id

    # The grid the editor draws (the same layout as the Word picture) puts each actor in the same quadrant.
    layout = page.grid.grid_layout()
    assert layout is not None
    for mark in layout.marks:
        if mark.actor_id is not None:
            actor = next(a for a in proposal.actor_matrix.actors if a.id == mark.actor_id)
            assert layout.quadrant_at(mark.dot_center) == grid.quadrant(actor), actor.id

    document = open_docx(export(proposal, course, field_model))
    register = next(t for t in document.tables if t.rows[0].cells[0].text == "Actor")
    column = [cell.text for cell in register.rows[0].cells].index("Estrategia")
    for actor, row in zip(proposal.actor_matrix.actors, register.rows[1:], strict=True):
        assert row.cells[column].text.split("\n")[0] == expected[actor.id], actor.id
