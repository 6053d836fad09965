"""Build the "large proposal" of docs/design.md §7: 40 causes, 150 actors, 100 instruments, 200 comments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from matrices.actors import Actor, ActorMatrix, ActorRelation
from matrices.examples import load_example
from matrices.general import AxisAlignment, EstimatedCost
from matrices.instruments import Instrument, InstrumentMatrix
from matrices.problem import Cause, Effect
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.strategy import Axis, Baseline, Indicator, LineOfAction, Target

TEXT = (
    "Las personas migrantes en tránsito por Darién enfrentan riesgos graves para su vida e integridad, "
    "agravados por la desinformación y la presencia de redes de tráfico ilícito. "
)


def large_proposal(causes: int = 40, actors: int = 150, instruments: int = 100) -> Proposal:
    """Return the example grown to the sizes of the performance targets (docs/design.md §7)."""
    proposal = load_example("es")
    direct = max(1, causes // 4)
    cause_list = [
        Cause(
            id=f"C{i + 1}",
            level="direct",
            description=f"Causa directa {i + 1}: {TEXT}",
            category="capacities",
            governability="high",
        )
        for i in range(direct)
    ]
    cause_list += [
        Cause(
            id=f"C{i % direct + 1}.{i // direct + 1}",
            level="indirect",
            parent_id=f"C{i % direct + 1}",
            description=f"Causa indirecta {i}: {TEXT}",
            category="information_data",
            governability="medium",
        )
        for i in range(causes - direct)
    ]
    proposal.problem_matrix.causes = cause_list
    proposal.problem_matrix.effects = [
        Effect(id=f"E{i + 1}", level="direct", description=f"Efecto {i + 1}: {TEXT}", severity="high") for i in range(8)
    ]
    actor_list = [
        Actor(
            id=f"A{i + 1:03d}",
            name=f"Institución {i + 1}",
            acronym=f"I{i + 1}",
            type="gov_national",
            level="national",
            roles=["implementer"],
            mandate=f"Ley {i} de 2013",
            interest_description=TEXT,
            interest=i % 5 + 1,
            influence=(i * 3) % 5 + 1,
            position=i % 5 - 2,
            resources=["information"],
            strategy_detail=TEXT,
            relations=[ActorRelation(actor_id=f"A{(i + 1) % actors + 1:03d}", type="weak")],
        )
        for i in range(actors)
    ]
    proposal.actor_matrix = ActorMatrix(actors=actor_list)
    axes = []
    for a in range(10):
        axis_id = f"EJ{a + 1}"
        axes.append(
            Axis(
                id=axis_id,
                name=f"Eje {a + 1}",
                addressed_cause_ids=[f"C{a % direct + 1}"],
                strategic_objective=f"A 2025, reducir en 30 % ... {TEXT}",
                lines_of_action=[LineOfAction(id=f"{axis_id}.L{k + 1}", text=TEXT) for k in range(3)],
                indicators=[
                    Indicator(
                        id=f"IND{a + 1}.{k + 1}",
                        name=f"Indicador {k}",
                        level="outcome",
                        formula="x/y",
                        unit="%",
                        baseline=Baseline(value=10, year=2022, source="SNM", status="available", data_type="official"),
                        target=Target(value=50, year=2025, data_type="illustrative"),
                        frequency="annual",
                        means_of_verification="Informe",
                    )
                    for k in range(3)
                ],
                lead_actor_id=f"A{a + 1:03d}",
                timeframe="medium",
                alignment=AxisAlignment(gcm_objectives=["gcm_09"]),
                estimated_cost=EstimatedCost(amount=100000, currency="USD", data_type="illustrative"),
            )
        )
    proposal.strategy_matrix.axes = axes
    proposal.strategy_matrix.excluded_causes = []
    proposal.instrument_matrix = InstrumentMatrix(
        instruments=[
            Instrument(
                id=f"I{i + 1:03d}",
                name=f"Instrumento {i + 1}",
                description=TEXT * 2,
                axis_id=f"EJ{i % 10 + 1}",
                line_of_action_id=f"EJ{i % 10 + 1}.L1",
                nato="nodality",
                vedung="information",
                instrument_type="information_campaign",
                character="new",
                responsible_actor_id=f"A{i % actors + 1:03d}",
                target_group=TEXT,
                mechanism=TEXT,
                timeframe="short",
                indicator_ids=[f"IND{i % 10 + 1}.1"],
                estimated_cost=EstimatedCost(amount=1000 * i, currency="USD", data_type="illustrative"),
            )
            for i in range(instruments)
        ]
    )
    return proposal


def large_comments(proposal: Proposal, count: int = 200) -> list[Comment]:
    """Return review comments spread over causes, actors and instruments."""
    targets = (
        [("problem", c.id, "description") for c in proposal.problem_matrix.causes]
        + [("actors", a.id, "strategy_detail") for a in proposal.actor_matrix.actors]
        + [("instruments", i.id, "mechanism") for i in proposal.instrument_matrix.instruments]
    )
    start = datetime(2026, 6, 1, tzinfo=UTC)
    return [
        Comment(
            id=f"K{n:04d}",
            matrix=targets[n % len(targets)][0],
            item_id=targets[n % len(targets)][1],  # type: ignore[arg-type]
            field=targets[n % len(targets)][2],
            author="Facilitadora",
            created_at=start + timedelta(minutes=n),
            text=f"Comentario {n}: precise la población y el plazo.",
        )
        for n in range(count)
    ]
