"""Rules of the general scope (G01-G08): required text, references, ids, catalogue values, alignment, horizon."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from matrices.base import Identified
from matrices.catalogs import Catalog
from matrices.findings import Finding
from matrices.proposal import Proposal
from matrices.references import known_ids, references
from matrices.review import MatrixKey
from matrices.rules.engine import RuleContext, RuleFunction
from matrices.walk import field_values, is_filled, nodes

# Every required value a participant enters; ids, dates and the status are set by the app, lists by their own rules.
REQUIRED_TYPES = frozenset({"text", "longtext", "string", "enum", "multi_enum", "scale", "ref", "year", "number"})
APP_MANAGED = frozenset({"status"})
# These references have their own rule that also requires the target to exist (S05, I02): one finding is enough.
OWNED_REFERENCES = frozenset({("strategy", "lead_actor_id"), ("instruments", "responsible_actor_id")})

# Actor ratings are integers whose range rule A03 checks; the grid quadrant is derived, never stored.
NOT_G04_CATALOGS = frozenset(
    {"scales.json#interest", "scales.json#influence", "scales.json#position", "scales.json#stakeholder_grid"}
)
FEASIBILITY = "scales.json#feasibility"
EVIDENCE_TYPE = "enums.json#evidence_type"
EX_ANTE_CRITERIA = (
    "effectiveness",
    "efficiency",
    "equity",
    "political_feasibility",
    "legal_feasibility",
    "administrative_feasibility",
    "financial_feasibility",
)


def g01_required_text(ctx: RuleContext) -> Iterator[Finding]:
    """Report every required field left blank, with its label."""
    for node in nodes(ctx.proposal):
        for field in field_values(node, ctx.field_model):
            spec = field.spec
            # A field that names its own rule (P01, S06, I02...) is reported by that rule, not twice.
            if spec.required != "yes" or spec.type not in REQUIRED_TYPES or spec.rule is not None:
                continue
            if field.key in APP_MANAGED:
                continue
            if not is_filled(field.value):
                yield ctx.finding("G01", node.matrix, node.item, field.key, spec.label_text)


def g02_references_exist(ctx: RuleContext) -> Iterator[Finding]:
    """Report each reference to an item that does not exist, on the referring item and field."""
    known = known_ids(ctx.proposal)
    for link in references(ctx.proposal, ctx.field_model):
        if link.target not in known.get(link.kind, ()) and (link.matrix, link.key) not in OWNED_REFERENCES:
            yield ctx.finding("G02", link.matrix, link.item, link.key, ctx.code(link.target))


def _identified_items(proposal: Proposal) -> Iterator[tuple[MatrixKey, str]]:
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    problem_items: tuple[Identified, ...] = (*problem.evidence, *problem.causes, *problem.effects)
    for item in problem_items:
        yield "problem", item.id
    for end in strategy.ends:
        yield "strategy", end.id
    for indicator in strategy.general_indicators:
        yield "strategy", indicator.id
    for axis in strategy.axes:
        yield "strategy", axis.id
        for line in axis.lines_of_action:
            yield "strategy", line.id
        for indicator in axis.indicators:
            yield "strategy", indicator.id
    for actor in proposal.actor_matrix.actors:
        yield "actors", actor.id
    for instrument in proposal.instrument_matrix.instruments:
        yield "instruments", instrument.id


def g03_unique_ids(ctx: RuleContext) -> Iterator[Finding]:
    """Report every repeated occurrence of an id already used by another item of the proposal."""
    seen: Counter[str] = Counter()
    for matrix, item_id in _identified_items(ctx.proposal):
        seen[item_id] += 1
        if seen[item_id] > 1:
            yield ctx.finding("G03", matrix, item_id, "id", ctx.code(item_id))


def _filtered(catalog: Catalog, filter_expr: str | None) -> set[str]:
    if not filter_expr:
        return set(catalog.ids())
    key, _, wanted = filter_expr.partition("=")
    return {entry.id for entry in catalog if str(entry.attrs.get(key)) == wanted}


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def g04_catalog_values(ctx: RuleContext) -> Iterator[Finding]:
    """Report every catalogue value (enum, multi-enum, scale id) that its catalogue does not contain."""
    for node in nodes(ctx.proposal):
        for field in field_values(node, ctx.field_model):
            spec = field.spec
            if spec.catalog is None or spec.catalog in NOT_G04_CATALOGS or spec.catalog == FEASIBILITY:
                continue
            if spec.catalog not in ctx.catalogs:
                continue  # nothing to check against; test_rules_general pins that every other ref is shipped
            # A value of the wrong typology in a field with its own rule (NATO/Vedung: I02) is that rule's
            # finding; here only values the catalogue lacks altogether are reported.
            allowed = _filtered(ctx.catalogs.get(spec.catalog), spec.filter if spec.rule is None else None)
            for value in _as_list(field.value):
                if value not in allowed and value not in (None, ""):
                    yield ctx.finding(
                        "G04",
                        node.matrix,
                        node.item,
                        field.key,
                        ctx.detail("G04.value", label=spec.label_text, value=value),
                    )
    yield from _ex_ante_values(ctx)


def _ex_ante_values(ctx: RuleContext) -> Iterator[Finding]:
    # The field model documents the ex-ante assessment as one object on the feasibility scale, without
    # subfields, so its ratings and data type are checked here rather than by the generic walk.
    ratings = {entry.id for entry in ctx.catalogs.get(FEASIBILITY)}
    data_types = set(ctx.catalogs.get(EVIDENCE_TYPE).ids())
    names = {c.id: c.text for c in ctx.catalogs.feasibility_criteria()}
    for instrument in ctx.proposal.instrument_matrix.instruments:
        assessment = instrument.ex_ante_assessment
        if assessment is None:
            continue
        for criterion in EX_ANTE_CRITERIA:
            score = getattr(assessment, criterion)
            if score is not None and str(score) not in ratings:
                key = f"ex_ante_assessment.{criterion}"
                label = names.get(criterion, criterion)
                yield ctx.finding(
                    "G04", "instruments", instrument.id, key, ctx.detail("G04.value", label=label, value=score)
                )
        if assessment.data_type and assessment.data_type not in data_types:
            key = "ex_ante_assessment.data_type"
            label = ctx.label("evidence", "data_type")
            detail = ctx.detail("G04.value", label=label, value=assessment.data_type)
            yield ctx.finding("G04", "instruments", instrument.id, key, detail)


def _known_count(ctx: RuleContext, ref: str, values: Iterable[str]) -> int:
    catalog = ctx.catalogs.get(ref)
    return sum(1 for value in values if value in catalog)


def g05_gcm_and_sdg(ctx: RuleContext) -> Iterator[Finding]:
    """Require at least one known GCM objective and one known SDG target for the proposal."""
    alignment = ctx.proposal.alignment
    spec = ctx.field_model.field("proposal", "alignment")
    labels = {sub.key: sub for sub in spec.subfields}
    for key, ref, values in (
        ("gcm_objectives", "gcm_objectives.json", alignment.gcm_objectives),
        ("sdg_targets", "sdg_targets.json", alignment.sdg_targets),
    ):
        # Unknown ids are G04's business; here they do not count as an alignment either.
        if _known_count(ctx, ref, values) == 0:
            yield ctx.finding("G05", "general", None, f"alignment.{key}", labels[key].label_text)


def g06_migof_and_mgi(ctx: RuleContext) -> Iterator[Finding]:
    """Recommend linking the proposal to at least one MiGOF element and one MGI domain."""
    alignment = ctx.proposal.alignment
    spec = ctx.field_model.field("proposal", "alignment")
    labels = {sub.key: sub for sub in spec.subfields}
    for key, ref, values in (
        ("migof", "migof.json", alignment.migof),
        ("mgi_domains", "mgi_domains.json", alignment.mgi_domains),
    ):
        if _known_count(ctx, ref, values) == 0:
            yield ctx.finding("G06", "general", None, f"alignment.{key}", labels[key].label_text)


def g07_horizon_order(ctx: RuleContext) -> Iterator[Finding]:
    """Report a start year later than the end year."""
    horizon = ctx.proposal.horizon
    if horizon.start_year is not None and horizon.end_year is not None and horizon.start_year > horizon.end_year:
        detail = ctx.detail("G07.years", start=horizon.start_year, end=horizon.end_year)
        yield ctx.finding("G07", "general", None, "horizon.start_year", detail)


def g08_english_translation(ctx: RuleContext) -> Iterator[Finding]:
    """Never fires: a proposal is written in one language, so no text can lack its English version."""
    # The course defined G08 for bilingual {es, en} texts; it does not apply to monolingual proposals, the
    # only kind this model stores (docs/domain.md §2.3). Kept registered so the rulebook
    # lists every rule of field_model.json.
    del ctx
    return iter(())


RULES: dict[str, RuleFunction] = {
    "G01": g01_required_text,
    "G02": g02_references_exist,
    "G03": g03_unique_ids,
    "G04": g04_catalog_values,
    "G05": g05_gcm_and_sdg,
    "G06": g06_migof_and_mgi,
    "G07": g07_horizon_order,
    "G08": g08_english_translation,
}
