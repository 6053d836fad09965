"""Rules of the evidence (D01-D04) and problem-matrix (P01-P13) scopes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel

from matrices.findings import Finding
from matrices.localized import LocalizedText, joined
from matrices.problem import MAX_PROBLEM_CHARS, Cause, Effect, tree_walk
from matrices.rules.engine import RuleContext, RuleFunction

ILLUSTRATIVE = "illustrative"
SOURCED_TYPES = frozenset({"official", "estimate"})

# docs/domain.md §4.3 (P02): phrases that, at the start of the central problem, name a missing solution.
ABSENCE_PHRASES = (
    "falta de",
    "ausencia de",
    "carencia de",
    "inexistencia de",
    "insuficiencia de",
    "no existe",
    "no hay",
    "no se cuenta con",
    "lack of",
)
# An article before the phrase ("La falta de...") does not change what the sentence says.
LEADING_ARTICLE = re.compile(r"^(?:la|el|una|un|the|a)\s+")
# A sentence ends at . ! ? or … followed by a new sentence (capital, opening mark); "No. 36" does not.
SENTENCE_BREAK = re.compile(r"[.!?…]+[\"»”’)]*\s+(?=[\"«“¿¡(]*[A-ZÁÉÍÓÚÜÑ])")
INLINE_ENUMERATION = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-z])\)\s")
SIMILARITY_THRESHOLD = 0.85
MAX_COMPARED_CHARS = 2 * MAX_PROBLEM_CHARS
"""P11 compares the start of each text: a cause that repeats the problem repeats its start, and the comparison's
cost grows with the square of the lengths (two 200,000-character texts would take hours)."""
MAX_NAMED = 5
"""Items a finding names at most; the rest are counted (a cycle may hold thousands)."""

# Matched on accent-free lower-case words, so "niñas" is written "ninas".
CHILD_WORDS = (
    r"nin[oa]s?|ninez|infancia|infantil(?:es)?|adolescentes?|menores de edad|menores no acompanad[oa]s"
    r"|child|children|childhood|minors?|adolescents?|teenagers?|girls?|boys?|infants?"
)
WOMEN_WORDS = r"mujer|mujeres|embarazadas?|gestantes?|madres?|women|woman|mothers?|pregnant|female"
CHILD_PATTERN = re.compile(rf"\b(?:{CHILD_WORDS})\b")
WOMEN_PATTERN = re.compile(rf"\b(?:{WOMEN_WORDS})\b")


def _named(ctx: RuleContext, names: Sequence[LocalizedText | str]) -> LocalizedText:
    """Return a detail naming at most MAX_NAMED items and counting the rest."""
    shown = joined(names[:MAX_NAMED])
    rest = len(names) - MAX_NAMED
    return ctx.detail("list.more", shown=shown, rest=rest) if rest > 0 else shown


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _normalized(text: str) -> str:
    """Lower-case, accent-free text with punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


# --- Evidence -------------------------------------------------------------------------------------------


def d01_source_for_official(ctx: RuleContext) -> Iterator[Finding]:
    """An official or estimated figure must state its source."""
    for evidence in ctx.proposal.problem_matrix.evidence:
        if evidence.data_type in SOURCED_TYPES and _blank(evidence.source):
            yield ctx.finding("D01", "problem", evidence.id, "source", ctx.code(evidence.id))


def d02_cutoff_for_official(ctx: RuleContext) -> Iterator[Finding]:
    """An official figure should state its cut-off date."""
    for evidence in ctx.proposal.problem_matrix.evidence:
        if evidence.data_type == "official" and evidence.cutoff_date is None:
            yield ctx.finding("D02", "problem", evidence.id, "cutoff_date", ctx.code(evidence.id))


def d03_unit_for_value(ctx: RuleContext) -> Iterator[Finding]:
    """A figure with a numeric value must state its unit."""
    for evidence in ctx.proposal.problem_matrix.evidence:
        if evidence.value is not None and _blank(evidence.unit):
            yield ctx.finding("D03", "problem", evidence.id, "unit", ctx.code(evidence.id))


def _count_illustrative(value: Any) -> int:
    if isinstance(value, BaseModel):
        own = 1 if getattr(value, "data_type", None) == ILLUSTRATIVE else 0
        return own + sum(_count_illustrative(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, list):
        return sum(_count_illustrative(element) for element in value)
    return 0


def d04_illustrative_values(ctx: RuleContext) -> Iterator[Finding]:
    """One hint for the whole proposal counting every value whose data type is 'illustrative'."""
    # Every `data_type` field in the proposal (evidence, baselines, targets, costs, actor ratings, ex-ante
    # ratings) marks the value(s) next to it; counting those markers gives docs/domain.md §5.2's 69 on the example.
    count = _count_illustrative(ctx.proposal)
    if count:
        yield ctx.finding("D04", "problem", None, None, ctx.detail("D04.count", count=count))


# --- Central problem ------------------------------------------------------------------------------------


def p01_single_central_problem(ctx: RuleContext) -> Iterator[Finding]:
    """The central problem must be stated, and state one problem rather than a list of several."""
    text = ctx.proposal.problem_matrix.central_problem
    # Reading of "exactly one": blank, or written as a list (several lines, bullets, "1) ... 2) ...").
    lines = [line for line in text.splitlines() if line.strip()]
    is_list = len(lines) > 1 or len(INLINE_ENUMERATION.findall(text)) > 1 or text.count("•") > 1
    if _blank(text):
        yield ctx.finding("P01", "problem", None, "central_problem", ctx.detail("P01.empty"))
    elif is_list:
        yield ctx.finding("P01", "problem", None, "central_problem", ctx.detail("P01.list"))


def p02_absence_of_solution(ctx: RuleContext) -> Iterator[Finding]:
    """Warn when the central problem starts like 'lack of ...' (a missing solution, not a situation)."""
    start = LEADING_ARTICLE.sub("", _normalized(ctx.proposal.problem_matrix.central_problem))
    for phrase in ABSENCE_PHRASES:
        if start == phrase or start.startswith(f"{_normalized(phrase)} "):
            yield ctx.finding("P02", "problem", None, "central_problem", phrase)
            return


def _sentence_count(text: str) -> int:
    return len([part for part in SENTENCE_BREAK.split(text.strip()) if part.strip()])


def p03_short_single_sentence(ctx: RuleContext) -> Iterator[Finding]:
    """Warn when the central problem exceeds 300 characters or holds more than one sentence."""
    text = ctx.proposal.problem_matrix.central_problem.strip()
    if not text:
        return
    length, sentences = len(text), _sentence_count(text)
    if length > MAX_PROBLEM_CHARS or sentences > 1:
        detail = ctx.detail("P03.size", length=length, sentences=sentences)
        yield ctx.finding("P03", "problem", None, "central_problem", detail)


# --- Trees ----------------------------------------------------------------------------------------------


def p04_enough_causes(ctx: RuleContext) -> Iterator[Finding]:
    """At least 3 causes, at least 2 of them direct."""
    causes = ctx.proposal.problem_matrix.causes
    direct = sum(1 for cause in causes if cause.level == "direct")
    if len(causes) < 3 or direct < 2:
        yield ctx.finding("P04", "problem", None, "causes", ctx.detail("P04.counts", causes=len(causes), direct=direct))


def _tree_faults(ctx: RuleContext, nodes: list[Cause] | list[Effect]) -> Iterator[tuple[str, LocalizedText]]:
    """Yield (item id, detail) for each node that breaks the direct/indirect structure (P05 for causes, P08)."""
    for node in nodes:
        if node.level == "direct" and node.parent_id:
            parent = ctx.code(node.parent_id)
            yield node.id, ctx.detail("P05.direct_with_parent", code=ctx.code(node.id), parent=parent)
        elif node.level == "indirect" and not node.parent_id:
            yield node.id, ctx.detail("P05.indirect_without_parent", code=ctx.code(node.id))
        # A parent id that names no node is a dangling reference, reported once by G02; a node that hangs from
        # itself, directly or through others, is a cycle, reported once per cycle by P13.


def parent_cycles(nodes: Sequence[Cause] | Sequence[Effect]) -> list[list[str]]:
    """Return each cycle of parent links once, as its member ids in list order (a self-parent is a cycle of one).

    Linear in the number of nodes: each id is followed up its parent chain once and never again.
    """
    by_id: dict[str, Cause | Effect] = {}
    for node in nodes:
        by_id.setdefault(node.id, node)
    position = {node_id: index for index, node_id in enumerate(by_id)}
    done: set[str] = set()
    cycles: list[list[str]] = []
    for start in by_id:
        path: dict[str, int] = {}
        current: str | None = start
        while current is not None and current in by_id and current not in done and current not in path:
            path[current] = len(path)
            current = by_id[current].parent_id
        if current is not None and current in path:
            members = list(path)[path[current] :]
            cycles.append(sorted(members, key=position.__getitem__))
        done.update(path)
    cycles.sort(key=lambda members: position[members[0]])
    return cycles


def p05_cause_tree(ctx: RuleContext) -> Iterator[Finding]:
    """Indirect causes hang from another cause; direct causes have no parent."""
    for item, detail in _tree_faults(ctx, ctx.proposal.problem_matrix.causes):
        yield ctx.finding("P05", "problem", item, "parent_id", detail)


def p06_direct_causes_without_children(ctx: RuleContext) -> Iterator[Finding]:
    """One hint listing the direct causes that have no indirect cause under them."""
    causes = ctx.proposal.problem_matrix.causes
    parents = {cause.parent_id for cause in causes if cause.parent_id}
    leaves = [cause for cause in causes if cause.level == "direct" and cause.id not in parents]
    if leaves:
        # Display codes, not ids: causes made in the app carry UUIDs the participant never sees.
        yield ctx.finding("P06", "problem", None, "causes", _named(ctx, [ctx.code(cause.id) for cause in leaves]))


def p07_enough_effects(ctx: RuleContext) -> Iterator[Finding]:
    """At least 2 direct effects."""
    direct = sum(1 for effect in ctx.proposal.problem_matrix.effects if effect.level == "direct")
    if direct < 2:
        yield ctx.finding("P07", "problem", None, "effects", ctx.detail("P07.direct", direct=direct))


def p08_effect_tree(ctx: RuleContext) -> Iterator[Finding]:
    """Indirect effects hang from another effect; direct effects have no parent."""
    for item, detail in _tree_faults(ctx, ctx.proposal.problem_matrix.effects):
        yield ctx.finding("P08", "problem", item, "parent_id", detail)


def p13_no_parent_cycles(ctx: RuleContext) -> Iterator[Finding]:
    """A cause or effect must not hang from itself, directly or through others: one finding per cycle."""
    problem = ctx.proposal.problem_matrix
    for nodes, prefix in ((problem.causes, "C"), (problem.effects, "E")):
        cycles = parent_cycles(nodes)
        if not cycles:
            continue
        walk = tree_walk(nodes, prefix)
        codes = {nodes[row.index].id: row.code for row in walk}
        order = {nodes[row.index].id: position for position, row in reversed(list(enumerate(walk)))}
        for members in cycles:
            # Named in display order (C6, C6.1, ...), pointing at the member the walk shows first.
            shown = sorted(members, key=order.__getitem__)
            yield ctx.finding("P13", "problem", shown[0], "parent_id", _named(ctx, [codes[m] for m in shown]))


# --- Evidence and wording -------------------------------------------------------------------------------


def p09_some_evidence(ctx: RuleContext) -> Iterator[Finding]:
    """At least one evidence item."""
    if not ctx.proposal.problem_matrix.evidence:
        yield ctx.finding("P09", "problem", None, "evidence")


def p10_some_official_evidence(ctx: RuleContext) -> Iterator[Finding]:
    """Warn when evidence exists but none of it is official."""
    evidence = ctx.proposal.problem_matrix.evidence
    if evidence and not any(item.data_type == "official" for item in evidence):
        yield ctx.finding("P10", "problem", None, "evidence")


class _Subsequences:
    """Longest common subsequence lengths against one fixed text (bit-parallel, Hyyrö 2004).

    The fixed text's bit masks are built once; each other text then costs a few integer operations a character.
    """

    def __init__(self, fixed: str) -> None:
        self.masks: dict[str, int] = {}
        for index, char in enumerate(fixed):
            self.masks[char] = self.masks.get(char, 0) | (1 << index)
        self.length = len(fixed)
        self.full = (1 << len(fixed)) - 1

    def lcs(self, other: str) -> int:
        """Return the length of the longest common subsequence of the fixed text and other."""
        masks, full = self.masks, self.full
        row = full
        for char in other:
            matched = row & masks.get(char, 0)
            row = ((row + matched) | (row - matched)) & full
        return self.length - row.bit_count()


def p11_cause_repeats_problem(ctx: RuleContext) -> Iterator[Finding]:
    """Warn for each cause whose text is at least 85 % similar to the central problem."""
    # Only the start of each text is compared (see MAX_COMPARED_CHARS); normalising the rest would be waste.
    problem = _normalized(ctx.proposal.problem_matrix.central_problem[: 2 * MAX_COMPARED_CHARS])[:MAX_COMPARED_CHARS]
    if not problem:
        return
    subsequences = _Subsequences(problem)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq1(problem)
    for cause in ctx.proposal.problem_matrix.causes:
        text = _normalized(cause.description[: 2 * MAX_COMPARED_CHARS])[:MAX_COMPARED_CHARS]
        if not text:
            continue
        # difflib's matching blocks form a common subsequence, so 2 * LCS / total bounds the ratio from above:
        # most causes are ruled out by that bound, in a small fraction of the ratio's own cost.
        if 2 * subsequences.lcs(text) < SIMILARITY_THRESHOLD * (len(problem) + len(text)):
            continue
        matcher.set_seq2(text)
        ratio = matcher.ratio()
        if ratio >= SIMILARITY_THRESHOLD:
            detail = ctx.detail("P11.similarity", code=ctx.code(cause.id), ratio=ratio)
            yield ctx.finding("P11", "problem", cause.id, "description", detail)


def p12_child_and_gender_approaches(ctx: RuleContext) -> Iterator[Finding]:
    """Hint to tick the child / gender approaches when the affected population mentions children / women."""
    text = _normalized(ctx.proposal.problem_matrix.affected_population)
    ticked = set(ctx.proposal.cross_cutting_approaches)
    missing = [
        approach
        for approach, pattern in (("child", CHILD_PATTERN), ("gender", WOMEN_PATTERN))
        if pattern.search(text) and approach not in ticked
    ]
    if missing:
        catalog = ctx.catalogs.get("cross_cutting_approaches.json")
        names = joined(catalog.text(approach) for approach in missing)
        yield ctx.finding("P12", "problem", None, "affected_population", names)


RULES: dict[str, RuleFunction] = {
    "D01": d01_source_for_official,
    "D02": d02_cutoff_for_official,
    "D03": d03_unit_for_value,
    "D04": d04_illustrative_values,
    "P01": p01_single_central_problem,
    "P02": p02_absence_of_solution,
    "P03": p03_short_single_sentence,
    "P04": p04_enough_causes,
    "P05": p05_cause_tree,
    "P06": p06_direct_causes_without_children,
    "P07": p07_enough_effects,
    "P08": p08_effect_tree,
    "P09": p09_some_evidence,
    "P10": p10_some_official_evidence,
    "P11": p11_cause_repeats_problem,
    "P12": p12_child_and_gender_approaches,
    "P13": p13_no_parent_cycles,
}
