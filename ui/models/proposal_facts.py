"""What the views derive from the whole proposal (display codes, the walks of the trees), computed once per edit.

A 20,000-cause proposal takes a noticeable fraction of a second to number (matrices/display.py ItemCodes) or to
walk (matrices/problem.py tree_walk). Every table, form and list of choices needs them, and a page shows many:
computed where each is shown, they were rebuilt dozens of times a paint. The session owns one ProposalFacts and
forgets it whenever an edit, undo, redo or restored snapshot has changed the proposal (DocumentSession._announce),
before any view is told, so a view reading it always sees the proposal as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from export.labels import Labels
from export.refs import Refs
from matrices.catalogs import Catalogs
from matrices.display import ItemCodes
from matrices.localized import Lang
from matrices.problem import TreeRow, tree_walk
from matrices.proposal import Proposal

T = TypeVar("T")


class ProposalFacts:
    """Facts derived from the session's current proposal, each computed on first need after the last change."""

    def __init__(self, proposal: Callable[[], Proposal]) -> None:
        self._proposal = proposal
        self._codes: ItemCodes | None = None
        self._walks: dict[str, list[TreeRow]] = {}
        self._memo: dict[tuple[object, ...], Any] = {}

    def invalidate(self) -> None:
        """Forget everything (the proposal has changed)."""
        self._codes = None
        self._walks.clear()
        self._memo.clear()

    def item_codes(self) -> ItemCodes:
        """Return the display codes, names and entities of the proposal's items."""
        if self._codes is None:
            self._codes = ItemCodes(self._proposal(), (self.walk("C"), self.walk("E")))
        return self._codes

    def walk(self, prefix: Literal["C", "E"]) -> list[TreeRow]:
        """Return tree_walk of the proposal's causes ("C") or effects ("E")."""
        if prefix not in self._walks:
            problem = self._proposal().problem_matrix
            self._walks[prefix] = tree_walk(problem.causes if prefix == "C" else problem.effects, prefix)
        return self._walks[prefix]

    def refs(self, catalogs: Catalogs, lang: Lang) -> Refs:
        """Return the export's codes, names and labels of the proposal in lang (the codes the Word file prints)."""
        walks = (self.walk("C"), self.walk("E"))
        return self.memo(
            ("refs", lang, id(catalogs)),
            lambda: Refs(self._proposal(), catalogs, Labels(lang), self.item_codes(), walks),
        )

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """Return compute(), computed once per change for this key (it must depend only on the proposal and key)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]
