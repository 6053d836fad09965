"""The instrument's choices (line of action, nature, character, target actors, ex-ante assessment), the actors'
resources and axes, and the indicators' dimension, disaggregation and data owner, where a reader looks for them."""

from __future__ import annotations

from docx.document import Document

from matrices.examples import load_example
from matrices.instruments import ExAnteAssessment
from tests.export.docx_helpers import export, headings, open_docx


def _table(document: Document, header: list[str]) -> list[list[str]]:
    """Return the rows of the table whose header row starts with header."""
    for table in document.tables:
        cells = [cell.text for cell in table.rows[0].cells]
        if cells[: len(header)] == header:
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table with the columns {header!r}")


def _row(rows: list[list[str]], starts: str) -> list[str]:
    return next(row for row in rows[1:] if row[0].startswith(starts))


def test_the_register_shows_line_nature_character_and_target_actors(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(export(load_example("es"), catalogs, field_model))
    rows = _table(document, ["Instrumento", "Eje y línea", "NATO / Vedung / tipo", "Responsable", "Destinatarios"])
    first = _row(rows, "I01 ")
    assert first[1] == "EJ1\nEJ1.L1"
    assert first[2].endswith("\nNaturaleza: Sustantivo\nCarácter: Nuevo")
    assert first[4].endswith(
        "\nActores destinatarios:\nA17 Personas migrantes en tránsito y organizaciones de migrantes"
        "\nA16 Autoridades migratorias de Colombia"
    )
    assert _row(rows, "I09 ")[2].endswith("\nCarácter: Existente que se fortalece")


def test_the_register_in_english_has_english_labels(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(export(load_example("es"), catalogs, field_model, lang="en"))
    rows = _table(document, ["Instrument", "Axis and line", "NATO / Vedung / type"])
    first = _row(rows, "I01 ")
    assert first[2].endswith("\nNature: Substantive\nCharacter: New")
    assert "\nTarget actors:\nA17 " in first[4]


def test_target_actors_without_a_target_group_and_unknown_ids(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    proposal = load_example("es")
    instrument = proposal.instrument_matrix.instruments[0]
    # A missing course code is shown flagged (it helps to find what it was); a missing UUID is not shown at all.
    instrument.target_group = ""
    instrument.target_actor_ids = ["A03", "A99", "0123456789abcdef0123456789abcdef"]
    instrument.line_of_action_id = None
    rows = _table(open_docx(export(proposal, catalogs, field_model)), ["Instrumento", "Eje y línea"])
    first = _row(rows, "I01 ")
    assert first[1] == "EJ1"
    assert first[4] == (
        "Actores destinatarios:\nA03 Ministerio Público (fiscalías especializadas) (MP)\nA99 (no encontrado)\n"
        "(elemento eliminado)"
    )


def test_the_ex_ante_assessment_has_a_table_of_its_own(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    proposal = load_example("es")
    instruments = proposal.instrument_matrix.instruments
    instruments[1].ex_ante_assessment = None
    instruments[2].ex_ante_assessment = ExAnteAssessment(equity=1)
    document = open_docx(export(proposal, catalogs, field_model))
    assert (2, "Valoración ex ante") in headings(document)
    rows = _table(document, ["Instrumento", "Efectividad", "Eficiencia", "Equidad", "Viabilidad política"])
    assert rows[0][-3:] == ["Viabilidad administrativa y técnica", "Viabilidad financiera", "Tipo de dato"]
    high, medium = "3 · Alta", "2 · Media"
    assert _row(rows, "I01 ")[1:] == [medium, high, high, high, high, high, medium, "Ilustrativo"]
    assert not any(row[0].startswith("I02 ") for row in rows)  # no assessment, no row
    assert _row(rows, "I03 ")[1:] == ["", "", "1 · Baja", "", "", "", "", ""]


def test_without_any_assessment_there_is_no_ex_ante_table(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    proposal = load_example("en")
    for instrument in proposal.instrument_matrix.instruments:
        instrument.ex_ante_assessment = None
    document = open_docx(export(proposal, catalogs, field_model))
    assert "Ex-ante assessment" not in [text for _, text in headings(document)]


def test_actor_resources_and_axes(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(export(load_example("es"), catalogs, field_model))
    register = _table(document, ["Actor", "Tipo"])
    assert register[0][-1] == "Ejes"
    assert _row(register, "A02 ")[-1] == "EJ1\nEJ2"
    details = _table(document, ["Actor", "Recursos que moviliza"])
    assert _row(details, "A02 ")[1] == "• Información y conocimiento técnico\n• Autoridad legal / mandato"


def test_indicator_dimension_disaggregation_and_data_owner(catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(export(load_example("es"), catalogs, field_model))
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][:2] == ["Código", "Indicador"] and any(row[0] == "IND1.1" for row in rows):
            name = next(row[1] for row in rows if row[0] == "IND1.1")
            break
    else:
        raise AssertionError("no indicator IND1.1")
    assert "\nDimensión: Eficacia\n" in name
    assert "\nDesagregación: Sexo; Edad; Nacionalidad" in name
    assert "\nResponsable del dato: A02 " in name
