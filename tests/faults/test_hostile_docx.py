"""Hostile Word files (tests/faults/hostile_docx.py) as a template and as a document to import comments from.

Each must end in one sentence naming the file, on the command line (`export --template`) and in the editor
(File > Import comments from Word), read through the one bounded reader (export/docx_safety.py), whose memory
stays small whatever the file claims or holds.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import main
from export.docx_safety import DocxLimits, DocxRefusedError, open_docx, read_parts
from export.word_comments import UnreadableWordFileError, read_word_comments
from matrices.examples import load_example
from storage.document import Document
from tests.faults.hostile_docx import HOSTILE_DOCX, TEMPLATE_ONLY_OK, exported_docx, write
from tests.storage.helpers import fingerprint
from tests.ui.helpers import build_app, record_message_boxes
from ui.comments_import import choose_and_import_word_comments
from ui.writer import DocumentWriter

REFUSED_AS_PACKAGE = [name for name in HOSTILE_DOCX if name not in TEMPLATE_ONLY_OK]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    """Every hostile Word file, written once for the module."""
    folder = tmp_path_factory.mktemp("word")
    for name in HOSTILE_DOCX:
        write(folder, name)
    return folder


@pytest.mark.parametrize("name", REFUSED_AS_PACKAGE)
def test_the_bounded_reader_refuses_each_in_one_sentence_and_little_memory(name: str, hostile: Path) -> None:
    path = hostile / f"{name}.docx"
    tracemalloc.start()
    try:
        with pytest.raises(DocxRefusedError) as refused:
            open_docx(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    reason = refused.value.reason
    assert HOSTILE_DOCX[name][1] in reason
    assert "\n" not in reason
    assert str(path) not in reason  # the caller names the file
    # A 3 GB bomb or a billion laughs cost no more than a few times the file itself.
    assert peak < 10 * path.stat().st_size + 16 * 1024 * 1024, peak


@pytest.mark.parametrize("name", REFUSED_AS_PACKAGE)
def test_importing_comments_from_each_is_refused_in_one_sentence(name: str, hostile: Path) -> None:
    path = hostile / f"{name}.docx"
    with pytest.raises(UnreadableWordFileError) as refused:
        read_word_comments(path)
    assert HOSTILE_DOCX[name][1] in refused.value.reason
    assert refused.value.path == path


@pytest.mark.parametrize("name", sorted(TEMPLATE_ONLY_OK))
def test_a_comment_longer_than_the_model_holds_is_left_out_and_listed(name: str, hostile: Path) -> None:
    found = read_word_comments(hostile / f"{name}.docx")
    assert found.comments == []
    assert [entry.reason for entry in found.left_out] == ["too-long"]
    assert len(found.left_out[0].author) <= 80
    assert len(found.left_out[0].excerpt) <= 80


def test_the_reader_opens_a_real_export_a_dotx_and_bytes(tmp_path: Path, qapp: QApplication) -> None:
    data = exported_docx()
    assert open_docx(data).paragraphs
    template = tmp_path / "plantilla.dotx"
    template_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    document_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    parts = read_parts(data)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(document_type, template_type)
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    template.write_bytes(buffer.getvalue())
    assert open_docx(template).paragraphs


def test_the_limits_are_the_callers_to_choose(qapp: QApplication) -> None:
    with pytest.raises(DocxRefusedError, match="parts"):
        open_docx(exported_docx(), DocxLimits(max_parts=3))
    with pytest.raises(DocxRefusedError, match="levels deep"):
        open_docx(exported_docx(), DocxLimits(max_xml_depth=4))


def test_a_fifo_or_a_huge_file_is_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "plantilla.docx"
    import os

    os.mkfifo(fifo)
    with pytest.raises(DocxRefusedError, match="regular file"):
        open_docx(fifo)  # would block forever on a read
    big = tmp_path / "grande.docx"
    with big.open("wb") as stream:
        stream.truncate(2 * 1024 * 1024)
    with pytest.raises(DocxRefusedError, match="larger than 1 MB"):
        open_docx(big, DocxLimits(max_file_bytes=1024 * 1024))


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCX))
def test_export_with_each_as_template_ends_in_one_line(
    name: str, hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "propuesta.pmx"
    Document.create(source, load_example("es")).close()
    template = hostile / f"{name}.docx"
    before = fingerprint(template)
    out = tmp_path / "out"
    out.mkdir()
    status = main.run(["export", str(source), "--template", str(template), "--out-dir", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "internal error" not in captured.err, captured.err
    assert fingerprint(template) == before
    if name in TEMPLATE_ONLY_OK:
        assert status == main.EXIT_OK, captured.err
        return
    lines = captured.err.splitlines()
    assert status == main.EXIT_FINDINGS, captured.err
    assert lines[0].startswith(f"error: {template}: "), lines
    assert HOSTILE_DOCX[name][1] in lines[0]
    assert not list(out.iterdir())


@pytest.mark.gui
@pytest.mark.parametrize("name", REFUSED_AS_PACKAGE)
def test_importing_each_in_the_editor_shows_one_sentence_and_stores_nothing(
    name: str,
    hostile: Path,
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: DocumentWriter,
) -> None:
    warnings = record_message_boxes(monkeypatch, ("warning", "critical", "information"))
    source = tmp_path / "propuesta.pmx"
    Document.create(source, load_example("es")).close()
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    assert app.controller.open_path(source)
    session, comments = app.controller.session, app.controller.comments
    assert session is not None
    assert comments is not None
    path = hostile / f"{name}.docx"
    assert (
        choose_and_import_word_comments(
            session, comments.store, app.window, path, describe=comments.names.place, lang=app.context.lang
        )
        is None
    )
    assert len(warnings) == 1, warnings
    assert path.name in warnings[0]
    assert "\n" not in warnings[0].strip()
    assert comments.store.comments() == []
    assert app.controller.close_document()
