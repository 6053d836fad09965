"""The export's pictures: the problem tree and the power/interest grid, drawn offscreen with QPainter."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPicture

from bench.large_proposal import large_proposal
from export.diagrams import (
    GridLayout,
    actor_grid_png,
    ensure_gui_application,
    layout_actor_grid,
    layout_problem_tree,
    paint_actor_grid,
    paint_problem_tree,
    problem_tree_png,
    render_actor_grid,
)
from export.diagrams.actor_grid import position_colour
from export.diagrams.canvas import ELLIPSIS, TextMeasure, cm_to_px, encode_png, make_font, new_image, wrap_text
from export.diagrams.problem_tree import MAX_BOXES, PROBLEM_FILL
from export.diagrams.tree_geometry import TreeLayout, forest
from matrices.actors import Actor, StakeholderGrid
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.problem import MAX_PROBLEM_CHARS, Cause, Effect, tree_codes, tree_walk
from matrices.proposal import Proposal

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

DPI = 200
WIDTH = cm_to_px(16.0, DPI)
FIELD_MODEL = FieldModel.load()


@pytest.fixture(autouse=True)
def gui(qapp: object) -> object:
    return qapp


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang, if a broken tree sends the layout into an endless loop."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(*_: object) -> None:
        raise TimeoutError("the layout did not terminate")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def decode(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull(), "not a PNG that Qt can read"
    return image


def sampled_colours(image: QImage, step: int = 7) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def tree(proposal: Proposal, lang: str = "es", max_height: float | None = None) -> TreeLayout:
    return layout_problem_tree(proposal, lang, FIELD_MODEL, width_px=WIDTH, dpi=DPI, max_height_px=max_height)  # type: ignore[arg-type]


def assert_disjoint(rects: list[QRectF]) -> None:
    for first, second in itertools.combinations(rects, 2):
        overlap = first.intersected(second)
        assert overlap.width() <= 0.01 or overlap.height() <= 0.01, f"{first} overlaps {second}"


# --- shared drawing helpers ------------------------------------------------------------------------------


def test_wrap_text_fits_the_width_and_elides_what_is_left() -> None:
    measure = TextMeasure(make_font(20))
    text = "Información escasa, tardía o engañosa sobre los riesgos del tránsito y las alternativas regulares " * 4
    lines = wrap_text(text, measure, 300, 4)
    assert len(lines) == 4
    assert all(measure.metrics.horizontalAdvance(line) <= 300 + 0.5 for line in lines)
    assert lines[-1].endswith(ELLIPSIS)
    assert " ".join(wrap_text("Dos palabras", measure, 1000, 3)) == "Dos palabras"


def test_wrap_text_breaks_a_word_longer_than_the_line_and_cleans_control_characters() -> None:
    measure = TextMeasure(make_font(20))
    lines = wrap_text("x" * 200, measure, 150, 40)
    assert "".join(lines) == "x" * 200
    assert all(measure.metrics.horizontalAdvance(line) <= 150 + 0.5 for line in lines)
    assert wrap_text("uno\vdos\ntres\x00", measure, 1000, 2) == ("uno dos tres",)
    assert wrap_text("  \n\t ", measure, 1000, 2) == ()


def test_wrap_text_keeps_a_huge_text_cheap_and_bounded() -> None:
    measure = TextMeasure(make_font(20))
    lines = wrap_text("palabra " * 100_000, measure, 300, 3)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)


@pytest.mark.parametrize(("width", "height"), [(40, 30), (1300, 900)])
def test_encode_png_round_trips_pixels_and_dpi(width: int, height: int) -> None:
    # The large image takes the two-thread deflate path; both must decode to the very same pixels.
    image = new_image(width, height, 200)
    colours = [QColor("#1F3F66"), QColor("#DCE7F3"), QColor("#B0392E")]
    for y in range(0, height, max(1, height // 9)):
        for x in range(width):
            image.setPixelColor(x, y, colours[(x + y) % 3])
    png = encode_png(image)
    decoded = decode(png)
    assert (decoded.width(), decoded.height()) == (width, height)
    # zlib checks the stream's adler32, which the two-thread path stitches together from its halves.
    idat_at = png.index(b"IDAT")
    idat = png[idat_at + 4 : idat_at + 4 + int.from_bytes(png[idat_at - 4 : idat_at], "big")]
    assert len(zlib.decompress(idat)) == height * (1 + 3 * width)
    assert decoded.dotsPerMeterX() == image.dotsPerMeterX() == round(200 / 2.54 * 100)
    expected = image.convertToFormat(QImage.Format.Format_RGB32)
    assert decoded.convertToFormat(QImage.Format.Format_RGB32) == expected


def test_ensure_gui_application_reuses_the_running_application(qapp: object) -> None:
    assert ensure_gui_application() is qapp


def test_void_qt_calls_keep_their_references_to_none() -> None:
    # PySide6 6.12 drops a reference to None on every void call: on Python 3.11 the interpreter aborts after a few
    # thousand (a picture or two). pyproject.toml excludes it; this fails, rather than aborts, if it comes back.
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(1.0)
    assert sys.getrefcount(None) > before - 100


# --- the problem tree -----------------------------------------------------------------------------------------


def test_tree_png_has_the_requested_size_and_dpi(example_es: Proposal) -> None:
    image = decode(problem_tree_png(example_es, "es", FIELD_MODEL, width_cm=16.0, dpi=DPI))
    assert image.width() == WIDTH == 1260
    assert 0 < image.height() <= cm_to_px(22.0, DPI)
    assert image.dotsPerMeterX() == round(DPI / 2.54 * 100)
    narrow = decode(problem_tree_png(example_es, "es", FIELD_MODEL, width_cm=10.0, dpi=100))
    assert narrow.width() == cm_to_px(10.0, 100) == 394


def test_tree_picture_is_drawn_and_highlights_the_problem(example_es: Proposal) -> None:
    layout = tree(example_es, max_height=cm_to_px(22.0, DPI))
    image = decode(problem_tree_png(example_es, "es", FIELD_MODEL))
    assert len(sampled_colours(image)) > 30
    problem = layout.problem.rect
    inside = problem.topLeft() + QPointF(4, problem.height() / 2)
    assert QColor(image.pixel(round(inside.x()), round(inside.y()))) == PROBLEM_FILL
    assert PROBLEM_FILL.rgb() in sampled_colours(image, step=3)


def test_every_cause_and_effect_gets_one_box_with_its_code(example_es: Proposal) -> None:
    layout = tree(example_es)
    matrix = example_es.problem_matrix
    for kind, nodes, prefix in (("cause", matrix.causes, "C"), ("effect", matrix.effects, "E")):
        boxes = [box for box in layout.boxes if box.kind == kind]
        assert sorted(box.item_id for box in boxes) == sorted(node.id for node in nodes)  # type: ignore[type-var]
        codes = tree_codes(nodes, prefix)
        assert {box.item_id: box.code for box in boxes} == codes
    assert [box.kind for box in layout.boxes].count("problem") == 1


@pytest.mark.parametrize("lang", ["es", "en"])
def test_effects_sit_above_the_problem_and_causes_below(lang: str, example_es: Proposal) -> None:
    layout = tree(example_es, lang)
    problem = layout.problem.rect
    for box in layout.boxes:
        if box.kind == "effect":
            assert box.rect.bottom() < problem.top()
        elif box.kind == "cause":
            assert box.rect.top() > problem.bottom()


def test_children_hang_below_their_causes_and_above_their_effects(example_es: Proposal) -> None:
    layout = tree(example_es)
    matrix = example_es.problem_matrix
    checked = 0
    for node in [*matrix.causes, *matrix.effects]:
        if node.parent_id is None:
            continue
        child, parent = layout.box_for(node.id), layout.box_for(node.parent_id)
        assert child is not None
        assert parent is not None
        if child.kind == "cause":
            assert child.rect.top() >= parent.rect.bottom()
        else:
            assert child.rect.bottom() <= parent.rect.top()
        assert child.rect.left() > parent.rect.left()  # indented under its parent
        checked += 1
    assert checked == 15


@pytest.mark.parametrize("lang", ["es", "en"])
def test_boxes_stay_inside_the_picture_and_do_not_overlap(lang: str, example_es: Proposal) -> None:
    layout = tree(example_es, lang)
    assert_disjoint([box.rect for box in layout.boxes])
    frame = QRectF(0, 0, layout.width, layout.height)
    assert all(frame.contains(box.rect) for box in layout.boxes)


def test_every_box_holds_its_lines(example_es: Proposal) -> None:
    layout = tree(example_es)
    fonts = layout.fonts
    for box in layout.boxes:
        spec = fonts.problem if box.kind == "problem" else fonts.body
        assert box.lines
        assert len(box.lines) * spec.line_height < box.rect.height()
        for number, line in enumerate(box.lines):
            indent = box.code_width if number == 0 else 0.0
            assert indent + spec.metrics().horizontalAdvance(line) < box.rect.width()


def test_a_tree_without_causes_or_effects_shows_the_problem_and_notes() -> None:
    layout = tree(Proposal())
    assert [box.kind for box in layout.boxes] == ["problem"]
    assert layout.problem.placeholder
    assert [zone.note_lines for zone in layout.zones] == [
        ("Aún no se han registrado efectos.",),
        ("Aún no se han registrado causas.",),
    ]
    assert not layout.connectors
    decode(problem_tree_png(Proposal(), "en", FIELD_MODEL))


def test_broken_trees_terminate_and_show_every_node(deadline: None) -> None:
    causes = [
        Cause(id="A", description="raíz"),
        Cause(id="B", parent_id="A", description="hija"),
        Cause(id="X", parent_id="missing", description="huérfana"),
        Cause(id="Y", parent_id="Z", description="ciclo"),
        Cause(id="Z", parent_id="Y", description="ciclo"),
        Cause(id="S", parent_id="S", description="se apunta a sí misma"),
        Cause(id="B", parent_id="A", description="id repetido"),
        Cause(id="E", parent_id="A", description=""),
    ]
    causes += [Cause(id=f"K{i}", parent_id=f"K{i - 1}" if i else "A", description=f"nivel {i}") for i in range(50)]
    effects = [Effect(id="F1", parent_id="F2"), Effect(id="F2", parent_id="F1")]
    proposal = Proposal(problem_matrix={"causes": causes, "effects": effects})  # type: ignore[arg-type]
    assert sum(len(component) for component in forest(tree_walk(causes, "C"))) == len(causes)
    assert len(causes) <= MAX_BOXES
    layout = tree(proposal)
    assert len([box for box in layout.boxes if box.kind == "cause"]) == len(causes)
    assert len([box for box in layout.boxes if box.kind == "effect"]) == 2
    assert_disjoint([box.rect for box in layout.boxes])
    assert all(box.rect.width() > 0 for box in layout.boxes)
    assert next(box for box in layout.boxes if box.item_id == "E").placeholder
    decode(problem_tree_png(proposal, "es", FIELD_MODEL))


def test_a_tree_of_thousands_draws_a_bounded_number_of_boxes_and_counts_the_rest() -> None:
    """20,000 causes took 53 s and 4.8 GB to draw: the picture shows MAX_BOXES of them and one line for the rest."""
    direct = [Cause(id=f"C{i}", level="direct", description=f"Causa {i}") for i in range(1, 20)]
    chain = [Cause(id=f"K{i}", parent_id=f"K{i - 1}" if i else "C1", description=f"nivel {i}") for i in range(5000)]
    spread = [Cause(id=f"W{i}", parent_id=f"C{i % 19 + 1}", description=f"hoja {i}") for i in range(14_981)]
    effects = [Effect(id=f"E{i}", parent_id=f"E{i - 1}" if i else None, description="e") for i in range(3000)]
    causes = direct + chain + spread
    proposal = Proposal(problem_matrix={"causes": causes, "effects": effects})  # type: ignore[arg-type]
    layout = tree(proposal)
    assert len([box for box in layout.boxes if box.kind == "cause"]) == MAX_BOXES
    assert len([box for box in layout.boxes if box.kind == "effect"]) == MAX_BOXES
    notes = {zone.kind: " ".join(zone.note_lines) for zone in layout.zones}
    assert notes["cause"].startswith(f"… y {len(causes) - MAX_BOXES:,} causas más".replace(",", "."))
    assert notes["effect"].startswith(f"… y {3000 - MAX_BOXES:,} efectos más".replace(",", "."))
    # The codes of the deepest drawn boxes stay short: only MAX_CODE_DEPTH levels are spelled out.
    assert max(len(box.code) for box in layout.boxes) < 40
    assert_disjoint([box.rect for box in layout.boxes])
    english = tree(proposal, lang="en")
    assert " ".join(english.zones[-1].note_lines).startswith(f"… and {len(causes) - MAX_BOXES:,} more causes")
    decode(problem_tree_png(proposal, "es", FIELD_MODEL))


def test_a_huge_description_is_elided_in_a_box_of_bounded_height() -> None:
    proposal = Proposal(
        problem_matrix={"central_problem": "P " * 50_000, "causes": [{"description": "texto " * 30_000}]}
    )  # type: ignore[arg-type]
    layout = tree(proposal)
    box = next(box for box in layout.boxes if box.kind == "cause")
    assert len(box.lines) == layout.density.max_lines
    assert box.lines[-1].endswith(ELLIPSIS)
    assert layout.problem.lines[-1].endswith(ELLIPSIS)
    assert len(" ".join(layout.problem.lines)) <= MAX_PROBLEM_CHARS + len(ELLIPSIS)


# 300 characters, the course's length for a central problem (the example's own is 214 with its full stop).
LONGEST_PROBLEM = (
    "Alta exposición de las personas migrantes que cruzan de forma irregular la selva de Darién al tráfico "
    "ilícito de migrantes y a riesgos graves para su vida e integridad, agravada por la débil presencia "
    "institucional en la frontera, la falta de información fiable y la escasa coordinación entre países."
)


@pytest.mark.parametrize("crowded", [False, True])
@pytest.mark.parametrize("width_cm", [15.9, 16.0])  # the text width of A4 and (capped) Letter pages
def test_the_whole_central_problem_is_drawn_up_to_the_course_length(width_cm: float, crowded: bool) -> None:
    assert len(LONGEST_PROBLEM) == MAX_PROBLEM_CHARS
    proposal = large_proposal() if crowded else load_example("es")
    proposal.problem_matrix.central_problem = LONGEST_PROBLEM
    dpi = 200
    layout = layout_problem_tree(
        proposal, "es", FIELD_MODEL, width_px=cm_to_px(width_cm, dpi), dpi=dpi, max_height_px=cm_to_px(20.7, dpi)
    )
    assert " ".join(layout.problem.lines) == LONGEST_PROBLEM


def test_the_large_tree_fits_a_page_and_stays_legible() -> None:
    proposal = large_proposal()
    proposal.problem_matrix.effects += [
        Effect(id=f"E{i}.1", parent_id=f"E{i}", description=f"Efecto indirecto {i}") for i in range(1, 9)
    ] + [Effect(id=f"E{i}", description=f"Efecto directo {i}") for i in range(9, 13)]
    assert (len(proposal.problem_matrix.causes), len(proposal.problem_matrix.effects)) == (40, 20)
    limit = cm_to_px(22.0, DPI)
    layout = tree(proposal, max_height=limit)
    assert layout.height <= limit
    assert layout.density.body_pt >= 6.0
    assert len(layout.boxes) == 61
    assert_disjoint([box.rect for box in layout.boxes])
    assert all(box.rect.width() >= layout.width / 8 for box in layout.boxes)
    image = decode(problem_tree_png(proposal, "es", FIELD_MODEL))
    assert image.height() <= limit


def test_a_tree_that_cannot_fit_grows_taller_instead_of_shrinking_further() -> None:
    proposal = Proposal(problem_matrix={"causes": [{"id": f"C{i}", "description": "texto " * 40} for i in range(60)]})  # type: ignore[arg-type]
    layout = tree(proposal, max_height=cm_to_px(10.0, DPI))
    assert layout.height > cm_to_px(10.0, DPI)
    assert layout.density.body_pt == 6.0


@pytest.mark.parametrize("which", ["tree", "grid"])
def test_paint_draws_on_any_device_at_any_scale(which: str, example_es: Proposal, catalogs: Catalogs) -> None:
    # The editor's preview: the same layout, painted scaled onto a widget (here an image and a QPicture).
    if which == "tree":
        layout: TreeLayout | GridLayout = tree(example_es)
        draw = paint_problem_tree
    else:
        layout = grid(example_es, catalogs)
        draw = paint_actor_grid
    preview = QImage(round(layout.width / 3), round(layout.height / 3), QImage.Format.Format_ARGB32_Premultiplied)
    preview.fill(QColor("white"))
    painter = QPainter(preview)
    painter.scale(1 / 3, 1 / 3)
    draw(painter, layout, selected_ids={"C1", "A18"})  # type: ignore[arg-type]
    painter.end()
    assert len(sampled_colours(preview, step=3)) > 20
    picture = QPicture()
    painter = QPainter(picture)
    draw(painter, layout)  # type: ignore[arg-type]
    painter.end()
    bounds = picture.boundingRect()
    assert bounds.width() > layout.width / 2
    assert bounds.height() > layout.height / 2


# --- the power/interest grid --------------------------------------------------------------------------------


def grid(proposal: Proposal, catalogs: Catalogs, lang: str = "es", **kwargs: float) -> GridLayout:
    return layout_actor_grid(proposal, lang, catalogs, width_px=WIDTH, dpi=DPI, **kwargs)  # type: ignore[arg-type]


def test_grid_png_has_the_requested_size(example_es: Proposal, catalogs: Catalogs) -> None:
    image = decode(actor_grid_png(example_es, "es", catalogs, width_cm=16.0, dpi=DPI))
    assert image.width() == 1260
    assert cm_to_px(8.0, DPI) < image.height() < cm_to_px(14.0, DPI)
    fixed = decode(actor_grid_png(example_es, "es", catalogs, width_cm=22.0, height_cm=14.0, dpi=150))
    assert (fixed.width(), fixed.height()) == (cm_to_px(22.0, 150), cm_to_px(14.0, 150))


def test_grid_places_a18_in_manage_closely_and_maps_back(example_es: Proposal, catalogs: Catalogs) -> None:
    layout = grid(example_es, catalogs)
    a18 = next(actor for actor in example_es.actor_matrix.actors if actor.id == "A18")
    assert (a18.interest, a18.influence) == (5, 4)
    assert StakeholderGrid().quadrant(a18) == "manage_closely"
    point = layout.value_to_point(5, 4)
    assert layout.quadrant_at(point) == "manage_closely"
    assert layout.value_at(point) == (5, 4)
    mark = next(mark for mark in layout.marks if mark.actor_id == "A18")
    assert layout.quadrant_at(mark.dot_center) == "manage_closely"
    assert layout.value_at(mark.dot_center) == (5, 4)
    assert layout.cell_rect(5, 4).contains(mark.rect)
    assert layout.mark_at(mark.dot_center) == mark


def test_every_cell_maps_to_its_values_and_quadrant(example_es: Proposal, catalogs: Catalogs) -> None:
    layout = grid(example_es, catalogs)
    for interest, influence in itertools.product(range(1, 6), repeat=2):
        point = layout.value_to_point(interest, influence)
        assert layout.value_at(point) == (interest, influence)
        expected = StakeholderGrid().quadrant(Actor(interest=interest, influence=influence))
        assert layout.quadrant_at(point) == expected
        assert layout.quadrant_rect(expected).contains(layout.cell_rect(interest, influence))  # type: ignore[arg-type]
    # Dragging beyond the plot pins to the extremes; a point in a label strip belongs to the row below it.
    assert layout.value_at(QPointF(-100, -100)) == (1, 5)
    assert layout.value_at(QPointF(layout.width + 100, layout.height + 100)) == (5, 1)
    top_strip = QPointF(layout.plot.left() + 1, layout.plot.top() + 1)
    assert layout.value_at(top_strip) == (1, 5)
    assert layout.value_to_point(9, -3) == layout.value_to_point(5, 1)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_two_actor_labels_overlap(lang: str, example_es: Proposal, example_en: Proposal, catalogs: Catalogs) -> None:
    proposal = example_es if lang == "es" else example_en
    layout = grid(proposal, catalogs, lang)
    assert sorted(mark.actor_id for mark in layout.marks) == sorted(a.id for a in proposal.actor_matrix.actors)
    assert_disjoint([mark.rect for mark in layout.marks])
    for mark in layout.marks:
        assert layout.cell_rect(mark.interest, mark.influence).contains(mark.rect)


@pytest.mark.parametrize(("lang", "title"), [("es", "Gestionar de cerca"), ("en", "Manage closely")])
def test_quadrants_and_axes_are_labelled_in_the_picture_language(
    lang: str, title: str, example_es: Proposal, catalogs: Catalogs
) -> None:
    layout = grid(example_es, catalogs, lang)
    manage = next(quadrant for quadrant in layout.quadrants if quadrant.quadrant_id == "manage_closely")
    assert " ".join(manage.title) == title
    assert layout.x_title[1].startswith("Interés" if lang == "es" else "Interest")
    assert {item.label for item in layout.legend} >= {"Opositor activo" if lang == "es" else "Active opponent"}


def test_dots_are_coloured_by_position(example_es: Proposal, catalogs: Catalogs) -> None:
    layout = grid(example_es, catalogs)
    image = render_actor_grid(layout)
    for actor_id, position in (("A18", -2), ("A01", 2), ("A04", 0)):
        mark = next(mark for mark in layout.marks if mark.actor_id == actor_id)
        centre = mark.dot_center
        assert QColor(image.pixel(round(centre.x()), round(centre.y()))) == position_colour(position)
    assert position_colour(-2) != position_colour(2)
    assert position_colour(3, (-3, 3)) == position_colour(2) != position_colour(None)
    assert position_colour(0, (0, 4)) == position_colour(-2)
    assert len(sampled_colours(image)) > 30


def test_unrated_actors_are_skipped_and_ratings_clamped(catalogs: Catalogs) -> None:
    actors = [
        Actor(id="N", name="Sin valorar", interest=None, influence=3),
        Actor(id="F", name="Fuera de rango", acronym="FR", interest=9, influence=-4, position=7),
        Actor(id="P", name="Sin posición", interest=2, influence=5),
    ]
    proposal = Proposal(actor_matrix={"actors": actors})  # type: ignore[arg-type]
    layout = grid(proposal, catalogs)
    marks = {mark.actor_id: mark for mark in layout.marks}
    assert set(marks) == {"F", "P"}
    assert (marks["F"].interest, marks["F"].influence, marks["F"].position) == (5, 1, 2)
    assert marks["F"].lines == ("FR",)
    assert marks["P"].position is None
    assert any("Sin valorar" in text for _, text in layout.notes)
    assert any(item.position is None for item in layout.legend)
    decode(actor_grid_png(proposal, "es", catalogs))


def test_an_empty_grid_renders_with_a_note(catalogs: Catalogs) -> None:
    layout = grid(Proposal(), catalogs)
    assert not layout.marks
    assert [text for _, text in layout.notes] == ["Aún no hay actores con interés e influencia valorados."]
    assert len(layout.quadrants) == 4
    decode(actor_grid_png(Proposal(), "en", catalogs))


def test_150_actors_all_appear_without_overlapping(catalogs: Catalogs) -> None:
    proposal = large_proposal()
    actors = proposal.actor_matrix.actors
    assert len(actors) == 150
    layout = grid(proposal, catalogs, max_height_px=cm_to_px(22.0, DPI))
    shown = [mark.actor_id for mark in layout.marks if mark.actor_id is not None]
    hidden = [actor_id for mark in layout.marks for actor_id in mark.hidden_ids]
    assert sorted(shown + hidden) == sorted(actor.id for actor in actors)
    assert not hidden  # 30 to a cell still fit, the picture grows taller instead
    assert_disjoint([mark.rect for mark in layout.marks])
    assert layout.fonts.mark.font.pixelSize() >= round(5.5 * DPI / 72) - 1
    image = decode(actor_grid_png(proposal, "es", catalogs))
    assert image.height() <= cm_to_px(22.0, DPI)


def test_a_cell_too_crowded_to_show_everyone_says_how_many_are_left(catalogs: Catalogs) -> None:
    actors = [Actor(id=f"A{i}", name=f"Actor con nombre largo {i}", interest=5, influence=5) for i in range(400)]
    layout = grid(Proposal(actor_matrix={"actors": actors}), catalogs, height_px=cm_to_px(10.0, DPI))  # type: ignore[arg-type]
    more = [mark for mark in layout.marks if mark.actor_id is None]
    assert len(more) == 1
    shown = [mark for mark in layout.marks if mark.actor_id is not None]
    assert len(shown) + len(more[0].hidden_ids) == 400
    assert more[0].lines[0].startswith("+")
    assert_disjoint([mark.rect for mark in layout.marks])


def test_fonts_are_pixel_sized_unhinted_dejavu_with_fallbacks() -> None:
    font = make_font(20)
    assert font.families()[0] == "DejaVu Sans"
    assert len(font.families()) > 1
    assert font.pixelSize() == 20
    assert font.hintingPreference() == QFont.HintingPreference.PreferNoHinting


def test_a_headless_process_gets_an_offscreen_application_only_when_asked() -> None:
    script = (
        "import sys\n"
        "from export.diagrams import ensure_gui_application, problem_tree_png\n"
        "from matrices.examples import load_example\n"
        "from matrices.fieldmodel import FieldModel\n"
        "try:\n"
        "    problem_tree_png(load_example('es'), 'es', FieldModel.load())\n"
        "except RuntimeError as error:\n"
        "    print('refused:', error)\n"
        "app = ensure_gui_application()\n"
        "print(type(app).__name__, app.platformName())\n"
        "for _ in range(4):\n"
        "    png = problem_tree_png(load_example('es'), 'es', FieldModel.load())\n"
        "print(png[:4] == b'\\x89PNG')\n"
    )
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("refused:")
    assert "ensure_gui_application" in lines[0]
    assert lines[1:] == ["QGuiApplication offscreen", "True"]


def test_a_broken_scales_catalogue_falls_back_to_the_standard_grid(example_es: Proposal, tmp_path: Path) -> None:
    source = Catalogs.load().raw("scales.json")
    broken = json.loads(json.dumps(source))
    for entry in broken["entries"]:
        if entry["id"] == "interest":
            entry["min"], entry["max"] = 3, 3
        if entry["id"] == "influence":
            entry["max"] = "many"
    broken["stakeholder_grid"]["high_threshold"] = 99
    (tmp_path / "scales.json").write_text(json.dumps(broken), encoding="utf-8")
    layout = grid(example_es, Catalogs.load(tmp_path))
    assert [band.value for band in layout.columns] == [1, 2, 3, 4, 5]
    assert [band.value for band in layout.rows] == [5, 4, 3, 2, 1]
    assert len(layout.quadrants) == 4
    assert_disjoint([mark.rect for mark in layout.marks])


def test_the_tree_takes_the_largest_type_that_fits() -> None:
    from export.diagrams.problem_tree import _Builder, _Shape
    from export.diagrams.tree_geometry import DENSITIES

    proposal = large_proposal()
    shape = _Shape.of(proposal, FIELD_MODEL, "es")
    heights = [_Builder(shape, "es", WIDTH, DPI, density).build().height for density in DENSITIES]
    assert heights == sorted(heights, reverse=True)
    for limit in [heights[0] + 1, *(height + 0.5 for height in heights[1:]), heights[-1] - 1]:
        chosen = tree(proposal, max_height=limit).density
        fitting = [density for density, height in zip(DENSITIES, heights, strict=True) if height <= limit]
        assert chosen == (fitting[0] if fitting else DENSITIES[-1])


def test_every_item_sharing_an_id_is_drawn_with_its_own_text(deadline: None, example_es: Proposal) -> None:
    # A merged or hand-edited file may repeat ids (rule G03): a root, a parent with children, a child, an effect.
    proposal = example_es
    causes, effects = proposal.problem_matrix.causes, proposal.problem_matrix.effects
    parent = next(cause for cause in causes if any(child.parent_id == cause.id for child in causes))
    child = next(cause for cause in causes if cause.parent_id == parent.id)
    causes.insert(0, parent.model_copy(update={"description": "Copia del padre, antes"}))
    causes.append(parent.model_copy(update={"description": "Copia del padre, después"}))
    causes.append(child.model_copy(update={"description": "Copia de la hija"}))
    effects.append(effects[0].model_copy(update={"description": "Copia del efecto"}))
    layout = tree(proposal)
    for kind, nodes in (("cause", causes), ("effect", effects)):
        drawn = sorted(" ".join(box.lines) for box in layout.boxes if box.kind == kind)
        assert len(drawn) == len(nodes)
        for node in nodes:
            assert sum(text.startswith(node.description[:20]) for text in drawn) >= 1, node.description
    assert_disjoint([box.rect for box in layout.boxes])
