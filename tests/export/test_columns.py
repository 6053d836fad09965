"""Table columns: the page width shared by the columns' weights, but none narrower than its widest word."""

from __future__ import annotations

import docx
import pytest

from export.docx_build import fit_columns
from export.docx_measure import TableFont, WordWidths, table_font
from export.docx_styles import ensure_styles, use_house_typography


@pytest.mark.parametrize(
    ("weights", "minimums", "total", "widths"),
    [
        ([1, 1], [10, 10], 100, [50, 50]),
        ([3, 1], [10, 60], 100, [40, 60]),  # the narrow column takes its minimum, the other the rest
        ([2, 1, 1], [10, 35, 35], 100, [30, 35, 35]),
        ([8, 1, 1], [0, 30, 0], 100, [62, 30, 8]),  # the others keep their proportions (8:1) of what is left
        ([1, 1], [80, 80], 100, [50, 50]),  # no room for every word: all shrink alike
    ],
)
def test_columns_share_the_width_but_keep_their_words(
    weights: list[float], minimums: list[float], total: int, widths: list[int]
) -> None:
    found = fit_columns(weights, minimums, total)
    assert sum(found) == total
    assert [abs(a - b) <= 1 for a, b in zip(found, widths, strict=True)] == [True] * len(widths)


def test_the_table_font_is_read_from_the_document_styles() -> None:
    document = docx.Document()
    use_house_typography(document)
    font = table_font(document, ensure_styles(document))
    assert font == TableFont("Arial", 8.5, 216)


def test_a_word_is_measured_wider_in_bold_and_the_widest_word_of_a_column_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    widths = WordWidths(TableFont("Arial", 8.5, 216))
    assert widths.word("Internacional", bold=True) > widths.word("Internacional")
    assert widths.longest(["Organismo Internacional", "de la ONU"]) == widths.word("Internacional")
    assert widths.longest([(("corto", "b"), ("\nInternacional", "i"))]) == widths.word("Internacional", italic=True)
    # 8.5-point Arial: 'Internacional' is about 0.6 inch wide (860 twips), far from 0 and from a line.
    assert 600 < widths.word("Internacional") < 1100
