"""The course catalogues (GCM objectives, SDG targets, actor types, scales, ...) with their es/en labels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrices.base import Lang
from matrices.installation import InstallationError, bundled_path, read_bundled

CATALOG_DIR = "catalogs"
"""The folder of the catalogue files under the app's data."""
# Sub-lists of these files are addressed as "enums.json#evidence_type", like in field_model.json.
_NESTED = {"enums.json": "values", "scales.json": "values"}


@dataclass(frozen=True)
class CatalogEntry:
    """One catalogue value with its labels and any extra attributes (number, sector, typology, ...)."""

    id: str
    es: str
    en: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: Lang) -> str:
        """Return the label in lang."""
        return self.es if lang == "es" else self.en


@dataclass(frozen=True)
class Catalog:
    """An ordered list of entries, looked up by id."""

    ref: str
    entries: tuple[CatalogEntry, ...]
    label_es: str = ""
    label_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> CatalogEntry | None:
        """Return the entry with this id, or None."""
        return self._by_id.get(entry_id)  # type: ignore[attr-defined,no-any-return]

    def ids(self) -> list[str]:
        """Return the entry ids in catalogue order."""
        return [entry.id for entry in self.entries]

    def label(self, entry_id: str, lang: Lang) -> str:
        """Return the label of entry_id, or the id itself when the catalogue lacks it."""
        entry = self.get(entry_id)
        return entry.label(lang) if entry else entry_id


def _entry(raw: dict[str, Any]) -> CatalogEntry:
    attrs = {k: v for k, v in raw.items() if k not in ("id", "es", "en")}
    return CatalogEntry(
        id=str(raw["id"]), es=str(raw.get("es", raw["id"])), en=str(raw.get("en", raw["id"])), attrs=attrs
    )


class Catalogs:
    """All catalogues shipped with the app, addressed as in field_model.json ("file.json" or "file.json#sub")."""

    def __init__(self, files: dict[str, dict[str, Any]]) -> None:
        self._files = files
        self._catalogs: dict[str, Catalog] = {}
        for name, data in files.items():
            entries = data.get("entries", [])
            self._catalogs[name] = Catalog(name, tuple(_entry(e) for e in entries))
            nested_key = _NESTED.get(name)
            if nested_key:
                for sub in entries:
                    if nested_key in sub:
                        ref = f"{name}#{sub['id']}"
                        values = tuple(_entry(v) for v in sub[nested_key])
                        self._catalogs[ref] = Catalog(ref, values, sub.get("es", ""), sub.get("en", ""))
            grid = data.get("stakeholder_grid")
            if isinstance(grid, dict):
                # The grid's quadrants are the suggested strategies an actor's ratings map to.
                ref = f"{name}#stakeholder_grid"
                self._catalogs[ref] = Catalog(ref, tuple(_entry(q) for q in grid.get("quadrants", [])))

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalogs:
        """Load every catalogue file from directory (default: the bundled data, InstallationError if damaged)."""
        if directory is not None:
            return cls(
                {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.json"))}
            )
        root = bundled_path(CATALOG_DIR)
        if not root.is_dir():
            raise InstallationError(root, "missing")
        files = {path.name: read_bundled(path) for path in sorted(root.glob("*.json"))}
        try:
            return cls(files)
        except (AttributeError, KeyError, TypeError) as exc:  # a file that is JSON but not a catalogue
            raise InstallationError(root, "damaged") from exc

    def __contains__(self, ref: object) -> bool:
        return ref in self._catalogs

    def get(self, ref: str) -> Catalog:
        """Return the catalogue addressed by ref; KeyError if the app ships no such catalogue."""
        return self._catalogs[ref]

    def label(self, ref: str, entry_id: str, lang: Lang) -> str:
        """Return the label of entry_id in catalogue ref (the id itself when unknown)."""
        return self.get(ref).label(entry_id, lang)

    def feasibility_criteria(self) -> tuple[CatalogEntry, ...]:
        """Return the criteria of the ex-ante assessment (effectiveness … financial feasibility), with labels."""
        scale = self._catalogs["scales.json"].get("feasibility") if "scales.json" in self._catalogs else None
        criteria = scale.attrs.get("criteria", []) if scale is not None else []
        return tuple(_entry(c) for c in criteria if isinstance(c, dict) and "id" in c)

    def raw(self, name: str) -> dict[str, Any]:
        """Return a catalogue file's raw content (for extra sections such as the stakeholder grid)."""
        return self._files[name]

    def refs(self) -> list[str]:
        """Return every catalogue reference, sorted."""
        return sorted(self._catalogs)


def numbered(catalog: Catalog) -> Catalog:
    """Return the catalogue with its official numbers in front of the labels (GCM 9, SDG 10.7, MiGOF O3)."""
    entries = []
    for entry in catalog:
        code = official_code(entry)
        shown = CatalogEntry(entry.id, f"{code}  {entry.es}", f"{code}  {entry.en}", entry.attrs) if code else entry
        entries.append(shown)
    return Catalog(catalog.ref, tuple(entries), catalog.label_es, catalog.label_en)


def official_code(entry: CatalogEntry) -> str:
    """Return the number participants know an entry by, or '' (principles and norms have none)."""
    if "goal" in entry.attrs:
        return entry.id  # SDG targets are identified by their number, e.g. 10.7
    number = entry.attrs.get("number")
    if number is None:
        return ""
    kind = entry.attrs.get("kind")
    if kind in ("principle", "objective"):
        return f"{'P' if kind == 'principle' else 'O'}{number}"
    return f"{number}."
