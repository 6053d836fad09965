"""The bundled example proposal (Darien, migrant smuggling) in Spanish and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from matrices.base import ProposalLanguage
from matrices.installation import InstallationError, bundled_path, read_bundled
from matrices.proposal import Proposal


def example_path(lang: ProposalLanguage = "es") -> Path:
    """Return the path of the bundled example in lang."""
    return bundled_path("examples", f"example_proposal.{lang}.json")


def example_data(lang: ProposalLanguage = "es") -> dict[str, Any]:
    """Return the raw JSON object of the example (InstallationError when it is missing or damaged)."""
    path = example_path(lang)
    data = read_bundled(path)
    if not isinstance(data, dict):
        raise InstallationError(path, "damaged")
    return data


def load_example(lang: ProposalLanguage = "es") -> Proposal:
    """Return the example as a validated Proposal (InstallationError when it is missing or damaged)."""
    try:
        return Proposal.model_validate(example_data(lang))
    except ValidationError as exc:
        raise InstallationError(example_path(lang), "damaged") from exc
