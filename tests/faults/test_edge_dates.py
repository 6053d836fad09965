"""Moments at the edge of what a datetime holds, on comments and snapshots, through every place that shows them.

`9999-12-31T23:59:59-14:00` is a valid ISO time whose UTC value lies past year 9999, `0001-01-01T00:00:00+14:00`
one before year 1: converting either to UTC or to local time overflowed (`export --comments`, `review --csv`, the
dashboard), and a moment without a zone beside one with a zone could not be sorted. The model now brings every
moment into EARLIEST_TIME..LATEST_TIME with a zone (matrices/base.py `Timestamp`), so every conversion is total.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import main
from matrices.base import EARLIEST_TIME, LATEST_TIME
from matrices.examples import load_example
from matrices.review import Comment
from matrices.rules import default_rulebook
from storage.document import Document
from storage.interchange import dump_json
from tests.ui.comment_helpers import commenting_app
from ui.context import UiContext
from ui.session import DocumentSession
from ui.workers import Workers
from ui.writer import DocumentWriter

EDGES = ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _widgets_possible(qapp: object) -> None:
    """The export creates a bare QGuiApplication when none exists: make it a QApplication for the GUI tests."""


def _comments() -> list[Comment]:
    cause = load_example("es").problem_matrix.causes[0].id
    return [
        Comment.model_validate(
            {"id": f"K{n}", "matrix": "problem", "item_id": cause, "field": "description", "author": "Revisora"}
            | {"text": f"Fecha {edge}", "created_at": edge}
        )
        for n, edge in enumerate(EDGES)
    ]


def _raw_comments(edges: tuple[str, ...] = EDGES) -> list[dict[str, str]]:
    cause = load_example("es").problem_matrix.causes[0].id
    return [
        {"id": f"K{n}", "matrix": "problem", "item_id": cause, "field": "description", "author": "Revisora"}
        | {"text": f"Fecha {edge}", "created_at": edge}
        for n, edge in enumerate(edges)
    ]


def edge_pmx(folder: Path) -> Path:
    """A .pmx whose comments and two snapshots (one a submission) carry the edge moments, as another tool wrote them."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fechas.pmx"
    with Document.create(path, load_example("es"), [Comment(id=f"K{n}", text="x") for n in range(4)]) as document:
        document.create_snapshot("Entrega", "submitted")
        document.create_snapshot("Copia", "manual")
    db = sqlite3.connect(path)
    try:
        for n, edge in enumerate(EDGES):
            db.execute("UPDATE comments SET created_at = ? WHERE item_id = ?", (edge, f"K{n}"))
        for (pk,), edge in zip(db.execute("SELECT pk FROM snapshots ORDER BY pk").fetchall(), EDGES, strict=False):
            db.execute("UPDATE snapshots SET created_at = ? WHERE pk = ?", (edge, pk))
        db.commit()
    finally:
        db.close()
    return path


def edge_json(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fechas.json"
    data = {"format": "policy-matrix", "version": 1, "proposal": load_example("es").model_dump(mode="json")}
    data["comments"] = _raw_comments()
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_model_brings_every_moment_into_range_with_a_zone() -> None:
    moments = [comment.created_at for comment in _comments()]
    assert moments == [LATEST_TIME, EARLIEST_TIME, LATEST_TIME, EARLIEST_TIME]
    assert all(moment.utcoffset() is not None for moment in moments)
    inside = Comment(created_at=datetime(2024, 5, 1, 10, 30))  # type: ignore[arg-type]
    assert inside.created_at == datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
    assert sorted([inside.created_at, *moments])  # moments with and without a zone compare
    for moment in moments:
        assert moment.astimezone(UTC).year in (1970, 3000)
        assert moment.astimezone().year in (1970, 3000)
        assert moment.timestamp() > 0


@pytest.mark.parametrize("make", [edge_pmx, edge_json])
def test_export_with_comments_writes_each_edge_moment_as_a_word_date(
    make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    source = make(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    status = main.run(["export", str(source), "--out-dir", str(out), "--comments"])
    captured = capsys.readouterr()
    assert status == main.EXIT_OK, captured.err
    assert not captured.err
    with zipfile.ZipFile(out / "fechas.docx") as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
    dates = sorted(comment.get(f"{W}date") for comment in comments.iter(f"{W}comment"))
    assert dates == ["1970-01-02T00:00:00Z"] * 2 + ["3000-12-30T00:00:00Z"] * 2


def test_review_and_its_csv_show_the_edge_snapshot_and_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = edge_pmx(tmp_path / "in")
    table = tmp_path / "out.csv"
    status = main.run(["review", str(source.parent), "--csv", str(table)])
    captured = capsys.readouterr()
    assert status == main.EXIT_OK, captured.err
    assert not captured.err
    assert "fechas.pmx" in captured.out
    [row] = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert row["Submitted"].startswith(("3000-12-29", "3000-12-30")), row  # in local time
    assert row["Open comments"] == "4"


def test_check_and_convert_read_the_edge_moments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edge_pmx(tmp_path / "in")
    assert main.run(["check", str(source)]) in (main.EXIT_OK, main.EXIT_FINDINGS)
    assert main.run(["convert", str(source), str(tmp_path / "fechas.json")]) == main.EXIT_OK
    assert "3000-12-30T00:00:00Z" in (tmp_path / "fechas.json").read_text(encoding="utf-8")
    assert not capsys.readouterr().err


@pytest.mark.gui
def test_the_dashboard_shows_and_sorts_the_edge_moments(qtbot: QtBot, tmp_path: Path, workers: Workers) -> None:
    from ui.dashboard.model import Column
    from ui.dashboard.view import DashboardView

    source = edge_pmx(tmp_path / "cohorte")
    Document.create(tmp_path / "cohorte" / "otra.pmx", load_example("en")).close()
    book = default_rulebook(UiContext.load("es").catalogs, UiContext.load("es").field_model)
    view = DashboardView(book.catalogs, book, "es", workers=workers)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    try:
        with qtbot.waitSignal(view.loader.finished, timeout=20_000):
            view.open_folder(source.parent, False)
        for column in (Column.MODIFIED, Column.SUBMITTED):
            view.proxy.sort(column, Qt.SortOrder.AscendingOrder)
            view.proxy.sort(column, Qt.SortOrder.DescendingOrder)
        texts = [view.proxy.index(row, Column.SUBMITTED).data() for row in range(view.proxy.rowCount())]
        assert any(text and "3000" in text for text in texts), texts
        view.grab()
    finally:
        view.shutdown()


@pytest.mark.gui
def test_the_comments_panel_and_the_snapshots_dialog_show_the_edge_moments(
    qtbot, qapp, tmp_path: Path, writer: DocumentWriter
) -> None:  # type: ignore[no-untyped-def]
    from ui.comments.thread_view import META_ROLE
    from ui.snapshots import SnapshotsDialog

    source = edge_pmx(tmp_path / "in")
    for app in commenting_app(qtbot, qapp, tmp_path, "Revisora", "facilitator", writer=writer):
        assert app.controller.open_path(source)
        panel = app.controller.comments.panel
        panel.refresh()
        metas = [panel.tree.topLevelItem(n).data(0, META_ROLE) for n in range(panel.tree.topLevelItemCount())]
        assert len(metas) == 4
        # The interface locale's short format writes two-digit years: 30/12/00 and 2/1/70 (local time).
        assert sum("/00 " in meta for meta in metas) == 2, metas
        assert sum("/70 " in meta for meta in metas) == 2, metas
        app.window.grab()
        session = app.controller.session
        assert isinstance(session, DocumentSession)
        dialog = SnapshotsDialog(session, session.document, app.context)
        qtbot.addWidget(dialog)
        listed = [dialog.list.topLevelItem(n).text(0) for n in range(dialog.list.topLevelItemCount())]
        listed += [dialog.list.topLevelItem(n).text(1) for n in range(dialog.list.topLevelItemCount())]
        assert any("3000" in text for text in listed), listed
        assert any("1970" in text for text in listed), listed
        dialog.grab()


def test_interchange_json_keeps_moments_with_their_zone(tmp_path: Path) -> None:
    text = dump_json(load_example("es"), _comments())
    assert "3000-12-30T00:00:00Z" in text
    assert "1970-01-02T00:00:00Z" in text
