"""Text cleaning: what XML 1.0 forbids goes, tabs and line breaks stay, Word's vertical tab breaks the line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from export.docx_runs import NSDECLS, esc, runs_xml
from export.text import clean_text, shorten


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("", ""),
        (None, ""),
        ('Darién ñandú 🚸 <&">', 'Darién ñandú 🚸 <&">'),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("line\x0bbreak", "line\nbreak"),
        ("nul\x00bell\x07esc\x1b", "nulbellesc"),
        ("form\x0cfeed", "formfeed"),
        ("windows\r\nmac\rend", "windows\nmac\nend"),
        ("bad\ufffeand\uffffend", "badandend"),
        ("lone\ud800surrogate", "lonesurrogate"),
    ],
)
def test_clean_text(raw: str | None, clean: str) -> None:
    assert clean_text(raw) == clean


def test_long_text_is_kept_whole() -> None:
    text = "á" * 200_000
    assert clean_text(text) == text


def test_escaping_for_elements_and_attributes() -> None:
    assert esc('<a href="x">&</a>\x00') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def test_runs_turn_breaks_and_tabs_into_word_elements() -> None:
    xml = runs_xml("a\tb\x0bc\n d ")
    paragraph = etree.fromstring(f"<w:p {NSDECLS}>{xml}</w:p>")
    tags = [etree.QName(node).localname for node in paragraph.iter()]
    assert tags == ["p", "r", "t", "tab", "t", "br", "t", "br", "t"]
    assert paragraph[0][-1].text == " d "  # leading and trailing spaces preserved


@given(st.text())
def test_any_text_makes_well_formed_xml(text: str) -> None:
    paragraph = etree.fromstring(f"<w:p {NSDECLS}>{runs_xml(text)}</w:p>".encode("utf-8", "surrogatepass"))
    assert etree.QName(paragraph).localname == "p"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("short", 10) == "short"
    cut = shorten("Estrategia de prevención del tráfico ilícito de migrantes", 30)
    assert cut.endswith("…")
    assert len(cut) <= 30
    assert cut == "Estrategia de prevención del…"
