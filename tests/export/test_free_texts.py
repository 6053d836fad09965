"""Every text a participant writes reaches the Word file, where a reader of the proposal looks for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from docx.document import Document

from matrices.actors import ActorRelation
from matrices.examples import load_example
from matrices.general import EstimatedCost
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.strategy import Baseline, Indicator, Target
from tests.export.docx_helpers import all_text, comment_anchors, export, headings, open_docx

MARK = "ZQ-marca-única-ZQ"


def _table_with_header(document: Document, first: str, header: str) -> list[list[str]]:
    """Return the rows of the table whose header row starts with first and has a column header."""
    for table in document.tables:
        cells = [cell.text for cell in table.rows[0].cells]
        if cells[0] == first and header in cells:
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table with the columns {first!r} and {header!r}")


def _row_of(rows: list[list[str]], header: str, starts: str) -> str:
    """Return the cell under header in the row whose first cell starts with starts."""
    column = rows[0].index(header)
    return next(row[column] for row in rows[1:] if row[0].startswith(starts))


def _set_actor_text(key: str) -> Callable[[Proposal], None]:
    def edit(proposal: Proposal) -> None:
        setattr(proposal.actor_matrix.actors[1], key, MARK)

    return edit


def _set_instrument_text(key: str) -> Callable[[Proposal], None]:
    def edit(proposal: Proposal) -> None:
        setattr(proposal.instrument_matrix.instruments[1], key, MARK)

    return edit


# -- actors --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "header"),
    [
        (_set_actor_text("perceived_problems"), "Problemas percibidos"),
        (_set_actor_text("assessment_basis"), "Fundamento de la valoración"),
    ],
    ids=["perceived_problems", "assessment_basis"],
)
def test_actor_texts_are_in_the_table_under_the_register(catalogs, field_model, edit, header) -> None:  # type: ignore[no-untyped-def]
    proposal = load_example("es")
    edit(proposal)
    document = open_docx(export(proposal, catalogs, field_model))
    rows = _table_with_header(document, "Actor", header)
    assert _row_of(rows, header, "A02 ") == MARK


def test_actor_relations_show_the_other_actor_the_kind_and_the_note(catalogs, field_model) -> None:
    proposal = load_example("es")
    actor = proposal.actor_matrix.actors[1]
    actor.relations = [ActorRelation(actor_id="A03", type="conflict", note=MARK), ActorRelation(note="Sola nota")]
    document = open_docx(export(proposal, catalogs, field_model))
    rows = _table_with_header(document, "Actor", "Relaciones con otros actores")
    cell = _row_of(rows, "Relaciones con otros actores", "A02 ")
    assert cell == f"• A03 Ministerio Público (fiscalías especializadas) (MP) (Conflicto): {MARK}\n• Sola nota"


def test_a_basis_shared_by_every_actor_is_written_once(catalogs, field_model) -> None:
    proposal = load_example("es")
    for actor in proposal.actor_matrix.actors:
        actor.assessment_basis = MARK
    document = open_docx(export(proposal, catalogs, field_model))
    text = all_text(document)
    assert text.count(MARK) == 1
    assert f"Fundamento de la valoración (común a todos los actores): {MARK}" in text
    assert (2, "Recursos, problemas percibidos y relaciones") in headings(document)
    with pytest.raises(AssertionError):
        _table_with_header(document, "Actor", "Fundamento de la valoración")


def test_a_comment_on_a_shared_basis_is_anchored_on_it(catalogs, field_model) -> None:
    proposal = load_example("es")
    for actor in proposal.actor_matrix.actors:
        actor.assessment_basis = MARK
    comment = Comment(id="K1", matrix="actors", item_id="A05", field="assessment_basis", author="F", text="¿Fuente?")
    document = open_docx(export(proposal, catalogs, field_model, comments=[comment]))
    assert list(comment_anchors(document).values()) == [MARK]


def test_without_any_actor_text_there_is_no_second_table(catalogs, field_model) -> None:
    proposal = load_example("es")
    for actor in proposal.actor_matrix.actors:
        actor.perceived_problems = actor.assessment_basis = None
        actor.relations, actor.resources = [], []
    document = open_docx(export(proposal, catalogs, field_model))
    texts = [text for _, text in headings(document)]
    assert "Recursos, problemas percibidos, relaciones y fundamento de la valoración" not in texts
    assert "Recursos, problemas percibidos y relaciones" not in texts
    assert len([t for t in document.tables if t.rows[0].cells[0].text == "Actor"]) == 1


# -- instruments ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "header"),
    [
        ("legal_basis", "Base normativa"),
        ("resources_required", "Recursos requeridos"),
        ("risks", "Riesgos y efectos no deseados"),
    ],
)
def test_instrument_texts_are_in_the_table_under_the_register(catalogs, field_model, key: str, header: str) -> None:
    proposal = load_example("es")
    _set_instrument_text(key)(proposal)
    document = open_docx(export(proposal, catalogs, field_model))
    rows = _table_with_header(document, "Instrumento", header)
    assert _row_of(rows, header, "I02 ") == MARK


def test_instrument_texts_have_english_labels_from_the_field_model(catalogs, field_model) -> None:
    document = open_docx(export(load_example("es"), catalogs, field_model, lang="en"))
    rows = _table_with_header(document, "Instrument", "Legal basis")
    assert rows[0] == ["Instrument", "Legal basis", "Resources required", "Risks and unintended effects"]
    assert (2, "Legal basis, resources and risks") in headings(document)
    actors = _table_with_header(document, "Actor", "Relations with other actors")
    assert actors[0] == ["Actor", "Resources it can mobilize", "Perceived problems", "Relations with other actors"]
    assert "Basis of the assessment (common to all actors): " in all_text(document)


def test_a_currency_without_an_amount_is_kept(catalogs, field_model) -> None:
    proposal = load_example("es")
    proposal.instrument_matrix.instruments[1].estimated_cost = EstimatedCost(currency="PAB", funding_source="BID")
    rows = _table_with_header(open_docx(export(proposal, catalogs, field_model)), "Instrumento", "Plazo y costo")
    assert _row_of(rows, "Plazo y costo", "I02 ").endswith("Moneda: PAB\nFuente: BID")


# -- indicators ----------------------------------------------------------------------------------------------


def _indicator_rows(document: Document, code: str) -> list[str]:
    for table in document.tables:
        for row in table.rows[1:]:
            if row.cells[0].text == code and table.rows[0].cells[1].text == "Indicador":
                return [cell.text for cell in row.cells]
    raise AssertionError(f"no indicator row {code}")


def test_indicator_notes_and_baseline_source(catalogs, field_model) -> None:
    proposal = load_example("es")
    indicator = proposal.strategy_matrix.axes[0].indicators[0]
    indicator.notes = "Nota del indicador"
    indicator.baseline = Baseline(value=12, year=2023, source="Encuesta SNM")
    cells = _indicator_rows(open_docx(export(proposal, catalogs, field_model)), indicator.id)
    assert cells[1].endswith("\nNotas: Nota del indicador")
    assert cells[2].endswith("(2023)\nFuente: Encuesta SNM")


def test_a_unit_without_a_figure_is_written_under_the_name(catalogs, field_model) -> None:
    proposal = load_example("es")
    general = proposal.strategy_matrix.general_indicators
    general.append(Indicator(id="INDG9", name="Sin cifras", unit="casos", baseline=Baseline(status="to_be_collected")))
    general.append(Indicator(id="INDG8", name="Con cifra", unit="casos", target=Target(value=40, year=2026)))
    document = open_docx(export(proposal, catalogs, field_model))
    without, with_figure = _indicator_rows(document, "INDG9"), _indicator_rows(document, "INDG8")
    assert without[1] == "Sin cifras\nUnidad de medida: casos"
    assert with_figure[1] == "Con cifra"  # the unit follows the figure, once
    assert with_figure[3] == "40 casos (2026)"


# -- items sharing an id -------------------------------------------------------------------------------------


def test_causes_and_effects_sharing_an_id_are_all_in_the_tables(catalogs, field_model) -> None:
    proposal = load_example("es")
    causes, effects = proposal.problem_matrix.causes, proposal.problem_matrix.effects
    causes.append(causes[0].model_copy(update={"description": "Copia de la causa"}))
    effects.append(effects[0].model_copy(update={"description": "Copia del efecto"}))
    document = open_docx(export(proposal, catalogs, field_model))
    cause_rows = _table_with_header(document, "Código", "Categoría")
    assert [row[:2] for row in cause_rows[1:3]] == [["C1", causes[0].description], ["C1", "Copia de la causa"]]
    assert "Copia del efecto" in all_text(document)
    trace = _table_with_header(document, "Causa", "Instrumentos")
    assert any(row[0] == "C1 Copia de la causa" for row in trace)  # its own text, not the first cause's


def test_an_actor_sharing_an_id_keeps_its_own_name(catalogs, field_model) -> None:
    proposal = load_example("es")
    actors = proposal.actor_matrix.actors
    actors.append(actors[0].model_copy(update={"name": "Actor copiado", "acronym": None}))
    rows = _table_with_header(open_docx(export(proposal, catalogs, field_model)), "Actor", "Tipo")
    assert [row[0] for row in rows[1:] if row[0].startswith("A01 ")] == [
        "A01 Servicio Nacional de Migración (SNM)",
        "A01 Actor copiado",
    ]
