"""The Word export read back with python-docx: content, form, language, comments, template, robustness."""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Inches

from export.docx_export import DocxExport, Progress, export_docx
from export.options import ExportOptions
from matrices.actors import Actor
from matrices.examples import load_example
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.review import Comment
from tests.conftest import with_uuid_ids
from tests.export.docx_helpers import (
    all_text,
    blocks,
    comment_anchors,
    export,
    fields,
    header_rows,
    headings,
    open_docx,
    outline_texts,
    section_of,
)

MATRIX_HEADINGS = {
    "es": ["Matriz 1 — Problema", "Matriz 2 — Ejes estratégicos", "Matriz 3 — Actores", "Matriz 4 — Instrumentos"],
    "en": ["Matrix 1 — Problem", "Matrix 2 — Strategic axes", "Matrix 3 — Actors", "Matrix 4 — Instruments"],
}


@pytest.fixture(scope="module")
def example_docx(catalogs, field_model):  # type: ignore[no-untyped-def]
    return open_docx(export(load_example("es"), catalogs, field_model))


# -- content ------------------------------------------------------------------------------------------------


def test_every_cause_actor_and_instrument_is_in_the_document(example_docx) -> None:
    proposal = load_example("es")
    text = all_text(example_docx)
    items = [
        *(cause.description for cause in proposal.problem_matrix.causes),
        *(effect.description for effect in proposal.problem_matrix.effects),
        *(actor.name for actor in proposal.actor_matrix.actors),
        *(actor.strategy_detail for actor in proposal.actor_matrix.actors if actor.strategy_detail),
        *(instrument.name for instrument in proposal.instrument_matrix.instruments),
        *(instrument.mechanism for instrument in proposal.instrument_matrix.instruments),
        *(axis.name for axis in proposal.strategy_matrix.axes),
        *(indicator.name for axis in proposal.strategy_matrix.axes for indicator in axis.indicators),
        proposal.problem_matrix.central_problem,
        proposal.strategy_matrix.general_objective,
    ]
    missing = [item for item in items if item not in text]
    assert not missing


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_four_matrix_headings_in_the_export_language(catalogs, field_model, lang: str) -> None:
    document = open_docx(export(load_example("es"), catalogs, field_model, lang=lang))
    level_one = [text for level, text in headings(document) if level == 1]
    for heading in MATRIX_HEADINGS[lang]:
        assert heading in level_one
    other = "en" if lang == "es" else "es"
    assert not set(MATRIX_HEADINGS[other]) & set(level_one)


def test_export_language_is_independent_of_the_content_language(catalogs, field_model) -> None:
    document = open_docx(export(load_example("es"), catalogs, field_model, lang="en"))
    text = all_text(document)
    assert "Matrix 1 — Problem" in text
    assert load_example("es").problem_matrix.central_problem in text  # the content stays as written
    assert "National government" in text  # catalogue labels follow the export language
    assert "16,742" in text  # and so do number formats


def test_table_count(example_docx) -> None:
    proposal = load_example("es")
    strategy = proposal.strategy_matrix
    expected = (
        1  # cover
        + 1  # summary
        + 1  # general data
        + 3  # evidence, causes, effects
        + 1  # ends
        + 1  # general-objective indicators
        + 2 * len(strategy.axes)  # each axis: attributes and indicators
        + 1  # excluded causes
        + 1  # coverage
        + 2  # actors, their perceived problems, relations and assessment basis
        + 4  # instruments, their legal basis, resources and risks, ex-ante assessment, traceability
    )
    assert len(example_docx.tables) == expected


def test_catalogue_values_show_labels_not_ids(example_docx) -> None:
    text = all_text(example_docx)
    assert "Gobierno nacional (ministerios, servicios y entidades del Órgano Ejecutivo)" in text
    assert "Información y datos" in text  # cause category
    for raw_id in ("gov_national", "information_data", "to_be_collected", "manage_closely", "gcm_03", "mgi_6"):
        assert raw_id not in text


def test_items_are_referenced_by_code_and_name(example_docx) -> None:
    text = all_text(example_docx)
    assert "A01 Servicio Nacional de Migración (SNM)" in text  # axis lead, instrument responsible
    assert "C1.1 Las redes de tráfico difunden mensajes engañosos" in text  # axis causes, traceability
    assert "IND1.1 Porcentaje de personas migrantes encuestadas" in text  # instrument indicators


def test_number_formats_and_illustrative_marks_in_spanish(example_docx) -> None:
    text = all_text(example_docx)
    assert "16.742" in text
    assert "USD 150.000 (ilustrativo)" in text
    assert "(illustrative)" not in text


def test_causes_carry_hierarchical_codes_in_tree_order(example_docx) -> None:
    causes_table = next(t for t in example_docx.tables if t.rows[0].cells[1].text == "Causa")
    codes = [row.cells[0].text for row in causes_table.rows[1:]]
    assert codes[:4] == ["C1", "C1.1", "C1.2", "C2"]
    assert len(codes) == len(load_example("es").problem_matrix.causes)


def test_a_finished_proposal_has_no_draft_mark_and_no_appendix(example_docx) -> None:
    text = all_text(example_docx)
    assert "BORRADOR" not in text
    assert "Anexo — Observaciones pendientes" not in text


def test_a_draft_with_errors_is_marked_and_lists_its_findings(catalogs, field_model) -> None:
    proposal = load_example("es")
    proposal.problem_matrix.central_problem = ""
    document = open_docx(export(proposal, catalogs, field_model))
    text = all_text(document)
    assert "BORRADOR" in text
    assert (1, "Anexo — Observaciones pendientes") in headings(document)
    assert "Debe existir un único problema central." in text
    # The appendix is back in portrait, after the landscape matrices.
    assert document.sections[-1].orientation == WD_ORIENT.PORTRAIT
    assert section_of(document, "Anexo — Observaciones pendientes") == 2


def test_the_findings_appendix_names_items_made_in_the_app_by_code(catalogs, field_model) -> None:
    proposal = with_uuid_ids(load_example("es"))
    proposal.problem_matrix.evidence[0].source = ""
    proposal.actor_matrix.actors[1].mandate = ""
    document = open_docx(export(proposal, catalogs, field_model))
    start = all_text(document).index("Anexo — Observaciones pendientes")
    appendix = all_text(document)[start:]
    assert not re.search(r"[0-9a-f]{32}", appendix)
    table = document.tables[-1]
    places = {row.cells[2].text for row in table.rows[1:]}
    assert {"D1 · Fuente", "A02 · Mandato o competencia", "IND1.1 · Línea de base"} <= places


# -- form ---------------------------------------------------------------------------------------------------


def test_headings_use_word_styles_and_every_contents_entry_points_at_its_page_by_a_field(example_docx) -> None:
    assert (1, "Matriz 3 — Actores") in headings(example_docx)
    assert any(level == 3 and text.startswith("EJ1 — ") for level, text in headings(example_docx))
    instructions = [node.text.split() for node in example_docx.element.body.iter(qn("w:instrText"))]
    bookmarks = [mark.get(qn("w:name")) for mark in example_docx.element.body.iter(qn("w:bookmarkStart"))]
    headed = [name for name in bookmarks if name.startswith("_Toc")]
    # One PAGEREF per heading, to the heading's own bookmark: LibreOffice and Word both compute the page.
    assert [words[1] for words in instructions if words[0] == "PAGEREF"] == headed
    assert len(headed) == len(headings(example_docx))
    update = example_docx.settings.element.find(qn("w:updateFields"))
    assert update is not None
    assert update.get(qn("w:val")) == "true"


def test_the_contents_is_a_written_list_that_word_replaces_by_its_own_table(example_docx) -> None:
    found = fields(example_docx.element.body)
    titles = [text for _, text in headings(example_docx)]
    top = [field for field in found if field.parent is None and field.instruction.split()[0] in ("QUOTE", "TOC")]
    assert [field.instruction.split()[0] for field in top] == ["QUOTE", "TOC"]
    written, table = top
    # The list, one paragraph per heading, is what a QUOTE of empty text stored: Word shows it until it updates
    # the field to nothing, and every page number in it is a PAGEREF inside it.
    assert written.instruction == 'QUOTE ""'
    assert written.lines == titles
    pagerefs = [field for field in found if field.instruction.startswith("PAGEREF")]
    assert len(pagerefs) == len(titles)
    assert all(field.parent == found.index(written) for field in pagerefs)
    # Word's own table starts empty (one empty paragraph, which LibreOffice keeps and prints as nothing) and
    # collects the paragraphs at outline levels 1-3: exactly the headings the written list names.
    assert table.instruction.split()[1:3] == ["\\o", '"1-3"']
    assert table.lines == ["", ""]
    assert outline_texts(example_docx, 3) == titles
    assert all(field.dirty for field in [written, table, *pagerefs])


@pytest.mark.parametrize(
    ("runs", "message"),
    [
        ("begin|separate", "never ended"),
        ("begin|separate|separate|end", "second separate"),
        ("begin|end|end", "no field open"),
        ("begin|separate|begin|end", "never ended"),
    ],
)
def test_the_field_reader_rejects_unbalanced_fields(runs: str, message: str) -> None:
    chars = "".join(f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>' for kind in runs.split("|"))
    body = parse_xml(f"<w:body {nsdecls('w')}><w:p>{chars}</w:p></w:body>")
    with pytest.raises(AssertionError, match=message):
        fields(body)


def test_header_rows_repeat_and_no_cell_is_merged(example_docx) -> None:
    rows = header_rows(example_docx)
    actors = ["Actor", "Tipo", "Nivel", "Papel", "Mandato", "Interés", "Influencia", "Posición", "Estrategia", "Ejes"]
    assert actors in rows
    # Only the key/value tables (cover, general data, each axis) have no header row.
    axes = len(load_example("es").strategy_matrix.axes)
    assert len(rows) == len(example_docx.tables) - 2 - axes
    body = example_docx.element.body
    assert not list(body.iter(qn("w:gridSpan")))
    assert not list(body.iter(qn("w:vMerge")))


def test_actors_and_instruments_are_in_a_landscape_section(example_docx) -> None:
    sections = example_docx.sections
    assert len(sections) == 2
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    assert sections[1].orientation == WD_ORIENT.LANDSCAPE
    assert sections[1].page_width > sections[1].page_height
    assert section_of(example_docx, "Matriz 2 — Ejes estratégicos") == 0
    assert section_of(example_docx, "Matriz 3 — Actores") == 1
    assert section_of(example_docx, "Matriz 4 — Instrumentos") == 1


def test_letter_paper_by_default(example_docx) -> None:
    for section in example_docx.sections:
        assert {section.page_width, section.page_height} == {Inches(8.5), Inches(11)}


def test_a4_paper_with_the_option(catalogs, field_model) -> None:
    document = open_docx(export(load_example("es"), catalogs, field_model, paper="a4"))
    for section in document.sections:
        size = {round(section.page_width.cm, 1), round(section.page_height.cm, 1)}
        assert size == {21.0, 29.7}
    assert abs(document.sections[0].page_width - Cm(21)) < Cm(0.01)


def test_header_has_the_title_and_footer_counts_pages(example_docx) -> None:
    first = example_docx.sections[0]
    assert "Estrategia de prevención del tráfico ilícito" in first.header.paragraphs[0].text
    assert first.different_first_page_header_footer  # the cover has no running header
    footer = first.footer._element
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Página" in "".join(t.text for t in footer.iter(qn("w:t")))
    # Later sections inherit the header and footer and show them on their first page too.
    assert example_docx.sections[1].header.is_linked_to_previous
    assert not example_docx.sections[1].different_first_page_header_footer


def test_core_properties(example_docx) -> None:
    proposal = load_example("es")
    props = example_docx.core_properties
    assert props.title == proposal.title
    assert props.author == "Grupo de trabajo 3 (demo)"
    assert props.subject == "Tráfico ilícito de migrantes"
    assert props.language.startswith("es")
    assert props.created.date() == proposal.created_at


def test_english_footer_and_language_property(catalogs, field_model) -> None:
    document = open_docx(export(load_example("en"), catalogs, field_model))
    footer = document.sections[0].footer._element
    assert "Page" in "".join(t.text for t in footer.iter(qn("w:t")))
    assert document.core_properties.language.startswith("en")


# -- comments -----------------------------------------------------------------------------------------------


def _comment(number: int, matrix: str | None, item: str | None, field: str | None, **extra: object) -> Comment:
    values: dict[str, object] = {
        "id": f"K{number}",
        "matrix": matrix,
        "item_id": item,
        "field": field,
        "author": "Ana Facilitadora",
        "created_at": datetime(2026, 6, 1, 10, number, tzinfo=UTC),
        "text": f"Comentario {number}",
    }
    return Comment.model_validate(values | extra)


def test_comments_are_anchored_on_the_text_of_their_item(catalogs, field_model) -> None:
    proposal = load_example("es")
    comments = [
        _comment(1, "problem", "C1.1", "description"),
        _comment(2, "actors", "A03", None),
        _comment(3, "instruments", "I05", "mechanism"),
        _comment(4, "problem", None, "central_problem"),
        _comment(5, "general", None, "policy_area"),
        _comment(6, "actors", "deleted-actor", "name"),
        _comment(7, "actors", "A03", None, parent_id="K2", author="Participante", text="Corregido."),
        _comment(8, "strategy", "IND2.1", "target"),
    ]
    document = open_docx(export(proposal, catalogs, field_model, comments=comments))
    word_comments = {c.comment_id: c for c in document.comments}
    anchors = comment_anchors(document)
    by_text = {c.text.split("\n")[0]: anchors[c.comment_id] for c in word_comments.values()}
    assert len(word_comments) == 8  # the reply is a Word comment of its own, in its thread
    assert by_text["Comentario 1"] == proposal.problem_matrix.causes[1].description
    assert by_text["Comentario 2"] == "A03 Ministerio Público (fiscalías especializadas) (MP)"
    assert by_text["Comentario 3"] == proposal.instrument_matrix.instruments[4].mechanism
    assert by_text["Comentario 4"] == proposal.problem_matrix.central_problem
    assert by_text["Comentario 5"] == "Tráfico ilícito de migrantes"
    assert by_text["Comentario 8"].startswith("50 % más que la línea de base")
    unanchored = next(c for c in word_comments.values() if "Comentario 6" in c.text)
    assert anchors[unanchored.comment_id] == proposal.title  # no item left: on the title
    assert unanchored.text == "Sobre: Actores · (elemento eliminado) · Nombre — Comentario 6"
    thread = next(c for c in word_comments.values() if c.text.startswith("Comentario 2"))
    reply = next(c for c in word_comments.values() if c.text == "Corregido.")
    assert reply.author == "Participante"
    assert anchors[reply.comment_id] == anchors[thread.comment_id]  # a reply marks its thread's text, as in Word
    assert thread.author == "Ana Facilitadora"
    assert thread.initials == "AF"
    assert thread.timestamp == datetime(2026, 6, 1, 10, 2, tzinfo=UTC)


def test_comments_on_a_matrix_an_empty_field_or_the_proposal(catalogs, field_model) -> None:
    proposal = load_example("es")
    proposal.strategy_matrix.general_objective = ""
    comments = [
        _comment(1, "actors", None, None),
        _comment(2, "strategy", None, "general_objective"),
        _comment(3, None, None, None),
        _comment(4, "problem", None, "causes"),
    ]
    document = open_docx(export(proposal, catalogs, field_model, comments=comments))
    anchors = comment_anchors(document)
    by_text = {c.text: anchors[c.comment_id] for c in document.comments}
    assert by_text["Comentario 1"] == "Matriz 3 — Actores"
    assert by_text["Comentario 2"] == "Objetivo general"
    assert by_text["Comentario 3"] == proposal.title
    assert by_text["Comentario 4"] == "Causas"


def test_comments_are_left_out_unless_asked_for(catalogs, field_model) -> None:
    comments = [_comment(1, "problem", "C1.1", "description")]
    document = open_docx(export(load_example("es"), catalogs, field_model, comments=comments, include_comments=False))
    assert len(document.comments) == 0
    assert not list(document.element.body.iter(qn("w:commentRangeStart")))


# -- pictures -----------------------------------------------------------------------------------------------


def test_pictures_of_the_tree_and_the_grid(qapp, catalogs, field_model) -> None:
    document = open_docx(export(load_example("es"), catalogs, field_model, include_pictures=True))
    assert len(document.inline_shapes) == 2
    text = all_text(document)
    assert "Figura 1. Árbol de problemas" in text
    assert "Figura 2. Actores según su interés" in text
    for shape in document.inline_shapes:
        assert shape.width <= Cm(16.01)


def test_without_actors_a_note_replaces_the_grid(qapp, catalogs, field_model) -> None:
    proposal = load_example("es")
    proposal.actor_matrix.actors = []
    document = open_docx(export(proposal, catalogs, field_model, include_pictures=True))
    assert len(document.inline_shapes) == 1  # the problem tree only
    assert "No hay actores registrados" in all_text(document)


# -- template -----------------------------------------------------------------------------------------------


def test_a_template_keeps_its_styles_and_header_and_is_not_modified(tmp_path, catalogs, field_model) -> None:
    template = docx.Document()
    template.styles.add_style("Institucional", 1).font.bold = True
    template.sections[0].header.paragraphs[0].text = "Ministerio de Prueba — Membrete"
    template.add_paragraph("Texto de ejemplo de la plantilla", style="Institucional")
    path = tmp_path / "plantilla.docx"
    template.save(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    document = open_docx(export(load_example("es"), catalogs, field_model, template=path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert "Institucional" in [style.name for style in document.styles]
    assert document.sections[0].header.paragraphs[0].text == "Ministerio de Prueba — Membrete"
    text = all_text(document)
    assert "Texto de ejemplo de la plantilla" not in text
    assert "Matriz 1 — Problema" in text
    assert document.sections[1].orientation == WD_ORIENT.LANDSCAPE


def test_a_template_without_the_styles_gets_them(tmp_path, catalogs, field_model) -> None:
    template = docx.Document()
    styles = template.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in ("heading 1", "heading 2", "heading 3", "Table Grid", "List Bullet", "Title"):
            styles.remove(style)
    path = tmp_path / "minimal.docx"
    template.save(path)
    document = open_docx(export(load_example("es"), catalogs, field_model, template=path))
    assert (1, "Matriz 1 — Problema") in headings(document)
    assert document.tables[0].style.name == "Table Grid"
    assert "•\u00a0" in all_text(document)  # List Bullet without numbering: the bullet is drawn


def test_a_word_template_dotx_is_accepted(tmp_path, catalogs, field_model) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Membrete institucional"
    source = tmp_path / "source.docx"
    template.save(source)
    dotx = tmp_path / "plantilla.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    before = dotx.read_bytes()
    document = open_docx(export(load_example("es"), catalogs, field_model, template=dotx))
    assert document.sections[0].header.paragraphs[0].text == "Membrete institucional"
    assert dotx.read_bytes() == before


# -- robustness ---------------------------------------------------------------------------------------------


def test_a_failing_picture_leaves_a_note(monkeypatch, catalogs, field_model) -> None:
    import export.diagrams.problem_tree as problem_tree

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("no fonts")

    monkeypatch.setattr(problem_tree, "problem_tree_png", broken)
    monkeypatch.setattr("export.diagrams.ensure_gui_application", lambda: None)
    document = open_docx(export(load_example("es"), catalogs, field_model, include_pictures=True))
    assert "No se pudo generar la figura." in all_text(document)


def test_an_empty_proposal_exports_with_not_filled_notes(qapp, catalogs, field_model) -> None:
    document = open_docx(export(Proposal(), catalogs, field_model, include_pictures=True))
    level_one = [text for level, text in headings(document) if level == 1]
    for heading in MATRIX_HEADINGS["es"]:
        assert heading in level_one
    text = all_text(document)
    assert text.count("Aún no completada.") >= 4
    assert "Propuesta sin título" in text
    assert "BORRADOR" in text
    assert len(document.inline_shapes) == 0


def test_very_long_texts_export(catalogs, field_model) -> None:
    proposal = load_example("es")
    long_text = ("Una causa muy larga con acentos y ñ. " * 2800)[:100_000]
    proposal.problem_matrix.causes[0].description = long_text
    proposal.problem_matrix.context = long_text
    document = open_docx(export(proposal, catalogs, field_model))
    assert all_text(document).count(long_text.strip()) >= 1


def test_items_without_course_codes_get_positional_codes(catalogs, field_model) -> None:
    proposal = load_example("es")
    proposal.actor_matrix.actors.append(Actor(name="Actor nuevo sin código", type="academia"))
    proposal.problem_matrix.causes.append(Cause(description="Causa nueva", level="direct"))
    document = open_docx(export(proposal, catalogs, field_model))
    assert "A23 Actor nuevo sin código" in all_text(document)
    causes_table = next(t for t in document.tables if t.rows[0].cells[1].text == "Causa")
    last = causes_table.rows[-1].cells
    assert (last[0].text, last[1].text) == ("C6", "Causa nueva")


def test_progress_is_reported_step_by_step(catalogs, field_model) -> None:
    steps: list[Progress] = []
    data = export_docx(
        load_example("es"),
        catalogs=catalogs,
        field_model=field_model,
        findings=[],
        options=ExportOptions(include_pictures=False),
        progress=steps.append,
    )
    assert data.startswith(b"PK")
    assert [step.done for step in steps] == list(range(1, steps[0].total + 1))
    build = DocxExport(load_example("es"), catalogs=catalogs, field_model=field_model, findings=[])
    assert build.result().startswith(b"PK")


def test_blocks_walk_sections(example_docx) -> None:
    # The helper the section tests rely on: the body ends in the landscape section.
    assert blocks(example_docx)[-1].section == 1
