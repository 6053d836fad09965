"""Bugs the fault suites found and that are not fixed yet: each test stays, marked as an expected failure.

strict=True: the day a fix lands, the test passes, pytest reports XPASS as a failure, and the entry must go.
Hypothesis properties are not strict: a run may not draw the failing example (no example database in CI).
"""

from __future__ import annotations

import pytest

KNOWN_BUGS = {
    "test_hostile_files.py::test_every_command_ends_cleanly[truncated-last-byte-review]": (
        "review trusts the stored summary of a file whose last page is cut off and lists it as readable"
    ),
    "test_hostile_files.py::test_every_command_ends_cleanly[huge-text-pmx-review]": (
        "review lists a .pmx whose 10 MB text the model refuses, because its stored summary is intact"
    ),
    "test_hostile_files.py::test_opening_in_the_gui_ends_cleanly[summary-planted]": (
        "opening in the GUI rewrites the file (summary repair) without any edit"
    ),
    "test_markup.py::test_markup_in_texts_is_never_rendered": (
        "some labels and tooltips let Qt interpret a participant's text as rich text"
    ),
    "test_properties.py::test_every_text_field_of_the_model_reaches_the_docx": (
        "13 free-text fields (relation notes, instrument risks, indicator notes...) are not in the DOCX"
    ),
    "test_properties.py::test_items_sharing_an_id_are_all_exported": (
        "items sharing an id (a draft's duplicate, rule G03) are exported once"
    ),
    "test_properties.py::test_every_text_appears_cleaned_in_the_docx": (
        "not every text of a generated proposal appears in the DOCX"
    ),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the known bugs as strict expected failures."""
    for item in items:
        key = item.nodeid.split("tests/faults/", 1)[-1]
        reason = KNOWN_BUGS.get(key)
        if reason:
            strict = not key.startswith("test_properties.py")
            item.add_marker(pytest.mark.xfail(reason=f"known bug: {reason}", strict=strict))
