"""A Moodle download (zip or unpacked folder): one row per participant, what they sent, and the working copies."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from matrices.examples import load_example
from matrices.review import Comment
from storage import moodle_zip
from storage.document import Document
from storage.errors import DocumentError
from storage.moodle import (
    DownloadReader,
    Participant,
    is_download,
    make_working_copy,
    parse_part,
    scan_download,
)
from storage.summary import ReviewEntry
from tests.data.moodle_zips import Naming, Submission, pmx_bytes, symlink_entry, write_download, write_folder


@pytest.fixture(scope="module")
def pmx() -> bytes:
    return pmx_bytes(load_example("es"))


@pytest.fixture(scope="module")
def pmx_en() -> bytes:
    return pmx_bytes(load_example("en"), [Comment(id="K1", text="¿Fuente del dato?")])


def _cohort(pmx: bytes, pmx_en: bytes) -> list[Submission]:
    return [
        Submission("José Núñez", 12, {"propuesta.pmx": pmx}),
        Submission("Participante", 13, {"v1.pmx": pmx, "v2.pmx": pmx}),  # blind marking, two proposals
        Submission("Ana Muñoz", 14, {"informe.docx": b"PK\x03\x04"}),  # only a Word file
        Submission("Luis Díaz", 15, {"sub/plan.pmx": pmx_en, "notas.txt": b"hola"}),
        Submission("Eva Ríos", 16, {"roto.pmx": b"SQLite format 3\0" + b"\0" * 200}),  # damaged
        Submission("Carmen Paz", 17, {"foto.jpg": b"\xff\xd8"}),  # nothing readable
        Submission("Pedro Gil", 18, {"propuesta.json": load_example("es").model_dump_json().encode()}),
    ]


def _rows(path: Path) -> dict[int, ReviewEntry]:
    download = scan_download(path)
    with DownloadReader(download) as reader:
        entries = [reader.entry(p) for p in download.participants]
    return {entry.submitter.participant_id: entry for entry in entries if entry.submitter is not None}


def _check_rows(rows: dict[int, ReviewEntry]) -> None:
    assert sorted(rows) == [12, 13, 14, 15, 16, 17, 18]
    assert rows[12].submitter.name == "José Núñez"
    assert rows[12].summary is not None
    assert rows[12].summary.title.startswith("Estrategia")
    assert rows[13].submitter.status == "several"
    assert rows[13].submitter.files == "v1.pmx, v2.pmx"
    assert rows[14].submitter.status == "word_only"
    assert rows[14].summary is None
    assert rows[14].error is None
    assert rows[15].summary is not None
    assert rows[15].summary.comments_open == 1
    assert rows[16].summary is None
    assert "roto.pmx" in (rows[16].error or "")
    assert rows[17].submitter.status == "nothing"
    assert rows[18].summary is not None  # a .json proposal is read too
    assert not any(entry.submitter.reviewed for entry in rows.values())


@pytest.mark.parametrize("naming", ["folders", "legacy", "prefixed"])
def test_a_zip_lists_one_row_per_participant(tmp_path: Path, pmx: bytes, pmx_en: bytes, naming: Naming) -> None:
    path = write_download(tmp_path / "descarga.zip", _cohort(pmx, pmx_en), naming)
    assert is_download(path)
    _check_rows(_rows(path))


@pytest.mark.parametrize("naming", ["folders", "legacy", "prefixed"])
def test_the_unpacked_folder_lists_the_same_rows(tmp_path: Path, pmx: bytes, pmx_en: bytes, naming: Naming) -> None:
    folder = write_folder(tmp_path / "descarga", _cohort(pmx, pmx_en), naming)
    assert is_download(folder)
    _check_rows(_rows(folder))


def test_a_plain_folder_of_proposals_is_not_a_download(tmp_path: Path, pmx: bytes) -> None:
    (tmp_path / "propuesta_1.pmx").write_bytes(pmx)
    assert not is_download(tmp_path)


def test_names_from_a_zip_made_on_windows(tmp_path: Path, pmx: bytes) -> None:
    submissions = [Submission("Ángela Ñáñez", 21, {"propuesta.pmx": pmx})]
    path = write_download(tmp_path / "d.zip", submissions, legacy_encoding="cp850")
    (participant,) = scan_download(path).participants
    assert (participant.name, participant.participant_id) == ("Ángela Ñáñez", 21)


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("Ana Pérez_12_assignsubmission_file", ("Ana Pérez", 12, "")),
        ("Ana Pérez_12_assignsubmission_file_", ("Ana Pérez", 12, "")),
        ("Ana Pérez_12_assignsubmission_file_propuesta v2.pmx", ("Ana Pérez", 12, "propuesta v2.pmx")),
        ("Participant_7_assignsubmission_onlinetext", ("Participant", 7, "")),
        ("Ana_x12_assignsubmission_file", None),
        ("Ana_12_otherplugin_file", None),
        ("Ana_12", None),
    ],
)
def test_moodle_names_are_read_as_moodle_reads_them(part: str, expected: tuple[str, int, str] | None) -> None:
    found = parse_part(part)
    assert (found and (found.name, found.participant_id, found.rest)) == expected


def test_blind_marking_shows_the_participant_word_in_the_asked_language() -> None:
    blind = Participant(13, "Participante", "Participante_13")
    assert blind.blind
    assert blind.shown_name("en") == "Participant 13"
    assert blind.shown_name("es") == "Participante 13"
    assert Participant(12, "Ana", "Ana_12").shown_name("en") == "Ana"


def test_hostile_members_are_listed_with_their_reason_and_never_read(tmp_path: Path, pmx: bytes) -> None:
    extra = [
        symlink_entry("Ana_1_assignsubmission_file/enlace.pmx", "/etc/passwd"),
        ("Luis_2_assignsubmission_file/../../fuera.pmx", pmx),
        ("Eva_3_assignsubmission_file/p.pmx", pmx),
        ("Eva_3_assignsubmission_file/P.pmx", pmx),
    ]
    path = write_download(tmp_path / "d.zip", [], extra=extra)
    rows = _rows(path)
    assert "symbolic link" in (rows[1].error or "")
    assert "outside its folder" in (rows[2].error or "")
    assert rows[3].summary is None
    assert "same name" in (rows[3].error or "")


def test_hidden_files_and_macos_forks_are_left_out(tmp_path: Path, pmx: bytes) -> None:
    extra = [("__MACOSX/Ana_1_assignsubmission_file/._p.pmx", b"junk"), ("Ana_1_assignsubmission_file/~$p.docx", b"")]
    path = write_download(tmp_path / "d.zip", [Submission("Ana", 1, {"p.pmx": pmx})], extra=extra)
    (participant,) = scan_download(path).participants
    assert [f.name for f in participant.files] == ["p.pmx"]


def test_files_of_nobody_are_kept_apart(tmp_path: Path, pmx: bytes) -> None:
    path = write_download(tmp_path / "d.zip", [Submission("Ana", 1, {"p.pmx": pmx})], extra=[("LEEME.txt", b"")])
    assert [f.key for f in scan_download(path).unmatched] == ["LEEME.txt"]


def test_review_state_lives_in_the_working_copy_and_survives_a_new_session(tmp_path: Path, pmx: bytes) -> None:
    path = write_download(tmp_path / "descarga.zip", [Submission("José Núñez", 12, {"propuesta.pmx": pmx})])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    download = scan_download(path)
    (participant,) = download.participants
    with DownloadReader(download) as reader:
        copy = make_working_copy(download, participant, reader)
    assert copy == tmp_path / "descarga-review" / "José Núñez_12" / "propuesta.pmx"
    assert copy.read_bytes() == pmx  # the participant's file as sent, snapshots and all
    with Document.open(copy) as document:  # the facilitator comments, as the review window does
        document.save_comments([Comment(id="K1", text="Falta la fuente")])
    # A new session: the same download, scanned again from nothing.
    rows = _rows(path)
    assert rows[12].submitter.reviewed
    assert rows[12].path == copy
    assert rows[12].summary is not None
    assert rows[12].summary.comments_open == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the download itself never changes


def test_a_working_copy_is_never_placed_where_a_journal_would_be_rolled_into_it(tmp_path: Path, pmx: bytes) -> None:
    path = write_download(tmp_path / "descarga.zip", [Submission("José Núñez", 12, {"propuesta.pmx": pmx})])
    download = scan_download(path)
    (participant,) = download.participants
    target = tmp_path / "descarga-review" / "José Núñez_12" / "propuesta.pmx"
    target.parent.mkdir(parents=True)
    journal = target.with_name("propuesta.pmx-journal")
    journal.write_bytes(b"\xd9" + bytes(600))  # left by an earlier file of that name: hot, as SQLite sees it
    with DownloadReader(download) as reader, pytest.raises(DocumentError, match=r"\(propuesta\.pmx-journal\)"):
        make_working_copy(download, participant, reader)
    assert sorted(p.name for p in target.parent.iterdir()) == ["propuesta.pmx-journal"]


def test_a_json_proposal_gets_a_pmx_working_copy(tmp_path: Path) -> None:
    data = load_example("en").model_dump_json().encode()
    folder = write_folder(tmp_path / "d", [Submission("Ana", 5, {"propuesta.json": data})])
    download = scan_download(folder)
    with DownloadReader(download) as reader:
        copy = make_working_copy(download, download.participants[0], reader)
    with Document.open(copy, read_only=True) as document:
        assert document.load().title == load_example("en").title
    assert (folder / "Ana_5_assignsubmission_file" / "propuesta.json").read_bytes() == data


def test_a_damaged_proposal_gets_no_working_copy(tmp_path: Path) -> None:
    path = write_download(tmp_path / "d.zip", [Submission("Eva", 3, {"p.pmx": b"SQLite format 3\0" + b"\1" * 300})])
    download = scan_download(path)
    with DownloadReader(download) as reader, pytest.raises(Exception, match=r"damaged|not a Policy Matrix"):
        make_working_copy(download, download.participants[0], reader)
    assert not (tmp_path / "d-review").exists() or not any((tmp_path / "d-review").rglob("*.pmx"))


def test_an_unpacked_download_refuses_links(tmp_path: Path, pmx: bytes) -> None:
    folder = write_folder(tmp_path / "d", [Submission("Ana", 1, {"p.pmx": pmx})])
    secret = tmp_path / "secreto.pmx"
    secret.write_bytes(pmx)
    (folder / "Luis_2_assignsubmission_file").mkdir()
    (folder / "Luis_2_assignsubmission_file" / "p.pmx").symlink_to(secret)
    rows = _rows(folder)
    assert rows[1].summary is not None
    assert rows[2].summary is None
    assert "symbolic link" in (rows[2].error or "")


def test_zip_members_are_read_in_memory_never_unpacked(
    tmp_path: Path, pmx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_download(tmp_path / "d.zip", [Submission("Ana", 1, {"p.pmx": pmx})])
    monkeypatch.setattr(zipfile.ZipFile, "extract", None)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", None)
    before = sorted(tmp_path.rglob("*"))
    assert _rows(path)[1].summary is not None
    assert sorted(tmp_path.rglob("*")) == before


def test_the_copy_kept_by_a_migration_does_not_hide_the_working_copy(tmp_path: Path, pmx: bytes) -> None:
    path = write_download(tmp_path / "d.zip", [Submission("Ana", 7, {"p.pmx": pmx})])
    download = scan_download(path)
    with DownloadReader(download) as reader:
        copy = make_working_copy(download, download.participants[0], reader)
    (copy.parent / "p.v1.bak.pmx").write_bytes(pmx)  # what opening an older copy for editing leaves beside it
    assert DownloadReader(download).working_copy(download.participants[0]) == copy


def test_a_bomb_among_the_submissions_is_refused_and_the_others_are_read(
    tmp_path: Path, pmx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moodle_zip, "MAX_MEMBER_BYTES", 2_000_000)
    bomb = ("Pedro_4_assignsubmission_file/p.pmx", b"\0" * 10_000_000)  # 10 MB of zeros: 10 KB in the zip
    path = write_download(tmp_path / "d.zip", [Submission("Ana", 1, {"p.pmx": pmx})], extra=[bomb])
    assert path.stat().st_size < 200_000
    rows = _rows(path)
    assert rows[1].summary is not None
    assert "too large" in (rows[4].error or "")
