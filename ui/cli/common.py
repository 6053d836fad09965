"""What every command shares: exit statuses, the usage error, reading an input, describing a failure."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.errors import DocumentError
from storage.interchange import read_json

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: printed as one `error:` line, exit status 2."""


def fail(path: Path | str, reason: str) -> UsageError:
    return UsageError(f"{path}: {reason}")


def read_any(path: Path) -> tuple[Proposal, list[Comment]]:
    """Read a .pmx or .json file without modifying it; return (proposal, comments)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise fail(path, "no such file")
    if path.is_dir():
        raise fail(path, "is a folder, not a file")
    try:
        if suffix == ".json":
            data = read_json(path)
            return data.proposal, list(data.comments)
        if suffix == ".pmx":
            with Document.open(path, read_only=True) as document:
                return document.load(), document.load_comments()
    except DocumentError as exc:
        raise fail(path, str(exc)) from exc
    raise fail(path, f"unsupported file type {path.suffix or '(none)'!r}: expected .pmx or .json")


def same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))


def describe(exc: Exception, source: Path) -> str:
    """Return the one-line reason of a failure, naming the file."""
    if isinstance(exc, DocumentError):
        return f"{exc.path or source}: {exc}"
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{source}: invalid proposal: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    if isinstance(exc, OSError):
        return f"{exc.filename or source}: {exc.strerror or exc}"
    return str(exc)
