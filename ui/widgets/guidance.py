"""The guidance panel: what the current matrix is for, what the focused field asks, and the example's value."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from matrices.display import field_example
from matrices.fieldmodel import FieldSpec
from ui.context import UiContext

# Which field-model entity explains each step.
_MATRIX_ENTITY = {
    "general": "proposal",
    "problem": "problem_matrix",
    "strategy": "strategy_matrix",
    "actors": "actor_matrix",
    "instruments": "instrument_matrix",
}


class GuidancePanel(QWidget):
    """Shows the course's own guidance texts, from the field model, in the interface language."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._matrix = "general"
        self._field: tuple[str, str] | None = None
        self._browser = QTextBrowser(self)
        self._browser.setOpenExternalLinks(False)
        self._browser.setObjectName("guidance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self.setMinimumWidth(240)

    def show_matrix(self, matrix: str) -> None:
        """Explain the step the participant opened."""
        self._matrix = matrix
        self._field = None
        self._render()

    def show_field(self, entity: str, field: str) -> None:
        """Explain the field that has the keyboard focus."""
        self._field = (entity, field)
        self._render()

    def html(self) -> str:
        """Return the panel's content (for tests)."""
        return self._browser.toHtml()

    def refresh(self) -> None:
        """Re-render, e.g. after a language switch."""
        self._browser.setAccessibleName(self.tr("Guidance"))
        self._render()

    def _render(self) -> None:
        lang = self._context.lang
        model = self._context.field_model
        entity = _MATRIX_ENTITY.get(self._matrix, "proposal")
        parts = [f"<h3>{escape(model.entity_label(entity).get(lang))}</h3>"]
        method = model.entity_method(entity).get(lang)
        if method:
            parts.append(f"<p style='color:#444'>{escape(method)}</p>")
        if self._field is not None:
            spec = self._find(*self._field)
            if spec is not None:
                parts.append(f"<hr><h4>{escape(spec.label(lang))}</h4>")
                if spec.guidance(lang):
                    parts.append(f"<p>{escape(spec.guidance(lang))}</p>")
                example = field_example(spec, self._context.catalogs, model, lang)
                if example:
                    heading = self.tr("Example")
                    parts.append(f"<p style='color:#555'><b>{heading}:</b><br><i>{escape(example)}</i></p>")
        self._browser.setHtml("".join(parts))

    def _find(self, entity: str, field: str) -> FieldSpec | None:
        key = field.split(".", maxsplit=1)[0]
        try:
            spec = self._context.field_model.field(entity, key)
        except KeyError:
            return None
        for sub in spec.subfields:
            if field == f"{key}.{sub.key}":
                return sub
        return spec
