"""End to end: a participant drafts the whole Spanish example through the GUI alone, and the file holds it all.

Starting from the start screen's "new proposal", every matrix of the bundled example (matrices/data/examples) is
entered through the editor's own widgets: line and text fields, combo boxes, checklists, table cells with their
add buttons, the problem tree's toolbar, the axis and indicator forms, the actor and instrument forms. The
document is then closed, reopened with storage.document.Document and compared with the example field by field.
Items made in the app get fresh ids, so the comparison maps the example's ids to the new ones by position; links
(an instrument's axis, line, actors and indicators, an axis's causes, a relation's actor...) are compared through
that map, so each one must point at the corresponding item.

Some fields are typed key by key (Spanish accents included); long texts are pasted (QLineEdit.insert,
QPlainTextEdit.insertPlainText), which emits the same signals as typing; a combo box choice is what a click in its
popup does (current index, then activated). Undoing every step must give back the empty proposal and redoing
them all the whole draft: nothing reached the proposal around the undo stack, and no undo loses data.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.proposal import Proposal
from storage.document import Document
from tests.ui import walkthrough_helpers as h
from tests.ui.helpers import build_app
from tests.ui.walkthrough_helpers import button, choose, enter_line, enter_lines, enter_text, named
from ui.context import UiContext
from ui.controller import AppController
from ui.dialogs import NewProposalDialog
from ui.main_window import MainWindow
from ui.models.matrix_list import ID_ROLE
from ui.pages.strategy_binding import entity_label, field_label
from ui.session import SaveState
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.item_checklist import ItemChecklist
from ui.widgets.value_fields import NumberField
from ui.writer import DocumentWriter

STEPS = {"general": 0, "problem": 1, "strategy": 2, "actors": 3, "instruments": 4}

NOT_ENTERABLE = {
    "id": "the proposal's id is made when the file is created; the example's is a fixed demo id",
    "created_at": "set by the app when the proposal is created; no widget edits it",
    "updated_at": "set by the app; no widget edits it",
}
"""Top-level fields of the example the GUI does not offer, left out of the comparison."""


def tick(checklist: QWidget, ids: Iterable[str]) -> None:
    """Tick the entries with these ids one by one, in this order (each tick is a click's itemChanged).

    A tick appends its entry to the stored list, so ticking in the example's order stores the example's order:
    every list is compared as it is, order included.
    """
    view = checklist.findChild(QListWidget)
    assert view is not None
    offered = {view.item(row).data(Qt.ItemDataRole.UserRole): view.item(row) for row in range(view.count())}
    wanted = list(ids)
    missing = set(wanted) - set(offered)
    assert not missing, f"{checklist.accessibleName()!r} does not offer {sorted(missing)}"
    view.setFocus(Qt.FocusReason.TabFocusReason)
    for entry_id in wanted:
        offered[entry_id].setCheckState(Qt.CheckState.Checked)


@pytest.fixture
def app(qtbot: QtBot, qapp, tmp_path: Path, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    parts = build_app(qtbot, qapp, tmp_path, writer=writer)
    parts.window.resize(1400, 900)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts.window, parts.controller, parts.context
    parts.controller.close_document()
    parts.languages.clear()


class Walk:
    """The participant: drives the open editor page by page, counting undo steps as it goes."""

    def __init__(self, window: MainWindow, controller: AppController, context: UiContext) -> None:
        self.window = window
        self.controller = controller
        self.context = context
        self.session = controller.session
        self.editor = window.editor
        self.data: dict[str, Any] = load_example("es").model_dump(mode="json")
        self.ids: dict[str, str] = {}
        """Example id -> id of the item made through the GUI (read back from the proposal, never written)."""

    def label(self, entity: str, key: str) -> str:
        return field_label(self.context, entity, key)

    def page(self, matrix: str) -> QWidget:
        self.editor.show_step(STEPS[matrix])
        page = self.editor.current_page()
        assert page.matrix == matrix
        return page

    def stepped(self, what: str, action: Any, *args: Any) -> None:
        """Run a GUI action and check it added at least one undo step."""
        before = self.session.undo_stack.count()
        action(*args)
        assert self.session.undo_stack.count() > before, f"{what}: no undo step"

    # -- general data -----------------------------------------------------------------------------------------

    def general(self) -> None:
        d, page = self.data, self.page("general")

        def field(key: str, kind: type) -> Any:
            return named(page, self.label("proposal", key), kind)

        choose(field("policy_area", QComboBox), d["policy_area"])
        choose(field("territorial_scope", QComboBox), d["territorial_scope"])
        self.stepped("territory", h.type_keys, field("territory", QLineEdit), d["territory"])
        enter_line(field("proposing_institution", QLineEdit), d["proposing_institution"])
        enter_lines(field("authors", QPlainTextEdit), d["authors"])
        for key in ("start_year", "end_year"):
            spin = named(page, self.label("proposal", f"horizon.{key}"), QSpinBox)
            spin.setFocus()
            spin.lineEdit().selectAll()
            h.QTest.keyClicks(spin, str(d["horizon"][key]))
        for key, ids in d["alignment"].items():
            tick(named(page, self.label("proposal", f"alignment.{key}"), CatalogChecklist), ids)
        tick(field("cross_cutting_approaches", CatalogChecklist), d["cross_cutting_approaches"])
        enter_text(field("data_disclaimer", QPlainTextEdit), d["data_disclaimer"])

    # -- problem ----------------------------------------------------------------------------------------------

    def problem(self) -> None:
        d, page = self.data["problem_matrix"], self.page("problem")
        tabs = h.top_tabs(page)
        tab = h.open_tab(tabs, self.label("problem_matrix", "central_problem"))
        self.stepped(
            "central problem",
            h.type_keys,
            named(tab, self.label("problem_matrix", "central_problem")),
            d["central_problem"],
        )
        for key in ("context", "affected_population"):
            enter_text(named(tab, self.label("problem_matrix", key), QPlainTextEdit), d[key])

        tab = h.open_tab(tabs, "Evidence")
        for datum in d["evidence"]:
            self.stepped("add datum", button(tab, "Add datum").click)
            enter_text(named(tab, self.label("evidence", "description"), QPlainTextEdit), datum["description"])
            h.type_figure(named(tab, self.label("evidence", "value"), NumberField), datum["value"])
            enter_line(named(tab, self.label("evidence", "unit"), QLineEdit), datum["unit"])
            if datum["cutoff_date"]:
                year, month, day = datum["cutoff_date"].split("-")
                cutoff = named(tab, self.label("evidence", "cutoff_date"), QLineEdit)
                self.stepped("cutoff date", h.type_figure, cutoff, f"{day}/{month}/{year}")
            enter_text(named(tab, self.label("evidence", "source"), QPlainTextEdit), datum["source"])
            choose(named(tab, self.label("evidence", "data_type"), QComboBox), datum["data_type"])
        evidence_ids = [item.id for item in self.session.proposal.problem_matrix.evidence]
        self.ids.update(zip((datum["id"] for datum in d["evidence"]), evidence_ids, strict=True))

        for kind, noun, sub in (("causes", "cause", "sub-cause"), ("effects", "effect", "sub-effect")):
            tab = h.open_tab(tabs, self.label("problem_matrix", kind))
            view = named(tab, self.label("problem_matrix", kind), QTreeView)
            for node in d[kind]:
                self._add_node(tab, view, kind, node, noun, sub)

    def _add_node(self, tab: QWidget, view: QTreeView, kind: str, node: dict[str, Any], noun: str, sub: str) -> None:
        nodes = getattr(self.session.proposal.problem_matrix, kind)
        if node["parent_id"] is None:
            roots = [n.id for n in nodes if n.parent_id is None]
            if roots:
                select_in_tree(view, roots[-1])
            self.stepped(f"add {noun}", button(tab, f"Add {noun}").click)
        else:
            select_in_tree(view, self.ids[node["parent_id"]])
            self.stepped(f"add {sub}", button(tab, f"Add {sub}").click)
        self.ids[node["id"]] = str(view.currentIndex().data(ID_ROLE))
        entity = noun
        enter_text(named(tab, self.label(entity, "description"), QPlainTextEdit), node["description"])
        if kind == "causes":
            choose(named(tab, self.label(entity, "category"), QComboBox), node["category"])
            choose(named(tab, self.label(entity, "governability"), QComboBox), node["governability"])
            ids = [self.ids[old] for old in node["evidence_ids"]]
            tick(named(tab, self.label(entity, "evidence_ids"), ItemChecklist), ids)
        else:
            enter_line(named(tab, self.label(entity, "affected"), QLineEdit), node["affected"])
            choose(named(tab, self.label(entity, "severity"), QComboBox), node["severity"])

    # -- strategy -----------------------------------------------------------------------------------------------

    def strategy(self) -> None:
        """First pass: everything but the links to actors, which do not exist yet."""
        d, page = self.data["strategy_matrix"], self.page("strategy")
        tabs = h.top_tabs(page)
        tab = h.open_tab(tabs, "Objective and ends")
        enter_text(
            named(tab, self.label("strategy_matrix", "general_objective"), QPlainTextEdit), d["general_objective"]
        )
        ends = named(tab, entity_label(self.context, "end"), QTableView)
        for end in d["ends"]:
            self.stepped("add end", button(tab, f"Add — {entity_label(self.context, 'end')}").click)
            row = ends.currentIndex().row()
            edit = h.edit_cell
            edit(ends, ends.model().index(row, 1), self.ids[end["effect_id"]])
            edit(ends, ends.model().index(row, 2), end["description"])
            self.ids[end["id"]] = str(ends.model().index(row, 0).data(ID_ROLE))

        tab = h.open_tab(tabs, self.label("strategy_matrix", "general_indicators"))
        self._indicators(tab, d["general_indicators"])

        tab = h.open_tab(tabs, self.label("strategy_matrix", "axes"))
        axes = named(tab, entity_label(self.context, "axis"), QTableView)
        for axis in d["axes"]:
            self.stepped("add axis", button(tab, f"Add — {entity_label(self.context, 'axis')}").click)
            self.ids[axis["id"]] = str(axes.currentIndex().siblingAtColumn(0).data(ID_ROLE))
            self._axis(tab, axis)

        tab = h.open_tab(tabs, self.label("strategy_matrix", "excluded_causes"))
        noun = entity_label(self.context, "excluded_cause")
        excluded = named(tab, noun, QTableView)
        for item in d["excluded_causes"]:
            self.stepped("add excluded cause", button(tab, f"Add — {noun}").click)
            row = excluded.currentIndex().row()
            h.edit_cell(excluded, excluded.model().index(row, 0), self.ids[item["cause_id"]])
            h.edit_cell(excluded, excluded.model().index(row, 1), item["justification"])

    def _axis(self, tab: QWidget, axis: dict[str, Any]) -> None:
        axis_tabs = axis_form_tabs(tab)
        form = h.open_tab(axis_tabs, "Objective")
        enter_text(named(form, self.label("axis", "name"), QPlainTextEdit), axis["name"])
        enter_text(named(form, self.label("axis", "strategic_objective"), QPlainTextEdit), axis["strategic_objective"])
        tick(
            named(form, self.label("axis", "addressed_cause_ids"), ItemChecklist),
            self._mapped(axis["addressed_cause_ids"]),
        )

        form = h.open_tab(axis_tabs, self.label("axis", "lines_of_action"))
        noun = entity_label(self.context, "line_of_action")
        lines = named(form, noun, QTableView)
        for line in axis["lines_of_action"]:
            self.stepped("add line of action", button(form, f"Add — {noun}").click)
            row = lines.currentIndex().row()
            h.edit_cell(lines, lines.model().index(row, 1), line["text"])
            self.ids[line["id"]] = str(lines.model().index(row, 0).data(ID_ROLE))
        enter_lines(named(form, self.label("axis", "expected_results"), QPlainTextEdit), axis["expected_results"])
        enter_lines(named(form, self.label("axis", "assumptions_risks"), QPlainTextEdit), axis["assumptions_risks"])

        self._indicators(h.open_tab(axis_tabs, self.label("axis", "indicators")), axis["indicators"])

        form = h.open_tab(axis_tabs, "Responsibility and cost")
        choose(named(form, self.label("axis", "timeframe"), QComboBox), axis["timeframe"])
        choose(named(form, self.label("axis", "priority"), QComboBox), axis["priority"])
        cost = axis["estimated_cost"]
        if cost is not None:
            amount = named(form, self.label("estimated_cost", "amount"), QLineEdit)
            self.stepped("axis cost", h.type_figure, amount, cost["amount"])
            enter_line(named(form, self.label("estimated_cost", "currency"), QLineEdit), cost["currency"])
            enter_line(named(form, self.label("estimated_cost", "funding_source"), QLineEdit), cost["funding_source"])
            choose(named(form, self.label("estimated_cost", "data_type"), QComboBox), cost["data_type"])

        form = h.open_tab(axis_tabs, "Alignment")
        for key, ids in axis["alignment"].items():
            tick(named(form, self.label("axis", f"alignment.{key}"), CatalogChecklist), ids)

    def _indicators(self, tab: QWidget, indicators: list[dict[str, Any]]) -> None:
        noun = entity_label(self.context, "indicator")
        table = named(tab, noun, QTableView)
        definition = h.group_box(tab, "Definition")
        baseline = h.group_box(tab, self.label("indicator", "baseline"))
        target = h.group_box(tab, self.label("indicator", "target"))
        for indicator in indicators:
            self.stepped("add indicator", button(tab, f"Add — {noun}").click)
            self.ids[indicator["id"]] = str(table.currentIndex().siblingAtColumn(0).data(ID_ROLE))

            def field(box: QWidget, key: str, kind: type) -> Any:
                return named(box, self.label("indicator", key), kind)

            enter_text(field(definition, "name", QPlainTextEdit), indicator["name"])
            choose(field(definition, "level", QComboBox), indicator["level"])
            choose(field(definition, "dimension", QComboBox), indicator["dimension"])
            enter_text(field(definition, "formula", QPlainTextEdit), indicator.get("formula"))
            enter_line(field(definition, "unit", QLineEdit), indicator.get("unit"))
            choose(field(definition, "frequency", QComboBox), indicator["frequency"])
            enter_text(field(definition, "means_of_verification", QPlainTextEdit), indicator["means_of_verification"])
            enter_text(field(definition, "notes", QPlainTextEdit), indicator.get("notes"))
            base, goal = indicator["baseline"], indicator["target"]
            h.type_figure(field(baseline, "baseline.value", QLineEdit), base["value"])
            h.type_figure(field(baseline, "baseline.year", QLineEdit), base["year"])
            choose(field(baseline, "baseline.status", QComboBox), base["status"])
            enter_text(field(baseline, "baseline.source", QPlainTextEdit), base["source"])
            choose(field(baseline, "baseline.data_type", QComboBox), base["data_type"])
            h.type_figure(field(target, "target.value", QLineEdit), goal["value"])
            h.type_figure(field(target, "target.year", QLineEdit), goal["year"])
            choose(field(target, "target.relative_to_baseline", QComboBox), goal["relative_to_baseline"])
            enter_line(field(target, "target.expression", QLineEdit), goal.get("expression"))
            choose(field(target, "target.data_type", QComboBox), goal["data_type"])
            tick(named(tab, self.label("indicator", "disaggregation"), CatalogChecklist), indicator["disaggregation"])

    def _mapped(self, ids: list[str]) -> list[str]:
        return [self.ids[old] for old in ids]

    # -- actors -------------------------------------------------------------------------------------------------

    def actors(self) -> None:
        d, page = self.data["actor_matrix"]["actors"], self.page("actors")
        register = named(page, self.context.label("actor_matrix", "actors"), QTableView)
        for actor in d:
            self.stepped("add actor", button(page, "Add actor").click)
            self.ids[actor["id"]] = str(register.currentIndex().siblingAtColumn(0).data(ID_ROLE))

            def field(key: str, kind: type) -> Any:
                return named(page, self.label("actor", key), kind)

            self.stepped("actor name", enter_line, field("name", QLineEdit), actor["name"])
            enter_line(field("acronym", QLineEdit), actor["acronym"])
            choose(field("type", QComboBox), actor["type"])
            choose(field("level", QComboBox), actor["level"])
            enter_text(field("mandate", QPlainTextEdit), actor["mandate"])
            tick(field("roles", CatalogChecklist), actor["roles"])
            enter_text(field("interest_description", QPlainTextEdit), actor["interest_description"])
            enter_text(field("perceived_problems", QPlainTextEdit), actor.get("perceived_problems"))
            tick(field("resources", CatalogChecklist), actor["resources"])
            for key in ("interest", "influence", "position"):
                choose(field(key, QComboBox), actor[key])
            enter_text(field("assessment_basis", QPlainTextEdit), actor["assessment_basis"])
            choose(field("data_type", QComboBox), actor["data_type"])
            enter_text(field("strategy_detail", QPlainTextEdit), actor.get("strategy_detail"))
            tick(field("axis_ids", ItemChecklist), self._mapped(actor["axis_ids"]))
        # Relations point at actors further down the list: a second pass, as a participant would make.
        relations = named(page, self.label("actor", "relations"), QTableView)
        for row, actor in enumerate(d):
            if not actor.get("relations"):
                continue
            register.setCurrentIndex(register.model().index(row, 1))
            for relation in actor["relations"]:
                self.stepped("add relation", button(page, "Add relation").click)
                at = relations.model().rowCount() - 1
                h.edit_cell(relations, relations.model().index(at, 0), self.ids[relation["actor_id"]])
                h.edit_cell(relations, relations.model().index(at, 1), relation["type"])
                h.edit_cell(relations, relations.model().index(at, 2), relation["note"])

    # -- links to actors, once they exist ----------------------------------------------------------------------

    def strategy_links(self) -> None:
        """Second pass over the strategy: data owners of the indicators, lead and co-responsible actors of the axes."""
        d, page = self.data["strategy_matrix"], self.page("strategy")
        tabs = h.top_tabs(page)
        self._indicator_owners(
            h.open_tab(tabs, self.label("strategy_matrix", "general_indicators")), d["general_indicators"]
        )
        tab = h.open_tab(tabs, self.label("strategy_matrix", "axes"))
        axes = named(tab, entity_label(self.context, "axis"), QTableView)
        axis_tabs = axis_form_tabs(tab)
        for row, axis in enumerate(d["axes"]):
            axes.setCurrentIndex(axes.model().index(row, 1))
            self._indicator_owners(h.open_tab(axis_tabs, self.label("axis", "indicators")), axis["indicators"])
            form = h.open_tab(axis_tabs, "Responsibility and cost")
            self.stepped(
                "lead actor",
                choose,
                named(form, self.label("axis", "lead_actor_id"), QComboBox),
                self.ids[axis["lead_actor_id"]],
            )
            co = named(form, self.label("axis", "co_responsible_actor_ids"), ItemChecklist)
            tick(co, self._mapped(axis["co_responsible_actor_ids"]))

    def _indicator_owners(self, tab: QWidget, indicators: list[dict[str, Any]]) -> None:
        table = named(tab, entity_label(self.context, "indicator"), QTableView)
        owner = named(tab, self.label("indicator", "responsible_actor_id"), QComboBox)
        for row, indicator in enumerate(indicators):
            table.setCurrentIndex(table.model().index(row, 1))
            self.stepped("indicator owner", choose, owner, self.ids[indicator["responsible_actor_id"]])

    # -- instruments --------------------------------------------------------------------------------------------

    def instruments(self) -> None:
        page = self.page("instruments")
        register = named(page, self.context.label("instrument_matrix", "instruments"), QTableView)
        criteria = {c.id: c.label(self.context.lang) for c in self.context.catalogs.feasibility_criteria()}
        for item in self.data["instrument_matrix"]["instruments"]:
            self.stepped("add instrument", button(page, "Add instrument").click)
            self.ids[item["id"]] = str(register.currentIndex().siblingAtColumn(0).data(ID_ROLE))

            def field(key: str, kind: type, root: QWidget = page, entity: str = "instrument") -> Any:
                return named(root, self.label(entity, key), kind)

            self.stepped("instrument name", h.type_keys, field("name", QLineEdit), item["name"][:12])
            enter_line(field("name", QLineEdit), item["name"])
            enter_text(field("description", QPlainTextEdit), item["description"])
            choose(field("axis_id", QComboBox), self.ids.get(item["axis_id"]))
            choose(field("line_of_action_id", QComboBox), self.ids.get(item["line_of_action_id"]))
            choose(field("character", QComboBox), item["character"])
            choose(field("timeframe", QComboBox), item["timeframe"])
            choose(field("instrument_type", QComboBox), item["instrument_type"])
            for key in ("nato", "nato_secondary", "vedung", "nature"):
                choose(field(key, QComboBox), item[key])
            enter_text(field("legal_basis", QPlainTextEdit), item["legal_basis"])
            choose(field("responsible_actor_id", QComboBox), self.ids.get(item["responsible_actor_id"]))
            tick(field("target_actor_ids", ItemChecklist), self._mapped(item["target_actor_ids"]))
            for key in ("target_group", "mechanism", "resources_required"):
                enter_text(field(key, QPlainTextEdit), item[key])
            cost = item["estimated_cost"]
            if cost is not None:
                group = h.group_box(page, self.label("instrument", "estimated_cost"))
                self.stepped("cost switch", group.setChecked, True)
                h.type_figure(field("amount", NumberField, group, "estimated_cost"), cost["amount"])
                enter_line(field("currency", QLineEdit, group, "estimated_cost"), cost["currency"])
                enter_line(field("funding_source", QLineEdit, group, "estimated_cost"), cost["funding_source"])
                choose(field("data_type", QComboBox, group, "estimated_cost"), cost["data_type"])
            tick(field("indicator_ids", ItemChecklist), self._mapped(item["indicator_ids"]))
            enter_text(field("risks", QPlainTextEdit), item["risks"])
            assessment = item["ex_ante_assessment"]
            if assessment is not None:
                group = h.group_box(page, self.label("instrument", "ex_ante_assessment"))
                self.stepped("ex-ante switch", group.setChecked, True)
                for key, text in criteria.items():
                    choose(named(group, text, QComboBox), assessment[key])
                choose(field("data_type", QComboBox, group, "estimated_cost"), assessment["data_type"])


def axis_form_tabs(tab: QWidget) -> QTabWidget:
    """Return the tabs of the selected axis's form (Objective, Lines of action, Indicators, ...)."""
    found = [tabs for tabs in tab.findChildren(QTabWidget) if tabs.tabText(0) == "Objective"]
    assert len(found) == 1
    return found[0]


def select_in_tree(view: QTreeView, item_id: str) -> None:
    """Click the row of the node with item_id."""
    model = view.model()

    def walk(parent: Any) -> Any:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ID_ROLE) == item_id:
                return index
            found = walk(index)
            if found is not None:
                return found
        return None

    index = walk(view.rootIndex())
    assert index is not None, f"no row for {item_id}"
    view.setCurrentIndex(index)


def start_new_proposal(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, title: str) -> None:
    """Use the start screen's 'New proposal…': type the title in the dialog, keep the rest blank, accept."""

    def fill_and_accept(dialog: NewProposalDialog) -> int:
        h.type_keys(dialog.title_edit, title)
        dialog.path_edit.setText(str(path))
        dialog.accept()  # OK
        return dialog.result()

    monkeypatch.setattr(NewProposalDialog, "exec", fill_and_accept)
    window.start.new_button.click()


def test_the_whole_example_can_be_drafted_through_the_gui(app, qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, controller, context = app
    path = tmp_path / "darien.pmx"
    data = load_example("es").model_dump(mode="json")
    start_new_proposal(window, monkeypatch, path, data["title"])
    session = controller.session
    assert session is not None
    assert window.editor is not None
    empty = session.proposal.model_dump(mode="json")
    blank = Proposal(language="es", title=data["title"]).model_dump(mode="json")
    assert h.drop(empty, NOT_ENTERABLE) == h.drop(blank, NOT_ENTERABLE), "the new proposal starts empty"
    walk = Walk(window, controller, context)
    walk.general()
    walk.problem()
    walk.strategy()
    walk.actors()
    walk.strategy_links()
    walk.instruments()
    # The status has no field of its own: File > Mark as submitted… sets the example's "in_review".
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes)
    window.submit_action.trigger()
    assert session.proposal.status == data["status"]
    drafted = session.proposal.model_dump(mode="json")

    # Every edit went through the undo stack: undoing all of it gives back the empty proposal, redoing it all
    # gives back the whole draft (nothing lost on the way).
    stack = session.undo_stack
    steps = stack.count()
    stack.setIndex(0)
    assert h.differences(empty, session.proposal.model_dump(mode="json")) == []
    stack.setIndex(steps)
    assert h.differences(drafted, session.proposal.model_dump(mode="json")) == []

    controller.session.save_now()
    qtbot.waitUntil(lambda: controller.session.save_state is SaveState.SAVED, timeout=5000)
    assert controller.close_document()
    with Document.open(path, read_only=True) as document:
        saved = document.load().model_dump(mode="json")
    expected = h.drop(h.relabel(data, walk.ids), NOT_ENTERABLE)
    actual = h.drop(saved, NOT_ENTERABLE)
    lost = h.differences(expected, actual)
    assert not lost, "\n".join(lost)
