"""Rules of the strategy scope (S01–S13): objectives, axes, indicators, baselines and targets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from matrices.findings import Finding
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

# docs/domain.md §4.3: the Spanish heuristic is only "the first word ends in -ar/-er/-ir"; "ír" keeps oír/reír in.
_ES_INFINITIVE_ENDINGS = ("ar", "er", "ir", "ír")

# English has no infinitive ending, so S01 rejects what is clearly *not* a bare verb: articles, determiners,
# pronouns and prepositions (which open a noun phrase or a time phrase, like the Spanish "A 2025, ...") and
# words with a typical noun or gerund suffix. "To" is skipped so "To reduce ..." is read as "reduce".
_EN_NOT_VERBS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "our", "its", "their", "his", "her", "my", "your",
        "all", "each", "every", "some", "any", "no", "more", "most", "many", "several", "both", "there", "it",
        "we", "they", "by", "in", "for", "with", "through", "of", "on", "at", "from", "within", "during",
    }
)  # fmt: skip
_EN_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ing")
# Common verbs that happen to carry a noun suffix; without them "Implement ..." or "Bring ..." would be flagged.
_EN_SUFFIX_VERBS = frozenset(
    {
        "implement", "supplement", "complement", "document", "augment", "segment", "comment", "experiment",
        "mention", "question", "function", "position", "sanction", "condition", "commission", "partition",
        "petition", "caution", "station", "harness", "witness", "bring", "string", "spring", "swing", "sing",
    }
)  # fmt: skip

# Opening quotes, bullets and inverted marks a participant may type before the first word.
_LEADING_MARKS = "¡¿\"'«“‘(-–—•* \t\r\n"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A plausible calendar year standing alone (not part of 10.000 or 12025).
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)")
_NUMBER = re.compile(r"\d")


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _label(ctx: RuleContext, entity: str, key: str) -> tuple[str, str]:
    try:
        spec = ctx.field_model.field(entity, key)
    except KeyError:
        return key, key
    return spec.label_es or key, spec.label_en or key


def _is_direct(cause: Cause) -> bool:
    # The level is what the participant chose; without it, a root of the tree is direct (P05 reports mismatches).
    return cause.level == "direct" if cause.level else cause.parent_id is None


def _first_words(text: str, count: int) -> list[str]:
    return [match.group(0).lower() for match in _WORD.finditer(text)][:count] if text else []


def starts_with_infinitive(text: str, language: str) -> bool:
    """Return whether text seems to start with an infinitive verb (the S01 heuristic for es, or for en)."""
    body = text.lstrip(_LEADING_MARKS)
    words = _first_words(body, 2)
    # A leading number ("2025: ...") is no verb; _WORD would skip it and judge the next word instead.
    if not words or not body[0].isalpha():
        return False
    if language == "es":
        return words[0].endswith(_ES_INFINITIVE_ENDINGS)
    word = words[0]
    if word == "to":
        if len(words) < 2:
            return False
        word = words[1]
    if word in _EN_NOT_VERBS:
        return False
    return word in _EN_SUFFIX_VERBS or not word.endswith(_EN_NOUN_SUFFIXES)


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
        yield ctx.finding("S01", MATRIX, None, "general_objective", f"«{text.split()[0]}»")


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
            yield ctx.finding(
                "S03",
                MATRIX,
                cause.id,
                "justification",
                f"{ctx.code(cause.id)}: sin justificación",
                f"{ctx.code(cause.id)}: no justification",
            )


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
            level = ctx.catalogs.get("scales.json#governability").get(cause.governability)
            yield ctx.finding(
                "S04",
                MATRIX,
                cause.id,
                "justification",
                f"{ctx.code(cause.id)}: {level.es if level else cause.governability}",
                f"{ctx.code(cause.id)}: {level.en if level else cause.governability}",
            )


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
            es, en = _label(ctx, "axis", key)
            if key == "lead_actor_id" and axis.lead_actor_id is not None:
                lead = axis.lead_actor_id
                es, en = f"{es}: {ctx.code(lead, 'es')} no existe", f"{en}: {ctx.code(lead, 'en')} does not exist"
            yield ctx.finding("S05", MATRIX, axis.id, key, f"{ctx.code(axis.id)}: {es}", f"{ctx.code(axis.id)}: {en}")


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
            es, en = _label(ctx, "indicator", key)
            if key == "target":
                parts = [part for part in ("value", "year") if getattr(indicator.target, part) is None]
                es += ": " + ", ".join({"value": "valor", "year": "año"}[part] for part in parts)
                en += ": " + ", ".join(parts)
            yield ctx.finding(
                "S06", MATRIX, indicator.id, key, f"{ctx.code(indicator.id)}: {es}", f"{ctx.code(indicator.id)}: {en}"
            )


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
                span = f"{start or '…'}–{end or '…'}"
                es, en = _label(ctx, "indicator", key)
                yield ctx.finding(
                    "S09",
                    MATRIX,
                    indicator.id,
                    key,
                    f"{ctx.code(indicator.id)}: {es} {year}, {span}",
                    f"{ctx.code(indicator.id)}: {en} {year}, {span}",
                )


def s10_axis_gcm(ctx: RuleContext) -> Iterator[Finding]:
    """S10: each axis is aligned with at least one GCM objective."""
    for axis in ctx.proposal.strategy_matrix.axes:
        if not axis.alignment.gcm_objectives:
            yield ctx.finding("S10", MATRIX, axis.id, "alignment.gcm_objectives", ctx.code(axis.id))


def s11_axis_count(ctx: RuleContext) -> Iterator[Finding]:
    """S11: between 2 and 6 strategic axes."""
    count = len(ctx.proposal.strategy_matrix.axes)
    if not MIN_AXES <= count <= MAX_AXES:
        yield ctx.finding("S11", MATRIX, None, "axes", f"{count} ejes", f"{count} axes")


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
        missing_es = [word for word, gap in (("año", not has_year), ("magnitud", not has_magnitude)) if gap]
        missing_en = [word for word, gap in (("year", not has_year), ("magnitude", not has_magnitude)) if gap]
        yield ctx.finding(
            "S13",
            MATRIX,
            axis.id,
            "strategic_objective",
            f"{ctx.code(axis.id)}: sin {' ni '.join(missing_es)}",
            f"{ctx.code(axis.id)}: no {' or '.join(missing_en)}",
        )


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
