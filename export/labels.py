"""Every heading, label, column header and note of the Word document, in Spanish and English.

The export language is chosen independently of the language the proposal is written in, so none of these
strings comes from the proposal; catalogue values are labelled through the catalogues themselves.
"""

from __future__ import annotations

from matrices.base import Lang

COURSE_NAME = (
    "Programa de Formación en Política y Gobernanza Migratoria — OIM Panamá",
    "Migration Policy and Governance Training Program — IOM Panama",
)

LABELS: dict[str, tuple[str, str]] = {
    # cover and front matter
    "cover.kind": ("Propuesta de política pública", "Public policy proposal"),
    "cover.authors": ("Autoría", "Authors"),
    "cover.institution": ("Institución proponente", "Proposing institution"),
    "cover.course": ("Curso", "Course"),
    "cover.date": ("Fecha", "Date"),
    "cover.status": ("Estado", "Status"),
    "cover.draft": ("BORRADOR", "DRAFT"),
    "cover.untitled": ("Propuesta sin título", "Untitled proposal"),
    "toc.title": ("Contenido", "Contents"),
    "header.page": ("Página", "Page"),
    "header.of": ("de", "of"),
    # summary
    "summary.title": ("Resumen", "Summary"),
    "summary.part": ("Parte", "Part"),
    "summary.content": ("Contenido", "Content"),
    "summary.completeness": ("Completitud", "Completeness"),
    "summary.cost": ("costo estimado {cost}", "estimated cost {cost}"),
    # general data
    "general.title": ("Datos generales", "General data"),
    "general.proposal_title": ("Título", "Title"),
    "general.policy_area": ("Área temática", "Policy area"),
    "general.territorial_scope": ("Ámbito territorial", "Territorial scope"),
    "general.territory": ("Territorio", "Territory"),
    "general.horizon": ("Horizonte temporal", "Time horizon"),
    "general.approaches": ("Enfoques transversales", "Cross-cutting approaches"),
    "general.alignment": ("Alineación con marcos internacionales", "Alignment with international frameworks"),
    "general.gcm_objectives": ("Objetivos del Pacto Mundial para la Migración (PMM)",
                               "Global Compact for Migration (GCM) objectives"),
    "general.gcm_principles": ("Principios rectores del PMM", "GCM guiding principles"),
    "general.sdg_targets": ("Metas de los Objetivos de Desarrollo Sostenible (ODS)",
                            "Sustainable Development Goal (SDG) targets"),
    "general.migof": ("Marco de Gobernanza de la Migración (MiGOF)", "Migration Governance Framework (MiGOF)"),
    "general.mgi_domains": ("Dominios de los Indicadores de Gobernanza de la Migración (IGM)",
                            "Migration Governance Indicators (MGI) domains"),
    "general.normative_references": ("Marco normativo de referencia", "Normative references"),
    "general.data_note": ("Nota sobre los datos", "Data note"),
    "general.gcm_short": ("PMM", "GCM"),
    "general.sdg_short": ("ODS", "SDG"),
    "general.mgi_short": ("IGM", "MGI"),
    "general.gcm_item": ("Objetivo {number}: {label}", "Objective {number}: {label}"),
    "general.sdg_item": ("Meta {number}: {label}", "Target {number}: {label}"),
    "general.horizon_short": ("horizonte {years}", "horizon {years}"),
    # shared
    "not_filled": ("Aún no completada.", "Not yet filled."),
    "none": ("Ninguno.", "None."),
    "illustrative": ("ilustrativo", "illustrative"),
    "yes": ("Sí", "Yes"),
    "no": ("No", "No"),
    "code": ("Código", "Code"),
    "level": ("Nivel", "Level"),
    "figure": ("Figura", "Figure"),
    "picture_failed": ("No se pudo generar la figura.", "The figure could not be drawn."),
    # matrix 1
    "problem.title": ("Matriz 1 — Problema", "Matrix 1 — Problem"),
    "problem.central": ("Problema central", "Central problem"),
    "problem.context": ("Contexto y antecedentes", "Context and background"),
    "problem.population": ("Población afectada", "Affected population"),
    "problem.evidence": ("Evidencia y datos de magnitud", "Evidence and magnitude data"),
    "problem.causes": ("Causas", "Causes"),
    "problem.effects": ("Efectos", "Effects"),
    "problem.tree": ("Árbol de problemas", "Problem tree"),
    "problem.tree_caption": ("Árbol de problemas: efectos arriba, el problema central y las causas debajo.",
                             "Problem tree: effects above, the central problem, and the causes below."),
    "evidence.description": ("Dato", "Item"),
    "evidence.value": ("Valor", "Value"),
    "evidence.unit": ("Unidad", "Unit"),
    "evidence.cutoff": ("Fecha de corte", "Cut-off date"),
    "evidence.source": ("Fuente", "Source"),
    "evidence.type": ("Tipo de dato", "Data type"),
    "cause.description": ("Causa", "Cause"),
    "cause.category": ("Categoría", "Category"),
    "cause.governability": ("Gobernabilidad", "Governability"),
    "cause.evidence": ("Evidencia", "Evidence"),
    "effect.description": ("Efecto", "Effect"),
    "effect.affected": ("Quiénes lo sufren", "Who is affected"),
    "effect.severity": ("Severidad", "Severity"),
    # matrix 2
    "strategy.title": ("Matriz 2 — Ejes estratégicos", "Matrix 2 — Strategic axes"),
    "strategy.general_objective": ("Objetivo general", "General objective"),
    "strategy.ends": ("Fines", "Ends"),
    "strategy.general_indicators": ("Indicadores del objetivo general", "General-objective indicators"),
    "strategy.axes": ("Ejes estratégicos", "Strategic axes"),
    "strategy.excluded": ("Causas no abordadas", "Causes not addressed"),
    "strategy.coverage": ("Cobertura de las causas por los ejes", "Coverage of the causes by the axes"),
    "end.description": ("Fin", "End"),
    "end.effect": ("Efecto que transforma", "Effect it reverses"),
    "axis.causes": ("Causas que aborda", "Causes addressed"),
    "axis.objective": ("Objetivo estratégico", "Strategic objective"),
    "axis.lead": ("Responsable principal", "Lead actor"),
    "axis.co_responsible": ("Corresponsables", "Co-responsible actors"),
    "axis.timeframe": ("Plazo", "Timeframe"),
    "axis.priority": ("Prioridad", "Priority"),
    "axis.alignment": ("Alineación con marcos", "Framework alignment"),
    "axis.cost": ("Costo estimado", "Estimated cost"),
    "axis.lines": ("Líneas de acción", "Lines of action"),
    "axis.results": ("Resultados esperados", "Expected results"),
    "axis.indicators": ("Indicadores", "Indicators"),
    "axis.risks": ("Supuestos y riesgos", "Assumptions and risks"),
    "indicator.name": ("Indicador", "Indicator"),
    "indicator.baseline": ("Línea de base", "Baseline"),
    "indicator.target": ("Meta", "Target"),
    "indicator.frequency": ("Frecuencia", "Frequency"),
    "indicator.verification": ("Medio de verificación", "Means of verification"),
    "indicator.formula": ("Fórmula", "Formula"),
    "excluded.cause": ("Causa", "Cause"),
    "excluded.justification": ("Justificación", "Justification"),
    "coverage.axes": ("Ejes que la abordan", "Axes addressing it"),
    "coverage.excluded": ("No abordada (justificada en «Causas no abordadas»)",
                          "Not addressed (justified under “Causes not addressed”)"),
    "coverage.uncovered": ("Sin eje asignado", "No axis assigned"),
    "cost.funding": ("Fuente", "Source"),
    # matrix 3
    "actors.title": ("Matriz 3 — Actores", "Matrix 3 — Actors"),
    "actors.register": ("Actores y su valoración", "Actors and their assessment"),
    "actors.grid": ("Cuadrícula de poder e interés", "Power/interest grid"),
    "actors.grid_caption": ("Actores según su interés (eje horizontal) y su influencia (eje vertical), "
                            "coloreados según su posición frente a la propuesta.",
                            "Actors by interest (horizontal axis) and influence (vertical axis), "
                            "coloured by their position on the proposal."),
    "actors.no_actors": ("No hay actores registrados: la cuadrícula de poder e interés se dibujará cuando se "
                         "registren.", "No actors recorded yet: the power/interest grid will be drawn once there are."),
    "actors.illustrative_note": ("Las valoraciones marcadas «ilustrativo» son juicios didácticos del grupo de "
                                 "trabajo y no la posición oficial de las entidades.",
                                 "Ratings marked “illustrative” are teaching judgements of the working group, "
                                 "not the official position of the bodies concerned."),
    "actors.details": ("Recursos, problemas percibidos, relaciones y fundamento de la valoración",
                       "Resources, perceived problems, relations and basis of the assessment"),
    "actors.details_no_basis": ("Recursos, problemas percibidos y relaciones",
                                "Resources, perceived problems and relations"),
    "actors.shared_basis": ("{label} (común a todos los actores)", "{label} (common to all actors)"),
    "actor.name": ("Actor", "Actor"),
    "actor.type": ("Tipo", "Type"),
    "actor.level": ("Nivel", "Level"),
    "actor.roles": ("Papel", "Role"),
    "actor.mandate": ("Mandato", "Mandate"),
    "actor.interest": ("Interés", "Interest"),
    "actor.influence": ("Influencia", "Influence"),
    "actor.position": ("Posición", "Position"),
    "actor.strategy": ("Estrategia", "Strategy"),
    "actor.axes": ("Ejes", "Axes"),
    # matrix 4
    "instruments.title": ("Matriz 4 — Instrumentos", "Matrix 4 — Instruments"),
    "instruments.register": ("Instrumentos de política", "Policy instruments"),
    "instruments.trace": ("Trazabilidad: causa → eje → instrumento", "Traceability: cause → axis → instrument"),
    "instruments.details": ("Base normativa, recursos y riesgos", "Legal basis, resources and risks"),
    "instrument.name": ("Instrumento", "Instrument"),
    "instrument.axis_line": ("Eje y línea", "Axis and line"),
    "instrument.typology": ("NATO / Vedung / tipo", "NATO / Vedung / type"),
    "instrument.responsible": ("Responsable", "Responsible"),
    "instrument.target_group": ("Destinatarios", "Target group"),
    "instrument.mechanism": ("Mecanismo de cambio", "Change mechanism"),
    "instrument.when_cost": ("Plazo y costo", "Timeframe and cost"),
    "instrument.indicators": ("Indicadores", "Indicators"),
    "instrument.nato": ("NATO", "NATO"),
    "instrument.vedung": ("Vedung", "Vedung"),
    "instrument.type": ("Tipo", "Type"),
    "trace.cause": ("Causa", "Cause"),
    "trace.axis": ("Eje", "Axis"),
    "trace.instruments": ("Instrumentos", "Instruments"),
    "trace.no_instrument": ("Sin instrumento", "No instrument"),
    # appendix
    "findings.title": ("Anexo — Observaciones pendientes", "Appendix — Open findings"),
    "findings.intro": ("Observaciones de la revisión automática que siguen abiertas en este borrador.",
                       "Findings of the automatic review still open in this draft."),
    "findings.severity": ("Severidad", "Severity"),
    "findings.matrix": ("Matriz", "Matrix"),
    "findings.item": ("Elemento", "Item"),
    "findings.message": ("Observación", "Finding"),
    "severity.error": ("Error", "Error"),
    "severity.warning": ("Advertencia", "Warning"),
    "severity.info": ("Sugerencia", "Suggestion"),
    "matrix.general": ("Datos generales", "General data"),
    "matrix.problem": ("Problema", "Problem"),
    "matrix.strategy": ("Ejes estratégicos", "Strategic axes"),
    "matrix.actors": ("Actores", "Actors"),
    "matrix.instruments": ("Instrumentos", "Instruments"),
    # comments
    "comment.reviewer": ("Revisión", "Reviewer"),
    "comment.on_field": ("Campo", "Field"),
    "comment.unanchored": ("Sobre: {where}", "On: {where}"),
}  # fmt: skip

COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "cover.draft_note": (
        (
            "Queda {n} observación de nivel error; esta no es la versión final (véase el anexo).",
            "Quedan {n} observaciones de nivel error; esta no es la versión final (véase el anexo).",
        ),
        (
            "{n} error-level finding remains; this is not the final version (see the appendix).",
            "{n} error-level findings remain; this is not the final version (see the appendix).",
        ),
    ),
    "count.causes": (("{n} causa", "{n} causas"), ("{n} cause", "{n} causes")),
    "count.direct": (("{n} directa", "{n} directas"), ("{n} direct", "{n} direct")),
    "count.effects": (("{n} efecto", "{n} efectos"), ("{n} effect", "{n} effects")),
    "count.evidence": (
        ("{n} dato de evidencia", "{n} datos de evidencia"),
        ("{n} evidence item", "{n} evidence items"),
    ),
    "count.axes": (("{n} eje estratégico", "{n} ejes estratégicos"), ("{n} strategic axis", "{n} strategic axes")),
    "count.indicators": (("{n} indicador", "{n} indicadores"), ("{n} indicator", "{n} indicators")),
    "count.actors": (("{n} actor", "{n} actores"), ("{n} actor", "{n} actors")),
    "count.instruments": (("{n} instrumento", "{n} instrumentos"), ("{n} instrument", "{n} instruments")),
}
"""Texts with a number: (singular, plural) in Spanish, then in English. Both languages use the singular for 1 only."""

MONTHS = (
    ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
     "noviembre", "diciembre"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"),
)  # fmt: skip


class Labels:
    """The document's fixed texts in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._index = 0 if lang == "es" else 1

    def __call__(self, key: str, **values: object) -> str:
        """Return the text of key, with {placeholders} filled from values."""
        text = LABELS[key][self._index]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """Return the text of key for n things, in the singular for one ('1 eje estratégico', '2 ejes estratégicos')."""
        one, other = COUNTS[key][self._index]
        return (one if n == 1 else other).format(n=n)

    @property
    def course(self) -> str:
        """Return the course name."""
        return COURSE_NAME[self._index]

    def month(self, number: int) -> str:
        """Return the name of month number (1-12)."""
        return MONTHS[self._index][number - 1]
