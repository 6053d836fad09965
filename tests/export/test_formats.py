"""Figures reach the Word file as they were entered: every digit, with the export language's separators.

The expected strings are written out by hand: a table computed with the function under test would agree with
any mistake it makes.
"""

from __future__ import annotations

import pytest

from export.formats import format_money, format_number
from matrices.examples import load_example
from matrices.general import EstimatedCost
from matrices.instruments import Instrument
from tests.export.docx_helpers import all_text, export, open_docx

# (value as the model holds it, Spanish text, English text)
FIGURES: list[tuple[int | float, str, str]] = [
    (0, "0", "0"),
    (7, "7", "7"),
    (0.5, "0,5", "0.5"),
    (0.004, "0,004", "0.004"),
    (0.000001, "0,000001", "0.000001"),
    (12.3456, "12,3456", "12.3456"),
    (99.999999, "99,999999", "99.999999"),
    (1500, "1.500", "1,500"),
    (16742, "16.742", "16,742"),
    (150000, "150.000", "150,000"),
    (1640000, "1.640.000", "1,640,000"),
    (1234567.891, "1.234.567,891", "1,234,567.891"),
    (123456.000001, "123.456,000001", "123,456.000001"),
    (-30, "-30", "-30"),
    (-0.25, "-0,25", "-0.25"),
    (-12345.5, "-12.345,5", "-12,345.5"),
    (1000000000000000, "1.000.000.000.000.000", "1,000,000,000,000,000"),
]


@pytest.mark.parametrize(("value", "spanish", "english"), FIGURES)
def test_a_figure_keeps_every_digit_and_the_language_separators(value: float, spanish: str, english: str) -> None:
    assert format_number(value, "es") == spanish
    assert format_number(value, "en") == english


def test_money_puts_the_currency_first_and_keeps_the_cents() -> None:
    assert format_money(150000, "USD", "es") == "USD 150.000"
    assert format_money(1250.75, "USD", "en") == "USD 1,250.75"
    assert format_money(0.004, None, "es") == "0,004"
    assert format_money(None, "USD", "es") == ""


@pytest.mark.parametrize(("lang", "value", "total"), [("es", "0,004", "USD 0,3"), ("en", "0.004", "USD 0.3")])
def test_the_document_shows_evidence_as_entered_and_sums_costs_exactly(catalogs, field_model, lang, value, total):  # type: ignore[no-untyped-def]
    proposal = load_example("es")
    proposal.problem_matrix.evidence[0].value = 0.004
    proposal.problem_matrix.evidence[1].value = 12.3456
    # 0.1 + 0.2 added as floats is 0.30000000000000004: the summary must say 0,3.
    proposal.instrument_matrix.instruments = [
        Instrument(id="I01", name="Uno", estimated_cost=EstimatedCost(amount=0.1, currency="USD")),
        Instrument(id="I02", name="Dos", estimated_cost=EstimatedCost(amount=0.2, currency="USD")),
    ]
    text = all_text(open_docx(export(proposal, catalogs, field_model, lang=lang)))
    assert value in text
    assert ("12,3456" if lang == "es" else "12.3456") in text
    assert total in text
