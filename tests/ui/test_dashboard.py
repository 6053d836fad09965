"""The cohort view over a generated folder of 50 proposals, one of them damaged: rows, sort, filter, watcher, batch."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import Comment
from matrices.rules import Rulebook, default_rulebook
from storage.document import Document
from storage.errors import DocumentError
from storage.outputs import plan_batch
from storage.review_csv import review_csv
from tests.ui.helpers import record_message_boxes, type_text
from ui.dashboard.batch import BatchExporter
from ui.dashboard.model import PATH_ROLE, SCORES_ROLE, CohortModel, Column
from ui.dashboard.view import DashboardView
from ui.start_screen import StartScreen
from ui.workers import Workers

COUNT = 50
AUTHORS = ["Ana Pérez", "Luis Gómez", "María Núñez", "José Ortiz", "Carmen Ríos"]


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    catalogs = Catalogs.load()
    return default_rulebook(catalogs, FieldModel.load())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 proposals of varied titles, authors, completeness and comments, and one damaged file."""
    folder = tmp_path_factory.mktemp("cohorte")
    for n in range(COUNT):
        proposal = load_example("es" if n % 5 else "en")
        proposal.title = f"Propuesta {n:02d} sobre movilidad humana"
        proposal.authors = [AUTHORS[n % len(AUTHORS)]]
        if n % 7 == 0:
            proposal.instrument_matrix.instruments = []
        comments = [Comment(id=f"K{k}", text="¿fuente?", status="resolved" if k % 2 else "open") for k in range(n % 3)]
        Document.create(folder / f"p{n:02d}.pmx", proposal, comments).close()
    (folder / "roto.pmx").write_bytes(b"SQLite format 3\x00" + b"\x01" * 40)
    return folder


@pytest.fixture
def folder(generated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cohorte"
    shutil.copytree(generated, copy)
    return copy


@pytest.fixture
def view(qtbot: QtBot, rulebook: Rulebook, workers: Workers) -> DashboardView:
    dashboard = DashboardView(rulebook.catalogs, rulebook, "es", workers=workers)
    qtbot.addWidget(dashboard)
    dashboard.resize(1400, 700)
    yield dashboard
    dashboard.shutdown()


def load(qtbot: QtBot, view: DashboardView, folder: Path, recursive: bool = False) -> None:
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.open_folder(folder, recursive)


def shown_column(view: DashboardView, column: Column) -> list[str]:
    return [view.proxy.index(row, column).data() for row in range(view.proxy.rowCount())]


def fingerprints(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_row_per_file_read_in_the_background(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    before = fingerprints(folder)
    view.open_folder(folder)
    # Reading happens on a worker thread: the call returns at once and rows arrive through the event loop.
    assert view.loader.busy
    assert view.model.rowCount() == 0
    qtbot.waitUntil(lambda: not view.loader.busy, timeout=20_000)
    assert view.model.rowCount() == COUNT + 1
    assert "51" in view._count_label.text()
    assert view.progress_bar.isHidden()
    assert fingerprints(folder) == before, "reviewing must not change any file"


def test_rows_show_the_summary(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    row = shown_column(view, Column.FILE).index("p04.pmx")
    cell = lambda column: view.proxy.index(row, column).data()  # noqa: E731
    assert cell(Column.TITLE) == "Propuesta 04 sobre movilidad humana"
    assert cell(Column.AUTHORS) == AUTHORS[4]
    assert cell(Column.POLICY_AREA) == "Tráfico ilícito de migrantes"
    assert cell(Column.STATUS) == "En revisión"
    assert cell(Column.FINDINGS) == "0 / 7"
    assert cell(Column.COMMENTS) == "1 / 0"
    assert cell(Column.MODIFIED).startswith("20")
    scores = view.proxy.index(row, Column.COMPLETENESS).data(SCORES_ROLE)
    assert [percent for _label, percent in scores] == [100, 100, 99, 100, 100]
    no_instruments = shown_column(view, Column.FILE).index("p07.pmx")
    assert view.proxy.index(no_instruments, Column.COMPLETENESS).data(SCORES_ROLE)[-1][1] == 0


def test_the_damaged_file_is_listed_with_the_error_document_open_gives(
    qtbot: QtBot, view: DashboardView, folder: Path
) -> None:
    load(qtbot, view, folder)
    bad = [entry for entry in view.model.entries() if not entry.ok]
    assert [entry.path.name for entry in bad] == ["roto.pmx"]
    with pytest.raises(DocumentError) as caught:
        Document.open(folder / "roto.pmx", read_only=True)
    assert bad[0].error == str(caught.value)
    row = shown_column(view, Column.FILE).index("roto.pmx")
    assert str(caught.value) in view.proxy.index(row, Column.TITLE).data()
    assert view.proxy.index(row, Column.TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_sorting(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    view.table.sortByColumn(Column.TITLE, Qt.SortOrder.DescendingOrder)
    titles = shown_column(view, Column.TITLE)
    readable = [t for t in titles if not t.startswith("Cannot be read")]
    assert readable == sorted(readable, key=str.casefold, reverse=True)
    view.table.sortByColumn(Column.FINDINGS, Qt.SortOrder.AscendingOrder)
    files = shown_column(view, Column.FILE)
    assert files[-1] == "roto.pmx", "unreadable files sort after the others"
    errors = [int(text.split(" / ")[0]) for text in shown_column(view, Column.FINDINGS)[:-1]]
    assert errors == sorted(errors)
    assert errors[0] < errors[-1]
    view.table.sortByColumn(Column.COMMENTS, Qt.SortOrder.DescendingOrder)
    assert shown_column(view, Column.COMMENTS)[0] == "1 / 1"
    assert shown_column(view, Column.FILE)[-1] == "roto.pmx", "last in descending order too"


def test_filter_ignores_case_and_accents(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    type_text(view.filter_edit, "nuñez")
    assert view.proxy.rowCount() == COUNT // len(AUTHORS)
    assert set(shown_column(view, Column.AUTHORS)) == {"María Núñez"}
    view.filter_edit.setText("NUNEZ p02")
    assert shown_column(view, Column.FILE) == ["p02.pmx"]
    view.filter_edit.setText("damaged")
    assert shown_column(view, Column.FILE) == ["roto.pmx"]
    view.filter_edit.setText("nada parecido")
    assert view.proxy.rowCount() == 0
    view.filter_edit.clear()
    assert view.proxy.rowCount() == COUNT + 1


def test_the_watcher_follows_new_changed_and_removed_files(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    new = load_example("es")
    new.title = "Llegó por correo"
    Document.create(folder / "nueva.pmx", new).close()
    qtbot.waitUntil(lambda: "nueva.pmx" in shown_column(view, Column.FILE), timeout=10_000)
    (folder / "p01.pmx").unlink()
    qtbot.waitUntil(lambda: "p01.pmx" not in shown_column(view, Column.FILE), timeout=10_000)
    with Document.open(folder / "p02.pmx") as document:
        proposal = document.load()
        proposal.title = "Título corregido"
        document.save(proposal)
    row = lambda: shown_column(view, Column.FILE).index("p02.pmx")  # noqa: E731
    qtbot.waitUntil(lambda: view.proxy.index(row(), Column.TITLE).data() == "Título corregido", timeout=10_000)
    assert view.model.rowCount() == COUNT + 1


def test_recursive_lists_subfolders(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    (folder / "grupo B").mkdir()
    shutil.copyfile(folder / "p03.pmx", folder / "grupo B" / "p03.pmx")
    load(qtbot, view, folder)
    assert view.model.rowCount() == COUNT + 1
    with qtbot.waitSignal(view.loader.finished, timeout=20_000):
        view.recursive_box.setChecked(True)
    assert "grupo B/p03.pmx" in shown_column(view, Column.FILE)
    assert view.model.rowCount() == COUNT + 2


def test_double_click_asks_to_open_for_review(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    view.show()
    qtbot.waitExposed(view)
    row = shown_column(view, Column.FILE).index("p05.pmx")
    index = view.proxy.index(row, Column.TITLE)
    view.table.scrollTo(index)
    position = view.table.visualRect(index).center()
    with qtbot.waitSignal(view.open_for_review_requested) as signal:
        # A real double click: press and release, then the double-click event (alone, Qt sees no pressed row).
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position)
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position)
    assert signal.args == [folder / "p05.pmx"]
    assert index.data(PATH_ROLE) == folder / "p05.pmx"
    bad_index = view.proxy.index(shown_column(view, Column.FILE).index("roto.pmx"), Column.TITLE)
    view.table.scrollTo(bad_index)
    bad = view.table.visualRect(bad_index).center()
    assert view.table.indexAt(bad) == bad_index
    with qtbot.assertNotEmitted(view.open_for_review_requested):
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bad)
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bad)


def test_batch_export_writes_word_files_with_comments_and_survives_a_bad_file(
    qtbot: QtBot, view: DashboardView, folder: Path, tmp_path: Path
) -> None:
    load(qtbot, view, folder)
    out = tmp_path / "word"
    out.mkdir()
    before = fingerprints(folder)
    sources = [folder / "p01.pmx", folder / "roto.pmx", folder / "p02.pmx", folder / "p03.pmx"]
    result = view.export_word_to(out, sources)
    assert [p.name for p in result.written] == ["p01.docx", "p02.docx", "p03.docx"]
    assert [p.name for p, _reason in result.failed] == ["roto.pmx"]
    with pytest.raises(DocumentError) as caught:
        Document.open(folder / "roto.pmx", read_only=True)
    assert result.failed[0][1] == str(caught.value)
    assert not result.cancelled
    assert sorted(p.name for p in out.iterdir()) == ["p01.docx", "p02.docx", "p03.docx"]
    with zipfile.ZipFile(out / "p02.docx") as docx:
        comments = docx.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == 2
    assert "¿fuente?" in comments
    assert view.last_report is not None
    assert "3" in view.last_report.text()
    assert "roto.pmx" in view.last_report.detailedText()
    assert fingerprints(folder) == before


def test_batch_export_of_the_selection(qtbot: QtBot, view: DashboardView, folder: Path, tmp_path: Path) -> None:
    load(qtbot, view, folder)
    view.filter_edit.setText("gómez")
    view.table.selectAll()
    assert "10" in view.word_button.text()
    result = view.export_word_to(tmp_path)
    assert sorted(p.name for p in result.written) == [f"p{n:02d}.docx" for n in range(1, COUNT, 5)]


def test_batch_export_can_be_cancelled(folder: Path, tmp_path: Path, rulebook: Rulebook) -> None:
    exporter = BatchExporter(rulebook.catalogs, rulebook)
    sources = [folder / f"p{n:02d}.pmx" for n in range(5)]
    seen: list[int] = []

    def progress(done: int, _source: Path) -> bool:
        seen.append(done)
        return done < 2

    result = exporter.run(sources, tmp_path, progress)
    assert result.cancelled
    assert len(result.written) == 2
    assert seen == [0, 1, 2]


def test_target_names_stay_unique() -> None:
    plans = plan_batch([Path("a/x.pmx"), Path("b/x.pmx"), Path("c/X.pmx")], Path("out"), ".docx")
    assert [plan.target.name for plan in plans] == ["x.docx", "x-2.docx", "X-3.docx"]


def test_csv_export_writes_the_rows_shown(qtbot: QtBot, view: DashboardView, folder: Path, tmp_path: Path) -> None:
    load(qtbot, view, folder)
    view.filter_edit.setText("Ortiz")
    view.table.sortByColumn(Column.FILE, Qt.SortOrder.DescendingOrder)
    out = tmp_path / "cohorte.csv"
    view.export_csv_to(out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["Archivo"] for row in rows] == shown_column(view, Column.FILE)
    assert len(rows) == COUNT // len(AUTHORS)
    assert {row["Autores"] for row in rows} == {"José Ortiz"}


def test_csv_export_beside_a_lock_file_not_ours_says_so(
    qtbot: QtBot, view: DashboardView, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, view, folder)
    out, victim = tmp_path / "cohorte.csv", tmp_path / "otro.txt"
    victim.write_text("no tocar", encoding="utf-8")
    out.with_name("cohorte.csv.lock").symlink_to(victim)
    warnings = record_message_boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(out), ""))
    view._choose_csv_file()
    assert len(warnings) == 1
    assert "cohorte.csv.lock" in warnings[0]
    assert not out.exists()
    assert victim.read_text(encoding="utf-8") == "no tocar"


def test_language_switch_relabels_catalogue_values(qtbot: QtBot, view: DashboardView, folder: Path) -> None:
    load(qtbot, view, folder)
    view.set_language("en")
    assert "Migrant smuggling" in shown_column(view, Column.POLICY_AREA)
    assert "In review" in shown_column(view, Column.STATUS)


def test_start_screen_offers_review_a_folder(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.review_folder_requested):
        qtbot.mouseClick(screen.review_folder_button, Qt.MouseButton.LeftButton)
    assert screen.review_folder_button.text()


def test_grab(qtbot: QtBot, view: DashboardView, folder: Path, tmp_path: Path) -> None:
    load(qtbot, view, folder)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_policy_area_and_status_columns_are_headed_by_the_field_model(rulebook: Rulebook, lang: str) -> None:
    # The dashboard once said "Área de política" where the field model, the editor and the CSV say "Área temática".
    catalogs, field_model = rulebook.catalogs, rulebook.field_model
    model = CohortModel(catalogs, field_model, lang)
    shown = [model.headerData(column, Qt.Orientation.Horizontal) for column in (Column.POLICY_AREA, Column.STATUS)]
    labels = [field_model.field("proposal", key).label(lang) for key in ("policy_area", "status")]
    assert shown == labels
    assert set(labels) <= set(next(csv.reader(io.StringIO(review_csv([], catalogs, field_model, lang)))))
