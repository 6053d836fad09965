"""The Word export names items by code and fields by label: no internal id or field key reaches the document."""

from __future__ import annotations

import pytest

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from tests.conftest import with_uuid_ids
from tests.export.docx_helpers import export
from tests.faults.docx_text import docx_text
from tests.internal_words import GONE, broken, comments_everywhere, internal_words, leaks, with_dangling_links


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_id_or_key_in_any_text_of_the_document(catalogs: Catalogs, field_model: FieldModel, lang: str) -> None:
    # Items made in the app (UUIDs), findings naming them, links to items that are gone, and a comment on every
    # place the export marks and on the same field of a deleted item ("Sobre: …" says what it was about).
    proposal = with_dangling_links(with_uuid_ids(broken(load_example(lang))))
    comments = comments_everywhere(proposal, catalogs, field_model)
    body, notes = docx_text(export(proposal, catalogs, field_model, comments))
    assert len(notes) == len(comments)
    found = leaks([*body.splitlines(), *notes], internal_words(field_model, catalogs, lang))
    assert not found, "\n".join(found[:20])
    gone = "(elemento eliminado)" if lang == "es" else "(deleted item)"
    assert gone in body  # where the link to GONE was
    assert any(note.startswith("Sobre: " if lang == "es" else "On: ") and gone in note for note in notes)


def test_a_link_to_a_missing_course_code_keeps_the_code(catalogs: Catalogs, field_model: FieldModel) -> None:
    # A code a person chose helps to find what the link meant; a UUID would not.
    proposal = load_example("es")
    proposal.instrument_matrix.instruments[0].responsible_actor_id = "A99"
    proposal.instrument_matrix.instruments[1].responsible_actor_id = GONE
    body, _ = docx_text(export(proposal, catalogs, field_model))
    assert "A99 (no encontrado)" in body
    assert GONE not in body
