"""Opening a file a stranger gave us: only a regular file is read, never past a size bound.

A `.json` that is a named pipe blocks the reader for ever, `/dev/zero` fills the memory, a folder or a socket
gives an error no user understands. The file is opened without blocking (a pipe with no writer opens at once),
then its kind and size are taken from the open descriptor, so that what is checked is what is read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from storage.errors import FileTooLargeError, NotARegularFileError, UnreadableFileError

MAX_READ_BYTES = 64 * 1024 * 1024
"""The largest file read whole into memory (.json, a Word file): the 20,000-cause stress proposal is 9 MB."""

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
"""The largest .pmx opened: SQLite reads its pages on demand, but the integrity check reads every one."""

_MB = 1024 * 1024


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def too_large(path: Path, size: int, limit: int) -> FileTooLargeError:
    """Return the error of a file over the limit, stating both sizes."""
    return FileTooLargeError(
        f"is too large ({size / _MB:.1f} MB); Policy Matrix reads files of up to {limit // _MB} MB", path, limit
    )


def _open_flags() -> int:
    # O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer. O_NOCTTY: a terminal device must
    # not become our controlling terminal. Neither exists on Windows, where opening a pipe does not block.
    return os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _unreadable(exc: OSError, path: Path) -> UnreadableFileError:
    if isinstance(exc, FileNotFoundError):
        return UnreadableFileError("no such file", path)
    if isinstance(exc, IsADirectoryError) or os.path.isdir(path):  # Windows refuses a folder with EACCES
        return UnreadableFileError("is a folder, not a file", path)
    if isinstance(exc, PermissionError):
        return UnreadableFileError("cannot be read: permission denied", path)
    if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket, or a device with no driver behind it
        try:
            kind = _kind(os.stat(path).st_mode)
        except OSError:
            kind = "a socket or a device"
        return NotARegularFileError(f"is not a regular file (it is {kind}); choose a file", path)
    return UnreadableFileError(f"cannot be read ({exc.strerror or 'input/output error'})", path)


@contextlib.contextmanager
def open_regular(path: Path | str, limit: int) -> Iterator[BinaryIO]:
    """Open path for reading if it is a regular file of at most limit bytes; raise a one-sentence error if not."""
    target = Path(path)
    try:
        fd = os.open(target, _open_flags())
    except OSError as exc:
        raise _unreadable(exc, target) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFileError("is a folder, not a file", target)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(f"is not a regular file (it is {_kind(info.st_mode)}); choose a file", target)
        if info.st_size > limit:
            raise too_large(target, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with stream:
        yield stream


def read_regular(path: Path | str, limit: int = MAX_READ_BYTES) -> bytes:
    """Return the content of a regular file of at most limit bytes (a file that grows while read is refused)."""
    target = Path(path)
    with open_regular(target, limit) as stream:
        try:
            # One byte past the size fstat gives: read(limit + 1) would allocate the whole 64 MB for every
            # small file before shrinking it. A file that grew meanwhile is read on, up to the limit.
            size = min(os.fstat(stream.fileno()).st_size, limit)
            data = stream.read(size + 1)
            if len(data) > size:
                data += stream.read(limit + 1 - len(data))
        except OSError as exc:
            raise _unreadable(exc, target) from exc
    if len(data) > limit:
        raise too_large(target, len(data), limit)
    return data


def regular_size(path: Path | str, limit: int) -> int:
    """Check that path is a regular file within limit, as open_regular does, and return its size."""
    with open_regular(path, limit) as stream:
        return os.fstat(stream.fileno()).st_size
