"""The summary and the general data: policy area, territory, horizon, and the alignment lists."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from export.context import ExportContext
from export.docx_build import Column, Row
from export.formats import format_money
from export.word_marks import PROPOSAL_ANCHOR
from matrices.completeness import completeness
from matrices.localized import exact_decimal
from matrices.proposal import Proposal
from matrices.strategy import all_indicators

# (field key, heading, catalogue) of the proposal's alignment lists, in the order the course lists them. The
# frameworks the field model names by their acronym (PMM, ODS) are spelt out by a heading of the document; the
# others are headed by their field's own label (heading None).
_ALIGNMENT = (
    ("gcm_objectives", "general.gcm_objectives", "gcm_objectives.json"),
    ("gcm_principles", None, "gcm_guiding_principles.json"),
    ("sdg_targets", "general.sdg_targets", "sdg_targets.json"),
    ("migof", "general.migof", "migof.json"),
    ("mgi_domains", "general.mgi_domains", "mgi_domains.json"),
    ("normative_references", None, "normative_references.json"),
)


def total_cost(context: ExportContext) -> str:
    """Return the instruments' estimated cost per currency (the axes' when no instrument has one)."""
    proposal = context.proposal
    costs = [i.estimated_cost for i in proposal.instrument_matrix.instruments if i.estimated_cost]
    if not any(cost.amount is not None for cost in costs):
        costs = [a.estimated_cost for a in proposal.strategy_matrix.axes if a.estimated_cost]
    # Summed as decimals: 0.1 + 0.2 is 0.3 in the document, not the float 0.30000000000000004.
    totals: dict[str, Decimal] = defaultdict(Decimal)
    illustrative = False
    for cost in costs:
        if cost.amount is not None:
            totals[cost.currency or ""] += exact_decimal(cost.amount)
            illustrative |= cost.data_type == "illustrative"
    text = " + ".join(format_money(amount, currency, context.lang) for currency, amount in sorted(totals.items()))
    return context.mark(text, "illustrative" if illustrative else None)


def write_summary(context: ExportContext) -> None:
    """Write the summary: the central problem, the general objective, and one line per matrix."""
    writer, t, proposal = context.writer, context.t, context.proposal
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    # The summary is about the whole proposal; a Word comment on its two texts lands on their own fields.
    writer.heading(t("summary.title"), 1, new_page=True, lands=PROPOSAL_ANCHOR)
    writer.label_value(
        context.field_label("problem_matrix", "central_problem"),
        problem.central_problem or "—",
        lands=("problem", None, "central_problem"),
    )
    writer.label_value(
        context.field_label("strategy_matrix", "general_objective"),
        strategy.general_objective or "—",
        lands=("strategy", None, "general_objective"),
    )
    scores = completeness(proposal, context.field_model)
    instruments = t.count("count.instruments", len(proposal.instrument_matrix.instruments))
    cost = total_cost(context)
    if cost:
        instruments += ", " + t("summary.cost", cost=cost)
    area = context.refs.label("policy_areas.json", proposal.policy_area)
    general = [area] if area else []
    years = _years(proposal)
    if years:
        general.append(t("general.horizon_short", years=years))
    direct = sum(1 for cause in problem.causes if cause.parent_id is None)
    indicators = sum(1 for _ in all_indicators(strategy))
    lines = (
        ("general", "; ".join(general) or "—"),
        (
            "problem",
            f"{t.count('count.causes', len(problem.causes))} ({t.count('count.direct', direct)}), "
            f"{t.count('count.effects', len(problem.effects))}, {t.count('count.evidence', len(problem.evidence))}",
        ),
        (
            "strategy",
            f"{t.count('count.axes', len(strategy.axes))}, {t.count('count.indicators', indicators)}",
        ),
        ("actors", t.count("count.actors", len(proposal.actor_matrix.actors))),
        ("instruments", instruments),
    )
    columns = (Column(t("summary.part"), 3), Column(t("summary.content"), 6), Column(t("summary.completeness"), 2))
    writer.table(
        columns,
        (Row((t(f"matrix.{key}"), text, f"{scores.get(key, 0)} %")) for key, text in lines),  # type: ignore[arg-type]
    )


def write_general(context: ExportContext) -> None:
    """Write the general data and the proposal's alignment with the international frameworks."""
    writer, t, proposal, refs = context.writer, context.t, context.proposal, context.refs
    writer.matrix = "general"
    writer.heading(t("general.title"), 1, writer.anchor(None))
    years = _years(proposal)

    def label(key: str) -> str:
        return context.field_label("proposal", key)

    writer.key_values(
        (
            (t("general.proposal_title"), proposal.title, "title"),
            (label("policy_area"), refs.label("policy_areas.json", proposal.policy_area), "policy_area"),
            (
                label("territorial_scope"),
                refs.label("enums.json#territorial_scope", proposal.territorial_scope),
                "territorial_scope",
            ),
            (label("territory"), proposal.territory or "", "territory"),
            (label("proposing_institution"), proposal.proposing_institution, "proposing_institution"),
            (label("authors"), "\n".join(proposal.authors), "authors"),
            (label("horizon"), years, "horizon"),
            (
                label("cross_cutting_approaches"),
                refs.label_list("cross_cutting_approaches.json", proposal.cross_cutting_approaches),
                "cross_cutting_approaches",
            ),
        )
    )
    writer.heading(label("alignment"), 2)
    alignment = proposal.alignment
    if not any(getattr(alignment, key) for key, _, _ in _ALIGNMENT):
        writer.note(t("not_filled"))
    for key, heading, catalog in _ALIGNMENT:
        ids: list[str] = getattr(alignment, key)
        if not ids:
            continue
        writer.subheading(t(heading) if heading else label(f"alignment.{key}"), writer.anchor(None, f"alignment.{key}"))
        writer.bullets((framework_item(context, catalog, entry_id), ()) for entry_id in ids)
    if proposal.data_disclaimer:
        writer.heading(label("data_disclaimer"), 2)
        writer.body_text(proposal.data_disclaimer, writer.anchor(None, "data_disclaimer"))


def _years(proposal: Proposal) -> str:
    horizon = proposal.horizon
    return "–".join(str(year) for year in (horizon.start_year, horizon.end_year) if year is not None)


def framework_item(context: ExportContext, catalog: str, entry_id: str) -> str:
    """Return a framework entry as a reader cites it: "Objective 3: Provide accurate…", "Target 10.7: …"."""
    label = context.refs.label(catalog, entry_id)
    if catalog == "sdg_targets.json" and label != entry_id:
        return context.t("general.sdg_item", number=entry_id, label=label)
    number = context.refs.entry_attr(catalog, entry_id, "number")
    if catalog == "gcm_objectives.json" and number is not None:
        return context.t("general.gcm_item", number=number, label=label)
    return label
