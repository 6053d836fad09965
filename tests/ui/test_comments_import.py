"""Importing the comments a facilitator wrote in Word into the .pmx: on the right items, once, content untouched."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from export.comment_import import ImportPlan
from export.docx_export import export_docx
from export.options import ExportOptions
from export.word_comments import WordImportError
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Anchor, Comment
from storage.document import Document
from storage.errors import ReadOnlyDocumentError
from ui.comments.store import CommentStore
from ui.comments_import import choose_and_import_word_comments, import_comments_from_word
from ui.session import DocumentSession
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Document]:
    path = tmp_path / "propuesta.pmx"
    earlier = Comment(matrix="general", field="title", author="Ana Ruiz", text="Un título más corto, por favor")
    Document.create(path, load_example("es"), [earlier]).close()
    with Document.open(path) as opened:
        yield opened


def exported_docx(document: Document, catalogs: Catalogs, field_model: FieldModel) -> WordDocument:
    """The proposal exported with its comments, opened as a facilitator opens it in Word."""
    data = export_docx(
        document.load(),
        catalogs=catalogs,
        field_model=field_model,
        findings=[],
        comments=document.load_comments(),
        options=ExportOptions(include_comments=True, include_pictures=False),
    )
    target = document.path.with_suffix(".docx")
    target.write_bytes(data)
    return docx.Document(str(target))


def cell_paragraph(word: WordDocument, header: str, text: str) -> Paragraph:
    for table in word.tables:
        if table.rows[0].cells[0].text == header:
            for row in table.rows[1:]:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        if text in paragraph.text:
                            return paragraph
    raise AssertionError(text)


def annotate(word: WordDocument, proposal: Proposal, path: Path) -> Path:
    """Add, with python-docx, the comments a facilitator would add in Word: on a cause and on an actor's name."""
    cause = proposal.problem_matrix.causes[3]
    actor = proposal.actor_matrix.actors[1]
    word.add_comment(
        cell_paragraph(word, "Código", cause.description).runs,
        text="Esta causa necesita una fuente.",
        author="Marta Facilitadora",
        initials="MF",
    )
    word.add_comment(
        cell_paragraph(word, "Actor", actor.name).runs[-1],
        text="¿Cuál es su mandato?",
        author="Marta Facilitadora",
        initials="MF",
    )
    word.save(str(path))
    return path


def test_word_comments_are_merged_onto_their_items_once(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    session = DocumentSession(document, document.load(), writer=writer)
    content_before = document.load()
    path = annotate(exported_docx(document, catalogs, field_model), session.proposal, tmp_path / "revisada.docx")

    result = import_comments_from_word(session, document, path)
    assert result is not None
    assert result.known == 1  # the exported comment is not brought back
    stored = document.load_comments()
    assert len(stored) == 3
    by_text = {comment.text: comment for comment in stored}
    cause = session.proposal.problem_matrix.causes[3]
    actor = session.proposal.actor_matrix.actors[1]
    on_cause = by_text["Esta causa necesita una fuente."]
    assert (on_cause.matrix, on_cause.item_id, on_cause.field) == ("problem", cause.id, "description")
    on_actor = by_text["¿Cuál es su mandato?"]
    assert (on_actor.matrix, on_actor.item_id, on_actor.field) == ("actors", actor.id, "name")
    assert on_actor.author == "Marta Facilitadora"
    assert [c.text for c in result.added] == ["Esta causa necesita una fuente.", "¿Cuál es su mandato?"]

    again = import_comments_from_word(session, document, path)
    assert again is not None
    assert again.added == []
    assert again.known == 3
    assert len(document.load_comments()) == 3
    assert document.load() == content_before  # comments never change the participant's content
    assert session.undo_stack.count() == 0


def test_a_word_file_of_another_proposal_is_refused(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    session = DocumentSession(document, document.load(), writer=writer)
    other = load_example("es").model_copy(update={"id": "otra-propuesta"})
    path = tmp_path / "otra.docx"
    path.write_bytes(
        export_docx(other, catalogs=catalogs, field_model=field_model, findings=[], options=ExportOptions())
    )
    with pytest.raises(WordImportError, match="another proposal"):
        import_comments_from_word(session, document, path)
    assert len(document.load_comments()) == 1


def test_a_read_only_document_cannot_take_the_comments(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    word = exported_docx(document, catalogs, field_model)
    path = annotate(word, document.load(), tmp_path / "revisada.docx")
    with Document.open(document.path, read_only=True) as reader:
        session = DocumentSession(reader, reader.load(), writer=writer)
        with pytest.raises(ReadOnlyDocumentError):
            import_comments_from_word(session, reader, path)


def test_the_menu_action_reports_what_came_in(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    writer: DocumentWriter,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    session = DocumentSession(document, document.load(), writer=writer)
    path = annotate(exported_docx(document, catalogs, field_model), session.proposal, tmp_path / "r.docx")
    result = choose_and_import_word_comments(session, document, None, path, describe=str, lang="en", confirm=accept)
    assert result is not None
    assert len(result.added) == 2
    assert shown[-1].startswith(QCoreApplication.translate("_ImportCounts", "%n comment(s) imported.", "", 2))
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"nada")
    assert choose_and_import_word_comments(session, document, None, junk, describe=str, lang="en") is None
    unreadable = "%1 could not be read as a Word document (.docx). Check that you chose the right file."
    assert shown[-1] == QCoreApplication.translate("CommentsImport", unreadable).replace("%1", "junk.docx")


def accept(plan: ImportPlan) -> dict[str, Anchor]:
    """Stands in for the preview: the facilitator imports without moving anything."""
    return {}


class MemorySink:
    """Stands in for the editor's comment store: the comments the editor holds, which it alone writes."""

    def __init__(self, comments: list[Comment]) -> None:
        self.comments = comments

    def load_comments(self) -> list[Comment]:
        return list(self.comments)

    def save_comments(self, comments: Iterable[Comment]) -> None:
        self.comments = list(comments)


def test_comments_go_to_whoever_holds_them(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    writer: DocumentWriter,
) -> None:
    session = DocumentSession(document, document.load(), writer=writer)
    path = annotate(exported_docx(document, catalogs, field_model), session.proposal, tmp_path / "r.docx")
    sink = MemorySink(document.load_comments())
    result = import_comments_from_word(session, sink, path)
    assert result is not None
    assert len(result.added) == 2
    assert len(sink.comments) == 3
    assert len(document.load_comments()) == 1  # the holder writes them, not the import


def test_a_failed_import_says_why_in_the_interface_language(
    document: Document,
    catalogs: Catalogs,
    field_model: FieldModel,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    spanish: LanguageSwitcher,
    writer: DocumentWriter,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    session = DocumentSession(document, document.load(), writer=writer)
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"nada")
    letter = tmp_path / "carta.docx"
    docx.Document().save(str(letter))  # a real .docx, but not one of ours
    other = tmp_path / "otra.docx"
    other_proposal = load_example("es").model_copy(update={"id": "otra-propuesta"})
    other.write_bytes(
        export_docx(other_proposal, catalogs=catalogs, field_model=field_model, findings=[], options=ExportOptions())
    )
    for path in (junk, letter, other):
        assert choose_and_import_word_comments(session, document, None, path, describe=str, lang="es") is None
    reviewed = annotate(exported_docx(document, catalogs, field_model), session.proposal, tmp_path / "r.docx")
    with Document.open(document.path, read_only=True) as reader:
        reader_session = DocumentSession(reader, reader.load(), writer=writer)
        store = CommentStore(reader, reader_session)  # as the editor holds them: it refuses every change
        for sink in (reader, store):
            assert (
                choose_and_import_word_comments(
                    reader_session, sink, None, reviewed, describe=str, lang="es", confirm=accept
                )
                is None
            )
    assert len(shown) == 5
    assert shown[0].startswith("No se pudo leer junk.docx como documento de Word")
    assert shown[1].startswith("carta.docx no fue exportado por esta versión de Policy Matrix.")
    assert shown[2].startswith("otra.docx se exportó desde otra propuesta.")
    read_only = "propuesta.pmx está abierto en modo de solo lectura y no se puede modificar."
    assert shown[3].startswith(read_only)
    assert shown[4].startswith(read_only)
    assert len(document.load_comments()) == 1
