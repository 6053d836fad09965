"""The lock file beside a document (NAME.pmx.lock): an OS advisory lock held while the document is open for writing.

The operating system releases the lock when the process ends, however it ends, so a crash never leaves a stale
lock behind, only its file: the next acquire removes that file (when nobody holds it and it is provably ours: a
plain file of this user holding what acquire writes) and creates a fresh one. The lock is taken on an open file
description (flock on POSIX), so a second Document in the same process is refused just like another process. The
file holds who holds the lock, for the refused one to show.

The lock file sits in a folder other people fill, so it is never trusted: a new one is created exclusively and
never through a link, an existing one is only read, and one that is a link, a folder, a pipe, a file with other
names or another program's file is refused (UntrustedSideFileError), never written, truncated or removed.
Plain Python (no Qt): storage must not depend on the GUI toolkit.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import DocumentLockedError
from storage.sidefiles import foreign_file_problem, open_no_follow, real_path, side_file_error

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

APP_NAME = "Policy Matrix"
LOCK_SUFFIX = ".lock"
"""What the lock file adds to the name of the file it locks."""
# Windows byte-range locks are mandatory: lock a byte past the holder's description so others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 20
_MAX_INFO_BYTES = 4096


def lock_path_for(document: Path) -> Path:
    """Return the lock file path of a document: NAME.pmx -> NAME.pmx.lock, beside the file links lead to.

    Beside the real file, as SQLite keeps the journal: two names for one document share one lock.
    """
    real = real_path(document)
    return real.with_name(real.name + LOCK_SUFFIX)


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; return False when someone else holds it."""
    try:
        if sys.platform == "win32":  # pragma: no cover
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        # flock says EWOULDBLOCK; msvcrt reports contention as EACCES or EDEADLOCK.
        if isinstance(exc, BlockingIOError) or sys.platform == "win32":
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _describe_self() -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    info = {
        "app": APP_NAME,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": user,
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return json.dumps(info, ensure_ascii=False)


def describe_holder(raw: bytes) -> str:
    """Turn a lock file's content (written by another process: untrusted) into a short one-line description."""
    try:
        info = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        info = None
    if not isinstance(info, dict):
        return "another Policy Matrix window"

    def clean(value: object) -> str:
        text = "".join(ch for ch in str(value) if ch.isprintable())
        return text[:60]

    who = clean(info.get("user") or "")
    host = clean(info.get("host") or "")
    pid = clean(info.get("pid") or "?")
    place = f"{who}@{host}" if who and host else (host or who or "this computer")
    return f"{clean(info.get('app') or APP_NAME)}, {place}, process {pid}"


class DocumentLock:
    """A held lock on a document's lock file; release() (or the end of the process) frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, document: Path) -> DocumentLock:
        """Take the lock of document, or raise DocumentLockedError naming the holder (OSError if impossible).

        UntrustedSideFileError when the lock file is not one Policy Matrix made: it is never written through,
        truncated or removed.
        """
        path = lock_path_for(document)
        for _ in range(10):
            fd, created = _open_lock_file(document, path)
            stale = False
            try:
                if not _try_lock(fd):
                    holder = describe_holder(_read_info(fd))
                    raise DocumentLockedError(f"is open in another Policy Matrix window ({holder})", document, holder)
                if _same_file(fd, path):
                    if created:
                        _write_self(fd, path)
                        return cls(path, fd)
                    _check_stale(document, path, fd)
                    stale = True
                    if sys.platform != "win32":
                        path.unlink()  # while holding its lock, as release() does
            except BaseException:
                os.close(fd)
                raise
            # The file was replaced between our open and our lock, or it was a stale one: take a fresh one.
            os.close(fd)
            if stale and sys.platform == "win32":  # pragma: no cover - an open file cannot be deleted there
                with contextlib.suppress(OSError):
                    path.unlink()
        raise DocumentLockedError("could not take its lock file; another window keeps replacing it", document)

    @property
    def held(self) -> bool:
        """Return True until release()."""
        return self._fd is not None

    def release(self) -> None:
        """Free the lock and remove the lock file (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":  # pragma: no cover - Windows cannot delete an open file: unlock, close, then delete
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        # Delete while still holding the lock, so nobody takes a lock on a file that is about to vanish.
        with contextlib.suppress(OSError):
            if _same_file(fd, self.path):
                self.path.unlink()
        os.close(fd)


def _open_lock_file(document: Path, path: Path) -> tuple[int, bool]:
    """Return a descriptor on the lock file and whether this call created it.

    A new lock file is created exclusively, never through a link; an existing one is opened for reading only,
    and only when it is a regular file (a link, a folder or a pipe is refused before it is opened).
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(10):
        try:
            return os.open(path, flags, 0o666), True
        except FileExistsError:
            pass
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue  # released between our two calls: create it now
        if not stat.S_ISREG(info.st_mode):
            raise side_file_error(document, path, foreign_file_problem(info) or "it is not a regular file")
        try:
            return open_no_follow(path, info, os.O_RDONLY), False
        except FileNotFoundError:
            continue
        except PermissionError as exc:
            raise side_file_error(document, path, "it cannot be read") from exc
    raise DocumentLockedError("could not take its lock file; another window keeps replacing it", document)


def _write_self(fd: int, path: Path) -> None:
    try:
        os.write(fd, _describe_self().encode("utf-8"))
    except OSError:
        # A full disk: we created the file and hold its lock, so it is ours to remove.
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _check_stale(document: Path, path: Path, fd: int) -> None:
    """Refuse to remove a lock file nobody holds unless it is provably one of ours (a plain file we wrote)."""
    info = os.fstat(fd)
    problem = foreign_file_problem(info)
    if problem is None and (info.st_size > _MAX_INFO_BYTES or not is_holder_record(_read_info(fd))):
        problem = "it does not hold what Policy Matrix writes in a lock file"
    if problem is not None:
        raise side_file_error(document, path, problem)


def is_holder_record(raw: bytes) -> bool:
    """Tell whether lock file content is what acquire writes (or nothing: a process killed as it created the file)."""
    if not raw:
        return True
    try:
        info = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(info, dict) and info.get("app") == APP_NAME


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.lstat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _read_info(fd: int) -> bytes:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, _MAX_INFO_BYTES)
    except OSError:
        return b""
