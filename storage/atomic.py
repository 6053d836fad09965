"""Atomic file writes: a temporary file beside the target, flushed to disk, then renamed over it.

Every temporary file of a target is made while its writer holds the target's lock (storage/lock.py), so a
temporary file that a holder of that lock finds beside the target belongs to no live writer: it is what a killed
process left behind, and temp_beside removes it. A process killed while writing thus leaves its temporary file
(and the target's lock file) only until the next write of the same target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from storage.lock import DocumentLock
from storage.sidefiles import JOURNAL_SUFFIX, foreign_file_problem

# Hard links are how we place a file without ever overwriting one; these errors mean the file system
# (FAT on a USB stick, some network shares) has no hard links, not that the target exists.
_NO_LINK_ERRNOS = {errno.EPERM, errno.EXDEV, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EACCES}


# A file name has at most 255 bytes on every common file system; the temporary name adds 14 to the target's, and
# SQLite and our lock add `-journal` or `.lock` to that. The target's name is cut so that all of them fit.
_TEMP_NAME_BYTES = 200


def temp_path_beside(path: Path | str, suffix: str = ".tmp") -> Path:
    """Create an empty, uniquely named hidden file in the directory of path and return its path."""
    target = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    stem = _temp_stem(target)
    for _ in range(100):
        candidate = target.with_name(f".{stem}.{secrets.token_hex(4)}{suffix}")
        try:
            # 0o666 and not mkstemp's 0o600: the final file should get the user's usual permissions (umask).
            fd = os.open(candidate, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            # Name the file the caller asked for: the hidden temporary name means nothing to the user.
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        os.close(fd)
        return candidate
    raise FileExistsError(errno.EEXIST, "could not create a temporary file", str(target.parent))


def _temp_stem(target: Path) -> str:
    return os.fsdecode(os.fsencode(target.name)[:_TEMP_NAME_BYTES])


def _leftover_pattern(target: Path) -> re.Pattern[str]:
    # What temp_path_beside names a temporary file of target, and the journal SQLite keeps beside one.
    return re.compile(rf"\.{re.escape(_temp_stem(target))}\.[0-9a-f]{{8}}\.tmp({JOURNAL_SUFFIX})?")


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files of target that killed writers left; only a holder of target's lock may call it.

    Only plain files of this user named as temp_path_beside names them are removed; return them.
    """
    pattern = _leftover_pattern(target)
    removed = []
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                if foreign_file_problem(entry.stat(follow_symlinks=False)) is None:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def temp_beside(target: Path) -> Iterator[Path]:
    """Yield a new, empty temporary file beside target; after the block it is gone (renamed away or removed).

    The caller holds target's lock for the whole block (see the module's docstring).
    """
    remove_leftovers(target)
    temp = temp_path_beside(target)
    try:
        yield temp
    finally:
        for path in (temp, temp.with_name(temp.name + JOURNAL_SUFFIX)):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def lock_target(target: Path) -> DocumentLock:
    """Take the lock of a file about to be written; an OSError names the file, not its lock file."""
    try:
        return DocumentLock.acquire(target)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from exc


def fsync_file(path: Path | str) -> None:
    """Flush a closed file's data to the disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(path: Path | str) -> None:
    """Flush a directory entry change (a rename) to the disk where the platform allows it."""
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename itself
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path | str, data: bytes | str, encoding: str = "utf-8") -> None:
    """Write data to path so that path holds either its old content or all of data, never a mix.

    Under path's lock: DocumentLockedError when a Policy Matrix window holds path open.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    lock = lock_target(target)
    try:
        with temp_beside(target) as temp:
            with open(temp, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, target)
    except OSError as exc:
        # A full disk fails the write, which names no file, or the rename, which names the hidden temporary
        # file: the user must read the name of the file they asked for.
        exc.filename, exc.filename2 = str(target), None
        raise
    finally:
        lock.release()
    fsync_directory(target.parent)


def move_no_replace(source: Path | str, target: Path | str) -> None:
    """Rename source to target, raising FileExistsError rather than replacing an existing target."""
    source, target = Path(source), Path(target)
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINK_ERRNOS:
            raise
        # No hard links here: check, then rename. The window between the two is the best this file system allows.
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from exc
        os.replace(source, target)
    else:
        source.unlink()
    fsync_directory(target.parent)
