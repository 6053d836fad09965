"""The styles the export uses, resolved once per document, with a fallback when a template lacks one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement

# The table style of every table; python-docx's default template defines it and Word ships it as built-in.
TABLE_STYLE = "Table Grid"
TABLE_TEXT_STYLE = "Table Text"
HEADER_FILL = "DCE6F2"
"""Shading of table header rows (a light tint of Word's default accent blue)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Paragraph styles Word defines but a template may not carry until they are used once.
_FALLBACK_XML = {
    TABLE_TEXT_STYLE: (
        f'<w:style xmlns:w="{_W}" w:type="paragraph" w:customStyle="1" w:styleId="TableText">'
        '<w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>'
    ),
    "toc 1": (
        f'<w:style xmlns:w="{_W}" w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    ),
    "toc 2": (
        f'<w:style xmlns:w="{_W}" w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="40"/><w:ind w:left="220"/></w:pPr></w:style>'
    ),
    "toc 3": (
        f'<w:style xmlns:w="{_W}" w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="40"/><w:ind w:left="440"/></w:pPr></w:style>'
    ),
}


@dataclass(frozen=True)
class StyleIds:
    """The style ids (not names) the body XML refers to, resolved for one document."""

    title: str
    subtitle: str
    heading: tuple[str, str, str]
    list_bullet: str
    caption: str
    toc_heading: str
    toc: tuple[str, str, str]
    table_text: str
    table: str
    header: str
    footer: str
    bullets_are_numbered: bool
    """False when List Bullet had to be added without a numbering definition: the writer draws the bullet."""


@lru_cache(maxsize=1)
def _default_styles() -> dict[str, str]:
    """Return python-docx's default template styles by name, serialized (read once per process)."""
    styles = docx.Document().styles.element
    found: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            found[name.get(qn("w:val"), "").lower()] = style.xml
    return found


def _style_index(document: Document) -> dict[str, BaseOxmlElement]:
    """Map lower-cased style names to their elements (Word's built-in names are case-insensitive)."""
    index: dict[str, BaseOxmlElement] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            index.setdefault(name.get(qn("w:val"), "").lower(), style)
    return index


def _ensure(document: Document, index: dict[str, BaseOxmlElement], name: str) -> tuple[str, bool]:
    """Return (style id, added) for name, copying the definition in when the document lacks it."""
    key = name.lower()
    style = index.get(key)
    if style is not None:
        return style.get(qn("w:styleId"), ""), False
    raw = _FALLBACK_XML.get(name) or _default_styles().get(key)
    if raw is None:
        raise KeyError(name)
    style = parse_xml(raw)
    # A copied style may point at a numbering definition or a linked style this document does not have.
    for dangling in style.findall(f"{{{_W}}}link"):
        style.remove(dangling)
    ppr = style.find(qn("w:pPr"))
    if ppr is not None:
        for num in ppr.findall(qn("w:numPr")):
            ppr.remove(num)
    taken = {s.get(qn("w:styleId")) for s in index.values()}
    style_id = style.get(qn("w:styleId"), "")
    while style_id in taken:
        style_id += "X"
    style.set(qn("w:styleId"), style_id)
    document.styles.element.append(style)
    index[key] = style
    return style_id, True


def ensure_styles(document: Document) -> StyleIds:
    """Resolve every style the export uses, adding the missing ones, and return their ids."""
    index = _style_index(document)

    def get(name: str) -> str:
        return _ensure(document, index, name)[0]

    list_bullet, added = _ensure(document, index, "List Bullet")
    get("Normal")
    return StyleIds(
        title=get("Title"),
        subtitle=get("Subtitle"),
        heading=(get("Heading 1"), get("Heading 2"), get("Heading 3")),
        list_bullet=list_bullet,
        caption=get("Caption"),
        toc_heading=get("TOC Heading"),
        toc=(get("toc 1"), get("toc 2"), get("toc 3")),
        table_text=get(TABLE_TEXT_STYLE),
        table=get(TABLE_STYLE),
        header=get("Header"),
        footer=get("Footer"),
        bullets_are_numbered=not added and _has_numbering(index["list bullet"]),
    )


def _has_numbering(style: BaseOxmlElement) -> bool:
    return style.find(f"{{{_W}}}pPr/{{{_W}}}numPr") is not None


def set_document_language(document: Document, tag: str) -> None:
    """Set the default proofing language of the text (docDefaults), so spell-checking fits the content."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


BODY_FONT = "Arial"
"""The typeface of a document made without a template: on every Windows machine, and metric-compatible with
Liberation Sans, so Word and LibreOffice break lines and pages alike."""


def use_house_typography(document: Document) -> None:
    """Set the theme fonts to Arial and the body text to 10 pt (only for documents without a template)."""
    theme = document.part.part_related_by(RT.THEME)
    blob = re.sub(
        rb'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rb"\1" + BODY_FONT.encode() + b'"', theme.blob
    )
    # python-docx keeps the theme as an opaque part: replacing its bytes is the only way to edit it.
    theme._blob = blob
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if rpr is not None:
        for tag in ("w:sz", "w:szCs"):
            size = rpr.find(qn(tag))
            if size is not None:
                size.set(qn("w:val"), "20")
