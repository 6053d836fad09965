"""General data of a proposal: horizon, alignment with international frameworks, estimated cost."""

from __future__ import annotations

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Items, Number, Text, Year


class Horizon(DomainModel):
    """The years in which the proposal is carried out."""

    start_year: Year | None = None
    end_year: Year | None = None


class Alignment(DomainModel):
    """Links of the whole proposal to the GCM, the 2030 Agenda, the MiGOF, the MGI and national norms."""

    gcm_objectives: Items[CatalogId] = Field(default_factory=list)
    gcm_principles: Items[CatalogId] = Field(default_factory=list)
    sdg_targets: Items[CatalogId] = Field(default_factory=list)
    migof: Items[CatalogId] = Field(default_factory=list)
    mgi_domains: Items[CatalogId] = Field(default_factory=list)
    normative_references: Items[CatalogId] = Field(default_factory=list)


class AxisAlignment(DomainModel):
    """Links of one strategic axis to the international frameworks."""

    gcm_objectives: Items[CatalogId] = Field(default_factory=list)
    sdg_targets: Items[CatalogId] = Field(default_factory=list)
    migof: Items[CatalogId] = Field(default_factory=list)
    mgi_domains: Items[CatalogId] = Field(default_factory=list)


class EstimatedCost(DomainModel):
    """An estimated amount with its currency, funding source and data type (shared by axes and instruments)."""

    amount: Number | None = None
    currency: Text | None = None
    funding_source: Text | None = None
    data_type: CatalogId | None = None
