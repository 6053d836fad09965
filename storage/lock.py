"""The lock file beside a document (NAME.pmx.lock): an OS advisory lock held while the document is open for writing.

The operating system releases the lock when the process ends, however it ends, so a crash never leaves a stale
lock behind. The lock is taken on an open file description (flock on POSIX), so a second Document in the same
process is refused just like another process. The file holds who holds the lock, for the refused one to show.
Plain Python (no Qt): storage must not depend on the GUI toolkit.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import DocumentLockedError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

APP_NAME = "Policy Matrix"
# Windows byte-range locks are mandatory: lock a byte past the holder's description so others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 20
_MAX_INFO_BYTES = 4096


def lock_path_for(document: Path) -> Path:
    """Return the lock file path of a document: NAME.pmx -> NAME.pmx.lock."""
    return document.with_name(document.name + ".lock")


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
        """Take the lock of document, or raise DocumentLockedError naming the holder (OSError if impossible)."""
        path = lock_path_for(document)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
        flags |= getattr(os, "O_CLOEXEC", 0)
        for _ in range(10):
            fd = os.open(path, flags, 0o666)
            try:
                if not _try_lock(fd):
                    holder = describe_holder(_read_info(fd))
                    raise DocumentLockedError(f"is open in another Policy Matrix window ({holder})", document, holder)
                if _same_file(fd, path):
                    try:
                        os.ftruncate(fd, 0)
                        os.lseek(fd, 0, os.SEEK_SET)
                        os.write(fd, _describe_self().encode("utf-8"))
                    except OSError:
                        # A full disk: we hold the lock, so the file we may have just created is ours to remove.
                        with contextlib.suppress(OSError):
                            path.unlink()
                        raise
                    return cls(path, fd)
            except BaseException:
                os.close(fd)
                raise
            # The previous holder deleted the file between our open and our lock: lock the file that is there now.
            os.close(fd)
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


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
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
