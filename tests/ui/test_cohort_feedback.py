"""The feedback run shared by the command line and the dashboard: the same files from a pool as from one process."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from matrices.examples import load_example
from matrices.review import Comment
from tests.cli.test_cli_moodle import moodle_match
from tests.data.moodle_zips import Naming, Submission, pmx_bytes, worksheet_bytes, write_download
from ui.cohort.feedback import FeedbackRequest, build_feedback

# The exports in this process need a Qt application; the tests' own (a QApplication) must exist first, or the
# export would make a bare QGuiApplication that later widget tests cannot use.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def download(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("moodle")
    es, en = load_example("es"), load_example("en")
    submissions = [
        Submission("José Núñez", 12, {"propuesta.pmx": pmx_bytes(es)}),
        Submission("Luis Díaz", 15, {"plan.pmx": pmx_bytes(en, [Comment(id="K1", text="¿Fuente?")])}),
        Submission("Eva Ríos", 16, {"roto.pmx": b"SQLite format 3\0" + b"\0" * 200}),
        Submission("Ana Muñoz", 17, {"propuesta.json": es.model_dump_json().encode()}),
    ]
    worksheet = folder / "hoja.csv"
    worksheet.write_bytes(worksheet_bytes([(s.participant_id, s.name) for s in submissions], "en"))
    return write_download(folder / "descarga.zip", submissions), worksheet


def _contents(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: info.file_size for info in archive.infolist()}


def test_a_pool_of_two_writes_what_one_process_writes(download: tuple[Path, Path], tmp_path: Path) -> None:
    source, worksheet = download
    serial = build_feedback(FeedbackRequest(source, tmp_path / "uno.zip", worksheet, workers=1))
    pooled = build_feedback(FeedbackRequest(source, tmp_path / "dos.zip", worksheet, workers=2))
    assert serial.written == pooled.written == ["Ana Muñoz (17)", "José Núñez (12)", "Luis Díaz (15)"]
    assert [name for name, _reason in pooled.failed] == ["Eva Ríos (16)"]
    one, two = _contents(tmp_path / "uno.zip"), _contents(tmp_path / "dos.zip")
    assert one.keys() == two.keys()
    assert {name: size for name, size in one.items() if name.endswith(".pmx")} == {
        name: size for name, size in two.items() if name.endswith(".pmx")
    }
    assert (tmp_path / "uno.csv").read_bytes() == (tmp_path / "dos.csv").read_bytes()
    assert "Ana Muñoz_17_assignsubmission_file/propuesta-revisado.pmx" in one  # a .json proposal comes back a .pmx


def test_a_cancelled_run_writes_nothing(download: tuple[Path, Path], tmp_path: Path) -> None:
    source, worksheet = download
    seen: list[int] = []

    def progress(done: int, _total: int, _name: str) -> bool:
        seen.append(done)
        return done < 1

    result = build_feedback(FeedbackRequest(source, tmp_path / "r.zip", worksheet, workers=1), progress)
    assert result.cancelled
    assert seen == [0, 1]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("encoding", "naming"), [("cp850", "folders"), ("cp1252", "prefixed"), ("cp437", "legacy")])
def test_names_from_a_zip_re_made_on_windows_come_back_readable_and_matched(
    tmp_path: Path, encoding: str, naming: Naming
) -> None:
    data = pmx_bytes(load_example("es"))
    submissions = [
        Submission("Ángela Ñáñez", 21, {"propuesta.pmx": data}),
        Submission("Participante", 22, {"p.pmx": data}),
    ]
    if encoding == "cp437":  # cp437 has no capital Á or Ñ: a US Windows could not have written them
        submissions[0] = Submission("Iñigo Peña", 21, {"propuesta.pmx": data})
    source = write_download(tmp_path / "d.zip", submissions, naming, legacy_encoding=encoding)
    build_feedback(FeedbackRequest(source, tmp_path / "r.zip", workers=1))
    with zipfile.ZipFile(tmp_path / "r.zip") as archive:
        names = archive.namelist()
        flagged = [bool(info.flag_bits & 0x800) for info in archive.infolist()]
        assert flagged == [not name.isascii() for name in names]  # written as UTF-8, and flagged as such
    assert {name.split("/")[0] for name in names} == {
        f"{submissions[0].name}_21_assignsubmission_file",
        "Participante_22_assignsubmission_file",
    }
    assert sorted(moodle_match(name, {21, 22})[0] for name in names) == [21, 21, 22, 22]  # type: ignore[index]
