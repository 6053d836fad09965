"""What a participant must never read (an item's internal id, a field's key), and a proposal that tempts every place.

`scene` gives the example as if every item had been made in the app (UUID ids), with faults that make rules
name items, links to items that are gone, and a comment on every place the Word export marks, on the same
place of an item that was deleted, and on a field of a whole matrix: what the editor, `check`, the Word export
and the comments import all have to name.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterable, Iterator
from typing import get_args

import docx
from pydantic import BaseModel

from export.anchor_table import read_anchor_table
from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.proposal import Proposal
from matrices.review import Anchor, Comment

UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
GONE = "0123456789abcdef0123456789abcdef"
"""The id of an item no longer in the proposal."""
_PARTS = re.compile(r"\s*(?:·|›|:|\(|\)|\n|—|\s\s)\s*")


def field_keys(field_model: FieldModel) -> frozenset[str]:
    """Return every field key of the course's model and of the app's, sub-fields as 'horizon.end_year' and alone."""
    keys: set[str] = set()
    for entity in field_model.entities:
        if entity == "localized_text":
            continue  # its keys are the language codes 'es' and 'en'
        for spec in field_model.fields(entity):
            keys.add(spec.key)
            for sub in spec.subfields:
                keys.update((sub.key, f"{spec.key}.{sub.key}"))
    pending: list[type[BaseModel]] = [Proposal]
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            keys.add(name)
            pending.extend(_models(info.annotation))
    return frozenset(keys - {"es", "en"})


def internal_words(field_model: FieldModel, catalogs: Catalogs, lang: Lang) -> frozenset[str]:
    """Return the keys a text in lang must not show: field keys and catalogue ids (in English only snake_case ones).

    'high' or 'national' are catalogue ids and English words too.
    """
    ids = {entry.id for ref in catalogs.refs() for entry in catalogs.get(ref)}
    words = {key for key in ids if not any(ch.isdigit() for ch in key)}  # SDG '10.7' and scores are shown as is
    return field_keys(field_model) | (words if lang == "es" else {key for key in words if "_" in key})


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for inner in get_args(annotation):
        yield from _models(inner)


def leaks(texts: Iterable[str], keys: frozenset[str]) -> list[str]:
    """Return each text that shows a UUID, a snake_case or dotted field key, or a key as one part of a place."""
    snake = sorted((key for key in keys if "_" in key or "." in key), key=len, reverse=True)
    spelled = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(key) for key in snake) + r")(?![\w])")
    found = []
    for text in texts:
        if UUID.search(text) or spelled.search(text):
            found.append(text)
        elif any(part in keys for part in _PARTS.split(text)):
            found.append(text)  # 'C1.2 · name', 'Sobre: Problema · name'
    return found


def broken(proposal: Proposal) -> Proposal:
    """Return a copy with faults that make rules name items in their messages (the example has few findings)."""
    draft = proposal.model_copy(deep=True)
    problem, strategy = draft.problem_matrix, draft.strategy_matrix
    actors, instruments = draft.actor_matrix.actors, draft.instrument_matrix.instruments
    problem.evidence[0].source = ""
    problem.evidence[0].unit = ""
    problem.causes[1].parent_id = problem.causes[1].id
    problem.causes[2].level = "direct"
    actors[0].interest = None
    actors[1].mandate = ""
    actors[2].position = -2
    actors[2].influence = 5
    actors[2].strategy_detail = ""
    strategy.axes[0].lines_of_action = []
    strategy.axes[1].alignment.gcm_objectives = []
    strategy.axes[1].indicators[0].baseline.value = None
    strategy.excluded_causes = []
    instruments[0].indicator_ids = []
    instruments[1].line_of_action_id = strategy.axes[2].lines_of_action[0].id
    instruments[2].responsible_actor_id = actors[2].id
    instruments[3].legal_basis = ""
    return draft


def with_dangling_links(proposal: Proposal) -> Proposal:
    """Return a copy whose first items link to an item that is gone (a file edited elsewhere)."""
    draft = proposal.model_copy(deep=True)
    instrument = draft.instrument_matrix.instruments[0]
    instrument.responsible_actor_id = GONE
    instrument.target_actor_ids = [*instrument.target_actor_ids, GONE]
    instrument.axis_id = GONE
    axis = draft.strategy_matrix.axes[0]
    axis.lead_actor_id = GONE
    axis.addressed_cause_ids = [*axis.addressed_cause_ids, GONE]
    draft.problem_matrix.causes[0].evidence_ids = [GONE]
    draft.strategy_matrix.ends[0].effect_id = GONE
    draft.strategy_matrix.general_indicators[0].responsible_actor_id = GONE
    actor = draft.actor_matrix.actors[0]
    if actor.relations:
        actor.relations[0].actor_id = GONE
    actor.axis_ids = [*actor.axis_ids, GONE]
    return draft


def marked_places(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> list[Anchor]:
    """Return every place the Word export marks for comments: each item, each field of it, each heading."""
    data = export_docx(proposal, catalogs=catalogs, field_model=field_model, findings=(), options=ExportOptions())
    table = read_anchor_table(docx.Document(io.BytesIO(data)))
    assert table is not None
    places: list[Anchor] = []
    for tag, (matrix, item, key) in table.anchors.items():
        places.append((matrix or None, item, key))
        places.extend((matrix or None, item, piece) for _, piece in table.pieces.get(tag, ()))
    return list(dict.fromkeys(places))


def comments_everywhere(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> list[Comment]:
    """Return a comment on every marked place, and one on the same field of an item that was deleted."""
    comments = []
    gone: set[tuple[str | None, str | None]] = set()
    for number, (matrix, item, key) in enumerate(marked_places(proposal, catalogs, field_model)):
        comments.append(Comment(matrix=matrix, item_id=item, field=key, author="Eva", text=f"Nota {number}"))
        if item is not None and (matrix, key) not in gone:
            gone.add((matrix, key))
            comments.append(
                Comment(matrix=matrix, item_id=uuid.uuid4().hex, field=key, author="Eva", text=f"Borrado {number}")
            )
    return comments
