"""Shared building blocks of the domain models: the base class and the constrained scalar types."""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, Protocol, TypeVar, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, FailFast, Field, StringConstraints

ProposalLanguage = Literal["es", "en"]
"""The language a proposal is written in (docs/domain.md §2.3): those the course has an example and the S01
heuristic for. The interface and the export have their own language (matrices/localized.py)."""
PROPOSAL_LANGUAGES: tuple[ProposalLanguage, ...] = get_args(ProposalLanguage)

# Texts are bounded so that a hostile file cannot make us allocate without limit, but the bound is far
# above anything a participant writes (a whole chapter is ~100 k characters).
MAX_TEXT = 200_000
# Lists are bounded for the same reason: a 2 MB file can hold a million tiny items, each of which would become
# an object (or a validation error) of a kilobyte. A course proposal has ~40 causes and ~150 actors; an export
# of the largest list allowed still takes seconds.
MAX_LIST_ITEMS = 25_000
"""Items one list may hold: causes, actors, the ids of a list of links, authors..."""
MAX_TOTAL_ITEMS = 100_000
"""Items all the lists of one proposal (every nested list included) may hold together."""
# SQLite stores integers in 64 bits and reals as doubles: keep numbers where both are exact.
MAX_NUMBER = 1e15


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str) -> str:
    # A lone surrogate cannot be encoded as UTF-8, so SQLite and Word would both reject it later. The regular
    # expression scans in C: a Python loop over every character cost ~15 ms of each start-up's validation.
    if not value.isascii() and _SURROGATE.search(value):
        raise ValueError("text contains an invalid (surrogate) character")
    return value


def _normalize_number(value: int | float) -> int | float:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("number must be finite")
        if value.is_integer():
            # 2.0 and 2 are the same figure; storing one form keeps JSON round trips identical.
            value = int(value)
    if abs(value) > MAX_NUMBER:
        raise ValueError(f"number is too large (limit {MAX_NUMBER:.0e})")
    return value


Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_no_surrogates)]
"""Free text written by a participant, in the proposal's language."""

Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:\-]*$")]
"""A stable item identifier: the example's codes (C1.2, IND1.1) or a UUID for items made in the app."""

CatalogId = Annotated[str, StringConstraints(min_length=1, max_length=100), AfterValidator(_no_surrogates)]
"""The id of a catalogue entry; unknown ids load and are reported by rule G04."""

Number = Annotated[int | float, AfterValidator(_normalize_number)]
"""A figure: integral values are kept as int so that 16742 stays 16742 through every format."""

T = TypeVar("T")
Items = Annotated[list[T], Field(max_length=MAX_LIST_ITEMS), FailFast()]
"""A list of the model: at most MAX_LIST_ITEMS long, and its validation stops at the first bad item, so that a
list of a million wrong values makes one error, not a million."""

Year = Annotated[int, Field(ge=1000, le=9999)]

Score = Annotated[int, Field(ge=-99, le=99)]
"""A rating on a small scale; out-of-range values load so that rule A03 can report them."""


EARLIEST_TIME = datetime(1970, 1, 2, tzinfo=UTC)
LATEST_TIME = datetime(3000, 12, 30, tzinfo=UTC)
"""The range of a moment (a comment's or a snapshot's time): local times one day either side of it are still
representable on every system the app runs on (Windows converts to local time only from 1970 to 3000)."""


def bounded_time(value: datetime) -> datetime:
    """Return value with a time zone (UTC when it has none), brought into EARLIEST_TIME..LATEST_TIME.

    Only a file edited by another tool holds a moment outside that range (9999-12-31T23:59:59-14:00 is not a
    representable UTC time at all): it is read as the nearest end, so that every conversion to UTC or to local
    time, in the CSV, the dashboard, the comments panel or the Word comments, is total. Moments without a zone
    are taken as UTC, so that any two moments compare.
    """
    if value.utcoffset() is None:
        value = value.replace(tzinfo=UTC)
    if value < EARLIEST_TIME:
        return EARLIEST_TIME
    if value > LATEST_TIME:
        return LATEST_TIME
    return value


Timestamp = Annotated[datetime, AfterValidator(bounded_time)]
"""A moment (a comment's or a snapshot's creation), always with a zone and within EARLIEST_TIME..LATEST_TIME."""


class TooManyItemsError(ValueError):
    """A proposal's data holds more items than MAX_LIST_ITEMS in one list or MAX_TOTAL_ITEMS in all."""


def check_item_counts(data: Any) -> None:
    """Raise TooManyItemsError when raw data (parsed JSON) has too many list items, in one list or in all.

    It runs before validation, so that no item of such data becomes an object. The walk keeps its own stack
    (nesting is data) and stops as soon as a limit is passed.
    """
    total = 0
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{path}.{key}" if path else str(key), item) for key, item in value.items())
        elif isinstance(value, list):
            if len(value) > MAX_LIST_ITEMS:
                raise TooManyItemsError(
                    f"{path or 'a list'} has {len(value):,} items, more than the {MAX_LIST_ITEMS:,} a list may hold"
                )
            total += len(value)
            if total > MAX_TOTAL_ITEMS:
                raise TooManyItemsError(f"has more than the {MAX_TOTAL_ITEMS:,} items a proposal may hold in all")
            stack.extend((f"{path}[]", item) for item in value if isinstance(item, dict | list))


def new_id() -> str:
    """Return a fresh stable identifier for an item created in the app."""
    return uuid.uuid4().hex


class DomainModel(BaseModel):
    """Base of every domain model: unknown keys are refused and assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


class Identified(Protocol):
    """An item other items can point at: a cause, an axis, an actor... (each has a stable `id` field)."""

    @property
    def id(self) -> str: ...
