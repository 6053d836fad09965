"""Counts in the Word file agree with their number: '1 eje estratégico, 1 indicador', '2 ejes estratégicos'."""

from __future__ import annotations

import pytest

from export.labels import Labels
from matrices.actors import Actor
from matrices.instruments import Instrument
from matrices.localized import Lang
from matrices.problem import Cause, Effect, Evidence
from matrices.proposal import Proposal
from matrices.strategy import Axis, Indicator
from tests.export.docx_helpers import export, open_docx

SUMMARY = {
    ("es", 1): [
        "1 causa (1 directa), 1 efecto, 1 dato de evidencia",
        "1 eje estratégico, 1 indicador",
        "1 actor",
        "1 instrumento",
    ],
    ("es", 2): [
        "2 causas (2 directas), 2 efectos, 2 datos de evidencia",
        "2 ejes estratégicos, 2 indicadores",
        "2 actores",
        "2 instrumentos",
    ],
    ("en", 1): [
        "1 cause (1 direct), 1 effect, 1 evidence item",
        "1 strategic axis, 1 indicator",
        "1 actor",
        "1 instrument",
    ],
    ("en", 2): [
        "2 causes (2 direct), 2 effects, 2 evidence items",
        "2 strategic axes, 2 indicators",
        "2 actors",
        "2 instruments",
    ],
}


def proposal_with(n: int, lang: Lang) -> Proposal:
    proposal = Proposal(language=lang, title="Plurales")
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    problem.causes = [Cause(description=f"Causa {k}") for k in range(n)]
    problem.effects = [Effect(description=f"Efecto {k}") for k in range(n)]
    problem.evidence = [Evidence(description=f"Dato {k}") for k in range(n)]
    strategy.axes = [Axis(name=f"Eje {k}", indicators=[Indicator(name=f"Indicador {k}")]) for k in range(n)]
    proposal.actor_matrix.actors = [Actor(name=f"Actor {k}") for k in range(n)]
    proposal.instrument_matrix.instruments = [Instrument(name=f"Instrumento {k}") for k in range(n)]
    return proposal


@pytest.mark.parametrize(("lang", "n"), sorted(SUMMARY))
def test_the_summary_counts_agree_with_their_number(catalogs, field_model, lang: Lang, n: int) -> None:  # type: ignore[no-untyped-def]
    document = open_docx(export(proposal_with(n, lang), catalogs, field_model, lang=lang))
    summary = next(table for table in document.tables if table.rows[0].cells[0].text in ("Parte", "Part"))
    contents = [row.cells[1].text for row in summary.rows[2:]]
    assert contents == SUMMARY[(lang, n)]


def test_the_draft_note_agrees_with_the_number_of_errors() -> None:
    assert Labels("es").count("cover.draft_note", 1).startswith("Queda 1 observación de nivel error;")
    assert Labels("es").count("cover.draft_note", 3).startswith("Quedan 3 observaciones de nivel error;")
    assert Labels("en").count("cover.draft_note", 1).startswith("1 error-level finding remains;")
    assert Labels("en").count("cover.draft_note", 0).startswith("0 error-level findings remain;")
