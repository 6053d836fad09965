"""A docx2python round trip: what a participant types comes back from Word's XML, cleaned but intact."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from docx2python import docx2python

from matrices.actors import Actor
from matrices.examples import load_example
from matrices.instruments import Instrument
from matrices.problem import Cause
from matrices.review import Comment
from tests.export.docx_helpers import export

TRICKY = "Ñandú «Darién» — niñas y niños 🚸🌎 <&\"> 'x' ≥ 4 · 16.742"


def _read(data: bytes) -> tuple[str, list[str]]:
    with docx2python(io.BytesIO(data)) as document:
        comments = [comment[3] for comment in document.comments]
        return document.text, comments


@pytest.fixture(scope="module")
def roundtrip(catalogs, field_model) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    proposal = load_example("es")
    proposal.title = f"Título {TRICKY}"
    proposal.problem_matrix.central_problem = f"Problema {TRICKY}"
    proposal.problem_matrix.causes.append(
        Cause(id="CX", level="direct", description="Salto\x0bde línea, nulo\x00 y campana\x07 fuera")
    )
    proposal.actor_matrix.actors.append(Actor(id="AX", name=f"Actor {TRICKY}", interest_description="a\tb"))
    proposal.instrument_matrix.instruments.append(Instrument(id="IX", name="Instrumento\ufffe raro", mechanism="m"))
    comment = Comment(
        id="K1",
        matrix="actors",
        item_id="AX",
        author="Revisora <&>",
        created_at=datetime(2026, 6, 1, tzinfo=UTC),
        text=f"Comentario {TRICKY}\x0bsegunda línea\x00",
    )
    return _read(export(proposal, catalogs, field_model, comments=[comment]))


def test_accents_emoji_and_markup_characters_survive(roundtrip) -> None:
    text, _ = roundtrip
    assert f"Título {TRICKY}" in text
    assert f"Problema {TRICKY}" in text
    assert f"AX Actor {TRICKY}" in text


def test_control_characters_are_cleaned(roundtrip) -> None:
    text, _ = roundtrip
    assert "Salto\nde línea, nulo y campana fuera" in text  # \x0b became a line break; \x00 and \x07 are gone
    assert "Instrumento raro" in text
    assert "\x00" not in text
    assert "\x07" not in text
    assert "a\tb" in text


def test_comment_text_survives(roundtrip) -> None:
    _, comments = roundtrip
    assert any(f"Comentario {TRICKY}" in comment for comment in comments)
    assert not any("\x00" in comment for comment in comments)
