"""Word comments land where they start whatever a writer did to the export's bookmarks, and come back with
their threads, states and dates; the export writes threads as Word reads them."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from export.anchor_table import read_anchor_table
from export.word_comments import read_word_comments
from matrices.base import MAX_TEXT
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Comment
from tests.export import docx_annotate
from tests.export.docx_helpers import export

NOW = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


@pytest.fixture
def proposal(example_es: Proposal) -> Proposal:
    changed = example_es.model_copy(deep=True)
    changed.problem_matrix.context = "Primer párrafo del contexto.\n\nSegundo párrafo del contexto."
    return changed


@pytest.fixture
def exported(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> Document:
    return docx.Document(io.BytesIO(export(proposal, catalogs, field_model)))


def _landings(document: Document, tmp_path: Path, specs: list[dict[str, Any]]) -> dict[str, Any]:
    docx_annotate.annotate(document, specs)
    return _read(document, tmp_path)


def _read(document: Document, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "revisada.docx"
    document.save(str(path))
    return {f.comment.text: f for f in read_word_comments(path, now=NOW).found}


def _where(found: Any) -> tuple[str | None, str | None, str | None]:
    return found.comment.matrix, found.comment.item_id, found.comment.field


def _spec(name: str, where: dict[str, Any], select: Any = "all", **extra: Any) -> dict[str, Any]:
    return {"name": name, "author": "Eva", "text": name, "date": "2026-03-02T10:15:00", "where": where,
            "select": select, **extra}  # fmt: skip


def _rewrite_empty_bookmarks_as_libreoffice(document: Document) -> int:
    """Do what LibreOffice 7.4 does on saving: an empty bookmark becomes a start with no end, then an empty pair."""
    body = document.element.body
    count = 0
    for start in list(body.iter(qn("w:bookmarkStart"))):
        end = start.getnext()
        if end is None or end.tag != qn("w:bookmarkEnd") or end.get(qn("w:id")) != start.get(qn("w:id")):
            continue
        orphan = start.makeelement(
            qn("w:bookmarkStart"), {qn("w:id"): f"9{count:05d}", qn("w:name"): start.get(qn("w:name"))}
        )
        start.addprevious(orphan)
        count += 1
    return count


def test_libreoffice_s_unmatched_starts_and_duplicated_names_send_nothing_elsewhere(
    exported: Document, proposal: Proposal, tmp_path: Path
) -> None:
    assert _rewrite_empty_bookmarks_as_libreoffice(exported) > 10
    cause = proposal.problem_matrix.causes[1]
    evidence = proposal.problem_matrix.evidence[3]
    found = _landings(
        exported,
        tmp_path,
        [
            _spec("vacía", {"table": "Código", "row": cause.description, "cell": 5}),  # the empty evidence cell
            _spec("código de evidencia", {"table": "Código", "row": evidence.description, "cell": 0}),
            _spec("código de causa", {"table": "Código", "row": cause.description, "cell": 0}),
            _spec("encabezado", {"table": "Código", "row": "Gobernabilidad", "cell": 0}),
        ],
    )
    assert _where(found["vacía"]) == ("problem", cause.id, "evidence_ids")
    assert _where(found["código de evidencia"]) == ("problem", evidence.id, None)
    assert _where(found["código de causa"]) == ("problem", cause.id, None)
    assert _where(found["encabezado"]) == ("problem", None, "causes")


def _paragraph(document: Document, text: str, style: str = "") -> Paragraph:
    return docx_annotate.paragraph(document, {"paragraph": text, "style": style})


def test_a_bookmark_saved_at_the_end_of_the_paragraph_before_still_opens_its_own(
    exported: Document, tmp_path: Path
) -> None:
    second = _paragraph(exported, "Segundo párrafo del contexto.")
    heading = _paragraph(exported, "Efectos", "Heading")  # a heading with a bookmark of its own, after a table
    population = _paragraph(exported, "Población afectada", "Heading")
    own = next(b for b in heading._p.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")).startswith("_PM"))
    # Word moves a bookmark that opens a paragraph to the end of the one before when it edits around it.
    previous = Paragraph(heading._p.getprevious(), heading._parent)
    previous._p.append(own)
    found = _landings(
        exported,
        tmp_path,
        [
            _spec("efectos", {"paragraph": "Efectos", "style": "Heading"}),
            _spec("segundo", {"paragraph": second.text}, "point"),
            _spec("población", {"paragraph": population.text, "style": "Heading"}),
        ],
    )
    assert _where(found["efectos"]) == ("problem", None, "effects")
    assert _where(found["segundo"]) == ("problem", None, "context")  # inside the two-paragraph text's range
    assert _where(found["población"]) == ("problem", None, None)  # a heading without a field: its matrix


def test_a_comment_starting_between_paragraphs_belongs_to_the_next(exported: Document, tmp_path: Path) -> None:
    docx_annotate.annotate(exported, [_spec("entre", {"paragraph": "Segundo párrafo del contexto."})])
    body = exported.element.body
    start = next(body.iter(qn("w:commentRangeStart")))
    paragraph = start.getparent()
    paragraph.addprevious(start)  # now a child of the body, before the paragraph
    assert _where(_read(exported, tmp_path)["entre"]) == ("problem", None, "context")


def _drop_our_bookmarks(document: Document) -> None:
    body = document.element.body
    ids = set()
    for start in list(body.iter(qn("w:bookmarkStart"))):
        if start.get(qn("w:name"), "").startswith("_PM"):
            ids.add(start.get(qn("w:id")))
            start.getparent().remove(start)
    for end in list(body.iter(qn("w:bookmarkEnd"))):
        if end.get(qn("w:id")) in ids:
            end.getparent().remove(end)


def test_without_bookmarks_a_row_is_found_by_its_place_and_a_changed_row_is_not_guessed(
    exported: Document, proposal: Proposal, tmp_path: Path
) -> None:
    cause, other = proposal.problem_matrix.causes[1], proposal.problem_matrix.causes[2]
    docx_annotate.annotate(
        exported,
        [
            _spec("nivel", {"table": "Código", "row": cause.description, "cell": 2}),
            _spec("cambiada", {"table": "Código", "row": other.description, "cell": 1}),
            _spec("título", {"paragraph": "Contexto y antecedentes", "style": "Heading"}),
        ],
    )
    _drop_our_bookmarks(exported)
    changed = docx_annotate.cell(exported, {"table": "Código", "row": other.description, "cell": 1})
    changed.paragraphs[0].runs[-1].text += " (corregido a mano)"
    found = _read(exported, tmp_path)
    assert _where(found["nivel"]) == ("problem", cause.id, "level")
    assert (found["cambiada"].placed, found["cambiada"].reason) == (False, "changed")
    assert (found["título"].placed, found["título"].reason) == (False, "no-bookmarks")
    assert _where(found["cambiada"]) == (None, None, None)  # listed, and on the whole proposal: never a guess


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (None, "no-date"),
        ("0-00-00T00:00:00Z", "no-date"),  # LibreOffice's date of a comment it has none for
        ("1601-01-01T00:00:00Z", "bad-date"),
        ("9999-12-31T23:59:59Z", "bad-date"),
        ("2026-13-40T25:00:00Z", "bad-date"),
        ("ayer", "bad-date"),
    ],
)
def test_a_missing_or_impossible_date_is_the_import_time_and_said_so(
    exported: Document, tmp_path: Path, written: str | None, problem: str
) -> None:
    docx_annotate.annotate(exported, [_spec("fecha", {"paragraph": "Resumen", "style": "Heading"}, date=None)])
    (element,) = [c._comment_elm for c in exported.comments if c.text == "fecha"]
    if written is not None:
        element.set(qn("w:date"), written)
    found = _read(exported, tmp_path)["fecha"]
    assert found.comment.created_at == NOW
    assert found.notes == ((problem, written or ""),)


def test_a_date_is_kept_in_utc_and_a_missing_author_is_said(exported: Document, tmp_path: Path) -> None:
    spec = _spec("hora", {"paragraph": "Resumen", "style": "Heading"}, author="")
    docx_annotate.annotate(exported, [spec])
    (element,) = [c._comment_elm for c in exported.comments if c.text == "hora"]
    element.set(qn("w:date"), "2026-03-02T10:15:00-05:00")
    found = _read(exported, tmp_path)["hora"]
    assert found.comment.created_at == datetime(2026, 3, 2, 15, 15, tzinfo=UTC)
    assert found.comment.author == ""
    assert found.notes == (("no-author", ""),)


def test_a_comment_longer_than_the_model_holds_is_left_out_and_listed(exported: Document, tmp_path: Path) -> None:
    docx_annotate.annotate(exported, [_spec("x" * (MAX_TEXT + 1), {"paragraph": "Resumen", "style": "Heading"})])
    path = tmp_path / "larga.docx"
    exported.save(str(path))
    result = read_word_comments(path, now=NOW)
    assert result.found == []
    (left,) = result.left_out
    assert (left.author, left.reason, left.excerpt) == ("Eva", "too-long", "x" * 80)


def test_the_export_writes_threads_and_resolved_state_as_word_reads_them(
    proposal: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    root = Comment(id="k1", matrix="problem", item_id="C1.1", field="description", author="Ana", text="Raíz",
                   status="resolved", created_at=datetime(2026, 2, 1, 9, 0, tzinfo=UTC))  # fmt: skip
    reply = Comment(id="k2", matrix="problem", item_id="C1.1", field="description", parent_id="k1", author="Luis",
                    text="Respuesta", created_at=datetime(2026, 2, 1, 9, 5, tzinfo=UTC))  # fmt: skip
    other = Comment(id="k3", matrix="actors", item_id="A01", author="Ana", text="Abierto",
                    created_at=datetime(2026, 2, 1, 9, 10, tzinfo=UTC))  # fmt: skip
    data = export(proposal, catalogs, field_model, [root, reply, other])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        assert {"word/commentsExtended.xml", "word/commentsIds.xml"} <= names
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "commentsExtended+xml" in types
    assert "commentsIds+xml" in types
    assert "2011/relationships/commentsExtended" in rels
    assert "2016/09/relationships/commentsIds" in rels
    document = docx.Document(io.BytesIO(data))
    para = {c.text: c._comment_elm.findall(qn("w:p"))[-1].get(f"{{{W14}}}paraId") for c in document.comments}
    extended = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/commentsExtended"))
    entries = {e.get(f"{{{W15}}}paraId"): e for e in docx.oxml.parse_xml(extended.blob)}
    assert entries[para["Respuesta"]].get(f"{{{W15}}}paraIdParent") == para["Raíz"]
    assert entries[para["Raíz"]].get(f"{{{W15}}}paraIdParent") is None
    assert [entries[para[t]].get(f"{{{W15}}}done") for t in ("Raíz", "Respuesta", "Abierto")] == ["1", "1", "0"]
    assert len(set(para.values())) == 3
    assert all(int(value, 16) < 0x80000000 for value in para.values())
    table = read_anchor_table(document)
    assert table is not None
    assert [(c.comment_id, c.text) for c in table.exported] == [("k1", "Raíz"), ("k2", "Respuesta"), ("k3", "Abierto")]


def test_each_field_shown_in_a_cell_of_several_has_its_own_landing(
    exported: Document, proposal: Proposal, tmp_path: Path
) -> None:
    actor = proposal.actor_matrix.actors[0]
    relation = actor.relations[1]
    axis = proposal.strategy_matrix.axes[0]
    alignment = {"table": "Causas que aborda", "row": "ODS ·", "cell": 1}
    sdg_line = next(line for line in docx_annotate.cell(exported, alignment).text.split("\n") if "ODS" in line)
    instrument = proposal.instrument_matrix.instruments[1]
    typology = docx_annotate.cell(exported, {"table": "Instrumento", "row": instrument.name, "cell": 2}).text
    found = _landings(
        exported,
        tmp_path,
        [
            _spec("nota", {"table": "Actor", "row": relation.note, "cell": 3}, {"sub": relation.note}),
            _spec("ods", alignment, {"sub": sdg_line}),
            _spec(
                "tipo", {"table": "Instrumento", "row": instrument.name, "cell": 2}, {"sub": typology.split("\n")[2]}
            ),
            _spec("celda", {"table": "Instrumento", "row": instrument.name, "cell": 2}),
        ],
    )
    assert _where(found["nota"]) == ("actors", actor.id, "relations.note")
    assert _where(found["ods"]) == ("strategy", axis.id, "alignment.sdg_targets")
    assert _where(found["tipo"]) == ("instruments", instrument.id, "instrument_type")
    assert _where(found["celda"]) == ("instruments", instrument.id, "nato")  # from its first line
