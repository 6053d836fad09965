"""The course's completeness and consistency rules (field_model.json `rules`), one module per matrix."""

from __future__ import annotations

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.rules import actors, general, instruments, problem, strategy
from matrices.rules.engine import Rulebook, RuleContext, RuleFunction

ALL_RULES: dict[str, RuleFunction] = {
    **general.RULES,
    **problem.RULES,
    **strategy.RULES,
    **actors.RULES,
    **instruments.RULES,
}


def default_rulebook(catalogs: Catalogs, field_model: FieldModel) -> Rulebook:
    """Return a rulebook with every rule of the course."""
    return Rulebook(catalogs, field_model, ALL_RULES)


__all__ = ["ALL_RULES", "RuleContext", "Rulebook", "default_rulebook"]
