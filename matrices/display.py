"""What a participant reads instead of an internal id or key: display codes, names and field labels.

Items keep a stable id (a UUID for items made in the app); people see the code of the item's place (C1.2, A03,
EJ1, IND1.1) and the field's label in their language. The editor, the `check` command and the Word export all
resolve ids and keys here, so the three always name an item the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from matrices.actors import display_name
from matrices.base import Identified
from matrices.catalogs import Catalogs, numbered
from matrices.fieldmodel import FieldModel, FieldSpec, domain_text
from matrices.findings import Finding
from matrices.localized import Lang, LocalizedText
from matrices.problem import TreeRow, tree_codes
from matrices.proposal import Proposal
from matrices.review import MatrixKey

# The course's codes (C1.2, IND1.1, EJ1.L2, A01) are shown as they are; anything else (a UUID) is replaced by
# a code from the item's position.
_CODE_LIKE = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:[._:-][A-Z0-9]{1,8}){0,3}")
_MAX_CHOSEN_CODE = 16

MATRIX_ENTITIES: dict[MatrixKey, tuple[str, ...]] = {
    "general": ("proposal",),
    "problem": ("problem_matrix",),
    "strategy": ("strategy_matrix",),
    "actors": ("actor_matrix", "actor"),
    "instruments": ("instrument_matrix", "instrument"),
}
"""The field-model entities whose fields a finding on the whole matrix (no item) may name."""

Item = TypeVar("Item", bound=Identified)

_BOOLEAN_EXAMPLES = frozenset({"true", "false"})
"""How the course writes the example of a yes/no field; shown as texts.json's boolean.true or boolean.false."""


def is_chosen_code(item_id: str) -> bool:
    """Return True when an id reads as a code a person chose (C1.2, A01), so it can be shown as it is."""
    return len(item_id) <= _MAX_CHOSEN_CODE and _CODE_LIKE.fullmatch(item_id) is not None


def missing_reference(item_id: str, lang: Lang) -> str:
    """Return how a link to an item not in the proposal reads: '(elemento eliminado)', or 'A99 (no encontrado)'."""
    if is_chosen_code(item_id):
        return domain_text("item.not_found").format(code=item_id).get(lang)
    return domain_text("item.deleted").get(lang)


class ItemCodes:
    """The display code, name and field-model entity of every item of one proposal."""

    def __init__(self, proposal: Proposal, walks: tuple[Sequence[TreeRow], Sequence[TreeRow]] | None = None) -> None:
        """Number the items; walks: the tree_walk of the causes and of the effects, when the caller has them."""
        self.codes: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.entities: dict[str, str] = {}
        """The field-model entity of each item id (cause, actor, ...), to name its fields."""
        problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
        cause_walk, effect_walk = walks or (None, None)
        self.cause_codes = tree_codes(problem.causes, "C", cause_walk)
        self.effect_codes = tree_codes(problem.effects, "E", effect_walk)
        self._add(problem.causes, self.cause_codes, lambda c: c.description, "cause")
        self._add(problem.effects, self.effect_codes, lambda e: e.description, "effect")
        self._number(problem.evidence, "D", lambda d: d.description, "evidence")
        self._number(strategy.ends, "F", lambda e: e.description, "end")
        self._number(strategy.general_indicators, "INDG", lambda i: i.name, "indicator")
        self._number(strategy.axes, "EJ", lambda a: a.name, "axis")
        for position, axis in enumerate(strategy.axes, start=1):
            axis_code = self.codes[axis.id]
            self._number(axis.lines_of_action, f"{axis_code}.L", lambda line: line.text, "line_of_action")
            self._number(axis.indicators, f"IND{position}.", lambda i: i.name, "indicator")
        self._number(proposal.actor_matrix.actors, "A", display_name, "actor", width=2)
        self._number(proposal.instrument_matrix.instruments, "I", lambda i: i.name, "instrument", width=2)

    def _add(
        self,
        items: Sequence[Item],
        codes: dict[str, str],
        name: Callable[[Item], str],
        entity: str,
    ) -> None:
        for item in items:
            self.codes.setdefault(item.id, codes[item.id])
            self.names.setdefault(item.id, name(item))
            self.entities.setdefault(item.id, entity)

    def _number(
        self, items: Iterable[Item], prefix: str, name: Callable[[Item], str], entity: str, width: int = 1
    ) -> None:
        taken = set(self.codes.values())
        for position, item in enumerate(items, start=1):
            item_id = item.id
            if item_id in self.codes:
                continue  # a duplicated id: the rules report it; the first item keeps the code
            if is_chosen_code(item_id):
                code = item_id
            else:
                code = f"{prefix}{position:0{width}d}"
                while code in taken:
                    code += "′"
            taken.add(code)
            self.codes[item_id] = code
            self.names[item_id] = name(item)
            self.entities[item_id] = entity

    def code(self, item_id: str | None) -> str | None:
        """Return the display code of an item, or None when no item has this id."""
        return None if item_id is None else self.codes.get(item_id)

    def shown(self, item_id: str, field_model: FieldModel) -> LocalizedText:
        """Return how a message names an item: its code; a missing one by its id if a person chose it."""
        code = self.codes.get(item_id)
        if code is not None:
            return LocalizedText.plain(code)
        return LocalizedText.plain(item_id) if is_chosen_code(item_id) else field_model.text("item.missing")

    def reference(self, item_id: str, lang: Lang) -> str:
        """Return how a link names an item: its code, or how a link to a missing item reads (missing_reference)."""
        code = self.codes.get(item_id)
        return code if code is not None else missing_reference(item_id, lang)

    def field_spec(self, field_model: FieldModel, matrix: MatrixKey, item_id: str | None, key: str) -> FieldSpec | None:
        """Return the course's spec of a field of an item (a sub-field's own spec), or None when it is unknown."""
        specs = self._specs(field_model, matrix, item_id, key)
        return specs[-1] if specs else None

    def field_label(
        self, field_model: FieldModel, matrix: MatrixKey, item_id: str | None, key: str | None, lang: Lang
    ) -> str:
        """Return the label of a field in lang ('Horizonte temporal › Año de inicio'), or "" when unknown."""
        if not key:
            return ""
        return " › ".join(spec.label(lang) for spec in self._specs(field_model, matrix, item_id, key))

    def _specs(
        self, field_model: FieldModel, matrix: MatrixKey, item_id: str | None, key: str
    ) -> tuple[FieldSpec, ...]:
        """Return the spec of the key's field, then of its sub-field when the model names one; () when unknown."""
        first, _, rest = key.partition(".")
        entity = self.entities.get(item_id or "")
        head = _find(field_model, (entity, *MATRIX_ENTITIES.get(matrix, ())), first)
        if head is None:
            # A field of what goes with the item (an excluded cause's justification), or of an item that is no
            # longer in the proposal: any entity of the matrix may hold it, if they all call it the same.
            matching = _matching(field_model, _matrix_items(field_model, matrix), first)
            found = {spec.label_text: spec for spec in matching}
            head = next(iter(found.values())) if len(found) == 1 else None
        return _with_sub(field_model, head, rest)

    def where(
        self, field_model: FieldModel, matrix: MatrixKey, item_id: str | None, key: str | None, lang: Lang
    ) -> str:
        """Return a place as a participant reads it: 'C1.2 · Descripción de la causa' ("" for a whole matrix)."""
        code = self.shown(item_id, field_model).get(lang) if item_id else ""
        label = self.field_label(field_model, matrix, item_id, key, lang)
        return " · ".join(part for part in (code, label) if part)


def finding_record(finding: Finding, codes: ItemCodes, field_model: FieldModel, lang: Lang) -> dict[str, str | None]:
    """Return a finding as `check --json` prints it: ids and keys for programs, code and label for people."""
    code = codes.shown(finding.item, field_model).get(lang) if finding.item else None
    label = codes.field_label(field_model, finding.matrix, finding.item, finding.field, lang) or None
    return finding.as_dict(lang, code, label)


def field_example(spec: FieldSpec, catalogs: Catalogs, field_model: FieldModel, lang: Lang) -> str:
    """Return the course's example of a field as a participant would pick it: catalogue labels, never their keys."""
    text = spec.example(lang)
    if spec.type == "boolean" and text in _BOOLEAN_EXAMPLES:
        return field_model.text(f"boolean.{text}").get(lang)
    if not spec.catalog or spec.catalog not in catalogs:
        return text
    # The course writes a choice's example as its catalogue key ('gov_national', 'lead, implementer').
    catalog = numbered(catalogs.get(spec.catalog))
    keys = [part.strip() for part in text.split(",")]
    if not all(key in catalog for key in keys):
        return text  # prose ("efectividad 3, viabilidad política 2…")
    if spec.type == "scale" and all(key.lstrip("-+").isdigit() for key in keys):
        return "; ".join(f"{key} ({catalog.label(key, lang)})" for key in keys)
    return "; ".join(catalog.label(key, lang) for key in keys)


def field_specs(field_model: FieldModel, entity: str, key: str) -> tuple[FieldSpec, ...]:
    """Return the specs of an entity's field and of its sub-field ('baseline.value', 'relations.type'); () if none."""
    first, _, rest = key.partition(".")
    return _with_sub(field_model, _find(field_model, (entity,), first), rest)


def _with_sub(field_model: FieldModel, head: FieldSpec | None, rest: str) -> tuple[FieldSpec, ...]:
    if head is None:
        return ()
    sub = _sub_spec(field_model, head, rest) if rest else None
    return (head, sub) if sub is not None else (head,)


def _find(field_model: FieldModel, entities: Iterable[str | None], key: str) -> FieldSpec | None:
    return next(_matching(field_model, (name for name in entities if name is not None), key), None)


def _matching(field_model: FieldModel, entities: Iterable[str], key: str) -> Iterator[FieldSpec]:
    for name in entities:
        if name in field_model.entities:
            yield from (spec for spec in field_model.fields(name) if spec.key == key)


def _sub_spec(field_model: FieldModel, spec: FieldSpec, key: str) -> FieldSpec | None:
    """Return a field's sub-field: an object's part ('horizon.end_year') or a field of what a list holds."""
    first = key.partition(".")[0]
    found = next((sub for sub in spec.subfields if sub.key == first), None)
    held = spec.items if spec.type == "list" else spec.ref if spec.type == "object" else None
    if found is None and held is not None and held in field_model.entities:
        found = _find(field_model, (held,), first)  # 'relations.type', 'estimated_cost.amount'
    return found


def _matrix_items(field_model: FieldModel, matrix: MatrixKey) -> list[str]:
    """Return the entities of the items a matrix lists, at any depth (strategy: end, indicator, axis, line...)."""
    found: list[str] = []
    pending = list(MATRIX_ENTITIES.get(matrix, ()))
    while pending:
        name = pending.pop(0)
        if name in found or name not in field_model.entities:
            continue
        found.append(name)
        pending.extend(spec.items for spec in field_model.fields(name) if spec.type == "list" and spec.items)
    return found
