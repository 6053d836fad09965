"""Display codes and names of the proposal's items, and catalogue labels, for one export.

Links between items are stored as ids (a UUID for items made in the app); the document shows them as the
code a reader can find in the tables (C1.2, A04, IND2.1) followed by the item's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from export.labels import Labels
from matrices.actors import display_name
from matrices.base import Lang
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.problem import Cause, Effect, TreeRow, tree_walk
from matrices.proposal import Proposal

# The course's codes (C1.2, IND1.1, EJ1.L2, A01) are shown as they are; anything else (a UUID) is replaced by
# a code from the item's position.
_CODE_LIKE = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:[._:-][A-Z0-9]{1,8}){0,3}")


_MATRIX_ENTITY = {
    "general": "proposal",
    "problem": "problem_matrix",
    "strategy": "strategy_matrix",
    "actors": "actor_matrix",
    "instruments": "instrument_matrix",
}


class Refs:
    """Codes, names and catalogue labels of one proposal in one export language."""

    def __init__(self, proposal: Proposal, catalogs: Catalogs, labels: Labels) -> None:
        self.lang: Lang = labels.lang
        self._labels = labels
        self._catalogs = catalogs
        self.codes: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.entities: dict[str, str] = {}
        """The field-model entity of each item id (cause, actor, ...), to name its fields."""
        problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
        self._walks: dict[str, tuple[Sequence[Cause] | Sequence[Effect], list[TreeRow]]] = {
            "C": (problem.causes, tree_walk(problem.causes, "C")),
            "E": (problem.effects, tree_walk(problem.effects, "E")),
        }
        self.cause_codes = {problem.causes[row.index].id: row.code for row in self._walks["C"][1]}
        self.effect_codes = {problem.effects[row.index].id: row.code for row in self._walks["E"][1]}
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

    # -- building -----------------------------------------------------------------------------------------

    def _add(self, items: Sequence[Cause] | Sequence[Effect], codes: dict[str, str], name: object, entity: str) -> None:
        for item in items:
            self.codes.setdefault(item.id, codes[item.id])
            self.names.setdefault(item.id, name(item))  # type: ignore[operator]
            self.entities.setdefault(item.id, entity)

    def _number(self, items: Iterable[object], prefix: str, name: object, entity: str, width: int = 1) -> None:
        taken = set(self.codes.values())
        for position, item in enumerate(items, start=1):
            item_id: str = getattr(item, "id", "")
            if item_id in self.codes:
                continue  # a duplicated id: the rules report it; the first item keeps the code
            if _CODE_LIKE.fullmatch(item_id) and len(item_id) <= 16:
                code = item_id
            else:
                code = f"{prefix}{position:0{width}d}"
                while code in taken:
                    code += "′"
            taken.add(code)
            self.codes[item_id] = code
            self.names[item_id] = name(item)  # type: ignore[operator]
            self.entities[item_id] = entity

    # -- lookups ------------------------------------------------------------------------------------------

    def code(self, item_id: str | None) -> str:
        """Return the display code of an item (its id, flagged, when the item does not exist)."""
        if item_id is None:
            return ""
        return self.codes.get(item_id) or f"{item_id} ({self._labels('not_found')})"

    def ref(self, item_id: str | None) -> str:
        """Return 'CODE name' for an item id."""
        if item_id is None:
            return ""
        code = self.codes.get(item_id)
        if code is None:
            return f"{item_id} ({self._labels('not_found')})"
        name = self.names.get(item_id, "")
        return f"{code} {name}" if name else code

    def refs(self, item_ids: Iterable[str]) -> str:
        """Return one 'CODE name' per line."""
        return "\n".join(self.ref(item_id) for item_id in item_ids)

    def tree_rows(self, nodes: Sequence[Cause] | Sequence[Effect]) -> list[tuple[Cause | Effect, str, int]]:
        """Return the nodes in tree order (each parent followed by its children) with their code and depth.

        Nodes sharing an id (a draft's duplicate, rule G03) share its code and all appear.
        """
        if not nodes:
            return []
        prefix = "C" if isinstance(nodes[0], Cause) else "E"
        walked, walk = self._walks[prefix]
        if walked is not nodes:
            walk = tree_walk(nodes, prefix)  # another list than the proposal's (a caller's selection)
        return [(nodes[row.index], row.code, row.depth) for row in walk]

    def label(self, catalog: str, entry_id: str | None) -> str:
        """Return the label of a catalogue value in the export language ("" for none, the id when unknown)."""
        if entry_id is None:
            return ""
        if catalog not in self._catalogs:
            return entry_id
        return self._catalogs.label(catalog, entry_id, self.lang)

    def labels(self, catalog: str, entry_ids: Iterable[str], sep: str = "; ") -> str:
        """Return the labels of several catalogue values joined by sep."""
        return sep.join(self.label(catalog, entry_id) for entry_id in entry_ids)

    def label_list(self, catalog: str, entry_ids: Sequence[str]) -> str:
        """Return several catalogue labels one per line, bulleted when there are several (labels may wrap)."""
        if len(entry_ids) < 2:
            return self.labels(catalog, entry_ids)
        return "\n".join(f"• {self.label(catalog, entry_id)}" for entry_id in entry_ids)

    def entry_attr(self, catalog: str, entry_id: str, attr: str) -> object:
        """Return an extra attribute of a catalogue entry (a GCM objective's number), or None."""
        if catalog not in self._catalogs:
            return None
        entry = self._catalogs.get(catalog).get(entry_id)
        return entry.attrs.get(attr) if entry else None

    def field_label(self, field_model: FieldModel, matrix: str, item_id: str | None, key: str | None) -> str:
        """Return the course's label of a field of an item (or of a matrix), or "" when it is unknown."""
        if not key:
            return ""
        entity = self.entities.get(item_id or "") or _MATRIX_ENTITY.get(matrix, "")
        if entity not in field_model.entities:
            return ""
        first, _, rest = key.partition(".")
        for spec in field_model.fields(entity):
            if spec.key == first:
                label = spec.label(self.lang)
                for sub in spec.subfields:
                    if rest and sub.key == rest:
                        return f"{label} › {sub.label(self.lang)}"
                return label
        return ""
