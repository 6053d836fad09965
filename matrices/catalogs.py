"""The course catalogues (GCM objectives, SDG targets, actor types, scales, ...) with their labels in each language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from matrices.installation import InstallationError, bundled_path, read_bundled
from matrices.localized import Lang, LocalizedText, languages

CATALOG_DIR = "catalogs"
"""The folder of the catalogue files under the app's data."""
# Sub-lists of these files are addressed as "enums.json#evidence_type", like in field_model.json.
_NESTED = {"enums.json": "values", "scales.json": "values"}


@dataclass(frozen=True)
class CatalogEntry:
    """One catalogue value with its labels and any extra attributes (number, sector, typology, ...)."""

    id: str
    text: LocalizedText
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: Lang) -> str:
        """Return the label in lang."""
        return self.text.get(lang)

    def localized(self, name: str) -> LocalizedText:
        """Return an attribute the data writes once per language (description_es, description_en) as one text."""
        prefix = f"{name}_"
        return LocalizedText(
            (key.removeprefix(prefix), value)
            for key, value in self.attrs.items()
            if key.startswith(prefix) and "_" not in key.removeprefix(prefix) and isinstance(value, str)
        )


@dataclass(frozen=True)
class Catalog:
    """An ordered list of entries, looked up by id."""

    ref: str
    entries: tuple[CatalogEntry, ...]
    title: LocalizedText = field(default_factory=LocalizedText)
    _by_id: dict[str, CatalogEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> CatalogEntry | None:
        """Return the entry with this id, or None."""
        return self._by_id.get(entry_id)

    def ids(self) -> list[str]:
        """Return the entry ids in catalogue order."""
        return [entry.id for entry in self.entries]

    def label(self, entry_id: str, lang: Lang) -> str:
        """Return the label of entry_id, or the id itself when the catalogue lacks it."""
        return self.text(entry_id).get(lang)

    def text(self, entry_id: str) -> LocalizedText:
        """Return the labels of entry_id, or the id itself when the catalogue lacks it."""
        entry = self.get(entry_id)
        return entry.text if entry else LocalizedText.plain(entry_id)


def _entry(raw: dict[str, Any], langs: tuple[Lang, ...]) -> CatalogEntry:
    # An entry keeps its labels under the language codes ("es", "en", ...) beside its other attributes.
    text = LocalizedText((lang, str(raw[lang])) for lang in langs if lang in raw)
    attrs = {k: v for k, v in raw.items() if k != "id" and k not in langs}
    return CatalogEntry(id=str(raw["id"]), text=text or LocalizedText.plain(str(raw["id"])), attrs=attrs)


def _title(raw: dict[str, Any], langs: tuple[Lang, ...]) -> LocalizedText:
    return LocalizedText((lang, str(raw[lang])) for lang in langs if lang in raw)


class Catalogs:
    """All catalogues shipped with the app, addressed as in field_model.json ("file.json" or "file.json#sub")."""

    def __init__(self, files: dict[str, dict[str, Any]], langs: tuple[Lang, ...] | None = None) -> None:
        self._files = files
        self._langs = langs = langs if langs is not None else languages()
        self._catalogs: dict[str, Catalog] = {}
        for name, data in files.items():
            entries = data.get("entries", [])
            self._catalogs[name] = Catalog(name, tuple(_entry(e, langs) for e in entries))
            nested_key = _NESTED.get(name)
            if nested_key:
                for sub in entries:
                    if nested_key in sub:
                        ref = f"{name}#{sub['id']}"
                        values = tuple(_entry(v, langs) for v in sub[nested_key])
                        self._catalogs[ref] = Catalog(ref, values, _title(sub, langs))
            grid = data.get("stakeholder_grid")
            if isinstance(grid, dict):
                # The grid's quadrants are the suggested strategies an actor's ratings map to.
                ref = f"{name}#stakeholder_grid"
                self._catalogs[ref] = Catalog(ref, tuple(_entry(q, langs) for q in grid.get("quadrants", [])))

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
        return tuple(_entry(c, self._langs) for c in criteria if isinstance(c, dict) and "id" in c)

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
        shown = CatalogEntry(entry.id, entry.text.map(partial(_numbered_label, code)), entry.attrs)
        entries.append(shown if code else entry)
    return Catalog(catalog.ref, tuple(entries), catalog.title)


def _numbered_label(code: str, label: str) -> str:
    return f"{code}  {label}"


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
