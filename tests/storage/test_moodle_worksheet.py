"""The grading worksheet: only "Feedback comments" of participants with a proposal changes, byte for byte."""

from __future__ import annotations

import csv
import io
from typing import Literal

import pytest

from matrices.summary import ProposalSummary
from storage.errors import WorksheetError
from storage.moodle_worksheet import feedback_text, parse_worksheet, split_fields
from storage.texts import moodle_words
from tests.data.moodle_zips import worksheet_bytes

ROWS = [(12, "José Núñez"), (13, "Participante"), (14, 'Ana, la de "Planificación"'), (15, "Luis Díaz")]
# mod_assign's "hiddenuser" string, which Moodle strips from the identifier by its length (importgradeslib.php).
HIDDEN_USER = {"es": "Participante", "en": "Participant "}


def _cells(data: bytes) -> list[list[str]]:
    """Read a worksheet with Python's own CSV reader (independent of the one under test)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _moodle_reads(data: bytes, lang: Literal["es", "en"]) -> dict[int, str]:
    """Read the feedback back as Moodle's importer does: columns by heading, the id after the hidden-user word."""
    header, *rows = _cells(data)
    id_at = header.index(moodle_words().text("identifier").get(lang))
    feedback_at = header.index(moodle_words().text("feedback_comments").get(lang))
    return {int(row[id_at][len(HIDDEN_USER[lang]) :]): row[feedback_at] for row in rows}


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [True, False])
def test_only_the_feedback_cells_of_the_given_participants_change(
    lang: Literal["es", "en"], newline: str, bom: bool
) -> None:
    original = worksheet_bytes(ROWS, lang, bom, newline)
    sheet = parse_worksheet(original)
    assert sheet.lang == lang
    filled = sheet.filled({12: "Bien; revise la matriz 3.", 15: 'Falta "fuente", y datos.', 99: "nadie"})
    assert filled.startswith(b"\xef\xbb\xbf") == bom
    before, after = _cells(original), _cells(filled)
    assert len(before) == len(after)
    feedback = before[0].index(moodle_words().text("feedback_comments").get(lang))
    for row_before, row_after in zip(before, after, strict=True):
        for column, (cell_before, cell_after) in enumerate(zip(row_before, row_after, strict=True)):
            if column != feedback or row_before is before[0]:
                assert cell_before == cell_after
    assert _moodle_reads(filled, lang) == {
        12: "Bien; revise la matriz 3.",
        13: "",
        14: "",
        15: 'Falta "fuente", y datos.',
    }
    # Byte for byte: rows without feedback are the same lines; filled rows are the same up to their last cell.
    lines_before = original.split(newline.encode())
    lines_after = filled.split(newline.encode())
    assert lines_before[0] == lines_after[0]
    for (participant_id, _name), line_before, line_after in zip(ROWS, lines_before[1:], lines_after[1:], strict=False):
        if participant_id in (12, 15):
            assert line_after.startswith(line_before[: line_before.rindex(b",") + 1])
        else:
            assert line_after == line_before


def test_nothing_to_fill_gives_the_same_bytes() -> None:
    original = worksheet_bytes(ROWS, "es", True, "\r\n")
    assert parse_worksheet(original).filled({}) == original


def test_what_the_facilitator_wrote_is_kept_and_a_second_run_replaces_its_own_text() -> None:
    original = worksheet_bytes([(12, "José")], "es")
    first = parse_worksheet(original).filled({12: "Mi nota a mano."})
    summary = ProposalSummary(completeness={"general": 100}, errors=1, warnings=2, comments_open=3)
    second = parse_worksheet(first).filled({12: feedback_text(summary, "es")})
    third = parse_worksheet(second).filled({12: feedback_text(summary.model_copy(update={"errors": 0}), "es")})
    text = _moodle_reads(third, "es")[12]
    assert text.startswith("Mi nota a mano.\n")
    assert text.count("Policy Matrix") == 1
    assert "0 errores y 2 advertencias; 3 comentarios abiertos." in text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_feedback_text_gives_every_figure_in_the_course_language(lang: Literal["es", "en"]) -> None:
    summary = ProposalSummary(
        completeness={"general": 100, "problem": 80, "strategy": 60, "actors": 75, "instruments": 40},
        errors=1,
        warnings=5,
        comments_open=2,
    )
    text = feedback_text(summary, lang)
    if lang == "es":
        assert "General 100 %, Problema 80 %, Estrategia 60 %, Actores 75 %, Instrumentos 40 %" in text
        assert "1 error y 5 advertencias; 2 comentarios abiertos." in text
    else:
        assert "General 100 %, Problem 80 %, Strategy 60 %, Actors 75 %, Instruments 40 %" in text
        assert "1 error and 5 warnings; 2 open comments." in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Identificador,Nombre\nParticipante1,Ana\n", "Comentarios de retroalimentación"),
        (b"Nombre,Nota\nAna,1\n", "not a Moodle grading worksheet"),
        ("Identifier,Feedback comments\nParticipant 1,é\n".encode("latin-1"), "not UTF-8"),
        (b'Identifier,Feedback comments\n"Participant 1,never closed\n', "never closed"),
    ],
)
def test_what_cannot_be_filled_is_one_sentence(data: bytes, reason: str) -> None:
    with pytest.raises(WorksheetError, match=reason):
        parse_worksheet(data)


@pytest.mark.parametrize(
    "text",
    ["a,b,c", 'a,"b,c",d\r\n', 'x,"dijo ""hola""",\n1,2,3', ",,\n", "a\rb\r", '"multi\nline",2\n'],
)
def test_the_field_splitter_agrees_with_pythons_csv_reader(text: str) -> None:
    mine = [[field.value for field in record] for record in split_fields(text)]
    assert mine == list(csv.reader(io.StringIO(text, newline="")))
