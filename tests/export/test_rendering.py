"""The example as LibreOffice prints it, in both languages on Letter and A4: no word cut in two, and a contents
list whose every entry shows the page its heading is on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from export.docx_export import export_docx
from export.options import ExportOptions, Paper
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.rules import default_rulebook
from tests.export.docx_helpers import headings, open_docx
from tests.export.rendering import docx_words, pdf_pages, split_words, to_pdf, tools_or_fail

CONTENTS = {"es": "Contenido", "en": "Contents"}
_ENTRY = re.compile(r"^(?P<title>.*?)\s*\.{3,}\s*(?P<page>\d+)$")


def _normal(text: str) -> str:
    return " ".join(text.split())


def contents_entries(page: str, title: str) -> list[tuple[str, int]]:
    """Return (heading, page number) for each line under the contents title; an entry may wrap onto two lines."""
    lines = [line.strip() for line in page.splitlines()]
    entries, pending = [], ""
    for line in lines[lines.index(title) + 1 :]:
        if not line:
            continue
        found = _ENTRY.match(f"{pending} {line}".strip())
        if found:
            entries.append((_normal(found["title"]), int(found["page"])))
            pending = ""
        else:
            pending = f"{pending} {line}".strip()
    return entries


@pytest.fixture(scope="module", params=[("es", "letter"), ("es", "a4"), ("en", "letter"), ("en", "a4")])
def rendered(request, tmp_path_factory, catalogs: Catalogs, field_model: FieldModel):  # type: ignore[no-untyped-def]
    """The example exported as the CLI exports it (pictures included) and printed by LibreOffice."""
    tools_or_fail()
    lang, paper = request.param
    proposal = load_example(lang)
    data = export_docx(
        proposal,
        catalogs=catalogs,
        field_model=field_model,
        findings=default_rulebook(catalogs, field_model).check(proposal),
        options=ExportOptions(lang=lang, paper=paper),
    )
    folder = tmp_path_factory.mktemp(f"render-{lang}-{paper}")
    docx = folder / f"example-{lang}-{paper}.docx"
    docx.write_bytes(data)
    return lang, paper, docx, to_pdf(docx, folder)


def test_no_word_is_cut_across_lines(rendered: tuple[Lang, Paper, Path, Path]) -> None:
    _, _, docx, pdf = rendered
    cut = split_words(pdf_pages(pdf), docx_words(docx))
    assert not cut, f"words broken inside themselves: {cut[:20]}"


def test_each_contents_entry_shows_the_page_of_its_heading(rendered: tuple[Lang, Paper, Path, Path]) -> None:
    lang, _, docx, pdf = rendered
    pages = pdf_pages(pdf)
    title = CONTENTS[lang]
    contents = next(
        page for page in pdf_pages(pdf, layout=True) if title in (line.strip() for line in page.splitlines())
    )
    entries = contents_entries(contents, title)
    expected = [_normal(text) for _, text in headings(open_docx(docx.read_bytes()))]
    assert [title for title, _ in entries] == expected
    for title, number in entries:
        assert 1 <= number <= len(pages), (title, number)
        assert title in _normal(pages[number - 1]), f"{title!r} is not on page {number}"


def test_the_check_finds_a_word_cut_in_two() -> None:
    words = {"Nacional", "Internacional", "trabajadoras", "de", "la", "training-of-trainers"}
    pages = ["Servicio Naciona\nl de\nla ruta\nInternacional trabajador\nas training-of-\ntrainers"]
    assert split_words(pages, words) == ["Naciona l", "trabajador as"]
