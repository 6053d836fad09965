"""Bugs the fault suites found and that are not fixed yet: each test stays, marked as an expected failure.

strict=True: the day a fix lands, the test passes, pytest reports XPASS as a failure, and the entry must go.
Hypothesis properties are not strict: a run may not draw the failing example (no example database in CI).
"""

from __future__ import annotations

import pytest

KNOWN_BUGS: dict[str, str] = {}
"""Test node id (relative to tests/faults/) -> what is wrong; empty while no found bug is left unfixed."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the known bugs as strict expected failures."""
    for item in items:
        key = item.nodeid.split("tests/faults/", 1)[-1]
        reason = KNOWN_BUGS.get(key)
        if reason:
            strict = not key.startswith("test_properties.py")
            item.add_marker(pytest.mark.xfail(reason=f"known bug: {reason}", strict=strict))
