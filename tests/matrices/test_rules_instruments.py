"""Rules I01–I09 of the instruments matrix, each made to fire and kept quiet from the bundled example."""

from __future__ import annotations

import pytest

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.general import EstimatedCost
from matrices.instruments import Instrument
from matrices.proposal import Proposal
from matrices.rules import instruments
from matrices.rules.engine import Rulebook


@pytest.fixture(scope="module")
def book(catalogs: Catalogs, field_model: FieldModel) -> Rulebook:
    return Rulebook(catalogs, field_model, instruments.RULES)


@pytest.fixture
def proposal(example_es: Proposal) -> Proposal:
    return example_es.model_copy(deep=True)


def run(book: Rulebook, proposal: Proposal, rule: str) -> list[Finding]:
    return [finding for finding in book.check(proposal) if finding.rule == rule]


def where(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.severity, f.matrix, f.item, f.field) for f in findings]


def instrument(proposal: Proposal, instrument_id: str) -> Instrument:
    return next(i for i in proposal.instrument_matrix.instruments if i.id == instrument_id)


# --- the examples -------------------------------------------------------------------------------------------------


def test_registry_covers_i01_to_i09() -> None:
    assert sorted(instruments.RULES) == [f"I{n:02d}" for n in range(1, 10)]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("rule", sorted(instruments.RULES))
def test_examples_give_no_instrument_finding(book: Rulebook, lang: str, rule: str) -> None:
    assert run(book, load_example(lang), rule) == []  # type: ignore[arg-type]


# --- I01 ----------------------------------------------------------------------------------------------------------


def test_i01_fires_on_an_axis_without_instruments(book: Rulebook, proposal: Proposal) -> None:
    matrix = proposal.instrument_matrix
    matrix.instruments = [i for i in matrix.instruments if i.axis_id != "EJ4"]
    assert where(run(book, proposal, "I01")) == [("error", "instruments", "EJ4", "instruments")]


def test_i01_fires_for_every_axis_of_an_empty_matrix(book: Rulebook, proposal: Proposal) -> None:
    proposal.instrument_matrix.instruments = []
    assert [f.item for f in run(book, proposal, "I01")] == ["EJ1", "EJ2", "EJ3", "EJ4"]


def test_i01_quiet_with_one_instrument_per_axis(book: Rulebook, proposal: Proposal) -> None:
    matrix = proposal.instrument_matrix
    matrix.instruments = [i for i in matrix.instruments if i.id in {"I01", "I04", "I08", "I11"}]
    assert run(book, proposal, "I01") == []


# --- I02 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nato", None),
        ("nato", "regulation"),
        ("vedung", None),
        ("vedung", "treasure"),
        ("responsible_actor_id", None),
        ("responsible_actor_id", "A99"),
        ("target_group", ""),
        ("target_group", "  "),
        ("mechanism", ""),
    ],
)
def test_i02_fires_on_each_missing_element(book: Rulebook, proposal: Proposal, field: str, value: object) -> None:
    setattr(instrument(proposal, "I05"), field, value)
    found = run(book, proposal, "I02")
    assert where(found) == [("error", "instruments", "I05", field)]
    if isinstance(value, str) and value.strip():
        assert value in found[0].message("es")


def test_i02_quiet_on_an_unknown_catalog_value(book: Rulebook, proposal: Proposal) -> None:
    # An id outside the catalogue is G04's finding; I02 only reports absence or the wrong typology.
    instrument(proposal, "I05").nato = "gunboats"
    assert run(book, proposal, "I02") == []


# --- I03 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("legal_basis", [None, " "])
def test_i03_fires_on_authority_without_legal_basis(
    book: Rulebook, proposal: Proposal, legal_basis: str | None
) -> None:
    instrument(proposal, "I07").legal_basis = legal_basis
    assert where(run(book, proposal, "I03")) == [("error", "instruments", "I07", "legal_basis")]


def test_i03_quiet_on_secondary_authority(book: Rulebook, proposal: Proposal) -> None:
    # I12 is organization + authority: only the primary resource asks for a legal basis.
    instrument(proposal, "I12").legal_basis = None
    assert run(book, proposal, "I03") == []


def test_i03_quiet_on_other_resources(book: Rulebook, proposal: Proposal) -> None:
    assert instrument(proposal, "I02").legal_basis is None
    assert instrument(proposal, "I02").nato == "nodality"
    assert run(book, proposal, "I03") == []


# --- I04 ----------------------------------------------------------------------------------------------------------


def _set_primary(proposal: Proposal, resources: list[str]) -> None:
    for index, item in enumerate(proposal.instrument_matrix.instruments):
        item.nato = resources[index % len(resources)]


def test_i04_fires_with_two_resources(book: Rulebook, proposal: Proposal) -> None:
    _set_primary(proposal, ["nodality", "authority"])
    found = run(book, proposal, "I04")
    assert where(found) == [("warning", "instruments", None, "nato")]
    assert found[0].message("en").endswith("(2/4: Nodality (information), Authority)")


def test_i04_ignores_secondary_resources(book: Rulebook, proposal: Proposal) -> None:
    _set_primary(proposal, ["nodality"])
    for item in proposal.instrument_matrix.instruments:
        item.nato_secondary = "treasure" if item.id < "I07" else "organization"
    assert where(run(book, proposal, "I04")) == [("warning", "instruments", None, "nato")]


def test_i04_quiet_with_three_resources(book: Rulebook, proposal: Proposal) -> None:
    _set_primary(proposal, ["nodality", "authority", "organization"])
    assert run(book, proposal, "I04") == []


def test_i04_quiet_on_an_empty_matrix(book: Rulebook, proposal: Proposal) -> None:
    proposal.instrument_matrix.instruments = []
    assert run(book, proposal, "I04") == []


# --- I05 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cost", "missing"),
    [
        (None, "amount, funding source"),
        (EstimatedCost(amount=None, currency="USD", funding_source="Cooperación"), "amount"),
        (EstimatedCost(amount=300000, currency="USD", funding_source=" "), "funding source"),
    ],
)
@pytest.mark.parametrize("instrument_id", ["I10", "I09"])  # primary treasure, secondary treasure
def test_i05_fires_on_treasure_without_cost_or_funding(
    book: Rulebook, proposal: Proposal, instrument_id: str, cost: EstimatedCost | None, missing: str
) -> None:
    instrument(proposal, instrument_id).estimated_cost = cost
    found = run(book, proposal, "I05")
    assert where(found) == [("warning", "instruments", instrument_id, "estimated_cost")]
    assert found[0].message("en").endswith(f"({instrument_id}: {missing})")


def test_i05_quiet_on_non_treasure_without_cost(book: Rulebook, proposal: Proposal) -> None:
    instrument(proposal, "I01").estimated_cost = None
    assert run(book, proposal, "I05") == []


def test_i05_quiet_with_amount_and_funding_source(book: Rulebook, proposal: Proposal) -> None:
    instrument(proposal, "I10").estimated_cost = EstimatedCost(amount=0, funding_source="Presupuesto municipal")
    assert run(book, proposal, "I05") == []


# --- I06 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("responsible", ["A18", "A17"])  # an opponent (position −2), very low influence (1)
def test_i06_fires_on_a_weak_or_opposing_responsible(book: Rulebook, proposal: Proposal, responsible: str) -> None:
    instrument(proposal, "I03").responsible_actor_id = responsible
    assert where(run(book, proposal, "I06")) == [("warning", "instruments", "I03", "responsible_actor_id")]


def test_i06_fires_at_position_minus_one(book: Rulebook, proposal: Proposal) -> None:
    next(a for a in proposal.actor_matrix.actors if a.id == "A06").position = -1
    assert where(run(book, proposal, "I06")) == [("warning", "instruments", "I05", "responsible_actor_id")]


@pytest.mark.parametrize("responsible", ["A20", "A99", None])  # neutral with influence 2, unknown, missing
def test_i06_quiet_otherwise(book: Rulebook, proposal: Proposal, responsible: str | None) -> None:
    instrument(proposal, "I03").responsible_actor_id = responsible
    assert run(book, proposal, "I06") == []


# --- I07 ----------------------------------------------------------------------------------------------------------


def test_i07_fires_on_an_instrument_without_indicators(book: Rulebook, proposal: Proposal) -> None:
    instrument(proposal, "I13").indicator_ids = []
    assert where(run(book, proposal, "I07")) == [("warning", "instruments", "I13", "indicator_ids")]


def test_i07_quiet_with_one_indicator(book: Rulebook, proposal: Proposal) -> None:
    instrument(proposal, "I01").indicator_ids = ["IND1.2"]
    assert run(book, proposal, "I07") == []


# --- I08 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instrument_id", "vedung"),
    [("I01", "regulation"), ("I07", "information"), ("I10", "not_applicable"), ("I09", "economic")],
)
def test_i08_fires_when_vedung_differs_from_the_default(
    book: Rulebook, proposal: Proposal, instrument_id: str, vedung: str
) -> None:
    instrument(proposal, instrument_id).vedung = vedung
    assert where(run(book, proposal, "I08")) == [("info", "instruments", instrument_id, "vedung")]


@pytest.mark.parametrize(
    ("nato", "vedung"),
    [
        ("nodality", "information"),
        ("authority", "regulation"),
        ("treasure", "economic"),
        ("organization", "not_applicable"),
    ],
)
def test_i08_quiet_on_the_default_pairs(book: Rulebook, proposal: Proposal, nato: str, vedung: str) -> None:
    item = instrument(proposal, "I04")
    item.nato, item.vedung = nato, vedung
    assert run(book, proposal, "I08") == []


def test_i08_uses_the_primary_resource_only(book: Rulebook, proposal: Proposal) -> None:
    # I04 is organization + nodality typed not_applicable: the secondary resource does not ask for information.
    assert instrument(proposal, "I04").nato_secondary == "nodality"
    assert run(book, proposal, "I08") == []


@pytest.mark.parametrize(("nato", "vedung"), [(None, "regulation"), ("gunboats", "regulation"), ("authority", None)])
def test_i08_quiet_when_the_classification_is_incomplete(
    book: Rulebook, proposal: Proposal, nato: str | None, vedung: str | None
) -> None:
    item = instrument(proposal, "I04")
    item.nato, item.vedung = nato, vedung
    assert run(book, proposal, "I08") == []


# --- I09 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["EJ2.L1", "EJ9.L9"])
def test_i09_fires_on_a_line_outside_the_axis(book: Rulebook, proposal: Proposal, line: str) -> None:
    instrument(proposal, "I01").line_of_action_id = line
    found = run(book, proposal, "I09")
    assert where(found) == [("warning", "instruments", "I01", "line_of_action_id")]
    assert f"{line} ∉ EJ1" in found[0].message("es")


def test_i09_fires_when_the_axis_changes_but_the_line_stays(book: Rulebook, proposal: Proposal) -> None:
    instrument(proposal, "I10").axis_id = "EJ4"
    assert where(run(book, proposal, "I09")) == [("warning", "instruments", "I10", "line_of_action_id")]


@pytest.mark.parametrize(("axis_id", "line"), [("EJ1", "EJ1.L3"), ("EJ1", None), ("EJ9", "EJ1.L1"), (None, "EJ1.L1")])
def test_i09_quiet_otherwise(book: Rulebook, proposal: Proposal, axis_id: str | None, line: str | None) -> None:
    item = instrument(proposal, "I01")
    item.axis_id, item.line_of_action_id = axis_id, line
    assert run(book, proposal, "I09") == []
