"""The bundled example proposal (Darien, migrant smuggling) in Spanish and English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from matrices import datafiles
from matrices.base import ProposalLanguage
from matrices.proposal import Proposal


def example_path(lang: ProposalLanguage = "es") -> Path:
    """Return the path of the bundled example in lang."""
    return datafiles.data_dir() / "examples" / f"example_proposal.{lang}.json"


def example_data(lang: ProposalLanguage = "es") -> dict[str, Any]:
    """Return the raw JSON object of the example."""
    data: dict[str, Any] = json.loads(example_path(lang).read_text(encoding="utf-8"))
    return data


def load_example(lang: ProposalLanguage = "es") -> Proposal:
    """Return the example as a validated Proposal."""
    return Proposal.model_validate(example_data(lang))
