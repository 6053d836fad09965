"""Reading a zip of strangers' files (a Moodle submissions download) with a bound on everything it could cost.

    with BoundedZip.open(path) as archive:         # ArchiveError when the zip cannot be read at all
        for member in archive.members:             # every file, its name decoded; member.problem says why not
            data = archive.read(member)            # bytes in memory, or MemberError

Nothing is ever unpacked to disk: a member is read into memory (a .pmx is then checked and opened there), so a
member's name never becomes a path. Names are still judged, because they decide which participant a file is
listed under and a facilitator may unpack the same zip with another tool: an absolute name, a `..` part, a
control character, a symbolic link, an encrypted entry or two entries that would unpack to the same file (names
equal but for case) are refused with their reason. The costs are bounded before zipfile parses anything (the
count and size of the central directory, read from its end record) and while reading (entries whose data
overlap, a member larger than MAX_MEMBER_BYTES or larger than it declares, more than MAX_TOTAL_BYTES inflated in
one reading: the "zip bomb" shapes). How names that are not flagged UTF-8 are decoded is in docs/moodle.md.
"""

from __future__ import annotations

import itertools
import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

from storage.errors import ArchiveError, MemberError

MAX_MEMBERS = 20_000
"""Entries a download may list (300 participants with a few files each need ~1,000)."""
MAX_CENTRAL_BYTES = 16 * 1024 * 1024
"""Size of the central directory zipfile parses into memory (about 46 bytes and a name per entry)."""
MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""Largest member read into memory (the large proposal is about 1 MB)."""
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
"""Most bytes one reading of a download inflates, all members together."""
MAX_NAME_BYTES = 1024

_UTF8_FLAG = 0x800  # general purpose bit 11: the name is UTF-8
_ENCRYPTED_FLAG = 0x1
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP's field: a UTF-8 name beside a legacy one, tied to it by its CRC-32
_END_RECORD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_LOCAL_HEADER_SIZE = 30
_CHUNK = 1 << 16
# Code pages a zip tool may have written a name in without saying so: the zip format's own default (the IBM PC's),
# the one Windows uses in Western Europe and the Americas for zips, and the Windows "ANSI" one (Latin-1).
LEGACY_ENCODINGS = ("cp437", "cp850", "cp1252")


@dataclass(frozen=True)
class Member:
    """One file of a zip: its decoded name, and why it may not be read (None when it may)."""

    name: str
    """The name with '/' between folders (a backslash counts as one too), as a person would read it."""
    info: zipfile.ZipInfo
    problem: str | None = None

    @property
    def size(self) -> int:
        """Return the size the member declares once inflated."""
        return int(self.info.file_size)


def legacy_name(raw: bytes) -> str:
    """Decode a name the zip does not flag as UTF-8: UTF-8 if it is, else the likeliest legacy code page."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # max() keeps the first of equals: the zip format's own default wins a tie.
    return max((raw.decode(code, "replace") for code in LEGACY_ENCODINGS), key=_plausibility)


def _plausibility(text: str) -> int:
    """Score a decoding of a person's file name: Latin letters are likely, symbols and capitals mid-word are not."""
    score, previous = 0, ""
    for ch in text:
        if ord(ch) >= 0x80:
            latin = unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")
            score += 2 if latin else -2
            if ch.isupper() and previous.islower():
                score -= 1
        previous = ch
    return score


def _unicode_path(info: zipfile.ZipInfo, raw: bytes) -> str | None:
    """Return the UTF-8 name of Info-ZIP's Unicode Path field when it matches the legacy name, else None."""
    extra, at = info.extra, 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + length]
        at += 4 + length
        matches = kind == _UNICODE_PATH_EXTRA and len(body) >= 5 and body[0] == 1
        if matches and struct.unpack_from("<I", body, 1)[0] == zlib.crc32(raw):
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                return None
    return None


def decode_name(info: zipfile.ZipInfo) -> str:
    """Return a member's name as its maker meant it, with '/' between folders."""
    if info.flag_bits & _UTF8_FLAG:
        name = info.orig_filename
    else:
        raw = info.orig_filename.encode("cp437")  # zipfile decoded the bytes as cp437: this gives them back
        name = _unicode_path(info, raw) or legacy_name(raw)
    return name.replace("\\", "/")


def name_problem(name: str) -> str | None:
    """Return why a member's name is refused (it could not be unpacked safely), or None."""
    if not name.strip("/"):
        return "an empty name"
    if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        return "a name too long"
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return "a control character in its name"
    parts = name.rstrip("/").split("/")
    if name.startswith("/") or (len(parts[0]) == 2 and parts[0][1] == ":"):
        return "an absolute path as its name"
    if any(part in ("..", ".") for part in parts) or "" in parts:
        return "a name that points outside its folder"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _directory_bounds(stream: BinaryIO, size: int) -> tuple[int, int]:
    """Return (entries, bytes) of the central directory, read from the end record (and its ZIP64 form)."""
    tail_size = min(size, 22 + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(_END_RECORD)
    if at < 0 or at + 22 > len(tail):
        raise ArchiveError("is not a zip file (or is cut short)")
    entries, directory = struct.unpack_from("<HI", tail, at + 10)
    locator = at - 20
    if locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        if offset > size - 56:
            raise ArchiveError("is a damaged zip file (its ZIP64 record points past its end)")
        stream.seek(offset)
        record = stream.read(56)
        if record[:4] != _ZIP64_END:
            raise ArchiveError("is a damaged zip file (its ZIP64 record is missing)")
        entries, directory = struct.unpack_from("<QQ", record, 32)
    return entries, directory


def _check_overlap(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse entries whose data overlap: the shape of a zip bomb that inflates one block many times."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for first, second in itertools.pairwise(ordered):
        if first.header_offset + _LOCAL_HEADER_SIZE + first.compress_size > second.header_offset:
            raise ArchiveError("is refused: its entries overlap (the shape of a zip bomb)")


class BoundedZip:
    """An open zip whose members are listed with their problems and read into memory within fixed bounds."""

    def __init__(self, path: Path, stream: BinaryIO, archive: zipfile.ZipFile, members: list[Member]) -> None:
        self.path = path
        self.members = members
        self._stream = stream
        self._zip = archive
        self._inflated = 0

    @classmethod
    def open(cls, path: Path | str) -> BoundedZip:
        """Open a zip and list its members; ArchiveError when it is missing, not a zip, or past the bounds."""
        target = Path(path)
        try:
            info = os.stat(target)
            if not stat.S_ISREG(info.st_mode):
                raise ArchiveError("is not a regular file", target)  # a pipe or device would block the read
            stream = open(target, "rb")  # noqa: SIM115 - the ZipFile owns it from here
        except FileNotFoundError as exc:
            raise ArchiveError("no such file", target) from exc
        except OSError as exc:
            raise ArchiveError(f"cannot be read ({exc.strerror or 'input/output error'})", target) from exc
        try:
            entries, directory = _directory_bounds(stream, info.st_size)
            if entries > MAX_MEMBERS or directory > MAX_CENTRAL_BYTES:
                raise ArchiveError(f"lists too many files ({entries}; at most {MAX_MEMBERS} are read)", target)
            stream.seek(0)
            archive = zipfile.ZipFile(stream)
            infos = archive.infolist()
            _check_overlap(infos)
        except ArchiveError as exc:
            stream.close()
            exc.path = exc.path or target
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error) as exc:
            stream.close()
            raise ArchiveError("is not a zip file, or a damaged one", target) from exc
        return cls(target, stream, archive, _members(infos))

    def read(self, member: Member) -> bytes:
        """Return a member's bytes, inflated in memory within the bounds; MemberError when refused or damaged."""
        if member.problem is not None:
            raise MemberError(f"is refused: {member.problem}", member.name)
        declared = member.size
        if declared > MAX_MEMBER_BYTES:
            raise MemberError(f"is too large to read ({declared // 1_048_576} MB)", member.name)
        if self._inflated + declared > MAX_TOTAL_BYTES:
            raise MemberError("is not read: the download holds more than its reader inflates at once", member.name)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(member.info) as stream:
                while chunk := stream.read(_CHUNK):
                    got += len(chunk)
                    if got > declared:
                        raise MemberError("is larger than its zip entry declares (a zip bomb)", member.name)
                    chunks.append(chunk)
        except MemberError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise MemberError("is damaged in the zip and cannot be read", member.name) from exc
        except (NotImplementedError, RuntimeError) as exc:  # an unknown compression method, a password
            raise MemberError("is stored in a way this reader does not support", member.name) from exc
        finally:
            self._inflated += got
        return b"".join(chunks)

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()
        self._stream.close()  # a ZipFile leaves a stream it was given open

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def _members(infos: list[zipfile.ZipInfo]) -> list[Member]:
    """Return the file members with their decoded names and problems (folders are left out)."""
    named = [(name, info) for name, info in ((decode_name(info), info) for info in infos) if not name.endswith("/")]
    folded = Counter(name.casefold() for name, _info in named)
    members = []
    for name, info in named:
        problem = name_problem(name)
        if problem is None and _is_symlink(info):
            problem = "a symbolic link"
        elif problem is None and info.flag_bits & _ENCRYPTED_FLAG:
            problem = "encrypted"
        elif problem is None and folded[name.casefold()] > 1:
            problem = "another file of the zip has the same name"
        members.append(Member(name, info, problem))
    return members
