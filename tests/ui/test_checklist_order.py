"""Checklists keep the stored order of a list: a tick appends, an untick removes, nothing else moves (one undo step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalog, CatalogEntry, Catalogs
from matrices.localized import LocalizedText
from matrices.proposal import Proposal
from tests.ui.helpers import MemoryDocument
from ui.binding import FieldBinder
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.item_checklist import ItemChecklist, items_catalog
from ui.writer import DocumentWriter

LETTERS = Catalog("test#letters", tuple(CatalogEntry(x, LocalizedText.plain(x.upper())) for x in "abcdef"))


def click(checklist: CatalogChecklist, entry_id: str) -> None:
    """Tick or untick an entry as a click on its check box does (the list's itemChanged)."""
    view = checklist.findChild(QListWidget)
    assert view is not None
    item = next(
        view.item(row) for row in range(view.count()) if view.item(row).data(Qt.ItemDataRole.UserRole) == entry_id
    )
    checked = item.checkState() == Qt.CheckState.Checked
    item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


def test_a_tick_appends_and_an_untick_removes_without_reordering(qtbot: QtBot) -> None:
    checklist = CatalogChecklist(LETTERS, "es")
    qtbot.addWidget(checklist)
    emitted: list[list[str]] = []
    checklist.selection_edited.connect(emitted.append)
    checklist.set_selected(["e", "b", "d"])  # not the catalogue's order
    assert checklist.selected() == ["e", "b", "d"]
    click(checklist, "a")
    assert emitted[-1] == ["e", "b", "d", "a"]
    click(checklist, "c")
    assert emitted[-1] == ["e", "b", "d", "a", "c"], "a second tick before the list is written back comes after"
    click(checklist, "b")
    assert emitted[-1] == ["e", "d", "a", "c"]
    checklist.set_language("en")
    assert checklist.selected() == ["e", "d", "a", "c"], "switching the language keeps the order"


def test_ids_the_catalogue_lacks_keep_their_place(qtbot: QtBot) -> None:
    checklist = CatalogChecklist(LETTERS, "es")
    qtbot.addWidget(checklist)
    checklist.set_selected(["d", "zz", "a"])
    click(checklist, "b")
    assert checklist.selected() == ["d", "zz", "a", "b"]
    click(checklist, "d")
    assert checklist.selected() == ["zz", "a", "b"]


def test_an_item_checklist_keeps_the_order_when_its_entries_change(qtbot: QtBot) -> None:
    checklist = ItemChecklist(items_catalog("actors", [("A1", "Uno"), ("A2", "Dos"), ("A3", "Tres")]), "es")
    qtbot.addWidget(checklist)
    checklist.set_selected(["A3", "A1"])
    checklist.set_entries(items_catalog("actors", [("A1", "Uno"), ("A2", "Dos"), ("A3", "Tres"), ("A4", "C")]), "es")
    click(checklist, "A2")
    assert checklist.selected() == ["A3", "A1", "A2"]


def test_ticking_one_more_entry_in_the_example_keeps_its_order_in_one_undo_step(
    qtbot: QtBot, example_es: Proposal, catalogs: Catalogs, writer: DocumentWriter
) -> None:
    session = DocumentSession(MemoryDocument(), example_es, writer=writer)
    catalog = catalogs.get("actor_roles.json")
    order = [entry.id for entry in catalog]
    # An actor whose roles the example lists in another order than the catalogue's (A01: lead, implementer, ...).
    actor = next(a for a in example_es.actor_matrix.actors if a.roles != sorted(a.roles, key=order.index))
    stored = list(actor.roles)
    extra = next(entry.id for entry in catalog if entry.id not in stored)
    checklist = CatalogChecklist(catalog, "es")
    qtbot.addWidget(checklist)
    binder = FieldBinder(session, lambda: ("actor_matrix", "actors", ("id", actor.id)), "actor")
    binder.bind_checklist(checklist, "roles", "roles")
    binder.refresh()
    steps = session.undo_stack.count()
    click(checklist, extra)
    current = next(a for a in session.proposal.actor_matrix.actors if a.id == actor.id)
    assert current.roles == [*stored, extra]
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    current = next(a for a in session.proposal.actor_matrix.actors if a.id == actor.id)
    assert current.roles == stored
    assert checklist.selected() == stored
    click(checklist, stored[0])
    current = next(a for a in session.proposal.actor_matrix.actors if a.id == actor.id)
    assert current.roles == stored[1:]
