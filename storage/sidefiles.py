"""The files SQLite consults beside a document, checked before any connection opens it.

SQLite looks beside the document's real path (links resolved) and acts on what it finds before the first query
returns: it rolls a hot NAME.pmx-journal back into the document, deleting on the way the "super-journal" file
the journal names (any path at all), and it merges a NAME.pmx-wal into the document. Policy Matrix writes
neither a super-journal nor a write-ahead log, and such files come from other people (a zip, a shared folder),
so before a connection is made:

- a -wal of any kind is refused: merging it would change the document for good;
- a -journal that is not a plain file of this user (a link, a folder, a pipe, a file with other names) is
  refused: SQLite would block on it, fail every save on it, or write through it;
- a hot -journal must look like the one a crash of ours leaves: SQLite's journal header, with the document's page
  size and an original size the file still has, no larger than a journal of the document can be, and no
  super-journal record. Before SQLite rolls one back into the document (on an open for writing,
  tests/faults/test_crash.py), storage/opening.py rolls it back into a private copy and refuses it if the copy
  is not then a document it would open: a journal that would cut the document short or fill it with another
  database's pages never reaches it.

A -shm is read only in write-ahead mode, which is refused: a stray one is never opened, and is left alone.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
from pathlib import Path

from storage.errors import UntrustedSideFileError
from storage.filenames import shown_name

JOURNAL_SUFFIX = "-journal"
WAL_SUFFIX = "-wal"
SHM_SUFFIX = "-shm"
"""What SQLite appends to a database's name for its rollback journal, its write-ahead log and that log's index."""
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
"""The first 8 bytes of every header of an SQLite rollback journal, and the last 8 of a super-journal record."""
_JOURNAL_HEADER = struct.Struct(">8sIIIII")
"""magic, records in this segment, checksum seed, pages before the transaction, sector size, page size."""
_MAX_SECTOR = 0x10000


def real_path(document: Path) -> Path:
    """Return the path SQLite opens for document, every link resolved: its journal and log are beside this one."""
    return Path(os.path.realpath(document))


def journal_path(document: Path) -> Path:
    """Return where SQLite keeps the rollback journal of document."""
    real = real_path(document)
    return real.with_name(real.name + JOURNAL_SUFFIX)


def wal_path(document: Path) -> Path:
    """Return where SQLite would look for a write-ahead log of document."""
    real = real_path(document)
    return real.with_name(real.name + WAL_SUFFIX)


def page_size_of(header: bytes) -> int:
    """Return the page size an SQLite file header declares (bytes 16-17; 1 stands for 65536)."""
    value = int.from_bytes(header[16:18], "big")
    return 65536 if value == 1 else value


def foreign_file_problem(info: os.stat_result) -> str | None:
    """Return why a side file (as lstat saw it) cannot be a plain file this user's Policy Matrix made, or None."""
    if stat.S_ISLNK(info.st_mode):
        return "it is a link"
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_nlink > 1:
        return "it has other names (hard links)"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "it belongs to another user"
    return None


def side_file_error(document: Path, side: Path, problem: str) -> UntrustedSideFileError:
    """Return the refusal of a document because of one of its side files."""
    return UntrustedSideFileError(
        f"has a file beside it ({shown_name(side)}) that Policy Matrix did not write ({problem}); nothing was done "
        "with it: move it out of the folder and try again",
        document,
        side,
        problem,
    )


def check_side_files(document: Path, header: bytes) -> None:
    """Refuse document when SQLite would act on a file beside it that Policy Matrix did not write."""
    wal = wal_path(document)
    if _lstat(wal) is not None:
        raise side_file_error(document, wal, "a write-ahead log, which would be merged into the document")
    journal = journal_path(document)
    problem = journal_problem(journal, page_size_of(header), os.stat(real_path(document)).st_size)
    if problem is not None:
        raise side_file_error(document, journal, problem)


def check_target_side_files(target: Path) -> None:
    """Refuse to put a new file at target while SQLite would act on a file beside it (a journal, a log).

    Whatever lies there belongs to another file, or to nobody: rolled back or merged into the new file, it
    would damage it.
    """
    wal = wal_path(target)
    if _lstat(wal) is not None:
        raise side_file_error(target, wal, "a write-ahead log, which would be merged into the new file")
    journal = journal_path(target)
    info = _lstat(journal)
    if info is None:
        return
    problem = foreign_file_problem(info)
    if problem is None and not is_hot(journal, info):
        return
    raise side_file_error(target, journal, problem or "a journal that would be rolled back into the new file")


def is_hot(journal: Path, info: os.stat_result | None = None) -> bool:
    """Tell whether SQLite would play this journal back: it is not empty and its first byte is not zero."""
    info = info or _lstat(journal)
    if info is None or info.st_size == 0:
        return False
    try:
        fd = open_no_follow(journal, info, os.O_RDONLY)
    except OSError:
        return True
    try:
        return _read(fd, 0, 1) != b"\x00"
    except OSError:
        return True
    finally:
        os.close(fd)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return None  # a name the file system refuses: no such file can be there
        raise


def side_names_fit(document: Path) -> bool:
    """Tell whether the file system accepts the longest name of a file beside document (the -journal's).

    When it does not, SQLite cannot write the journal, and so no save of the document can succeed.
    """
    try:
        os.lstat(journal_path(document))
    except OSError as exc:
        return exc.errno != errno.ENAMETOOLONG
    return True


def open_no_follow(path: Path, info: os.stat_result, flags: int) -> int:
    """Open the very file lstat saw (never through a link, never blocking on a pipe); OSError if it changed."""
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0))
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
        os.close(fd)
        raise FileNotFoundError(f"{path} changed while it was opened")
    return fd


def journal_problem(journal: Path, page_size: int, document_size: int) -> str | None:
    """Return why the journal at this path must not be rolled back into the document it is beside, or None.

    page_size and document_size: the document's, from its header and its file.
    """
    try:
        info = _lstat(journal)
        if info is None:
            return None
        problem = foreign_file_problem(info)
        if problem is not None or info.st_size == 0:
            return problem
        fd = open_no_follow(journal, info, os.O_RDONLY)
    except OSError:
        return "it cannot be read"
    try:
        return _hot_journal_problem(fd, os.fstat(fd).st_size, page_size, document_size)
    except OSError:
        return "it cannot be read"
    finally:
        os.close(fd)


def _read(fd: int, offset: int, size: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _hot_journal_problem(fd: int, size: int, page_size: int, document_size: int) -> str | None:
    head = _read(fd, 0, _JOURNAL_HEADER.size)
    if head[:1] == b"\x00":
        return None  # SQLite never plays back a journal whose first byte is zero (one still being written)
    if len(head) < _JOURNAL_HEADER.size or not head.startswith(JOURNAL_MAGIC):
        return "it is not an SQLite journal"
    _magic, _records, _seed, original_pages, sector, journal_page_size = _JOURNAL_HEADER.unpack(head)
    sector_ok = 32 <= sector <= _MAX_SECTOR and sector & (sector - 1) == 0
    # Policy Matrix never shrinks a document (no VACUUM), so a transaction of ours started from at most the pages
    # the file has now, and journaled each of them at most once (a record and, at worst, a segment header each).
    pages = document_size // page_size if page_size else 0
    if journal_page_size != page_size or not sector_ok or not 0 < original_pages <= pages or size < sector:
        return "its header does not match the document"
    if size > (pages + 1) * (page_size + 8 + sector):
        return "it is larger than any journal of the document could be"
    if size >= 16 and _read(fd, size - 8, 8) == JOURNAL_MAGIC:
        return "it names another file for SQLite to delete"
    return None
