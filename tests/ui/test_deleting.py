"""Deleting from the editor keeps the proposal whole: links go in the same undo step, after a confirmation.

Every item of both examples is deleted through the editor's path (plan, push, undo); a few kinds are deleted
through their page's own button, answering the real confirmation box, in Spanish and in English.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.edits import Locator, resolve
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.proposal import Proposal
from matrices.rules import ALL_RULES, Rulebook, default_rulebook
from matrices.walk import nodes
from tests.ui.helpers import MemoryDocument
from ui.context import UiContext
from ui.deleting import Deleter, ask_to_delete
from ui.pages.actors import ActorsPage
from ui.pages.instruments import InstrumentsPage
from ui.pages.problem import ProblemPage
from ui.pages.strategy import StrategyPage
from ui.session import DocumentSession
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

REAL_ASK = ask_to_delete
"""The real confirmation box (tests/ui/conftest.py answers every other test's confirmations itself)."""


def g02(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> set[tuple[str, str | None, str | None]]:
    findings = Rulebook(catalogs, field_model, {"G02": ALL_RULES["G02"]}).check(proposal)
    return {(f.matrix, f.item, f.field) for f in findings}


def context_in(lang: Lang, catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    rules = default_rulebook(catalogs, field_model)
    return UiContext(catalogs, field_model, rules, lang)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_deleting_each_item_of_the_example_adds_no_g02_and_one_undo_restores_it(
    qapp: QApplication,
    lang: Lang,
    catalogs: Catalogs,
    field_model: FieldModel,
    confirmations: list[str],
    writer: DocumentWriter,
) -> None:
    proposal = load_example(lang)
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    deleter = Deleter(session, context_in(lang, catalogs, field_model))
    baseline = g02(proposal, catalogs, field_model)
    entries = [
        (
            node.locator[:-1],
            next(n for n, item in enumerate(resolve(proposal, node.locator[:-1])) if item is node.obj),
            node.entity,
        )
        for node in nodes(proposal)
        if node.locator and isinstance(node.locator[-1], tuple)
    ]
    assert len(entries) > 100
    for target, index, entity in entries:
        before = proposal.model_dump()
        steps = session.undo_stack.index()
        assert deleter.delete(target, index, "delete"), (entity, index)
        assert session.undo_stack.index() == steps + 1, "one undo step per delete"
        assert g02(proposal, catalogs, field_model) <= baseline, (entity, index)
        session.undo_stack.undo()
        assert proposal.model_dump() == before, (entity, index)
    assert confirmations, "deletes that clear links asked first"


# -- the pages' own buttons and the real confirmation box ---------------------------------------------------------


def answer_box(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """Once the confirmation box is up, record its text and press one of its buttons (by object name)."""

    def press() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "delete_confirmation" and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, press)
            return
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        found = box.findChild(QPushButton, button)
        assert found is not None
        found.click()

    QTimer.singleShot(0, press)


@pytest.fixture
def real_box(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.deleting.ask_to_delete", REAL_ASK)


def shown(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)


@pytest.mark.usefixtures("real_box")
def test_deleting_an_actor_names_every_link_in_spanish_and_cancel_keeps_it(
    qtbot: QtBot, catalogs: Catalogs, field_model: FieldModel, spanish: LanguageSwitcher, writer: DocumentWriter
) -> None:
    proposal = load_example("es")
    page = ActorsPage(
        DocumentSession(MemoryDocument(), proposal, writer=writer), context_in("es", catalogs, field_model)
    )
    shown(qtbot, page)
    page.refresh()
    before = proposal.model_dump()
    assert page.panel.select_id("A01")
    seen: list[str] = []
    answer_box(qtbot, "delete_confirmation_cancel", seen)
    page.panel.remove_button.click()
    assert proposal.model_dump() == before, "Cancel deletes nothing"
    question = seen[0]
    assert question.startswith("¿Eliminar actor A01 Servicio Nacional de Migración (SNM)?")
    assert "Se quitarán también estos vínculos:" in question
    assert "EJ1 Prevención e información para personas migrantes — Responsable principal" in question
    assert "I01 " in question
    assert "Deshacer (Ctrl+Z)" in question

    answer_box(qtbot, "delete_confirmation_delete", seen)
    assert page.panel.select_id("A01")
    page.panel.remove_button.click()
    assert "A01" not in [actor.id for actor in proposal.actor_matrix.actors]
    assert g02(proposal, catalogs, field_model) == set()
    assert proposal.strategy_matrix.axes[0].lead_actor_id is None
    page.session.undo_stack.undo()
    assert proposal.model_dump() == before


@pytest.mark.usefixtures("real_box")
def test_deleting_an_axis_lists_the_actors_and_instruments_that_name_it_in_english(
    qtbot: QtBot, catalogs: Catalogs, field_model: FieldModel, writer: DocumentWriter
) -> None:
    proposal = load_example("en")
    page = StrategyPage(
        DocumentSession(MemoryDocument(), proposal, writer=writer), context_in("en", catalogs, field_model)
    )
    shown(qtbot, page)
    page.refresh()
    before = proposal.model_dump()
    axes = page.axes.axes
    axes.select_row(0)
    seen: list[str] = []
    answer_box(qtbot, "delete_confirmation_delete", seen)
    axes.remove_button.click()
    assert seen[0].startswith("Delete strategic axis EJ1 ")
    assert "These links to it will be removed:" in seen[0]
    assert "A01 " in seen[0]  # an actor that works on the axis
    assert "I01 " in seen[0]  # an instrument of the axis
    assert proposal.strategy_matrix.axes[0].id == "EJ2"
    assert g02(proposal, catalogs, field_model) == set()
    page.session.undo_stack.undo()
    assert proposal.model_dump() == before


@pytest.mark.usefixtures("real_box")
def test_deleting_a_datum_names_the_causes_that_cite_it(
    qtbot: QtBot, catalogs: Catalogs, field_model: FieldModel, writer: DocumentWriter
) -> None:
    proposal = load_example("en")
    page = ProblemPage(
        DocumentSession(MemoryDocument(), proposal, writer=writer), context_in("en", catalogs, field_model)
    )
    shown(qtbot, page)
    page.refresh()
    datum = proposal.problem_matrix.evidence[0].id
    citing = [cause.id for cause in proposal.problem_matrix.causes if datum in cause.evidence_ids]
    assert citing
    page.evidence.select(datum)
    seen: list[str] = []
    answer_box(qtbot, "delete_confirmation_delete", seen)
    page.evidence.remove()
    for cause in citing:
        assert f"{cause} " in seen[0]
    assert all(datum not in cause.evidence_ids for cause in proposal.problem_matrix.causes)


def test_an_item_nothing_links_to_is_deleted_without_asking(
    qtbot: QtBot, catalogs: Catalogs, field_model: FieldModel, confirmations: list[str], writer: DocumentWriter
) -> None:
    # Nothing in the course's model points at an instrument: no dialog, one undo step.
    proposal = load_example("es")
    page = InstrumentsPage(
        DocumentSession(MemoryDocument(), proposal, writer=writer), context_in("es", catalogs, field_model)
    )
    shown(qtbot, page)
    page.refresh()
    assert page.panel.select_id("I01")
    page.panel.remove_button.click()
    assert confirmations == []
    assert "I01" not in [instrument.id for instrument in proposal.instrument_matrix.instruments]


Lister = Callable[[Proposal], list[str]]


@pytest.mark.parametrize(
    ("where", "ids"),
    [
        (("strategy_matrix", "axes", ("index", 0), "lines_of_action"), lambda p: [x.line_of_action_id for x in p.instrument_matrix.instruments]),  # noqa: E501
        (("strategy_matrix", "axes", ("index", 0), "indicators"), lambda p: [i for x in p.instrument_matrix.instruments for i in x.indicator_ids]),  # noqa: E501
    ],
)  # fmt: skip
def test_lines_and_indicators_are_unlinked_from_the_instruments(
    qapp: QApplication, catalogs: Catalogs, field_model: FieldModel, where: Locator, ids: Lister, writer: DocumentWriter
) -> None:
    proposal = load_example("es")
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    chosen = resolve(proposal, (*where, ("index", 0))).id
    assert chosen in ids(proposal)
    assert Deleter(session, context_in("es", catalogs, field_model)).delete(where, 0, "delete")
    assert chosen not in ids(proposal)


def test_an_open_form_shows_the_link_cleared_by_a_delete_elsewhere(
    qtbot: QtBot, catalogs: Catalogs, field_model: FieldModel, writer: DocumentWriter
) -> None:
    # The strategy page shows EJ1 led by A01; deleting A01 (from the actors page) empties that choice at once.
    proposal = load_example("es")
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    context = context_in("es", catalogs, field_model)
    page = StrategyPage(session, context)
    shown(qtbot, page)
    page.refresh()
    page.axes.axes.select_row(0)
    lead = page.axes.lead
    assert lead.currentData() == "A01"
    assert Deleter(session, context).delete(("actor_matrix", "actors"), 0, "delete")
    assert lead.currentData() is None
    session.undo_stack.undo()
    assert lead.currentData() == "A01"
