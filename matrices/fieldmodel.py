"""The field model (field_model.json): labels, guidance, examples and requirement of every field, and the rules.

With it come the domain's own texts (texts.json): the details the rules add to their messages, keyed by rule id,
and the few words the domain shows beside the course's (an item that no longer exists, yes and no).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from matrices.installation import InstallationError, bundled_path, read_bundled
from matrices.localized import Lang, LocalizedText


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity as the course defines it."""

    key: str
    type: str
    required: str
    label_text: LocalizedText
    guidance_text: LocalizedText = field(default_factory=LocalizedText)
    example_text: LocalizedText = field(default_factory=LocalizedText)
    catalog: str | None = None
    filter: str | None = None
    """Restricts the catalogue to entries with an attribute value, e.g. 'typology=nato'."""
    ref: str | None = None
    items: str | None = None
    rule: str | None = None
    min_items: int | None = None
    subfields: tuple[FieldSpec, ...] = ()

    def label(self, lang: Lang) -> str:
        """Return the label in lang."""
        return self.label_text.get(lang)

    def guidance(self, lang: Lang) -> str:
        """Return the guidance text in lang."""
        return self.guidance_text.get(lang)

    def example(self, lang: Lang) -> str:
        """Return the course's example value in lang."""
        return self.example_text.get(lang)


def _spec(raw: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        key=raw["key"],
        type=raw["type"],
        required=raw["required"],
        label_text=LocalizedText.of(raw.get("label")),
        guidance_text=LocalizedText.of(raw.get("guidance")),
        example_text=LocalizedText.of(raw.get("example")),
        catalog=raw.get("catalog"),
        filter=raw.get("filter"),
        ref=raw.get("ref"),
        items=raw.get("items"),
        rule=raw.get("rule"),
        min_items=raw.get("min_items"),
        subfields=tuple(_spec(sub) for sub in raw.get("fields", [])),
    )


@dataclass(frozen=True)
class Rule:
    """A rule of the course with its severity and message."""

    id: str
    scope: str
    severity: str
    message: LocalizedText


@cache  # per path: a test points the data folder at a copy
def _bundled_texts(path: Path) -> Mapping[str, Any]:
    texts = read_bundled(path)
    if not isinstance(texts, dict):
        raise InstallationError(path, "damaged")
    return MappingProxyType(texts)


def domain_text(key: str) -> LocalizedText:
    """Return one of the domain's texts (texts.json) where no field model is at hand; KeyError when unknown."""
    return LocalizedText.of(_bundled_texts(bundled_path("texts.json"))[key])


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class FieldModel:
    """Entities with their fields, the rules, the completeness weights and the domain's texts."""

    def __init__(self, raw: dict[str, Any], texts: Mapping[str, Any] | None = None) -> None:
        entities: dict[str, Any] = raw["entities"]
        self.entities: dict[str, tuple[FieldSpec, ...]] = {
            name: tuple(_spec(f) for f in entity.get("fields", [])) for name, entity in entities.items()
        }
        self._entity_labels = {name: LocalizedText.of(entity.get("label")) for name, entity in entities.items()}
        # What an entity is for, shown by the guidance panel: the matrices' `method`, else the description.
        self._entity_methods = {
            name: LocalizedText.of(entity.get("method") or entity.get("description"))
            for name, entity in entities.items()
        }
        self.rules: dict[str, Rule] = {
            r["id"]: Rule(r["id"], r["scope"], r["severity"], LocalizedText.of(r["message"])) for r in raw["rules"]
        }
        self.weights: dict[str, int] = dict(raw["completeness"]["weights"])
        own = texts if texts is not None else _bundled_texts(bundled_path("texts.json"))
        self._texts = {key: LocalizedText.of(value) for key, value in own.items() if isinstance(value, dict)}

    @classmethod
    def load(cls, path: Path | None = None) -> FieldModel:
        """Load the field model and the texts beside it (default: the bundled copies, InstallationError if damaged)."""
        if path is not None:
            return cls(_read(path), _read(path.parent / "texts.json"))
        source = bundled_path("field_model.json")
        try:
            return cls(read_bundled(source), _bundled_texts(bundled_path("texts.json")))
        except (AttributeError, KeyError, TypeError) as exc:  # JSON, but not the field model and its texts
            raise InstallationError(source, "damaged") from exc

    def catalog_refs(self) -> set[str]:
        """Return every catalogue a field names ('actor_types.json', 'enums.json#timeframe')."""
        return {
            spec.catalog
            for specs in self.entities.values()
            for field in specs
            for spec in (field, *field.subfields)
            if spec.catalog
        }

    def fields(self, entity: str) -> tuple[FieldSpec, ...]:
        """Return the fields of an entity."""
        return self.entities[entity]

    def field(self, entity: str, key: str) -> FieldSpec:
        """Return one field of an entity; KeyError when unknown."""
        for spec in self.entities[entity]:
            if spec.key == key:
                return spec
        raise KeyError(f"{entity}.{key}")

    def entity_label(self, entity: str) -> LocalizedText:
        """Return the name of a kind of item (Causa, Actor...); the entity's key when the course names none."""
        return self._entity_labels.get(entity) or LocalizedText.plain(entity)

    def entity_method(self, entity: str) -> LocalizedText:
        """Return what an entity is for (the matrices' method), or an empty text."""
        return self._entity_methods.get(entity, LocalizedText())

    def text(self, key: str) -> LocalizedText:
        """Return one of the domain's texts (texts.json), e.g. a rule's detail 'P04.counts'; KeyError when unknown."""
        return self._texts[key]
