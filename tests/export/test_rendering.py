"""The example as LibreOffice prints it, in both languages on Letter and A4: no word cut in two, and a contents
list whose every entry shows the page its heading is on, also in a copy LibreOffice saved again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from export.docx_export import export_docx
from export.labels import Labels
from export.options import ExportOptions, Paper
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.rules import default_rulebook
from tests.export.docx_helpers import headings, open_docx
from tests.export.rendering import docx_words, pdf_pages, resave_docx, split_words, to_pdf, tools_or_fail

_ENTRY = re.compile(r"^(?P<title>.*?)\s*\.{3,}\s*(?P<page>\d+)$")
_PAGE = "|".join(re.escape(Labels(lang)("header.page")) for lang in ("es", "en"))
_OF = "|".join(re.escape(Labels(lang)("header.of")) for lang in ("es", "en"))
_FOOTER = re.compile(rf"^({_PAGE}) \d+ ({_OF}) \d+$")


def _normal(text: str) -> str:
    return " ".join(text.split())


def contents_entries(page: str, title: str) -> tuple[list[tuple[str, int]], str]:
    """Return (heading, page number) for each line under the contents title, and any text there that is no entry.

    An entry may wrap onto two lines; the page's footer ends the list.
    """
    lines = [line.strip() for line in page.splitlines()]
    entries, pending = [], ""
    for line in lines[lines.index(title) + 1 :]:
        if _FOOTER.match(line):
            break
        if not line:
            continue
        found = _ENTRY.match(f"{pending} {line}".strip())
        if found:
            entries.append((_normal(found["title"]), int(found["page"])))
            pending = ""
        else:
            pending = f"{pending} {line}".strip()
    return entries, pending


def check_contents(lang: Lang, docx: Path, pdf: Path) -> None:
    """The printed contents names every heading once, in order, each with the page the heading is printed on."""
    pages = pdf_pages(pdf)
    title = Labels(lang)("toc.title")
    with_title = [page for page in pdf_pages(pdf, layout=True) if title in (line.strip() for line in page.splitlines())]
    assert len(with_title) == 1, f"{len(with_title)} pages have a contents title"
    entries, stray = contents_entries(with_title[0], title)
    assert not stray, f"text in the contents that is no entry: {stray!r}"
    expected = [_normal(text) for _, text in headings(open_docx(docx.read_bytes()))]
    assert [title for title, _ in entries] == expected
    for title, number in entries:
        assert 1 <= number <= len(pages), (title, number)
        assert title in _normal(pages[number - 1]), f"{title!r} is not on page {number}"


def _export(lang: Lang, paper: Paper, folder: Path, catalogs: Catalogs, field_model: FieldModel) -> Path:
    """The example exported as the CLI exports it (pictures included)."""
    proposal = load_example(lang)
    data = export_docx(
        proposal,
        catalogs=catalogs,
        field_model=field_model,
        findings=default_rulebook(catalogs, field_model).check(proposal),
        options=ExportOptions(lang=lang, paper=paper),
    )
    docx = folder / f"example-{lang}-{paper}.docx"
    docx.write_bytes(data)
    return docx


@pytest.fixture(scope="module", params=[("es", "letter"), ("es", "a4"), ("en", "letter"), ("en", "a4")])
def rendered(request, tmp_path_factory, catalogs: Catalogs, field_model: FieldModel):  # type: ignore[no-untyped-def]
    """The example exported as the CLI exports it and printed by LibreOffice."""
    tools_or_fail()
    lang, paper = request.param
    folder = tmp_path_factory.mktemp(f"render-{lang}-{paper}")
    docx = _export(lang, paper, folder, catalogs, field_model)
    return lang, paper, docx, to_pdf(docx, folder)


def test_no_word_is_cut_across_lines(rendered: tuple[Lang, Paper, Path, Path]) -> None:
    _, _, docx, pdf = rendered
    cut = split_words(pdf_pages(pdf), docx_words(docx))
    assert not cut, f"words broken inside themselves: {cut[:20]}"


def test_each_contents_entry_shows_the_page_of_its_heading(rendered: tuple[Lang, Paper, Path, Path]) -> None:
    lang, _, docx, pdf = rendered
    check_contents(lang, docx, pdf)


def test_a_copy_libreoffice_saved_keeps_the_list_and_words_table(tmp_path, catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    tools_or_fail()
    docx = _export("es", "a4", tmp_path, catalogs, field_model)
    copy = resave_docx(docx, tmp_path / "resaved")
    check_contents("es", copy, to_pdf(copy, copy.parent))
    # The list is still inside the field Word empties on updating, and Word's TOC field still follows it: Word
    # updating the copy shows its own table once, never the list and the table, nor nothing.
    instructions = [node.text.split()[0] for node in open_docx(copy.read_bytes()).element.body.iter(qn("w:instrText"))]
    assert instructions[0] == "QUOTE"
    assert instructions.count("QUOTE") == 1
    assert instructions.count("TOC") == 1
    assert set(instructions[1 : instructions.index("TOC")]) == {"PAGEREF"}


def test_the_check_finds_a_word_cut_in_two() -> None:
    words = {"Nacional", "Internacional", "trabajadoras", "de", "la", "training-of-trainers"}
    pages = ["Servicio Naciona\nl de\nla ruta\nInternacional trabajador\nas training-of-\ntrainers"]
    assert split_words(pages, words) == ["Naciona l", "trabajador as"]


def test_the_contents_check_finds_text_that_is_no_entry() -> None:
    page = "Título\nContenido\nResumen ........ 3\nMatriz 1 —\nProblema ..... 4\nNo hay entradas\n\nPágina 2 de 9"
    assert contents_entries(page, "Contenido") == ([("Resumen", 3), ("Matriz 1 — Problema", 4)], "No hay entradas")
