"""The texts a cohort review writes for people (storage/data/texts.json), in every language of the data.

`texts()` holds the cohort table's own headings (a heading that names a proposal field is that field's label, from
the field model), what each participant of a Moodle download sent, and the feedback line and file names returned
to Moodle. `moodle_words()` holds words Moodle itself writes, in the language of the site they were downloaded
from: mod_assign's "participant" (the name everyone gets under blind marking) and "recordid" (the heading of the
grading worksheet's identifier column), and assignfeedback_comments' plugin name (the heading of the column Moodle
reads back as feedback). A language is recognised in a Moodle file only once these are given in it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from matrices.localized import TextTable, text_table


@cache  # the package's place does not move while it runs
def texts_file() -> Path:
    """Return the file holding the storage layer's texts (a test points it at a copy with a language added)."""
    return Path(str(resources.files("storage") / "data" / "texts.json"))


def texts() -> TextTable:
    """Return the cohort table's and the Moodle feedback's own texts."""
    return text_table(texts_file())


def moodle_words() -> TextTable:
    """Return the words Moodle writes itself (participant, identifier, feedback_comments), by the site's language."""
    return text_table(texts_file(), "moodle")
