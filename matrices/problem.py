"""Matrix 1, the problem: central problem, evidence, and the trees of causes and effects."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Number, Text, new_id

MAX_PROBLEM_CHARS = 300
"""The course's length for a central problem: longer draws a warning (rule P03), and the tree shows it whole."""


class Evidence(DomainModel):
    """A figure or statement that sizes the problem, with its source and data type."""

    id: Id = Field(default_factory=new_id)
    description: Text = ""
    value: Number | None = None
    unit: Text | None = None
    cutoff_date: date | None = None
    source: Text | None = None
    data_type: CatalogId | None = None


class Cause(DomainModel):
    """A node of the cause tree: direct causes have no parent, indirect ones hang from another cause."""

    id: Id = Field(default_factory=new_id)
    level: CatalogId | None = None
    parent_id: Id | None = None
    description: Text = ""
    category: CatalogId | None = None
    governability: CatalogId | None = None
    evidence_ids: list[Id] = Field(default_factory=list)


class Effect(DomainModel):
    """A node of the effect tree: direct effects have no parent, indirect ones derive from another effect."""

    id: Id = Field(default_factory=new_id)
    level: CatalogId | None = None
    parent_id: Id | None = None
    description: Text = ""
    affected: Text | None = None
    severity: CatalogId | None = None


class ProblemMatrix(DomainModel):
    """The first matrix: the problem tree and the evidence behind it."""

    central_problem: Text = ""
    context: Text | None = None
    affected_population: Text = ""
    evidence: list[Evidence] = Field(default_factory=list)
    causes: list[Cause] = Field(default_factory=list)
    effects: list[Effect] = Field(default_factory=list)


def children_of(nodes: list[Cause] | list[Effect], parent_id: str | None) -> list[Cause] | list[Effect]:
    """Return the nodes hanging directly from parent_id (None: the roots), in list order."""
    return [node for node in nodes if node.parent_id == parent_id]  # type: ignore[return-value]


def tree_codes(nodes: list[Cause] | list[Effect], prefix: str) -> dict[str, str]:
    """Number a tree by position (C1, C1.1, ...) so that display codes follow the order the participant chose."""
    codes: dict[str, str] = {}

    def visit(parent: str | None, base: str) -> None:
        for index, node in enumerate(children_of(nodes, parent), start=1):
            if node.id in codes:
                continue  # a cycle or a duplicate id: the rules report it, numbering just stops
            codes[node.id] = f"{base}{index}" if parent is None else f"{base}.{index}"
            visit(node.id, codes[node.id])

    visit(None, prefix)
    # Orphans (dangling parent) and members of a parent cycle still get a code after the roots, so every
    # node of a broken draft can be shown and pointed at.
    next_root = len(children_of(nodes, None))
    for node in nodes:
        if node.id not in codes:
            next_root += 1
            codes[node.id] = f"{prefix}{next_root}"
            visit(node.id, codes[node.id])
    return codes
