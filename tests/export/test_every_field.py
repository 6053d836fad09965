"""Every field the example fills in reaches the Word file, in its matrix's part of the document.

The walk follows the field model (matrices/walk.py), so a field added to the model and to the example is checked
without touching this test: its text, its catalogue label or its item code must be in the matrix's section. The
fields that are deliberately not written are listed in EXCLUDED with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from export.formats import format_date, long_date
from export.labels import Labels
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.instruments import ExAnteAssessment
from matrices.localized import Lang
from matrices.proposal import Proposal
from matrices.walk import FieldValue, field_values, is_filled, nodes
from tests.export.docx_helpers import W_P, W_T, export, headings, open_docx

EXCLUDED: dict[tuple[str, str], str] = {
    ("proposal", "id"): "an internal identifier; the document carries it in its anchor table, not for readers",
    ("proposal", "created_at"): "the cover dates the proposal by its last edit (updated_at)",
}
"""(entity, field key) never written, and why."""
YES_NO: dict[Lang, dict[bool, str]] = {"es": {True: "Sí", False: "No"}, "en": {True: "Yes", False: "No"}}

_W_BR = qn("w:br")
_TITLES = {
    "problem": "problem.title",
    "strategy": "strategy.title",
    "actors": "actors.title",
    "instruments": "instruments.title",
}


def _normal(text: str) -> str:
    """Fold whitespace: a long text's line breaks become paragraphs."""
    return re.sub(r"\s+", " ", text).strip()


def _contains(section: str, text: str) -> bool:
    """Return whether text stands in section as whole words ("Nuevo" is not found in "Nuevos")."""
    return re.search(rf"(?<!\w){re.escape(_normal(text))}(?!\w)", section) is not None


def _sections(document: Document, lang: Lang) -> dict[str, str]:
    """Return the text of each matrix's part (Heading 1 to the next), and of what comes before Matrix 1."""
    labels = Labels(lang)
    titles = {labels(key): matrix for matrix, key in _TITLES.items()}
    parts: dict[str, list[str]] = {"general": []}
    current = "general"
    for paragraph in document.element.body.iter(W_P):
        # A line break inside a cell is a w:br between runs: it separates words like a space.
        text = "".join((node.text or "") if node.tag == W_T else " " for node in paragraph.iter(W_T, _W_BR))
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in ("Heading1", "1") and text in titles:
            current = titles[text]
        elif style is not None and style.get(qn("w:val")) in ("Heading1", "1") and current == "instruments":
            current = "appendix"
        parts.setdefault(current, []).append(text)
    return {matrix: _normal("\n".join(lines)) for matrix, lines in parts.items()}


def _figure(value: float, lang: Lang) -> str:
    """Write a figure the way a reader expects it, independently of export/formats.py: every digit entered."""
    english = f"{Decimal(repr(value)):,f}"
    return english.translate(str.maketrans(",.", ".,")) if lang == "es" else english


def _expected(field: FieldValue, catalogs: Catalogs, lang: Lang) -> Iterator[str]:
    """Yield the texts a reader should find for a field's value: text, catalogue labels, codes, numbers."""
    spec, value = field.spec, field.value
    if isinstance(value, ExAnteAssessment):
        for criterion in ExAnteAssessment.model_fields:
            score = getattr(value, criterion)
            if criterion == "data_type" and score:
                yield catalogs.label("enums.json#evidence_type", score, lang)
            elif score is not None:
                yield f"{score} · {catalogs.label('scales.json#feasibility', str(score), lang)}"
        return
    for item in value if isinstance(value, list) else [value]:
        if spec.catalog and spec.catalog in catalogs:
            yield catalogs.label(spec.catalog, str(item), lang)
        elif isinstance(item, bool):
            yield f"{spec.label(lang)}: {YES_NO[lang][item]}"
        elif isinstance(item, date):
            yield from (format_date(item, Labels(lang)), long_date(item, Labels(lang)))
        elif spec.type == "year":
            yield str(item)
        elif isinstance(item, int | float):
            yield _figure(item, lang)
        else:
            yield str(item)


def _missing(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel, lang: Lang) -> list[str]:
    document = open_docx(export(proposal, catalogs, field_model, lang=lang))
    sections = _sections(document, lang)
    missing = []
    for node in nodes(proposal):
        for field in field_values(node, field_model):
            if not is_filled(field.value, 1) or (node.entity, field.key.removeprefix(node.prefix)) in EXCLUDED:
                continue
            if isinstance(field.value, list) and field.spec.items:
                continue  # a list of items: each is a node of its own
            texts = list(_expected(field, catalogs, lang))
            if field.key.endswith("data_type") and field.value == "illustrative":
                texts = [f"({Labels(lang)('illustrative')})"]  # the mark written after each illustrative figure
            found = [_contains(sections[node.matrix], text) for text in texts]
            # A date is written short or long depending on where it stands: either will do.
            ok = any(found) if isinstance(field.value, date) else all(found)
            if not ok:
                missing.append(f"{node.entity}.{field.key} of {node.item}: {texts}")
    return missing


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_filled_field_of_the_example_is_in_its_matrix_section(catalogs, field_model, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    missing = _missing(load_example(lang), catalogs, field_model, lang)
    assert not missing, "fields never written where a reader looks for them:\n" + "\n".join(missing[:40])


def test_a_field_the_export_drops_is_reported(catalogs, field_model, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The check itself must catch an omission: without the typology cell, nature and character go missing.
    monkeypatch.setattr("export.sections.instruments._typology", lambda context, instrument: "")
    missing = _missing(load_example("es"), catalogs, field_model, "es")
    assert any(line.startswith("instrument.nature of I01") for line in missing)
    assert any(line.startswith("instrument.character of I01") for line in missing)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_indicator_field_is_written_whatever_its_data_type(catalogs, field_model, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    # The example marks every target illustrative: other data types, a figure with a status and a target with
    # both a figure and words must each reach the document too.
    proposal = load_example(lang)
    first, second, third = (
        proposal.strategy_matrix.axes[0].indicators[:2] + proposal.strategy_matrix.axes[1].indicators[:1]
    )
    first.baseline.value, first.baseline.status, first.baseline.data_type = 12.5, "available", "official"
    first.target.data_type, first.target.expression, first.target.value = "estimate", "el doble", 25
    second.baseline.data_type, second.target.data_type = "estimate", "official"
    third.baseline.value, third.baseline.status, third.baseline.data_type = 3, "to_be_collected", "qualitative"
    missing = _missing(proposal, catalogs, field_model, lang)
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("name", ["Reducir el tráfico —", "Eje —  ", "   "])
def test_an_axis_heading_keeps_the_whole_name(catalogs, field_model, name: str) -> None:  # type: ignore[no-untyped-def]
    # The heading once stripped " —" from its end to drop the dash of an unnamed axis, and a name's own dash with it;
    # a name is written as entered, the spaces it ends with included.
    proposal = load_example("es")
    proposal.strategy_matrix.axes[0].name = name
    document = open_docx(export(proposal, catalogs, field_model))
    expected = f"EJ1 — {name}" if name.strip() else "EJ1"
    assert (3, expected) in headings(document)
