"""A save writes only the rows that changed since the last load or save, in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from matrices.actors import ActorRelation
from matrices.problem import Cause
from matrices.review import Comment
from matrices.strategy import Axis, Indicator, LineOfAction
from storage.document import Document, SaveStats
from storage.errors import DocumentError, WriteFailedError
from storage.mapping import SECTION_TABLES
from tests.storage.helpers import StatementLog


def reopened(path: Path) -> dict[str, Any]:
    with Document.open(path, read_only=True) as document:
        return document.load().model_dump(mode="json")


def test_editing_one_field_is_one_update_of_one_column(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    proposal.problem_matrix.causes[2].description = "Descripción corregida"
    stats = document.save(proposal)
    assert stats == SaveStats(updated=1)
    assert len(statement_log.of("UPDATE")) == 1
    assert statement_log.writes() == statement_log.of("UPDATE")
    update = statement_log.of("UPDATE")[0]
    assert update.startswith("UPDATE causes SET description=?")
    assert "level" not in update
    assert "position" not in update
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_a_save_without_changes_runs_no_statement(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    assert document.save(proposal) == SaveStats()
    assert statement_log.statements == []


@pytest.mark.parametrize(
    ("edit", "table"),
    [
        (lambda p: setattr(p, "title", "Nuevo título"), "proposal"),
        (lambda p: setattr(p.problem_matrix, "central_problem", "Otro"), "proposal"),
        (lambda p: setattr(p, "territory", ""), "proposal"),
        (lambda p: setattr(p.problem_matrix.evidence[0], "value", 1.5), "evidence"),
        (lambda p: setattr(p.strategy_matrix.axes[0].indicators[0].baseline, "value", 7), "indicators"),
        (lambda p: setattr(p.strategy_matrix.general_indicators[0], "notes", "nota"), "indicators"),
        (lambda p: setattr(p.strategy_matrix.axes[0].lines_of_action[0], "text", "texto"), "lines_of_action"),
        (lambda p: p.strategy_matrix.axes[1].addressed_cause_ids.append("C9"), "axes"),
        (lambda p: setattr(p.actor_matrix.actors[0], "position", -2), "actors"),
        (lambda p: setattr(p.actor_matrix.actors[0].relations[0], "note", "nota"), "actor_relations"),
        (lambda p: setattr(p.instrument_matrix.instruments[0], "risks", None), "instruments"),
        (lambda p: setattr(p.strategy_matrix.excluded_causes[0], "justification", "j"), "excluded_causes"),
        (lambda p: setattr(p.strategy_matrix.ends[0], "description", "fin"), "ends"),
    ],
)
def test_each_kind_of_edit_updates_one_row_of_its_table(
    document: Document, statement_log: StatementLog, edit: Any, table: str
) -> None:
    proposal = document.load()
    statement_log.attach(document)
    edit(proposal)
    assert document.save(proposal) == SaveStats(updated=1)
    assert [s.split()[1] for s in statement_log.writes()] == [table]
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_adding_and_removing_items(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    proposal.problem_matrix.causes.append(Cause(id="C9", description="nueva"))
    assert document.save(proposal) == SaveStats(inserted=1)
    assert len(statement_log.of("INSERT")) == 1
    statement_log.clear()
    del proposal.problem_matrix.causes[-1]
    assert document.save(proposal) == SaveStats(deleted=1)
    assert len(statement_log.of("DELETE")) == 1
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_inserting_in_the_middle_moves_the_others_by_position_only(
    document: Document, statement_log: StatementLog
) -> None:
    proposal = document.load()
    statement_log.attach(document)
    count = len(proposal.problem_matrix.effects)
    proposal.problem_matrix.effects.insert(0, proposal.problem_matrix.effects[0].model_copy(update={"id": "E0"}))
    stats = document.save(proposal)
    assert stats == SaveStats(inserted=1, updated=count)
    assert all(s.startswith("UPDATE effects SET position=? WHERE") for s in statement_log.of("UPDATE"))
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_reordering_updates_positions_only(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    actors = proposal.actor_matrix.actors
    actors[0], actors[1] = actors[1], actors[0]
    assert document.save(proposal) == SaveStats(updated=2)
    assert all(s.startswith("UPDATE actors SET position=? WHERE") for s in statement_log.of("UPDATE"))
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_containers_and_their_contents(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    axis = Axis(
        id="EJ9",
        lines_of_action=[LineOfAction(id="L1"), LineOfAction(id="L2")],
        indicators=[Indicator(id="IND9.1")],
    )
    proposal.strategy_matrix.axes.append(axis)
    proposal.actor_matrix.actors[1].relations.append(ActorRelation(actor_id="A01", type="alliance"))
    assert document.save(proposal) == SaveStats(inserted=5)
    assert reopened(document.path) == proposal.model_dump(mode="json")

    # A line moved to another axis leaves one and joins the other.
    line = proposal.strategy_matrix.axes[-1].lines_of_action.pop()
    proposal.strategy_matrix.axes[0].lines_of_action.append(line)
    assert document.save(proposal) == SaveStats(inserted=1, deleted=1)
    assert reopened(document.path) == proposal.model_dump(mode="json")

    # Removing an axis removes what it contains, each row counted.
    removed = proposal.strategy_matrix.axes.pop()
    expected = 1 + len(removed.lines_of_action) + len(removed.indicators)
    assert document.save(proposal) == SaveStats(deleted=expected)
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_duplicate_ids_are_matched_by_occurrence(document: Document) -> None:
    proposal = document.load()
    causes = proposal.problem_matrix.causes
    causes[:] = [Cause(id="C1", description="primera"), Cause(id="C1", description="segunda"), *causes[1:]]
    document.save(proposal)
    del causes[0]
    document.save(proposal)
    assert reopened(document.path) == proposal.model_dump(mode="json")
    assert document.load().problem_matrix.causes[0].description == "segunda"


def test_changing_an_item_id_replaces_its_row(document: Document) -> None:
    proposal = document.load()
    proposal.instrument_matrix.instruments[0].id = "I-NEW"
    assert document.save(proposal) == SaveStats(inserted=1, deleted=1)
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_a_failed_save_writes_nothing_and_is_retried_whole(document: Document) -> None:
    proposal = document.load()
    before = reopened(document.path)
    proposal.title = "Título nuevo"
    proposal.problem_matrix.causes.append(Cause(id="C9"))
    removed = proposal.actor_matrix.actors.pop()

    def fail_on_insert(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT"):
            raise OSError("disk on fire")

    event.listen(document.engine, "before_cursor_execute", fail_on_insert)
    with pytest.raises(OSError, match="disk on fire"):
        document.save(proposal)
    assert reopened(document.path) == before  # the delete that ran first was rolled back
    event.remove(document.engine, "before_cursor_execute", fail_on_insert)
    stats = document.save(proposal)
    assert stats == SaveStats(inserted=1, updated=1, deleted=1 + len(removed.relations))
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_a_database_error_during_save_is_a_clear_error(document: Document) -> None:
    proposal = document.load()
    proposal.title = "x"

    def full_disk(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("UPDATE"):
            cursor.execute("SELECT * FROM no_such_table")

    event.listen(document.engine, "before_cursor_execute", full_disk)
    with pytest.raises(WriteFailedError) as caught:
        document.save(proposal)
    assert str(caught.value).startswith("could not be saved")
    assert "sqlite" not in str(caught.value).lower()


def test_comments_are_saved_incrementally(document: Document, statement_log: StatementLog) -> None:
    comments = [Comment(id=f"K{n}", text=f"comentario {n}") for n in range(5)]
    assert document.save_comments(comments) == SaveStats(inserted=5)
    statement_log.attach(document)
    comments[3] = comments[3].model_copy(update={"status": "resolved"})
    assert document.save_comments(comments) == SaveStats(updated=1)
    assert [s.split()[1] for s in statement_log.writes()] == ["comments"]
    del comments[0]
    assert document.save_comments(comments) == SaveStats(updated=4, deleted=1)
    with Document.open(document.path, read_only=True) as reader:
        assert reader.load_comments() == comments


def test_comments_never_touch_the_proposal(document: Document, statement_log: StatementLog) -> None:
    statement_log.attach(document)
    document.save_comments([Comment(id="K1", matrix="problem", item_id="C1", text="?")])
    assert {s.split()[2] for s in statement_log.writes()} == {"comments"}


def test_a_save_of_many_changes_is_one_transaction(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    statement_log.attach(document)
    proposal.title = "otro"
    proposal.problem_matrix.causes.append(Cause(id="C9"))
    proposal.instrument_matrix.instruments.pop()
    stats = document.save(proposal)
    assert stats.inserted == 1
    assert stats.updated == 1
    assert stats.deleted == 1
    assert statement_log.of("BEGIN") == ["BEGIN"]
    assert statement_log.statements[0] == "BEGIN"


SECTION_EDITS = [
    (lambda p: setattr(p.problem_matrix.evidence[0], "value", 2.5), "problem_matrix", "evidence"),
    (lambda p: setattr(p.problem_matrix.causes[1], "description", "otra"), "problem_matrix", "causes"),
    (lambda p: p.problem_matrix.effects.pop(), "problem_matrix", "effects"),
    (lambda p: setattr(p.strategy_matrix.ends[0], "description", "fin"), "strategy_matrix", "ends"),
    (lambda p: setattr(p.strategy_matrix.axes[0], "name", "eje"), "strategy_matrix", "axes"),
    (lambda p: p.strategy_matrix.axes[0].lines_of_action.pop(), "strategy_matrix", "lines_of_action"),
    (lambda p: setattr(p.strategy_matrix.axes[0].indicators[0], "name", "i"), "strategy_matrix", "indicators"),
    (lambda p: setattr(p.strategy_matrix.general_indicators[0], "notes", "n"), "strategy_matrix", "indicators"),
    (
        lambda p: setattr(p.strategy_matrix.excluded_causes[0], "justification", "j"),
        "strategy_matrix",
        "excluded_causes",
    ),
    (lambda p: setattr(p.actor_matrix.actors[2], "name", "actor"), "actor_matrix", "actors"),
    (lambda p: setattr(p.actor_matrix.actors[0].relations[0], "note", "n"), "actor_matrix", "actor_relations"),
    (lambda p: setattr(p.instrument_matrix.instruments[1], "risks", "r"), "instrument_matrix", "instruments"),
]


@pytest.mark.parametrize(("edit", "section", "table"), SECTION_EDITS)
def test_a_save_of_the_edited_matrix_alone_writes_the_edit(
    document: Document, statement_log: StatementLog, edit: Any, section: str, table: str
) -> None:
    proposal = document.load()
    statement_log.attach(document)
    edit(proposal)
    assert table in SECTION_TABLES[section]
    assert document.save(proposal, sections={section}).changed
    assert {s.split()[2] if s.startswith("DELETE") else s.split()[1] for s in statement_log.writes()} == {table}
    assert reopened(document.path) == proposal.model_dump(mode="json")
    assert document.save(proposal) == SaveStats(), "the full comparison finds nothing left to write"


def test_a_save_compares_only_the_matrices_named(document: Document) -> None:
    proposal = document.load()
    proposal.actor_matrix.actors[0].name = "Actor editado"
    proposal.problem_matrix.causes[0].description = "Causa editada"
    proposal.title = "Título editado"
    proposal.strategy_matrix.general_objective = "Objetivo editado"  # a matrix field kept in the proposal row
    assert document.save(proposal, sections=()) == SaveStats(updated=1)
    saved = reopened(document.path)
    assert (saved["title"], saved["strategy_matrix"]["general_objective"]) == ("Título editado", "Objetivo editado")
    assert saved["actor_matrix"]["actors"][0]["name"] != "Actor editado"
    assert document.save(proposal, sections={"actor_matrix"}) == SaveStats(updated=1)
    assert document.save(proposal) == SaveStats(updated=1)  # the cause, found by the full comparison
    assert reopened(document.path) == proposal.model_dump(mode="json")


def test_a_save_refuses_an_unknown_matrix(document: Document) -> None:
    with pytest.raises(ValueError, match="not a matrix"):
        document.save(document.load(), sections={"actors"})


def test_a_prepared_save_writes_what_was_planned(document: Document) -> None:
    proposal = document.load()
    proposal.title = "Planeado"
    prepared = document.prepare_save(proposal, sections=())
    proposal.title = "Tecleado después"  # the model goes on being edited while the worker writes
    assert document.write_prepared(prepared) == SaveStats(updated=1)
    assert reopened(document.path)["title"] == "Planeado"
    assert document.save(proposal, sections=()) == SaveStats(updated=1)
    assert reopened(document.path)["title"] == "Tecleado después"


def test_a_prepared_save_overtaken_by_another_is_refused(document: Document) -> None:
    proposal = document.load()
    proposal.title = "uno"
    stale = document.prepare_save(proposal)
    proposal.problem_matrix.causes.pop()
    document.save(proposal)
    with pytest.raises(DocumentError, match="plan it again"):
        document.write_prepared(stale)
    assert reopened(document.path) == proposal.model_dump(mode="json")
