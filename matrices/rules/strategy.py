"""Rules of the strategy scope (S01–S13): objectives, axes, indicators, baselines and targets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from matrices.findings import Finding
from matrices.localized import conventions, joined
from matrices.problem import Cause
from matrices.review import MatrixKey
from matrices.rules.engine import RuleContext, RuleFunction
from matrices.strategy import Indicator, all_indicators

MATRIX: MatrixKey = "strategy"
MIN_AXES = 2
MAX_AXES = 6
TO_BE_COLLECTED = "to_be_collected"
MEASURED_LEVELS = frozenset({"impact", "outcome"})
EXCLUSION_NEEDS_REVIEW = frozenset({"high", "medium"})

# Opening quotes, bullets and inverted marks a participant may type before the first word.
_LEADING_MARKS = "¡¿\"'«“‘(-–—•* \t\r\n"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A plausible calendar year standing alone (not part of 10.000 or 12025).
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)")
_NUMBER = re.compile(r"\d")


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _is_direct(cause: Cause) -> bool:
    # The level is what the participant chose; without it, a root of the tree is direct (P05 reports mismatches).
    return cause.level == "direct" if cause.level else cause.parent_id is None


def _first_words(text: str, count: int) -> list[str]:
    return [match.group(0).lower() for match in _WORD.finditer(text)][:count] if text else []


def starts_with_infinitive(text: str, language: str) -> bool:
    """Return whether text seems to start with an infinitive verb (S01), as the language's `infinitive` test says.

    The tests are data (languages.json, docs/domain.md §4.3): Spanish marks an infinitive by its ending; English
    has no such mark, so its test refuses what is clearly not a bare verb (an article, a pronoun, a noun suffix).
    """
    body = text.lstrip(_LEADING_MARKS)
    words = _first_words(body, 2)
    # A leading number ("2025: ...") is no verb; _WORD would skip it and judge the next word instead.
    if not words or not body[0].isalpha():
        return False
    test = conventions(language).infinitive
    word = words[0]
    if word in test.skipped:
        if len(words) < 2:
            return False
        word = words[1]
    if word in test.not_verbs:
        return False
    if test.endings:
        return word.endswith(test.endings)
    return word in test.verbs_with_noun_endings or not word.endswith(test.noun_endings)


def smart_gaps(text: str) -> tuple[bool, bool]:
    """Return (has a year, has a magnitude) for a strategic objective: the S13 heuristic."""
    has_year = _YEAR.search(text) is not None
    # The year itself is not a magnitude: "A 2025, reducir la exposición" still lacks one.
    has_magnitude = _NUMBER.search(_YEAR.sub(" ", text)) is not None
    return has_year, has_magnitude


def s01_general_objective_verb(ctx: RuleContext) -> Iterator[Finding]:
    """S01: the general objective should start with an infinitive verb."""
    text = ctx.proposal.strategy_matrix.general_objective
    if _blank(text):
        return  # an empty required field is G01's finding
    if not starts_with_infinitive(text, ctx.proposal.language):
        yield ctx.finding("S01", MATRIX, None, "general_objective", ctx.detail("S01.word", word=text.split()[0]))


def s02_axis_causes(ctx: RuleContext) -> Iterator[Finding]:
    """S02: each axis addresses at least one cause."""
    for axis in ctx.proposal.strategy_matrix.axes:
        if not axis.addressed_cause_ids:
            yield ctx.finding("S02", MATRIX, axis.id, "addressed_cause_ids", ctx.code(axis.id))


def _descendants(children: dict[str | None, list[str]], root: str) -> set[str]:
    seen: set[str] = set()
    stack = [root]
    while stack:  # iterative and cycle-safe: a broken tree (P05) must not hang the check
        for child in children.get(stack.pop(), []):
            if child not in seen and child != root:
                seen.add(child)
                stack.append(child)
    return seen


def s03_direct_causes_covered(ctx: RuleContext) -> Iterator[Finding]:
    """S03: each direct cause is covered by an axis (itself or a descendant) or excluded with a justification."""
    causes = ctx.proposal.problem_matrix.causes
    strategy = ctx.proposal.strategy_matrix
    addressed = {cause_id for axis in strategy.axes for cause_id in axis.addressed_cause_ids}
    children: dict[str | None, list[str]] = {}
    for cause in causes:
        children.setdefault(cause.parent_id, []).append(cause.id)
    justified: dict[str, bool] = {}
    for excluded in strategy.excluded_causes:
        if excluded.cause_id is not None:
            justified[excluded.cause_id] = justified.get(excluded.cause_id, False) or not _blank(excluded.justification)
    for cause in causes:
        if not _is_direct(cause):
            continue
        if cause.id in addressed or addressed & _descendants(children, cause.id):
            continue
        if cause.id not in justified:
            yield ctx.finding("S03", MATRIX, cause.id, "excluded_causes", ctx.code(cause.id))
        elif not justified[cause.id]:
            detail = ctx.detail("S03.unjustified", code=ctx.code(cause.id))
            yield ctx.finding("S03", MATRIX, cause.id, "justification", detail)


def s04_excluded_governable_cause(ctx: RuleContext) -> Iterator[Finding]:
    """S04: an excluded direct cause has high or medium governability."""
    causes = {cause.id: cause for cause in ctx.proposal.problem_matrix.causes}
    reported: set[str] = set()
    for excluded in ctx.proposal.strategy_matrix.excluded_causes:
        cause = causes.get(excluded.cause_id or "")
        if cause is None or cause.id in reported or not _is_direct(cause):
            continue
        if cause.governability in EXCLUSION_NEEDS_REVIEW:
            reported.add(cause.id)
            level = ctx.catalogs.get("scales.json#governability").text(cause.governability or "")
            detail = ctx.detail("S04.governability", code=ctx.code(cause.id), level=level)
            yield ctx.finding("S04", MATRIX, cause.id, "justification", detail)


def s05_axis_minimum(ctx: RuleContext) -> Iterator[Finding]:
    """S05: each axis has a line of action, an indicator and a lead actor present in the actors matrix."""
    actor_ids = {actor.id for actor in ctx.proposal.actor_matrix.actors}
    for axis in ctx.proposal.strategy_matrix.axes:
        missing = []
        if not axis.lines_of_action:
            missing.append("lines_of_action")
        if not axis.indicators:
            missing.append("indicators")
        if axis.lead_actor_id is None or axis.lead_actor_id not in actor_ids:
            missing.append("lead_actor_id")
        for key in missing:
            label = ctx.label("axis", key)
            if key == "lead_actor_id" and axis.lead_actor_id is not None:
                label = ctx.detail("S05.unknown_actor", field=label, actor=ctx.code(axis.lead_actor_id))
            yield ctx.finding(
                "S05", MATRIX, axis.id, key, ctx.detail("S05.missing", code=ctx.code(axis.id), field=label)
            )


def _indicator_gaps(indicator: Indicator) -> list[str]:
    gaps = []
    if _blank(indicator.formula):
        gaps.append("formula")
    if _blank(indicator.unit):
        gaps.append("unit")
    if indicator.target.value is None or indicator.target.year is None:
        gaps.append("target")
    if _blank(indicator.frequency):
        gaps.append("frequency")
    if _blank(indicator.means_of_verification):
        gaps.append("means_of_verification")
    return gaps


def s06_indicator_smart(ctx: RuleContext) -> Iterator[Finding]:
    """S06: each indicator has formula, unit, target value and year, frequency and means of verification."""
    for _, indicator in all_indicators(ctx.proposal.strategy_matrix):
        for key in _indicator_gaps(indicator):
            label = ctx.label("indicator", key)
            if key == "target":
                parts = [
                    ctx.detail(f"S06.{part}") for part in ("value", "year") if getattr(indicator.target, part) is None
                ]
                label = ctx.detail("S06.missing_parts", field=label, parts=joined(parts))
            detail = ctx.detail("S06.missing", code=ctx.code(indicator.id), field=label)
            yield ctx.finding("S06", MATRIX, indicator.id, key, detail)


def s07_baseline(ctx: RuleContext) -> Iterator[Finding]:
    """S07: the baseline has a value and a source, or is marked to be collected with a year."""
    for _, indicator in all_indicators(ctx.proposal.strategy_matrix):
        baseline = indicator.baseline
        measured = baseline.value is not None and not _blank(baseline.source)
        planned = baseline.status == TO_BE_COLLECTED and baseline.year is not None
        if not (measured or planned):
            yield ctx.finding("S07", MATRIX, indicator.id, "baseline", ctx.code(indicator.id))


def s08_baseline_to_be_collected(ctx: RuleContext) -> Iterator[Finding]:
    """S08: one warning per indicator whose baseline is still to be collected."""
    for _, indicator in all_indicators(ctx.proposal.strategy_matrix):
        if indicator.baseline.status == TO_BE_COLLECTED:
            yield ctx.finding("S08", MATRIX, indicator.id, "baseline", ctx.code(indicator.id))


def s09_years_in_horizon(ctx: RuleContext) -> Iterator[Finding]:
    """S09: baseline and target years fall within the proposal horizon."""
    start, end = ctx.proposal.horizon.start_year, ctx.proposal.horizon.end_year
    if start is not None and end is not None and start > end:
        return  # G07 reports the inverted horizon; against it every year would look out of range
    for _, indicator in all_indicators(ctx.proposal.strategy_matrix):
        for key, year in (("baseline", indicator.baseline.year), ("target", indicator.target.year)):
            if year is None:
                continue
            if (start is not None and year < start) or (end is not None and year > end):
                detail = ctx.detail(
                    "S09.outside",
                    code=ctx.code(indicator.id),
                    field=ctx.label("indicator", key),
                    year=year,
                    start=start or "…",
                    end=end or "…",
                )
                yield ctx.finding("S09", MATRIX, indicator.id, key, detail)


def s10_axis_gcm(ctx: RuleContext) -> Iterator[Finding]:
    """S10: each axis is aligned with at least one GCM objective."""
    for axis in ctx.proposal.strategy_matrix.axes:
        if not axis.alignment.gcm_objectives:
            yield ctx.finding("S10", MATRIX, axis.id, "alignment.gcm_objectives", ctx.code(axis.id))


def s11_axis_count(ctx: RuleContext) -> Iterator[Finding]:
    """S11: between 2 and 6 strategic axes."""
    count = len(ctx.proposal.strategy_matrix.axes)
    if not MIN_AXES <= count <= MAX_AXES:
        yield ctx.finding("S11", MATRIX, None, "axes", ctx.detail("S11.count", count=count))


def s12_impact_or_outcome(ctx: RuleContext) -> Iterator[Finding]:
    """S12: at least one indicator measures impact or outcome."""
    levels = {indicator.level for _, indicator in all_indicators(ctx.proposal.strategy_matrix)}
    if not levels & MEASURED_LEVELS:
        yield ctx.finding("S12", MATRIX, None, "general_indicators")


def s13_strategic_objective_smart(ctx: RuleContext) -> Iterator[Finding]:
    """S13: each strategic objective states a year and a magnitude."""
    for axis in ctx.proposal.strategy_matrix.axes:
        if _blank(axis.strategic_objective):
            continue  # an empty required field is G01's finding
        has_year, has_magnitude = smart_gaps(axis.strategic_objective)
        if has_year and has_magnitude:
            continue
        gap = "no_magnitude" if has_year else ("no_year" if has_magnitude else "no_year_nor_magnitude")
        detail = ctx.detail(f"S13.{gap}", code=ctx.code(axis.id))
        yield ctx.finding("S13", MATRIX, axis.id, "strategic_objective", detail)


RULES: dict[str, RuleFunction] = {
    "S01": s01_general_objective_verb,
    "S02": s02_axis_causes,
    "S03": s03_direct_causes_covered,
    "S04": s04_excluded_governable_cause,
    "S05": s05_axis_minimum,
    "S06": s06_indicator_smart,
    "S07": s07_baseline,
    "S08": s08_baseline_to_be_collected,
    "S09": s09_years_in_horizon,
    "S10": s10_axis_gcm,
    "S11": s11_axis_count,
    "S12": s12_impact_or_outcome,
    "S13": s13_strategic_objective_smart,
}
