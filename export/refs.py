"""Display codes and names of the proposal's items, and catalogue labels, for one export.

Links between items are stored as ids (a UUID for items made in the app); the document shows them as the
code a reader can find in the tables (C1.2, A04, IND2.1) followed by the item's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from export.labels import Labels
from matrices.catalogs import Catalogs
from matrices.display import ItemCodes
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.problem import Cause, Effect, TreeRow, tree_walk
from matrices.proposal import Proposal
from matrices.review import MatrixKey


class Refs:
    """Codes, names and catalogue labels of one proposal in one export language."""

    def __init__(
        self,
        proposal: Proposal,
        catalogs: Catalogs,
        labels: Labels,
        items: ItemCodes | None = None,
        walks: tuple[list[TreeRow], list[TreeRow]] | None = None,
    ) -> None:
        """Number the proposal, or reuse items and (causes, effects) walks already computed for it as it is now."""
        self.lang: Lang = labels.lang
        self._labels = labels
        self._catalogs = catalogs
        self.items = items if items is not None else ItemCodes(proposal)
        """The display codes, names and entities of the items (matrices/display.py: the editor's codes too)."""
        self.codes = self.items.codes
        self.names = self.items.names
        self.entities = self.items.entities
        self.cause_codes = self.items.cause_codes
        self.effect_codes = self.items.effect_codes
        problem = proposal.problem_matrix
        # Kept for tree_rows: one walk per tree, reused by every table that lists the tree in order.
        cause_walk, effect_walk = walks or (tree_walk(problem.causes, "C"), tree_walk(problem.effects, "E"))
        self._walks: dict[str, tuple[Sequence[Cause] | Sequence[Effect], list[TreeRow]]] = {
            "C": (problem.causes, cause_walk),
            "E": (problem.effects, effect_walk),
        }

    # -- lookups ------------------------------------------------------------------------------------------

    def code(self, item_id: str | None) -> str:
        """Return the display code of an item (flagged when the item does not exist: matrices/display.py)."""
        if item_id is None:
            return ""
        return self.items.reference(item_id, self.lang)

    def ref(self, item_id: str | None) -> str:
        """Return 'CODE name' for an item id."""
        if item_id is None:
            return ""
        code = self.items.reference(item_id, self.lang)
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

    def field_label(self, field_model: FieldModel, matrix: MatrixKey, item_id: str | None, key: str | None) -> str:
        """Return the course's label of a field of an item (or of a matrix), or "" when it is unknown."""
        return self.items.field_label(field_model, matrix, item_id, key, self.lang)
