"""Rules of the actors scope (A01–A07): size of the map, ratings, whole-of-society and mandates."""

from __future__ import annotations

from collections.abc import Iterator

from matrices.actors import Actor
from matrices.findings import Finding
from matrices.localized import joined
from matrices.review import MatrixKey
from matrices.rules.engine import RuleContext, RuleFunction

MATRIX: MatrixKey = "actors"
MIN_ACTORS = 4
RECOMMENDED_ACTORS = 8
# A05 as worded in the course: "influence ≥ 4 and position ≤ −1" (fixed, unlike the configurable grid threshold).
STRONG_INFLUENCE = 4
OPPOSING_POSITION = -1
# Fallback ranges if scales.json lacks min/max; the catalogue is the source of truth.
_DEFAULT_RANGES = {"interest": (1, 5), "influence": (1, 5), "position": (-2, 2)}

GOVERNMENTAL_SECTORS = frozenset({"public"})
# Civil society, academia, media, unions, humanitarian and faith-based organizations ("social") and business
# ("private"). The "international" sector is left out on purpose: IOM, UN agencies, regional bodies and donor
# agencies are intergovernmental, so they do not show that society outside the State was mapped.
NON_GOVERNMENTAL_SECTORS = frozenset({"social", "private"})
# The population itself. These types are "social" too, but they fill only this slot of A04: a map with the
# State and the migrants but no civil society, academia or business is not whole-of-society.
POPULATION_TYPES = frozenset({"migrant_community", "host_community"})
# A07 follows the field model's condition: public actors (any "public" sector type, which includes
# foreign_government), international organizations and regional bodies. Donors are not listed there.
MANDATE_TYPES = frozenset({"international_org", "regional_body"})


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _sector(ctx: RuleContext, actor: Actor) -> str | None:
    if actor.type is None:
        return None
    entry = ctx.catalogs.get("actor_types.json").get(actor.type)
    sector = entry.attrs.get("sector") if entry else None
    return str(sector) if sector is not None else None


def _range(ctx: RuleContext, key: str) -> tuple[int, int]:
    ref = f"scales.json#{key}"
    default = _DEFAULT_RANGES[key]
    if ref not in ctx.catalogs:
        return default
    values = [int(entry.id) for entry in ctx.catalogs.get(ref) if entry.id.lstrip("-").isdigit()]
    return (min(values), max(values)) if values else default


def a01_minimum_actors(ctx: RuleContext) -> Iterator[Finding]:
    """A01: at least 4 actors."""
    count = len(ctx.proposal.actor_matrix.actors)
    if count < MIN_ACTORS:
        yield ctx.finding("A01", MATRIX, None, "actors", ctx.detail("A01.count", count=count))


def a02_recommended_actors(ctx: RuleContext) -> Iterator[Finding]:
    """A02: at least 8 actors are recommended (only once the A01 minimum is met)."""
    count = len(ctx.proposal.actor_matrix.actors)
    # Below 4 the A01 error already says the map is too small; repeating it as a warning adds nothing.
    if MIN_ACTORS <= count < RECOMMENDED_ACTORS:
        yield ctx.finding("A02", MATRIX, None, "actors", ctx.detail("A02.count", count=count))


def a03_ratings(ctx: RuleContext) -> Iterator[Finding]:
    """A03: interest and influence are rated 1–5 and position −2..+2 (a missing rating also fires)."""
    ranges = {key: _range(ctx, key) for key in _DEFAULT_RANGES}
    labels = {key: ctx.label("actor", key) for key in _DEFAULT_RANGES}
    for actor in ctx.proposal.actor_matrix.actors:
        for key, (low, high) in ranges.items():
            value: int | None = getattr(actor, key)
            code, label = ctx.code(actor.id), labels[key]
            if value is None:
                yield ctx.finding("A03", MATRIX, actor.id, key, ctx.detail("A03.unrated", code=code, field=label))
            elif not low <= value <= high:
                detail = ctx.detail("A03.out_of_range", code=code, field=label, value=value, low=low, high=high)
                yield ctx.finding("A03", MATRIX, actor.id, key, detail)


def a04_whole_of_society(ctx: RuleContext) -> Iterator[Finding]:
    """A04: the map includes governmental actors, non-governmental actors and the migrant or affected population."""
    actors = ctx.proposal.actor_matrix.actors
    sectors = {actor.id: _sector(ctx, actor) for actor in actors}
    has_government = any(sectors[actor.id] in GOVERNMENTAL_SECTORS for actor in actors)
    has_society = any(
        sectors[actor.id] in NON_GOVERNMENTAL_SECTORS and actor.type not in POPULATION_TYPES for actor in actors
    )
    has_population = any(actor.type in POPULATION_TYPES for actor in actors)
    missing = [
        ctx.detail(f"A04.{kind}")
        for present, kind in (
            (has_government, "governmental"),
            (has_society, "non_governmental"),
            (has_population, "population"),
        )
        if not present
    ]
    if missing:
        yield ctx.finding("A04", MATRIX, None, "actors", ctx.detail("A04.missing", kinds=joined(missing)))


def a05_opponent_strategy(ctx: RuleContext) -> Iterator[Finding]:
    """A05: an influential opponent (influence ≥ 4, position ≤ −1) has an engagement strategy."""
    for actor in ctx.proposal.actor_matrix.actors:
        if actor.influence is None or actor.position is None:
            continue  # A03 reports the missing rating
        if (
            actor.influence >= STRONG_INFLUENCE
            and actor.position <= OPPOSING_POSITION
            and _blank(actor.strategy_detail)
        ):
            yield ctx.finding("A05", MATRIX, actor.id, "strategy_detail", ctx.code(actor.id))


def _participants(ctx: RuleContext) -> set[str]:
    strategy = ctx.proposal.strategy_matrix
    axis_ids = {axis.id for axis in strategy.axes}
    ids: set[str] = set()
    for axis in strategy.axes:
        if axis.lead_actor_id is not None:
            ids.add(axis.lead_actor_id)
        ids.update(axis.co_responsible_actor_ids)
        ids.update(ind.responsible_actor_id for ind in axis.indicators if ind.responsible_actor_id is not None)
    ids.update(i.responsible_actor_id for i in strategy.general_indicators if i.responsible_actor_id is not None)
    for instrument in ctx.proposal.instrument_matrix.instruments:
        if instrument.responsible_actor_id is not None:
            ids.add(instrument.responsible_actor_id)
        ids.update(instrument.target_actor_ids)
    # An actor's own link counts only towards an axis that exists; a dangling one is G02's finding.
    ids.update(actor.id for actor in ctx.proposal.actor_matrix.actors if axis_ids & set(actor.axis_ids))
    return ids


def a06_actor_without_role(ctx: RuleContext) -> Iterator[Finding]:
    """A06: an actor takes part in no axis and no instrument."""
    participants = _participants(ctx)
    for actor in ctx.proposal.actor_matrix.actors:
        if actor.id not in participants:
            yield ctx.finding("A06", MATRIX, actor.id, "axis_ids", ctx.code(actor.id))


def a07_mandate(ctx: RuleContext) -> Iterator[Finding]:
    """A07: public actors, international organizations and regional bodies state their mandate."""
    for actor in ctx.proposal.actor_matrix.actors:
        needs_mandate = _sector(ctx, actor) in GOVERNMENTAL_SECTORS or actor.type in MANDATE_TYPES
        if needs_mandate and _blank(actor.mandate):
            yield ctx.finding("A07", MATRIX, actor.id, "mandate", ctx.code(actor.id))


RULES: dict[str, RuleFunction] = {
    "A01": a01_minimum_actors,
    "A02": a02_recommended_actors,
    "A03": a03_ratings,
    "A04": a04_whole_of_society,
    "A05": a05_opponent_strategy,
    "A06": a06_actor_without_role,
    "A07": a07_mandate,
}
