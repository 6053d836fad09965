"""The bounded zip reader: names decoded as their maker meant them, hostile members refused, costs bounded."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from storage import moodle_zip
from storage.errors import ArchiveError, MemberError
from storage.moodle_zip import BoundedZip, legacy_name
from tests.data.moodle_zips import Submission, lying_size_zip, overlapping_zip, symlink_entry, write_download


def _names(path: Path) -> dict[str, str | None]:
    with BoundedZip.open(path) as archive:
        return {member.name: member.problem for member in archive.members}


@pytest.mark.parametrize("encoding", ["cp437", "cp850", "cp1252"])
def test_names_written_in_a_legacy_code_page_read_as_written(tmp_path: Path, encoding: str) -> None:
    submissions = [Submission("José Núñez", 12, {"propuesta.pmx": b"x"}), Submission("Ana Muñoz", 13, {"a.pmx": b"y"})]
    path = write_download(tmp_path / "d.zip", submissions, legacy_encoding=encoding)
    with zipfile.ZipFile(path) as raw:
        assert all(not info.flag_bits & 0x800 for info in raw.infolist())  # unflagged, as a Windows tool writes
    assert set(_names(path)) == {
        "José Núñez_12_assignsubmission_file/propuesta.pmx",
        "Ana Muñoz_13_assignsubmission_file/a.pmx",
    }


def test_capitals_of_the_oem_code_page_read_as_letters() -> None:
    # cp437 has no Á or Ó: a Spanish Windows writes them in cp850, where cp437 reads box-drawing signs.
    assert legacy_name("ÁLVARO ÓRTIZ".encode("cp850")) == "ÁLVARO ÓRTIZ"
    assert legacy_name("José".encode("latin-1")) == "José"
    assert legacy_name("Peña".encode("cp437")) == "Peña"


def test_utf8_names_without_the_flag_read_as_utf8(tmp_path: Path) -> None:
    path = write_download(tmp_path / "d.zip", [Submission("Zoë", 1, {"p.pmx": b"x"})], legacy_encoding="utf-8")
    assert set(_names(path)) == {"Zoë_1_assignsubmission_file/p.pmx"}


def test_the_unicode_path_field_wins_over_the_legacy_name(tmp_path: Path) -> None:
    legacy = "Jos?_1_assignsubmission_file/p.pmx".encode("ascii")
    utf8 = "José_1_assignsubmission_file/p.pmx".encode()
    info = zipfile.ZipInfo(legacy.decode("ascii"))
    info.extra = struct.pack("<HHBI", 0x7075, 5 + len(utf8), 1, zlib.crc32(legacy)) + utf8
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, b"x")
    assert set(_names(path)) == {"José_1_assignsubmission_file/p.pmx"}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Ana_1_assignsubmission_file/../../../etc/evil.pmx", "a name that points outside its folder"),
        ("/etc/evil.pmx", "an absolute path as its name"),
        ("C:/Windows/evil.pmx", "an absolute path as its name"),
        ("Ana_1_assignsubmission_file\\..\\evil.pmx", "a name that points outside its folder"),
        ("Ana_1_assignsubmission_file/e\x1b[31mvil.pmx", "a control character in its name"),
    ],
)
def test_unsafe_names_are_refused_with_their_reason(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo(name), b"SQLite format 3\0")
    with BoundedZip.open(path) as archive:
        (member,) = archive.members
        assert member.problem == reason
        with pytest.raises(MemberError, match="refused"):
            archive.read(member)


def test_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    path = write_download(tmp_path / "d.zip", [], extra=[symlink_entry("Ana_1_assignsubmission_file/p.pmx", "/")])
    assert _names(path) == {"Ana_1_assignsubmission_file/p.pmx": "a symbolic link"}


def test_names_that_unpack_to_the_same_file_are_both_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Ana_1_assignsubmission_file/p.pmx", b"one")
        archive.writestr("Ana_1_assignsubmission_file/P.PMX", b"two")
        archive.writestr("Luis_2_assignsubmission_file/p.pmx", b"three")
    problems = _names(path)
    assert problems["Ana_1_assignsubmission_file/p.pmx"] == "another file of the zip has the same name"
    assert problems["Ana_1_assignsubmission_file/P.PMX"] == "another file of the zip has the same name"
    assert problems["Luis_2_assignsubmission_file/p.pmx"] is None


def test_a_member_declaring_more_than_the_bound_is_not_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(moodle_zip, "MAX_MEMBER_BYTES", 1_000_000)
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Ana_1_assignsubmission_file/p.pmx", b"\0" * 5_000_000)  # 5 MB of zeros: 5 KB deflated
    with BoundedZip.open(path) as archive, pytest.raises(MemberError, match="too large"):
        archive.read(archive.members[0])


def test_a_member_inflating_past_what_it_declares_is_refused(tmp_path: Path) -> None:
    path = lying_size_zip(tmp_path / "d.zip", "Ana_1_assignsubmission_file/p.pmx", actual=3_000_000, declared=1000)
    with BoundedZip.open(path) as archive, pytest.raises(MemberError):
        archive.read(archive.members[0])


def test_the_total_inflated_in_one_reading_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moodle_zip, "MAX_TOTAL_BYTES", 2_500_000)
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(3):
            archive.writestr(f"P_{n}_assignsubmission_file/p.pmx", b"\0" * 1_000_000)
    with BoundedZip.open(path) as archive:
        archive.read(archive.members[0])
        archive.read(archive.members[1])
        with pytest.raises(MemberError, match="more than"):
            archive.read(archive.members[2])


def test_entries_sharing_their_data_are_refused_as_a_bomb(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="overlap"):
        BoundedZip.open(overlapping_zip(tmp_path / "bomb.zip", copies=50))


def test_too_many_entries_are_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moodle_zip, "MAX_MEMBERS", 10)
    path = tmp_path / "d.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(11):
            archive.writestr(f"f{n}.txt", b"")
    with pytest.raises(ArchiveError, match="too many files"):
        BoundedZip.open(path)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"hello" * 100])
def test_what_is_not_a_zip_is_one_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "d.zip"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match="zip"):
        BoundedZip.open(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_zip_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "d.zip"
    os.mkfifo(path)
    with pytest.raises(ArchiveError, match="regular file"):
        BoundedZip.open(path)
