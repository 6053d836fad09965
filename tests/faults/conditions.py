"""Conditions around a file that the file itself cannot carry: write protection and a full disk.

A normal user gets them from chmod and a file-size limit. Root ignores permissions and file modes, so as root
(CI containers often are) a read-only bind mount and a tiny tmpfs stand in; when mounting is not allowed
either, the test is skipped rather than proving nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TINY_DISK_BYTES = 1024 * 1024


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
