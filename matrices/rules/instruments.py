"""Rules of the instruments scope (I01–I09): coverage of axes, NATO/Vedung classification and links."""

from __future__ import annotations

from collections.abc import Iterator

from matrices.findings import Finding
from matrices.instruments import Instrument
from matrices.localized import LocalizedText, joined
from matrices.review import MatrixKey
from matrices.rules.engine import RuleContext, RuleFunction

MATRIX: MatrixKey = "instruments"
FAMILIES = "instrument_families.json"
NATO_RESOURCES = ("nodality", "authority", "treasure", "organization")
MIN_NATO_RESOURCES = 3
# docs/domain.md §1.5: the default Vedung type for each primary NATO resource, used only as a hint (I08 is info).
DEFAULT_VEDUNG = {
    "nodality": "information",
    "authority": "regulation",
    "treasure": "economic",
    "organization": "not_applicable",
}
# I06 as worded: an opponent (position ≤ −1) or an actor with very low influence (≤ 1).
OPPONENT_POSITION = -1
WEAK_INFLUENCE = 1


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _typology(ctx: RuleContext, family: str) -> str | None:
    entry = ctx.catalogs.get(FAMILIES).get(family)
    typology = entry.attrs.get("typology") if entry else None
    return str(typology) if typology is not None else None


def _wrong_typology(ctx: RuleContext, family: str | None, typology: str) -> bool:
    # A family of the other typology (e.g. "regulation" as NATO resource) is no NATO resource at all. Unknown ids
    # are left to G04, which checks catalogue membership, so they are not reported twice.
    found = _typology(ctx, family) if family else None
    return found is not None and found != typology


def i01_axis_has_instrument(ctx: RuleContext) -> Iterator[Finding]:
    """I01: each strategic axis has at least one instrument."""
    used = {instrument.axis_id for instrument in ctx.proposal.instrument_matrix.instruments}
    for axis in ctx.proposal.strategy_matrix.axes:
        if axis.id not in used:
            yield ctx.finding("I01", MATRIX, axis.id, "instruments", ctx.code(axis.id))


def _i02_gaps(ctx: RuleContext, instrument: Instrument, actor_ids: set[str]) -> Iterator[tuple[str, LocalizedText]]:
    for key in ("nato", "vedung"):
        value: str | None = getattr(instrument, key)
        label = ctx.label("instrument", key)
        if _blank(value):
            yield key, label
        elif _wrong_typology(ctx, value, key):
            yield key, ctx.detail("I02.wrong_typology", field=label, value=value, kind=ctx.detail(f"I02.{key}"))
    label = ctx.label("instrument", "responsible_actor_id")
    if instrument.responsible_actor_id is None:
        yield "responsible_actor_id", label
    elif instrument.responsible_actor_id not in actor_ids:
        actor = ctx.code(instrument.responsible_actor_id)
        yield "responsible_actor_id", ctx.detail("I02.unknown_actor", field=label, actor=actor)
    for key in ("target_group", "mechanism"):
        if _blank(getattr(instrument, key)):
            yield key, ctx.label("instrument", key)


def i02_instrument_minimum(ctx: RuleContext) -> Iterator[Finding]:
    """I02: each instrument has NATO resource, Vedung type, existing responsible actor, target group and mechanism."""
    actor_ids = {actor.id for actor in ctx.proposal.actor_matrix.actors}
    for instrument in ctx.proposal.instrument_matrix.instruments:
        for key, gap in _i02_gaps(ctx, instrument, actor_ids):
            detail = ctx.detail("I02.missing", code=ctx.code(instrument.id), gap=gap)
            yield ctx.finding("I02", MATRIX, instrument.id, key, detail)


def i03_authority_legal_basis(ctx: RuleContext) -> Iterator[Finding]:
    """I03: an instrument whose primary NATO resource is authority cites its legal basis."""
    for instrument in ctx.proposal.instrument_matrix.instruments:
        # Only the primary resource, as the field model's condition says: an organization instrument with a
        # secondary authority touch (e.g. a coordination table) need not cite a norm.
        if instrument.nato == "authority" and _blank(instrument.legal_basis):
            yield ctx.finding("I03", MATRIX, instrument.id, "legal_basis", ctx.code(instrument.id))


def i04_nato_mix(ctx: RuleContext) -> Iterator[Finding]:
    """I04: the instrument mix uses at least 3 of the 4 NATO resources (primary resources only)."""
    instruments = ctx.proposal.instrument_matrix.instruments
    if not instruments:
        return  # an empty matrix is I01's finding for every axis; a mix warning on nothing is noise
    # Only primary resources count: the secondary one is an optional nuance, and counting it would let a mix of,
    # say, three information campaigns tagged "+ authority" pass as diverse.
    used = [resource for resource in NATO_RESOURCES if any(i.nato == resource for i in instruments)]
    if len(used) < MIN_NATO_RESOURCES:
        families = ctx.catalogs.get(FAMILIES)
        resources = joined(families.text(resource) for resource in used) if used else "—"
        detail = ctx.detail("I04.used", count=len(used), total=len(NATO_RESOURCES), resources=resources)
        yield ctx.finding("I04", MATRIX, None, "nato", detail)


def i05_treasure_cost(ctx: RuleContext) -> Iterator[Finding]:
    """I05: a treasure instrument (primary or secondary resource) states its cost amount and funding source."""
    for instrument in ctx.proposal.instrument_matrix.instruments:
        # Secondary treasure counts too: whichever resource leads, an instrument that spends money must say how
        # much and who pays (the example's reception-station services are organization + treasure and do).
        if "treasure" not in (instrument.nato, instrument.nato_secondary):
            continue
        cost = instrument.estimated_cost
        missing: list[LocalizedText] = []
        if cost is None or cost.amount is None:
            missing.append(ctx.detail("I05.amount"))
        if cost is None or _blank(cost.funding_source):
            missing.append(ctx.detail("I05.funding_source"))
        if missing:
            detail = ctx.detail("I05.missing", code=ctx.code(instrument.id), parts=joined(missing))
            yield ctx.finding("I05", MATRIX, instrument.id, "estimated_cost", detail)


def i06_responsible_actor_support(ctx: RuleContext) -> Iterator[Finding]:
    """I06: the responsible actor is not an opponent (position ≤ −1) nor of very low influence (≤ 1)."""
    actors = {actor.id: actor for actor in ctx.proposal.actor_matrix.actors}
    for instrument in ctx.proposal.instrument_matrix.instruments:
        actor = actors.get(instrument.responsible_actor_id or "")
        if actor is None:
            continue  # a missing or unknown responsible actor is I02's finding
        opponent = actor.position is not None and actor.position <= OPPONENT_POSITION
        weak = actor.influence is not None and actor.influence <= WEAK_INFLUENCE
        if opponent or weak:
            detail = ctx.detail("I06.actor", code=ctx.code(instrument.id), actor=ctx.code(actor.id))
            yield ctx.finding("I06", MATRIX, instrument.id, "responsible_actor_id", detail)


def i07_linked_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """I07: each instrument is linked to at least one indicator."""
    for instrument in ctx.proposal.instrument_matrix.instruments:
        if not instrument.indicator_ids:
            yield ctx.finding("I07", MATRIX, instrument.id, "indicator_ids", ctx.code(instrument.id))


def i08_vedung_matches_nato(ctx: RuleContext) -> Iterator[Finding]:
    """I08: the Vedung type matches the default for the primary NATO resource (hint only)."""
    families = ctx.catalogs.get(FAMILIES)
    for instrument in ctx.proposal.instrument_matrix.instruments:
        expected = DEFAULT_VEDUNG.get(instrument.nato or "")
        if expected is None or _blank(instrument.vedung):
            continue  # no or unknown NATO resource, or no Vedung type: I02 and G04 report those
        if instrument.vedung != expected:
            nato, suggested = families.text(instrument.nato or ""), families.text(expected)
            detail = ctx.detail("I08.expected", code=ctx.code(instrument.id), nato=nato, expected=suggested)
            yield ctx.finding("I08", MATRIX, instrument.id, "vedung", detail)


def i09_line_in_axis(ctx: RuleContext) -> Iterator[Finding]:
    """I09: the instrument's line of action belongs to the instrument's axis."""
    axes = {axis.id: axis for axis in ctx.proposal.strategy_matrix.axes}
    for instrument in ctx.proposal.instrument_matrix.instruments:
        axis = axes.get(instrument.axis_id or "")
        if instrument.line_of_action_id is None or axis is None:
            continue  # the line is optional; a missing or unknown axis is G01's or G02's finding
        if instrument.line_of_action_id not in {line.id for line in axis.lines_of_action}:
            line = ctx.code(instrument.line_of_action_id)
            detail = ctx.detail("I09.outside_axis", code=ctx.code(instrument.id), line=line, axis=ctx.code(axis.id))
            yield ctx.finding("I09", MATRIX, instrument.id, "line_of_action_id", detail)


RULES: dict[str, RuleFunction] = {
    "I01": i01_axis_has_instrument,
    "I02": i02_instrument_minimum,
    "I03": i03_authority_legal_basis,
    "I04": i04_nato_mix,
    "I05": i05_treasure_cost,
    "I06": i06_responsible_actor_support,
    "I07": i07_linked_indicator,
    "I08": i08_vedung_matches_nato,
    "I09": i09_line_in_axis,
}
