"""Table models of the actors matrix: the stakeholder register and one actor's relations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from export.diagrams.actor_grid import position_colour
from matrices.actors import GRID_REF, Actor, ActorRelation, StakeholderGrid
from matrices.catalogs import Catalogs
from matrices.edits import Locator
from matrices.localized import COURSE_LANGUAGE, Lang
from ui.context import UiContext
from ui.models.matrix_list import Column, MatrixListModel, RefsCache
from ui.session import DocumentSession

ACTORS: Locator = ("actor_matrix", "actors")
UNRATED = -1000
"""Sort key of a missing rating: below every scale."""


def scale_values(catalogs: Catalogs, scale: str, lang: Lang) -> list[tuple[int, str, str]]:
    """Return (value, label, description) of each step of a rating scale (interest, influence, position)."""
    ref = f"scales.json#{scale}"
    if ref not in catalogs:
        return []
    steps = []
    for entry in catalogs.get(ref):
        value = int(entry.attrs.get("value", entry.id))
        steps.append((value, entry.label(lang), entry.localized("description").get(lang)))
    return steps


def scale_bounds(catalogs: Catalogs, scale: str) -> tuple[int, int]:
    """Return the lowest and highest value of a rating scale."""
    values = [value for value, _, _ in scale_values(catalogs, scale, COURSE_LANGUAGE)] or [1, 5]
    return min(values), max(values)


def rating_text(value: int | None, signed: bool = False) -> str:
    """Return a rating as shown in the table: 4, or +2 / −1 for positions."""
    if value is None:
        return ""
    return f"{value:+d}".replace("-", "−") if signed and value else str(value)


def quadrant_title(label: str) -> str:
    """Return the short part of a quadrant label: 'Gestionar de cerca' of 'Gestionar de cerca (involucrar…)'."""
    return label.partition("(")[0].strip()


_ICONS: dict[int | None, QIcon] = {}


def position_icon(position: int | None) -> QIcon:
    """Return a round dot in the grid's colour for a position (the same colours as the power/interest grid)."""
    if position not in _ICONS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = position_colour(position)
        painter.setPen(fill.darker(150) if position is not None else QColor("#7D8896"))
        painter.setBrush(fill)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _ICONS[position] = QIcon(pixmap)
    return _ICONS[position]


def _rating_parser(bounds: tuple[int, int]) -> Any:
    def parse(value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number = int(str(value).strip().replace("−", "-").replace("+", ""))
        if not bounds[0] <= number <= bounds[1]:
            raise ValueError(f"{number} outside {bounds}")
        return number

    return parse


def _text(value: Any) -> str:
    return str(value or "").strip()


def _optional_text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


class ActorTableModel(MatrixListModel):
    """The stakeholder register: code, name, acronym, ratings, suggested strategy, type and level."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        refs: RefsCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.context = context
        catalogs = context.catalogs
        self.grid = StakeholderGrid.from_catalogs(catalogs)

        def label(key: str) -> Any:
            return lambda: context.label("actor", key)

        def catalog(ref: str, key: str) -> Any:
            return lambda actor: context.catalog_label(ref, getattr(actor, key))

        def rating(key: str, scale: str) -> Column:
            signed = scale == "position"
            return Column(
                key,
                label(key),
                lambda actor: rating_text(getattr(actor, key), signed),
                sort_key=lambda actor: UNRATED if getattr(actor, key) is None else getattr(actor, key),
                tooltip=lambda actor: self.rating_label(scale, getattr(actor, key)),
                decoration=(lambda actor: position_icon(actor.position)) if signed else None,
                parse=_rating_parser(scale_bounds(catalogs, scale)),
                short_header=lambda: self.scale_title(scale),
            )

        columns = [
            Column("id", lambda: self.tr("Code"), lambda actor: self.refs.get(context.lang).code(actor.id)),
            Column("name", label("name"), lambda actor: actor.name, parse=_text),
            Column("acronym", label("acronym"), lambda actor: actor.acronym or "", parse=_optional_text),
            # The ratings and the strategy come first: they are what the register is read for.
            rating("interest", "interest"),
            rating("influence", "influence"),
            rating("position", "position"),
            Column(
                "strategy",
                label("strategy"),
                lambda actor: quadrant_title(self.strategy_label(actor)),
                tooltip=lambda actor: self.strategy_label(actor) or None,
            ),
            Column("type", label("type"), catalog("actor_types.json", "type")),
            Column("level", label("level"), catalog("actor_levels.json", "level")),
        ]
        super().__init__(session, ACTORS, columns, refs or RefsCache(session, catalogs), parent)

    def scale_title(self, scale: str) -> str:
        """Return a short column title for a rating: 'Interés', 'Influencia', 'Posición'."""
        scales = self.context.catalogs.get("scales.json") if "scales.json" in self.context.catalogs else None
        entry = scales.get(scale) if scales is not None else None
        title = entry.label(self.context.lang) if entry is not None else scale
        # 'Influencia / poder' and 'Posición frente a la propuesta' are too wide for a column of digits.
        return title.split(" / ")[0].split(" frente ")[0].split(" on the ")[0]

    def rating_label(self, scale: str, value: int | None) -> str:
        """Return '4 · Alto' for a rating, in the interface language ('' when unrated)."""
        if value is None:
            return ""
        label = self.context.catalog_label(f"scales.json#{scale}", str(value))
        text = rating_text(value, signed=scale == "position")
        return f"{text} · {label}" if label != str(value) else text

    def strategy_label(self, actor: Actor) -> str:
        """Return the suggested strategy (the grid quadrant's label) of an actor, '' when it is not rated."""
        quadrant = self.grid.quadrant(actor)
        return self.context.catalog_label(GRID_REF, quadrant) if quadrant else ""


class RelationTableModel(MatrixListModel):
    """The relations of one actor with the others: related actor, kind of relation and a note."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        refs: RefsCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.context = context

        def actor_text(relation: ActorRelation) -> str:
            return self.refs.get(context.lang).ref(relation.actor_id) if relation.actor_id else ""

        columns = [
            Column(
                "actor_id",
                lambda: context.label("actor_relation", "actor_id"),
                actor_text,
                parse=lambda value: value or None,
                edit_value=lambda relation: relation.actor_id,
                # The table sits in a form beside the list: one-word titles leave the note room to be read.
                short_header=lambda: self.tr("Actor"),
            ),
            Column(
                "type",
                lambda: context.label("actor_relation", "type"),
                lambda relation: context.catalog_label("enums.json#relation_type", relation.type),
                parse=lambda value: value or None,
                edit_value=lambda relation: relation.type,
                short_header=lambda: self.tr("Type"),
            ),
            Column(
                "note", lambda: context.label("actor_relation", "note"), lambda r: r.note or "", parse=_optional_text
            ),
        ]
        super().__init__(session, (), columns, refs or RefsCache(session, context.catalogs), parent)

    def items(self) -> list[Any]:
        """Return the relations of the actor shown (none when no actor is)."""
        return super().items() if self.list_locator else []

    def locator_step(self, row: int, item: Any) -> tuple[str, str | int]:
        """Pick a relation by its position: relations have no id of their own."""
        del item
        return ("index", row)
