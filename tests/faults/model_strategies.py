"""Hypothesis strategies derived from the domain model itself, so that they cover every field of every entity.

`models(Proposal)` reads the type hints of each pydantic model and draws every field: free text (any Unicode:
control characters, emoji, right-to-left marks, very long strings), ids, catalogue ids, numbers, years, scores,
dates, literals, optional values, lists and nested models. A field of a type this module does not know makes the
strategy fail loudly: a new kind of field must get a strategy here, it is never silently left at its default.
`texts(model)` walks a drawn model and yields every free-text value with its path.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from matrices.base import MAX_NUMBER, CatalogId, Id, Number, Score, Text, Timestamp, Year

LIST_SIZE = 3
ID_POOL = ["C1", "C1.1", "E1", "A01", "EJ1", "IND1.1", "L1", "D1", "INS1", "x:9", "0-a_b"]
"""A few ids shared by all items, so that references (parent, axis, actor, evidence) often resolve."""
CATALOG_POOL = ["direct", "indirect", "high", "medium", "low", "draft", "gcm_01", "10.7", "regulatory", "national"]
CONTROL = [chr(code) for code in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"]
SPECIAL = [
    "🧭",
    "🇵🇦",
    "👩🏽‍⚕️",
    "🚸",
    "مرحبا بالمهاجرين",
    "שלום",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u200b",  # zero-width space
    "\u0301",  # combining accent with nothing to combine with
    "Ñandú «Darién» — niñez",
    "<w:t>&amp;</w:t>",
    "]]>",
    "\t",
    "\r\n",
]

CHARS = st.one_of(
    st.characters(exclude_categories=["Cs"]),
    st.sampled_from(CONTROL),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=["Cs"]),
)
SHORT_TEXT = st.lists(st.one_of(CHARS, st.sampled_from(SPECIAL)), max_size=12).map("".join)
LONG_TEXT = st.builds(lambda piece, size: (piece * size)[:size], SHORT_TEXT.filter(bool), st.integers(1000, 6000))
"""Very long strings: a drawn piece repeated to a few thousand characters (a pasted chapter)."""
TEXT = st.one_of(*[SHORT_TEXT] * 7, LONG_TEXT)
"""Mostly short texts: a proposal has about a hundred text fields, and a few long ones are enough."""
IDS = st.one_of(
    st.sampled_from(ID_POOL), st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,20}", fullmatch=True), st.just("a" * 64)
)
CATALOG_IDS = st.one_of(
    st.sampled_from(CATALOG_POOL),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=100),
)
NUMBERS = st.one_of(
    st.integers(-int(MAX_NUMBER), int(MAX_NUMBER)),
    st.floats(-MAX_NUMBER, MAX_NUMBER, allow_nan=False, allow_infinity=False),
)
YEARS = st.integers(1000, 9999)
SCORES = st.integers(-99, 99)
DATES = st.dates()
DATETIMES = st.datetimes(timezones=st.sampled_from([None, dt.UTC]))

SCALARS: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Text, TEXT),
    (Id, IDS),
    (CatalogId, CATALOG_IDS),
    (Number, NUMBERS),
    (Year, YEARS),
    (Score, SCORES),
    (bool, st.booleans()),
    (Timestamp, DATETIMES),
    (dt.datetime, DATETIMES),
    (dt.date, DATES),
]


class UnknownFieldTypeError(TypeError):
    """A model field has a type without a strategy here: add one rather than leave the field out."""


def _optional_arg(hint: Any) -> Any | None:
    """Return X for `X | None` (either spelling), else None."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0]
    return None


def for_type(hint: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Return a strategy for a field type of the domain model."""
    for known, strategy in SCALARS:
        if hint == known:
            return strategy
    inner = _optional_arg(hint)
    if inner is not None:
        return st.none() | for_type(inner, depth)
    origin = typing.get_origin(hint)
    if origin is typing.Annotated and typing.get_origin(typing.get_args(hint)[0]) is list:
        hint = typing.get_args(hint)[0]  # Items[X]: a bounded list of X
        origin = list
    if origin is list:
        (item,) = typing.get_args(hint)
        return st.lists(for_type(item, depth + 1), max_size=max(1, LIST_SIZE - depth))
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(hint))
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return models(hint, depth)
    raise UnknownFieldTypeError(f"no strategy for {hint!r}; add one to tests/faults/model_strategies.py")


def field_hints(model: type[BaseModel]) -> dict[str, Any]:
    """Return the declared type of every field of model, with its Annotated constraints."""
    hints = typing.get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


@cache
def models(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[Any]:
    """Return a strategy drawing instances of model with every field drawn (none left at its default)."""
    return st.builds(model, **{name: for_type(hint, depth) for name, hint in field_hints(model).items()})


def is_text(hint: Any) -> bool:
    """Return True for a free-text field type: Text or Text | None."""
    return hint == Text or _optional_arg(hint) == Text


def texts(value: BaseModel, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every free-text value in a model, nested models and lists included."""
    for name, hint in field_hints(type(value)).items():
        here = f"{path}.{name}" if path else name
        field_value = getattr(value, name)
        if field_value is None:
            continue
        if is_text(hint):
            yield here, field_value
        elif isinstance(field_value, BaseModel):
            yield from texts(field_value, here)
        elif isinstance(field_value, list):
            item_hint = typing.get_args(hint)[0]
            for index, item in enumerate(field_value):
                if isinstance(item, BaseModel):
                    yield from texts(item, f"{here}.{index}")
                elif is_text(item_hint):
                    yield f"{here}.{index}", item


def mark_every_text(value: BaseModel, marker: Callable[[], str], path: str = "") -> dict[str, str]:
    """Put a unique marker in every free-text field (creating absent optional objects); return marker -> path."""
    marks: dict[str, str] = {}
    for name, hint in field_hints(type(value)).items():
        here = f"{path}.{name}" if path else name
        field_value = getattr(value, name)
        if is_text(hint):
            text = marker()
            setattr(value, name, text)
            marks[text] = here
        elif typing.get_origin(hint) is list and typing.get_args(hint)[0] == Text:
            text = marker()
            setattr(value, name, [text])
            marks[text] = f"{here}.0"
        elif isinstance(field_value, BaseModel):
            marks.update(mark_every_text(field_value, marker, here))
        elif isinstance(field_value, list):
            for index, item in enumerate(field_value):
                if isinstance(item, BaseModel):
                    marks.update(mark_every_text(item, marker, f"{here}.{index}"))
        elif field_value is None:
            inner = _optional_arg(hint)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                setattr(value, name, inner())
                marks.update(mark_every_text(getattr(value, name), marker, here))
    return marks


def with_unique_ids(proposal: Any) -> Any:
    """Return proposal with every item id made unique (a suffix on repeats), as items made in the app are."""
    seen: set[str] = set()

    def visit(value: BaseModel) -> None:
        for name in type(value).model_fields:
            field_value = getattr(value, name)
            if name == "id" and isinstance(field_value, str) and type(value).__name__ != "Proposal":
                unique, number = field_value, 1
                while unique in seen:
                    number += 1
                    unique = f"{field_value[:56]}-{number}"
                seen.add(unique)
                if unique != field_value:
                    setattr(value, name, unique)
            elif isinstance(field_value, BaseModel):
                visit(field_value)
            elif isinstance(field_value, list):
                for item in field_value:
                    if isinstance(item, BaseModel):
                        visit(item)

    visit(proposal)
    return proposal
