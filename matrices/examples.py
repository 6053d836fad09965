"""The bundled example proposal (Darien, migrant smuggling) in Spanish and English."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from matrices.localized import Lang
from matrices.proposal import Proposal


def example_path(lang: Lang = "es") -> Path:
    """Return the path of the bundled example in lang."""
    return Path(str(resources.files("matrices") / "data" / "examples" / f"example_proposal.{lang}.json"))


def example_data(lang: Lang = "es") -> dict[str, Any]:
    """Return the raw JSON object of the example."""
    data: dict[str, Any] = json.loads(example_path(lang).read_text(encoding="utf-8"))
    return data


def load_example(lang: Lang = "es") -> Proposal:
    """Return the example as a validated Proposal."""
    return Proposal.model_validate(example_data(lang))
