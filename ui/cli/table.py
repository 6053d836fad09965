"""Printing a command's table as aligned columns (`review` of a folder and of a Moodle download)."""

from __future__ import annotations

from collections.abc import Sequence


def fit(text: str, width: int) -> str:
    """Return text on one line, cut with an ellipsis past width (0: no limit)."""
    flat = " ".join(text.split())  # a title pasted with line breaks must stay on its line
    return flat if not width or len(flat) <= width else flat[: width - 1] + "…"


def print_table(
    rows: list[list[str]], headings: Sequence[str], widths: Sequence[int], align_short: bool = False
) -> None:
    """Print rows as aligned columns; a short row (a file and its error) runs on past the grid.

    align_short: the leading cells of short rows count in the columns' widths too (they name who, not what).
    """
    count = len(headings)
    full = [[fit(cell, widths[i]) for i, cell in enumerate(row)] for row in rows if len(row) == count]
    if align_short:
        full += [[fit(cell, widths[i]) for i, cell in enumerate(row[:-1])] for row in rows if len(row) < count]
    sizes = [max(len(row[i]) for row in full if len(row) > i) for i in range(count)]
    for row in rows:
        if len(row) == count:
            cells = [f"{fit(cell, widths[i]):<{sizes[i]}}" for i, cell in enumerate(row)]
        else:
            short = len(row) - 1  # the leading cells align; the last (an error, a note) runs on
            cells = [f"{fit(cell, widths[i]):<{sizes[i]}}" for i, cell in enumerate(row[:short])]
            cells.append(fit(row[-1], 0))
        print("  ".join(cells).rstrip())
