"""Rules A01–A07 of the actors matrix, each made to fire and kept quiet from the bundled example."""

from __future__ import annotations

import pytest

from matrices.actors import Actor
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.proposal import Proposal
from matrices.rules import actors
from matrices.rules.engine import Rulebook


@pytest.fixture(scope="module")
def book(catalogs: Catalogs, field_model: FieldModel) -> Rulebook:
    return Rulebook(catalogs, field_model, actors.RULES)


@pytest.fixture
def proposal(example_es: Proposal) -> Proposal:
    return example_es.model_copy(deep=True)


def run(book: Rulebook, proposal: Proposal, rule: str) -> list[Finding]:
    return [finding for finding in book.check(proposal) if finding.rule == rule]


def where(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.severity, f.matrix, f.item, f.field) for f in findings]


def actor(proposal: Proposal, actor_id: str) -> Actor:
    return next(a for a in proposal.actor_matrix.actors if a.id == actor_id)


def newcomer(actor_id: str = "A99", actor_type: str = "civil_society", **extra: object) -> Actor:
    return Actor.model_validate(
        {"id": actor_id, "name": "Nuevo actor", "type": actor_type, "interest": 3, "influence": 3, "position": 0}
        | extra
    )


def keep_types(proposal: Proposal, types: set[str]) -> Proposal:
    proposal.actor_matrix.actors = [a for a in proposal.actor_matrix.actors if a.type in types]
    return proposal


# --- the examples -------------------------------------------------------------------------------------------------


def test_registry_covers_a01_to_a07() -> None:
    assert sorted(actors.RULES) == [f"A{n:02d}" for n in range(1, 8)]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("rule", sorted(actors.RULES))
def test_examples_give_no_actor_finding(book: Rulebook, lang: str, rule: str) -> None:
    assert run(book, load_example(lang), rule) == []  # type: ignore[arg-type]


# --- A01 / A02 ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 3])
def test_a01_fires_below_four_actors(book: Rulebook, proposal: Proposal, count: int) -> None:
    proposal.actor_matrix.actors = proposal.actor_matrix.actors[:count]
    found = run(book, proposal, "A01")
    assert where(found) == [("error", "actors", None, "actors")]
    assert found[0].message("en").endswith(f"({count} actors)")
    assert run(book, proposal, "A02") == []  # the error says it already


def test_a01_quiet_at_four_actors(book: Rulebook, proposal: Proposal) -> None:
    proposal.actor_matrix.actors = proposal.actor_matrix.actors[:4]
    assert run(book, proposal, "A01") == []


@pytest.mark.parametrize("count", [4, 7])
def test_a02_fires_below_eight_actors(book: Rulebook, proposal: Proposal, count: int) -> None:
    proposal.actor_matrix.actors = proposal.actor_matrix.actors[:count]
    assert where(run(book, proposal, "A02")) == [("warning", "actors", None, "actors")]


def test_a02_quiet_at_eight_actors(book: Rulebook, proposal: Proposal) -> None:
    proposal.actor_matrix.actors = proposal.actor_matrix.actors[:8]
    assert run(book, proposal, "A02") == []


# --- A03 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("interest", 6), ("interest", 0), ("influence", 9), ("influence", -1), ("position", 3), ("position", -3)],
)
def test_a03_fires_on_an_out_of_range_rating(book: Rulebook, proposal: Proposal, field: str, value: int) -> None:
    setattr(actor(proposal, "A07"), field, value)
    found = run(book, proposal, "A03")
    assert where(found) == [("error", "actors", "A07", field)]
    assert str(value) in found[0].message("es")


@pytest.mark.parametrize("field", ["interest", "influence", "position"])
def test_a03_fires_on_a_missing_rating(book: Rulebook, proposal: Proposal, field: str) -> None:
    setattr(actor(proposal, "A21"), field, None)
    assert where(run(book, proposal, "A03")) == [("error", "actors", "A21", field)]


def test_a03_out_of_range_values_load_from_json(book: Rulebook, proposal: Proposal) -> None:
    data = proposal.model_dump(mode="json")
    data["actor_matrix"]["actors"][0]["influence"] = 7
    reloaded = Proposal.model_validate(data)
    assert where(run(book, reloaded, "A03")) == [("error", "actors", "A01", "influence")]


@pytest.mark.parametrize(("interest", "influence", "position"), [(1, 1, -2), (5, 5, 2)])
def test_a03_quiet_on_the_scale_bounds(
    book: Rulebook, proposal: Proposal, interest: int, influence: int, position: int
) -> None:
    a = actor(proposal, "A07")
    a.interest, a.influence, a.position = interest, influence, position
    a.strategy_detail = "Reuniones bilaterales."
    assert run(book, proposal, "A03") == []


# --- A04 ----------------------------------------------------------------------------------------------------------

SOCIETY = {"civil_society", "humanitarian", "faith_based", "private_sector", "employers_org", "academia", "media"}
POPULATION = {"migrant_community", "host_community"}
GOVERNMENT = {"gov_national", "gov_local", "justice", "nhri", "foreign_government"}
INTERNATIONAL = {"international_org", "regional_body", "donor"}


@pytest.mark.parametrize(
    ("kept", "missing"),
    [
        (SOCIETY | POPULATION | INTERNATIONAL, "gubernamentales"),
        (GOVERNMENT | POPULATION | INTERNATIONAL, "no gubernamentales"),
        (GOVERNMENT | SOCIETY | INTERNATIONAL, "población migrante o afectada"),
    ],
)
def test_a04_fires_when_a_group_is_missing(book: Rulebook, proposal: Proposal, kept: set[str], missing: str) -> None:
    found = run(book, keep_types(proposal, kept), "A04")
    assert where(found) == [("warning", "actors", None, "actors")]
    assert found[0].message("es").endswith(f"(faltan: {missing})")


def test_a04_population_does_not_count_as_civil_society(book: Rulebook, proposal: Proposal) -> None:
    keep_types(proposal, {"gov_national", "migrant_community", "host_community", "illicit_actor"})
    found = run(book, proposal, "A04")
    assert found[0].message("en").endswith("(missing: non-governmental)")


def test_a04_lists_every_missing_group(book: Rulebook, proposal: Proposal) -> None:
    proposal.actor_matrix.actors = []
    found = run(book, proposal, "A04")
    assert len(found) == 1
    assert "governmental, non-governmental, migrant or affected population" in found[0].message("en")


@pytest.mark.parametrize("population", sorted(POPULATION))
@pytest.mark.parametrize("society", ["academia", "private_sector", "workers_org"])
def test_a04_quiet_with_one_of_each_group(book: Rulebook, proposal: Proposal, society: str, population: str) -> None:
    proposal.actor_matrix.actors = [
        newcomer("B1", "gov_local", mandate="Ley municipal."),
        newcomer("B2", society),
        newcomer("B3", population),
    ]
    assert run(book, proposal, "A04") == []


# --- A05 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("detail", [None, "  "])
def test_a05_fires_on_an_influential_opponent_without_strategy(
    book: Rulebook, proposal: Proposal, detail: str | None
) -> None:
    actor(proposal, "A18").strategy_detail = detail
    assert where(run(book, proposal, "A05")) == [("error", "actors", "A18", "strategy_detail")]


def test_a05_fires_at_the_thresholds(book: Rulebook, proposal: Proposal) -> None:
    a = actor(proposal, "A07")
    a.influence, a.position, a.strategy_detail = 4, -1, None
    assert where(run(book, proposal, "A05")) == [("error", "actors", "A07", "strategy_detail")]


@pytest.mark.parametrize(("influence", "position"), [(3, -2), (5, 0), (None, -2)])
def test_a05_quiet_below_the_thresholds(
    book: Rulebook, proposal: Proposal, influence: int | None, position: int
) -> None:
    a = actor(proposal, "A18")
    a.influence, a.position, a.strategy_detail = influence, position, None
    assert run(book, proposal, "A05") == []


# --- A06 ----------------------------------------------------------------------------------------------------------


def test_a06_fires_on_an_actor_without_axis_or_instrument(book: Rulebook, proposal: Proposal) -> None:
    proposal.actor_matrix.actors.append(newcomer())
    assert where(run(book, proposal, "A06")) == [("warning", "actors", "A99", "axis_ids")]


def test_a06_fires_when_the_only_link_is_a_dangling_axis(book: Rulebook, proposal: Proposal) -> None:
    proposal.actor_matrix.actors.append(newcomer(axis_ids=["EJ9"]))
    assert where(run(book, proposal, "A06")) == [("warning", "actors", "A99", "axis_ids")]


def test_a06_fires_on_an_example_actor_once_unlinked(book: Rulebook, proposal: Proposal) -> None:
    # A21 (academia) takes part through its axis_ids, EJ4's co-responsibles and I13's target actors.
    actor(proposal, "A21").axis_ids = []
    ej4 = proposal.strategy_matrix.axes[3]
    ej4.co_responsible_actor_ids = [a for a in ej4.co_responsible_actor_ids if a != "A21"]
    assert run(book, proposal, "A06") == []
    for instrument in proposal.instrument_matrix.instruments:
        instrument.target_actor_ids = [a for a in instrument.target_actor_ids if a != "A21"]
    assert where(run(book, proposal, "A06")) == [("warning", "actors", "A21", "axis_ids")]


LINKS = ["axis_ids", "lead", "co_responsible", "indicator", "general_indicator", "instrument", "instrument_target"]


@pytest.mark.parametrize("link", LINKS)
def test_a06_quiet_with_any_single_link(book: Rulebook, proposal: Proposal, link: str) -> None:
    proposal.actor_matrix.actors.append(newcomer())
    strategy = proposal.strategy_matrix
    instrument = proposal.instrument_matrix.instruments[0]
    if link == "axis_ids":
        actor(proposal, "A99").axis_ids = ["EJ2"]
    elif link == "lead":
        strategy.axes[1].lead_actor_id = "A99"
    elif link == "co_responsible":
        strategy.axes[1].co_responsible_actor_ids.append("A99")
    elif link == "indicator":
        strategy.axes[1].indicators[0].responsible_actor_id = "A99"
    elif link == "general_indicator":
        strategy.general_indicators[0].responsible_actor_id = "A99"
    elif link == "instrument":
        instrument.responsible_actor_id = "A99"
    else:
        instrument.target_actor_ids.append("A99")
    assert [f.item for f in run(book, proposal, "A06")] == []


# --- A07 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor_id", ["A01", "A03", "A09", "A11", "A16", "A12", "A22"])
@pytest.mark.parametrize("mandate", [None, " "])
def test_a07_fires_on_public_international_and_regional_actors(
    book: Rulebook, proposal: Proposal, actor_id: str, mandate: str | None
) -> None:
    actor(proposal, actor_id).mandate = mandate
    assert where(run(book, proposal, "A07")) == [("error", "actors", actor_id, "mandate")]


@pytest.mark.parametrize("actor_type", ["donor", "civil_society", "private_sector", "illicit_actor", "other"])
def test_a07_quiet_on_other_actor_types(book: Rulebook, proposal: Proposal, actor_type: str) -> None:
    proposal.actor_matrix.actors.append(newcomer(actor_type=actor_type, axis_ids=["EJ1"]))
    assert run(book, proposal, "A07") == []


def test_a07_quiet_on_the_example_foreign_government(book: Rulebook, proposal: Proposal) -> None:
    a16 = actor(proposal, "A16")
    assert a16.type == "foreign_government"
    assert a16.mandate
    assert run(book, proposal, "A07") == []
