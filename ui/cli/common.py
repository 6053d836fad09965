"""What every command shares: exit statuses, the usage error, reading an input, describing a failure."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.errors import DocumentError
from storage.filenames import shown
from storage.interchange import read_json

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: printed as one `error:` line, exit status 2."""


def fail(path: Path | str, reason: str) -> UsageError:
    """Return the usage error `PATH: reason`, the path spelled so that any name prints on one line."""
    return UsageError(f"{shown(path)}: {reason}")


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
    raise fail(path, f"unsupported file type {shown(path.suffix) or '(none)'!r}: expected .pmx or .json")


def describe(exc: Exception, source: Path | None) -> str:
    """Return the one-line reason of a failure, naming the file it concerns (else source)."""
    if isinstance(exc, DocumentError):
        where = exc.path or source
        return f"{shown(where)}: {exc}" if where is not None else str(exc)
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        location = ".".join(str(p) for p in first["loc"])
        reason = f"invalid proposal: {location}: {first['msg']}"
        return f"{shown(source)}: {reason}" if source is not None else reason
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else source
        reason = exc.strerror or str(exc)
        return f"{shown(name)}: {reason}" if isinstance(name, str | bytes | Path) else reason
    return str(exc)
