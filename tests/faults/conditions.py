"""Conditions around a file that the file itself cannot carry: write protection and a full disk.

A normal user gets them from chmod and a file-size limit. Root ignores permissions and file modes, so as root
(CI containers often are) a read-only bind mount and a tiny tmpfs stand in; when mounting is not allowed
either, the test is skipped rather than proving nothing. A permission refusal itself is tested as root in a
child that drops to the unprivileged user (`unprivileged`), which needs no mount.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

TINY_DISK_BYTES = 1024 * 1024
T = TypeVar("T")


def is_root() -> bool:
    """Return True when permission bits do not bind this process."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def write_protected(path: Path) -> Iterator[None]:
    """Make a file or a folder write-protected while the block runs."""
    if not is_root():
        mode = path.stat().st_mode
        path.chmod(0o444 if path.is_file() else 0o555)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not (_mount("--bind", str(path), str(path)) and _mount("-o", "remount,ro,bind", str(path))):
        _umount(path)
        pytest.skip("running as root, and a read-only bind mount is not allowed here")
    try:
        yield
    finally:
        _umount(path)


class FullDisk:
    """A folder on which no file can grow: a full tiny tmpfs (root), else a per-process file-size limit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted = False

    @contextlib.contextmanager
    def holding(self, source: Path, full: bool = True) -> Iterator[Path]:
        """Put a copy of source on the small disk and yield its path; the disk is full unless asked not to be."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if is_root():
            if not _mount("-t", "tmpfs", "-o", f"size={TINY_DISK_BYTES}", "tmpfs", str(self.folder)):
                pytest.skip("running as root, and mounting a small tmpfs is not allowed here")
            self.mounted = True
        try:
            copy = self.folder / source.name
            shutil.copy2(source, copy)
            if full:
                self.fill()
            yield copy
        finally:
            if self.mounted:
                _umount(self.folder)
                self.mounted = False

    def fill(self) -> None:
        """Take every byte left on the tmpfs (nothing to do without one: see limited())."""
        if not self.mounted:
            return
        # Unbuffered: the write that finds the disk full raises here, not later in close().
        fd = os.open(self.folder / ".filler", os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            chunk = b"\0" * 4096
            while True:
                os.write(fd, chunk)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
        finally:
            os.close(fd)

    def free(self) -> None:
        """Make room again (to let the editor save and close)."""
        (self.folder / ".filler").unlink(missing_ok=True)

    @contextlib.contextmanager
    def limited(self) -> Iterator[None]:
        """Without a tmpfs, cap the size of any file this process writes (Python ignores SIGXFSZ: EFBIG)."""
        if self.mounted:
            yield
            return
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


NOBODY = 65534
"""The uid and gid of Debian's (and most systems') unprivileged user and group, when pwd does not know them."""


def unprivileged(function: Callable[..., T], *args: object) -> T:
    """Return function(*args) run in a forked child as the unprivileged user (only as root; else here).

    Root reads and writes any file whatever its mode, so a test of a permission refusal proves nothing as root:
    the child drops to 'nobody' first, where the file's mode binds again. The result must pickle; an exception
    in the child is raised here as an AssertionError carrying its type and message.
    """
    if not is_root():
        return function(*args)
    try:
        import pwd

        entry = pwd.getpwnam("nobody")
        uid, gid = entry.pw_uid, entry.pw_gid
    except (ImportError, KeyError):
        uid = gid = NOBODY
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which reports through the pipe
        os.close(read_end)
        try:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            outcome: tuple[str, object] = ("value", function(*args))
        except BaseException as exc:
            outcome = ("raised", f"{type(exc).__name__}: {exc}")
        with os.fdopen(write_end, "wb") as stream:
            pickle.dump(outcome, stream)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise AssertionError(f"in the unprivileged child: {value}")
    return value  # type: ignore[no-any-return]


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """Yield a new folder every user can enter and write in (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="policy-matrix-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
