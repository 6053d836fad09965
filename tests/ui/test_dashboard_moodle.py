"""The dashboard on a Moodle download: participants as rows, review on a working copy, feedback with progress."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import Comment
from matrices.rules import Rulebook, default_rulebook
from storage.document import Document
from tests.data.moodle_zips import Submission, pmx_bytes, worksheet_bytes, write_download, write_folder
from ui.dashboard.feedback_dialog import FeedbackDialog
from ui.dashboard.model import PARTICIPANT_COLUMNS, Column
from ui.dashboard.view import DashboardView
from ui.workers import Workers


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    catalogs = Catalogs.load()
    return default_rulebook(catalogs, FieldModel.load())


@pytest.fixture(scope="module")
def submissions() -> list[Submission]:
    es = pmx_bytes(load_example("es"))
    return [
        Submission("José Núñez", 12, {"propuesta.pmx": es}),
        Submission("Participante", 13, {"propuesta.pmx": pmx_bytes(load_example("en"))}),
        Submission("Ana Muñoz", 14, {"informe.docx": b"PK\x03\x04"}),
        Submission("Eva Ríos", 16, {"roto.pmx": b"SQLite format 3\0" + b"\0" * 200}),
    ]


@pytest.fixture
def download(tmp_path: Path, submissions: list[Submission]) -> Path:
    return write_download(tmp_path / "curso-tarea.zip", submissions)


def make_view(qtbot: QtBot, rulebook: Rulebook, workers: Workers) -> DashboardView:
    view = DashboardView(rulebook.catalogs, rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    return view


@pytest.fixture
def view(qtbot: QtBot, rulebook: Rulebook, workers: Workers) -> DashboardView:
    dashboard = make_view(qtbot, rulebook, workers=workers)
    yield dashboard
    dashboard.shutdown()


def load(qtbot: QtBot, view: DashboardView, source: Path) -> None:
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.open_folder(source)


def column(view: DashboardView, which: Column) -> list[str]:
    return [view.proxy.index(row, which).data() for row in range(view.proxy.rowCount())]


def row_of(view: DashboardView, participant_id: int) -> int:
    return column(view, Column.PARTICIPANT_ID).index(str(participant_id))


def test_a_zip_lists_its_participants(qtbot: QtBot, view: DashboardView, download: Path) -> None:
    before = download.read_bytes()
    load(qtbot, view, download)
    assert sorted(column(view, Column.PARTICIPANT_ID)) == ["12", "13", "14", "16"]
    assert "Participante 13" in column(view, Column.PARTICIPANT)
    assert all(not view.table.isColumnHidden(c) for c in PARTICIPANT_COLUMNS)
    assert view.feedback_button.isVisibleTo(view)
    assert not view.word_button.isVisibleTo(view)
    titles = column(view, Column.TITLE)
    assert titles[row_of(view, 14)].startswith("Solo un archivo de Word")
    assert "roto.pmx" in titles[row_of(view, 16)]
    assert titles[row_of(view, 12)].startswith("Estrategia")
    assert "4" in view._count_label.text()
    assert "0 reviewed" in view._count_label.text()
    assert download.read_bytes() == before


def test_an_unpacked_download_is_recognised(
    qtbot: QtBot, view: DashboardView, tmp_path: Path, submissions: list[Submission]
) -> None:
    folder = write_folder(tmp_path / "descarga", submissions)
    load(qtbot, view, folder)
    assert sorted(column(view, Column.PARTICIPANT_ID)) == ["12", "13", "14", "16"]


def test_a_plain_folder_hides_the_participant_columns_again(
    qtbot: QtBot, view: DashboardView, download: Path, tmp_path: Path
) -> None:
    load(qtbot, view, download)
    plain = tmp_path / "carpeta"
    plain.mkdir()
    Document.create(plain / "p.pmx", load_example("es")).close()
    load(qtbot, view, plain)
    assert all(view.table.isColumnHidden(c) for c in PARTICIPANT_COLUMNS)
    assert column(view, Column.FILE) == ["p.pmx"]


def test_reviewing_a_participant_works_on_a_copy_and_is_remembered(
    qtbot: QtBot, view: DashboardView, download: Path, rulebook: Rulebook, workers: Workers
) -> None:
    load(qtbot, view, download)
    entry = view.model.entry(view.proxy.mapToSource(view.proxy.index(row_of(view, 12), 0)).row())
    with qtbot.waitSignal(view.open_for_review_requested) as signal:
        view.open_for_review(entry)
    (copy,) = signal.args
    assert copy == download.with_name("curso-tarea-review") / "José Núñez_12" / "propuesta.pmx"
    with Document.open(copy) as document:  # what the review window does when the facilitator comments
        document.save_comments([Comment(id="K1", text="Revise el indicador 2")])
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.rescan()
    assert column(view, Column.REVIEWED)[row_of(view, 12)] == "Reviewed"
    assert "1 reviewed" in view._count_label.text()
    # Another session: a new window on the same download shows who was reviewed.
    again = make_view(qtbot, rulebook, workers=workers)
    load(qtbot, again, download)
    assert column(again, Column.REVIEWED)[row_of(again, 12)] == "Reviewed"
    assert column(again, Column.COMMENTS)[row_of(again, 12)] == "1 / 0"
    again.shutdown()


def test_a_participant_without_a_proposal_cannot_be_opened(qtbot: QtBot, view: DashboardView, download: Path) -> None:
    load(qtbot, view, download)
    view.table.selectRow(row_of(view, 14))
    assert not view.open_button.isEnabled()


def test_the_feedback_button_writes_the_zip_and_worksheet_with_progress(
    qtbot: QtBot, view: DashboardView, download: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worksheet = download.with_name("Calificaciones.csv")
    worksheet.write_bytes(worksheet_bytes([(12, "José Núñez"), (13, "Participante"), (14, "Ana"), (16, "Eva")]))
    out = download.with_name("retro.zip")

    def accept(dialog: FeedbackDialog) -> int:
        dialog.out_edit.setText(str(out))
        dialog.worksheet_edit.setText(str(worksheet))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FeedbackDialog, "exec", accept)
    load(qtbot, view, download)
    view.feedback_button.click()
    report = view.findChild(QMessageBox, "feedbackReport")
    assert report is not None
    assert "2" in report.text()
    assert "retro.zip" in report.text()
    assert "Eva Ríos (16)" in report.detailedText()
    with zipfile.ZipFile(out) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {
            "José Núñez_12_assignsubmission_file",
            "Participante_13_assignsubmission_file",
        }
    assert "Comentarios de retroalimentación" in out.with_suffix(".csv").read_text(encoding="utf-8-sig")


def test_a_refused_zip_is_one_message(
    qtbot: QtBot, view: DashboardView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    bad = tmp_path / "descarga.zip"
    bad.write_bytes(b"no es un zip")
    assert view.open_download(bad) is False
    assert len(warnings) == 1
    assert "zip" in warnings[0]
