"""JSON interchange: `{"format": "policy-matrix", "version": 1, "proposal": {...}, "comments": [...]}`.

A bare proposal object (like matrices/data/examples/*.json) is accepted too. Texts are untrusted: every failure
is an InterchangeError whose message is one line naming the first problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from matrices.base import Items, check_item_counts
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.atomic import write_atomic
from storage.errors import InterchangeError
from storage.reading import MAX_READ_BYTES, read_regular

FORMAT = "policy-matrix"
VERSION = 1
"""The interchange version written by this version; older ones would be converted on reading."""

_MAX_MESSAGE = 300


class Envelope(BaseModel):
    """The interchange document: a proposal and its review comments."""

    model_config = ConfigDict(extra="forbid", title="Policy Matrix interchange")

    format: Literal["policy-matrix"] = Field(description="Always 'policy-matrix'.")
    version: Literal[1] = Field(description="Version of the interchange format.")
    proposal: Proposal
    comments: Items[Comment] = Field(default_factory=list, description="Review comments (optional).")

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        """Refuse more comments than a list may hold before any is validated (the proposal checks its own)."""
        if isinstance(data, dict):
            check_item_counts({"comments": data.get("comments")})
        return data


@dataclass(frozen=True)
class Interchange:
    """A proposal read from JSON, with its comments (empty for a bare proposal)."""

    proposal: Proposal
    comments: tuple[Comment, ...] = ()


def one_line(text: str) -> str:
    """Return text as a single printable line of bounded length (it may quote a hostile file)."""
    flat = "".join(ch if ch.isprintable() else " " for ch in text)
    flat = " ".join(flat.split())
    return flat if len(flat) <= _MAX_MESSAGE else flat[: _MAX_MESSAGE - 1] + "…"


def describe_validation_error(exc: ValidationError, skip: int = 0) -> str:
    """Return 'location: message' of the first validation error (location without its first `skip` parts)."""
    first = exc.errors(include_url=False, include_input=False)[0]
    location = ".".join(str(part) for part in first["loc"][skip:])
    message = first["msg"].removeprefix("Value error, ")  # pydantic's wording for a model's own checks
    return one_line(f"{location}: {message}" if location else message)


def _parse_json(text: str | bytes) -> Any:
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")  # a BOM is what Windows Notepad puts in front
        elif text.startswith("\ufeff"):
            text = text[1:]
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise InterchangeError("is not valid JSON: it is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise InterchangeError("is not valid JSON for Policy Matrix: it is nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise InterchangeError(f"is not valid JSON: {one_line(str(exc))}") from exc


def parse_interchange(text: str | bytes) -> Interchange:
    """Parse an interchange envelope or a bare proposal; raise InterchangeError naming the first problem."""
    data = _parse_json(text)
    if not isinstance(data, dict):
        raise InterchangeError("is not a Policy Matrix file: the JSON is not an object")
    if "format" not in data:
        try:
            return Interchange(Proposal.model_validate(data))
        except ValidationError as exc:
            raise InterchangeError(f"invalid proposal: {describe_validation_error(exc)}") from exc
        except RecursionError as exc:
            raise InterchangeError("invalid proposal: it is nested too deeply") from exc
    if data["format"] != FORMAT:
        raise InterchangeError(f"is not a Policy Matrix file (format {one_line(repr(data['format']))[:60]})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InterchangeError(f"has an invalid interchange version ({one_line(repr(version))[:60]})")
    if version > VERSION:
        raise InterchangeError(
            f"was written by a newer version of Policy Matrix (interchange version {version}; this version reads "
            f"up to {VERSION}); please update Policy Matrix"
        )
    try:
        envelope = Envelope.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]["loc"]
        section = str(first[0]) if first else ""
        if section in ("proposal", "comments"):
            label = "proposal" if section == "proposal" else "comments"
            raise InterchangeError(f"invalid {label}: {describe_validation_error(exc, skip=1)}") from exc
        raise InterchangeError(f"invalid interchange file: {describe_validation_error(exc)}") from exc
    except RecursionError as exc:
        raise InterchangeError("invalid proposal: it is nested too deeply") from exc
    return Interchange(envelope.proposal, tuple(envelope.comments))


def read_json(path: Path | str) -> Interchange:
    """Read an interchange (or bare proposal) JSON file: a regular file of at most MAX_READ_BYTES."""
    target = Path(path)
    raw = read_regular(target, MAX_READ_BYTES)
    try:
        return parse_interchange(raw)
    except InterchangeError as exc:
        exc.path = target
        raise


def envelope_data(proposal: Proposal, comments: Iterable[Comment] = ()) -> dict[str, Any]:
    """Return the interchange envelope as JSON-ready data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "proposal": proposal.model_dump(mode="json"),
        "comments": [comment.model_dump(mode="json") for comment in comments],
    }


def dump_json(proposal: Proposal, comments: Iterable[Comment] = (), indent: int | None = 2) -> str:
    """Return the interchange JSON text of a proposal and its comments (UTF-8 friendly: accents kept)."""
    text = json.dumps(envelope_data(proposal, comments), ensure_ascii=False, indent=indent, allow_nan=False)
    return text + "\n" if indent is not None else text


def write_json(path: Path | str, proposal: Proposal, comments: Iterable[Comment] = ()) -> None:
    """Write the interchange JSON file atomically."""
    write_atomic(path, dump_json(proposal, comments))


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the interchange envelope, generated from the domain models."""
    schema = Envelope.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
