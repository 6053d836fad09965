"""The field model (field_model.json): labels, guidance, examples and requirement of every field."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matrices.base import Lang
from matrices.installation import InstallationError, bundled_path, read_bundled


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity as the course defines it."""

    key: str
    type: str
    required: str
    label_es: str
    label_en: str
    guidance_es: str = ""
    guidance_en: str = ""
    example_es: str = ""
    example_en: str = ""
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
        return self.label_es if lang == "es" else self.label_en

    def guidance(self, lang: Lang) -> str:
        """Return the guidance text in lang."""
        return self.guidance_es if lang == "es" else self.guidance_en


def _text(raw: dict[str, Any], key: str, lang: str) -> str:
    value = raw.get(key) or {}
    return str(value.get(lang, "")) if isinstance(value, dict) else str(value)


def _spec(raw: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        key=raw["key"],
        type=raw["type"],
        required=raw["required"],
        label_es=_text(raw, "label", "es"),
        label_en=_text(raw, "label", "en"),
        guidance_es=_text(raw, "guidance", "es"),
        guidance_en=_text(raw, "guidance", "en"),
        example_es=_text(raw, "example", "es"),
        example_en=_text(raw, "example", "en"),
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
    message_es: str
    message_en: str


class FieldModel:
    """Entities with their fields, the rules and the completeness weights."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.entities: dict[str, tuple[FieldSpec, ...]] = {
            name: tuple(_spec(f) for f in entity.get("fields", [])) for name, entity in raw["entities"].items()
        }
        self.entity_labels: dict[str, tuple[str, str]] = {
            name: (_text(entity, "label", "es"), _text(entity, "label", "en"))
            for name, entity in raw["entities"].items()
        }
        # What an entity is for, shown by the guidance panel: the matrices' `method`, else the description.
        self.entity_methods: dict[str, tuple[str, str]] = {
            name: (
                _text(entity, "method", "es") or _text(entity, "description", "es"),
                _text(entity, "method", "en") or _text(entity, "description", "en"),
            )
            for name, entity in raw["entities"].items()
            if entity.get("method") or entity.get("description")
        }
        self.rules: dict[str, Rule] = {
            r["id"]: Rule(r["id"], r["scope"], r["severity"], r["message"]["es"], r["message"]["en"])
            for r in raw["rules"]
        }
        self.weights: dict[str, int] = dict(raw["completeness"]["weights"])

    @classmethod
    def load(cls, path: Path | None = None) -> FieldModel:
        """Load the field model (default: the bundled copy, InstallationError when it is missing or damaged)."""
        if path is not None:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        source = bundled_path("field_model.json")
        try:
            return cls(read_bundled(source))
        except (AttributeError, KeyError, TypeError) as exc:  # JSON, but not the field model
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
