"""Where the reference data is read from: the folder of JSON files shipped inside the `matrices` package.

Every loader (field model, texts, catalogues, languages, examples) asks this one function, so that a test can
point all of them at a copy of the data, for instance one with a language added.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache  # asked for every figure and date written: the package's place does not move while it runs
def data_dir() -> Path:
    """Return the folder holding field_model.json, texts.json, languages.json, catalogs/ and examples/."""
    return Path(str(resources.files("matrices") / "data"))
